"""bench/layers.py: per-article layers dumped through the cleaning and analysis stages, and two
dumps compared field by field and layer by layer."""

from __future__ import annotations

import pytest

from tests.bench.bench_modules import load

layers = load("layers")


def test_differences_name_the_article_and_the_layer():
    row = {"id": "a1", "body": "x", "layers": {"claims": [1], "events": [2]}}
    assert layers.differences({"en": [row]}, {"en": [dict(row)]}) == []
    changed = {**row, "layers": {"claims": [1], "events": [3]}}
    assert layers.differences({"en": [row]}, {"en": [changed]}) == ["en #0 a1: layers.events"]
    assert layers.differences({"en": [row]}, {"en": [{**row, "body": "y"}]}) == ["en #0 a1: body"]
    assert layers.differences({"en": [row]}, {"en": []}) == ["en: 1 articles before, 0 after"]


@pytest.mark.models
@pytest.mark.parametrize("language,text", [
    ("en", "Marines captured Rafael Quintero Lobo, the leader of the Harbor Cartel, in Culiacán on Tuesday.\n\n"
           "\"We will not stop,\" said Ana Ruiz Vega, a Navy spokeswoman."),
    ("es", "Marinos capturaron a Rafael Quintero Lobo, líder del Cártel del Puerto, en Culiacán el martes.\n\n"
           "«No nos detendremos», dijo Ana Ruiz Vega, vocera de la Marina."),
])
def test_a_dump_holds_every_layer_and_two_dumps_of_one_code_are_identical(language, text):
    lines = [{"text": text, "outlet": "The Harbor Courier", "title": "A capture", "language": language}]
    first, second = layers.dump(language, lines), layers.dump(language, lines)
    assert len(first) == 1 and first[0]["language"] == language
    row = first[0]
    assert {"entities", "mentions", "quotes", "layers"} <= set(row) and {"claims", "events", "relations"} <= set(row["layers"])
    assert row["mentions"] and row["entities"] and row["quotes"], row
    assert layers.differences({language: first}, {language: second}) == []
