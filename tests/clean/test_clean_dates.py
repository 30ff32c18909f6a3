"""Publication times kept at their precision, with their offset and where they came from."""

from __future__ import annotations

import time
from datetime import date, datetime, timezone

import pytest

from fuentes.clean.dates import (
    Instant,
    agrees,
    choose,
    fallback,
    iso_date,
    localize,
    parse_instant,
    precision_of,
    published_date,
    settle,
    zone_named,
)


@pytest.mark.parametrize("value, iso, precision", [
    ("2026", "2026", "year"),
    ("2026-02", "2026-02", "month"),
    ("2026-02-23", "2026-02-23", "day"),
    ("2026-02-23T10", "2026-02-23T10", "hour"),
    ("2026-02-23T10:14-05:00", "2026-02-23T10:14-05:00", "minute"),
    ("2026-02-23T10:14:07Z", "2026-02-23T10:14:07+00:00", "second"),
    ("2026-02-23T10:14:07.250+0530", "2026-02-23T10:14:07+05:30", "second"),  # fraction dropped, offset kept
    ("2026-02-23 23:50:00-06:00", "2026-02-23T23:50:00-06:00", "second"),  # local time, not converted to UTC
    ("2026-02-23T10:14:07", "2026-02-23T10:14:07", "second"),  # naive stays naive
    ("Mon, 23 Feb 2026 10:14:07 -0500", "2026-02-23T10:14:07-05:00", "second"),  # RFC 822 (feeds, HTTP)
    ("Mon, 23 Feb 2026 10:14 GMT", "2026-02-23T10:14+00:00", "minute"),
    ("Mon, 23 Feb 2026 10:14:07 -0000", "2026-02-23T10:14:07", "second"),  # -0000: zone unknown
    ("March 9, 2026", "2026-03-09", "day"),
    ("9 de marzo de 2026", "2026-03-09", "day"),
    ("9 de marzo de 2026, 10:14", "2026-03-09T10:14", "minute"),
    ("Feb. 23, 2026, 10:14 a.m.", "2026-02-23T10:14", "minute"),
    # free text is not read as RFC 822 (email.utils would make 3:05 PM into 03:05)
    ("March 9, 2026 3:05 PM EST", "2026-03-09T15:05-05:00", "minute"),
    ("9 de marzo de 2026, 22:05 CET", "2026-03-09T22:05+01:00", "minute"),
])
def test_parse_instant_keeps_the_precision_and_offset(value, iso, precision):
    found = parse_instant(value, "test")
    assert found == Instant(iso, precision, "test")
    assert precision_of(found.iso) == precision


@pytest.mark.parametrize("value", ["", None, "not a date at all", "2026-02-30", "2026-13"])
def test_unreadable_values_are_none(value):
    assert parse_instant(value) is None
    assert iso_date(value) is None


def test_datetime_date_and_feedparser_struct():
    assert parse_instant(datetime(2026, 2, 23, 10, 14, 7, tzinfo=timezone.utc)).iso == "2026-02-23T10:14:07+00:00"
    assert parse_instant(date(2026, 2, 23)) == Instant("2026-02-23", "day")
    assert parse_instant(time.strptime("2026-02-23 15:14:07", "%Y-%m-%d %H:%M:%S")).iso == "2026-02-23T15:14:07+00:00"


@pytest.mark.parametrize("value, day", [
    ("2026-02-23T23:50:00-06:00", date(2026, 2, 23)),  # the outlet's day, not UTC's (24th)
    ("2026-02-23T10", date(2026, 2, 23)),
    ("2026-02-23", date(2026, 2, 23)),
    ("2026-02", None),
    ("2026", None),
    (None, None),
])
def test_published_date_is_the_local_calendar_day(value, day):
    assert published_date(value) == day
    if day:
        assert iso_date(value) == day.isoformat()


def test_zone_names_give_the_offset_of_that_day():
    assert localize(datetime(2026, 2, 23, 15, 5), zone_named("ET")).isoformat() == "2026-02-23T15:05:00-05:00"
    assert localize(datetime(2026, 7, 23, 15, 5), zone_named("ET")).isoformat() == "2026-07-23T15:05:00-04:00"
    assert localize(datetime(2026, 2, 23, 10, 14), zone_named("hora del centro")).isoformat() == \
        "2026-02-23T10:14:00-06:00"
    assert localize(datetime(2026, 7, 23, 10, 14), zone_named("CEST")).isoformat() == "2026-07-23T10:14:00+02:00"
    assert zone_named("et") is None  # abbreviations only as written: not the word "et"
    assert zone_named("hora local") is None


def test_a_later_candidate_refines_only_when_it_agrees():
    day = parse_instant("2026-02-23", "jsonl published")
    minute = parse_instant("2026-02-23T23:30-06:00", "meta article:published_time")
    other_day = parse_instant("2026-02-24T05:30+00:00", "json-ld datePublished")
    assert choose([day, minute]) == minute
    assert choose([day, other_day]) == day  # another calendar day as written: not a refinement
    assert agrees(parse_instant("2026-02-23T23-06:00"), parse_instant("2026-02-24T05:30+00:00"))  # same hour
    assert choose([minute, parse_instant("2026-02-23T23:30:09-06:00", "x")]).precision == "second"
    assert choose([None, None]) is None


def test_fallbacks_only_when_nothing_else():
    warc = fallback("2026-02-24T01:00:00Z", "warc-date")
    assert warc.source == "warc-date (fallback)" and warc.fallback
    assert choose([warc, parse_instant("2026-02-23", "text 'Feb. 23, 2026'")]).source == "text 'Feb. 23, 2026'"
    assert choose([None, warc]) == warc
    # a fallback never refines a real date, even one it agrees with
    assert choose([parse_instant("2026-02-24", "jsonl published"), warc]).iso == "2026-02-24"


def test_settle_text_lines_and_fallbacks():
    hints = {"warc_date": "2026-02-24T01:00:00Z", "last_modified": "Mon, 23 Feb 2026 18:00:00 GMT"}
    # nothing but the containers: Last-Modified first, marked as a fallback
    got = settle({}, {}, hints)
    assert got == {"published": "2026-02-23T18:00:00+00:00", "published_precision": "second",
                   "published_source": "http last-modified (fallback)", "modified": None}
    assert settle({}, {}, {"warc_date": "2026-02-24T01:00:00Z"})["published_source"] == "warc-date (fallback)"
    # an 'Updated' line dates the page when nothing else does, and is its modification time
    updated = Instant("2026-02-23T15:05-05:00", "minute", "text 'Updated 3:05 p.m. ET'")
    got = settle({}, {"modified": updated}, hints)
    assert got["published"] == "2026-02-23T15:05-05:00" and got["published_source"] == updated.source
    assert got["modified"] == "2026-02-23T15:05-05:00"
    # ...but never refines a publication time it agrees with
    meta = {"published": "2026-02-23", "published_source": "jsonl published"}
    got = settle(meta, {"modified": updated}, hints)
    assert (got["published"], got["published_source"], got["modified"]) == (
        "2026-02-23", "jsonl published", "2026-02-23T15:05-05:00")
    # a publication line refines it
    line = Instant("2026-02-23T10:14", "minute", "text 'Feb. 23, 2026, 10:14 a.m.'")
    got = settle(meta, {"published": line}, hints)
    assert (got["published"], got["published_precision"], got["published_source"]) == (
        "2026-02-23T10:14", "minute", line.source)
