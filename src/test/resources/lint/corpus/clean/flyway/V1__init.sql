-- Flyway V1: tables created in the file (quoted, mixed-case, schema-qualified, renamed) take
-- keys, constraints, required columns, indexes and type changes without a finding.
CREATE SCHEMA IF NOT EXISTS billing;

CREATE TABLE billing.customers (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE "billing"."Invoices" (
    "Id" bigint GENERATED ALWAYS AS IDENTITY,
    "CustomerId" bigint NOT NULL,
    "TotalCents" integer NOT NULL
);

ALTER TABLE "billing"."Invoices" ADD CONSTRAINT "Invoices_pkey" PRIMARY KEY ("Id");
ALTER TABLE ONLY "billing"."Invoices"
    ADD CONSTRAINT "Invoices_CustomerId_fkey" FOREIGN KEY ("CustomerId") REFERENCES billing.customers (id),
    ADD COLUMN "IssuedAt" timestamptz NOT NULL,
    ADD COLUMN "Number" text NOT NULL UNIQUE;
CREATE UNIQUE INDEX customers_email_key ON billing.customers (lower(email));
CREATE INDEX ON "billing"."Invoices" ("CustomerId");

CREATE TABLE billing.invoice_line (
    id bigserial PRIMARY KEY,
    invoice_id bigint NOT NULL,
    amount integer NOT NULL
);
ALTER TABLE billing.invoice_line RENAME TO invoice_lines;
CREATE INDEX invoice_lines_invoice_idx ON billing.invoice_lines (invoice_id);
ALTER TABLE billing.invoice_lines ALTER COLUMN amount TYPE numeric(12, 2) USING amount / 100.0;
