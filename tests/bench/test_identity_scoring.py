"""bench/identity.py's scoring: B-cubed, mention-to-entity span mapping, the exact-name key,
cross-lingual chains held, and the token-to-text offsets, on tiny hand-made examples."""

from __future__ import annotations

import pytest

from tests.bench.bench_modules import load

identity = load("identity")


def test_bcubed_perfect_clustering():
    gold = {"a": "x", "b": "x", "c": "y"}
    assert identity.bcubed({"a": 1, "b": 1, "c": 2}, gold) == {"p": 1.0, "r": 1.0, "f1": 1.0, "mentions": 3}


def test_bcubed_all_singletons_and_all_in_one():
    gold = {"a": "x", "b": "x", "c": "y", "d": "y"}
    singletons = identity.bcubed({k: k for k in gold}, gold)
    assert (singletons["p"], singletons["r"]) == (1.0, 0.5)
    one = identity.bcubed({k: "all" for k in gold}, gold)
    assert (one["p"], one["r"]) == (0.5, 1.0)
    assert one["f1"] == pytest.approx(2 / 3, abs=1e-4)


def test_bcubed_hand_computed():
    # gold {a,b,c} {d}; predicted {a,b} {c,d}
    # P: a 1, b 1, c 1/2, d 1/2 -> 0.75; R: a 2/3, b 2/3, c 1/3, d 1 -> 2/3
    out = identity.bcubed({"a": 1, "b": 1, "c": 2, "d": 2}, {"a": "x", "b": "x", "c": "x", "d": "y"})
    assert out["p"] == 0.75
    assert out["r"] == pytest.approx(2 / 3, abs=1e-4)
    assert out["f1"] == pytest.approx(2 * 0.75 * (2 / 3) / (0.75 + 2 / 3), abs=1e-4)


def test_bcubed_scores_only_gold_keys():
    out = identity.bcubed({"a": 1, "b": 1, "extra": 1}, {"a": "x", "b": "x"})
    assert out == {"p": 1.0, "r": 1.0, "f1": 1.0, "mentions": 2}


def test_map_mentions_takes_the_span_covering_most_tokens():
    # text "Northrop Grumman and Airbus": tokens (0,8) (9,16) (17,20) (21,27)
    mentions = {"m1": ("d1", [(0, 8), (9, 16)]), "m2": ("d1", [(21, 27)]), "m3": ("d1", [(17, 20)])}
    spans = [("ORG-NG", "d1", 0, 16), ("ORG-G", "d1", 9, 16), ("ORG-A", "d1", 21, 27)]
    assert identity.map_mentions(mentions, spans) == {"m1": "ORG-NG", "m2": "ORG-A", "m3": None}


def test_map_mentions_stays_in_the_mention_document():
    mentions = {"m": ("d2", [(0, 6)])}
    assert identity.map_mentions(mentions, [("E", "d1", 0, 6)]) == {"m": None}


def test_map_mentions_partial_overlap_and_ties():
    # a span cutting into one token counts; equal tokens -> more characters -> smaller id
    mentions = {"m": ("d", [(0, 5), (6, 11)])}
    assert identity.map_mentions(mentions, [("B", "d", 3, 8), ("A", "d", 6, 11)]) == {"m": "B"}
    assert identity.map_mentions(mentions, [("B", "d", 6, 11), ("A", "d", 0, 5)]) == {"m": "A"}
    # spans that only touch the border do not overlap
    assert identity.map_mentions(mentions, [("C", "d", 11, 20)]) == {"m": None}


def test_unmapped_mentions_become_singletons():
    pred = identity.clusters_with_singletons({"a": "E", "b": None, "c": None, "d": "E"})
    assert pred["a"] == pred["d"]
    assert len({pred["b"], pred["c"], pred["a"]}) == 3


def test_exact_name_key_folds_case_accents_and_spacing():
    keys = identity.exact_name_clusters({"a": "Cártel  del Golfo", "b": "cartel del golfo", "c": "Golfo"})
    assert keys["a"] == keys["b"] != keys["c"]


