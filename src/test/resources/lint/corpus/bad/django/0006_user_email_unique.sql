-- expect: unique-constraint 10:1
-- expect: index-without-concurrently 11:1
-- expect: index-without-concurrently 15:1
-- python manage.py sqlmigrate accounts 0006: unique=True on an existing CharField (Django adds
-- the varchar_pattern_ops "like" index too) and a Meta.indexes entry.
BEGIN;
--
-- Alter field email on user
--
ALTER TABLE "accounts_user" ADD CONSTRAINT "accounts_user_email_b2644a56_uniq" UNIQUE ("email");
CREATE INDEX "accounts_user_email_b2644a56_like" ON "accounts_user" ("email" varchar_pattern_ops);
--
-- Create index accounts_us_last_lo_9a3e1c_idx on F(last_login) descending on model user
--
CREATE INDEX "accounts_us_last_lo_9a3e1c_idx" ON "accounts_user" ("last_login" DESC);
COMMIT;
