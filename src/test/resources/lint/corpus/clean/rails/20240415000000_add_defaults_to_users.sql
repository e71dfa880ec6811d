-- Rails add_column with constant or stable defaults: no rewrite since PostgreSQL 11, old code
-- keeps inserting without the columns.
BEGIN;
ALTER TABLE "users" ADD "locale" character varying DEFAULT 'en' NOT NULL;
ALTER TABLE "users" ADD "settings" jsonb DEFAULT '{}' NOT NULL;
ALTER TABLE "users" ADD "confirmed_at" timestamp(6) DEFAULT CURRENT_TIMESTAMP;
ALTER TABLE "users" ADD "activated_at" timestamptz DEFAULT now();
ALTER TABLE "users" ALTER COLUMN "locale" SET DEFAULT 'en-US';
COMMENT ON COLUMN "users"."locale" IS 'BCP 47 language tag';
INSERT INTO "schema_migrations" ("version") VALUES ('20240415000000') RETURNING "version";
COMMIT;
