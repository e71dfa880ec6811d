-- needs: splitter
-- expect: index-without-concurrently 7:1
-- golang-migrate 000009: dollar-quoted and standard strings holding semicolons.
COMMENT ON COLUMN orders.note IS $$Free text; shown on the invoice$$;
ALTER TABLE orders ADD COLUMN csv_separator text NOT NULL DEFAULT ';';
ALTER TABLE orders ADD COLUMN label text DEFAULT $label$a;b$label$;
CREATE INDEX orders_label_idx ON orders (label);
