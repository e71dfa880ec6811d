from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("widgets", "0001_initial")]
    operations = [
        migrations.RunSQL(
            "ALTER TABLE widgets ADD COLUMN name text",
            reverse_sql="ALTER TABLE widgets DROP COLUMN name",
        ),
    ]
