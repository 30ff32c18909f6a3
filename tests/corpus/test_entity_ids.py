"""Stable corpus entity ids: unchanged when articles arrive and when analysts merge or split."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fuentes.corpus.entity_ids import redirects, stable_ids
from fuentes.corpus.entity_resolution import Merge
from fuentes.model import Entity

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles"


def ent(ident: str, name: str, *refs: str) -> Entity:
    return Entity(ident, name, "person", merged_from=list(refs))


def test_a_group_keeps_the_id_most_of_its_members_had():
    previous = {"a#e1": "ent_old", "b#e1": "ent_old", "c#e2": "ent_other"}
    resolved = [ent("ent_new_name", "Nemesio Oseguera Cervantes", "a#e1", "b#e1", "d#e1"),
                ent("ent_other", "Ana Ruiz", "c#e2")]
    out, merges = stable_ids(resolved, [Merge("ent_new_name", "d#e1", "same name", "a#e1")], previous)
    assert [e.id for e in out] == ["ent_old", "ent_other"]
    assert merges[0].entity == "ent_old"  # merge records follow the id
    assert out[0].name == "Nemesio Oseguera Cervantes"  # the better name arrives, the id stays


def test_a_merge_keeps_the_larger_id_and_absorbs_the_other():
    previous = {"a#e1": "ent_a", "b#e1": "ent_a", "c#e1": "ent_b"}
    out, _ = stable_ids([ent("ent_x", "El Mencho", "a#e1", "b#e1", "c#e1")], [], previous,
                        {"ent_b": ["ent_older"]})
    assert out[0].id == "ent_a" and out[0].absorbed == ["ent_b", "ent_older"]
    assert redirects(out) == {"ent_b": "ent_a", "ent_older": "ent_a"}


def test_a_split_leaves_the_id_with_the_larger_part_and_a_new_id_to_the_other():
    previous = {"a#e1": "ent_a", "b#e1": "ent_a", "c#e1": "ent_a"}
    out, _ = stable_ids([ent("ent_a", "Bill Clinton", "a#e1", "b#e1"), ent("ent_h", "Hillary Clinton", "c#e1")],
                        [], previous)
    assert [e.id for e in out] == ["ent_a", "ent_h"]
    assert out[1].absorbed == []  # ent_a lives on: nothing was absorbed


def test_a_new_group_whose_content_id_is_taken_gets_another():
    previous = {"a#e1": "ent_same"}
    out, _ = stable_ids([ent("ent_other", "X", "a#e1"), ent("ent_same", "Y", "b#e1")], [], previous)
    assert out[0].id == "ent_same" and out[1].id not in ("ent_same", "ent_other")


FIRST = ["Ramiro", "Lucía", "Esteban", "Marta", "Tomás", "Inés", "Pablo", "Rosa", "Héctor", "Sofía"]
LAST = ["Barrena", "Quintero", "Salcedo", "Olvera", "Treviño", "Galindo", "Arriaga", "Montiel", "Cuéllar", "Ibarra"]
CITIES = ["Monterrey", "Saltillo", "Culiacán", "Morelia", "Tampico"]


def team_articles(count: int) -> list[dict]:
    """Short reports written for this test: new people, and the examples' own people again."""
    out = []
    for n in range(count):
        person = f"{FIRST[n % 10]} {LAST[(n * 3) % 10]}"
        city = CITIES[n % 5]
        if n % 2:
            text = (f"Police in {city} detained {person} on Tuesday, officials said. Security Minister Ledesma "
                    f"said the arrest followed months of surveillance. Julián Arturo Zárate Villaseñor, known as "
                    f"El Relojero, was not mentioned in the charges against {person.split()[1]}.")
        else:
            text = (f"La policía de {city} detuvo a {person} el martes, informaron las autoridades. "
                    f"{person.split()[1]} fue trasladado a la capital. Según la fiscalía, {person} "
                    f"trabajaba para una red de extorsión.")
        out.append({"id": f"team-{n}", "text": text, "outlet": f"Diario de {city} {n}",
                    "title": f"Detención número {n}", "published": f"2026-03-{10 + n % 15:02d}"})
    return out


@pytest.mark.models
def test_entity_ids_stay_when_100_articles_arrive_and_after_an_analyst_merge(store, tmp_path):
    from fuentes.analyse import analyse
    from fuentes.corpus.entity_decisions import record_decision, refresh_entities
    from fuentes.ingest.job import ingest_items
    from fuentes.ingest.sources import ReadOptions, iter_inputs
    from fuentes.store.analysis import get_entity, list_entities, previous_entity_ids

    ingest_items(iter_inputs([str(EXAMPLES)], ReadOptions()), store)
    analyse(store)
    before = previous_entity_ids(store)
    ids_before = {row["id"] for row in list_entities(store)}
    extra = tmp_path / "team.jsonl"
    extra.write_text("".join(json.dumps(a) + "\n" for a in team_articles(100)), encoding="utf-8")
    ingest_items(iter_inputs([str(extra)], ReadOptions()), store)
    summary = analyse(store)
    assert summary.analysed == 100
    after = previous_entity_ids(store)
    assert {ref: after.get(ref) for ref in before} == before  # every old local entity: same corpus id
    rows = list_entities(store)
    assert ids_before <= {row["id"] for row in rows}
    relojero = get_entity(store, "El Relojero")
    assert relojero["id"] in ids_before and len(relojero["articles"]) > 10  # grew, same id

    # an analyst joins two entities: one keeps its id, the other's id is absorbed and still found
    people = [row for row in rows if row["kind"] == "person" and row["id"] in ids_before]
    first, second = people[0], people[1]
    record_decision(store, "merge", first["id"], second["id"], "cli:test")
    refresh_entities(store)
    merged = get_entity(store, first["id"])
    assert merged is not None and {first["id"], second["id"]} & ({merged["id"]} | set(merged["absorbed"])) == \
        {first["id"], second["id"]}
    kept = ids_before - {first["id"], second["id"]}
    assert kept <= {row["id"] for row in list_entities(store)}  # everyone else keeps their id
    assert get_entity(store, second["id"])["id"] == merged["id"]  # the absorbed id leads to the entity
    analyse(store)  # and a later analysis keeps all of it
    assert get_entity(store, second["id"])["id"] == merged["id"]
    assert kept <= {row["id"] for row in list_entities(store)}
