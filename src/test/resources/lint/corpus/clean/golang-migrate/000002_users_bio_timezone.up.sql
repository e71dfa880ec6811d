-- golang-migrate 000002: nullable and constant-default columns, a multi-action ALTER TABLE whose
-- foreign key is NOT VALID, and statements known to be harmless.
ALTER TABLE users ADD COLUMN IF NOT EXISTS bio text;
ALTER TABLE users ADD COLUMN timezone text NOT NULL DEFAULT 'UTC';
ALTER TABLE users ALTER COLUMN timezone SET STATISTICS 100;
ALTER TABLE users ALTER COLUMN bio SET STORAGE EXTERNAL;
ALTER TABLE users
    ADD COLUMN team_id bigint,
    ADD CONSTRAINT users_team_id_fkey FOREIGN KEY (team_id) REFERENCES teams (id) NOT VALID;
CREATE SEQUENCE IF NOT EXISTS invite_code_seq;
ALTER SEQUENCE invite_code_seq RESTART WITH 1000;
GRANT SELECT ON users TO readonly;
COMMENT ON COLUMN users.timezone IS 'IANA zone name';
