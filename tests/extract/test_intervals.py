"""Intervals: whether a span overlaps one of many, the same answer as a look at each of them."""

from __future__ import annotations

import random

from fuentes.extract.intervals import Intervals


def test_overlaps_answers_as_any_over_the_spans():
    rng = random.Random(7)
    for _ in range(300):
        pairs = []
        for _ in range(rng.randrange(0, 12)):
            s = rng.randrange(0, 60)
            pairs.append((s, s + rng.randrange(0, 15)))  # empty spans too
        table = Intervals(pairs)
        for _ in range(40):
            start = rng.randrange(-5, 80)
            end = start + rng.randrange(0, 12)
            assert table.overlaps(start, end) == any(s < end and start < e for s, e in pairs), (pairs, start, end)


def test_spans_that_only_touch_do_not_overlap():
    table = Intervals([(10, 20), (30, 35)])
    assert not table.overlaps(20, 30) and not table.overlaps(0, 10) and not table.overlaps(35, 40)
    assert table.overlaps(19, 21) and table.overlaps(0, 11) and table.overlaps(34, 99)
    assert not Intervals([]).overlaps(0, 100)


def test_a_long_early_span_covers_later_starts():
    table = Intervals([(0, 100), (10, 12), (50, 52)])  # the furthest end is the first span's
    assert table.overlaps(60, 70) and not table.overlaps(100, 120)
