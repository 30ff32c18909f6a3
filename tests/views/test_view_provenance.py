"""Origins with their articles: one rule for `fuentes provenance` and the workbench's stories."""

from __future__ import annotations

from fuentes.views.provenance import (article_order, derivation_groups, independent_sources, origin_of, parent_map,
                                      provenance_groups)


def art(id, outlet, kind="unknown", origin=None, published=None, **extra):
    return {"id": id, "outlet": outlet, "kind": kind, "origin": origin, "published": published, "title": None,
            **extra}


LINKS = [
    {"source": "a_orig", "target": "a_copy", "kind": "syndicated", "score": 0.98},
    {"source": "a_copy", "target": "a_rewrite", "kind": "rewrite", "score": 0.6},
    {"source": "a_other", "target": "a_rewrite", "kind": "rewrite", "score": 0.6},  # a tie: smaller source wins
    {"source": "Agencia Externa", "target": "a_cites", "kind": "cites", "score": 0.5},
    {"source": "a_loop", "target": "a_loop", "kind": "syndicated", "score": 1.0},  # ignored
]
ROWS = [art("a_orig", "El Universal", "original", "El Universal", "2026-01-02"),
        art("a_copy", "Milenio", published="2026-01-03"),  # no stored origin: follows its chain
        art("a_rewrite", "La Jornada", published="2026-01-03"),
        art("a_other", "Proceso", "original", "Proceso", "2026-01-01"),
        art("a_cites", "Excélsior", published="2026-01-04"),
        art("a_loop", None, published="2026-01-05"),
        art("a_alone", "Ríodoce", published="2026-01-06")]


def test_parent_map_best_link_ties_to_the_smaller_source():
    assert parent_map(LINKS) == {"a_copy": "a_orig", "a_rewrite": "a_copy", "a_cites": "Agencia Externa"}


def test_origin_stored_else_chain_root_else_outlet_else_article():
    meta = {r["id"]: r for r in ROWS}
    parents = parent_map(LINKS)
    assert origin_of("a_orig", meta, parents) == "El Universal"
    assert origin_of("a_rewrite", meta, parents) == "El Universal"  # a_copy -> a_orig, whose outlet it is
    assert origin_of("a_cites", meta, parents) == "Agencia Externa"  # an outlet outside the corpus
    assert origin_of("a_alone", meta, parents) == "Ríodoce"
    assert origin_of("a_loop", meta, parents) == "a_loop"  # no outlet: the article stands for itself
    assert origin_of("a_rewrite", dict(meta, a_rewrite=dict(meta["a_rewrite"], origin="Reuters")), parents) == "Reuters"
    cyclic = {"x": "y", "y": "x"}
    assert origin_of("x", {"x": art("x", "X"), "y": art("y", "Y")}, cyclic) == "Y"  # a cycle ends
    assert independent_sources(["a_orig", "a_copy", "a_rewrite", "a_cites", "nope"], meta, parents) == 2


def test_groups_biggest_first_members_originals_then_date():
    groups = provenance_groups(ROWS, LINKS)
    assert [(g["origin"], g["in_corpus"], [a["id"] for a in g["articles"]]) for g in groups] == [
        ("El Universal", True, ["a_orig", "a_copy", "a_rewrite"]),
        ("Agencia Externa", False, ["a_cites"]),
        ("Proceso", True, ["a_other"]),
        ("Ríodoce", False, ["a_alone"]),  # an outlet with no original article is not known to be in the corpus
        ("a_loop", True, ["a_loop"]),
    ]
    with_links = [dict(r, derived_from=[link for link in LINKS if link["target"] == r["id"]]) for r in ROWS]
    assert provenance_groups(with_links) == provenance_groups(with_links, LINKS)  # links read from the rows
    assert sorted(ROWS, key=article_order)[0]["id"] == "a_other"


def test_derivation_groups_use_article_links_only():
    ids = [r["id"] for r in ROWS]
    assert derivation_groups(ids, LINKS) == [["a_orig", "a_copy", "a_rewrite", "a_other"], ["a_cites"], ["a_loop"],
                                             ["a_alone"]]


def test_an_origin_spelled_otherwise_than_its_outlet_is_in_the_corpus():
    """Regression: a metadata file names the outlet "breitbart" while credits name "Breitbart";
    the group was shown as an origin outside the corpus."""
    rows = [art("b1", "breitbart", kind="original", origin="Breitbart"),
            art("b2", "Other Daily", kind="copy", origin="Breitbart")]
    (group,) = provenance_groups(rows, [])
    assert group["origin"] == "Breitbart" and group["in_corpus"] is True
    rows = [art("c1", "Other Daily", kind="copy", origin="Breitbart")]
    assert provenance_groups(rows, [])[0]["in_corpus"] is False  # no Breitbart original: outside
