-- migrate:up transaction:false
CREATE INDEX CONCURRENTLY IF NOT EXISTS posts_title_idx ON posts (title);

-- migrate:down
DROP INDEX CONCURRENTLY IF EXISTS posts_title_idx;
