"""Metadata finders on single lines, English and Spanish."""

from __future__ import annotations

import pytest

from fuentes.clean import textmeta
from fuentes.clean.cues import load

EN, ES, ANY = load("en"), load("es"), load(None)


@pytest.mark.parametrize("line,expected", [
    ("By JACK NICAS", "Jack Nicas"),
    ("By Jane Doe and JOHN SMITH", "Jane Doe and John Smith"),
    ("By Ana de la Cruz, Staff Writer", "Ana de la Cruz"),
    ("By Mark Stevenson | Associated Press", "Mark Stevenson"),
    ("By the time police arrived, the gunmen had fled", None),
    ("By Monday", None),
])
def test_english_bylines(line, expected):
    assert textmeta.find_byline(line, EN) == expected


def test_spanish_bylines():
    assert textmeta.find_byline("Por ANA PÉREZ y Luis Gómez", ES) == "Ana Pérez and Luis Gómez"
    assert textmeta.find_byline("Por la mañana llegaron los soldados al poblado", ES) is None


def test_writer_line_is_outlet_or_person():
    assert textmeta.find_writer("Writer: The San Juan Daily Star", EN) == ("outlet", "The San Juan Daily Star")
    assert textmeta.find_writer("Author: Laura Gómez", EN) == ("byline", "Laura Gómez")
    assert textmeta.find_writer("Autor: Redacción El Informador", ES) == ("outlet", "Redacción El Informador")


@pytest.mark.parametrize("line,holder", [
    ("© 2025 Latin Times. All rights reserved.", "Latin Times"),
    ("© 2026 The San Juan Daily Star - Puerto Rico", "The San Juan Daily Star"),
    ("Copyright © 2024 Gulf Courier, Inc.", "Gulf Courier"),
    ("© All rights reserved", None),
])
def test_copyright_holder(line, holder):
    assert textmeta.find_copyright_holder(line, ANY) == holder


@pytest.mark.parametrize("line,iso", [
    ("date 2026-02-23", "2026-02-23"),
    ("Published Feb. 23, 2026", "2026-02-23"),
    ("Updated: March 2026", "2026-03"),
    ("Publicado el 24 de febrero de 2026", "2026-02-24"),
    ("Tuesday, February 24, 2026", "2026-02-24"),
])
def test_date_lines(line, iso):
    assert textmeta.find_date_line(line, ANY, None, head=True)[0] == iso


def test_dates_are_not_found_in_ordinary_words_or_ambiguous_numbers():
    assert textmeta.find_date_line("May the best team win", ANY, None, head=True) is None
    assert textmeta.find_date_line("03/04/2026", ANY, None, head=True) is None
    assert textmeta.find_date_line("03/04/2026", ES, None, head=True)[0] == "2026-04-03"
    # an unlabelled date inside a sentence is not a date line
    assert textmeta.find_date_line("The cartel leader escaped on Feb. 3, 2012 after a long siege "
                                   "by soldiers", ANY, None, head=True) is None


@pytest.mark.parametrize("data, line, iso, precision, modified", [
    (EN, "Feb. 23, 2026, 10:14 a.m.", "2026-02-23T10:14", "minute", False),
    (EN, "Published Feb. 23, 2026 at 3:05 p.m. ET", "2026-02-23T15:05-05:00", "minute", False),
    (EN, "Published July 4, 2026 at 3:05 p.m. ET", "2026-07-04T15:05-04:00", "minute", False),  # summer time
    (EN, "10:14 a.m. CST, Feb. 23, 2026", "2026-02-23T10:14-06:00", "minute", False),
    (EN, "Posted 2026-02-23 10:14", "2026-02-23T10:14", "minute", False),
    (EN, "Published 2026-02-23T10:14:07Z", "2026-02-23T10:14:07+00:00", "second", False),
    (EN, "Updated Feb. 24, 2026, 9:00 a.m. PT", "2026-02-24T09:00-08:00", "minute", True),
    (EN, "Feb. 23, 2026 at 10 a.m.", "2026-02-23T10", "hour", False),
    (ES, "23 de febrero de 2026, 10:14 h", "2026-02-23T10:14", "minute", False),
    (ES, "Publicado el 23 de febrero de 2026 a las 10:14 horas (hora del centro)", "2026-02-23T10:14-06:00",
     "minute", False),
    (ES, "Lunes 23 de febrero de 2026 | 22.05 hrs", "2026-02-23T22:05", "minute", False),
    (ES, "23/02/2026 - 10:14 p. m. CET", "2026-02-23T22:14+01:00", "minute", False),
    (ES, "Actualizado: 24/02/2026 - 09:30 h", "2026-02-24T09:30", "minute", True),
    (ES, "Última actualización 24 de febrero de 2026, 9:30 de la mañana", "2026-02-24T09:30", "minute", True),
])
def test_date_lines_with_their_clock_time(data, line, iso, precision, modified):
    found = textmeta.find_date_line(line, data, None, head=True)
    assert (found.iso, found.precision, found.modified) == (iso, precision, modified)


