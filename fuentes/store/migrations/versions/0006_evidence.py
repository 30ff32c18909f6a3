"""Evidence kept on every knowledge record; stable corpus entity ids.

Adds `evidence` to corpus entities, quotes and claims, `absorbed` (earlier entity ids a corpus
entity took in) to entities, and `passages` / `decided_by` to derivations. Existing rows keep
null: the next `fuentes analyse` fills them (the per-article stage versions changed).

Revision ID: 0006
Revises: 0005
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

COLUMNS = (("entities", "evidence", sa.JSON), ("entities", "absorbed", sa.JSON), ("quotes", "evidence", sa.JSON),
           ("claims", "evidence", sa.JSON), ("derivations", "passages", sa.JSON),
           ("derivations", "decided_by", sa.String(32)))


def upgrade() -> None:
    for table, column, kind in COLUMNS:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column(column, kind))


def downgrade() -> None:
    for table, column, _ in reversed(COLUMNS):
        with op.batch_alter_table(table) as batch:
            batch.drop_column(column)
