-- PostgreSQL 14+: SQL-standard function bodies; psql keeps BEGIN ATOMIC ... END whole.
CREATE FUNCTION order_count(p_customer bigint) RETURNS bigint
    LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT count(*) FROM orders WHERE customer_id = p_customer;
END;

CREATE OR REPLACE FUNCTION status_label(s order_status) RETURNS text
    LANGUAGE sql IMMUTABLE
BEGIN ATOMIC
    SELECT CASE s
        WHEN 'new' THEN 'New; unpaid'
        WHEN 'paid' THEN 'Paid'
        ELSE initcap(s::text)
    END;
END;

CREATE PROCEDURE archive_cancelled()
    LANGUAGE sql
BEGIN ATOMIC
    DELETE FROM order_lines WHERE order_id IN (SELECT id FROM orders WHERE status = 'cancelled');
    DELETE FROM orders WHERE status = 'cancelled';
END;

CREATE FUNCTION add_one(i integer) RETURNS integer LANGUAGE sql IMMUTABLE RETURN i + 1;

BEGIN;
CALL archive_cancelled();
SELECT add_one(41), status_label('paid'), order_count(1);
COMMIT;
