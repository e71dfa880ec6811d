-- Deploy shop:prices to pg
-- requires: orders

BEGIN;

SET LOCAL lock_timeout = '5s';

ALTER TABLE order_lines
    ADD COLUMN currency char(3) NOT NULL DEFAULT 'EUR',
    ADD CONSTRAINT order_lines_currency_check CHECK (currency ~ '^[A-Z]{3}$') NOT VALID;

ALTER TABLE order_lines VALIDATE CONSTRAINT order_lines_currency_check;

CREATE RULE order_lines_log AS ON DELETE TO order_lines
    DO ALSO (INSERT INTO audit_log (action) VALUES ('delete ' || OLD.sku); NOTIFY order_lines);

COMMIT;
