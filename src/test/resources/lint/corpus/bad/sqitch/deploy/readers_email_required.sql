-- expect: set-not-null 8:5
-- expect: concurrently-in-transaction 9:5
-- Deploy shelf:readers_email_required to pg
-- requires: readers

BEGIN;

    ALTER TABLE shelf.readers ALTER COLUMN email SET NOT NULL;
    CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS readers_email_key ON shelf.readers (email);

COMMIT;
