"""The per-article JSON layers read back whole or as records, row by row."""

from __future__ import annotations

from fuentes.codecs import CLAIM
from fuentes.model import Claim
from fuentes.store.analysis import load_claims, load_layer, save_layer_data
from fuentes.store.articles import save_batch


def test_a_layer_is_read_as_stored_or_made_records_article_by_article(store):
    save_batch(store, [{"id": aid, "source": f"{aid}.txt", "text": f"Text of {aid}.", "language": "en",
                        "kind": "unknown"} for aid in ("art_b", "art_a", "art_c")])
    said = [Claim(id="clm_1", text="The mayor said taxes rose.", article="art_a"),
            Claim(id="clm_2", text="El alcalde dijo que los impuestos subieron.", article="art_a")]
    save_layer_data(store, "claims", {"art_b": [CLAIM.to_layer(Claim(id="clm_3", text="Fares fell.",
                                                                     article="art_b"))],
                                      "art_a": [CLAIM.to_layer(c) for c in said], "art_c": []})
    raw = load_layer(store, "claims")
    assert list(raw) == ["art_a", "art_b", "art_c"] and raw["art_c"] == []  # by article id
    assert raw["art_a"] == [CLAIM.to_layer(c) for c in said]
    made = load_layer(store, "claims", CLAIM.from_layer)
    assert made == {aid: [CLAIM.from_layer(item) for item in items] for aid, items in raw.items()}
    assert load_claims(store) == made and [c.text for c in made["art_a"]] == [c.text for c in said]
    assert load_layer(store, "events", CLAIM.from_layer) == {}
