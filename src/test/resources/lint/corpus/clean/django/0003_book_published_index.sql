-- python manage.py sqlmigrate library 0003 of a migration with atomic = False:
-- AddIndexConcurrently, AddConstraintNotValid, then ValidateConstraint (no BEGIN).
--
-- Concurrently create index library_bo_publish_7a1b2c_idx on field(s) published of model book
--
CREATE INDEX CONCURRENTLY IF NOT EXISTS "library_bo_publish_7a1b2c_idx" ON "library_book" ("published");
--
-- Create not valid constraint pages_positive on model book
--
ALTER TABLE "library_book" ADD CONSTRAINT "pages_positive" CHECK ("pages" > 0) NOT VALID;
--
-- Validate constraint pages_positive on model book
--
ALTER TABLE "library_book" VALIDATE CONSTRAINT "pages_positive";
