"""Date expressions in English and Spanish news, found and resolved against an anchor date.

`find_dates(text, language, anchor)` returns every date expression of the text as a
`DateExpr` (char span, kind, resolved `DateValue`). The anchor is the publication date;
relative expressions ("Sunday", "last year", "el domingo") need it and stay unresolved
(`value is None`, `needs_anchor`) without one, so a later step can resolve them once an
anchor is known (see `resolve_text`).

Rules (news conventions):
  - a bare weekday is the most recent such day on or before the anchor; "last Monday" is
    strictly before it, "next Monday" strictly after;
  - a month without a year ("In January") is the most recent such month not after the
    anchor's month; a day and month without a year take the nearest such date;
  - precision is kept: "in 2012" is "2012", "In June 2020" is "2020-06", a weekend or a week
    is a range whose ISO value is only what both ends share ("2026-02"), never a made-up day;
  - offsets ("one day after", "weeks after", "dos días después") are returned as `offset`
    expressions: they date an event relative to another date, which the events stage applies.
Vocabulary (weekdays, months, number words, relative phrases) lives in data/dates_<lang>.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterator

from fuentes.extract.word_starts import FIRST_WORD, folded, matches_at, word_starts
from fuentes.nlp.data_files import load_yaml

DATA = Path(__file__).parent / "data"
UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365, "decade": 3650}


@dataclass(frozen=True, slots=True)
class DateValue:
    """A resolved date: ISO value (possibly partial), precision and the range it covers."""

    value: str | None  # "2026-02-22", "2026-02", "2026"; None when the range has no common prefix
    precision: str  # day / month / year / week / weekend / range
    earliest: date
    latest: date
    approximate: bool = False


@dataclass(slots=True)
class DateExpr:
    """One date expression of a text."""

    start: int
    end: int
    text: str
    kind: str  # absolute / relative / offset
    resolved: DateValue | None = None
    offset: tuple[int | None, str, int] | None = None  # (count or None if vague, unit, +1 after / -1 before)

    @property
    def needs_anchor(self) -> bool:
        return self.kind == "relative" and self.resolved is None


# -- values --------------------------------------------------------------------------------

def common_iso(earliest: date, latest: date) -> str | None:
    """The most precise ISO prefix both ends share: same day, month or year, else None."""
    if earliest == latest:
        return earliest.isoformat()
    if (earliest.year, earliest.month) == (latest.year, latest.month):
        return f"{earliest.year:04d}-{earliest.month:02d}"
    if earliest.year == latest.year:
        return f"{earliest.year:04d}"
    return None


def day(d: date, approximate: bool = False) -> DateValue:
    return DateValue(d.isoformat(), "day", d, d, approximate)


def month(year: int, mon: int) -> DateValue:
    first = date(year, mon, 1)
    last = (date(year + mon // 12, mon % 12 + 1, 1)) - timedelta(days=1)
    return DateValue(f"{year:04d}-{mon:02d}", "month", first, last)


def year_value(year: int) -> DateValue:
    return DateValue(f"{year:04d}", "year", date(year, 1, 1), date(year, 12, 31))


def span(earliest: date, latest: date, precision: str, approximate: bool = False) -> DateValue:
    return DateValue(common_iso(earliest, latest), precision, earliest, latest, approximate)


def add_months(year: int, mon: int, delta: int) -> tuple[int, int]:
    n = year * 12 + (mon - 1) + delta
    return n // 12, n % 12 + 1


def shift(value: DateValue, count: int | None, unit: str, sign: int) -> DateValue:
    """`value` moved by count units (sign -1 = earlier). A vague count ("weeks") gives an
    approximate range of 1 to 8 units; precision never gets finer than the input's."""
    if count is None:
        near, far = UNIT_DAYS[unit], 8 * UNIT_DAYS[unit]
        lo, hi = (value.earliest - timedelta(far), value.latest - timedelta(near)) if sign < 0 else (
            value.earliest + timedelta(near), value.latest + timedelta(far))
        return span(lo, hi, "range", True)
    if unit in ("month", "year", "decade") and value.precision in ("month", "year"):
        months = count * {"month": 1, "year": 12, "decade": 120}[unit] * sign
        y, m = add_months(value.earliest.year, value.earliest.month, months)
        return month(y, m) if value.precision == "month" else year_value(y)
    delta = timedelta(days=count * UNIT_DAYS[unit] * sign)
    if value.precision == "day" and unit in ("day", "week"):
        return day(value.earliest + delta, value.approximate)
    return span(value.earliest + delta, value.latest + delta, value.precision, True)


