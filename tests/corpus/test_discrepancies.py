"""Value, predicate and wording discrepancies over hand-built matched claims."""

from __future__ import annotations

import pytest

from fuentes.corpus.claims import match_claims_detailed
from fuentes.corpus.discrepancies import find_discrepancies, reworded
from fuentes.model import Claim, Value

ORIGINS = {"a": "Ledger", "b": "Star", "c": "Post"}


def cl(cid, text, pred, obj=None, values=(), speaker=None):
    """A claim of article `cid[0]`."""
    return Claim(id=cid, text=text, article=cid[0], predicate=pred, object=obj, values=list(values),
                 speaker=speaker, subject=speaker)


def run(claims):
    m = match_claims_detailed(claims, ORIGINS, {})
    return find_discrepancies(m.claims, m.members, ORIGINS, {"a#e1": "Rafael Quintero"}, m.conflicts)


def test_killed_versus_captured_is_a_predicate_discrepancy():
    found = run({"a": [cl("a1", "soldiers killed Quintero", "kill", "e1")],
                 "b": [cl("b1", "the operation to capture Quintero", "capture", "e1")]})
    # entity keys resolve per article: give both the same corpus id
    assert not found  # different articles' local keys are different entities
    m = match_claims_detailed({"a": [cl("a1", "soldiers killed Quintero", "kill", "e1")],
                               "b": [cl("b1", "the operation to capture Quintero", "capture", "e1")]},
                              ORIGINS, {("a", "e1"): "q", ("b", "e1"): "q"})
    (d,) = find_discrepancies(m.claims, m.members, ORIGINS, {"q": "Rafael Quintero"}, m.conflicts)
    assert "Rafael Quintero" in d.about and d.id.startswith("dis_predicate")
    assert sorted(v["articles"][0] for v in d.values) == ["a", "b"]


def test_differently_dated_events_are_no_conflict():
    y1, y2 = Value("date", "2019", low="2019", high="2019"), Value("date", "2024", low="2024", high="2024")
    m = match_claims_detailed({"a": [cl("a1", "police captured Quintero in 2019", "capture", "e1", [y1])],
                               "b": [cl("b1", "soldiers killed Quintero in 2024", "kill", "e1", [y2])]},
                              ORIGINS, {("a", "e1"): "q", ("b", "e1"): "q"})
    assert find_discrepancies(m.claims, m.members, ORIGINS, conflicts=m.conflicts) == []


def test_different_figures_for_one_claim():
    v1 = Value("count", "12", 12.0, "soldiers")
    v2 = Value("count", "15", 15.0, "soldiers")
    m = match_claims_detailed({"a": [cl("a1", "the ambush killed 12 soldiers", "kill", "e1", [v1])],
                               "b": [cl("b1", "the ambush killed 15 soldiers", "kill", "e1", [v2])],
                               "c": [cl("c1", "an ambush killed 15 soldiers", "kill", "e1", [v2])]},
                              ORIGINS, {("a", "e1"): "x", ("b", "e1"): "x", ("c", "e1"): "x"})
    (d,) = find_discrepancies(m.claims, m.members, ORIGINS, conflicts=m.conflicts)
    support = {v["value"]: v["independent_sources"] for v in d.values}
    assert support == {"12": 1, "15": 2} and d.id.startswith("dis_value")


def test_agreeing_approximate_figures_are_no_discrepancy():
    v1 = Value("count", "about 300", 300.0, "staff", approximate=True)
    v2 = Value("count", "roughly 310", 310.0, "staff", approximate=True)
    m = match_claims_detailed({"a": [cl("a1", "the unit has about 300 staff", "have", "e1", [v1])],
                               "b": [cl("b1", "the unit has roughly 310 staff", "have", "e1", [v2])]},
                              ORIGINS, {("a", "e1"): "x", ("b", "e1"): "x"})
    assert find_discrepancies(m.claims, m.members, ORIGINS, conflicts=m.conflicts) == []


