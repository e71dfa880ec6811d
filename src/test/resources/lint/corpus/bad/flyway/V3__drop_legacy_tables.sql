-- expect: not-analysed 7:1
-- expect: drop-table 8:1
-- expect: drop-table 8:1
-- expect: not-analysed 9:1
-- expect: index-without-concurrently 10:1
-- Flyway V3: one DROP TABLE of two tables gives two findings at the same statement.
DROP VIEW IF EXISTS legacy_active_sessions;
DROP TABLE IF EXISTS legacy_sessions, legacy_tokens CASCADE;
DROP SEQUENCE IF EXISTS legacy_ticket_seq;
DROP INDEX IF EXISTS idx_users_legacy_login;
