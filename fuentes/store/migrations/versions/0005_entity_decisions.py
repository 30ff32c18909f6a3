"""Analysts' entity decisions: merges and splits that every analysis run applies.

Revision ID: 0005
Revises: 0004
"""
import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("entity_decisions",
                    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
                    sa.Column("kind", sa.String(8), nullable=False),
                    sa.Column("first", sa.Text, nullable=False),
                    sa.Column("second", sa.Text, nullable=False),
                    sa.Column("who", sa.Text, nullable=False),
                    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
                    sa.Column("note", sa.Text))


def downgrade() -> None:
    op.drop_table("entity_decisions")
