"""Events in ACLED's vocabulary, in words.

Adds to corpus events `acled_event_type` and `acled_sub_event_type` (ACLED's own names, null
when ACLED does not code the type), `cameo`, `summary` (actor, action, target, place in words),
`fatalities` (the dead the reports state) and `includes` (other types told as part of the same
incident). Existing rows keep null: the next `fuentes analyse` fills them (the events stage
version changed).

Revision ID: 0008
Revises: 0007 (claim fields)
"""
import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

COLUMNS = (("acled_event_type", sa.String(64)), ("acled_sub_event_type", sa.String(64)), ("cameo", sa.String(8)),
           ("summary", sa.Text), ("fatalities", sa.Integer), ("includes", sa.JSON))


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        for column, kind in COLUMNS:
            batch.add_column(sa.Column(column, kind))


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        for column, _ in reversed(COLUMNS):
            batch.drop_column(column)
