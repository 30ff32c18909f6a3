"""State of incremental corpus stages (the provenance index).

Revision ID: 0004
Revises: 0003
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("corpus_state",
                    sa.Column("name", sa.String(32), primary_key=True),
                    sa.Column("version", sa.String(32), nullable=False),
                    sa.Column("data", sa.LargeBinary, nullable=False),
                    sa.Column("articles", sa.Integer, nullable=False),
                    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False))


def downgrade() -> None:
    op.drop_table("corpus_state")
