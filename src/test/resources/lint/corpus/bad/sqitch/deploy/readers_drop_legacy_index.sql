-- phase: contract
-- expect: concurrently-in-transaction 8:1
-- Deploy shelf:readers_drop_legacy_index to pg
-- requires: readers_email_required

BEGIN;

DROP INDEX CONCURRENTLY IF EXISTS shelf.readers_legacy_idx;
ALTER TABLE shelf.readers DROP COLUMN legacy_code;

COMMIT;
