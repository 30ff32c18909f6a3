"""Shared by the claims-stage tests: hand-built entity mentions of a fictional body."""

from __future__ import annotations

from fuentes.model import Mention


def mentions(body: str, *names: tuple[str, str, str]) -> list[Mention]:
    """Every occurrence in `body` of each (surface, label, local entity key), in text order."""
    out = []
    for text, label, key in names:
        start = body.find(text)
        while start >= 0:
            out.append(Mention(start, start + len(text), text, label, key))
            start = body.find(text, start + 1)
    return sorted(out, key=lambda m: m.start)
