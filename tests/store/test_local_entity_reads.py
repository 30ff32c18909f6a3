"""The per-article entities read back for entity resolution, article by article."""

from __future__ import annotations

from fuentes.codecs import LOCAL_ENTITY
from fuentes.model import Entity, Evidence
from fuentes.store.analysis import load_local_entities
from fuentes.store.articles import save_batch
from fuentes.store.schema import local_entities


def test_local_entities_come_back_by_article_and_key_with_their_names_and_spans(store):
    save_batch(store, [{"id": aid, "source": f"{aid}.txt", "text": f"Text of {aid}.", "language": lang,
                        "kind": "unknown"} for aid, lang in (("art_b", "en"), ("art_a", "es"))])
    made = {
        "art_a": [Entity(id="e2", name="Comisión Federal de Electricidad", kind="organization", aliases=["CFE"],
                         evidence=[Evidence("art_a", 0, 4, "entities", "3")]),
                  Entity(id="e1", name="Rocío Nahle", kind="person", aliases=["Nahle"], roles=["secretaria de Energía"],
                         evidence=[Evidence("art_a", 5, 9, "entities", "3", 0.9),
                                   Evidence("art_a", 12, 16, "entities", "3")])],
        "art_b": [Entity(id="e1", name="Federal Electricity Commission", kind="organization",
                         evidence=[Evidence("art_b", 2, 7, "entities", "3")])],
    }
    with store.engine.begin() as conn:
        conn.execute(local_entities.insert(), [LOCAL_ENTITY.to_row(e, aid) for aid, ents in made.items() for e in ents])
    loaded = load_local_entities(store)
    assert list(loaded) == ["art_a", "art_b"]  # by article id, then by key
    assert [e.id for e in loaded["art_a"]] == ["e1", "e2"]
    nahle = loaded["art_a"][0]
    assert (nahle.name, nahle.kind, nahle.aliases, nahle.roles, nahle.articles) == \
        ("Rocío Nahle", "person", ["Nahle"], ["secretaria de Energía"], ["art_a"])
    assert nahle.evidence == made["art_a"][1].evidence
    assert loaded["art_b"][0].evidence == made["art_b"][0].evidence and loaded["art_b"][0].articles == ["art_b"]
