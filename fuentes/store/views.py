"""Reads behind the workbench's views: article metadata, derivations, mentions, entity names and
evidence, the optional tables of later capabilities, and a cheap change signature.

Every function returns plain dicts (JSON-ready); the views that shape them live in
`fuentes.views` and `fuentes.web`. Optional tables (claims, events, relations, stories,
watchlist hits...) are reflected from the database rather than imported from the schema, so a
store made at another schema revision still shows what it holds (`OptionalTables`).
"""

from __future__ import annotations

import threading
import time
import warnings
from typing import Any

from sqlalchemy import (
    MetaData,
    Table,
    Text,
    and_,
    case,
    cast,
    func,
    inspect,
    literal,
    or_,
    select,
    text,
)

from fuentes.codecs import ENTITY, LOCAL_ENTITY
from fuentes.model import Evidence
from fuentes.store.engine import Store
from fuentes.store.schema import (
    articles,
    claim_articles,
    claims,
    derivations,
    discrepancies,
    entities,
    events,
    local_entities,
    mentions,
    quotes,
    rejections,
    relations,
    stories,
)
from fuentes.store.schema import articles as _articles

# Table names the other capabilities write, first match wins. Kept here, in one place, so a
# capability that picks another name needs one line changed.
OPTIONAL = {
    "stories": ("stories",),
    "claims": ("claims",),
    "article_layers": ("article_layers",),
    "discrepancies": ("discrepancies",),
    "events": ("events",),
    "relations": ("relations",),
    "watchlist_hits": ("watchlist_hits",),
    "watchlist": ("watchlist",),
}

META = (articles.c.id, articles.c.outlet, articles.c.title, articles.c.published, articles.c.kind,
        articles.c.origin, articles.c.language)


class OptionalTables:
    """Reflected optional tables of one store, refreshed every `ttl` seconds (a migration or a
    capability run in another process can add a table while a server runs)."""

    def __init__(self, store: Store, ttl: float = 5.0) -> None:
        self.store = store
        self.ttl = ttl
        self._lock = threading.Lock()
        self._when = 0.0
        self._names: set[str] = set()
        self._tables: dict[str, Table] = {}

    def names(self) -> set[str]:
        """The tables the database holds now."""
        with self._lock:
            if time.monotonic() - self._when > self.ttl:
                self._names = set(inspect(self.store.engine).get_table_names())
                self._when = time.monotonic()
                self._tables = {k: v for k, v in self._tables.items() if k in self._names}
            return self._names

    def _table(self, capability: str) -> Table | None:
        present = self.names()
        for name in OPTIONAL.get(capability, (capability,)):
            if name in present:
                with self._lock:
                    if name not in self._tables:
                        with warnings.catch_warnings():  # the workbench's expression indexes are not reflected
                            warnings.filterwarnings("ignore", "Skipped unsupported reflection of expression-based index")
                            self._tables[name] = Table(name, MetaData(), autoload_with=self.store.engine)
                    return self._tables[name]
        return None

    def has(self, capability: str) -> bool:
        """The store has a table for `capability` (it may be empty)."""
        return self._table(capability) is not None

    def rows(self, capability: str, **equal: Any) -> list[dict[str, Any]] | None:
        """Rows of an optional table (filtered by column equality), or None when it is absent.
        A filter on a column the table lacks gives no rows."""
        table = self._table(capability)
        if table is None:
            return None
        query = select(table)
        for column, value in equal.items():
            if column not in table.c:
                return []
            query = query.where(table.c[column] == value)
        with self.store.engine.connect() as conn:
            return [dict(row._mapping) for row in conn.execute(query)]

    def filled(self, capability: str) -> bool:
        """The table exists and holds at least one row (the capability has run on this store)."""
        table = self._table(capability)
        if table is None:
            return False
        with self.store.engine.connect() as conn:
            return conn.execute(select(1).select_from(table).limit(1)).first() is not None

    def count(self, capability: str) -> int:
        """How many rows the capability's table holds (0 when it is absent)."""
        table = self._table(capability)
        if table is None:
            return 0
        with self.store.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(table)).scalar() or 0


