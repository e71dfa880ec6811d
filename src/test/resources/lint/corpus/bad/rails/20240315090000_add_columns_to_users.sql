-- expect: table-rewrite 7:1
-- expect: add-required-column 9:1
-- expect: table-rewrite 10:1
-- Rails add_column with a volatile default (default: -> { "gen_random_uuid()" }), a constant
-- default, a null: false column without one, and a default computed per row.
BEGIN;
ALTER TABLE "users" ADD "public_id" uuid DEFAULT gen_random_uuid() NOT NULL;
ALTER TABLE "users" ADD "sign_in_count" integer DEFAULT 0 NOT NULL;
ALTER TABLE "users" ADD "invited_by_id" bigint NOT NULL;
ALTER TABLE "users" ADD "unsubscribe_token" character varying DEFAULT md5(random()::text);
INSERT INTO "schema_migrations" ("version") VALUES ('20240315090000') RETURNING "version";
COMMIT;
