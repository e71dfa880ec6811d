-- Rails add_index ..., algorithm: :concurrently with disable_ddl_transaction! (no BEGIN), and
-- strong_migrations' timeouts.
SET lock_timeout TO '10s';
SET statement_timeout TO 0;
CREATE INDEX CONCURRENTLY IF NOT EXISTS "index_users_on_last_seen_at" ON "users" ("last_seen_at");
INSERT INTO "schema_migrations" ("version") VALUES ('20240401120000') RETURNING "version";
