-- migrate:up
CREATE TABLE posts (
  id serial PRIMARY KEY,
  title text NOT NULL,
  body text NOT NULL DEFAULT '',
  published_at timestamptz
);
CREATE INDEX posts_published_at_idx ON posts (published_at) WHERE published_at IS NOT NULL;
CREATE TABLE comments (
  id serial PRIMARY KEY,
  post_id integer NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
  body text NOT NULL
);
CREATE INDEX ON comments (post_id);

-- migrate:down
DROP TABLE comments;
DROP TABLE posts;
