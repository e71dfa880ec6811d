-- needs: splitter
-- expect: index-without-concurrently 12:1
-- python manage.py sqlmigrate orders 0010: RunSQL with string constants holding semicolons (a standard
-- string, an E'' string with an escaped quote).
BEGIN;
--
-- Raw SQL operation
--
UPDATE "orders_order" SET "note" = 'imported; see ticket OPS-42' WHERE "note" IS NULL;
UPDATE "orders_order" SET "note" = E'customer\'s note; migrated' WHERE "id" = 1;
COMMENT ON TABLE "orders_order" IS 'Orders; one row per checkout';
CREATE INDEX "orders_order_note_idx" ON "orders_order" ("note");
COMMIT;
