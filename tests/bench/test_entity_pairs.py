"""bench/entity_pairs.py: the check of entities that must never be one, on hand-made records, and
the shipped path (ingest, analyse, export) on team-written English and Spanish articles that name
family members, newspapers sharing a word and a person beside the foundation named after them."""

from __future__ import annotations

import json

import pytest

from tests.bench.bench_modules import load

pairs = load("entity_pairs")


def test_an_entity_holding_two_full_names_of_a_pair_is_a_violation():
    found = pairs.violations([{"id": "e1", "name": "Michelle Obama", "kind": "person",
                               "aliases": ["Michelle Obama", "Barack Obama", "Obama"]}])
    assert [item["pair"] for item in found] == ["spouses"]
    assert found[0]["holds"] == [["Barack Obama"], ["Michelle Obama"]]


def test_a_bare_surname_or_accents_hold_no_second_referent():
    assert pairs.violations([{"name": "Hillary Clinton", "aliases": ["Clinton", "Mrs. Clinton"]}]) == []
    found = pairs.violations([{"name": "Estado Islamico", "aliases": ["Departamento de Estado"]}])
    assert len(found) == 1  # accents and case do not matter


ARTICLES = [
    {"id": "fam-1", "language": "en", "outlet": "Harbor Ledger", "published": "2016-10-01",
     "text": "Hillary Clinton spoke in Ohio on Monday. Bill Clinton joined her later, and Clinton told the "
             "crowd that the Clinton Foundation would keep its work abroad. Chelsea Clinton did not attend.\n\n"
             "Barack Obama praised the plan. Michelle Obama said she would campaign in Florida."},
    {"id": "fam-2", "language": "en", "outlet": "Valley Courier", "published": "2016-10-02",
     "text": "Former President Bill Clinton said on Tuesday that Clinton would win. The New York Post and "
             "The Washington Post both reported the remarks, and The New York Times ran an editorial.\n\n"
             "Michelle Obama spoke at a rally; Obama said the vote mattered."},
    {"id": "fam-3", "language": "es", "outlet": "El Heraldo del Norte", "published": "2016-10-03",
     "text": "Hillary Clinton visitó Miami el miércoles. Su esposo, Bill Clinton, habló con la prensa y dijo que "
             "la Fundación Clinton seguirá su trabajo.\n\nBarack Obama y Michelle Obama llegaron después."},
]


@pytest.mark.models
def test_the_shipped_path_keeps_family_members_and_newspapers_apart(tmp_path):
    from fuentes.analyse import analyse
    from fuentes.export.jsonl import iter_records
    from fuentes.ingest.job import ingest_items
    from fuentes.ingest.sources import ReadOptions, iter_inputs
    from fuentes.store import open_store

    source = tmp_path / "articles.jsonl"
    source.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES), encoding="utf-8")
    store = open_store(str(tmp_path / "store.db"))
    ingest_items(iter_inputs([str(source)], ReadOptions()), store)
    analyse(store)
    entities = [r for r in iter_records(store) if r.get("type") == "entity"]
    assert pairs.violations(entities) == []
    held = set().union(*(pairs.names_of(e) for e in entities))
    assert {"bill clinton", "hillary clinton", "michelle obama", "barack obama"} <= held
