"""Date expressions, English and Spanish: a table of expressions, anchors and expected values."""

from __future__ import annotations

from datetime import date

import pytest

from fuentes.extract.dates import estimate_anchor, find_dates, resolve_text, shift, day

MON = date(2026, 2, 23)  # a Monday
TUE = date(2026, 2, 24)
SUN = date(2026, 2, 22)
JUN = date(2024, 6, 5)  # a Wednesday
JAN = date(2025, 1, 10)  # a Friday

# (language, expression, anchor, expected ISO value or None, expected precision)
TABLE = [
    ("en", "Sunday", TUE, "2026-02-22", "day"),
    ("en", "on Monday morning", TUE, "2026-02-23", "day"),
    ("en", "Tuesday", TUE, "2026-02-24", "day"),
    ("en", "Tuesday", MON, "2026-02-17", "day"),
    ("en", "On Friday night", MON, "2026-02-20", "day"),
    ("en", "last Monday", MON, "2026-02-16", "day"),
    ("en", "next Friday", MON, "2026-02-27", "day"),
    ("en", "Wednesday afternoon", JUN, "2024-06-05", "day"),
    ("en", "on Saturday", JUN, "2024-06-01", "day"),
    ("en", "last year", MON, "2025", "year"),
    ("en", "this year", JAN, "2025", "year"),
    ("en", "next year", JAN, "2026", "year"),
    ("en", "In January", MON, "2026-01", "month"),
    ("en", "In March", MON, "2025-03", "month"),
    ("en", "in February", MON, "2026-02", "month"),
    ("en", "since December", JAN, "2024-12", "month"),
    ("en", "in 2012", MON, "2012", "year"),
    ("en", "In June 2020", MON, "2020-06", "month"),
    ("en", "in June of 2020", MON, "2020-06", "month"),
    ("en", "August of last year", MON, "2025-08", "month"),
    ("en", "last August", MON, "2025-08", "month"),
    ("en", "last January", MON, "2026-01", "month"),
    ("en", "Feb. 23, 2026", None, "2026-02-23", "day"),
    ("en", "February 23, 2026", None, "2026-02-23", "day"),
    ("en", "23 February 2026", None, "2026-02-23", "day"),
    ("en", "March 3rd, 2019", None, "2019-03-03", "day"),
    ("en", "2026-02-23", None, "2026-02-23", "day"),
    ("en", "2/23/2026", None, "2026-02-23", "day"),
    ("en", "on Feb. 20", MON, "2026-02-20", "day"),
    ("en", "on March 2", MON, "2026-03-02", "day"),
    ("en", "Dec. 30", JAN, "2024-12-30", "day"),
    ("en", "yesterday", MON, "2026-02-22", "day"),
    ("en", "today", MON, "2026-02-23", "day"),
    ("en", "last night", MON, "2026-02-22", "day"),
    ("en", "over the weekend", MON, "2026-02", "weekend"),
    ("en", "over the weekend", date(2026, 3, 2), "2026", "weekend"),  # 28 Feb - 1 Mar: only the year
    ("en", "last week", MON, "2026-02", "week"),
    ("en", "last month", MON, "2026-01", "month"),
    ("en", "last month", JAN, "2024-12", "month"),
    ("en", "three days ago", MON, "2026-02-20", "day"),
    ("en", "two years ago", MON, "2024", "year"),
    ("en", "from 2008 to 2023", MON, None, "range"),
    ("en", "between 2009 and 2012", MON, None, "range"),
    ("en", "in mid-2019", MON, "2019", "year"),
    ("es", "el domingo", TUE, "2026-02-22", "day"),
    ("es", "el lunes por la mañana", TUE, "2026-02-23", "day"),
    ("es", "el martes", MON, "2026-02-17", "day"),
    ("es", "el pasado viernes", MON, "2026-02-20", "day"),
    ("es", "el próximo jueves", MON, "2026-02-26", "day"),
    ("es", "el miércoles", JUN, "2024-06-05", "day"),
    ("es", "el sábado en la noche", MON, "2026-02-21", "day"),
    ("es", "el año pasado", MON, "2025", "year"),
    ("es", "este año", JAN, "2025", "year"),
    ("es", "en enero", MON, "2026-01", "month"),
    ("es", "en marzo", MON, "2025-03", "month"),
    ("es", "en 2012", MON, "2012", "year"),
    ("es", "en junio de 2020", MON, "2020-06", "month"),
    ("es", "24 de febrero de 2026", None, "2026-02-24", "day"),
    ("es", "el 3 de marzo de 2019", None, "2019-03-03", "day"),
    ("es", "23/02/2026", None, "2026-02-23", "day"),
    ("es", "el 20 de febrero", MON, "2026-02-20", "day"),
    ("es", "agosto del año pasado", MON, "2025-08", "month"),
    ("es", "ayer", MON, "2026-02-22", "day"),
    ("es", "anoche", MON, "2026-02-22", "day"),
    ("es", "hoy", MON, "2026-02-23", "day"),
    ("es", "el fin de semana", MON, "2026-02", "weekend"),
    ("es", "la semana pasada", MON, "2026-02", "week"),
    ("es", "el mes pasado", MON, "2026-01", "month"),
    ("es", "hace tres días", MON, "2026-02-20", "day"),
    ("es", "entre 2008 y 2023", MON, None, "range"),
    ("es", "desde 2006", MON, "2006", "year"),
    ("es", "a finales de diciembre", JAN, "2024-12", "month"),
]