def weekday_on_or_before(anchor: date, weekday: int, strict: bool = False) -> date:
    back = (anchor.weekday() - weekday) % 7
    if strict and back == 0:
        back = 7
    return anchor - timedelta(days=back)


# -- vocabulary and patterns ----------------------------------------------------------------

@dataclass(frozen=True)
class Vocab:
    lang: str
    data: dict[str, Any]
    patterns: tuple[tuple[str, "re.Pattern[str]"], ...]
    # per pattern, where a match can start: (first words, whether a digit can start it), or
    # None when that cannot be told from the vocabulary (the pattern then scans the whole text)
    starts: tuple["Starts | None", ...] = ()
    needs: tuple[tuple[frozenset[str], ...], ...] = ()  # per pattern: word sets it needs one word of each

    def __getitem__(self, key: str) -> Any:
        return self.data.get(key) or {}


@dataclass(frozen=True, slots=True)
class Starts:
    words: frozenset[str]
    digit: bool


def _alt(words: Any) -> str:
    items = sorted({str(w) for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items) or "(?!x)x"


@lru_cache(maxsize=None)
def vocab(language: str | None) -> Vocab:
    lang = language if language in ("en", "es") else "en"
    data = load_yaml(DATA / f"dates_{lang}.yaml")
    W, M = _alt(data["weekdays"]), _alt(data["months"])
    N = r"\d{1,3}|" + _alt(list(data["numbers"]) + list(data.get("vague_numbers") or []))
    U, P = _alt(data["units"]), _alt(data["parts_of_day"])
    Y = r"(?:1[89]|20)\d{2}"
    PREP = _alt(data["date_prepositions"])
    conn = r"(?:\s+(?:de|del|of)\s+|,?\s+)"
    pats = [
        ("iso", rf"\b({Y})-(\d{{2}})-(\d{{2}})\b"),
        ("numeric", rf"\b(\d{{1,2}})/(\d{{1,2}})/({Y})\b"),
        ("dmy", rf"\b(\d{{1,2}})(?:st|nd|rd|th|º)?(?:\s+de|\s+of)?\s+({M})\.?{conn}({Y})\b"),
        ("mdy", rf"\b({M})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+({Y})\b"),
        ("year_range", rf"\b(?:{_alt(data['range_joiners']['start'])})\s+({Y})\s*(?:{_alt(data['range_joiners']['middle'])})\s*({Y})\b"),
        ("my", rf"\b({M})\.?{conn}({Y})\b"),
        ("m_relyear", rf"\b({M})\s+({_alt(data['relative_year_suffix'])})\b"),
        ("relyear_m", rf"\b({_alt(data.get('relative_year_prefix') or {})})\s+({M})\b"),
        ("dm", rf"\b(\d{{1,2}})(?:st|nd|rd|th|º)?\s+(?:de\s+|of\s+)?({M})\b\.?"),
        ("md", rf"\b({M})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?![,.]?\s*\d)"),
        ("month", rf"\b(?:{PREP})\s+(?:(?:early|late|mid)[\s-]+)?({M})\b(?!\s*\d)"),
        ("year", rf"\b(?:{PREP})\s+(?:(?:early|late|mid)[\s-]+)?({Y})\b(?![-/]\d)"),
        ("weekday", rf"\b(?:({_alt(data['weekday_prefix'])})\s+)?({W})\b(?:\s+({P}))?"),
        ("relday", rf"\b({_alt(data['relative_days'])})\b"),
        ("relperiod", rf"\b({_alt(data['relative_periods'])})\b"),
        ("ago", rf"\b(?:({N})\s+)?({U})\s+(?:{_alt(data.get('ago') or [])})\b"),
        ("hace", rf"\b(?:{_alt(data.get('ago_prefix') or [])})\s+(?:({N})\s+)?({U})\b"),
        ("offset", rf"\b(?:({N})\s+)?({U})\s+({_alt(list(data['after']) + list(data['before']))})\b"),
    ]
    compiled = tuple((name, re.compile(p, re.IGNORECASE)) for name, p in pats)
    # What each pattern starts with, and the words it cannot match without (a prefilter only:
    # every match of a pattern starts at a word its `starts` allow, so it is tried only there).
    months, weekdays, units, preps = (data["months"], data["weekdays"], data["units"],
                                      data["date_prepositions"])
    numbers = list(data["numbers"]) + list(data.get("vague_numbers") or [])
    shifted = list(data["after"]) + list(data["before"])
    begin = {
        "iso": ((), True), "numeric": ((), True), "dmy": ((), True), "mdy": ((months,), False),
        "year_range": ((data["range_joiners"]["start"],), False), "my": ((months,), False),
        "m_relyear": ((months,), False), "relyear_m": ((data.get("relative_year_prefix") or {},), False),
        "dm": ((), True), "md": ((months,), False), "month": ((preps,), False), "year": ((preps,), False),
        "weekday": ((data["weekday_prefix"], weekdays), False), "relday": ((data["relative_days"],), False),
        "relperiod": ((data["relative_periods"],), False), "ago": ((numbers, units), True),
        "hace": ((data.get("ago_prefix") or [],), False), "offset": ((numbers, units), True),
    }
    need = {
        "dmy": (months,), "mdy": (months,), "my": (months,), "m_relyear": (months, data["relative_year_suffix"]),
        "relyear_m": (months,), "dm": (months,), "month": (months,), "weekday": (weekdays,),
        "ago": (units, data.get("ago") or []), "hace": (units,), "offset": (units, shifted),
    }
    starts = tuple(_starts(*begin[name]) if name in begin else None for name, _ in pats)  # None: scan all
    needs = tuple(tuple(w for w in map(_first_words, need.get(name, ())) if w is not None) for name, _ in pats)
    return Vocab(lang, data, compiled, starts, needs)


def _first_words(words: Any) -> frozenset[str] | None:
    """The first word of every entry, lowered; None when an entry does not start with a word
    character (then no word tells where it can match)."""
    firsts = set()
    for entry in words:
        text = folded(str(entry))
        m = FIRST_WORD.match(text)
        if m is None:
            return None
        firsts.add(m.group(0))
    return frozenset(firsts)


def _starts(lists: tuple[Any, ...], digit: bool) -> Starts | None:
    words: set[str] = set()
    for entries in lists:
        firsts = _first_words(entries)
        if firsts is None:
            return None
        words |= firsts
    return Starts(frozenset(words), digit)


def _matches(pattern: "re.Pattern[str]", text: str, starts: Starts | None, needs: tuple[frozenset[str], ...],
             index: tuple[dict[str, list[int]], list[int]] | None) -> Iterator["re.Match[str]"]:
    """`pattern.finditer(text)`, tried only where a match can start. Every pattern begins with
    a word boundary and a word (or digit) of its `starts`, so a match found by scanning the
    whole text starts at one of those positions; the non-overlapping leftmost matches are the
    same."""
    if index is None or starts is None:
        yield from pattern.finditer(text)
        return
    words, digits = index
    if any(need.isdisjoint(words) for need in needs):
        return
    positions = [p for w in starts.words if w in words for p in words[w]]
    if starts.digit:
        positions += digits
    yield from matches_at(pattern, text, positions)


def _lookup(table: dict[str, Any], text: str) -> Any:
    key = re.sub(r"\s+", " ", folded(text.strip()).rstrip("."))  # as IGNORECASE matched it
    return table.get(key)


def _count(v: Vocab, text: str | None, unit_text: str = "") -> int | None:
    """The number of units: digits or a number word; None for a vague amount ("weeks after",
    "several days", "hace semanas"); 1 for a bare singular unit ("the day after")."""
    if not text:
        return None if unit_text.lower().endswith("s") else 1
    if text.isdigit():
        return int(text)
    return _lookup(v["numbers"], text)  # vague words give None


# -- handlers: (match, vocab, anchor) -> (kind, value or None, offset) or None to reject ------

def _named_ok(v: Vocab, word: str) -> bool:
    """English names are capitalised; an ambiguous month name ("may") must be."""
    if v.data.get("capitalised_names") and not word[:1].isupper():
        return False
    return not (word.lower() in v.data.get("ambiguous_months", []) and not word[:1].isupper()
                and v.data.get("capitalised_names"))


def _safe(build: Callable[[], DateValue]) -> DateValue | None:
    try:
        return build()
    except ValueError:  # 31 February and the like: not a date
        return None


def _absolute(name: str, g: tuple, v: Vocab, anchor: date | None):
    months = v["months"]
    if name == "iso":
        return _safe(lambda: day(date(int(g[0]), int(g[1]), int(g[2]))))
    if name == "numeric":
        a, b = int(g[0]), int(g[1])
        m, d = (a, b) if v.data.get("numeric_order") == "mdy" else (b, a)
        return _safe(lambda: day(date(int(g[2]), m, d)))
    if name == "dmy":
        return _named_ok(v, g[1]) and _safe(lambda: day(date(int(g[2]), _lookup(months, g[1]), int(g[0]))))
    if name == "mdy":
        return _named_ok(v, g[0]) and _safe(lambda: day(date(int(g[2]), _lookup(months, g[0]), int(g[1]))))
    if name == "my":
        return _named_ok(v, g[0]) and month(int(g[1]), _lookup(months, g[0]))
    if name == "year_range":
        lo, hi = sorted((int(g[0]), int(g[1])))
        return span(date(lo, 1, 1), date(hi, 12, 31), "range")
    if name == "year":
        return year_value(int(g[0]))
    return None


def _relative(name: str, g: tuple, v: Vocab, anchor: date) -> DateValue | None:
    months = v["months"]
    if name in ("m_relyear", "relyear_m"):
        mon_word, rel = (g[0], g[1]) if name == "m_relyear" else (g[1], g[0])
        table = v["relative_year_suffix"] if name == "m_relyear" else v["relative_year_prefix"]
        delta = _lookup(table, rel)
        if name == "relyear_m" and delta == -1:  # "last August": the latest August before this month
            y = anchor.year if _lookup(months, mon_word) < anchor.month else anchor.year - 1
            return month(y, _lookup(months, mon_word))
        return month(anchor.year + delta, _lookup(months, mon_word))
    if name in ("dm", "md"):
        d, mon_word = (g[0], g[1]) if name == "dm" else (g[1], g[0])
        m = _lookup(months, mon_word)
        cands = [c for y in (anchor.year - 1, anchor.year, anchor.year + 1)
                 if (c := _safe(lambda y=y: day(date(y, m, int(d))))) is not None]
        return min(cands, key=lambda c: (abs((c.earliest - anchor).days), c.earliest > anchor), default=None)
    if name == "month":
        m = _lookup(months, g[0])
        return month(anchor.year if m <= anchor.month else anchor.year - 1, m)
    if name == "weekday":
        prefix = (g[0] or "").lower()
        wd = _lookup(v["weekdays"], g[1])
        if prefix and _lookup({k: 1 for k in v.data.get("weekday_next") or []}, prefix):
            return day(weekday_on_or_before(anchor, wd) + timedelta(days=7))
        strict = bool(prefix) and bool(_lookup({k: 1 for k in v.data.get("weekday_last") or []}, prefix))
        return day(weekday_on_or_before(anchor, wd, strict))
    if name == "relday":
        return day(anchor + timedelta(days=_lookup(v["relative_days"], g[0])))
    if name == "relperiod":
        return _period(*_lookup(v["relative_periods"], g[0]), anchor)
    if name in ("ago", "hace"):
        count, unit = _count(v, g[0], g[1]), _lookup(v["units"], g[1])
        base = {"month": month(anchor.year, anchor.month), "year": year_value(anchor.year),
                "decade": year_value(anchor.year)}.get(unit, day(anchor))
        return shift(base, count, unit, -1)
    return None


def _period(unit: str, delta: int, anchor: date) -> DateValue:
    if unit == "year":
        return year_value(anchor.year + delta)
    if unit == "month":
        return month(*add_months(anchor.year, anchor.month, delta))
    if unit == "week":
        monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=delta)
        return span(monday, monday + timedelta(days=6), "week")
    if unit == "weekend":
        saturday = weekday_on_or_before(anchor, 5) + timedelta(weeks=delta)
        return span(saturday, saturday + timedelta(days=1), "weekend")
    return span(anchor - timedelta(days=365), anchor, "range", True)  # "the past year"


