-- V1__orders.sql
-- Orders and their lines; amounts in cents.

CREATE TYPE order_status AS ENUM ('new', 'paid', 'shipped', 'cancelled');

CREATE TABLE customers (
    id         bigserial PRIMARY KEY,
    name       text NOT NULL CHECK (name <> ''),
    email      text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX customers_email_key ON customers (lower(email));

CREATE TABLE orders (
    id          bigserial PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers (id) ON DELETE RESTRICT,
    status      order_status NOT NULL DEFAULT 'new',
    note        text CHECK (note IS NULL OR note !~ ';\s*$'),  -- no trailing semicolon; it's #42
    total_cents integer NOT NULL DEFAULT 0 CHECK (total_cents >= 0)
);

COMMENT ON COLUMN orders.note IS 'Free text; shown to the courier.';

/* Lines of an order.
   Quantities are positive; /* nested: PostgreSQL nests these; */ prices too. */
CREATE TABLE order_lines (
    order_id    bigint NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    sku         text NOT NULL,
    quantity    integer NOT NULL CHECK (quantity > 0),
    price_cents integer NOT NULL,
    PRIMARY KEY (order_id, sku)
);
