--liquibase formatted sql

--changeset syncgen:1
CREATE TABLE widgets (id integer PRIMARY KEY);

--changeset syncgen:2
ALTER TABLE widgets ADD COLUMN name text;
