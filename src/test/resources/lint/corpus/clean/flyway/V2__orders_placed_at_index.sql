-- Flyway V2: CONCURRENTLY outside a transaction (Flyway runs a script of only such statements
-- without one).
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_placed_at_idx ON public.orders (placed_at);
DROP INDEX CONCURRENTLY IF EXISTS public.orders_legacy_idx;
