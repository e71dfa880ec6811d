-- expect: unique-constraint 10:1
-- expect: constraint-not-valid 14:1
-- expect: change-column-type 18:1
-- python manage.py sqlmigrate teams 0005: unique_together, a CheckConstraint, and an
-- IntegerField widened to BigIntegerField.
BEGIN;
--
-- Alter unique_together for membership (1 constraint(s))
--
ALTER TABLE "teams_membership" ADD CONSTRAINT "teams_membership_team_id_user_id_8c1f3b2a_uniq" UNIQUE ("team_id", "user_id");
--
-- Create constraint seats_non_negative on model team
--
ALTER TABLE "teams_team" ADD CONSTRAINT "seats_non_negative" CHECK ("seats" >= 0);
--
-- Alter field seats on team
--
ALTER TABLE "teams_team" ALTER COLUMN "seats" TYPE bigint USING "seats"::bigint;
COMMIT;
