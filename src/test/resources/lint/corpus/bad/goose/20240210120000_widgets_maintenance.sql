-- expect: not-analysed 8:1
-- expect: not-analysed 9:1
-- expect: not-analysed 10:1
-- expect: not-analysed 11:1
-- goose, outside a transaction: maintenance statements syncgen does not analyse (ANALYZE is known).
-- +goose NO TRANSACTION
-- +goose Up
VACUUM (ANALYZE) widgets;
CLUSTER widgets USING widgets_pkey;
REINDEX TABLE CONCURRENTLY widgets;
ALTER TABLE widgets SET (fillfactor = 70);
ANALYZE widgets;

-- +goose Down
ALTER TABLE widgets RESET (fillfactor);
