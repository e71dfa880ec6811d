-- phase: contract
-- expect: change-column-type 9:1
-- expect: unique-constraint 10:1
-- expect: table-rewrite 11:1
-- expect: index-without-concurrently 12:1
-- expect: constraint-not-valid 13:1
-- expect: drop-not-null 14:1
-- Flyway V6, a contract migration: the drop is allowed, the lock and rewrite rules are not.
ALTER TABLE public.events ALTER COLUMN payload TYPE jsonb USING payload::jsonb;
ALTER TABLE public.events ADD CONSTRAINT events_external_id_key UNIQUE (external_id);
ALTER TABLE public.events ADD COLUMN seq bigserial;
CREATE INDEX events_created_at_idx ON public.events (created_at);
ALTER TABLE public.events ADD CONSTRAINT events_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.accounts (id);
ALTER TABLE public.events DROP COLUMN legacy_payload, ALTER COLUMN kind DROP NOT NULL;
