"""Kinds, origins and derivation edges over small corpora, the seeds, and incremental adds."""

from __future__ import annotations

import os
from collections import Counter
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


# --- passages and what decided the direction ---------------------------------------------------

FERRY = [
    "The ferry between Marlow Point and the island resumed service on Friday after a three-week repair of its engines.",
    "Passengers had relied on two fishing boats chartered by the county while the vessel was in dry dock.",
    "\"The crossing is the only road we have to the hospital,\" said Iris Caldwell, who runs the island's grocery.",
    "The county transport office said the first crossing left at six in the morning with forty cars aboard.",
    "Engineers replaced both gearboxes and part of the steering system, at a cost the county did not disclose.",
    "A second ferry ordered two years ago is expected to arrive from the shipyard next spring.",
]

SEQUIA = [
    "La presa de Valle Alto llegó esta semana a su nivel más bajo desde que se inauguró hace cuarenta años.",
    "La comisión del agua anunció cortes de suministro por las noches en doce colonias de la ciudad.",
    "\"Tenemos agua para dos meses si no llueve antes de junio\", advirtió el director del organismo, Luis Paredes.",
    "Los agricultores del valle pidieron que se les permita perforar nuevos pozos para salvar la cosecha de maíz.",
    "El ayuntamiento repartirá pipas de agua en los barrios altos, donde la presión ya no alcanza.",
    "Los expertos atribuyen la crisis a tres años seguidos de lluvias por debajo del promedio.",
]


def art_es(aid: str, body: str, outlet: str, published: str | None = None) -> Article:
    return Article(id=aid, source=f"test:{aid}", text=body, outlet=outlet, published=published, language="es")


def _check_passages(d, texts: dict[str, str], min_ratio: float = 95) -> None:
    from rapidfuzz import fuzz

    from fuentes.corpus.origins import EXTRACTOR, VERSION

    assert d.passages
    for src, tgt in d.passages:
        assert (src.article, tgt.article) == (d.source, d.target)
        assert (src.extractor, src.version, tgt.extractor, tgt.version) == (EXTRACTOR, VERSION, EXTRACTOR, VERSION)
        assert 0 <= src.start < src.end <= len(texts[d.source])
        assert 0 <= tgt.start < tgt.end <= len(texts[d.target])
        assert fuzz.ratio(texts[d.source][src.start:src.end], texts[d.target][tgt.start:tgt.end]) >= min_ratio


def test_syndicated_copy_on_a_later_day_carries_passages_decided_by_time():
    # the source's id sorts after the target's: the passages must still be (source, target)
    arts = [art("z-orig", " ".join(FERRY), "The Harbor Ledger", "2025-05-02"),
            art("a-copy", "Advertisement\n\n" + " ".join(FERRY[:5]), "The Inland Post", "2025-05-03")]
    texts = {a.id: a.text for a in arts}
    result = analyse_provenance(arts)
    (d,) = result.derivations
    assert (d.source, d.target, d.kind, d.decided_by) == ("z-orig", "a-copy", "syndicated", "time")
    _check_passages(d, texts, min_ratio=100)
    copied = "".join(texts["a-copy"][t.start:t.end] for _, t in d.passages)
    assert all(sentence in copied for sentence in FERRY[:5])


def test_spanish_copy_on_a_later_day_carries_passages_decided_by_time():
    edited = [s.replace("esta semana", "este lunes") for s in SEQUIA]  # the copy changes a word or two
    arts = [art_es("es-1", "\n\n".join(SEQUIA), "Milenio", "2025-04-07"),
            art_es("es-2", "\n\n".join(edited[:5]) + "\n\nSíguenos en redes sociales", "Reforma", "2025-04-08")]
    texts = {a.id: a.text for a in arts}
    result = analyse_provenance(arts)
    (d,) = result.derivations
    assert (d.source, d.target, d.kind, d.decided_by) == ("es-1", "es-2", "syndicated", "time")
    _check_passages(d, texts, min_ratio=90)


def test_credited_copy_is_decided_by_credit_before_dates():
    # the copy is dated a day earlier, but it says where it came from
    arts = [art("orig", " ".join(FERRY), "The Harbor Ledger", "2025-05-03"),
            art("copy", " ".join(FERRY[:5]) + "\n\nThis story first appeared in The Harbor Ledger.",
                "The Inland Post", "2025-05-02")]
    result = analyse_provenance(arts)
    (d,) = result.derivations
    assert (d.source, d.target, d.kind, d.decided_by) == ("orig", "copy", "syndicated", "credit")
    _check_passages(d, {a.id: a.text for a in arts})


