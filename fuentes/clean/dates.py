"""Publication times as ISO 8601 strings at their precision, whatever form they come in.

An article's publication time is kept as precisely as its source states it, and no more:
"2026", "2026-02", "2026-02-23", "2026-02-23T10", "2026-02-23T10:14-05:00",
"2026-02-23T10:14:07+00:00". The local time and its offset are kept as written (never converted
to UTC: the calendar day is the outlet's); a time without an offset stays naive. `Instant`
carries the string, its precision and where it came from ("meta article:published_time",
"feed published", "text 'Updated 3:05 p.m. ET'", "warc-date (fallback)"...).

Containers and pages give times as ISO datetimes with offsets, RFC 822 strings (feeds, HTTP)
or free text; time-zone abbreviations ("ET", "CST", "hora del centro") are data
(`data/times/zones.yaml`), resolved to the offset in force on that day.

`choose` picks one time among candidates listed in order of trust: the first that is not a
fallback, made more precise by a later candidate that agrees with it (a feed's day and the
page's minute of that day); a fallback (a crawl's WARC-Date, an HTTP Last-Modified) only when
nothing else says when the article was published.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone, tzinfo
from email.utils import parsedate_to_datetime
from functools import lru_cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from fuentes.nlp.data_files import load_yaml


PRECISIONS = ("year", "month", "day", "hour", "minute", "second")
RANK = {name: i for i, name in enumerate(PRECISIONS)}
FALLBACK = "(fallback)"
ZONES_FILE = Path(__file__).with_name("data") / "times" / "zones.yaml"

_ISO = re.compile(
    r"^(?P<y>\d{4})(?:-(?P<mo>\d{2})(?:-(?P<d>\d{2})"
    r"(?:[T ](?P<h>\d{2})(?::?(?P<mi>\d{2})(?::?(?P<s>\d{2})(?:[.,]\d+)?)?)?"
    r"\s*(?P<tz>Z|[+-]\d{2}(?::?\d{2})?)?)?)?)?$", re.IGNORECASE)
_RFC_SECONDS = re.compile(r"\d{1,2}:\d{2}:\d{2}")
_RFC822 = re.compile(r"^(?:[A-Za-z]{3},?\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s+\d{1,2}:\d{2}(?::\d{2})?"
                     r"(?:\s+(?:[+-]\d{4}|[A-Za-z]{1,5}))?$")
_CLOCK = re.compile(r"\d{1,2}[:.h]\d{2}|\d\s*[ap]\.?\s?m\b", re.IGNORECASE)
_OFFSET = re.compile(r"(?:Z|[+-]\d{2}:\d{2})$")


@dataclass(frozen=True, slots=True)
class Instant:
    """A time as an ISO 8601 string at its precision, and where it was read."""

    iso: str
    precision: str
    source: str = ""

    @property
    def fallback(self) -> bool:
        return self.source.endswith(FALLBACK)

    @property
    def aware(self) -> bool:
        """True when the string carries an offset."""
        return bool(_OFFSET.search(self.iso))

    def with_source(self, source: str) -> Instant:
        return Instant(self.iso, self.precision, source)


# --- formatting and reading ISO strings ------------------------------------------------------------

def _offset_text(tz: tzinfo | None, when: datetime) -> str:
    offset = tz.utcoffset(when) if tz is not None else None
    if offset is None:
        return ""
    minutes = int(offset.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def format_instant(when: datetime | date, precision: str) -> str:
    """`when` written at `precision`, with its offset when it has one and a time is written."""
    text = f"{when.year:04d}"
    if RANK[precision] >= RANK["month"]:
        text += f"-{when.month:02d}"
    if RANK[precision] >= RANK["day"]:
        text += f"-{when.day:02d}"
    if RANK[precision] >= RANK["hour"] and isinstance(when, datetime):
        text += f"T{when.hour:02d}"
        if RANK[precision] >= RANK["minute"]:
            text += f":{when.minute:02d}"
        if RANK[precision] >= RANK["second"]:
            text += f":{when.second:02d}"
        text += _offset_text(when.tzinfo, when)
    return text


def precision_of(value: str | None) -> str | None:
    """The precision an ISO string is written at ("2026-02" -> "month"), None when not ISO."""
    match = _ISO.match(value.strip()) if value else None
    if not match:
        return None
    for name, group in (("second", "s"), ("minute", "mi"), ("hour", "h"), ("day", "d"), ("month", "mo")):
        if match[group]:
            return name
    return "year"


def _from_iso(text: str) -> Instant | None:
    match = _ISO.match(text)
    if not match:
        return None
    precision = precision_of(text) or "year"
    try:
        when = datetime(int(match["y"]), int(match["mo"] or 1), int(match["d"] or 1), int(match["h"] or 0),
                        int(match["mi"] or 0), int(match["s"] or 0), tzinfo=_fixed(match["tz"]))
    except ValueError:
        return None
    return Instant(format_instant(when, precision), precision)


def _fixed(offset: str | None) -> tzinfo | None:
    """'Z', '+05', '+0530', '-05:00' -> a fixed offset."""
    if not offset:
        return None
    if offset.upper() == "Z":
        return timezone.utc
    digits = offset[1:].replace(":", "")
    minutes = int(digits[:2]) * 60 + int(digits[2:4] or 0)
    return timezone(timedelta(minutes=-minutes if offset[0] == "-" else minutes))


def to_datetime(value: str | Instant | None) -> datetime | None:
    """The first moment an ISO string at any precision stands for (naive when it has no offset)."""
    if isinstance(value, Instant):
        value = value.iso
    match = _ISO.match(value.strip()) if value else None
    if not match:
        return None
    try:
        return datetime(int(match["y"]), int(match["mo"] or 1), int(match["d"] or 1), int(match["h"] or 0),
                        int(match["mi"] or 0), int(match["s"] or 0), tzinfo=_fixed(match["tz"]))
    except ValueError:
        return None


# --- time zones ----------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def zone_table() -> dict[str, Any]:
    """The zone data: `abbreviations` (case as written: "ET", "CST") and `phrases` (any case:
    "hora del centro") -> an IANA zone name, a fixed offset ("-06:00") or None (local, unknown)."""
    raw = load_yaml(ZONES_FILE.read_text(encoding="utf-8")) or {}
    return {"abbreviations": dict(raw.get("abbreviations") or {}),
            "phrases": {k.casefold(): v for k, v in (raw.get("phrases") or {}).items()}}


def zone_named(name: str | None) -> tzinfo | None:
    """The zone an abbreviation or phrase names ("ET" -> America/New_York, "CEST" -> +02:00)."""
    if not name:
        return None
    table = zone_table()
    spec = table["abbreviations"].get(name.strip().upper() if name.strip().isupper() else name.strip())
    if spec is None:
        spec = table["phrases"].get(" ".join(name.split()).casefold())
    if not spec:
        return None
    if re.fullmatch(r"[+-]\d{2}:\d{2}|Z", spec):
        return _fixed(spec)
    try:
        return ZoneInfo(spec)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def localize(when: datetime, zone: tzinfo | None) -> datetime:
    """A naive wall-clock time placed in `zone` (its offset on that day); naive stays naive
    when the zone is unknown."""
    if zone is None or when.tzinfo is not None:
        return when
    placed = when.replace(tzinfo=zone)
    offset = placed.utcoffset()
    return placed.replace(tzinfo=timezone(offset)) if offset is not None else when


# --- any value -> Instant ----------------------------------------------------------------------------

def parse_instant(value: Any, source: str = "") -> Instant | None:
    """The time `value` states, at its precision, or None when it is not a recognisable time.

    Accepts ISO 8601 at any precision (offsets kept, "Z" written "+00:00", fractions of a second
    dropped), RFC 822 (feeds, HTTP; "-0000" means an unknown zone: naive), datetime, date,
    time.struct_time (feedparser, read as UTC) and free text ("March 9, 2026",
    "9 de marzo de 2026, 10:14").
    """
    found = _parse(value)
    return found.with_source(source) if found else None


def _parse(value: Any) -> Instant | None:
    if value is None:
        return None
    if isinstance(value, Instant):
        return value
    if isinstance(value, time.struct_time):
        value = datetime(*value[:6], tzinfo=timezone.utc)
    if isinstance(value, datetime):
        precision = "second" if value.second or value.microsecond else "minute"
        return Instant(format_instant(value, precision), precision)
    if isinstance(value, date):
        return Instant(value.isoformat(), "day")
    text = " ".join(str(value).split())
    if not text:
        return None
    found = _from_iso(text)
    if found:
        return found
    when = None
    if _RFC822.match(text):  # email.utils reads much that is not RFC 822, and reads it wrong
        try:
            when = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            when = None
    if when is not None:
        precision = "second" if _RFC_SECONDS.search(text) else "minute"
        return Instant(format_instant(when, precision), precision)
    return _free_text(text)


@lru_cache(maxsize=1)
def _date_parser():
    import dateparser.date  # slow to import; only free-text dates need it

    return dateparser.date.DateDataParser(settings={
        "PREFER_DAY_OF_MONTH": "first", "STRICT_PARSING": True, "RETURN_TIME_AS_PERIOD": True})


def _free_text(text: str) -> Instant | None:
    try:
        data = _date_parser().get_date_data(text)
    except (ValueError, OverflowError):
        return None
    when = data.date_obj if data else None
    if when is None:
        return None
    precision = "day"
    if data.period == "time" and _CLOCK.search(text):
        precision = "second" if _RFC_SECONDS.search(text) else "minute"
    return Instant(format_instant(when, precision), precision)


# --- dates from instants -----------------------------------------------------------------------------

def iso_date(value: Any) -> str | None:
    """The ISO calendar date (possibly partial: "2026-02", "2026") of `value`, local to its offset."""
    found = _parse(value)
    if found is None:
        return None
    return found.iso[:10] if RANK[found.precision] >= RANK["day"] else found.iso


def published_date(value: Any) -> date | None:
    """The local calendar date of a publication time, or None when it names no day ("2026-02")."""
    iso = iso_date(value)
    if not iso or len(iso) < 10:
        return None
    try:
        return date.fromisoformat(iso)
    except ValueError:
        return None


# --- choosing among candidates -------------------------------------------------------------------------

def agrees(coarse: Instant, fine: Instant) -> bool:
    """True when `fine` lies within what `coarse` says (same day, same hour...), compared in
    `coarse`'s offset when both have one, else as written (local wall-clock time)."""
    if coarse.aware and fine.aware:
        when, base = to_datetime(fine), to_datetime(coarse)
        if when is None or base is None:
            return False
        return format_instant(when.astimezone(base.tzinfo), coarse.precision) == coarse.iso
    local = _OFFSET.sub("", fine.iso)
    mine = _OFFSET.sub("", coarse.iso)
    return local.startswith(mine)


