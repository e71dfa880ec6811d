-- Cases known-gaps.md once listed (1, 2, 3, 5, 7, 8), now read right: a string that spells a
-- function is no call; gen_random_bytes is volatile; USING INDEX TABLESPACE builds a new index; a
-- temporary table is the file's own; a renamed enum value is not analysed; ROLLBACK TO SAVEPOINT
-- keeps the transaction open.
-- expect: table-rewrite 10:1
-- expect: unique-constraint 11:1
-- expect: not-analysed 14:1
-- expect: concurrently-in-transaction 18:1
ALTER TABLE accounts ADD COLUMN picker text DEFAULT 'random';
ALTER TABLE accounts ADD COLUMN salt bytea DEFAULT gen_random_bytes(16);
ALTER TABLE accounts ADD CONSTRAINT accounts_email_key UNIQUE (email) USING INDEX TABLESPACE fast;
CREATE TEMP TABLE staging (id bigint);
CREATE INDEX staging_id ON staging (id);
ALTER TYPE account_state RENAME VALUE 'closed' TO 'archived';
BEGIN;
SAVEPOINT before_index;
ROLLBACK TO SAVEPOINT before_index;
CREATE INDEX CONCURRENTLY IF NOT EXISTS accounts_picker ON accounts (picker);
COMMIT;
