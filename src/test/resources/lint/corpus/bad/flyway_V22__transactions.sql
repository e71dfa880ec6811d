-- A hand-written Flyway script that opens its own blocks: the second BEGIN nests (PostgreSQL only
-- warns), and the file ends inside the block it opened last; the concurrent index cannot be
-- retried after a failed build.
-- expect: transaction-nesting 11:1
-- expect: uncommitted-transaction 16:1
-- expect: concurrent-index-not-idempotent 14:1
BEGIN;
CREATE TABLE audit_events (id bigint PRIMARY KEY, kind text);
COMMIT;
BEGIN;
BEGIN;
INSERT INTO audit_events VALUES (1, 'created');
COMMIT;
CREATE INDEX CONCURRENTLY audit_events_kind ON audit_events (kind);
BEGIN;
INSERT INTO audit_events VALUES (2, 'updated');
