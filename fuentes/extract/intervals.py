"""Whether a span overlaps any of many spans, without looking at each of them.

`Intervals(pairs).overlaps(start, end)` answers what `any(s < end and start < e for s, e in
pairs)` answers: the spans are sorted by start once, with the furthest end reached among the
first k of them, so a question is one bisection (the spans starting before `end`) and one
comparison (does the furthest of their ends pass `start`).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable


class Intervals:
    """Half-open spans (start, end), asked whether a span overlaps one of them."""

    __slots__ = ("_starts", "_reach")

    def __init__(self, pairs: Iterable[tuple[int, int]]):
        ordered = sorted(pairs)
        self._starts = [s for s, _ in ordered]
        reach, furthest = [], None
        for _, e in ordered:
            furthest = e if furthest is None or e > furthest else furthest
            reach.append(furthest)
        self._reach = reach  # the furthest end among the first k + 1 spans

    def overlaps(self, start: int, end: int) -> bool:
        """Some span (s, e) has s < end and start < e."""
        k = bisect_left(self._starts, end)  # the spans starting before `end`
        return k > 0 and self._reach[k - 1] > start
