-- +goose Up
-- +goose StatementBegin
CREATE OR REPLACE VIEW active_widgets AS
    SELECT id, name, price_cents FROM widgets WHERE deleted_at IS NULL;
-- +goose StatementEnd
ALTER TABLE widgets ALTER COLUMN price_cents SET DEFAULT 100;

-- +goose Down
DROP VIEW active_widgets;
ALTER TABLE widgets DROP COLUMN price_cents;
