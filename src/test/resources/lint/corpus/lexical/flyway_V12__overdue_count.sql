-- needs: splitter
-- expect: index-without-concurrently 10:1
-- Flyway V12: a SQL-standard function body (BEGIN ATOMIC ... END, PostgreSQL 14+) holds a semicolon
-- outside any quote, and psql keeps it one statement.
CREATE FUNCTION shelf.overdue_count(who text) RETURNS bigint
    LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT count(*) FROM shelf.loans WHERE reader = who AND NOT returned AND due_on < current_date;
END;
CREATE INDEX loans_due_on_idx ON shelf.loans (due_on);