def test_reworded_quote_but_not_an_excerpt():
    base = "there is a question now of what the state's capacities to govern the outcome are"
    other = "there is a question now about the state's capacity to manage the outcome"
    m = match_claims_detailed({"a": [cl("a1", base, "say", speaker="e1")],
                               "b": [cl("b1", other, "say", speaker="e1")]}, ORIGINS,
                              {("a", "e1"): "p", ("b", "e1"): "p"})
    (d,) = find_discrepancies(m.claims, m.members, ORIGINS, {"p": "Ana Berg"}, m.conflicts)
    assert d.id.startswith("dis_wording") and "Ana Berg" in d.about
    assert "govern" in d.values[0]["value"] and "manage" in d.values[1]["value"]
    assert reworded("a b c d e".split(), "b c d".split()) is None


def test_only_figures_of_one_slot_are_compared():
    """23 vs 31 vehicles burned is a discrepancy ("at least" is no licence for any larger number);
    a count of roads and a count of municipalities, or two polls of different people, are not."""
    v23 = Value("count", "at least 23", 23.0, "vehicles", approximate=True, low=23.0)
    v31 = Value("count", "al menos 31", 31.0, "vehículos", approximate=True, low=31.0)
    roads = Value("count", "14", 14.0, "roads")
    towns = Value("count", "diez", 10.0, "municipios")
    p1, p2 = Value("percent", "42%", 42.0, "%"), Value("percent", "25.4%", 25.4, "%")
    m = match_claims_detailed({"a": [cl("a1", "gunmen set fire to at least 23 vehicles", "burn", values=[v23]),
                                     cl("a2", "gunmen blocked 14 roads", "block", values=[roads]),
                                     Claim(id="a3", text="Ruiz polls at 42% among voters", article="a",
                                           predicate="poll", subject="s1", values=[p1])],
                               "b": [cl("b1", "hombres armados incendiaron al menos 31 vehículos", "burn", values=[v31]),
                                     cl("b2", "bloquearon carreteras en diez municipios", "block", values=[towns]),
                                     Claim(id="b3", text="Ortiz polls at 25.4% among voters", article="b",
                                           predicate="poll", subject="s2", values=[p2])]},
                              ORIGINS, {("a", "s1"): "ruiz", ("b", "s2"): "ortiz"})
    found = find_discrepancies(m.claims, m.members, ORIGINS, conflicts=m.conflicts)
    assert len(found) == 1 and {v["value"] for v in found[0].values} == {"at least 23", "al menos 31"}
    burned = next(c for c in m.claims if c.predicate == "burn")
    assert burned.contradicted_by and burned.independent_sources == 1


def test_claims_stating_one_value_are_one_version():
    """Two claims that both say 23 (kept apart by their named agents) against one that says 31:
    one discrepancy with two versions, and each claim graded against the 31 (never 1 or 2)."""
    from fuentes.corpus.grading import assess

    v23 = Value("count", "at least 23", 23.0, "vehicles", approximate=True, low=23.0)
    v31 = Value("count", "al menos 31", 31.0, "vehículos", approximate=True, low=31.0)
    claims = {"a": [Claim(id="a1", text="gunmen of the cartel set fire to at least 23 vehicles", article="a",
                          predicate="burn", subject="g1", values=[v23])],
              "b": [cl("b1", "hombres armados incendiaron al menos 31 vehículos", "burn", values=[v31])],
              "c": [Claim(id="c1", text="rival gunmen set fire to at least 23 vehicles", article="c",
                          predicate="burn", subject="g2", values=[v23])]}
    graded, found = assess(claims, ORIGINS, {("a", "g1"): "g1", ("c", "g2"): "g2"})
    (d,) = found
    assert sorted((v["value"], tuple(v["articles"])) for v in d.values) == [("al menos 31", ("b",)),
                                                                              ("at least 23", ("a", "c"))]
    grades = {c.articles[0]: (c.grade, bool(c.contradicted_by)) for c in graded}
    assert grades == {"a": (4, True), "c": (4, True), "b": (5, True)}  # 31 has one origin against two


# ---- when a body began: a start in a month of this year against a year of activity --------------

JANUARY = Value("date", "January", low="--01", high="--01")
PAST_YEAR = Value("duration", "Over the past year", 1.0, "year", high="now")
STORY = {"a": "Ledger", "b": "Ledger"}  # one origin: one story, so the descriptions name one body


