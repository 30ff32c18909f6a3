"""The same quote across articles: one statement; rewordings flagged as variants."""

from __future__ import annotations

import random
import time

from fuentes.corpus.quote_matching import match_quotes
from fuentes.ids import content_id
from fuentes.model import Quote


def q(article: str, text: str, speaker: str | None = "Irene Vidal") -> Quote:
    return Quote(id=content_id("quo", article, text), article=article, text=text, start=0,
                 end=len(text), direct=True, speaker_name=speaker)


ORIGINAL = "The harbour has become the main door for cocaine entering the region, and the customs office knows it"


def test_exact_copies_after_normalisation_are_one_statement():
    a = q("a", "\u201cWe don\u2019t have the boats we need,\u201d")
    b = q("b", "\"We don't have the boats   we need,\"", speaker="Vidal")
    groups = match_quotes({"a": [a], "b": [b]})
    assert len(groups) == 1 and sorted(groups[0].quotes) == sorted([a.id, b.id])
    assert not groups[0].variants and a.variant_of is None and b.variant_of is None


def test_rewording_by_the_same_speaker_is_a_variant_with_both_wordings():
    a = q("a", ORIGINAL)
    b = q("b", "The harbour has become the main entry for cocaine coming into the region, and "
               "the customs office knows it", speaker="Vidal")
    groups = match_quotes({"a": [a], "b": [b]})
    assert len(groups) == 1
    assert b.variant_of == a.id and a.variant_of is None
    assert groups[0].variants == {b.id: a.id}
    assert a.text != b.text  # both wordings kept


def test_same_words_from_another_speaker_are_not_a_variant():
    a = q("a", ORIGINAL)
    b = q("b", "The harbour has become the main entry for cocaine coming into the region, and "
               "the customs office knows it", speaker="Hugo Ferrer")
    assert match_quotes({"a": [a], "b": [b]}) == []
    assert b.variant_of is None


def test_excerpt_of_a_longer_quote_joins_its_statement():
    a = q("a", ORIGINAL)
    b = q("b", "the main door for cocaine entering the region")
    groups = match_quotes({"a": [a], "b": [b]})
    assert len(groups) == 1 and not groups[0].variants


def test_quotes_within_one_article_are_not_grouped():
    assert match_quotes({"a": [q("a", ORIGINAL), q("a", ORIGINAL + " today")]}) == []


def test_blocking_keeps_many_quotes_fast():
    rng = random.Random(7)
    vocab = [f"w{n}" for n in range(3000)]
    by_article = {f"art{n}": [q(f"art{n}", " ".join(rng.choices(vocab, k=18)), f"P{n}")
                              for _ in range(10)] for n in range(300)}
    by_article["copy"] = [q("copy", by_article["art5"][3].text, "P5")]
    started = time.perf_counter()
    groups = match_quotes(by_article)
    assert time.perf_counter() - started < 20
    assert [sorted(g.quotes) for g in groups] == [sorted([by_article["art5"][3].id, by_article["copy"][0].id])]


def test_copies_of_one_story_are_not_compared_with_each_other(monkeypatch):
    # Regression: a story carried by hundreds of outlets repeats its quotes word for word, and
    # every copy was compared with every earlier one (the stage grew with the outlets' square).
    import fuentes.corpus.quote_matching as matching

    said = ["The harbour is the main door for cocaine entering the region",
            "La aduana sabe lo que pasa en el puerto desde hace años",
            "We will not negotiate with the cartel under any circumstances at all"]
    by_article = {f"outlet{n}": [q(f"outlet{n}", text) for text in said] for n in range(300)}
    by_article["rewrite"] = [q("rewrite", "The harbour is the main entry for cocaine coming into the region",
                               speaker="Vidal")]
    calls = 0
    relation = matching.quote_relation

    def counted(*args):
        nonlocal calls
        calls += 1
        return relation(*args)

    monkeypatch.setattr(matching, "quote_relation", counted)
    groups = match_quotes(by_article)
    assert calls < 50  # was ~135,000: every copy against every earlier copy
    sizes = sorted(len(g.quotes) for g in groups)
    assert sizes == [300, 300, 301]  # each wording one statement; the rewording joins the first
    assert by_article["rewrite"][0].variant_of == by_article["outlet0"][0].id


def test_matching_pauses_the_garbage_collector_and_gives_it_back_as_it_was(monkeypatch):
    import gc

    import fuentes.corpus.quote_matching as quote_matching

    during = []
    relation = quote_matching.quote_relation

    def watched(*args):
        during.append(gc.isenabled())
        return relation(*args)

    monkeypatch.setattr(quote_matching, "quote_relation", watched)
    seen = []
    for enabled in (True, False):
        (gc.enable if enabled else gc.disable)()
        try:
            a, b = q("a", ORIGINAL), q("b", ORIGINAL.replace("main door", "main gate"))
            groups = match_quotes({"a": [a], "b": [b]})
            seen.append((len(groups), gc.isenabled()))
        finally:
            gc.enable()
    assert seen == [(1, True), (1, False)] and during and not any(during)
