exports.up = (knex) => knex.raw('ALTER TABLE widgets ADD COLUMN name text');
exports.down = (knex) => knex.raw('ALTER TABLE widgets DROP COLUMN name');
