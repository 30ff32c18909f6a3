"""Value finding and normalisation, English and Spanish (no model needed)."""

from __future__ import annotations

import pytest

from fuentes.extract.values import dimension, find_values, lexicon, same_value
from fuentes.model import Value


def values(text: str, lang: str = "en"):
    return [f.value for f in find_values(text, lang)]


@pytest.mark.parametrize("text,lang", [("The port spent $3.6 billion on cranes.", "en"),
                                       ("El puerto gastó 3.600 millones de dólares en grúas.", "es")])
def test_money_in_both_languages(text, lang):
    (v,) = [v for v in values(text, lang) if v.kind == "money"]
    assert v.amount == pytest.approx(3.6e9) and v.unit == "USD"


@pytest.mark.parametrize("text,lang", [("roughly 300 guards", "en"), ("unos 300 guardias", "es")])
def test_approximate_counts(text, lang):
    (v,) = values(text, lang)
    assert (v.kind, v.amount, v.approximate) == ("count", 300.0, True)


@pytest.mark.parametrize("text,lang", [("from 2011 to 2019", "en"), ("between 2011 and 2019", "en"),
                                       ("de 2011 a 2019", "es"), ("entre 2011 y 2019", "es")])
def test_year_ranges(text, lang):
    (v,) = values(text, lang)
    assert (v.kind, v.low, v.high, v.unit) == ("range", "2011", "2019", "year")


def test_dates_periods_and_durations():
    got = {v.text: v for v in values("In June 2020 he fled. On Feb. 3, 2021, over the past year, "
                                     "for two decades, in 2015 and in March.")}
    assert got["June 2020"].low == "2020-06"
    assert got["Feb. 3, 2021"].low == "2021-02-03"
    assert got["over the past year"].kind == "duration" and got["over the past year"].high == "now"
    assert got["two decades"].amount == 20 and got["two decades"].unit == "year"
    assert got["2015"].low == "2015" and got["March"].low == "--03"
    es = {v.text: v for v in values("El 24 de febrero de 2026 y en junio de 2020, durante el último año.", "es")}
    assert es["24 de febrero de 2026"].low == "2026-02-24" and es["junio de 2020"].low == "2020-06"
    assert es["durante el último año"].kind == "duration"


def test_bounds_percent_measures_and_words():
    got = {v.text: v for v in values("more than 40% of 2,500 homes lie about 15 miles away; three boats")}
    assert got["more than 40%"].low == 40 and got["more than 40%"].approximate
    assert got["2,500"].amount == 2500 and got["2,500"].unit == "homes"
    assert got["about 15 miles"].unit == "mi"
    assert got["three"].amount == 3
    assert values("It may rain; the tense talks went on.") == []  # "may", "ten" inside "tense"


def test_spanish_number_marks():
    lex = lexicon("es")
    assert lex.number("3.600") == 3600 and lex.number("3,6") == 3.6 and lex.number("1.234,5") == 1234.5
    assert lexicon("en").number("3,600") == 3600 and lexicon("en").number("3.6") == 3.6


def test_same_value_tolerates_approximations_only():
    (a,) = values("about 300 guards")
    (b,) = values("roughly 310 guards")
    (c,) = values("310 guards")
    (d,) = values("500 guards")
    assert same_value(a, b) and same_value(a, c) and not same_value(c, d)


def test_counted_nouns_names_and_offsets():
    from fuentes.extract.values import concept, interval

    en = values("Zárate was detained along with four of his bodyguards by the Four Winds Cartel.")
    es = values("fueron detenidos cinco de sus escoltas del Cártel de los Cuatro Vientos", "es")
    assert [(v.amount, concept(v.unit)) for v in en] == [(4.0, "bodyguard")]  # "Four Winds" is a name
    assert [(v.amount, concept(v.unit)) for v in es] == [(5.0, "bodyguard")]
    assert values("two days after marines captured him") == []  # a time, not a figure
    (a,) = values("at least 23 vehicles")
    (b,) = values("al menos 31 vehículos", "es")
    assert concept(a.unit) == concept(b.unit) == "vehicle" and not same_value(a, b)
    assert interval(a) == (23.0, pytest.approx(25.3))


def test_a_number_after_a_month_is_a_day_not_a_count():
    """"Sept. 11 conspiracy theories" was read as a count of 11 conspiracies (and "Sept. 15
    memorial" as 15 memorials): a number after a month name is the day of a date."""
    assert [(v.kind, v.low) for v in values("trafficked in Sept. 11 conspiracy theories")] == [("date", "--09-11")]
    assert [(v.kind, v.low) for v in values("los atentados del 11 de septiembre", "es")] == [("date", "--09-11")]
    assert [(v.kind, v.low) for v in values("tras el homenaje de sep. 15 homenajes", "es")] == [("date", "--09-15")]
    assert [(v.kind, v.amount) for v in values("they may 3 times a day", "en")] == [("count", 3.0)]
    assert [v.text for v in values("prices rose in June.")] == ["June"]
    assert [v.text for v in values("los precios subieron en mayo.", "es")] == ["mayo"]


