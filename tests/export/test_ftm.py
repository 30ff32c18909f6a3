import json

import pytest

from fuentes.export.ftm import export_ftm, write_ftm
from fuentes.model import Mention

ARTICLES = [{"id": "art_1", "title": "Cae líder", "outlet": "Diario", "published": "2024-02-03", "language": "es",
             "text": "Texto de prueba."}]
ENTITIES = [
    {"id": "p1", "name": "Don Uno", "kind": "person", "aliases": ["El Uno"], "roles": ["leader"], "articles": ["art_1"]},
    {"id": "p2", "name": "Don Dos", "kind": "person"},
    {"id": "o1", "name": "Cártel Ejemplo", "kind": "organization"},
    {"id": "o2", "name": "Cártel Rival", "kind": "organization"},
]
RELATIONS = [
    {"id": "r1", "subject": "p1", "predicate": "leader_of", "object": "o1", "independent_sources": 2,
     "start": "2019", "articles": ["art_1"], "allegation": False},
    {"id": "r2", "subject": "o1", "predicate": "rival_of", "object": "o2", "independent_sources": 1, "allegation": True},
    {"id": "r3", "subject": "p1", "predicate": "brother_of", "object": "p2"},
    {"id": "r4", "subject": "p2", "predicate": "associate_of", "object": "p1"},
    {"id": "r5", "subject": "o1", "predicate": "allied_with", "object": "o2"},
    {"id": "r6", "subject": "p2", "predicate": "works_for", "object": "o1"},
    {"id": "r7", "subject": "p2", "predicate": "holds_position", "object": "o1", "role": "jefe de plaza"},
]
EVENTS = [{"id": "ev1", "event_type": "arrest", "date": "2024-02", "actors": ["o1"], "targets": ["p1"],
           "place": "Culiacán", "articles": ["art_1"], "independent_sources": 1}]


def run(use_ftm):
    return export_ftm(articles=ARTICLES, entities=ENTITIES, relations=RELATIONS, events=EVENTS,
                      mentions=[("art_1", Mention(0, 7, "Don Uno", "PERSON"), "p1")], use_ftm=use_ftm)


def by_id(records):
    return {r["id"]: r for r in records}


@pytest.mark.parametrize("use_ftm", [True, False])
def test_schemas_follow_relation_types(use_ftm):
    records = by_id(run(use_ftm))
    assert records["r1"]["schema"] == "Membership"
    assert records["r1"]["properties"]["member"] == ["p1"] and records["r1"]["properties"]["role"] == ["leader"]
    assert records["r1"]["properties"]["proof"] == ["art-1"]  # FtM ids allow no "_"
    assert records["r2"]["schema"] == "UnknownLink" and records["r2"]["properties"]["role"] == ["rivalry"]
    assert records["r2"]["properties"]["status"] == ["alleged"]
    assert records["r3"]["schema"] == "Family" and records["r4"]["schema"] == "Associate"
    assert records["r5"]["properties"]["role"] == ["alliance"]
    assert records["r6"]["schema"] == "Employment" and records["r7"]["schema"] == "Occupancy"
    post = records[records["r7"]["properties"]["post"][0]]
    assert post["schema"] == "Position" and post["properties"]["name"] == ["jefe de plaza, Cártel Ejemplo"]
    assert records["ev1"]["schema"] == "Event" and set(records["ev1"]["properties"]["involved"]) == {"o1", "p1"}
    mention = next(r for r in records.values() if r["schema"] == "Mention")
    assert mention["properties"]["resolved"] == ["p1"] and mention["properties"]["document"] == ["art-1"]
    assert records["art-1"]["schema"] == "Article"


def test_entities_validate_against_the_followthemoney_model(tmp_path):
    model = pytest.importorskip("followthemoney").model
    records = run(True)
    for record in records:
        proxy = model.get_proxy(record)  # raises on an unknown schema or property
        assert proxy.schema.name == record["schema"]
    assert by_id(records)["art-1"]["properties"]["language"] == ["spa"]
    path = write_ftm(records, tmp_path / "out.ftm.json")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(records) and json.loads(lines[0])["id"]


@pytest.mark.parametrize("use_ftm", [True, False])
def test_evidence_travels_as_mentions_and_documentation(use_ftm):
    from fuentes.model import Evidence

    text = "Detuvieron a Don Uno en Culiacán. La Marina confirmó la detención."
    articles = [{"id": "art_9", "title": "Detención", "language": "es", "text": text}]
    start = text.index("Don Uno")
    entities = [{"id": "p1", "name": "Don Uno", "kind": "person", "articles": ["art_9"],
                 "evidence": [Evidence("art_9", start, start + 7, "entities", "1")]}]
    sentence = (0, text.index(".") + 1)
    events = [{"id": "ev9", "event_type": "arrest", "actors": [], "targets": ["p1"], "articles": ["art_9"],
               "evidence": [Evidence("art_9", *sentence, "events", "1")]}]
    records = export_ftm(articles=articles, entities=entities, events=events, use_ftm=use_ftm)
    mentions = [r for r in records if r["schema"] == "Mention"]
    assert [m["properties"]["name"] for m in mentions] == [["Don Uno"]]
    assert mentions[0]["properties"]["resolved"] == ["p1"] and mentions[0]["properties"]["document"] == ["art-9"]
    docs = [r for r in records if r["schema"] == "Documentation"]
    assert len(docs) == 1
    props = docs[0]["properties"]
    assert props["entity"] == ["ev9"] and props["document"] == ["art-9"]  # ids in the FtM alphabet
    assert props["summary"] == [text[sentence[0]:sentence[1]]]
    assert props["description"] == [f"chars {sentence[0]}-{sentence[1]} in art_9, events@1"]