def test_undated_pair_is_decided_by_containment_and_direction_rule_agrees_with_direction():
    from fuentes.corpus.origins import RULES

    index = ProvenanceIndex()
    index.add([art("x", " ".join(FERRY[:4]), "Paper B"), art("y", " ".join(FERRY), "Paper A")])
    (d,) = index.result().derivations
    assert (d.source, d.target, d.decided_by) == ("y", "x", "containment")
    for a, b in [("x", "y"), ("y", "x")]:
        pair, rule = index.direction_rule(a, b)
        assert pair == index.direction(a, b) == ("y", "x") and rule in RULES


def test_derivations_from_credits_outside_the_corpus_are_decided_by_credit():
    wire = "CIUDAD DEL VALLE (EFE) — " + " ".join(SEQUIA)
    cited = ("El equipo local ganó la final del torneo de invierno con un gol en el último minuto del partido. "
             "Según informó el diario El Universal, el estadio recibió a más de treinta mil aficionados.")
    result = analyse_provenance([art_es("w", wire, "Milenio"), art_es("c", cited, "Reforma")])
    found = {(d.source, d.target, d.kind): d for d in result.derivations}
    assert found[("EFE", "w", "syndicated")].decided_by == "credit"
    assert found[("El Universal", "c", "cites")].decided_by == "credit"
    assert all(not d.passages for d in found.values())


# --- times to the hour, undecided pairs, short credited rewrites, updates ----------------------

def test_same_day_copy_is_ordered_by_the_hour():
    # the copy is the longer text (furniture) and its id sorts first: only the hours can decide
    arts = [art("b-orig", " ".join(FERRY), "The Harbor Ledger", "2025-05-02T07:15-05:00"),
            art("a-copy", " ".join(FERRY) + "\n\nShare this article with your friends",
                "The Inland Post", "2025-05-02T11:40-05:00")]
    result = analyse_provenance(arts)
    (d,) = result.derivations
    assert (d.source, d.target, d.kind, d.decided_by) == ("b-orig", "a-copy", "syndicated", "time")
    assert result.kinds == {"b-orig": "original", "a-copy": "syndicated"}


def test_same_day_spanish_copy_is_ordered_by_the_hour_across_offsets():
    # 09:10 in Mexico City (-06:00) is 15:10 UTC, after 14:05 UTC in Madrid's 15:05 (+01:00)
    arts = [art_es("es-a", "\n\n".join(SEQUIA), "Reforma", "2025-04-07T09:10-06:00"),
            art_es("es-b", "\n\n".join(SEQUIA), "El País", "2025-04-07T15:05+01:00")]
    (d,) = analyse_provenance(arts).derivations
    assert (d.source, d.target, d.decided_by) == ("es-b", "es-a", "time")


def test_same_day_at_day_precision_without_other_evidence_is_undecided_and_one_source():
    from fuentes.views.provenance import independent_sources, parent_map

    arts = [art("x", " ".join(FERRY), "The Harbor Ledger", "2025-05-02"),
            art("y", " ".join(FERRY), "The Inland Post", "2025-05-02T11:40-05:00")]
    for ordered in (arts, arts[::-1]):  # input order decides nothing
        index = ProvenanceIndex()
        index.add(ordered)
        result = index.result()
        (d,) = result.derivations
        assert (d.source, d.target, d.kind, d.decided_by) == ("x", "y", "syndicated", "undecided")
        assert index.direction("x", "y") is None and index.direction_rule("y", "x") == (None, "undecided")
        assert result.origins["x"] == result.origins["y"]
        meta = {a.id: {"id": a.id, "outlet": a.outlet, "origin": result.origins[a.id]} for a in arts}
        assert independent_sources(["x", "y"], meta, parent_map(result.derivations)) == 1
        assert parent_map(result.derivations) == {}  # an undecided pair makes neither the other's parent


def test_undecided_pair_takes_a_credited_outside_origin():
    wire = "PUERTO CLARO (Reuters) — " + " ".join(FERRY)
    plain = "PUERTO CLARO, Tuesday — " + " ".join(FERRY)  # the same length: no addition either way
    arts = [art("x", wire, "The Harbor Ledger", "2025-05-02"), art("y", plain, "The Inland Post", "2025-05-02")]
    result = analyse_provenance(arts)
    assert result.origins == {"x": "Reuters", "y": "Reuters"}