ABSOLUTE = {"iso", "numeric", "dmy", "mdy", "my", "year_range", "year"}
NAMED = {"m_relyear": 0, "relyear_m": 1, "dm": 1, "md": 0, "month": 0, "weekday": 1}


def _interpret(name: str, m: re.Match, v: Vocab, anchor: date | None) -> DateExpr | None:
    g = m.groups()
    if name in NAMED and not _named_ok(v, g[NAMED[name]]):
        return None
    if name in ABSOLUTE:
        value = _absolute(name, g, v, anchor)
        return DateExpr(m.start(), m.end(), m.group(0), "absolute", value) if value else None
    if name == "offset":
        unit = _lookup(v["units"], g[1])
        sign = 1 if _lookup({k: 1 for k in v["after"]}, g[2]) else -1
        return DateExpr(m.start(), m.end(), m.group(0), "offset", None, (_count(v, g[0], g[1]), unit, sign))
    value = _relative(name, g, v, anchor) if anchor else None
    return DateExpr(m.start(), m.end(), m.group(0), "relative", value)


def find_dates(text: str, language: str | None = "en", anchor: date | None = None) -> list[DateExpr]:
    """Every date expression of `text`, longest match first where two overlap, in text order."""
    v = vocab(language)
    found: list[DateExpr] = []
    index = word_starts(text)
    for (name, pattern), starts, needs in zip(v.patterns, v.starts, v.needs):
        for m in _matches(pattern, text, starts, needs, index):
            expr = _interpret(name, m, v, anchor)
            if expr is not None:
                found.append(expr)
    found.sort(key=lambda e: (-(e.end - e.start), e.start))
    taken: list[DateExpr] = []
    for expr in found:
        if all(expr.end <= t.start or expr.start >= t.end for t in taken):
            taken.append(expr)
    return sorted(taken, key=lambda e: e.start)


