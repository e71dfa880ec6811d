-- Idempotent changes in DO blocks.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'order_status') THEN
        CREATE TYPE order_status AS ENUM ('new');
    END IF;
END
$$;

DO $do$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT format('%I.%I', schemaname, tablename) AS t
             FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE 'order%'
    LOOP
        EXECUTE format($f$COMMENT ON TABLE %s IS 'touched; by %s'$f$, r.t, 'migration 6');
    END LOOP;
END
$do$;

DO LANGUAGE plpgsql $body$
BEGIN
    RAISE NOTICE 'it''s done: %', $$nested $$ || 'text;';
END $body$;

ALTER TABLE orders ADD COLUMN IF NOT EXISTS shipped_at timestamptz;
