"""Kinds, origins and derivation edges over small corpora, the seeds, and incremental adds."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from fuentes.corpus.origins import ProvenanceIndex, analyse_provenance
from fuentes.model import Article
from tests.corpus.fixtures_provenance import INDEPENDENT, ORIGINAL, REWRITE, UNRELATED, text

SHARED = Path(os.environ.get("FUENTES_SHARED", Path(__file__).resolve().parents[2].parent / "shared"))
SEEDS = SHARED / "corpus" / "seeds"


def art(aid: str, body: str, outlet: str, published: str | None = None) -> Article:
    return Article(id=aid, source=f"test:{aid}", text=body, outlet=outlet, published=published, language="en")


def edges(result) -> set[tuple[str, str, str]]:
    return {(d.source, d.target, d.kind) for d in result.derivations}


def test_copy_and_rewrite_of_an_article_in_the_corpus():
    arts = [art("orig", text(ORIGINAL), "The Harbor Ledger", "2025-03-04"),
            art("copy", "Advertisement\n\n" + text(ORIGINAL[:9]), "The Inland Post", "2025-03-05"),
            art("rw", text(REWRITE), "The Coast Times", "2025-03-05"),
            art("ind", text(INDEPENDENT), "The Valley Star", "2025-03-04"),
            art("other", text(UNRELATED), "The Valley Star", "2025-03-04")]
    result = analyse_provenance(arts)
    assert {("orig", "copy", "syndicated"), ("orig", "rw", "rewrite")} <= edges(result)
    assert not any("ind" in (s, t) or "other" in (s, t) for s, t, _ in edges(result))
    assert result.kinds == {"orig": "original", "copy": "syndicated", "rw": "rewrite",
                            "ind": "original", "other": "original"}
    assert result.origins["copy"] == result.origins["rw"] == "The Harbor Ledger"
    assert result.origins["ind"] == "The Valley Star"


def test_without_dates_the_trimmed_side_is_the_copy():
    result = analyse_provenance([art("x", text(ORIGINAL[:7]), "Paper B"), art("y", text(ORIGINAL), "Paper A")])
    assert edges(result) == {("y", "x", "syndicated")}


def test_wire_copies_are_siblings_with_the_agency_as_origin():
    body = "PUERTO CLARO (AP) — " + text(ORIGINAL)
    result = analyse_provenance([art("p1", body, "Paper One", "2025-03-04"),
                                 art("p2", "Share this\n\n" + body, "Paper Two", "2025-03-05")])
    assert edges(result) == {("Associated Press", "p1", "syndicated"), ("Associated Press", "p2", "syndicated")}
    assert result.origins == {"p1": "Associated Press", "p2": "Associated Press"}


def test_origin_outside_the_corpus_from_credits():
    # the gazetteer knows InSight Crime; outlets of the corpus are known too
    lead = "InSight Crime reported on Tuesday that soldiers detained a gang leader. "
    body = lead + text(INDEPENDENT) + " Further details were published by InSight Crime."
    result = analyse_provenance([art("r", body, "The Coast Times")])
    assert edges(result) == {("InSight Crime", "r", "rewrite")}
    assert result.kinds["r"] == "rewrite" and result.origins["r"] == "InSight Crime"


def test_one_citation_is_cites_not_rewrite_and_own_reporting_is_original():
    cited = text(INDEPENDENT) + " The figure was first reported by Reuters."
    own = "A rider told The Coast Times that the buses were late again. " + text(UNRELATED)
    own += " The Harbor Ledger reported the arrest first, and the Harbor Ledger reported the charges too."
    result = analyse_provenance([art("c", cited, "The Valley Star"), art("o", own, "The Coast Times")])
    assert result.kinds == {"c": "original", "o": "original"}
    assert ("Reuters", "c", "cites") in edges(result)
    assert result.origins["o"] == "The Coast Times"


def test_incremental_add_examines_only_touched_pairs():
    index = ProvenanceIndex()
    index.add([art("orig", text(ORIGINAL), "The Harbor Ledger", "2025-03-04"),
               art("other", text(UNRELATED), "The Valley Star", "2025-03-04")])
    assert index.result().kinds["orig"] == "original"
    changes = index.add([art("copy", text(ORIGINAL[:9]), "The Inland Post", "2025-03-05")])
    assert changes.pairs_examined == 1
    assert changes.changed == ["copy"]
    assert [(d.source, d.target, d.kind) for d in changes.derivations] == [("orig", "copy", "syndicated")]
    assert index.add([art("copy", "ignored: same id", "X")]).pairs_examined == 0


def _seed_articles() -> tuple[list[Article], dict]:
    expected = yaml.safe_load((SEEDS / "expected.yaml").read_text(encoding="utf-8"))["articles"]
    try:
        from fuentes.clean.boilerplate import clean_text  # the cleaner, once it exists
    except ImportError:
        clean_text = None
    arts = []
    for name, exp in expected.items():
        raw = (SEEDS / name).read_text(encoding="utf-8")
        body = clean_text(raw) if clean_text else raw
        body = body if isinstance(body, str) else body.body  # CleanText keeps the body apart
        arts.append(Article(id=name[:3], source=name, text=body, outlet=exp["outlet"], language="en"))
    return arts, expected


@pytest.mark.shared
@pytest.mark.skipif(not (SEEDS / "expected.yaml").exists(), reason=f"seeds not found under {SEEDS}")
def test_seeds_kinds_and_origins():
    arts, expected = _seed_articles()
    result = analyse_provenance(arts)
    assert result.kinds == {"000": "syndicated", "001": "rewrite", "004": "original"}
    assert result.origins == {"000": "The New York Times", "001": "The New York Times", "004": "Fox News"}
    assert ("The New York Times", "000", "syndicated") in edges(result)
    assert ("The New York Times", "001", "rewrite") in edges(result)
    assert not any(d.target == "004" for d in result.derivations)
    assert {a.id: a.outlet for a in arts}["004"] == expected["004_96f13e11fefc199e.txt"]["outlet"]
