"""create widgets"""
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CREATE TABLE widgets (id integer PRIMARY KEY)")


def downgrade():
    op.execute("DROP TABLE widgets")
