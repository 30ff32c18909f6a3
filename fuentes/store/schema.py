"""Tables of the store (SQLAlchemy Core). Changes go through an Alembic migration too."""

from __future__ import annotations

from sqlalchemy import JSON, Column, DateTime, ForeignKey, Index, MetaData, String, Table, Text

metadata = MetaData()

articles = Table(
    "articles", metadata,
    Column("id", String(40), primary_key=True),
    Column("source", Text, nullable=False),  # where it was first read from
    Column("url", Text),
    Column("outlet", Text),
    Column("title", Text),
    Column("byline", Text),
    Column("published", String(32)),  # ISO date, possibly partial
    Column("language", String(8)),
    Column("text", Text, nullable=False),
    Column("kind", String(16), nullable=False, server_default="unknown"),
    Column("origin", Text),
    Column("saved_at", String(40)),
    Column("removed", JSON),  # page furniture taken out: [{text, reason, line}]
    Column("meta_evidence", JSON),  # field -> how it was found
    Column("extractors", JSON),  # layer -> stage@version that produced it
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)
Index("ix_articles_outlet", articles.c.outlet)
Index("ix_articles_published", articles.c.published)

article_sources = Table(
    "article_sources", metadata,
    Column("article_id", String(40), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("source", Text, primary_key=True),
    Column("seen_at", DateTime(timezone=True), nullable=False),
)

rejections = Table(
    "rejections", metadata,
    Column("source", Text, primary_key=True),
    Column("reason", Text, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
)
