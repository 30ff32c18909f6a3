"""Watchlist import (FollowTheMoney JSON lines) and matching, on the team's fictional fixture."""

from __future__ import annotations

from pathlib import Path

import pytest

from fuentes.corpus.watchlist import compare, load_watchlist, match_watchlist, normalize_name
from fuentes.errors import InputError
from fuentes.model import Entity

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "watchlist.ftm.jsonl"


@pytest.fixture(scope="module")
def watchlist():
    return load_watchlist(FIXTURE)


def test_load_keeps_named_schemas_and_skips_the_rest(watchlist):
    assert {e.id for e in watchlist.entries} == {"wl-person-ortega", "wl-person-salvatierra", "wl-org-anchors",
                                                  "wl-company-harbor", "wl-legal-rosales"}
    assert watchlist.skipped == 1  # the Sanction record
    ortega = next(e for e in watchlist.entries if e.id == "wl-person-ortega")
    assert ortega.names["weakAlias"] == ["El Tejón"] and ortega.properties["birthDate"] == ["1971-04-02"]
    assert next(e for e in watchlist.entries if e.id == "wl-person-salvatierra").caption == "Lucía Salvatierra Montes"


def test_load_errors_name_the_file_and_line(tmp_path):
    with pytest.raises(InputError, match="not found"):
        load_watchlist(tmp_path / "missing.jsonl")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "schema": "Person", "properties": {"name": ["A B"]}}\n{oops\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"bad.jsonl:2"):
        load_watchlist(bad)
    bad.write_text('{"schema": "Person"}\n', encoding="utf-8")
    with pytest.raises(InputError, match="needs 'id'"):
        load_watchlist(bad)


def test_compare_methods():
    assert normalize_name("Lucía  SALVATIERRA-Montes") == "lucia salvatierra montes"
    assert compare("LUCIA SALVATIERRA MONTES", "Lucía Salvatierra Montes", "name").method == "exact"
    assert compare("Villalba Ramiro Ortega", "Ramiro Ortega Villalba", "name").method == "token_sort"
    fuzzy = compare("Ramiro Ortega Villalva", "Ramiro Ortega Villalba", "name")
    assert fuzzy.method == "fuzzy" and 0.9 < fuzzy.score < 1
    assert compare("Ramón Ortiz Vidal", "Ramiro Ortega Villalba", "name") is None
    assert compare("Ortega", "Ortega", "alias").weak  # one word: weak even when exact
    assert compare("Ortegas", "Ortega", "alias") is None  # one word: exact or nothing


def test_match_people_by_name_alias_and_nickname(watchlist):
    ents = [
        Entity("ent_1", "Ramiro Ortega Villalba", "person", aliases=["Ortega", "El Tejón"]),
        Entity("ent_2", "La Güera", "person"),
        Entity("ent_3", "Anchors Cartel", "organization", aliases=["CDA"]),
        Entity("ent_4", "Tejón Freight Holdings", "person"),  # a person cannot be a company
        Entity("ent_5", "Grupo Rosales Ferrer", "organization"),
        Entity("ent_6", "Ramiro Ortega Villalba", "place"),
    ]
    hits = match_watchlist(ents, watchlist)
    by_entity = {(h.entity, h.watchlist_id): h for h in hits}
    ortega = by_entity[("ent_1", "wl-person-ortega")]
    assert ortega.score == 1.0 and ortega.schema == "Person"
    assert {(m.ours, m.theirs, m.field, m.method) for m in ortega.evidence} >= {
        ("Ramiro Ortega Villalba", "Ramiro Ortega Villalba", "name", "exact"),
        ("El Tejón", "El Tejón", "weakAlias", "exact")}
    guera = by_entity[("ent_2", "wl-person-salvatierra")]
    assert guera.score <= 0.75 and all(m.weak for m in guera.evidence)
    assert by_entity[("ent_3", "wl-org-anchors")].score > 0.9
    assert ("ent_5", "wl-legal-rosales") in by_entity
    assert not any(h.entity in ("ent_4", "ent_6") for h in hits)
    assert hits[0].score >= hits[-1].score


def test_no_hit_for_a_shared_surname_only(watchlist):
    hits = match_watchlist([Entity("ent_9", "Carmen Ortega", "person", aliases=["Ortega"])], watchlist)
    assert hits == []
