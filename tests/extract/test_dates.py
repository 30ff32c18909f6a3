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
