"""Full-text search over articles: SQLite FTS5 or PostgreSQL full text.

SQLite: an FTS5 table `articles_fts` (id, title, text) kept current by triggers on `articles`,
so articles stored by an `ingest` running in another process are searchable as soon as their
batch commits. PostgreSQL: a GIN expression index on the articles' tsvector, which the planner
uses for `@@` queries. Both are created idempotently by `ensure_search_index` (the web server
calls it when it starts).

Search input is never pasted into SQL: it is bound as a parameter. On SQLite it is first
rewritten into FTS5 syntax made only of quoted terms (`fts5_query`), so a stray quote or
operator in the input cannot make a query error either.
"""

from __future__ import annotations

import re
from typing import Any, Iterable

from sqlalchemy import Index, Integer, MetaData, column, func, text
from sqlalchemy.schema import CreateIndex

from fuentes.store import schema
from fuentes.store.engine import Store
from fuentes.store.failures import writing

HIT_START, HIT_END = "\x02", "\x03"  # snippet markers: control characters never in clean text
_TERM = re.compile(r'"([^"]+)"|(\S+)')
_WORD = re.compile(r"\w", re.UNICODE)

SQLITE_DDL = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5("
    "id UNINDEXED, title, text, tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER IF NOT EXISTS articles_fts_ai AFTER INSERT ON articles BEGIN "
    "INSERT INTO articles_fts(id, title, text) VALUES (new.id, coalesce(new.title, ''), new.text); END",
    "CREATE TRIGGER IF NOT EXISTS articles_fts_ad AFTER DELETE ON articles BEGIN "
    "DELETE FROM articles_fts WHERE id = old.id; END",
    "CREATE TRIGGER IF NOT EXISTS articles_fts_au AFTER UPDATE OF title, text ON articles BEGIN "
    "DELETE FROM articles_fts WHERE id = old.id; "
    "INSERT INTO articles_fts(id, title, text) VALUES (new.id, coalesce(new.title, ''), new.text); END",
]
# Entity names: SQLite FTS5 over each entity's name and aliases (the aliases read out of their
# JSON list). Entities are only ever written by `store.analysis.save_corpus_entities`, which
# refills this table in the same transaction (`refill_entity_names`); no trigger, so replacing
# 70,000 entities never deletes from it row by row.
ENTITY_NAMES = ("coalesce(e.name, '') || ' ' || coalesce((SELECT group_concat(j.value, ' ') "
                "FROM json_each(CASE WHEN json_valid(e.aliases) THEN e.aliases ELSE '[]' END) AS j "
                "WHERE j.type = 'text'), '')")
ENTITY_SQLITE_DDL = ("CREATE VIRTUAL TABLE IF NOT EXISTS entities_fts USING fts5("
                     "id UNINDEXED, names, tokenize='unicode61 remove_diacritics 2')")
PG_VECTOR = "to_tsvector('simple', coalesce(title, '') || ' ' || text)"
PG_DDL = [f"CREATE INDEX IF NOT EXISTS ix_articles_search ON articles USING gin ({PG_VECTOR})"]


def ensure_search_index(store: Store) -> None:
    """Create the search index if missing; fill it from the stored articles the first time.
    StoreError (naming the store) when the database refuses, e.g. a SQLite built without FTS5."""
    hint = "SQLite needs FTS5; PostgreSQL needs the right to create an index on articles"
    with writing(store, "create the full-text search index", hint), store.engine.begin() as conn:
        if store.dialect == "sqlite":
            fresh = not _in_schema(conn, "articles_fts_ai")
            for statement in SQLITE_DDL:
                conn.execute(text(statement))
            if fresh:  # triggers were absent: whatever the table holds may be stale
                conn.execute(text("DELETE FROM articles_fts"))
                conn.execute(text("INSERT INTO articles_fts(id, title, text) "
                                  "SELECT id, coalesce(title, ''), text FROM articles"))
            if not _in_schema(conn, "entities_fts"):
                conn.execute(text(ENTITY_SQLITE_DDL))
                refill_entity_names(conn, "sqlite")
        elif store.dialect == "postgresql":
            for statement in PG_DDL:
                conn.execute(text(statement))
        for index in view_indexes(store.dialect):
            conn.execute(CreateIndex(index, if_not_exists=True))


