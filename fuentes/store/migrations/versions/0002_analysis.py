"""Analysis tables: per-article mentions, local entities and quotes; corpus entities; derivations.

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _article_fk(primary_key: bool = True) -> sa.Column:
    return sa.Column("article_id", sa.String(40), sa.ForeignKey("articles.id", ondelete="CASCADE"),
                     primary_key=primary_key, nullable=False)


def upgrade() -> None:
    op.create_table("analyses", _article_fk(),
                    sa.Column("extractors", sa.JSON, nullable=False),
                    sa.Column("at", sa.DateTime(timezone=True), nullable=False))
    op.create_table("mentions", _article_fk(),
                    sa.Column("start", sa.Integer, primary_key=True),
                    sa.Column("end", sa.Integer, primary_key=True),
                    sa.Column("text", sa.Text, nullable=False),
                    sa.Column("label", sa.String(16), nullable=False),
                    sa.Column("local_entity", sa.String(16)))
    op.create_table("local_entities", _article_fk(),
                    sa.Column("key", sa.String(16), primary_key=True),
                    sa.Column("name", sa.Text, nullable=False),
                    sa.Column("kind", sa.String(16), nullable=False),
                    sa.Column("aliases", sa.JSON), sa.Column("roles", sa.JSON),
                    sa.Column("evidence", sa.JSON), sa.Column("entity_id", sa.String(40)))
    op.create_index("ix_local_entities_entity", "local_entities", ["entity_id"])
    op.create_table("entities",
                    sa.Column("id", sa.String(40), primary_key=True),
                    sa.Column("name", sa.Text, nullable=False),
                    sa.Column("kind", sa.String(16), nullable=False),
                    sa.Column("aliases", sa.JSON), sa.Column("roles", sa.JSON),
                    sa.Column("articles", sa.JSON), sa.Column("merged_from", sa.JSON),
                    sa.Column("merge_evidence", sa.JSON))
    op.create_index("ix_entities_name", "entities", ["name"])
    op.create_table("quotes",
                    sa.Column("id", sa.String(40), primary_key=True),
                    _article_fk(primary_key=False),
                    sa.Column("text", sa.Text, nullable=False),
                    sa.Column("start", sa.Integer, nullable=False),
                    sa.Column("end", sa.Integer, nullable=False),
                    sa.Column("direct", sa.Boolean, nullable=False),
                    sa.Column("speaker_name", sa.Text), sa.Column("speaker_local", sa.String(16)),
                    sa.Column("speaker", sa.String(40)), sa.Column("cue", sa.Text),
                    sa.Column("variant_of", sa.String(40)))
    op.create_index("ix_quotes_article", "quotes", ["article_id"])
    op.create_table("derivations",
                    sa.Column("source", sa.Text, primary_key=True),
                    sa.Column("target", sa.String(40), sa.ForeignKey("articles.id", ondelete="CASCADE"),
                              primary_key=True),
                    sa.Column("kind", sa.String(16), nullable=False),
                    sa.Column("score", sa.Float), sa.Column("evidence", sa.JSON))


def downgrade() -> None:
    for table in ("derivations", "quotes", "entities", "local_entities", "mentions", "analyses"):
        op.drop_table(table)
