"""Claim and quote matching kept in an index: a run compares only what is new and gives what a
run from scratch gives (claims, members, conflicts, quote variants), in English and Spanish."""

from __future__ import annotations

import pickle
import random
import pytest

from fuentes.corpus.claims import (ClaimIndex, _candidates, claim_stems, match_claims_detailed, relation)
from fuentes.corpus.grading import assess
from fuentes.corpus.quote_matching import QuoteIndex, match_quotes
from fuentes.ids import content_id
from fuentes.model import Claim, Quote, Value


def cl(cid: str, text: str, pred: str, obj: str | None = None, subj: str | None = None,
       values: list[Value] | None = None, speaker: str | None = None, art: str | None = None) -> Claim:
    return Claim(id=cid, text=text, article=art or cid[0], subject=subj, predicate=pred, object=obj,
                 values=values or [], speaker=speaker)


def count(n: float, what: str, text: str) -> Value:
    return Value("count", text, n, what)


ORIGINS = {"a": "Harbor Ledger", "b": "Valley Star", "c": "Valley Star", "d": None, "e": "El Heraldo",
           "f": "Diario Sur", "g": None}
ENTITY_OF = {(art, "e1"): "ent_q" for art in "abcdefg"} | {(art, "e2"): "ent_army" for art in "abcdefg"}

CLAIMS = {
    "a": [cl("a1", "Soldiers killed Rafael Quintero near the port on Friday", "kill", "e1", "e2"),
          cl("a2", "Two bodyguards were arrested at the checkpoint", "arrest", values=[count(2, "bodyguard", "Two bodyguards")]),
          cl("a3", "The province spent $2.5 billion on patrols", "spend", values=[Value("money", "$2.5 billion", 2.5e9, "USD")]),
          cl("a4", "We will publish every figure we find and every name that matters", "say", subj="e1", speaker="e1")],
    "b": [cl("b1", "The killing of Rafael Quintero by soldiers near the port", "kill", "e1"),
          cl("b2", "Three bodyguards were arrested at the checkpoint", "arrest", values=[count(3, "bodyguard", "Three bodyguards")]),
          cl("b3", "Two years of patrols cost the province dearly", "cost", values=[Value("duration", "Two years", 2, "year")])],
    "c": [cl("c1", "Soldiers captured Rafael Quintero near the port on Friday", "capture", "e1", "e2"),
          cl("c2", "Two bodyguards were arrested at the checkpoint on Monday", "arrest", values=[count(2, "bodyguard", "Two bodyguards")]),
          cl("c3", "We will publish every figure we find and every name", "say", subj="e1", speaker="e1")],
    "e": [cl("e1", "Militares mataron a Rafael Quintero cerca del puerto el viernes", "kill", "e1", "e2"),
          cl("e2", "Dos escoltas fueron detenidos en el retén", "arrest", values=[count(2, "escolta", "Dos escoltas")]),
          cl("e3", "La provincia destinó 2.500 millones de dólares a patrullas", "spend",
             values=[Value("money", "2.500 millones de dólares", 2.5e9, "USD")])],
    "f": [cl("f1", "Dos escoltas fueron detenidos en el retén el lunes", "arrest", values=[count(2, "escolta", "Dos escoltas")]),
          cl("f2", "Publicaremos cada cifra que encontremos y cada nombre que importe", "say", subj="e1", speaker="e1"),
          cl("f3", "Dos años de patrullas costaron caro a la provincia", "cost", values=[Value("duration", "Dos años", 2, "year")])],
}


def _outcome(found):
    return ([repr(c) for c in found.claims], sorted((k, [m.id for m in v]) for k, v in found.members.items()),
            [repr(k) for k in found.conflicts])


def _subset(arts):
    return {art: [c for c in CLAIMS[art]] for art in arts}


@pytest.mark.parametrize("first", [("a", "c", "f"), ("b", "e"), ("e", "f"), ()])
def test_claims_matched_in_two_runs_over_the_index_equal_one_run_from_scratch(first):
    scratch = _outcome(match_claims_detailed(_subset(CLAIMS), ORIGINS, ENTITY_OF))
    index = ClaimIndex()
    match_claims_detailed(_subset(first), ORIGINS, ENTITY_OF, index=index)
    index = pickle.loads(pickle.dumps(index))  # as the stage keeps it in the store
    again = _outcome(match_claims_detailed(_subset(CLAIMS), ORIGINS, ENTITY_OF, index=index))
    assert again == scratch
    assert len(scratch[0]) < sum(len(v) for v in CLAIMS.values())  # some claims did match


def test_a_run_with_nothing_new_compares_nothing_and_keeps_every_cluster():
    index = ClaimIndex()
    first = _outcome(match_claims_detailed(_subset(CLAIMS), ORIGINS, ENTITY_OF, index=index))
    compared = index.compared
    assert compared > 0 and index.changed
    again = _outcome(match_claims_detailed(_subset(CLAIMS), ORIGINS, ENTITY_OF, index=index))
    assert again == first and index.compared == compared and not index.changed


