-- V2__order_functions.sql: totals kept by a trigger.
CREATE OR REPLACE FUNCTION order_total(p_order bigint) RETURNS integer
LANGUAGE sql STABLE AS $$
    SELECT coalesce(sum(quantity * price_cents), 0)::integer
    FROM order_lines WHERE order_id = p_order;
$$;

CREATE OR REPLACE FUNCTION refresh_total() RETURNS trigger
LANGUAGE plpgsql AS $fn$
DECLARE
    v_sql text := $q$UPDATE orders SET total_cents = order_total($1) WHERE id = $1$q$;
BEGIN
    EXECUTE v_sql USING coalesce(NEW.order_id, OLD.order_id);
    RAISE DEBUG E'refreshed order %\n', coalesce(NEW.order_id, OLD.order_id);
    RETURN NULL;
END;
$fn$;

CREATE TRIGGER order_lines_total
AFTER INSERT OR UPDATE OR DELETE ON order_lines
FOR EACH ROW EXECUTE FUNCTION refresh_total();

CREATE FUNCTION slugify(v text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT
AS 'SELECT trim(both ''-'' from regexp_replace(lower(v), ''[^a-z0-9]+'', ''-'', ''g''))';

INSERT INTO customers (name, email) VALUES ('Ada', 'ada@example.com');
INSERT INTO orders (customer_id) SELECT id FROM customers WHERE email = 'ada@example.com';
INSERT INTO order_lines (order_id, sku, quantity, price_cents)
SELECT id, 'tea;green', 2, 450 FROM orders;