def test_which_dimensions_name_their_measure():
    """A figure names its measure (money, a unit, a count of a thing); a percent, a bare number or
    a count of points / puntos is a share or a score of something the clause must name."""
    from fuentes.extract.values import names_measure

    assert names_measure(("money", "USD")) and names_measure(("duration", "day"))
    assert names_measure(dimension(Value("count", "cuatro escoltas", 4.0, "escoltas")))
    assert not names_measure(("percent", "%")) and not names_measure(("number", None))
    assert not names_measure(dimension(Value("count", "7 points", 7.0, "points")))
    assert not names_measure(dimension(Value("count", "siete puntos", 7.0, "puntos")))


# find_values tries each pattern only where a match can start (a word of its vocabulary, a
# digit, a currency sign): the result must be what scanning the whole text with every pattern
# gives, whatever the case, glued currencies or characters IGNORECASE folds differently.
@pytest.mark.parametrize("text,lang", [
    ("USD500 and usd 3 million, US$5, $ 4, €3 and MXN$300 changed hands; EUR10 more than $2.", "en"),
    ("Más de 300 personas, unos 20 muertos, US$5 y 3.600 millones de dólares; €3 y MXN300.", "es"),
    ("On Sept. 15, 2015, SEPT 3 and may 4, about twenty-five of his bodyguards left.", "en"),
    ("\u017fome 5 \u017foldiers died over the past three years, from 2008 to 2023, 3-2.", "en"),
    ("\u0130n 2015 about 40 people", "en"),
    ("El 11 de septiembre de 2001, entre 2010 y 2015, durante los últimos tres años, hace 2 días.", "es"),
    ("Four Winds Cartel: 12 percent, 1,000.5 km, two days after; Cuatro Vientos 40 por ciento.", "es"),
])
def test_start_positions_give_the_full_scan(text, lang):
    assert find_values(text, lang) == find_values(text, lang, exhaustive=True)
    assert find_values(text, lang)  # the texts do hold values


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_number_with_misplaced_group_marks_is_no_value_and_no_crash(lang):
    # Regression: "1,506,76" (a typo in a paraphrase corpus) raised ValueError from the reader.
    assert lexicon(lang).number("1,506,76") is None
    assert lexicon(lang).number("1,506,760") == 1506760
    values = find_values("The index closed at 1,506,76 points, up from 1,490 points.", lang)
    assert all(found.value.amount != 150676 for found in values)
    assert [found.value.text for found in values] == ["1,490"]  # the rest of the sentence is still read


@pytest.mark.parametrize("text, lang, kind, written", [
    # Regression: "the 2008 presidential election cycle" was a count of 2008 "presidential", and two
    # elections' years made a discrepancy between unrelated articles.
    ("FEC records from the 2008 presidential election cycle show it.", "en", "date", "2008"),
    ("It will endorse a candidate in the 2016 presidential election.", "en", "date", "2016"),
    ("Votaron en las elecciones presidenciales de 2016 en todo el país.", "es", "date", "2016"),
    ("the 2,000 soldiers arrived on Monday", "en", "count", "2,000"),  # a count keeps its comma in English
    ("los 2000 soldados llegaron el lunes", "es", "count", "2000"),  # Spanish writes it without one
])
def test_a_year_before_a_noun_is_a_date_and_a_count_stays_a_count(text, lang, kind, written):
    found = [(f.value.kind, f.value.text) for f in find_values(text, lang)]
    assert (kind, written) in found, found


@pytest.mark.parametrize("text,lang", [
    ("The 9/11 plotter was killed in Pakistan.", "en"),
    ("The shop is open 24/7 for its clients.", "en"),
    ("El complotista del 11/9 murió en Pakistán.", "es"),
    ("La tienda abre 24/7 para sus clientes.", "es"),
])
def test_digits_joined_by_slashes_are_no_figure(text, lang):
    """"9/11", "24/7": a day or a habit named, not the numbers 9 and 11 (nor a count of "11 plotter")."""
    assert [v for v in values(text, lang) if v.kind in ("number", "count")] == []


@pytest.mark.parametrize("text,lang", [
    ("NBC 7 reported that two men were arrested.", "en"),
    ("KTLA 5 dijo que dos hombres fueron detenidos.", "es"),
])
def test_a_number_after_an_acronym_is_part_of_a_name(text, lang):
    assert [v.amount for v in values(text, lang) if v.kind in ("number", "count")] == [2.0]


def test_a_headline_in_capitals_keeps_its_figure():
    assert [v.amount for v in values("POLICE ARREST 20 MEN IN SINALOA")] == [20.0]


@pytest.mark.parametrize("text,lang", [("Rubio won 45 percent of the votes.", "en"),
                                       ("Rubio obtuvo el 45 por ciento de los votos.", "es")])
def test_a_percent_of_a_group_is_one_percent(text, lang):
    """"el 45 por ciento de los votos": the percent, not a count of 100 ("ciento") votes."""
    assert [(v.kind, v.amount) for v in values(text, lang)] == [("percent", 45.0)]
