-- needs: splitter
-- expect: drop-column 11:1
-- Sqitch deploy script: a block comment (nested, holding a semicolon) before the statement,
-- whose first token is where the finding is, and a line comment holding one before COMMIT.
-- Deploy shelf:readers_drop_phone to pg
-- requires: readers

BEGIN;

/* Phone numbers moved to shelf.contacts in release 12; /* nested */ the column is unread. */
ALTER TABLE shelf.readers DROP COLUMN phone;

-- old code still selected it in release 11; it is gone from release 12
COMMIT;