SHORT_REPORT = [
    "Fire crews contained a blaze that destroyed a grain warehouse on the edge of Puerto Claro early on Sunday.",
    "The fire started shortly after two in the morning and burned for almost five hours before it was under control.",
    "No one was hurt, but about four hundred tonnes of stored maize were lost, the fire chief said.",
    "Investigators have not yet said what caused the fire.",
    "The warehouse belonged to a cooperative of thirty local farmers.",
]

SHORT_REWRITE = [
    "According to a report by The Harbor Ledger, a grain warehouse on the outskirts of Puerto Claro was destroyed by fire early Sunday.",
    "The blaze started shortly after 2 a.m. and burned for nearly five hours before crews brought it under control.",
    "Around four hundred tonnes of stored maize were lost, though nobody was injured, the fire chief said.",
    "Farmers in the region have been struggling with low prices for two seasons in a row, and many rely on shared storage.",
    "The cooperative had planned to expand the building next year with help from a state development loan.",
    "Local officials said they would meet with the farmers on Monday to discuss emergency support.",
    "A similar fire damaged a feed mill in the same district three years ago, prompting calls for stricter inspections.",
    "Residents said smoke could be seen from the highway until mid-morning.",
]

INFORME = [
    "Un incendio destruyó la madrugada del domingo una bodega de granos en las afueras de Puerto Claro.",
    "El fuego comenzó poco después de las dos de la mañana y ardió durante casi cinco horas hasta ser controlado.",
    "No hubo heridos, pero se perdieron unas cuatrocientas toneladas de maíz almacenado, dijo el jefe de bomberos.",
    "Los peritos todavía no han dicho qué provocó el incendio.",
    "La bodega pertenecía a una cooperativa de treinta agricultores de la zona.",
]

REESCRITURA = [
    "Según informó el diario El Heraldo del Norte, una bodega de granos en las afueras de Puerto Claro fue destruida por un incendio el domingo.",
    "El fuego inició poco después de las 2 de la mañana y ardió casi cinco horas antes de que los bomberos lo controlaran.",
    "Se perdieron alrededor de cuatrocientas toneladas de maíz almacenado, aunque nadie resultó herido, dijo el jefe de bomberos.",
    "Los productores de la región llevan dos temporadas con precios bajos y muchos dependen de bodegas compartidas.",
    "La cooperativa planeaba ampliar el edificio el próximo año con un crédito de desarrollo estatal.",
    "Las autoridades locales se reunirán con los agricultores el lunes para hablar de apoyos de emergencia.",
    "Un incendio parecido dañó un molino de alimento en el mismo distrito hace tres años.",
]


def test_short_rewrite_with_a_credit_is_a_rewrite_not_a_citation():
    arts = [art("orig", " ".join(SHORT_REPORT), "The Harbor Ledger", "2025-06-01"),
            art("rw", " ".join(SHORT_REWRITE), "The Coast Times", "2025-06-01")]
    result = analyse_provenance(arts)
    (d,) = result.derivations
    assert (d.source, d.target, d.kind, d.decided_by) == ("orig", "rw", "rewrite", "credit")
    assert result.kinds["rw"] == "rewrite" and result.origins["rw"] == "The Harbor Ledger"
    assert d.passages


def test_short_spanish_rewrite_with_a_credit_is_a_rewrite_not_a_citation():
    arts = [art_es("orig", " ".join(INFORME), "El Heraldo del Norte", "2025-06-01"),
            art_es("rw", " ".join(REESCRITURA), "Reforma", "2025-06-01")]
    result = analyse_provenance(arts)
    assert ("orig", "rw", "rewrite") in edges(result)
    assert result.kinds["rw"] == "rewrite" and result.origins["rw"] == "El Heraldo del Norte"


def test_credit_without_matching_text_stays_a_citation():
    arts = [art("orig", " ".join(SHORT_REPORT), "The Harbor Ledger", "2025-06-01"),
            art("cite", "According to a report by The Harbor Ledger, a warehouse burned in Puerto Claro. "
                + text(UNRELATED), "The Coast Times", "2025-06-01")]
    result = analyse_provenance(arts)
    assert ("The Harbor Ledger", "cite", "cites") in edges(result)
    assert result.kinds["cite"] == "original"