def _started(time="--01", values=(JANUARY,), article="a", text="In January, the coast guard set up a task force"):
    return Claim(id=f"{article}1", text=text, article=article, predicate="establish",
                 object="desc:task force@name:Port Lindo", values=list(values), time=time)


def _lasting(values=(PAST_YEAR,), modality="reported", article="b",
             text="Over the past year, both governments have coordinated through the task force"):
    return Claim(id=f"{article}2", text=text, article=article, predicate="continue", subject="desc:government",
                 object="desc:task force", values=list(values), modality=modality)


def _found(by_article):
    m = match_claims_detailed(by_article, STORY, {})
    return find_discrepancies(m.claims, m.members, STORY, {}, m.conflicts)


def test_a_body_set_up_this_year_has_not_acted_for_a_year():
    (d,) = _found({"a": [_started()], "b": [_lasting()]})
    assert d.id.startswith("dis_value") and d.about == "when task force (Port Lindo) began"
    assert [v["articles"] for v in d.values] == [["a"], ["b"]]
    assert "January" in d.values[0]["value"] and "past year" in d.values[1]["value"]


def test_a_start_with_its_year_or_a_shorter_period_is_no_start_discrepancy():
    dated = Value("date", "January 2024", low="2024-01", high="2024-01")
    assert not _found({"a": [_started("2024-01", (dated,))], "b": [_lasting()]})  # the year tells
    months = Value("duration", "over the past three months", 3.0, "month", high="now")
    assert not _found({"a": [_started()], "b": [_lasting((months,))]})
    assert not _found({"a": [_started()], "b": [_lasting(modality="predicted")]})  # not stated as a fact


def test_one_article_stating_both_is_no_discrepancy():
    assert not _found({"a": [_started(), _lasting(article="a")]})


def test_two_bodies_are_never_compared():
    other = _lasting()
    other.object = "desc:embassy"
    assert not _found({"a": [_started()], "b": [other]})


def test_spanish_wording_is_compared_the_same_way():
    enero = Value("date", "enero", low="--01", high="--01")
    anio = Value("duration", "Durante el último año", 1.0, "year", high="now")
    (d,) = _found({"a": [_started(values=(enero,), text="En enero, la guardia costera creó una fuerza de tarea")],
                   "b": [_lasting((anio,), text="Durante el último año, ambos gobiernos han coordinado a través "
                                               "de la fuerza de tarea")]})
    assert "enero" in d.values[0]["value"] and "último año" in d.values[1]["value"]


def test_two_sentences_both_articles_quote_are_no_rewording():
    # Regression: a quote's sentences, each a claim ("Tolerance is on the ballot. Justice is on the
    # ballot."), made a wording discrepancy between two copies of one article.
    sentences = ["tolerance is on the ballot this year", "justice is on the ballot this year"]
    by_article = {a: [cl(f"{a}{n}", text, "say", speaker="e1") for n, text in enumerate(sentences)] for a in "ab"}
    m = match_claims_detailed(by_article, ORIGINS, {(a, "e1"): "p" for a in "ab"})
    assert not find_discrepancies(m.claims, m.members, ORIGINS, {"p": "Ana Berg"}, m.conflicts)


def test_sentences_reworded_between_articles_stay_a_discrepancy():
    m = match_claims_detailed({"a": [cl("a1", "tolerance is on the ballot this year", "say", speaker="e1")],
                               "b": [cl("b1", "justice is on the ballot this year", "say", speaker="e1")]},
                              ORIGINS, {("a", "e1"): "p", ("b", "e1"): "p"})
    (d,) = find_discrepancies(m.claims, m.members, ORIGINS, {"p": "Ana Berg"}, m.conflicts)
    assert d.id.startswith("dis_wording")


# ---- an act told as still to come by one source and as done by another --------------------------

from fuentes.corpus.claims import party, relation  # noqa: E402
from fuentes.corpus.grading import assess  # noqa: E402

PARTY_NAMES = {"ott": "Ottawa", "can": "Canada", "mex": "Mexico", "cap": "Omar Lindell", "pl": "Port Lindo",
               "ruiz": "Marta Ruiz"}
