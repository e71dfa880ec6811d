-- phase: contract
-- The same in a contract pass: the rules about transaction blocks and retries hold in both phases.
-- expect: concurrent-index-not-idempotent 7:1
-- expect: transaction-nesting 9:1
-- expect: uncommitted-transaction 10:1
ALTER TABLE customers DROP COLUMN IF EXISTS fax;
CREATE UNIQUE INDEX CONCURRENTLY customers_email_key ON customers (email);
BEGIN;
START TRANSACTION;
DELETE FROM customers WHERE email IS NULL;
