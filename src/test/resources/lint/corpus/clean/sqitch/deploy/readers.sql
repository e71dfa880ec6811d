-- Deploy shelf:readers to pg
-- requires: appschema

BEGIN;

CREATE TABLE shelf.readers (
    nickname    TEXT        PRIMARY KEY,
    email       TEXT,
    legacy_code TEXT,
    joined_at   TIMESTAMPTZ NOT NULL DEFAULT NOW()
);

CREATE INDEX readers_legacy_idx ON shelf.readers (legacy_code);

COMMIT;
