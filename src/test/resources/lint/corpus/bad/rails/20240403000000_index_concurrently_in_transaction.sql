-- expect: concurrently-in-transaction 6:1
-- expect: concurrently-in-transaction 7:1
-- Rails add_index/remove_index with algorithm: :concurrently but no disable_ddl_transaction!:
-- ActiveRecord still opens the migration's transaction.
BEGIN;
CREATE INDEX CONCURRENTLY IF NOT EXISTS "index_users_on_last_seen_at" ON "users" ("last_seen_at");
DROP INDEX CONCURRENTLY "index_users_on_last_login";
INSERT INTO "schema_migrations" ("version") VALUES ('20240403000000') RETURNING "version";
COMMIT;
