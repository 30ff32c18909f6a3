"""Publication times compared at the precision both have, offsets respected."""

from __future__ import annotations

import pytest

from fuentes.corpus.publication_order import compare, earlier, parse, precision


@pytest.mark.parametrize("value, expected", [
    ("2026", "year"), ("2026-02", "month"), ("2026-02-23", "day"), ("2026-02-23T10", "hour"),
    ("2026-02-23T10:14-05:00", "minute"), ("2026-02-23T10:14:07+00:00", "second"),
    ("2026-02-23T10:14:07.250Z", "second"), ("2026-02-23 10:14", "minute"),
])
def test_precision_is_read_from_the_string(value, expected):
    assert precision(value) == expected


@pytest.mark.parametrize("value", [None, "", "yesterday", "2026-13-01", "2026-02-30", "2026-02-23T25:00",
                                   "hace 3 horas"])
def test_unreadable_values_say_nothing(value):
    assert parse(value) is None
    assert compare(value, "2026-02-23").first is None


def test_same_day_pair_is_ordered_by_the_hour():
    order = compare("2026-02-23T13:40-05:00", "2026-02-23T10:14-05:00")
    assert (order.first, order.precision) == (1, "minute")
    assert earlier("2026-02-23T10:14-05:00", "2026-02-23T13:40-05:00") == -1


def test_offsets_are_respected():
    # 10:14 in Mexico City (-06:00) is 16:14 UTC: after 15:00 UTC, though its clock reads earlier
    assert earlier("2026-02-23T10:14-06:00", "2026-02-23T15:00+00:00") == 1
    assert earlier("2026-02-23T10:14-06:00", "2026-02-23T16:30Z") == -1


def test_same_day_at_day_precision_is_undecided():
    order = compare("2026-02-23", "2026-02-23T10:14-05:00")
    assert (order.first, order.precision) == (0, "day")
    assert not order.decided
    assert earlier("2026-02-23", "2026-02-23") == 0


def test_days_and_months_ordered_as_written():
    assert earlier("2026-02-23", "2026-02-24T01:00+09:00") == -1
    assert earlier("2026-03", "2026-02-27") == 1
    assert earlier("2026-02", "2026-02-27T10:00Z") == 0  # same month: the coarser value decides nothing
    assert earlier("2025", "2026-01-01") == -1


def test_common_precision_is_the_coarser():
    # 10:14 (a minute) and 10:14:30 (inside that minute) cannot be ordered
    assert earlier("2026-02-23T10:14Z", "2026-02-23T10:14:30Z") == 0
    assert earlier("2026-02-23T10:14Z", "2026-02-23T10:15:30Z") == -1
    assert earlier("2026-02-23T10Z", "2026-02-23T10:45Z") == 0


def test_a_time_without_offset_is_ordered_only_beyond_any_zone():
    # a clock time of unknown zone may be 26 hours wide in UTC: hours apart on one day stay undecided
    assert earlier("2026-02-23T08:00", "2026-02-23T20:00Z") == 0
    assert earlier("2026-02-23T08:00", "2026-02-25T20:00Z") == -1
