-- +goose Up
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION touch_updated_at() RETURNS trigger AS $$
BEGIN
    NEW.updated_at = now();
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
-- +goose StatementEnd

CREATE TABLE IF NOT EXISTS audit_log (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    actor text,
    action text NOT NULL,
    at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz
);
CREATE INDEX CONCURRENTLY IF NOT EXISTS audit_log_at_idx ON audit_log (at);
CREATE TRIGGER audit_log_touch BEFORE UPDATE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