def test_claims_whose_entities_changed_or_whose_article_went_are_compared_anew():
    index = ClaimIndex()
    split = dict(ENTITY_OF) | {("b", "e1"): "ent_other"}  # b's Quintero was first resolved apart
    match_claims_detailed(_subset(CLAIMS), ORIGINS, split, index=index)
    merged = _outcome(match_claims_detailed(_subset(CLAIMS), ORIGINS, ENTITY_OF, index=index))
    assert merged == _outcome(match_claims_detailed(_subset(CLAIMS), ORIGINS, ENTITY_OF))
    gone = _subset("abcf")
    assert _outcome(match_claims_detailed(gone, ORIGINS, ENTITY_OF, index=index)) == \
        _outcome(match_claims_detailed(gone, ORIGINS, ENTITY_OF))
    assert not any(key[0] == "e" for key in index.signatures)


def test_grades_and_discrepancies_over_the_index_equal_those_from_scratch():
    scratch = assess(_subset(CLAIMS), ORIGINS, ENTITY_OF)
    index = ClaimIndex()
    assess(_subset("ace"), ORIGINS, ENTITY_OF, index=index)
    claims, discrepancies = assess(_subset(CLAIMS), ORIGINS, ENTITY_OF, index=index)
    assert [(repr(c), c.grade) for c in claims] == [(repr(c), c.grade) for c in scratch[0]]
    assert [repr(d) for d in discrepancies] == [repr(d) for d in scratch[1]]
    assert discrepancies  # two versions of the bodyguards arrested


@pytest.mark.parametrize("language", ["en", "es"])
def test_one_figure_in_common_of_another_measure_is_no_candidate_unless_worded_alike(language):
    # Regression: every claim stating "2" of anything was compared with every other (the value
    # block of "2" held thousands of claims and grew with the square of the corpus).
    thing, other, verb = ("bodyguard", "vehicle", "arrested") if language == "en" else ("escolta", "vehículo", "detenidos")
    claims = {f"{art}{n}": [cl(f"{art}{n}x", f"{n} {thing} {verb} {art} {n} word{n} other{n} plus{n}", "arrest",
                               values=[count(2, thing, f"2 {thing}")], art=f"{art}{n}"),
                            cl(f"{art}{n}y", f"{n} {other} seized {art} unrelated{n} phrase{n} text{n}", "seize",
                               values=[count(2, other, f"2 {other}")], art=f"{art}{n}")]
              for art in "pq" for n in range(6)}
    index = ClaimIndex()
    match_claims_detailed(claims, {}, {}, index=index)
    items = [c for art in sorted(claims) for c in claims[art]]
    # the pairs the index relates are exactly the related pairs among the full candidates
    stems = [claim_stems(c.text) for c in items]
    candidates = _candidates(items, stems)
    full = {(i, j) for i, j in candidates if relation(items[i], items[j], stems[i], stems[j])}
    keys = ClaimIndex.keys(items)
    assert {(keys.index(a), keys.index(b)) for a, b in index.related} == full
    assert index.compared < len(candidates) * 0.6  # the bodyguards never meet the vehicles
    # two statements of one measure worded alike are still compared (and agree)
    assert any(items[i].predicate == items[j].predicate == "arrest" for i, j in full)


def test_value_block_keeps_pairs_worded_alike_across_measures():
    a = cl("a1", "Police said the raid left 2 officers wounded in the northern district", "wound",
           values=[count(2, "officer", "2 officers")])
    b = cl("b1", "Police said the raid left 2 agents wounded in the northern district", "injure",
           values=[count(2, "agent", "2 agents")])
    items = [a, b]
    stems = [claim_stems(c.text) for c in items]
    expected = relation(a, b, *stems)
    index = ClaimIndex()
    index.update(items)
    assert bool(index.related) == (expected is not None)


# --- quotes -------------------------------------------------------------------------------------

def q(article: str, text: str, speaker: str | None) -> Quote:
    return Quote(id=content_id("quo", article, text, speaker or ""), article=article, text=text, start=0,
                 end=len(text), direct=True, speaker_name=speaker)


SAID = [("The harbour has become the main door for cocaine entering the region", "Irene Vidal"),
        ("The harbour has become the main entry for cocaine coming into the region", "Vidal"),
        ("El puerto se ha convertido en la puerta principal de la cocaína que entra en la región", "Irene Vidal"),
        ("El puerto es ya la puerta principal de la cocaína que entra a la región", "Irene Vidal"),
        ("The harbour has become the main door for cocaine entering the region", "Marco Ruiz"),
        ("We will not negotiate with the cartel under any circumstances at all", None),
        ("We will not negotiate with the cartel under any circumstance", "Marco Ruiz"),
        ("El puerto se ha convertido en la puerta principal de la cocaína", None)]


