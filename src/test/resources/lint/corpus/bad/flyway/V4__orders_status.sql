-- expect: add-required-column 5:1
-- expect: table-rewrite 5:1
-- expect: constraint-not-valid 5:1
-- Flyway V4: one multi-action ALTER TABLE: every action is read, findings at its first token.
ALTER TABLE ONLY public.orders
    ADD COLUMN status text NOT NULL,
    ADD COLUMN placed_at timestamptz DEFAULT clock_timestamp(),
    ADD CONSTRAINT orders_status_check CHECK (status IN ('new', 'paid', 'shipped')),
    ALTER COLUMN total_cents SET DEFAULT 0;