def _in_schema(conn, name: str) -> bool:
    """A SQLite table, index or trigger of that name exists."""
    return conn.execute(text("SELECT count(*) FROM sqlite_master WHERE name = :n"), {"n": name}).scalar() > 0


def refill_entity_names(conn, dialect: str, ids: Iterable[str] | None = None) -> None:
    """Rebuild the entity name index from the entities table, inside the caller's transaction
    (SQLite, once the index exists: the server creates it; PostgreSQL searches names directly):
    the whole index, or only the entries of the entities `ids` (written or deleted since)."""
    if dialect != "sqlite" or not _in_schema(conn, "entities_fts"):
        return
    if ids is None:
        conn.execute(text("DELETE FROM entities_fts"))
        conn.execute(text(f"INSERT INTO entities_fts(id, names) SELECT e.id, {ENTITY_NAMES} FROM entities AS e"))
        return
    ordered = sorted(set(ids))
    for i in range(0, len(ordered), 500):
        chunk = {f"i{n}": value for n, value in enumerate(ordered[i:i + 500])}
        among = ", ".join(f":{name}" for name in chunk)
        conn.execute(text(f"DELETE FROM entities_fts WHERE id IN ({among})"), chunk)
        conn.execute(text(f"INSERT INTO entities_fts(id, names) SELECT e.id, {ENTITY_NAMES} FROM entities AS e "
                          f"WHERE e.id IN ({among})"), chunk)


def _tables():
    """Copies of the schema's tables, so the indexes below never join the schema's metadata
    (the migrations and `create_all` know nothing of them)."""
    meta = MetaData()
    return [table.to_metadata(meta) for table in (schema.entities, schema.claims, schema.stories, schema.quotes,
                                                   schema.relations, schema.derivations, schema.articles)]


def view_indexes(dialect: str = "sqlite") -> list[Index]:
    """The indexes the workbench's pages read through (`fuentes.store.views`): each list's order
    (articles newest first, entities by reach, claims by grade and support, stories by size) and
    the lookups of a profile (quotes by speaker, relations by either end, derivations by target,
    articles by origin). Created with the search index when the server starts, like it outside
    the migrations; `IF NOT EXISTS`, so starting again costs nothing.

    The articles' order is `published DESC NULLS LAST, id` (`store.articles.list_articles`):
    SQLite sorts NULL lowest, so a plain descending index already ends with them; PostgreSQL
    needs NULLS LAST spelled out. Without it the last page of 30,000 articles sorted the whole
    table (0.8 s)."""
    entities, claims, stories, quotes, relations, derivations, articles = _tables()
    reach = func.json_array_length(entities.c.articles)
    newest = articles.c.published.desc() if dialect == "sqlite" else articles.c.published.desc().nulls_last()
    return [
        Index("ix_view_articles_newest", newest, articles.c.id),
        Index("ix_view_entities_reach", reach.desc(), entities.c.id),
        Index("ix_view_entities_kind_reach", entities.c.kind, reach.desc(), entities.c.id),
        Index("ix_view_claims_order", claims.c.grade, claims.c.independent_sources.desc(),
              func.json_array_length(claims.c.articles).desc()),
        Index("ix_view_stories_size", func.json_array_length(stories.c.articles).desc()),
        Index("ix_view_quotes_speaker", quotes.c.speaker),
        Index("ix_view_relations_subject", relations.c.subject),
        Index("ix_view_relations_object", relations.c.object),
        Index("ix_view_derivations_target", derivations.c.target),
        Index("ix_view_articles_origin", articles.c.origin),
        Index("ix_view_articles_outlet_kind", articles.c.outlet, articles.c.kind),
    ]