def _quotes(seed: int | None = None) -> dict[str, list[Quote]]:
    rng = random.Random(seed)
    by_article: dict[str, list[Quote]] = {}
    for n in range(40):
        text, speaker = SAID[n % len(SAID)] if n < 24 else (
            " ".join(rng.choice(["police", "port", "cartel", "said", "customs", "el", "la", "puerto", "dijo"])
                     for _ in range(9)), rng.choice(["Irene Vidal", "Marco Ruiz", None]))
        by_article.setdefault(f"art{n % 13:02d}", []).append(q(f"art{n % 13:02d}", text, speaker))
    return by_article


def _groups(by_article):
    groups = match_quotes(by_article) if not isinstance(by_article, tuple) else match_quotes(*by_article)
    return sorted((sorted(g.quotes), sorted(g.variants.items())) for g in groups)


@pytest.mark.parametrize("seed", [1, 2])
def test_quotes_matched_over_the_index_in_any_arrival_order_equal_one_run_from_scratch(seed):
    every = _quotes(seed)
    scratch = _groups(_quotes(seed))
    assert any(variants for _, variants in scratch)  # rewordings found, in English and in Spanish
    index = QuoteIndex()
    order = sorted(every, key=lambda a: random.Random(seed).random())
    for k in range(1, len(order) + 1, 4):  # articles arrive a few at a time, out of order
        seen = sorted(order[:k])
        match_quotes({art: _quotes(seed)[art] for art in seen}, index=index)
        index = pickle.loads(pickle.dumps(index))
    compared = index.compared
    assert _groups((_quotes(seed), 64, index)) == scratch
    assert index.compared == compared  # nothing new: no wording compared again


def test_same_words_of_two_speakers_and_rewordings_of_one_speaker_are_found_across_speaker_scopes():
    by_article = {"a": [q("a", SAID[0][0], "Irene Vidal")], "b": [q("b", SAID[4][0], "Marco Ruiz")],
                  "c": [q("c", SAID[1][0], "Vidal")], "d": [q("d", SAID[3][0], "Irene Vidal")],
                  "e": [q("e", SAID[2][0], "Vidal")]}
    groups = match_quotes(by_article)
    spoken = {q.id: art for art, quotes in by_article.items() for q in quotes}
    arts = sorted(sorted(spoken[x] for x in g.quotes) for g in groups)
    assert arts == [["a", "b", "c"], ["d", "e"]]
    assert by_article["c"][0].variant_of == by_article["a"][0].id  # the rewording points at the first
    assert by_article["e"][0].variant_of == by_article["d"][0].id


# --- through the store: `fuentes analyse` on a store that grows ---------------------------------

@pytest.mark.models
def test_an_analysed_store_given_new_articles_has_the_entities_quotes_claims_and_discrepancies_of_a_run_from_scratch(store):
    from pathlib import Path

    from fuentes.analyse import analyse
    from fuentes.ingest.job import ingest_items
    from fuentes.ingest.sources import ReadOptions, iter_inputs
    from fuentes.store.analysis import all_rows
    from fuentes.store.schema import (claim_articles, claims, corpus_state, discrepancies, entities, local_entities,
                                      quotes)
    from fuentes.store.state import load_state

    examples = sorted((Path(__file__).resolve().parents[2] / "examples" / "articles").iterdir())

    def tables():
        def rows(table, *drop):
            return sorted(repr(sorted((k, v) for k, v in row.items() if k not in drop)) for row in all_rows(store, table))
        return {"variants": sorted((r["id"], r["variant_of"]) for r in all_rows(store, quotes)),
                "claims": rows(claims), "claim_articles": rows(claim_articles), "discrepancies": rows(discrepancies),
                "entities": rows(entities), "local_entities": rows(local_entities)}

    ingest_items(iter_inputs([str(f) for f in examples[1::2]], ReadOptions()), store)  # English and Spanish
    analyse(store)
    assert load_state(store, "claims", _version("claims")) is not None
    assert load_state(store, "entity_resolution", _resolution_version()) is not None
    ingest_items(iter_inputs([str(f) for f in examples[0::2]], ReadOptions()), store)
    grown = analyse(store)
    assert 0 < grown.entity_blocks_resolved < len(load_state(store, "entity_resolution", _resolution_version()).done)
    incremental = tables()
    assert grown.claims and any(variant for _, variant in incremental["variants"]) and incremental["discrepancies"]
    with store.engine.begin() as conn:
        conn.execute(corpus_state.delete())  # no saved index: everything compared anew
    scratch = analyse(store)
    assert not scratch.corpus_up_to_date
    assert tables() == incremental


def _resolution_version() -> str:
    from fuentes.corpus.stages import resolution_state_version

    return resolution_state_version()


def _version(stage: str) -> str:
    from fuentes.corpus.stages import claim_state_version, quote_state_version

    return claim_state_version() if stage == "claims" else quote_state_version()
