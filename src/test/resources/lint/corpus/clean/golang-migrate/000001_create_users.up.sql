CREATE EXTENSION IF NOT EXISTS citext;

CREATE TYPE user_status AS ENUM ('active', 'suspended');

CREATE TABLE orgs (
    id bigserial PRIMARY KEY,
    name text NOT NULL
);

CREATE TABLE users (
    id bigserial PRIMARY KEY,
    org_id bigint REFERENCES orgs (id),
    email citext NOT NULL UNIQUE,
    status user_status NOT NULL DEFAULT 'active',
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX users_org_id_idx ON users (org_id);
CREATE INDEX users_created_at_idx ON users USING brin (created_at);
ALTER TABLE users ADD COLUMN nickname text NOT NULL;
ALTER TABLE users ADD CONSTRAINT users_nickname_length CHECK (char_length(nickname) <= 40);
