"""Articles, the sources each was read from, and rejected inputs.

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("outlet", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("byline", sa.Text),
        sa.Column("published", sa.String(32)),
        sa.Column("language", sa.String(8)),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False, server_default="unknown"),
        sa.Column("origin", sa.Text),
        sa.Column("saved_at", sa.String(40)),
        sa.Column("removed", sa.JSON),
        sa.Column("meta_evidence", sa.JSON),
        sa.Column("extractors", sa.JSON),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_articles_outlet", "articles", ["outlet"])
    op.create_index("ix_articles_published", "articles", ["published"])
    op.create_table(
        "article_sources",
        sa.Column("article_id", sa.String(40), sa.ForeignKey("articles.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("source", sa.Text, primary_key=True),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "rejections",
        sa.Column("source", sa.Text, primary_key=True),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("rejections")
    op.drop_table("article_sources")
    op.drop_index("ix_articles_published", "articles")
    op.drop_index("ix_articles_outlet", "articles")
    op.drop_table("articles")
