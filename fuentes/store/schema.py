"""Tables of the store (SQLAlchemy Core). Changes go through an Alembic migration too."""

from __future__ import annotations

from sqlalchemy import (JSON, Boolean, Column, DateTime, Float, ForeignKey, Index, Integer, LargeBinary, MetaData,
                        String, Table, Text)

metadata = MetaData()

articles = Table(
    "articles", metadata,
    Column("id", String(40), primary_key=True),
    Column("source", Text, nullable=False),  # where it was first read from
    Column("url", Text),
    Column("outlet", Text),
    Column("title", Text),
    Column("byline", Text),
    Column("published", String(32)),  # ISO 8601 at its precision, with its offset when known
    Column("language", String(8)),
    Column("text", Text, nullable=False),
    Column("kind", String(16), nullable=False, server_default="unknown"),
    Column("origin", Text),
    Column("saved_at", String(40)),
    Column("removed", JSON),  # page furniture taken out: [{text, reason, line}]
    Column("meta_evidence", JSON),  # field -> how it was found
    Column("extractors", JSON),  # layer -> stage@version that produced it
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Column("published_precision", String(8)),  # year / month / day / hour / minute / second (revision 0009)
    Column("published_source", Text),  # where the publication time was read
    Column("modified", String(32)),  # when the article says it was last changed, ISO 8601
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

# --- analysis: per-article layers and cross-article results (revision 0002) ---

analyses = Table(
    "analyses", metadata,
    Column("article_id", String(40), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("extractors", JSON, nullable=False),  # stage -> version that produced the layers
    Column("at", DateTime(timezone=True), nullable=False),
)

mentions = Table(
    "mentions", metadata,
    Column("article_id", String(40), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("start", Integer, primary_key=True),
    Column("end", Integer, primary_key=True),
    Column("text", Text, nullable=False),
    Column("label", String(16), nullable=False),
    Column("local_entity", String(16)),
)

local_entities = Table(
    "local_entities", metadata,
    Column("article_id", String(40), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("key", String(16), primary_key=True),
    Column("name", Text, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("aliases", JSON),
    Column("roles", JSON),
    Column("evidence", JSON),  # its mentions [{article, start, end, extractor}] ([[start, end]] before 0006)
    Column("entity_id", String(40)),  # the corpus entity it was resolved to
)
Index("ix_local_entities_entity", local_entities.c.entity_id)

entities = Table(
    "entities", metadata,
    Column("id", String(40), primary_key=True),
    Column("name", Text, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("aliases", JSON),
    Column("roles", JSON),
    Column("articles", JSON),
    Column("merged_from", JSON),  # local entities "article#key" it holds
    Column("merge_evidence", JSON),
    Column("evidence", JSON),  # its mentions: [{article, start, end, extractor}] (revision 0006)
    Column("absorbed", JSON),  # earlier corpus entity ids it took in: its id never changes (revision 0006)
)
Index("ix_entities_name", entities.c.name)

quotes = Table(
    "quotes", metadata,
    Column("id", String(40), primary_key=True),
    Column("article_id", String(40), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("direct", Boolean, nullable=False),
    Column("speaker_name", Text),
    Column("speaker_local", String(16)),
    Column("speaker", String(40)),  # corpus entity id
    Column("cue", Text),
    Column("variant_of", String(40)),
    Column("evidence", JSON),  # (revision 0006)
)
Index("ix_quotes_article", quotes.c.article_id)

derivations = Table(
    "derivations", metadata,
    Column("source", Text, primary_key=True),  # article id, or an outlet outside the corpus
    Column("target", String(40), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("score", Float),
    Column("evidence", JSON),  # the reasons, in words
    Column("passages", JSON),  # aligned spans [[source span, target span], ...] (revision 0006)
    Column("decided_by", String(32)),  # what settled the direction (revision 0006)
)

# --- claims, events, stories, relations, watchlists (revision 0003) ---

article_layers = Table(  # per-article layers of the later stages (claims, events, relations), as JSON
    "article_layers", metadata,
    Column("article_id", String(40), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("layer", String(32), primary_key=True),
    Column("data", JSON, nullable=False),
)

claims = Table(
    "claims", metadata,
    Column("id", String(40), primary_key=True),
    Column("text", Text, nullable=False),
    Column("subject", Text), Column("predicate", Text), Column("object", Text),
    Column("claim_values", JSON),
    Column("speaker", String(40)),
    Column("articles", JSON),
    Column("origins", JSON),
    Column("independent_sources", Integer, nullable=False),
    Column("grade", Integer, nullable=False),
    Column("evidence", JSON),  # the sentence in each supporting article (revision 0006)
    Column("time", String(32)), Column("place", Text), Column("modality", String(16)),  # slots (revision 0007)
    Column("contradicted_by", JSON),  # article claims giving an incompatible value (revision 0007)
)

claim_articles = Table(  # which corpus claims each article reports: the article page's lookup (revision 0010)
    "claim_articles", metadata,
    Column("article_id", String(40), primary_key=True),
    Column("claim_id", String(40), primary_key=True),
)

discrepancies = Table(
    "discrepancies", metadata,
    Column("id", String(40), primary_key=True),
    Column("about", Text, nullable=False),
    Column("discrepancy_values", JSON),
)

stories = Table(
    "stories", metadata,
    Column("id", String(40), primary_key=True),
    Column("title", Text),
    Column("start", String(32)), Column("end", String(32)),
    Column("articles", JSON),
)

events = Table(
    "events", metadata,
    Column("id", String(40), primary_key=True),
    Column("event_type", String(32), nullable=False),
    Column("date", String(32)),
    Column("actors", JSON), Column("targets", JSON),
    Column("place", Text),
    Column("articles", JSON),
    Column("independent_sources", Integer, nullable=False),
    Column("trigger", Text),
    Column("evidence", JSON),
    Column("story", String(40)),
    # the taxonomy, the summary in words, the stated dead, the types told as part of it (revision 0008)
    Column("acled_event_type", String(64)), Column("acled_sub_event_type", String(64)),
    Column("cameo", String(8)), Column("summary", Text), Column("fatalities", Integer),
    Column("includes", JSON),
)
Index("ix_events_date", events.c.date)

relations = Table(
    "relations", metadata,
    Column("id", String(40), primary_key=True),
    Column("subject", Text, nullable=False),
    Column("predicate", String(32), nullable=False),
    Column("object", Text, nullable=False),
    Column("articles", JSON),
    Column("independent_sources", Integer, nullable=False),
    Column("allegation", Boolean, nullable=False),
    Column("start", String(32)), Column("end", String(32)),
    Column("evidence", JSON),
)

watchlist = Table(  # FollowTheMoney entities imported from a watchlist file
    "watchlist", metadata,
    Column("id", Text, primary_key=True),
    Column("schema", String(32), nullable=False),
    Column("caption", Text),
    Column("properties", JSON),
    Column("dataset", Text),
)

watchlist_hits = Table(
    "watchlist_hits", metadata,
    Column("entity_id", String(40), primary_key=True),
    Column("watch_id", Text, primary_key=True),
    Column("score", Float, nullable=False),
    Column("evidence", JSON),
)

# --- state of incremental corpus stages (revision 0004) ---

corpus_state = Table(  # e.g. the provenance index (LSH buckets, sentence splits), so new articles
    "corpus_state", metadata,  # are compared only with what they touch
    Column("name", String(32), primary_key=True),
    Column("version", String(32), nullable=False),
    Column("data", LargeBinary, nullable=False),
    Column("articles", Integer, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

# --- analysts' entity decisions (revision 0005) ---

entity_decisions = Table(  # merges and splits made by analysts; every analysis run applies them
    "entity_decisions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(8), nullable=False),  # "merge" or "split"
    Column("first", Text, nullable=False),  # a name, an alias or a local ref "article#key"
    Column("second", Text, nullable=False),
    Column("who", Text, nullable=False),  # "web:<token label>" or "cli:<user>"
    Column("at", DateTime(timezone=True), nullable=False),
    Column("note", Text),
)
