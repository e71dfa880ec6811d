-- python manage.py sqlmigrate library 0002 (Django 5, db_default): a nullable field, a field
-- whose database default stays, and a new database default.
BEGIN;
--
-- Add field subtitle to book
--
ALTER TABLE "library_book" ADD COLUMN "subtitle" varchar(200) NULL;
--
-- Add field status to book
--
ALTER TABLE "library_book" ADD COLUMN "status" varchar(16) DEFAULT 'draft' NOT NULL;
--
-- Alter field isbn on book
--
ALTER TABLE "library_book" ALTER COLUMN "isbn" SET DEFAULT '';
COMMIT;
