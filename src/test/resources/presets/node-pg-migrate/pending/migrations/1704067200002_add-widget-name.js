exports.up = (pgm) => { pgm.sql('ALTER TABLE widgets ADD COLUMN name text'); };
exports.down = (pgm) => { pgm.sql('ALTER TABLE widgets DROP COLUMN name'); };