def article_meta(store: Store, ids: list[str] | None = None) -> dict[str, dict[str, Any]]:
    """article id -> {id, outlet, title, published, kind, origin, language} (every article, or `ids`)."""
    query = select(*META)
    if ids is not None:
        query = query.where(articles.c.id.in_(ids))
    with store.engine.connect() as conn:
        return {row.id: dict(row._mapping) for row in conn.execute(query)}


def derivation_rows(store: Store, targets: list[str] | None = None) -> list[dict[str, Any]]:
    """Derivation links (source, target, kind, score, evidence): every one, or those into `targets`."""
    query = select(derivations)
    if targets is not None:
        query = query.where(derivations.c.target.in_(targets))
    with store.engine.connect() as conn:
        return [dict(row._mapping) for row in conn.execute(query)]


def mentions_of(store: Store, article_id: str) -> list[dict[str, Any]]:
    """An article's entity mentions in text order, each with its local entity's corpus `entity_id`
    and `name` (None when it was never resolved)."""
    query = (select(mentions, local_entities.c.entity_id, local_entities.c.name)
             .outerjoin(local_entities, (local_entities.c.article_id == mentions.c.article_id)
                        & (local_entities.c.key == mentions.c.local_entity))
             .where(mentions.c.article_id == article_id).order_by(mentions.c.start))
    with store.engine.connect() as conn:
        return [dict(row._mapping) for row in conn.execute(query)]


def entity_rows(store: Store) -> list[dict[str, Any]]:
    """Every corpus entity row (id, name, kind, aliases, roles, articles, merged_from, merge_evidence),
    in the table's order."""
    with store.engine.connect() as conn:
        return [dict(row._mapping) for row in conn.execute(select(entities))]


def entity_names(store: Store) -> dict[str, str]:
    """corpus entity id -> its name."""
    with store.engine.connect() as conn:
        return {row.id: row.name for row in conn.execute(select(entities.c.id, entities.c.name))}


def _spans(evidence: Any) -> list[tuple[int, int]]:
    """(start, end) of each stored mention, whatever form the row keeps it in (the codec reads
    every form: compact lists since revision 0006, [[start, end], ...] before)."""
    from fuentes.codecs import evidence_records

    return [(ev.start, ev.end) for ev in evidence_records(evidence, "")]


def article_texts(store: Store, ids: list[str]) -> dict[str, str]:
    """article id -> its clean text, for the given ids only (evidence excerpts read a page's
    articles, never the whole corpus)."""
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    found: dict[str, str] = {}
    with store.engine.connect() as conn:
        for i in range(0, len(wanted), 500):
            query = select(articles.c.id, articles.c.text).where(articles.c.id.in_(wanted[i:i + 500]))
            found.update({row.id: row.text or "" for row in conn.execute(query)})
    return found


def entity_row(store: Store, entity_id: str) -> dict[str, Any] | None:
    """One corpus entity row by its exact id (None when no entity has it)."""
    with store.engine.connect() as conn:
        row = conn.execute(select(entities).where(entities.c.id == entity_id)).first()
    return dict(row._mapping) if row is not None else None


def entity_spans(store: Store, entity_id: str, row: dict[str, Any] | None = None) -> list[Evidence]:
    """Every mention of a corpus entity as Evidence (the `entities.evidence` column, read by the
    entity codec); for a store analysed before that column was filled, the evidence of the local
    entities resolved to it. `row` saves the lookup when the caller has the entity's row."""
    row = row if row is not None else entity_row(store, entity_id)
    spans = ENTITY.from_row(row).evidence if row is not None else []
    if spans:
        return spans
    with store.engine.connect() as conn:
        rows = conn.execute(select(local_entities).where(local_entities.c.entity_id == entity_id)
                            .order_by(local_entities.c.article_id, local_entities.c.key)).all()
    return [ev for r in rows for ev in LOCAL_ENTITY.from_row(dict(r._mapping)).evidence]


