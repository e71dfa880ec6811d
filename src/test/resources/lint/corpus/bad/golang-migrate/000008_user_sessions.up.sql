-- expect: index-without-concurrently 13:1
-- golang-migrate 000008: a table created in the file takes indexes and a required column freely,
-- the existing users table does not.
CREATE TABLE IF NOT EXISTS user_sessions (
    id bigserial PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES users (id),
    token text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX user_sessions_token_idx ON user_sessions (token);
CREATE INDEX user_sessions_user_id_idx ON user_sessions (user_id);
ALTER TABLE user_sessions ADD COLUMN expires_at timestamptz NOT NULL;
CREATE INDEX users_last_login_at_idx ON users (last_login_at);
