-- phase: contract
-- python manage.py sqlmigrate accounts 0009, run once no old code runs: a required field whose
-- default Django drops right after filling the rows, a removed field, a renamed one, a deleted model.
BEGIN;
--
-- Add field nickname to profile
--
ALTER TABLE "accounts_profile" ADD COLUMN "nickname" varchar(50) DEFAULT '' NOT NULL;
ALTER TABLE "accounts_profile" ALTER COLUMN "nickname" DROP DEFAULT;
--
-- Remove field legacy_code from profile
--
ALTER TABLE "accounts_profile" DROP COLUMN "legacy_code" CASCADE;
--
-- Rename field name on author to full_name
--
ALTER TABLE "library_author" RENAME COLUMN "name" TO "full_name";
--
-- Delete model Invitation
--
DROP TABLE "accounts_invitation" CASCADE;
COMMIT;