@pytest.mark.parametrize("language,expression,anchor,expected,precision", TABLE)
def test_expression_table(language, expression, anchor, expected, precision):
    value = resolve_text(expression, language, anchor)
    assert value is not None, f"{expression!r} was not found"
    assert value.value == expected
    if precision:
        assert value.precision == precision


def test_table_is_large_enough():
    assert len(TABLE) >= 60
    assert sum(1 for row in TABLE if row[0] == "es") >= 25


@pytest.mark.parametrize("language,text", [
    ("en", "The cartel may strike again in the spring."),  # "may" is a verb here
    ("en", "He will march on the capital."),
    ("en", "She scored 2012 points."),  # a number, not a year
    ("es", "Llegó a un acuerdo con el gobierno."),  # dateparser's false "a un"
    ("es", "Había 300 agentes en la zona."),
])
def test_no_false_dates(language, text):
    assert find_dates(text, language, MON) == []


def test_relative_without_anchor_keeps_expression():
    (expr,) = find_dates("It happened on Sunday.", "en", None)
    assert expr.needs_anchor and expr.text == "on Sunday" and expr.resolved is None
    (expr,) = find_dates("Ocurrió el domingo.", "es", None)
    assert expr.needs_anchor and expr.text == "el domingo"


def test_offsets_are_found_not_resolved():
    (expr,) = find_dates("one day after the raid", "en", MON)
    assert expr.kind == "offset" and expr.offset == (1, "day", 1)
    (expr,) = find_dates("weeks after the order", "en", MON)
    assert expr.offset == (None, "week", 1)
    (expr,) = find_dates("dos días después del ataque", "es", MON)
    assert expr.offset == (2, "day", 1)


def test_shift_keeps_precision():
    assert shift(day(MON), 1, "day", -1).value == "2026-02-22"
    vague = shift(day(SUN), None, "week", -1)
    assert vague.approximate and vague.latest == date(2026, 2, 15)


def test_estimate_anchor_reads_weekdays_as_one_week():
    text = ("A photo taken Feb. 23, 2026. On Sunday the army moved in. On Monday she spoke. "
            "In her news conference Tuesday she denied it.")
    assert estimate_anchor(text, "en") == TUE
    assert estimate_anchor("Nothing dated here on Sunday.", "en") is None
    assert estimate_anchor("Nada el domingo.", "es", lower=MON) == MON


