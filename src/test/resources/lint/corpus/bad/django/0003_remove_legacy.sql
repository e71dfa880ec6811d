-- expect: drop-column 8:1
-- expect: drop-table 12:1
-- python manage.py sqlmigrate accounts 0003: RemoveField and DeleteModel in an expand migration.
BEGIN;
--
-- Remove field legacy_code from profile
--
ALTER TABLE "accounts_profile" DROP COLUMN "legacy_code" CASCADE;
--
-- Delete model Invitation
--
DROP TABLE "accounts_invitation" CASCADE;
COMMIT;
