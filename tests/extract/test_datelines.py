"""Datelines opening a sentence: where they end, and sentences without one."""

from __future__ import annotations

import pytest

from fuentes.extract.datelines import dateline_end


@pytest.mark.parametrize("body, opening", [
    ("DALLAS (AP) — Police arrested two men.", "DALLAS (AP) — "),
    ("NEW YORK, Dec. 14 (UPI) -- The mayor spoke.", "NEW YORK, Dec. 14 (UPI) -- "),
    ("MADRID, 14 dic. (EFE).- La policía detuvo a dos hombres.", "MADRID, 14 dic. (EFE).- "),
    ("(Diario del Puerto) – Un sospechoso fue arrestado.", "(Diario del Puerto) – "),
    ("  CULIACÁN - Soldados detuvieron a tres hombres.", "  CULIACÁN - "),
])
def test_a_dateline_ends_after_its_dash(body, opening):
    assert dateline_end(body, 0, len(body)) == len(opening)


@pytest.mark.parametrize("body", [
    "Police arrested two men in Dallas on Monday.",
    "La policía detuvo a dos hombres - dijo el fiscal.",
    "The U.S. — and Mexico — signed the deal.",
])
def test_a_sentence_without_a_dateline_starts_where_it_starts(body):
    assert dateline_end(body, 0, len(body)) == 0


def test_only_the_sentence_given_is_read():
    body = "He spoke. DALLAS (AP) — Police arrested two men."
    assert dateline_end(body, 0, 9) == 0
    assert dateline_end(body, 9, len(body)) == body.index("Police")