# -- the prefilter: patterns tried only where a match can start -----------------------------

def _every_position(text: str, language: str, anchor):
    """find_dates as it was before the prefilter: every pattern over the whole text."""
    from fuentes.extract import dates

    v = dates.vocab(language)
    found = [expr for name, pattern in v.patterns for m in pattern.finditer(text)
             if (expr := dates._interpret(name, m, v, anchor)) is not None]
    found.sort(key=lambda e: (-(e.end - e.start), e.start))
    taken = []
    for expr in found:
        if all(expr.end <= t.start or expr.start >= t.end for t in taken):
            taken.append(expr)
    return sorted(taken, key=lambda e: e.start)


def _texts() -> list[tuple[str, str]]:
    """Every expression of the table in a sentence of its language (and read with the other
    language's vocabulary), run together, upper-cased, and with the characters case-insensitive
    matching reads as letters of the vocabularies ('ſ', 'ı', 'İ')."""
    texts = []
    for language, expression, *_ in TABLE:
        sentence = (f"Police said that {expression}, 3 suspects were held." if language == "en"
                    else f"La policía dijo que {expression}, 3 sospechosos fueron detenidos.")
        texts += [(language, sentence), ("es" if language == "en" else "en", sentence)]
    for language in ("en", "es"):
        joined = " ".join(expression for lang, expression, *_ in TABLE if lang == language)
        texts += [(language, joined), (language, joined.upper()), (language, joined.replace("s", "ſ")),
                  (language, joined.replace("i", "ı").replace("I", "İ")), (language, joined.replace(" ", "\n"))]
    texts += [("en", "On 5th May, 2019 and May 5 2019; 2019-05-05 or 5/5/2019 - between 2001 and 2003."),
              ("en", "mid-2019, two weeks later, a few days earlier, several years ago, on Sun. Sept. 3"),
              ("es", "A mediados de mayo, hace unas semanas, el 5 de mayo del 2019 y dos días antes.")]
    return texts


@pytest.mark.parametrize("anchor", [None, MON])
def test_the_prefilter_finds_what_scanning_every_position_finds(anchor):
    texts = _texts()
    for language, text in texts:
        fast = [(e.start, e.end, e.kind, e.resolved, e.offset) for e in find_dates(text, language, anchor)]
        slow = [(e.start, e.end, e.kind, e.resolved, e.offset) for e in _every_position(text, language, anchor)]
        assert fast == slow, (language, text)
    assert sum(len(find_dates(text, language, anchor)) for language, text in texts) > 150


def test_a_pattern_is_tried_only_at_the_words_it_can_start_with():
    from fuentes.extract import dates
    from fuentes.extract.word_starts import word_starts

    v = dates.vocab("en")
    tried: list[int] = []

    class Watch:
        def __init__(self, pattern):
            self.pattern = pattern

        def match(self, text, pos):
            tried.append(pos)
            return self.pattern.match(text, pos)

    name, pattern = next(p for p in v.patterns if p[0] == "weekday")
    starts = v.starts[[n for n, _ in v.patterns].index(name)]
    text = "The army moved in. " * 50 + "On Sunday the mayor spoke; last Monday he did not."
    found = [m.group(0) for m in dates._matches(Watch(pattern), text, starts, (), word_starts(text))]
    assert found == ["On Sunday", "last Monday"]
    assert len(tried) <= 4  # "On", "Sunday" (inside the first match: skipped), "last", "Monday"
    assert list(dates._matches(Watch(pattern), "No weekday here.", starts, v.needs[[n for n, _ in v.patterns].index(name)],
                               word_starts("No weekday here."))) == []


def test_a_long_s_in_a_date_is_read_not_a_crash():
    # IGNORECASE matches 'ſ' as 's'; the vocabulary lookup failed on it and raised TypeError
    (expr,) = find_dates("el ſábado", "es", MON)
    assert expr.resolved.value == "2026-02-21"