def choose(candidates: Iterable[Instant | None]) -> Instant | None:
    """The publication (or modification) time among `candidates`, most trusted first.

    The first that is not a fallback wins; a later, more precise one that agrees with it
    refines it (its source is then the refining one's). A fallback only when nothing else.
    """
    found = [c for c in candidates if c is not None]
    real = [c for c in found if not c.fallback]
    if not real:
        return found[0] if found else None
    best = real[0]
    for other in real[1:]:
        if RANK[other.precision] > RANK[best.precision] and agrees(best, other):
            best = other
    return best


def instant_fields(found: Instant | None, modified: Instant | None = None) -> dict[str, str | None]:
    """The metadata fields of a publication time and a modification time."""
    return {"published": found.iso if found else None,
            "published_precision": found.precision if found else None,
            "published_source": found.source if found else None,
            "modified": modified.iso if modified else None}


def stored_instant(meta: dict[str, Any], key: str = "published") -> Instant | None:
    """The Instant a metadata dict holds (`published` with its precision and source)."""
    value = meta.get(key)
    if not value:
        return None
    found = _parse(value)
    if found is None:
        return None
    return found.with_source(meta.get(f"{key}_source") or "")


def fallback(value: Any, what: str) -> Instant | None:
    """A time read from a container that says when a page was saved or changed, not published."""
    return parse_instant(value, f"{what} {FALLBACK}")


def settle(meta: dict[str, Any], text_times: dict[str, Instant], hints: dict[str, Any]) -> dict[str, str | None]:
    """The publication and modification time of an article, from what the container and the page
    said (`meta`), what its text lines say (`text_times`: "published", "modified") and, as a
    marked fallback, when the page was last changed or saved (`hints`: "last_modified", the HTTP
    header; "warc_date", the crawl's WARC-Date).

    A text line refines the metadata's time when it agrees with it; a modification line
    ("Updated 3:05 p.m. ET") stands for the publication only when nothing else dates the page.
    """
    known, from_text = stored_instant(meta), text_times.get("published")
    if known is not None and not known.source:  # copied from the text lines, or a bare input value
        known = from_text if from_text is not None and from_text.iso == known.iso else \
            known.with_source("input published")
    published = choose([known, from_text])
    if published is None or published.fallback:
        published = choose([published, text_times.get("modified"),
                            fallback(hints.get("last_modified"), "http last-modified"),
                            fallback(hints.get("warc_date"), "warc-date")])
    modified = choose([stored_instant(meta, "modified"), text_times.get("modified")])
    return instant_fields(published, modified)
