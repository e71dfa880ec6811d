-- expect: rename-column 10:1
-- expect: rename-table 14:1
-- expect: set-not-null 19:1
-- python manage.py sqlmigrate library 0004: RenameField, RenameModel, and AlterField from
-- null=True to null=False with a one-off default for the existing rows.
BEGIN;
--
-- Rename field name on author to full_name
--
ALTER TABLE "library_author" RENAME COLUMN "name" TO "full_name";
--
-- Rename model Publisher to Imprint
--
ALTER TABLE "library_publisher" RENAME TO "library_imprint";
--
-- Alter field isbn on book
--
UPDATE "library_book" SET "isbn" = '' WHERE "isbn" IS NULL; SET CONSTRAINTS ALL IMMEDIATE;
ALTER TABLE "library_book" ALTER COLUMN "isbn" SET NOT NULL;
COMMIT;
