--liquibase formatted sql

--changeset syncgen:1
CREATE TABLE widgets (id integer PRIMARY KEY);
