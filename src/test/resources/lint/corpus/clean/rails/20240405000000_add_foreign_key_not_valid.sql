-- Rails add_foreign_key :posts, :users, validate: false.
BEGIN;
SET LOCAL lock_timeout = '10s';
ALTER TABLE "posts" ADD CONSTRAINT "fk_rails_5b5ddfd518"
FOREIGN KEY ("user_id")
  REFERENCES "users" ("id")
 NOT VALID;
INSERT INTO "schema_migrations" ("version") VALUES ('20240405000000') RETURNING "version";
COMMIT;
