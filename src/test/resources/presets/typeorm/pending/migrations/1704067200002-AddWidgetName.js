module.exports = class AddWidgetName1704067200002 {
  async up(queryRunner) {
    await queryRunner.query('ALTER TABLE widgets ADD COLUMN name text');
  }
  async down(queryRunner) {
    await queryRunner.query('ALTER TABLE widgets DROP COLUMN name');
  }
};
