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


def test_relative_dates_need_a_save_time():
    assert textmeta.find_date_line("3 hours ago", ANY, None, head=True) is None
    assert textmeta.find_date_line("3 hours ago", ANY, "2026-02-24T02:00:00", head=True)[0] == "2026-02-23"
    assert textmeta.find_date_line("Yesterday", ANY, "2026-02-24T12:00:00", head=True)[0] == "2026-02-23"
    assert textmeta.find_date_line("hace 1 mes", ANY, "2026-02-24T12:00:00", head=True)[0] == "2026-01"


def test_listen_banner_names_the_outlet():
    assert textmeta.find_listen_outlet("NEW You can now listen to Gulf Courier articles!", EN)[0] == "Gulf Courier"


def test_title_candidates():
    assert textmeta.is_title_candidate("Mexico is caught between two fires", EN)
    assert not textmeta.is_title_candidate("The police said the trucks were seized.", EN)
    assert not textmeta.is_title_candidate("Home | World | Politics", EN)