def test_cross_lingual_chains_held():
    gold = {"e1": "X", "s1": "X", "e2": "Y", "s2": "Y", "e3": "Z", "s3": "W", "e4": "V", "s4": "V"}
    lang = {k: ("en" if k.startswith("e") else "es") for k in gold}
    pred = {"e1": "A", "s1": "A", "e2": "B", "s2": "C", "e3": "D", "s3": "D", "e4": "E", "s4": "single:s4"}
    out = identity.cross_lingual_chains(gold, lang, pred, mapped={"e1", "s1", "e2", "s2", "e3", "s3", "e4"})
    # X held; Y split; V has no mapped Spanish mention; Z and W are monolingual
    assert out == {"chains": 3, "held": 1, "split": 1, "not_mapped_in_each_language": 1}


def test_detokenize_offsets_point_at_the_tokens():
    tokens = ["Airbus", "(", "EADS", ")", "won", "a", "$", "40", "billion", "deal", ",", "it", "said", "."]
    text, spans = identity.detokenize(tokens)
    assert text == "Airbus (EADS) won a $40 billion deal, it said."
    assert [text[s:e] for s, e in spans] == tokens
    text, spans = identity.detokenize(["40.000", "millones", "$", "para"])
    assert text == "40.000 millones $ para"


def test_char_map_follows_removed_text():
    mine = "Headline\n\nBody with Airbus."
    theirs = "Body with Airbus."
    cmap = identity.char_map(mine, theirs)
    start = mine.index("Airbus")
    assert theirs[cmap[start]:cmap[start + 5] + 1] == "Airbus"
    assert cmap[0] is None


def test_named_selections():
    assert identity.is_named("Airbus") and not identity.is_named("the Air Force")
    assert identity.is_named_after_determiner("the Air Force")
    assert identity.is_named_after_determiner("el iPhone 4")
    assert not identity.is_named_after_determiner("He")
    assert not identity.is_named_after_determiner("The company")
    assert identity.has_capital_head("iPod", "PROPN") and not identity.has_capital_head("He", "PRON")
    assert not identity.has_capital_head("company", "NOUN")


def test_recall_loss_books_each_split_pair_once_and_adds_up_to_the_recall_lost():
    gold = {"a": "x", "b": "x", "c": "x", "d": "x", "e": "y"}
    pred = {"a": 1, "b": 2, "c": 3, "d": "single:d", "e": 4}
    doc = {"a": "en:1", "b": "en:1", "c": "es:1", "d": "en:2", "e": "en:2"}
    lang = {"a": "en", "b": "en", "c": "es", "d": "en", "e": "en"}
    loss = identity.recall_loss(gold, pred, doc, lang, mapped={"a", "b", "c", "e"})
    # chain x: 12 ordered split pairs of weight 1/4 over 5 mentions; a-b one document, a/b-c two
    # languages, d (no span) against a, b, c in other documents
    assert loss == {"no_entity_span_within_document": 0.0, "no_entity_span_across_documents": 0.3,
                    "within_document": 0.1, "across_documents": 0.0, "across_languages": 0.2}
    assert round(sum(loss.values()), 4) == round(1 - identity.bcubed(pred, gold)["r"], 4)


def test_map_mentions_tie_goes_to_the_tighter_span():
    # text "Apple CEO Steve Jobs": tokens (0,5) (6,9) (10,15) (16,20); the person's evidence holds its
    # title "Apple CEO" (0,9), the company's its name (0,5)
    spans = [("A-PERSON", "d", 0, 9), ("A-PERSON", "d", 10, 20), ("Z-ORG", "d", 0, 5)]
    mentions = {"apple": ("d", [(0, 5)]), "title": ("d", [(0, 5), (6, 9)]), "name": ("d", [(10, 15), (16, 20)])}
    assert identity.map_mentions(mentions, spans) == {"apple": "Z-ORG", "title": "A-PERSON", "name": "A-PERSON"}