def record_row(tables: OptionalTables, capability: str, record_id: str) -> dict[str, Any] | None:
    """The row of an optional knowledge table (claims, events, relations...) with this id, or
    None (no such row, or no such table in this store). Read it with the table's codec."""
    rows = tables.rows(capability, id=record_id)
    return rows[0] if rows else None


def change_signature(store: Store, tables: OptionalTables) -> tuple:
    """Cheap aggregates that change whenever articles, derivations or stories change."""
    with store.engine.connect() as conn:
        arts = conn.execute(select(func.count(), func.max(articles.c.ingested_at))).one()
        links = conn.execute(select(func.count(), func.sum(derivations.c.score))).one()
    return tuple(arts) + tuple(links) + (tables.count("stories"),)


# --- bounded reads: every list the workbench shows is a page cut by the database --------------
#
# JSON list columns (articles, actors, origins...) are matched with LIKE on their text, the
# quoted value escaped (ids hold "_"), which is exact for lists of plain strings on SQLite and
# PostgreSQL alike; their length orders rows through json_array_length. Nothing here reads a
# whole table into Python: a page is LIMIT/OFFSET of an ordered query, a total is count(*).


MAX_IDS = 500  # ids matched in one IN / LIKE list at most


def _like_value(value: str) -> str:
    """A LIKE pattern matching `"value"` anywhere in a JSON text (wildcards escaped)."""
    escaped = json_text(value).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f'%"{escaped}"%'


def json_has(column, value: str):
    """The JSON list in `column` holds the string `value`."""
    return cast(column, Text).like(_like_value(value), escape="\\")


def json_length(column):
    return func.coalesce(func.json_array_length(column), 0)


def _page(conn, query, limit: int, offset: int) -> list[dict[str, Any]]:
    return [dict(row._mapping) for row in conn.execute(query.limit(limit).offset(offset))]


def _total(conn, query) -> int:
    return conn.execute(select(func.count()).select_from(query.order_by(None).subquery())).scalar() or 0


ENTITY_LIST = (entities.c.id, entities.c.name, entities.c.kind, entities.c.aliases, entities.c.roles)


def entity_reach():
    """How many articles name an entity (the order of every entity list: most reported first;
    the very expression of the index `ix_view_entities_reach`, so the database walks it)."""
    return func.json_array_length(entities.c.articles)


def entities_page(store: Store, kind: str | None = None, limit: int = 50, offset: int = 0,
                  ids: list[str] | None = None) -> tuple[int, list[dict[str, Any]]]:
    """(total, one page of entities most reported first): id, name, kind, aliases, roles and
    `reach` (articles naming it), never the article lists."""
    query = select(*ENTITY_LIST, json_length(entities.c.articles).label("reach"))
    if kind:
        query = query.where(entities.c.kind == kind)
    if ids is not None:
        query = query.where(entities.c.id.in_(ids[:MAX_IDS]))
    query = query.order_by(entity_reach().desc(), entities.c.name, entities.c.id)
    with store.engine.connect() as conn:
        return _total(conn, query), _page(conn, query, limit, offset)


def entities_named(store: Store, needle: str, limit: int = 20) -> list[dict[str, Any]]:
    """Entities whose name or an alias contains `needle` (case aside, as the database folds it),
    most reported first: a page of at most `limit`."""
    plain = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    escaped = json_text(needle).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    query = (select(*ENTITY_LIST, json_length(entities.c.articles).label("reach"))
             .where(or_(entities.c.name.ilike(f"%{plain}%", escape="\\"),
                        cast(entities.c.aliases, Text).ilike(f"%{escaped}%", escape="\\")))
             .order_by(entity_reach().desc(), entities.c.name, entities.c.id).limit(limit))
    with store.engine.connect() as conn:
        return [dict(row._mapping) for row in conn.execute(query)]


def json_text(value: str) -> str:
    """How a string sits inside stored JSON text (non-ASCII escaped, as the store writes it)."""
    import json

    return json.dumps(value)[1:-1]


def entity_name_rows(store: Store) -> list[dict[str, Any]]:
    """(id, name, aliases) of every entity: the small columns the name index is built from."""
    with store.engine.connect() as conn:
        return [dict(row._mapping) for row in
                conn.execute(select(entities.c.id, entities.c.name, entities.c.aliases, entities.c.kind))]


