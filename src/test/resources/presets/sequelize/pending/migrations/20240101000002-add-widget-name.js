'use strict';
module.exports = {
  async up(queryInterface) {
    await queryInterface.sequelize.query('ALTER TABLE widgets ADD COLUMN name text');
  },
  async down(queryInterface) {
    await queryInterface.sequelize.query('ALTER TABLE widgets DROP COLUMN name');
  },
};
