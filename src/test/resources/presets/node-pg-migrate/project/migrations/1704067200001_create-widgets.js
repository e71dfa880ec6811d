// node-pg-migrate reads the connection from DATABASE_URL itself.
exports.up = (pgm) => { pgm.sql('CREATE TABLE widgets (id integer PRIMARY KEY)'); };
exports.down = (pgm) => { pgm.sql('DROP TABLE widgets'); };
