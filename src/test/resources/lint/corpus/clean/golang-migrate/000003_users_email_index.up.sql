-- golang-migrate 000003: alone in its file, so the driver sends it outside a transaction.
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS users_email_idx ON users (email);
