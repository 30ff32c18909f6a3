"""Analysts' merges and splits: applied after automatic resolution, on every run, on both back ends."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import insert, select

from fuentes.corpus.entity_decisions import (Decision, decide, decision_applied, decision_side, entity_of,
                                             make_decision, record_decision, refresh_entities)
from fuentes.corpus.entity_resolution import resolve_with_merges
from fuentes.model import Entity, Evidence

T0 = datetime(2026, 1, 1, tzinfo=timezone.utc)


def ent(key, name, kind="person", aliases=(), article="a"):
    return Entity(id=key, name=name, kind=kind, aliases=[name, *aliases], articles=[article],
                  evidence=[Evidence(article, 0, len(name), "entities", "1")])


def corpus():
    """"Quintero" alone joins the one Rafael Quintero automatically; El Jefe stays apart."""
    return {
        "a": [ent("e1", "Rafael Quintero")],
        "b": [ent("e1", "Rafael Quintero", article="b"), ent("e2", "Quintero", article="b")],
        "c": [ent("e1", "El Jefe", article="c"), ent("e2", "Cartel del Golfo", "organization", article="c")],
    }


def by_name(entities, name):
    found = [e for e in entities if name in e.aliases]
    assert len(found) == 1, [(e.name, e.aliases) for e in entities]
    return found[0]


def run(decisions, per=None):
    per = per or corpus()
    return decide(decisions, per, *resolve_with_merges(per))


def test_no_decision_changes_nothing():
    per = corpus()
    resolved, merges = resolve_with_merges(per)
    assert decide([], per, resolved, merges) == (resolved, merges, [])
    assert by_name(resolved, "Quintero") is by_name(resolved, "Rafael Quintero")


def test_merge_joins_entities_and_records_the_analyst():
    entities, merges, notes = run([Decision("merge", "el jefe", "RAFAEL QUINTERO", "cli:ana", T0, "same man")])
    assert notes == []
    jefe = by_name(entities, "El Jefe")
    assert jefe is by_name(entities, "Quintero") and jefe.name == "Rafael Quintero"
    assert sorted(jefe.merged_from) == ["a#e1", "b#e1", "b#e2", "c#e1"]
    assert sorted(jefe.articles) == ["a", "b", "c"]
    analyst = [m for m in merges if m.reason.startswith("analyst: ")]
    assert [(m.entity, m.reason) for m in analyst] == [(jefe.id, "analyst: same man")]
    assert all(m.entity in {e.id for e in entities} for m in merges)


def test_split_cuts_an_automatic_merge_and_its_record():
    entities, merges, notes = run([Decision("split", "Rafael Quintero", "Quintero", at=T0)])
    full, alone = by_name(entities, "Rafael Quintero"), by_name(entities, "Quintero")
    assert full is not alone
    assert sorted(full.merged_from) == ["a#e1", "b#e1"] and alone.merged_from == ["b#e2"]
    assert all(m.source != "b#e2" for m in merges)  # the surname merge did not happen
    assert len({e.id for e in entities}) == len(entities)


def test_latest_decision_about_a_pair_wins_and_a_merge_cannot_undo_a_split():
    later = T0 + timedelta(hours=1)
    entities, _, _ = run([Decision("split", "Rafael Quintero", "Quintero", at=T0),
                          Decision("merge", "Quintero", "Rafael Quintero", at=later)])
    assert by_name(entities, "Quintero") is by_name(entities, "Rafael Quintero")
    entities, _, notes = run([Decision("split", "Quintero", "El Jefe", at=T0),
                              Decision("merge", "El Jefe", "Rafael Quintero", at=later)])
    assert by_name(entities, "El Jefe") is not by_name(entities, "Rafael Quintero")
    assert notes and "kept apart by a split" in notes[0]


def test_unknown_or_ambiguous_names_are_skipped_with_a_note():
    per = corpus()
    per["d"] = [ent("e1", "Juan Pérez", aliases=["Pérez"], article="d")]
    per["e"] = [ent("e1", "Pedro Pérez", aliases=["Pérez"], article="e")]  # two people, one surname
    entities, _, notes = run([Decision("merge", "Nobody Known", "El Jefe", at=T0),
                              Decision("merge", "Pérez", "El Jefe", at=T0)], per)
    assert notes == ["merge of 'Nobody Known' and 'El Jefe' skipped: 'Nobody Known' names no entity",
                     "merge of 'Pérez' and 'El Jefe' skipped: 'Pérez' names 2 entities"]
    entities, _, notes = run([Decision("merge", "d#e1", "El Jefe", at=T0)], per)  # a local ref is exact
    assert notes == [] and by_name(entities, "El Jefe").merged_from == ["c#e1", "d#e1"]


# --- on a store (both back ends) ---

def _store_locals(store, per):
    from fuentes.ingest.job import ingest_items
    from fuentes.ingest.raw import RawDocument
    from fuentes.store.articles import list_articles
    from fuentes.store.schema import local_entities

    texts = {art: f"Report {art}: " + " and ".join(e.name for e in ents) + " were named in court filings."
             for art, ents in per.items()}
    ingest_items([RawDocument(source=f"fixture/{art}.txt", data=text, format="text",
                              hints={"outlet": f"Outlet {art}", "language": "en"}) for art, text in texts.items()],
                 store)
    ids = {a.source.split("/")[1][:-4]: a.id for a in list_articles(store)}
    with store.engine.begin() as conn:
        conn.execute(insert(local_entities), [
            {"article_id": ids[art], "key": e.id, "name": e.name, "kind": e.kind, "aliases": e.aliases,
             "roles": [], "evidence": [[0, 1]]} for art, ents in per.items() for e in ents])
    return ids


def test_decisions_are_stored_checked_and_applied_at_once(store):
    from fuentes.store.analysis import get_entity, list_entities

    _store_locals(store, corpus())
    assert refresh_entities(store) == []
    assert len(list_entities(store)) == 3
    with pytest.raises(ValueError, match="no entity is named 'Nobody'"):
        record_decision(store, "merge", "Nobody", "El Jefe", "cli:test")
    jefe_id = get_entity(store, "El Jefe")["id"]
    decision = record_decision(store, "merge", jefe_id, "rafael quintero", "web:operator", "same man")
    assert (decision.first, decision.second, decision.who) == ("El Jefe", "rafael quintero", "web:operator")
    assert refresh_entities(store) == []
    merged = entity_of(store, "El Jefe")
    assert merged["name"] == "Rafael Quintero" and len(merged["merged_from"]) == 4
    assert any(line.endswith("analyst: same man") for line in merged["merge_evidence"])
    assert len(list_entities(store)) == 2
    record_decision(store, "split", "Quintero", "Rafael Quintero", "cli:test")
    refresh_entities(store)
    assert entity_of(store, "Quintero")["id"] != entity_of(store, "Rafael Quintero")["id"]
    assert entity_of(store, "El Jefe")["id"] == entity_of(store, "Rafael Quintero")["id"]


def test_refresh_renames_relations_of_a_merged_entity(store):
    from fuentes.store.schema import relations

    _store_locals(store, corpus())
    refresh_entities(store)
    jefe, golfo = entity_of(store, "El Jefe")["id"], entity_of(store, "Cartel del Golfo")["id"]
    with store.engine.begin() as conn:
        conn.execute(insert(relations), [{"id": "rel_x", "subject": jefe, "predicate": "leader_of", "object": golfo,
                                          "articles": [], "independent_sources": 1, "allegation": False}])
    record_decision(store, "merge", "Rafael Quintero", "El Jefe", "cli:test")
    refresh_entities(store)
    with store.engine.connect() as conn:
        row = conn.execute(select(relations)).one()
    assert row.subject == entity_of(store, "El Jefe")["id"] != jefe and row.object == golfo


def test_decision_side_by_id_prefers_a_name(store):
    _store_locals(store, corpus())
    refresh_entities(store)
    golfo = entity_of(store, "Cartel del Golfo")
    assert decision_side(store, "merge", golfo["id"]) == "Cartel del Golfo"
    with pytest.raises(ValueError, match="needed"):
        decision_side(store, "merge", "  ")


def test_decision_applied_is_one_entity_after_a_merge_and_two_after_a_split():
    one, same, other = {"id": "ent_a"}, {"id": "ent_a"}, {"id": "ent_b"}
    assert decision_applied("merge", one, same) and not decision_applied("merge", one, other)
    assert decision_applied("split", one, other) and not decision_applied("split", one, same)
    assert not decision_applied("merge", one, None) and decision_applied("split", None, other)


def test_make_decision_records_applies_and_reports(store):
    """What `fuentes merge`/`split` and the workbench both call."""
    from fuentes.store.decisions import list_decisions

    _store_locals(store, corpus())
    refresh_entities(store)
    done = make_decision(store, "merge", "el jefe", "Rafael Quintero", "cli:test", "  same man  ")
    assert done.applied and done.notes == []
    assert done.entities[0]["id"] == done.entities[1]["id"] and done.entities[0]["name"] == "Rafael Quintero"
    assert (done.decision.first, done.decision.note) == ("el jefe", "same man")
    split = make_decision(store, "split", "Quintero", "Rafael Quintero", "web:desk")
    assert split.applied and split.entities[0]["id"] != split.entities[1]["id"]
    blocked = make_decision(store, "merge", "Quintero", "El Jefe", "cli:test")  # Quintero is kept apart from
    assert blocked.applied is False and "kept apart by a split" in blocked.notes[0]  # El Jefe's entity now
    stored = list_decisions(store)
    assert [(d["kind"], d["first"], d["who"]) for d in stored] == [
        ("merge", "el jefe", "cli:test"), ("split", "Quintero", "web:desk"), ("merge", "Quintero", "cli:test")]


def test_spanish_names_are_matched_accents_aside(store):
    per = {"a": [ent("e1", "José Ángel Núñez", aliases=["El Güero"])],
           "b": [ent("e1", "Peña Nieto", article="b")]}
    _store_locals(store, per)
    refresh_entities(store)
    assert entity_of(store, "jose angel nunez")["name"] == "José Ángel Núñez"
    assert entity_of(store, "EL GUERO")["name"] == "José Ángel Núñez"
    assert decision_side(store, "merge", "pena nieto") == "pena nieto"
    done = make_decision(store, "merge", "el güero", "PEÑA NIETO", "cli:test")
    assert done.applied and entity_of(store, "Peña Nieto")["id"] == entity_of(store, "José Ángel Núñez")["id"]


def test_a_refused_write_is_a_store_error_naming_the_store(store, monkeypatch):
    from sqlalchemy.exc import OperationalError

    from fuentes.errors import StoreError
    from fuentes.store import decisions as stored

    _store_locals(store, corpus())
    refresh_entities(store)

    class Refusing:
        url = store.engine.url

        def begin(self):
            raise OperationalError("INSERT INTO entity_decisions", {}, Exception("attempt to write a readonly database"))

    monkeypatch.setattr(store, "engine", Refusing())
    with pytest.raises(StoreError, match="cannot record the merge of 'El Jefe' and 'Quintero' in the store .*"
                                         "readonly database"):
        stored.add_decision(store, "merge", "El Jefe", "Quintero", "cli:test", T0)


# --- through the real analysis (spaCy): decisions survive `analyse(force=True)` ---

ARTICLES = {
    "one": ("Federal agents arrested Rafael Quintero in Culiacán on Monday, prosecutors said.\n\n"
            "Rafael Quintero was taken to a prison in Mexico City."),
    "two": ("Prosecutors said Quintero will face charges of drug trafficking.\n\n"
            "The lawyer for Quintero did not comment on Tuesday."),
    "three": ("Police in Tijuana detained Manuel Ortega Ruiz after a shootout on Friday.\n\n"
              "Manuel Ortega Ruiz was carrying two rifles, officials said."),
}


@pytest.fixture
def analysed(store):
    from fuentes.analyse import analyse
    from fuentes.ingest.job import ingest_items
    from fuentes.ingest.raw import RawDocument

    ingest_items([RawDocument(source=f"fixture/{k}.txt", data=v, format="text",
                              hints={"outlet": f"Outlet {k}", "language": "en", "published": "2026-01-0" + str(i)})
                  for i, (k, v) in enumerate(ARTICLES.items(), 1)], store)
    analyse(store)
    return store


@pytest.mark.models
def test_merge_survives_reanalysis(analysed):
    from fuentes.analyse import analyse

    store = analysed
    one, two = entity_of(store, "Rafael Quintero"), entity_of(store, "Manuel Ortega Ruiz")
    assert one and two and one["id"] != two["id"], "spaCy should find both people"
    record_decision(store, "merge", "Rafael Quintero", "Manuel Ortega Ruiz", "cli:test", "one alias")
    analyse(store, force=True)
    merged = entity_of(store, "Manuel Ortega Ruiz")
    assert merged["id"] == entity_of(store, "Rafael Quintero")["id"]
    assert any("analyst: one alias" in line for line in merged["merge_evidence"])


@pytest.mark.models
def test_split_prevents_an_automatic_merge(analysed):
    from fuentes.analyse import analyse

    store = analysed
    assert entity_of(store, "Quintero")["id"] == entity_of(store, "Rafael Quintero")["id"], "surname rule"
    record_decision(store, "split", "Rafael Quintero", "Quintero", "cli:test")
    analyse(store, force=True)
    alone, full = entity_of(store, "Quintero"), entity_of(store, "Rafael Quintero")
    assert alone["id"] != full["id"]
    assert "Quintero" not in full["aliases"]
