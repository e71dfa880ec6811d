-- phase: contract
-- expect-allowed: not-analysed 11:1
-- expect-allowed: add-required-column 13:1
-- Flyway V7, a contract migration: drops and renames are allowed once no old code runs, and a
-- required column goes on a table the migration has just emptied (TRUNCATE is acknowledged).
DROP TABLE IF EXISTS public.legacy_sessions;
ALTER TABLE public.users DROP COLUMN IF EXISTS legacy_flags;
ALTER TABLE public.users RENAME COLUMN email_address TO email;
ALTER TABLE public.user_settings RENAME TO preferences;
-- syncgen:allow not-analysed the cache is rebuilt from orders on the next read
TRUNCATE TABLE public.cache_entries;
-- syncgen:allow add-required-column the TRUNCATE above left the table empty
ALTER TABLE public.cache_entries ADD COLUMN version integer NOT NULL;
