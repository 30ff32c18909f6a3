"""Datelines: where a story was filed and who sent it, opening a paragraph's first sentence.

A place in capitals (a date, an agency in brackets) and a dash ("DALLAS (AP) — ", "NEW YORK,
Dec. 14 (UPI) -- ", "MADRID, 14 dic. (EFE).- "), or an agency or outlet in brackets alone before
the dash ("(EFE).- ", "(Big League Politics) – "). The words of a dateline are never the subject
of a claim nor a participant of an event the sentence tells.
"""

from __future__ import annotations

import re

DATELINE = re.compile(r"(?:[A-ZÁÉÍÓÚÑ][A-ZÁÉÍÓÚÑ .'-]{2,40}"
                      r"(?:,[ \w.]{1,20})?(?: ?\([\w .]{1,20}\))?|\([\w .]{1,20}\))[ ]?(?:—|–|--|-(?= )|\.-)[ ]*")

LONGEST = 80  # characters of a sentence's opening read for a dateline


def dateline_end(body: str, start: int, end: int) -> int:
    """Where the dateline opening the sentence `body[start:end]` ends (its leading spaces
    skipped), or `start` when the sentence opens with none."""
    text = body[start:end]
    first = start + len(text) - len(text.lstrip())
    found = DATELINE.match(body, first, min(end, first + LONGEST))
    return found.end() if found else start
