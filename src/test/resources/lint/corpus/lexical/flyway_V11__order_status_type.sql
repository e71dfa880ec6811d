-- needs: splitter
-- expect-allowed: not-analysed 6:1
-- expect: change-column-type 13:1
-- Flyway V11: a DO block (its body holds semicolons), acknowledged, then a type change.
-- syncgen:allow not-analysed creates the enum type only when it is missing
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'order_status') THEN
        CREATE TYPE order_status AS ENUM ('new', 'paid', 'shipped');
    END IF;
END
$$;
ALTER TABLE public.orders ALTER COLUMN status TYPE order_status USING status::order_status;
