-- needs: splitter
-- expect-allowed: not-analysed 12:1
-- expect: concurrently-in-transaction 20:1
-- Sqitch deploy script: a DO block whose body holds semicolons and END IF / END lines, inside
-- the script's transaction block, which stays open: the CONCURRENTLY after it fails there.
-- Deploy shelf:loans_status_type to pg
-- requires: loans

BEGIN;

-- syncgen:allow not-analysed creates the enum type only when it is missing
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'loan_status') THEN
        CREATE TYPE shelf.loan_status AS ENUM ('open', 'returned', 'lost');
    END IF;
END
$$;
ALTER TABLE shelf.loans ADD COLUMN status shelf.loan_status;
CREATE INDEX CONCURRENTLY IF NOT EXISTS loans_status_idx ON shelf.loans (status);

COMMIT;