@pytest.mark.parametrize("data, line, saved_at, iso, precision", [
    # clock times without a date: the save's day in that zone, or the day before when later than the save
    (EN, "Updated 3:05 p.m. ET", "2026-02-23T22:00:00Z", "2026-02-23T15:05-05:00", "minute"),
    (EN, "Updated 3:05 p.m. ET", "2026-02-23T19:00:00Z", "2026-02-22T15:05-05:00", "minute"),
    (EN, "Updated 11:50 p.m.", "2026-02-24T01:00:00", "2026-02-23T23:50", "minute"),  # no zone: naive
    (ES, "Actualizado a las 15:05 h (hora del centro)", "2026-02-23T22:00:00+00:00", "2026-02-23T15:05-06:00",
     "minute"),
    # relative times keep the precision of their unit and the save time's offset
    (EN, "3 hours ago", "2026-02-23T13:20:00+00:00", "2026-02-23T10+00:00", "hour"),
    (EN, "25 minutes ago", "2026-02-23T13:20:00-05:00", "2026-02-23T12:55-05:00", "minute"),
    (EN, "2 days ago", "2026-02-23T13:20:00+00:00", "2026-02-21", "day"),
    (ES, "hace 3 horas", "2026-02-23T13:20:00+00:00", "2026-02-23T10+00:00", "hour"),
    (ES, "Actualizado hace 25 minutos", "2026-02-23T13:20:00-06:00", "2026-02-23T12:55-06:00", "minute"),
    (ES, "hace 2 días", "2026-02-23T13:20:00+00:00", "2026-02-21", "day"),
])
def test_times_against_the_save_time(data, line, saved_at, iso, precision):
    found = textmeta.find_date_line(line, data, saved_at, head=True)
    assert (found.iso, found.precision) == (iso, precision)
    unsaved = textmeta.find_date_line(line, data, None, head=True)  # no save time: nothing to resolve
    assert unsaved is None or (unsaved.iso is None and unsaved.fragment == line)  # a labelled clock time is
    # still a time line (it leaves the body) without a value


def test_a_labelled_clock_time_without_a_save_time_is_a_time_line_without_a_value():
    for data, line in ((EN, "Updated 3:05 p.m."), (ES, "Actualizado a las 15:05 h")):
        found = textmeta.find_date_line(line, data, None, head=True)
        assert found is not None and found.iso is None and found.modified
    assert textmeta.find_date_line("The meeting ended at 3:05 p.m.", EN, None, head=True) is None  # not labelled


def test_numbers_beside_a_date_are_not_clock_times():
    assert textmeta.find_date_line("Feb. 23, 2026 12.5 million", EN, None, head=True).iso == "2026-02-23"
    assert textmeta.find_date_line("23 de febrero de 2026, 14 detenidos", ES, None, head=True).iso == "2026-02-23"


def test_relative_dates_need_a_save_time():
    assert textmeta.find_date_line("3 hours ago", ANY, None, head=True) is None
    assert textmeta.find_date_line("3 hours ago", ANY, "2026-02-24T02:00:00", head=True)[0] == "2026-02-23T23"
    assert textmeta.find_date_line("Yesterday", ANY, "2026-02-24T12:00:00", head=True)[0] == "2026-02-23"
    assert textmeta.find_date_line("hace 1 mes", ANY, "2026-02-24T12:00:00", head=True)[0] == "2026-01"


def test_listen_banner_names_the_outlet():
    assert textmeta.find_listen_outlet("NEW You can now listen to Gulf Courier articles!", EN)[0] == "Gulf Courier"


def test_title_candidates():
    assert textmeta.is_title_candidate("Mexico is caught between two fires", EN)
    assert not textmeta.is_title_candidate("The police said the trucks were seized.", EN)
    assert not textmeta.is_title_candidate("Home | World | Politics", EN)
