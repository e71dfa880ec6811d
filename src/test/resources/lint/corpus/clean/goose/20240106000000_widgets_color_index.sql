-- +goose NO TRANSACTION
-- +goose Up
CREATE INDEX CONCURRENTLY IF NOT EXISTS widgets_color_idx ON widgets (color);

-- +goose Down
DROP INDEX CONCURRENTLY IF EXISTS widgets_color_idx;