TWO_OUTLETS = {"a": "Ledger", "b": "Heraldo", "c": "Star"}


def _ent(art_keys):
    return {(a, k): k for a in "abcd" for k in art_keys}


def _story(art):
    """Two names every article of the story names: one story."""
    return Claim(id=f"{art}9", text="Marines detained Omar Lindell in Port Lindo", article=art, predicate="capture",
                 object="cap", place="pl")


def _told(subject="ott", art="a", text="Ottawa would formally request the extradition of Omar Lindell", obj=None):
    return Claim(id=f"{art}1", text=text, article=art, subject=subject, predicate="request", modality="predicted",
                 object=obj)


def _done(subject="desc:embassy@name:Canada", art="b",
          text="La embajada canadiense entregó el lunes la solicitud formal de extradición", obj=None):
    return Claim(id=f"{art}1", text=text, article=art, subject=subject, predicate="request", object=obj)


def _status(by_article, published, copies=None):
    entity_of = _ent(["ott", "can", "mex", "cap", "pl", "ruiz"])
    claims, found = assess({a: cs + [_story(a)] for a, cs in by_article.items()}, TWO_OUTLETS, entity_of,
                           PARTY_NAMES, published=published, copies=copies)
    return claims, [d for d in found if d.id.startswith("dis_status")]


def test_a_seat_of_government_its_embassy_and_its_officials_are_one_party():
    names = {**PARTY_NAMES, "wash": "Washington", "us": "Estados Unidos"}
    assert party("ott", names) == party("can", names) == party("desc:embassy@Canada#a", names) \
        == party("desc:official@Canada#b", names) == "state:canada"
    assert party("wash", names) == party("us", names) == party("desc:embassy@United States#a", names)
    assert party("mex", names) != party("can", names)
    assert party("ruiz", names) == "ruiz"  # a person is herself
    assert party("desc:task force@Canada#a", names) == "desc:task force@Canada#a"  # no body of the state
    assert party("desc:embassy#a", names) == "desc:embassy#a"  # whose embassy is not known


def test_announced_by_one_source_done_by_another_the_same_day_is_a_status_discrepancy():
    day = {"a": "2026-03-09T13:40:00-06:00", "b": "2026-03-09T19:15:00-06:00"}
    claims, (d,) = _status({"a": [_told()], "b": [_done()]}, day)
    assert d.about == "request by Canada: done or still to come"
    assert sorted(v["articles"] for v in d.values) == [["a"], ["b"]]
    graded = {c.text: c for c in claims}
    deed = graded["La embajada canadiense entregó el lunes la solicitud formal de extradición"]
    assert deed.contradicted_by == ["a1"] and deed.grade == 4  # one source against one: doubtful


def test_spanish_forecast_against_an_english_deed():
    day = {"a": "2026-03-10", "b": "2026-03-09"}  # still "to come" a day after another source had it done
    told = _told("desc:official@name:Canada", text="Las autoridades canadienses pedirán la extradición de Lindell")
    done = _done("ott", text="Ottawa filed the extradition request on Monday")
    _, found = _status({"a": [told], "b": [done]}, day)
    assert len(found) == 1


def test_announced_then_done_is_no_discrepancy():
    _, found = _status({"a": [_told()], "b": [_done()]}, {"a": "2026-03-08", "b": "2026-03-09"})
    assert not found  # the forecast came out the day before the deed's report


def test_two_parties_undated_articles_or_one_origin_are_no_discrepancy():
    day = {"a": "2026-03-09", "b": "2026-03-09"}
    assert not _status({"a": [_told("mex")], "b": [_done()]}, day)[1]  # Mexico's request, Canada's request
    assert not _status({"a": [_told()], "b": [_done()]}, {"a": None, "b": "2026-03-09"})[1]
    assert not _status({"a": [_told()], "b": [_done()]}, {})[1]
    one = dict(TWO_OUTLETS, b="Ledger")
    claims, found = assess({a: cs + [_story(a)] for a, cs in {"a": [_told()], "b": [_done()]}.items()}, one,
                           _ent(["ott", "cap", "pl"]), PARTY_NAMES, published=day)
    assert not [d for d in found if d.id.startswith("dis_status")]


