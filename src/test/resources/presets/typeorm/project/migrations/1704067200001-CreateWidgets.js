module.exports = class CreateWidgets1704067200001 {
  async up(queryRunner) {
    await queryRunner.query('CREATE TABLE widgets (id integer PRIMARY KEY)');
  }
  async down(queryRunner) {
    await queryRunner.query('DROP TABLE widgets');
  }
};
