-- expect: add-required-column 5:1
-- expect: index-without-concurrently 6:1
-- goose: only the Up section runs on deploy, the Down section is not linted.
-- +goose Up
ALTER TABLE widgets ADD COLUMN color text NOT NULL;
CREATE INDEX widgets_color_idx ON widgets (color);

-- +goose Down
DROP INDEX widgets_color_idx;
ALTER TABLE widgets DROP COLUMN color;
