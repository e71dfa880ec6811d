-- phase: contract
-- expect: set-not-null 10:1
-- expect: drop-not-null 14:1
-- python manage.py sqlmigrate accounts 0008, run as a contract migration: the drop is allowed
-- there, SET NOT NULL and DROP NOT NULL are still warnings.
BEGIN;
--
-- Alter field email on user
--
ALTER TABLE "accounts_user" ALTER COLUMN "email" SET NOT NULL;
--
-- Alter field bio on profile
--
ALTER TABLE "accounts_profile" ALTER COLUMN "bio" DROP NOT NULL;
--
-- Remove field legacy_code from profile
--
ALTER TABLE "accounts_profile" DROP COLUMN "legacy_code" CASCADE;
COMMIT;
