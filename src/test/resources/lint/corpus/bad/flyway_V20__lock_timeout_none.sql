-- Flyway run by a pipeline that sets no lock timeout: the first statement that takes ACCESS
-- EXCLUSIVE on an existing table by a rule's claim (the drop; known gap: any ALTER TABLE takes it,
-- the ADD COLUMNs too) needs SET lock_timeout before it.
-- lock-timeout: none
-- expect: add-required-column 10:1
-- expect: drop-column 11:1
-- expect: missing-lock-timeout 11:1
ALTER TABLE invoices ADD COLUMN memo text;
CREATE TABLE invoice_notes (id bigint PRIMARY KEY, body text);
ALTER TABLE invoices ADD COLUMN due_on date NOT NULL;
ALTER TABLE invoices DROP COLUMN legacy_ref;
