-- phase: contract
-- expect: add-required-column 7:1
-- A contract pass (bin/rails db:migrate with SKIP_POST_DEPLOYMENT_MIGRATIONS unset) that adds a
-- required column without a default: the old code is gone, but on a table with rows PostgreSQL
-- refuses it ("column contains null values"). Backfill a nullable column, then SET NOT NULL.
ALTER TABLE "statuses" ADD COLUMN "quote_id" bigint;
ALTER TABLE "statuses" ADD COLUMN "edited" boolean NOT NULL;
ALTER TABLE "statuses" ADD COLUMN "language" character varying DEFAULT 'en' NOT NULL;