def resolve_text(expression: str, language: str | None, anchor: date | None) -> DateValue | None:
    """The value of one date expression (the longest found in it), or None."""
    exprs = find_dates(expression, language, anchor)
    if not exprs:
        return None
    return max(exprs, key=lambda e: e.end - e.start).resolved


def parse_iso(value: str | None) -> date | None:
    """The first day of an ISO (possibly partial) date, or None."""
    if not value:
        return None
    parts = value[:10].split("-")
    try:
        nums = [int(p) for p in parts] + [1] * (3 - len(parts))
        return date(nums[0], nums[1], nums[2])
    except (ValueError, IndexError):
        return None


def estimate_anchor(text: str, language: str | None, lower: date | None = None) -> date | None:
    """A publication date for an undated article: not before the latest full date its text
    states (nor `lower`, e.g. its story's earliest publication date), then the earliest day
    that reads its bare weekdays as one week (the smallest spread of resolved weekdays).
    None when neither the text nor `lower` gives a date."""
    exprs = find_dates(text, language, None)
    stated = [e.resolved.earliest for e in exprs
              if e.kind == "absolute" and e.resolved and e.resolved.precision == "day"]
    bounds = [d for d in (*stated, lower) if d is not None]
    if not bounds:
        return None
    low = max(bounds)
    v = vocab(language)
    weekdays = {_lookup(v["weekdays"], m.group(2)) for e in exprs if e.kind == "relative"
                for name, p in v.patterns if name == "weekday" and (m := p.fullmatch(e.text))
                and not (m.group(1) or "").strip().lower() in (v.data.get("weekday_next") or [])}
    if not weekdays:
        return low

    def spread(p: date) -> int:
        days = [weekday_on_or_before(p, w) for w in weekdays]
        return (max(days) - min(days)).days
    return min((low + timedelta(days=k) for k in range(7)), key=lambda p: (spread(p), p))
