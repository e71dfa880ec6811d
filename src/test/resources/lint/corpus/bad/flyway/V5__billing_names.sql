-- expect: rename-column 6:1
-- expect: change-column-type 7:1
-- expect: index-without-concurrently 8:1
-- expect: drop-column 9:1
-- Flyway V5: quoted, mixed-case and schema-qualified names, IF EXISTS and ONLY on ALTER TABLE.
ALTER TABLE IF EXISTS "billing"."Invoices" RENAME COLUMN "TotalCents" TO "total_cents";
ALTER TABLE billing.invoice_lines ALTER COLUMN amount SET DATA TYPE numeric(12, 2) USING amount / 100.0;
CREATE INDEX invoice_lines_invoice_idx ON billing.invoice_lines (invoice_id);
ALTER TABLE IF EXISTS ONLY billing.invoice_lines DROP COLUMN IF EXISTS legacy_tax;