def fts5_query(raw: str, prefixes: bool = False) -> str | None:
    """User input -> an FTS5 query of quoted terms (all required); None when nothing is searchable.

    `"several words"` stays a phrase; a trailing `*` asks for a prefix (`prefixes`: every
    word is one, as a name typed in part).
    """
    terms = []
    for phrase, word in _TERM.findall(raw[:500]):
        token = phrase or word
        prefix = not phrase and (prefixes or token.endswith("*"))
        token = token.rstrip("*") if token.endswith("*") and not phrase else token
        if not _WORD.search(token):
            continue
        terms.append('"' + token.replace('"', '""') + '"' + ("*" if prefix else ""))
    return " ".join(terms[:20]) or None


def search_articles(store: Store, query: str, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
    """Articles matching `query`, best first: id, outlet, title, published, language, kind and a
    `snippet` whose hits sit between HIT_START and HIT_END."""
    limit, offset = max(1, min(limit, 100)), max(0, min(offset, 10 ** 9))
    query = "".join(c if c.isprintable() else " " for c in query)  # NUL and control characters: no database takes them
    if store.dialect == "sqlite":
        match = fts5_query(query)
        if match is None:
            return []
        sql = text("SELECT a.id, a.outlet, a.title, a.published, a.language, a.kind, "
                   "snippet(articles_fts, 2, :hs, :he, ' … ', 16) AS snippet "
                   "FROM articles_fts JOIN articles a ON a.id = articles_fts.id "
                   "WHERE articles_fts MATCH :match ORDER BY articles_fts.rank LIMIT :limit OFFSET :offset")
        params = {"match": match, "hs": HIT_START, "he": HIT_END, "limit": limit, "offset": offset}
    else:
        if not _WORD.search(query):
            return []
        sql = text("SELECT id, outlet, title, published, language, kind, "
                   "ts_headline('simple', text, q, :opts) AS snippet "
                   f"FROM articles, websearch_to_tsquery('simple', :query) AS q WHERE {PG_VECTOR} @@ q "
                   f"ORDER BY ts_rank({PG_VECTOR}, q) DESC, id LIMIT :limit OFFSET :offset")
        params = {"query": query[:500], "limit": limit, "offset": offset,
                  "opts": f"StartSel={HIT_START}, StopSel={HIT_END}, MaxWords=30, MinWords=10"}
    with store.engine.connect() as conn:
        return [dict(row._mapping) for row in conn.execute(sql, params)]


def search_entities(store: Store, query: str, limit: int = 20) -> list[dict[str, Any]]:
    """Entities whose name or an alias matches `query`, most reported first (at most `limit`):
    id, name, kind, aliases, roles, reach.

    SQLite with the name index (`ensure_search_index`): every word of the query starts a word of
    the name or of an alias, case and accents aside ("quint" finds Rafael Quintero, "mexico"
    finds México), found by the index. Otherwise (PostgreSQL, or a SQLite store whose index has
    not been made yet): the name or an alias contains the query, case aside."""
    from fuentes.store.views import entities_named

    limit = max(1, min(limit, 100))
    wanted = "".join(c if c.isprintable() else " " for c in query).strip()[:500]
    if not wanted:
        return []
    if store.dialect == "sqlite":
        with store.engine.connect() as conn:
            if _in_schema(conn, "entities_fts"):
                match = fts5_query(wanted, prefixes=True)
                if match is None:
                    return []
                entities = schema.entities  # typed columns: the JSON lists come decoded, as from views
                sql = text("SELECT e.id, e.name, e.kind, e.aliases, e.roles, "
                           "coalesce(json_array_length(e.articles), 0) AS reach "
                           "FROM entities_fts AS f JOIN entities AS e ON e.id = f.id "
                           "WHERE entities_fts MATCH :match ORDER BY reach DESC, e.name, e.id LIMIT :limit") \
                    .columns(entities.c.id, entities.c.name, entities.c.kind, entities.c.aliases, entities.c.roles,
                             column("reach", Integer))
                return [dict(row._mapping) for row in conn.execute(sql, {"match": match, "limit": limit})]
    folded = wanted.casefold()
    rows = entities_named(store, wanted, limit=limit * 3)
    return [e for e in rows if any(folded in name.casefold() for name in [e["name"], *(e["aliases"] or [])])][:limit]

