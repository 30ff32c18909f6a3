"""The cue data's literal shortcut: a line holding none of a cue's literals is not searched, and
the cleaner finds the same cue matches as a search of every line with every pattern."""

from __future__ import annotations

import pytest

from fuentes.clean.boilerplate import _cut_cues
from fuentes.clean.cues import folded, load, needed_literals


def test_needed_literals_of_a_choice_of_words():
    assert needed_literals(r"\b(?:facebook|twitter)\b") == ("facebook", "twitter")
    assert needed_literals(r"\b(?:síguenos|SÍGUENOS en)\b") == ("síguenos", "síguenos en")


def test_needed_literals_skip_optional_parts_and_take_the_most_telling_run():
    # "e-?mail": the run after the optional dash tells more than "e"
    assert needed_literals(r"\b(?:tel|e-?mail)\s*:") == ("mail", "tel")
    assert needed_literals(r"(?:\bnew\b\s*)?\byou can now listen to\b") == ("you can now listen to",)
    assert needed_literals(r"^\s*(?:lee también|ver más)\s*:.*$") == ("lee también", "ver más")


def test_no_literals_when_an_alternative_has_none():
    assert needed_literals(r"\b(?:\d+ min|hace)\b") == (" min", "hace")  # the run after the digits
    assert needed_literals(r"\b(?:\d+|hace)\b") is None
    assert needed_literals(r"[^\W\d_]+") is None


def test_literals_outside_the_latin_letters_give_no_shortcut():
    assert needed_literals(r"\bνέα\b") is None
    assert needed_literals(r"\b5 µg\b") is None


@pytest.mark.parametrize("language", ["en", "es", None])
def test_cut_cues_same_as_a_search_of_every_pattern(language):
    data = load(language)
    lines = [
        "Follow us on FACEBOOK and İnstagram for more stories.",
        "ſhare this article: Twitter, WhatsApp, e-mail",
        "COPYRIGHT © 2020 The Daily Courier. All Rights Reserved.",
        "Sİgn up for our newsletter to get the latest news.",
        "Síguenos en Twitter y comparte esta noticia en WhatsApp.",
        "Lee también: La policía detuvo a dos hombres en Monterrey",
        "Hace 3 horas · Tiempo de lectura: 4 min",
        "Todos los derechos reservados. Queda prohibida la reproducción total o parcial.",
        "El alcalde dijo que la obra estará lista en marzo, según un comunicado del ayuntamiento.",
        "The mayor said on Tuesday the bridge would reopen in March after repairs.",
        "Teléfono: (55) 1234 5678 · Correo: redaccion@example.com",
        "Tıme to read: 5 minutes",
    ]
    for line in lines:
        every = [(m.start(), m.end(), cue.name, cue.fragment)
                 for cue in data.cues for m in cue.pattern.finditer(line) if m.end() > m.start()]
        assert all(cue.may_match(folded(line)) for cue in data.cues if cue.pattern.search(line))
        cuts, _ = _cut_cues(line, data)
        chosen = []
        for span in sorted(every, key=lambda s: (s[0], s[0] - s[1])):
            if not chosen or span[0] >= chosen[-1][1]:
                chosen.append(span)
        assert cuts == chosen, line


@pytest.mark.parametrize("language", ["en", "es", None])
def test_literals_in_are_the_cue_literals_the_text_holds(language):
    data = load(language)
    lines = ["Lee también: más de 40 detenidos", "ver más noticias relacionadas", "Follow us on Twitter",
             "Sign up for our newsletter", "El fiscal habló ayer en Quito.", "", "©", "compartir en facebook"]
    for line in lines:
        low = folded(line)
        assert data.literals_in(low) == {lit for cue in data.cues for lit in cue.needs or () if lit in low}
