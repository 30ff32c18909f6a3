"""The timeline's one logic (fuentes.corpus.timeline), which `fuentes timeline` and the web share:
which events an entity or story filter keeps, their order, and the sources shown."""

from __future__ import annotations

from dataclasses import asdict

from fuentes.corpus.timeline import (entity_query, event_order, event_sources, exact_entity, in_story, select_events,
                                     timeline_rows)
from fuentes.model import Article, Entity, Event

ENTITIES = [
    Entity(id="ent_guero", name="Ángel Núñez", kind="person", aliases=["El Güero", "Núñez"]),
    Entity(id="ent_sedena", name="Secretaría de la Defensa Nacional", kind="organization", aliases=["Sedena"]),
    Entity(id="ent_culiacan", name="Culiacán", kind="place"),
]
EVENTS = [
    Event(id="ev_undated", event_type="attack", date=None, actors=["ent_guero"], articles=["a3"]),
    Event(id="ev_day", event_type="arrest", date="2026-01-05", actors=["ent_sedena"], targets=["ent_guero"],
          place="ent_culiacan", articles=["a1", "a2"]),
    Event(id="ev_month", event_type="killing", date="2026-01", place="Mazatlán", articles=["a2"]),
    Event(id="ev_year", event_type="blockade", date="2025", actors=["ent_sedena"], articles=["a1"]),
    Event(id="ev_same_day", event_type="affray", date="2026-01-05", articles=["a3"]),
]
ARTICLES = [Article(id="a1", source="s1", text="x", outlet="Ríodoce", origin="Ríodoce", kind="original"),
            Article(id="a2", source="s2", text="x", outlet="Milenio", origin="Agencia EFE", kind="rewrite"),
            Article(id="a3", source="s3", text="x", outlet="El Debate", kind="unknown")]


def ids(events):
    return [e["id"] if isinstance(e, dict) else e.id for e in events]


def test_order_undated_last_partial_dates_first_then_type():
    ordered = select_events(EVENTS)
    assert ids(ordered) == ["ev_year", "ev_month", "ev_same_day", "ev_day", "ev_undated"]
    assert event_order(EVENTS[0]) > event_order(EVENTS[1])


def test_entity_filter_by_id_name_or_alias_accents_aside():
    for query in ("ent_guero", "Ángel Núñez", "angel nunez", "EL GUERO", "el güero", "Nuñez"):
        assert ids(select_events(EVENTS, entity=entity_query(query, ENTITIES))) == ["ev_day", "ev_undated"], query
    assert ids(select_events(EVENTS, entity=entity_query("sedena", ENTITIES))) == ["ev_year", "ev_day"]
    assert ids(select_events(EVENTS, entity=entity_query("culiacan", ENTITIES))) == ["ev_day"]  # place entity
    assert ids(select_events(EVENTS, entity=entity_query("mazatlan", ENTITIES))) == ["ev_month"]  # place as text
    assert select_events(EVENTS, entity=entity_query("Joaquín Guzmán", ENTITIES)) == []
    assert ids(select_events(EVENTS, entity=entity_query("ent_unknown_id", ENTITIES))) == []


def test_an_entity_page_matches_its_id_only():
    query = exact_entity("ent_guero")
    assert ids(select_events(EVENTS, entity=query)) == ["ev_day", "ev_undated"]
    assert not query.matches("Ángel Núñez")


def test_story_filter_by_reporting_articles():
    stories = {"a1": "sty_1", "a2": "sty_1", "a3": "sty_2"}
    assert ids(select_events(EVENTS, story="sty_2", stories=stories)) == ["ev_same_day", "ev_undated"]
    assert in_story(EVENTS[1], "sty_1", stories) and not in_story(EVENTS[1], "sty_2", stories)
    assert select_events(EVENTS, story="sty_1", stories=None) == []


def test_sources_origin_first_distinct():
    arts = {a.id: a for a in ARTICLES}
    assert event_sources(["a1", "a2", "a3"], arts) == ["Ríodoce", "Agencia EFE", "Milenio", "El Debate"]
    assert event_sources(["a9"], arts) == ["a9"]  # an article the store no longer has
    rows = {a.id: asdict(a) for a in ARTICLES}
    assert event_sources(["a2", "a1"], rows) == ["Agencia EFE", "Milenio", "Ríodoce"]


def test_store_rows_and_records_get_the_same_timeline():
    rows = [asdict(e) for e in EVENTS]
    entity_rows = [asdict(e) for e in ENTITIES]
    for query in (None, "el guero", "Sedena"):
        on_records = select_events(EVENTS, entity=entity_query(query, ENTITIES) if query else None)
        on_rows = select_events(rows, entity=entity_query(query, entity_rows) if query else None)
        assert ids(on_records) == ids(on_rows), query


def test_cli_rows_use_the_same_selection():
    rows = timeline_rows(EVENTS, ENTITIES, ARTICLES, entity="núñez", undated=True)
    assert [r["id"] for r in rows] == ["ev_day", "ev_undated"]
    assert [r["id"] for r in timeline_rows(EVENTS, ENTITIES, ARTICLES, entity="núñez")] == ["ev_day"]
    assert rows[0]["actors"] == ["Secretaría de la Defensa Nacional"] and rows[0]["place"] == "Culiacán"
    assert rows[0]["sources"] == ["Ríodoce", "Agencia EFE", "Milenio"]


def test_sources_one_outlet_spelled_two_ways_is_listed_once():
    """Regression: "1 independent: Breitbart; breitbart" (the origin a credit names and the
    outlet a metadata file spells in lower case)."""
    rows = {"b1": {"id": "b1", "origin": "Breitbart", "outlet": "breitbart"},
            "b2": {"id": "b2", "origin": "Ríodoce", "outlet": "RIODOCE"}}
    assert event_sources(["b1", "b2"], rows) == ["Breitbart", "Ríodoce"]


def test_sources_one_outlet_written_with_a_hyphen_or_spaces_is_listed_once():
    # Regression: "1 independent: USA Today; usa-today" (a credit's name and a metadata file's slug).
    rows = {"u1": {"id": "u1", "origin": "USA Today", "outlet": "usa-today"},
            "u2": {"id": "u2", "origin": "El Siglo de Torreón", "outlet": "el_siglo_de_torreon"},
            "u3": {"id": "u3", "origin": None, "outlet": "wash-post"}}
    assert event_sources(["u1", "u2", "u3"], rows) == ["USA Today", "El Siglo de Torreón", "wash-post"]
