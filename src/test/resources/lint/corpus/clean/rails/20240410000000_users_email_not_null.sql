-- phase: contract
-- expect-allowed: set-not-null 9:1
-- strong_migrations' safe SET NOT NULL, in a contract migration: a NOT VALID check, validated,
-- lets PostgreSQL 12+ skip the scan, and the remaining warning is acknowledged with its reason.
BEGIN;
ALTER TABLE "users" ADD CONSTRAINT "users_email_null" CHECK ("email" IS NOT NULL) NOT VALID;
ALTER TABLE "users" VALIDATE CONSTRAINT "users_email_null";
-- syncgen:allow set-not-null the validated users_email_null check lets PostgreSQL skip the scan
ALTER TABLE "users" ALTER COLUMN "email" SET NOT NULL;
ALTER TABLE "users" DROP CONSTRAINT "users_email_null";
INSERT INTO "schema_migrations" ("version") VALUES ('20240410000000') RETURNING "version";
COMMIT;
