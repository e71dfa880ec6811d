-- Rails validate_foreign_key :posts, :users, in the next migration.
BEGIN;
ALTER TABLE "posts" VALIDATE CONSTRAINT "fk_rails_5b5ddfd518";
INSERT INTO "schema_migrations" ("version") VALUES ('20240406000000') RETURNING "version";
COMMIT;
