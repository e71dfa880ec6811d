-- expect: allow-without-reason 9:1
-- expect: drop-column 10:1
-- expect: allow-without-reason 11:1
-- expect: change-column-type 12:1
-- expect: allow-without-reason 13:5
-- expect: index-without-concurrently 14:1
-- Flyway V10: acknowledgements without a reason, naming no rule of syncgen, or nothing at all
-- are findings themselves and acknowledge nothing.
-- syncgen:allow drop-column
ALTER TABLE public.users DROP COLUMN legacy_flags;
-- syncgen:allow no-such-rule the settings table is tiny
ALTER TABLE public.settings ALTER COLUMN value TYPE jsonb USING value::jsonb;
    -- syncgen:allow
CREATE INDEX settings_key_idx ON public.settings (key);