def test_updated_version_is_the_later_one_and_stays_its_outlets_own():
    update = "UPDATE: Ferry service resumes\n\n" + " ".join(FERRY) + (
        " The first crossing on Saturday was delayed by an hour because of fog over the channel.")
    arts = [art("a-update", update, "The Harbor Ledger", "2025-05-02"),
            art("b-first", " ".join(FERRY), "The Harbor Ledger", "2025-05-02")]
    result = analyse_provenance(arts)
    (d,) = result.derivations
    assert (d.source, d.target, d.decided_by) == ("b-first", "a-update", "containment")
    assert result.kinds == {"a-update": "original", "b-first": "original"}
    assert result.origins == {"a-update": "The Harbor Ledger", "b-first": "The Harbor Ledger"}


def test_actualizacion_in_spanish_marks_the_later_version():
    update = "Actualización: la presa sigue bajando\n\n" + "\n\n".join(SEQUIA)
    arts = [art_es("a", update, "Milenio"), art_es("b", "\n\n".join(SEQUIA), "Milenio")]
    (d,) = analyse_provenance(arts).derivations
    assert (d.source, d.target, d.decided_by) == ("b", "a", "containment")


# dense clusters: a story told by hundreds of outlets in a day (issue 19, item 6)

def _synthetic_index(n: int, published, edges_of) -> ProvenanceIndex:
    """An index holding `n` articles (outlet "Outlet i", `published(i)`) and rewrite relations
    between the pairs `edges_of(n)` gives, as the Spark job fills one for a component."""
    from fuentes.corpus.derivation import PairRelation
    from fuentes.corpus.origins import Info

    index = ProvenanceIndex()
    index.infos = {f"a{i:04d}": Info(f"a{i:04d}", f"Outlet {i}", published(i), 1000, []) for i in range(n)}
    for i, j in edges_of(n):
        index.add_relation(f"a{i:04d}", f"a{j:04d}", PairRelation("rewrite", 0.8, ["generated"]))
    return index


def _complete(n: int):
    return ((i, j) for i in range(n) for j in range(i + 1, n))


def _count_direction_checks(index: ProvenanceIndex, monkeypatch) -> dict[str, int]:
    calls = {"rule": 0, "computed": 0}
    rule, computed = index.direction_rule, index._direction_rule

    def counted_rule(a, b):
        calls["rule"] += 1
        return rule(a, b)

    def counted(a, b):
        calls["computed"] += 1
        return computed(a, b)

    monkeypatch.setattr(index, "direction_rule", counted_rule)
    monkeypatch.setattr(index, "_direction_rule", counted)
    return calls


@pytest.mark.parametrize("published", [lambda i: "2026-03-01",  # one day: every pair undecided, one group
                                       lambda i: f"2026-03-01T{i // 60:02d}:{i % 60:02d}Z"])  # minutes apart
def test_dense_cluster_of_200_is_decided_with_a_bounded_number_of_direction_checks(published, monkeypatch):
    n, pairs = 200, 200 * 199 // 2
    index = _synthetic_index(n, published, _complete)
    calls = _count_direction_checks(index, monkeypatch)
    scope = set(index.infos)
    decisions = {aid: index.decide(aid, scope) for aid in sorted(scope)}
    # each pair's direction is found once and asked for from both ends; before: 10 million at 100
    assert calls["computed"] <= pairs
    assert calls["rule"] <= 2 * pairs + 2 * n
    assert {d.origin for d in decisions.values()} == {"Outlet 0"}  # the earliest, or the first outlet


def test_long_chain_of_copies_takes_the_origin_of_its_first_article():
    # 60 copies, each of the previous one an hour later: the chain is followed to its end (it
    # used to stop after 20 parents and take the 20th parent's outlet)
    index = _synthetic_index(60, lambda i: f"2026-03-{1 + i // 24:02d}T{i % 24:02d}:00Z",
                             lambda n: ((i, i + 1) for i in range(n - 1)))
    scope = set(index.infos)
    decisions = {aid: index.decide(aid, scope) for aid in sorted(scope, reverse=True)}
    assert {d.origin for d in decisions.values()} == {"Outlet 0"}
    assert decisions["a0059"].kind == "rewrite" and decisions["a0059"].derivations[0].source == "a0058"
    assert decisions["a0000"].kind == "original"


