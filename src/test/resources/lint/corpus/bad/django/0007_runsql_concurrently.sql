-- expect: concurrently-in-transaction 8:1
-- python manage.py sqlmigrate orders 0007: RunSQL with CREATE INDEX CONCURRENTLY in a migration
-- left atomic (no atomic = False), so Django wraps it in BEGIN ... COMMIT.
BEGIN;
--
-- Raw SQL operation
--
CREATE INDEX CONCURRENTLY IF NOT EXISTS "orders_order_created_at_idx" ON "orders_order" ("created_at");
COMMIT;
