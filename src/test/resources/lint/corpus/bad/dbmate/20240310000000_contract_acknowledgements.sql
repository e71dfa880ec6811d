-- phase: contract
-- expect: set-not-null 10:1
-- expect: allow-without-reason 11:1
-- expect: set-not-null 12:1
-- expect: not-analysed 15:1
-- dbmate, contract: an acknowledgement of another rule, one without a reason, and one separated
-- from its statement by a blank line acknowledge nothing, and the drop needs none in contract.
-- migrate:up
-- syncgen:allow drop-column published_at is filled by every writer since 2.4
ALTER TABLE posts ALTER COLUMN published_at SET NOT NULL;
-- syncgen:allow set-not-null
ALTER TABLE posts ALTER COLUMN title SET NOT NULL;
-- syncgen:allow not-analysed reviewed: ownership only

ALTER TABLE posts OWNER TO blog_owner;
-- syncgen:allow drop-column legacy_slug is unread since 2.3
ALTER TABLE posts DROP COLUMN legacy_slug;

-- migrate:down
ALTER TABLE posts ADD COLUMN legacy_slug text;
