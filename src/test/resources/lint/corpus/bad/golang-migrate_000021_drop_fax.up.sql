-- phase: contract
-- lock-timeout: none
-- expect: missing-lock-timeout 10:1
-- The contract pass sets its timeout too late: the drop of fax runs before it. A timeout of 0
-- does not count.
SET lock_timeout = 0;
CREATE TABLE customer_fax_archive (id bigint PRIMARY KEY, fax text);
INSERT INTO customer_fax_archive SELECT id, fax FROM customers WHERE fax IS NOT NULL;
-- In contract a drop is allowed, but it still queues behind long transactions.
ALTER TABLE customers DROP COLUMN fax;
SET lock_timeout = '3s';
ALTER TABLE customers DROP COLUMN telex;
