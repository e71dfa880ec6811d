CREATE TABLE widgets (id integer PRIMARY KEY);