def test_a_loop_of_parents_takes_the_outlet_of_its_earliest_member():
    from fuentes.corpus.credits import Credit

    # a -> b -> c by time, while a credits c's outlet (c -> a): every article has a parent
    index = _synthetic_index(3, lambda i: f"2026-03-01T{10 + i:02d}:00Z", _complete)
    index.infos["a0000"].credits = [Credit("Outlet 2", "reported", 0, 10, "Outlet 2 reported")]
    assert index.direction("a0000", "a0002") == ("a0002", "a0000")
    scope = set(index.infos)
    for start in sorted(scope):  # whichever member is decided first
        index.__dict__.pop("_parents_cache", None)
        decision = index.decide(start, scope)
        assert decision.origin == "Outlet 0"


WORDS = {
    "en": ("police soldiers cartel leader convoy highway checkpoint governor prosecutor municipal federal "
           "operation arrested killed seized weapons vehicles burned blockade residents witnesses").split(),
    "es": ("policías soldados cártel líder convoy carretera retén gobernador fiscal municipal federal "
           "operativo detenidos muerto asegurados armas vehículos quemados bloqueo vecinos testigos").split(),
}


def _dense_cluster(language: str, n: int, seed: int = 5, hourly: bool = False) -> list[Article]:
    import random

    rng = random.Random(seed)
    words = WORDS[language]

    def sentences(k: int) -> list[str]:
        return [" ".join(rng.choice(words) for _ in range(12)).capitalize() + "." for _ in range(k)]

    base = sentences(8)
    out = []
    for i in range(n):
        body = "\n\n".join([s for s in base if rng.random() > 0.15] + sentences(rng.randint(0, 2)))
        when = f"2026-03-01T{rng.randrange(24):02d}:{rng.randrange(60):02d}Z" if hourly else "2026-03-01"
        out.append(Article(id=f"{language}{i:03d}", source=f"gen/{i}", text=body, outlet=f"Outlet {i}",
                           published=when, language=language))
    return out


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("hourly", [False, True])
def test_dense_cluster_aligns_a_bounded_number_of_candidates_per_article(language, hourly, monkeypatch):
    from fuentes.corpus import origins

    monkeypatch.setattr(origins, "LSH_CANDIDATES", 5)
    monkeypatch.setattr(origins, "EARLIER_CANDIDATES", 5)
    n = 40
    arts = _dense_cluster(language, n, hourly=hourly)
    index = ProvenanceIndex()
    changes = index.add(arts)
    assert changes.pairs_examined + changes.pairs_capped == n * (n - 1) // 2  # the LSH proposed every pair
    assert changes.pairs_examined <= 2 * n * (5 + 5)  # each article's nearest, and those it is nearest to
    origins_found = Counter(index.result().origins.values())
    if hourly:  # every article has an earlier telling among its candidates: one chain, one origin
        assert len(origins_found) == 1
    else:  # the same day: the copies lacking content follow the fuller ones; most share one origin
        assert origins_found.most_common(1)[0][1] >= 0.9 * n


# --- another outlet's material cited is no credit line (the article keeps its own story) ---------

CITING = {
    "en": ("The ferry's repair cost $2 million, according to a Politico analysis of county records.",
           "A memo obtained by Politico shows the county delayed the work twice.",
           "As Politico revealed, the shipyard had warned of the fault a year earlier."),
    "es": ("La reparación costó dos millones de pesos, según un análisis de El Universal sobre los registros.",
           "Un documento obtenido por El Universal muestra que el municipio aplazó la obra dos veces.",
           "Como reveló El Universal, el astillero había advertido de la falla un año antes."),
}
STORY_LEAD = {"en": "Politico reported on Friday that the ferry was back in service.",
              "es": "El Universal informó el viernes que el transbordador volvió a operar."}
COPY_CREDIT = {"en": "This article originally appeared in {}.", "es": "Publicado originalmente en {}."}


@pytest.mark.parametrize("language", ["en", "es"])
def test_material_of_another_outlet_cited_in_the_lead_is_no_credit_of_its_story(language):
    """An article citing another outlet's analysis in its lead, a document it obtained and one of its
    revelations is its own story citing that outlet; a same-day copy crediting it hours later takes
    its outlet as origin. Naming the other outlet's story in the lead instead makes a rewrite."""
    body = FERRY if language == "en" else SEQUIA
    lead, middle, late = CITING[language]
    cited = "\n\n".join([lead, *body[:3], middle, *body[3:], late])
    cited_outlet = "Politico" if language == "en" else "El Universal"
    make = art if language == "en" else art_es
    copy = cited + "\n\n" + COPY_CREDIT[language].format("The Harbor Ledger")
    arts = [make("orig", cited, "The Harbor Ledger", "2025-05-02T07:15-05:00"),
            make("copy", copy, "The Inland Post", "2025-05-02T11:40-05:00")]
    result = analyse_provenance(arts)
    assert result.kinds == {"orig": "original", "copy": "syndicated"}
    assert result.origins == {"orig": "The Harbor Ledger", "copy": "The Harbor Ledger"}
    assert (cited_outlet, "orig", "cites") in edges(result)
    assert ("orig", "copy", "syndicated") in edges(result)
    rewritten = analyse_provenance([make("rw", STORY_LEAD[language] + "\n\n" + cited, "The Harbor Ledger")])
    assert rewritten.kinds["rw"] == "rewrite" and rewritten.origins["rw"] == cited_outlet