def entity_signature(store: Store) -> tuple:
    with store.engine.connect() as conn:
        return tuple(conn.execute(select(func.count(), func.max(entities.c.id), func.min(entities.c.id))).one())


def names_of(store: Store, ids: list[str]) -> dict[str, str]:
    """entity id -> name, for the given ids only."""
    wanted = sorted({i for i in ids if i})
    found: dict[str, str] = {}
    with store.engine.connect() as conn:
        for i in range(0, len(wanted), MAX_IDS):
            query = select(entities.c.id, entities.c.name).where(entities.c.id.in_(wanted[i:i + MAX_IDS]))
            found.update({row.id: row.name for row in conn.execute(query)})
    return found


def entity_by_absorbed(store: Store, entity_id: str) -> dict[str, Any] | None:
    """The entity that absorbed `entity_id` (its id before a merge), or None."""
    with store.engine.connect() as conn:
        row = conn.execute(select(entities).where(json_has(entities.c.absorbed, entity_id)).limit(1)).first()
    return dict(row._mapping) if row is not None else None


def article_meta_page(store: Store, ids: list[str], limit: int, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """(how many of `ids` are stored, a page of their metadata, newest first)."""
    wanted = list(dict.fromkeys(ids))
    query = (select(*META).where(_articles.c.id.in_(wanted)) if len(wanted) <= 5000 else
             select(*META).where(_articles.c.id.in_(select(_articles.c.id).where(_articles.c.id.in_(wanted)))))
    query = query.order_by(_articles.c.published.desc().nulls_last(), _articles.c.id)
    with store.engine.connect() as conn:
        return _total(conn, query), _page(conn, query, limit, offset)


QUOTE_LIST = (quotes.c.id, quotes.c.article_id, quotes.c.text, quotes.c.start, quotes.c.end, quotes.c.direct,
              quotes.c.speaker_name, quotes.c.speaker_local, quotes.c.speaker, quotes.c.cue, quotes.c.variant_of,
              quotes.c.evidence, _articles.c.outlet, _articles.c.published, _articles.c.title)


def quotes_page(store: Store, entity_id: str | None = None, article_id: str | None = None,
                limit: int = 50, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """(total, a page of quotes in `fuentes quotes` order: by article, then place in it),
    filtered by speaker and/or article; the article index gives the order, no sort."""
    query = select(*QUOTE_LIST).join(_articles, _articles.c.id == quotes.c.article_id)
    if entity_id:
        query = query.where(quotes.c.speaker == entity_id)
    if article_id:
        query = query.where(quotes.c.article_id == article_id)
    query = query.order_by(quotes.c.article_id, quotes.c.start)
    with store.engine.connect() as conn:
        return _total(conn, query), _page(conn, query, limit, offset)


def claim_order():
    """Best grade, more independent sources, more articles, text, id (`fuentes.views.claims`)."""
    return (claims.c.grade, claims.c.independent_sources.desc(), func.json_array_length(claims.c.articles).desc(),
            claims.c.text, claims.c.id)


def claims_page(store: Store, grade: int | None = None, article_id: str | None = None, limit: int = 50,
                offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """(total, a page of claims in listing order), by grade and/or reporting article."""
    query = select(claims)
    if grade is not None:
        query = query.where(claims.c.grade == grade)
    if article_id:  # by key, through the claims' article links (revision 0010)
        query = query.where(claims.c.id.in_(select(claim_articles.c.claim_id)
                                            .where(claim_articles.c.article_id == article_id)))
    query = query.order_by(*claim_order())
    with store.engine.connect() as conn:
        return _total(conn, query), _page(conn, query, limit, offset)


def claim_grades(store: Store) -> dict[int, int]:
    """grade -> how many claims have it, best first."""
    with store.engine.connect() as conn:
        rows = conn.execute(select(claims.c.grade, func.count()).group_by(claims.c.grade).order_by(claims.c.grade))
        return {int(grade): n for grade, n in rows}


def discrepancies_page(store: Store, claim_id: str | None = None, limit: int = 20,
                       offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """(total, a page of discrepancies by id), or those one of whose values states `claim_id`."""
    query = select(discrepancies)
    if claim_id:
        query = query.where(json_has(discrepancies.c.discrepancy_values, claim_id))
    query = query.order_by(discrepancies.c.id)
    with store.engine.connect() as conn:
        return _total(conn, query), _page(conn, query, limit, offset)


def event_places(store: Store) -> list[str]:
    """The distinct places events name (entity ids or place text)."""
    with store.engine.connect() as conn:
        return [p for p in conn.scalars(select(events.c.place).where(events.c.place.is_not(None)).distinct()) if p]


EVENT_TYPE_COLUMNS = ("event_type", "acled_event_type", "acled_sub_event_type")


def event_type_values(store: Store) -> dict[str, list[str]]:
    """The distinct types events carry: fuentes type, ACLED event and sub-event type, and the
    types an incident includes (`includes`), each sorted."""
    found: dict[str, set[str]] = {name: set() for name in (*EVENT_TYPE_COLUMNS, "includes")}
    with store.engine.connect() as conn:
        for name in EVENT_TYPE_COLUMNS:
            column = events.c[name]
            found[name].update(v for v in conn.scalars(select(column).where(column.is_not(None)).distinct()) if v)
        for value in conn.scalars(select(events.c.includes).where(events.c.includes.is_not(None))):
            found["includes"].update(str(v) for v in (value if isinstance(value, list) else [value]) if v)
    return {name: sorted(values) for name, values in found.items()}


def events_page(store: Store, *, involving: list[str] | None = None, places: list[str] | None = None,
                story: str | None = None, story_articles: list[str] | None = None, dated: bool = True,
                types: dict[str, list[str]] | None = None, at: list[str] | None = None,
                limit: int = 50, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """(total, a page of events in timeline order: by date, then type, then id). `involving`:
    entity ids as actor, target or place, or `places` (text); `story`: reported by that story's
    articles (read from the stories table), or by any of `story_articles`; `types`: column
    (`event_type_values`' names) -> the values kept, an event kept when one column holds one;
    `at`: the event's place is one of these (ids or text)."""
    query = select(events)
    if types is not None:
        tests = [events.c[name].in_(types.get(name, [])[:MAX_IDS]) for name in EVENT_TYPE_COLUMNS
                 if types.get(name)]
        tests += [json_has(events.c.includes, value) for value in types.get("includes", [])[:50]]
        query = query.where(or_(literal(False), *tests))
    if at is not None:
        query = query.where(events.c.place.in_(list(at)[:MAX_IDS]))
    if dated:
        query = query.where(events.c.date.is_not(None), events.c.date != "")
    if involving is not None or places is not None:
        ids = list(involving or [])[:MAX_IDS]
        tests = [events.c.place.in_(ids + list(places or [])[:MAX_IDS])]
        tests += [json_has(events.c.actors, i) for i in ids[:50]] + [json_has(events.c.targets, i) for i in ids[:50]]
        query = query.where(or_(*tests))
    if story is not None:
        query = query.where(_reported_in_story(store, story))
    if story_articles is not None:
        query = query.where(or_(literal(False), *[json_has(events.c.articles, a) for a in story_articles[:200]]))
    if dated:  # every row has a date: the date index gives the order
        query = query.order_by(events.c.date, events.c.event_type, events.c.id)
    else:
        query = query.order_by(events.c.date.is_(None), events.c.date, events.c.event_type, events.c.id)
    with store.engine.connect() as conn:
        return _total(conn, query), _page(conn, query, limit, offset)


def _reported_in_story(store: Store, story: str):
    """An event reported by an article of the story `story` (the stories table's member list)."""
    if store.dialect == "postgresql":
        return text("EXISTS (SELECT 1 FROM json_array_elements_text(events.articles) AS a(v) "
                    "JOIN stories s ON s.id = :story_id "
                    "JOIN json_array_elements_text(s.articles) AS m(v) ON m.v = a.v)").bindparams(story_id=story)
    return text("EXISTS (SELECT 1 FROM json_each(events.articles) AS a "
                "JOIN stories s ON s.id = :story_id "
                "JOIN json_each(s.articles) AS m ON m.value = a.value)").bindparams(story_id=story)


def relations_page(store: Store, entity_id: str | None = None, among: list[str] | None = None,
                   limit: int = 50, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """(total, a page of relations, best supported first): those of `entity_id`, or those both of
    whose ends are in `among`."""
    query = select(relations)
    if entity_id:
        query = query.where(or_(relations.c.subject == entity_id, relations.c.object == entity_id))
    if among is not None:
        ids = among[:MAX_IDS]
        query = query.where(and_(relations.c.subject.in_(ids), relations.c.object.in_(ids)))
    query = query.order_by(relations.c.independent_sources.desc(), json_length(relations.c.articles).desc(),
                           relations.c.id)
    with store.engine.connect() as conn:
        return _total(conn, query), _page(conn, query, limit, offset)


def entity_articles(store: Store, ids: list[str]) -> dict[str, dict[str, Any]]:
    """id -> {id, name, kind, articles} for the given entities only (a network's nodes)."""
    found: dict[str, dict[str, Any]] = {}
    with store.engine.connect() as conn:
        for i in range(0, len(ids), MAX_IDS):
            query = select(entities.c.id, entities.c.name, entities.c.kind, entities.c.articles) \
                .where(entities.c.id.in_(ids[i:i + MAX_IDS]))
            found.update({row.id: dict(row._mapping) for row in conn.execute(query)})
    return found


def co_mentioned_with(store: Store, entity_id: str, kinds: tuple[str, ...], min_articles: int,
                      limit: int) -> list[dict[str, Any]]:
    """The entities named in the most articles together with `entity_id` (through the local
    entities resolved to each), at least `min_articles` of them: [{id, name, kind, weight}]."""
    mine = select(local_entities.c.article_id).where(local_entities.c.entity_id == entity_id)
    weight = func.count(local_entities.c.article_id.distinct())
    query = (select(local_entities.c.entity_id.label("id"), weight.label("weight"))
             .where(local_entities.c.article_id.in_(mine), local_entities.c.entity_id.is_not(None),
                    local_entities.c.entity_id != entity_id)
             .group_by(local_entities.c.entity_id).having(weight >= min_articles).subquery())
    joined = (select(query.c.id, query.c.weight, entities.c.name, entities.c.kind)
              .join(entities, entities.c.id == query.c.id).where(entities.c.kind.in_(kinds))
              .order_by(query.c.weight.desc(), entities.c.name).limit(limit))
    with store.engine.connect() as conn:
        return [dict(row._mapping) for row in conn.execute(joined)]


def stories_page(store: Store, limit: int = 50, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """(total, a page of story rows: biggest first, then newest, then id), each with `size`."""
    size = func.json_array_length(stories.c.articles)
    query = select(stories, json_length(stories.c.articles).label("size")) \
        .order_by(size.desc(), stories.c.end.desc(), stories.c.id)
    with store.engine.connect() as conn:
        return _total(conn, query), _page(conn, query, limit, offset)


def story_row(store: Store, story_id: str) -> dict[str, Any] | None:
    with store.engine.connect() as conn:
        row = conn.execute(select(stories).where(stories.c.id == story_id)).first()
    return dict(row._mapping) if row is not None else None


def story_of(store: Store, article_id: str) -> str | None:
    """The id of a story holding the article (the first by id), or None."""
    with store.engine.connect() as conn:
        return conn.scalar(select(stories.c.id).where(json_has(stories.c.articles, article_id))
                           .order_by(stories.c.id).limit(1))


def derivations_into(store: Store, targets: list[str]) -> list[dict[str, Any]]:
    """Derivation links (without their passages) into the given articles."""
    found: list[dict[str, Any]] = []
    cols = (derivations.c.source, derivations.c.target, derivations.c.kind, derivations.c.score,
            derivations.c.evidence, derivations.c.decided_by)
    with store.engine.connect() as conn:
        for i in range(0, len(targets), MAX_IDS):
            query = select(*cols).where(derivations.c.target.in_(targets[i:i + MAX_IDS]))
            found.extend(dict(row._mapping) for row in conn.execute(query))
    return found


def provenance_page(store: Store, kind: str | None = None, outlet: str | None = None, limit: int = 50,
                    offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """(total, a page of articles with kind and origin, newest first), each with `derived_from`."""
    query = select(*META)
    if kind:
        query = query.where(_articles.c.kind == kind)
    if outlet:
        query = query.where(_articles.c.outlet == outlet)
    query = query.order_by(_articles.c.published.desc().nulls_last(), _articles.c.id)
    with store.engine.connect() as conn:
        total, rows = _total(conn, query), _page(conn, query, limit, offset)
    links: dict[str, list[dict[str, Any]]] = {}
    for link in derivations_into(store, [r["id"] for r in rows]):
        links.setdefault(link["target"], []).append(link)
    for row in rows:
        row["derived_from"] = links.get(row["id"], [])
    return total, rows


def provenance_counts(store: Store) -> dict[str, int]:
    """kind -> how many articles have it."""
    with store.engine.connect() as conn:
        return {kind or "unknown": n for kind, n in
                conn.execute(select(_articles.c.kind, func.count()).group_by(_articles.c.kind))}


def outlet_rows(store: Store, limit: int = 50, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """(how many outlets, a page of them by articles): outlet, articles, originals (kind
    original), copies (syndicated, rewrite or translation), and origin_of: stored articles whose origin is it."""
    copies = ("syndicated", "rewrite", "translation", "cites")
    grouped = (select(_articles.c.outlet.label("outlet"), func.count().label("articles"),
                      func.sum(case((_articles.c.kind == "original", 1), else_=0)).label("originals"),
                      func.sum(case((_articles.c.kind.in_(copies), 1), else_=0)).label("copies"))
               .where(_articles.c.outlet.is_not(None)).group_by(_articles.c.outlet)
               .order_by(func.count().desc(), _articles.c.outlet))
    with store.engine.connect() as conn:
        total, rows = _total(conn, grouped), _page(conn, grouped, limit, offset)
        names = [r["outlet"] for r in rows]
        origin = dict(conn.execute(select(_articles.c.origin, func.count()).where(_articles.c.origin.in_(names))
                                   .group_by(_articles.c.origin)).all()) if names else {}
    for row in rows:
        row["origin_of"] = origin.get(row["outlet"], 0)
    return total, rows


def claim_origin_counts(store: Store, outlets: list[str]) -> dict[str, int]:
    """outlet -> how many corpus claims count it among their independent origins (one pass over
    the claims' origin lists, counted by the database)."""
    wanted = list(dict.fromkeys(outlets))[:MAX_IDS]
    if not wanted:
        return {}
    if store.dialect == "postgresql":
        sql = ("SELECT o.v AS outlet, count(*) AS n FROM claims, json_array_elements_text(claims.origins) AS o(v) "
               "WHERE o.v IN :names GROUP BY o.v")
    else:
        sql = ("SELECT o.value AS outlet, count(*) AS n FROM claims, json_each(claims.origins) AS o "
               "WHERE o.value IN :names GROUP BY o.value")
    from sqlalchemy import bindparam

    query = text(sql).bindparams(bindparam("names", expanding=True))
    with store.engine.connect() as conn:
        found = {row.outlet: row.n for row in conn.execute(query, {"names": wanted})}
    return {name: found.get(name, 0) for name in wanted}


def rejections_page(store: Store, limit: int = 50, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    query = select(rejections.c.source, rejections.c.reason).order_by(rejections.c.source)
    with store.engine.connect() as conn:
        return _total(conn, query), _page(conn, query, limit, offset)


def entity_head(store: Store, entity_id: str) -> dict[str, Any] | None:
    """One entity's row without its long lists: id, name, kind, aliases, roles, absorbed,
    merge_evidence, `reach` (articles naming it) and `merged` (local entities it holds)."""
    query = select(entities.c.id, entities.c.name, entities.c.kind, entities.c.aliases, entities.c.roles,
                   entities.c.absorbed, entities.c.merge_evidence, json_length(entities.c.articles).label("reach"),
                   json_length(entities.c.merged_from).label("merged")).where(entities.c.id == entity_id)
    with store.engine.connect() as conn:
        row = conn.execute(query).first()
    return dict(row._mapping) if row is not None else None


def _resolved_to(entity_id: str):
    return local_entities.c.entity_id == entity_id


def mention_counts(store: Store, entity_id: str) -> tuple[int, int]:
    """(articles, mentions) of an entity, counted over the local entities resolved to it."""
    query = select(func.count(local_entities.c.article_id.distinct()),
                   func.coalesce(func.sum(json_length(local_entities.c.evidence)), 0)).where(_resolved_to(entity_id))
    with store.engine.connect() as conn:
        articles_n, spans = conn.execute(query).one()
    return int(articles_n or 0), int(spans or 0)


def mention_page(store: Store, entity_id: str, limit: int, offset: int = 0) -> list[dict[str, Any]]:
    """The local entities resolved to `entity_id` in one page of its articles, the articles in
    evidence order (originals first, then by date, then id): [{article_id, evidence}]."""
    page = (select(_articles.c.id).join(local_entities, local_entities.c.article_id == _articles.c.id)
            .where(_resolved_to(entity_id)).group_by(_articles.c.id, _articles.c.kind, _articles.c.published)
            .order_by(case((_articles.c.kind == "original", 0), else_=1), func.coalesce(_articles.c.published, ""),
                      _articles.c.id).limit(limit).offset(offset))
    with store.engine.connect() as conn:
        ids = list(conn.scalars(page))
        if not ids:
            return []
        rows = conn.execute(select(local_entities.c.article_id, local_entities.c.evidence)
                            .where(_resolved_to(entity_id), local_entities.c.article_id.in_(ids))
                            .order_by(local_entities.c.article_id, local_entities.c.key))
        found = [dict(row._mapping) for row in rows]
    order = {a: i for i, a in enumerate(ids)}
    return sorted(found, key=lambda r: order[r["article_id"]])


def mentioning_articles(store: Store, entity_id: str, limit: int) -> list[dict[str, Any]]:
    """The newest `limit` articles naming the entity (through its local entities): their metadata."""
    query = (select(*META).where(_articles.c.id.in_(select(local_entities.c.article_id).where(_resolved_to(entity_id))))
             .order_by(_articles.c.published.desc().nulls_last(), _articles.c.id).limit(limit))
    with store.engine.connect() as conn:
        return [dict(row._mapping) for row in conn.execute(query)]


def claims_signature(store: Store) -> tuple:
    """Cheap aggregates that change when the claims table is rewritten (count, first and last id)."""
    with store.engine.connect() as conn:
        return tuple(conn.execute(select(func.count(), func.min(claims.c.id), func.max(claims.c.id))).one())


def derivations_around(store: Store, article_id: str, limit: int = 50) -> tuple[list[dict[str, Any]], int]:
    """(links into the article and the `limit` best-scored links out of it, how many links out
    there are): a wire story copied by hundreds reads a bounded number of them."""
    out = select(derivations).where(derivations.c.source == article_id)
    with store.engine.connect() as conn:
        into = [dict(row._mapping) for row in
                conn.execute(select(derivations).where(derivations.c.target == article_id).limit(limit))]
        copies = [dict(row._mapping) for row in
                  conn.execute(out.order_by(derivations.c.score.desc(), derivations.c.target).limit(limit))]
        total = conn.scalar(select(func.count()).select_from(out.subquery())) or 0
    return into + [c for c in copies if c["target"] != article_id], total


def entity_ids_starting(store: Store, prefix: str, limit: int = 2) -> list[str]:
    """Ids of the entities whose id starts with `prefix` (at most `limit`)."""
    escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    with store.engine.connect() as conn:
        return list(conn.scalars(select(entities.c.id).where(entities.c.id.like(escaped + "%", escape="\\"))
                                 .order_by(entities.c.id).limit(limit)))
