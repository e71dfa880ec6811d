class AddNameToWidgets < ActiveRecord::Migration[6.1]
  def up
    execute "ALTER TABLE widgets ADD COLUMN name text"
  end

  def down
    execute "ALTER TABLE widgets DROP COLUMN name"
  end
end
