-- golang-migrate 000004: the constraint takes over the index built concurrently in 000003, and
-- the foreign key of 000002 is validated.
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_idx;
ALTER TABLE users VALIDATE CONSTRAINT users_team_id_fkey;
