"""Which of two articles was published first, at the precision both publication times have.

Publication times are ISO 8601 strings at their precision: "2026", "2026-02", "2026-02-23",
"2026-02-23T10", "2026-02-23T10:14", "2026-02-23T10:14:07" (fractions allowed), with an
offset ("Z", "+00:00", "-05:00") or without one (local time of an unknown zone). The precision
is read from the string (`precision`).

`compare(a, b)` orders two of them only where the evidence allows:
- the common precision is the coarser of the two;
- at day precision or coarser the calendar values are compared as written (an outlet's
  date is its own calendar day): "2026-02-23" < "2026-02-24", while "2026-02-23" and
  "2026-02-23T10:14-05:00" are the same day and stay undecided (0);
- when both carry a time of day, each is an interval of instants: its unit at its precision
  (10:14 is [10:14, 10:15)), in UTC through its offset; a time without an offset could be in any
  zone (-12:00 to +14:00), which widens it. Two intervals that do not overlap are ordered;
  overlapping ones fall back on their calendar days as written (so a time is never less
  informative than its date), and the same day is undecided.
A missing or unreadable value gives None: time says nothing about the pair.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from datetime import datetime, timedelta, timezone

PRECISIONS = ("year", "month", "day", "hour", "minute", "second")
_RANK = {p: i for i, p in enumerate(PRECISIONS)}
_ISO = re.compile(
    r"^\s*(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2})"
    r"(?:[T ](?P<H>\d{2})(?::(?P<M>\d{2})(?::(?P<S>\d{2})(?:[.,](?P<f>\d+))?)?)?"
    r"\s*(?P<tz>Z|[+-]\d{2}(?::?\d{2})?)?)?)?)?\s*$", re.IGNORECASE)
_UNIT = {"hour": timedelta(hours=1), "minute": timedelta(minutes=1), "second": timedelta(seconds=1)}
_WEST, _EAST = timedelta(hours=12), timedelta(hours=14)  # the widest offsets in use


@dataclass(frozen=True, slots=True)
class Instant:
    """A publication time as written: its calendar fields, precision and offset (None: unknown)."""

    text: str
    precision: str
    year: int
    month: int = 1
    day: int = 1
    hour: int = 0
    minute: int = 0
    second: int = 0
    offset: timedelta | None = None

    def calendar(self, precision: str) -> tuple[int, ...]:
        """The calendar fields as written, down to `precision` (day at most)."""
        fields = (self.year, self.month, self.day)
        return fields[:min(_RANK[precision], _RANK["day"]) + 1]

    def interval(self) -> tuple[datetime, datetime]:
        """The UTC instants it may stand for: [start, end). Only for times of day."""
        local = datetime(self.year, self.month, self.day, self.hour, self.minute, self.second)
        start, end = local, local + _UNIT[self.precision]
        if self.offset is None:
            return start - _EAST, end + _WEST
        return start - self.offset, end - self.offset


def _offset(tz: str | None) -> timedelta | None:
    if not tz:
        return None
    if tz.upper() == "Z":
        return timedelta(0)
    sign = -1 if tz[0] == "-" else 1
    digits = tz[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:4] or 0)
    return sign * timedelta(hours=hours, minutes=minutes)


@lru_cache(maxsize=65536)  # a cluster's pairs ask for the same few times again and again
def parse(value: str | None) -> Instant | None:
    """An `Instant` from an ISO 8601 string at any precision, or None when it is not one."""
    if not value:
        return None
    m = _ISO.match(value)
    if not m:
        return None
    g = m.groupdict()
    precision = next(p for p, key in zip(reversed(PRECISIONS), "SMHdmy") if g[key] is not None)
    try:
        inst = Instant(value.strip(), precision, int(g["y"]), int(g["m"] or 1), int(g["d"] or 1),
                       int(g["H"] or 0), int(g["M"] or 0), int(g["S"] or 0), _offset(g["tz"]))
        datetime(inst.year, inst.month, inst.day, inst.hour, inst.minute, inst.second,
                 tzinfo=timezone(inst.offset) if inst.offset is not None else None)
    except ValueError:  # month 13, hour 25, an offset past a day
        return None
    return inst


def precision(value: str | None) -> str | None:
    """The precision a publication time is written at ("year" ... "second"), None if unreadable."""
    inst = parse(value)
    return inst.precision if inst else None


@dataclass(frozen=True, slots=True)
class Order:
    """The outcome of a comparison: `first` is -1 (a first), 1 (b first), 0 (undecided at
    `precision`) or None (a time is missing or unreadable)."""

    first: int | None
    precision: str | None

    @property
    def decided(self) -> bool:
        return self.first in (-1, 1)


def compare(a: str | None, b: str | None) -> Order:
    """Which of two publication times is earlier, at the precision both have (see the module)."""
    ia, ib = parse(a), parse(b)
    if ia is None or ib is None:
        return Order(None, None)
    common = min(ia.precision, ib.precision, key=_RANK.__getitem__)
    if _RANK[common] > _RANK["day"]:  # both carry a time of day
        (a0, a1), (b0, b1) = ia.interval(), ib.interval()
        if a1 <= b0:
            return Order(-1, common)
        if b1 <= a0:
            return Order(1, common)
        common = "day"
    ca, cb = ia.calendar(common), ib.calendar(common)
    if ca != cb:
        return Order(-1 if ca < cb else 1, common)
    return Order(0, common)


def earlier(a: str | None, b: str | None) -> int | None:
    """-1 when `a` is earlier, 1 when `b` is, 0 when undecided, None when a time is missing."""
    return compare(a, b).first
