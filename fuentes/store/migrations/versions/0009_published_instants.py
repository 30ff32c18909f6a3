"""Publication times to the instant: their precision, where they came from, modification times.

Adds to `articles` `published_precision` (year / month / day / hour / minute / second),
`published_source` (where the time was read: "meta article:published_time", "feed published",
"text 'Updated 3:05 p.m. ET'", "warc-date (fallback)"...) and `modified` (when the article says
it was last changed, ISO 8601, kept apart from publication). `published` itself keeps its
column: it now holds ISO 8601 at its precision with the offset when known ("2026-02-23T10:14-05:00").

Existing rows hold ISO dates: their `published_precision` is filled from the string's shape
("2026" -> year, "2026-02" -> month, "2026-02-23" -> day, longer strings by their time part);
`published_source` and `modified` stay null (not recorded when they were ingested).

Revision ID: 0009
Revises: 0008 (event fields)
"""
import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

COLUMNS = (("published_precision", sa.String(8)), ("published_source", sa.Text), ("modified", sa.String(32)))

# The precision of an ISO string from its length once the offset is set aside: "2026" (4),
# "2026-02" (7), "2026-02-23" (10), "2026-02-23T10" (13), "...T10:14" (16), "...T10:14:07" (19+).
_SHAPES = (("year", 4), ("month", 7), ("day", 10), ("hour", 13), ("minute", 16))


def _precision(value: str | None) -> str | None:
    if not value:
        return None
    text = value.strip()
    head, time = text[:10], text[10:]
    if time:
        # drop the offset ("Z", "+05:00", "-0500") so only the clock part is measured
        for i, char in enumerate(time[1:], 1):
            if char in "Z+-z":
                time = time[:i]
                break
        time = time.split(".")[0]
    length = len(head) + len(time)
    if not head[:4].isdigit():
        return None
    for name, size in _SHAPES:
        if length <= size:
            return name
    return "second"


def upgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        for column, kind in COLUMNS:
            batch.add_column(sa.Column(column, kind))
    articles = sa.table("articles", sa.column("id", sa.String), sa.column("published", sa.String),
                        sa.column("published_precision", sa.String))
    conn = op.get_bind()
    rows = conn.execute(sa.select(articles.c.id, articles.c.published)
                        .where(articles.c.published.isnot(None))).all()
    by_precision: dict[str, list[str]] = {}
    for article_id, published in rows:
        precision = _precision(published)
        if precision:
            by_precision.setdefault(precision, []).append(article_id)
    for precision, ids in by_precision.items():
        for start in range(0, len(ids), 500):
            conn.execute(articles.update().where(articles.c.id.in_(ids[start:start + 500]))
                         .values(published_precision=precision))


def downgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        for column, _ in reversed(COLUMNS):
            batch.drop_column(column)
