-- Deploy shelf:loans to pg
-- requires: readers

BEGIN;

SET LOCAL lock_timeout = '2s';

CREATE TABLE shelf.loans (
    id         BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reader     TEXT        NOT NULL REFERENCES shelf.readers (nickname),
    isbn       TEXT        NOT NULL,
    due_on     DATE        NOT NULL,
    returned   BOOLEAN     NOT NULL DEFAULT FALSE
);

CREATE INDEX loans_reader_idx ON shelf.loans (reader);
CREATE INDEX loans_open_idx ON shelf.loans (due_on) WHERE NOT returned;
GRANT SELECT, INSERT, UPDATE ON shelf.loans TO shelf_app;

COMMIT;
