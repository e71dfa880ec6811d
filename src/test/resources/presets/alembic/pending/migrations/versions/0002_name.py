"""add widgets.name"""
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("ALTER TABLE widgets ADD COLUMN name text")


def downgrade():
    op.execute("ALTER TABLE widgets DROP COLUMN name")
