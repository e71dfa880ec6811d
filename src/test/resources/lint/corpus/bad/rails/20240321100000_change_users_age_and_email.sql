-- expect: change-column-type 5:1
-- expect: set-not-null 7:1
-- Rails change_column :users, :age, :bigint and change_column_null :users, :email, false, "".
BEGIN;
ALTER TABLE "users" ALTER COLUMN "age" TYPE bigint;
UPDATE "users" SET "email"='' WHERE "email" IS NULL;
ALTER TABLE "users" ALTER COLUMN "email" SET NOT NULL;
INSERT INTO "schema_migrations" ("version") VALUES ('20240321100000') RETURNING "version";
COMMIT;
