-- expect: constraint-not-valid 8:1
-- expect: index-without-concurrently 9:1
-- python manage.py sqlmigrate library 0002 (Django 4.2): a ForeignKey added to an existing model.
BEGIN;
--
-- Add field author to book
--
ALTER TABLE "library_book" ADD COLUMN "author_id" bigint NULL CONSTRAINT "library_book_author_id_5a9c2e1f_fk_library_author_id" REFERENCES "library_author"("id") DEFERRABLE INITIALLY DEFERRED; SET CONSTRAINTS "library_book_author_id_5a9c2e1f_fk_library_author_id" IMMEDIATE;
CREATE INDEX "library_book_author_id_5a9c2e1f" ON "library_book" ("author_id");
COMMIT;
