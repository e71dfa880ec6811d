-- expect: index-without-concurrently 7:1
-- expect: constraint-not-valid 8:1
-- Rails 7.1, add_reference :posts, :user, foreign_key: true, captured from a scratch database
-- with log_statement = 'mod' (Rails wraps the migration in a transaction).
BEGIN;
ALTER TABLE "posts" ADD "user_id" bigint;
CREATE INDEX "index_posts_on_user_id" ON "posts" ("user_id");
ALTER TABLE "posts" ADD CONSTRAINT "fk_rails_5b5ddfd518"
FOREIGN KEY ("user_id")
  REFERENCES "users" ("id")
;
INSERT INTO "schema_migrations" ("version") VALUES ('20240312101500') RETURNING "version";
COMMIT;
