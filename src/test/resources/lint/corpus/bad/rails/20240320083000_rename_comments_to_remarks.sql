-- expect: rename-table 4:1
-- Rails rename_table :comments, :remarks: the table, then its indexes (ALTER INDEX is harmless).
BEGIN;
ALTER TABLE "comments" RENAME TO "remarks";
ALTER INDEX "comments_pkey" RENAME TO "remarks_pkey";
ALTER INDEX "index_comments_on_post_id" RENAME TO "index_remarks_on_post_id";
INSERT INTO "schema_migrations" ("version") VALUES ('20240320083000') RETURNING "version";
COMMIT;
