"""Claims, discrepancies, stories, events, relations, watchlists, and per-article JSON layers.

Revision ID: 0003
Revises: 0002
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _id() -> sa.Column:
    return sa.Column("id", sa.String(40), primary_key=True)


def upgrade() -> None:
    op.create_table("article_layers",
                    sa.Column("article_id", sa.String(40), sa.ForeignKey("articles.id", ondelete="CASCADE"),
                              primary_key=True),
                    sa.Column("layer", sa.String(32), primary_key=True),
                    sa.Column("data", sa.JSON, nullable=False))
    op.create_table("claims", _id(),
                    sa.Column("text", sa.Text, nullable=False),
                    sa.Column("subject", sa.Text), sa.Column("predicate", sa.Text), sa.Column("object", sa.Text),
                    sa.Column("claim_values", sa.JSON), sa.Column("speaker", sa.String(40)),
                    sa.Column("articles", sa.JSON), sa.Column("origins", sa.JSON),
                    sa.Column("independent_sources", sa.Integer, nullable=False),
                    sa.Column("grade", sa.Integer, nullable=False))
    op.create_table("discrepancies", _id(),
                    sa.Column("about", sa.Text, nullable=False),
                    sa.Column("discrepancy_values", sa.JSON))
    op.create_table("stories", _id(),
                    sa.Column("title", sa.Text), sa.Column("start", sa.String(32)), sa.Column("end", sa.String(32)),
                    sa.Column("articles", sa.JSON))
    op.create_table("events", _id(),
                    sa.Column("event_type", sa.String(32), nullable=False),
                    sa.Column("date", sa.String(32)),
                    sa.Column("actors", sa.JSON), sa.Column("targets", sa.JSON),
                    sa.Column("place", sa.Text), sa.Column("articles", sa.JSON),
                    sa.Column("independent_sources", sa.Integer, nullable=False),
                    sa.Column("trigger", sa.Text), sa.Column("evidence", sa.JSON),
                    sa.Column("story", sa.String(40)))
    op.create_index("ix_events_date", "events", ["date"])
    op.create_table("relations", _id(),
                    sa.Column("subject", sa.Text, nullable=False),
                    sa.Column("predicate", sa.String(32), nullable=False),
                    sa.Column("object", sa.Text, nullable=False),
                    sa.Column("articles", sa.JSON),
                    sa.Column("independent_sources", sa.Integer, nullable=False),
                    sa.Column("allegation", sa.Boolean, nullable=False),
                    sa.Column("start", sa.String(32)), sa.Column("end", sa.String(32)),
                    sa.Column("evidence", sa.JSON))
    op.create_table("watchlist",
                    sa.Column("id", sa.Text, primary_key=True),
                    sa.Column("schema", sa.String(32), nullable=False),
                    sa.Column("caption", sa.Text), sa.Column("properties", sa.JSON), sa.Column("dataset", sa.Text))
    op.create_table("watchlist_hits",
                    sa.Column("entity_id", sa.String(40), primary_key=True),
                    sa.Column("watch_id", sa.Text, primary_key=True),
                    sa.Column("score", sa.Float, nullable=False),
                    sa.Column("evidence", sa.JSON))


def downgrade() -> None:
    op.drop_index("ix_events_date", "events")
    for table in ("watchlist_hits", "watchlist", "relations", "events", "stories", "discrepancies", "claims",
                  "article_layers"):
        op.drop_table(table)