def test_an_undated_copy_is_dated_by_what_it_copies():
    day = {"a": "2026-03-09", "b": "2026-03-09"}
    copy = _told("desc:official@name:Canada", art="c", text="Canadian officials said they would seek his extradition")
    _, (d,) = _status({"a": [_told()], "b": [_done()], "c": [copy]}, dict(day, c=None), {"c": ["a"]})
    told = next(v for v in d.values if "a" in v["articles"])
    assert told["articles"] == ["a", "c"]  # both forecasts of the party, one side
    _, (d,) = _status({"a": [_told()], "b": [_done()], "c": [copy]}, dict(day, c=None))
    assert next(v for v in d.values if "a" in v["articles"])["articles"] == ["a"]  # undated: decides nothing


def test_a_forecast_and_a_deed_are_never_one_statement():
    told = Claim(id="a1", text="Ottawa will request the extradition", article="a", subject="ott", predicate="request",
                 modality="predicted")
    done = Claim(id="b1", text="Ottawa requested the extradition", article="b", subject="ott", predicate="request")
    assert relation(told, done, ["ottawa", "request", "extradition"], ["ottawa", "request", "extradition"]) is None


def test_each_story_is_its_own_status_discrepancy():
    """Canada's request for one man and for another: one discrepancy each, never one forecast
    contradicted by another story's deed."""
    day = {a: "2026-03-09" for a in "abcd"}
    names = {**PARTY_NAMES, "cap2": "Iván Soler", "pl2": "Bahía Clara"}

    def other(art):
        return Claim(id=f"{art}9", text="Police detained Iván Soler in Bahía Clara", article=art, predicate="capture",
                     object="cap2", place="pl2")

    by_article = {"a": [_told(obj="cap"), _story("a")], "b": [_done(), _story("b")],
                  "c": [_told(art="c", text="Ottawa would request the extradition of Iván Soler", obj="cap2"), other("c")],
                  "d": [_done(art="d", text="The Canadian embassy delivered the request for Soler's extradition",
                              obj="cap2"), other("d")]}
    origins = {"a": "Ledger", "b": "Heraldo", "c": "Star", "d": "Post"}
    claims, found = assess(by_article, origins, _ent(["ott", "cap", "pl", "cap2", "pl2"]), names, published=day)
    status = sorted((sorted(a for v in d.values for a in v["articles"]) for d in found
                     if d.id.startswith("dis_status")))
    assert status == [["a", "b"], ["c", "d"]]
    deed = next(c for c in claims if c.text.startswith("La embajada"))
    assert deed.contradicted_by == ["a1"]


@pytest.mark.parametrize("a,b", [
    ("we’ve got to make sure that everyone is safe", "we have got to make sure that everyone is safe"),
    ("I'm not going to stop and we can't wait any longer", "I am not going to stop and we cannot wait any longer"),
])
def test_a_contraction_written_out_is_no_rewording(a, b):
    # Regression: "we ve got to" / "we have got to" was a reworded quote of Hillary Clinton.
    m = match_claims_detailed({"a": [cl("a1", a, "say", speaker="e1")], "b": [cl("b1", b, "say", speaker="e1")]},
                              ORIGINS, {("a", "e1"): "p", ("b", "e1"): "p"})
    assert not find_discrepancies(m.claims, m.members, ORIGINS, {"p": "Ana Berg"}, m.conflicts)


@pytest.mark.parametrize("a,b", [
    ("we’ve got to make sure that everyone is safe", "we’ve got to make sure that nobody is hurt"),
    ("no vamos a parar y no podemos esperar más", "no vamos a parar y no queremos esperar más"),
])
def test_a_word_changed_beside_a_contraction_is_still_a_rewording(a, b):
    m = match_claims_detailed({"a": [cl("a1", a, "say", speaker="e1")], "b": [cl("b1", b, "say", speaker="e1")]},
                              ORIGINS, {("a", "e1"): "p", ("b", "e1"): "p"})
    (d,) = find_discrepancies(m.claims, m.members, ORIGINS, {"p": "Ana Berg"}, m.conflicts)
    assert d.id.startswith("dis_wording")
