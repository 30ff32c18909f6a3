"""Claim slots and contradictions.

Adds `time`, `place`, `modality` and `contradicted_by` to corpus claims. Existing rows keep
null: the next `fuentes analyse` fills them (the claims stage version changed).

Revision ID: 0007
Revises: 0006
"""
import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

COLUMNS = (("time", sa.String(32)), ("place", sa.Text), ("modality", sa.String(16)), ("contradicted_by", sa.JSON))


def upgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        for column, kind in COLUMNS:
            batch.add_column(sa.Column(column, kind))


def downgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        for column, _ in reversed(COLUMNS):
            batch.drop_column(column)
