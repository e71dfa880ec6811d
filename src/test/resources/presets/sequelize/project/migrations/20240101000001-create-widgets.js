'use strict';
module.exports = {
  async up(queryInterface) {
    await queryInterface.sequelize.query('CREATE TABLE widgets (id integer PRIMARY KEY)');
  },
  async down(queryInterface) {
    await queryInterface.sequelize.query('DROP TABLE widgets');
  },
};