@pytest.mark.parametrize("language", ["en", "es"])
def test_bounded_candidates_of_one_add_do_not_depend_on_the_input_order(language, monkeypatch):
    """Each article keeps its nearest over all its candidates (`nearest_candidates`), whatever came
    first: one add keeps the same pairs, relations and decisions in any order (what lets the Spark
    job, which has no order, keep the same pairs)."""
    import random

    from fuentes.corpus import origins
    from fuentes.corpus.origins import kept_partners

    monkeypatch.setattr(origins, "LSH_CANDIDATES", 4)
    monkeypatch.setattr(origins, "EARLIER_CANDIDATES", 3)
    arts = _dense_cluster(language, 36, seed=9, hourly=True)
    shuffled = arts[:]
    random.Random(2).shuffle(shuffled)
    indexes = []
    for order in (arts, arts[::-1], shuffled):
        index = ProvenanceIndex()
        changes = index.add(order)
        assert changes.pairs_capped > 0
        indexes.append(index)
    first = indexes[0]
    for other in indexes[1:]:
        assert set(other.relations) == set(first.relations)
        assert other.result().derivations == first.result().derivations
    # the pairs kept are exactly those where one article keeps the other among all its candidates
    lsh = origins.LSHIndex()
    every = lsh.add_texts((a.id, a.text) for a in arts)
    infos = first.infos
    agreement = {p: float((lsh.signatures[p[0]] == lsh.signatures[p[1]]).mean()) for p in every}
    kept = {aid: kept_partners(infos[aid], [(agreement[p], p[1] if p[0] == aid else p[0], infos[p[1] if p[0] == aid else p[0]])
                                           for p in every if aid in p]) for aid in infos}
    expected = {(a, b) for a, b in every if b in kept[a] or a in kept[b]}
    assert first.pairs_examined == len(expected) < len(every)


@pytest.mark.parametrize("language,credited,crediting", [
    ("en", "The Cedar Falls Sentinel",
     "The Cedar Falls Sentinel first reported the seizure on Monday. According to The Cedar Falls Sentinel, agents "
     "found 40 kilos of cocaine in a truck near the border crossing. The driver was detained, The Cedar Falls "
     "Sentinel reported. Officials did not comment on the case."),
    ("es", "El Heraldo de Valdeluna",
     "Según informó El Heraldo de Valdeluna, agentes hallaron 40 kilos de cocaína en un camión cerca del cruce "
     "fronterizo. De acuerdo con El Heraldo de Valdeluna, el conductor fue detenido el lunes. El conductor quedó "
     "bajo custodia, publicó El Heraldo de Valdeluna. Las autoridades no comentaron el caso."),
])
def test_an_outlet_new_to_the_index_is_found_in_the_articles_indexed_before(language, credited, crediting):
    # an indexed article names an outlet no article of the corpus came from yet: once one does, the
    # article is read again with the outlet known, as a run over the whole corpus reads it
    old = Article(id="old", source="test:old", text=crediting, outlet="The Valley Star", language=language)
    other = Article(id="other", source="test:other", text=text(UNRELATED), outlet="The Harbor Ledger",
                    language="en")
    new = Article(id="new", source="test:new", text=text(ORIGINAL), outlet=credited, language="en")
    scratch = ProvenanceIndex()
    scratch.add([old, other, new])
    index = ProvenanceIndex()
    index.add([old, other])
    corpus = {a.id: a for a in (old, other, new)}
    changes = index.add([new], corpus)
    assert "old" in changes.changed
    assert index.result().kinds == scratch.result().kinds and index.result().origins == scratch.result().origins
    assert edges(index.result()) == edges(scratch.result())
    assert index.infos == scratch.infos
    assert (credited, "old", "rewrite") in edges(scratch.result())
