-- expect: rename-table 5:1
-- expect: rename-column 6:1
-- dbmate: renames in an expand migration (RENAME without COLUMN, and RENAME CONSTRAINT).
-- migrate:up
ALTER TABLE posts RENAME TO articles;
ALTER TABLE comments RENAME post_id TO article_id;
ALTER TABLE comments RENAME CONSTRAINT comments_post_id_fkey TO comments_article_id_fkey;

-- migrate:down
ALTER TABLE comments RENAME CONSTRAINT comments_article_id_fkey TO comments_post_id_fkey;
ALTER TABLE comments RENAME article_id TO post_id;
ALTER TABLE articles RENAME TO posts;
