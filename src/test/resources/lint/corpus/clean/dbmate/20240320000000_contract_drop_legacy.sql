-- phase: contract
-- dbmate, contract: the drops and the rename that expand forbids.
-- migrate:up
ALTER TABLE posts DROP COLUMN IF EXISTS legacy_slug;
DROP TABLE IF EXISTS post_drafts;
ALTER TABLE posts RENAME COLUMN body_markdown TO body_source;
ALTER TABLE comments RENAME TO post_comments;

-- migrate:down
ALTER TABLE post_comments RENAME TO comments;
ALTER TABLE posts RENAME COLUMN body_source TO body_markdown;
ALTER TABLE posts ADD COLUMN legacy_slug text;
