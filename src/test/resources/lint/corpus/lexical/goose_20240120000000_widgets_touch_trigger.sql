-- needs: splitter
-- expect: index-without-concurrently 18:1
-- goose: a PL/pgSQL function whose dollar-quoted body holds semicolons (inside StatementBegin/End),
-- a trigger, then an index on the existing table.
-- +goose Up
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION widgets_touch_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;
-- +goose StatementEnd
ALTER TABLE widgets ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
CREATE TRIGGER widgets_touch_updated_at BEFORE UPDATE ON widgets
    FOR EACH ROW EXECUTE FUNCTION widgets_touch_updated_at();
CREATE INDEX widgets_updated_at_idx ON widgets (updated_at);

-- +goose Down
DROP TRIGGER widgets_touch_updated_at ON widgets;
DROP FUNCTION widgets_touch_updated_at();
