"""Metadata found in a page's text: outlet, byline, published date, title.

Every finder works on one line and returns the value plus what in the line gave it, so the
cleaner can take the line out of the body and record why (`meta_evidence`). The patterns and
word lists are per-language data (`fuentes/clean/data/*.yaml`, via `fuentes.clean.cues`).
Times are ISO strings at the precision the line gives ("2026-02", "2026-02-23T10:14-05:00"):
a date with its clock time and zone ("Feb. 23, 2026, 10:14 a.m. ET", "23 de febrero de 2026,
10:14 h"); relative times ("3 hours ago", "hace 2 días") and clock times without a date
("Updated 3:05 p.m. ET") only against a known save time. Clock-time words and zone names are
data (`data/times/`).
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import dateparser

from fuentes.clean.cues import FLAGS, LangData
from fuentes.clean.dates import (
    format_instant,
    localize,
    parse_instant,
    zone_named,
    zone_table,
)
from fuentes.nlp.data_files import load_yaml

PARTICLES = frozenset("de del la las los da das do dos di van von der den du le bin al el y e st".split())
NAME_TOKEN = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w'’.\-]*$")
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
ISO_TIME = re.compile(r"\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?(?![\w:])")
TIMES = Path(__file__).with_name("data") / "times"
UNIT_PRECISION = {"seconds": "second", "minutes": "minute", "hours": "hour", "days": "day", "weeks": "day",
                  "months": "month", "years": "year"}


class DateLine(NamedTuple):
    """What a date line says: the ISO time at its precision, the fragment that says it, and
    whether it is a modification ("Updated ...") rather than the publication."""

    iso: str | None  # None: a labelled clock time ("Updated 3:05 p.m.") with no saved-at time to date it
    fragment: str
    precision: str | None
    modified: bool = False
NUM_DATE = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b")


def title_case_name(name: str) -> str:
    """'JACK NICAS' -> 'Jack Nicas'; names already in mixed case are left as written."""
    if not any(c.isupper() for c in name) or not name.isupper():
        return name
    return " ".join(t.lower() if t.lower() in PARTICLES else t.title() for t in name.split())


def _is_person_name(name: str) -> bool:
    tokens = name.split()
    if not 2 <= len(tokens) <= 5:
        return False
    if tokens[0].lower() in PARTICLES:
        return False
    return all(NAME_TOKEN.match(t) or t.lower() in PARTICLES for t in tokens)


def looks_like_org(name: str, data: LangData) -> bool:
    """An outlet or agency rather than a person: org words, a leading article, an acronym."""
    tokens = [t.strip(".,").casefold() for t in name.split()]
    if not tokens:
        return False
    if any(t in data.org_words for t in tokens) or tokens[0] in {"the", "el", "la", "los", "las"}:
        return True
    return len(tokens) == 1 and name.isupper() and len(name) >= 2


def parse_names(text: str, data: LangData) -> str | None:
    """The person names in a byline remainder ('JACK NICAS and Ana Pérez, Staff Writer')."""
    for stop in data.byline_stop:
        text = stop.sub("", text)
    parts = [text]
    for joiner in data.name_joiners:
        parts = [p for part in parts for p in joiner.split(part)]
    names = []
    for part in (p.strip(" .,;:") for p in parts):
        if not part or all(w.casefold() in data.role_words for w in part.split()):
            continue
        if not _is_person_name(part):
            return None  # something in the byline is not a name: do not guess
        names.append(title_case_name(part))
    if not names:
        return None
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def find_byline(line: str, data: LangData) -> str | None:
    """'By JACK NICAS' -> 'Jack Nicas'; 'Por Ana Pérez y Luis Gómez' -> 'Ana Pérez and Luis Gómez'."""
    if len(line.split()) > 14:
        return None
    for prefix in data.byline_prefix:
        match = prefix.match(line)
        if match and line[match.end():].strip():
            return parse_names(line[match.end():], data)
    return None


def find_writer(line: str, data: LangData) -> tuple[str, str] | None:
    """'Writer: X' lines: ("outlet", X) when X looks like an organisation, else ("byline", name)."""
    if len(line.split()) > 12:
        return None
    for label in data.author_labels:
        match = label.match(line)
        if not match:
            continue
        value = line[match.end():].strip(" .")
        if looks_like_org(value, data):
            return "outlet", value
        name = parse_names(value, data)
        if name:
            return "byline", name
    return None


def find_copyright_holder(line: str, data: LangData) -> str | None:
    """'© 2026 The San Juan Daily Star - Puerto Rico' -> 'The San Juan Daily Star'."""
    for pattern in data.copyright_holder:
        match = pattern.match(line)
        if not match:
            continue
        holder = re.sub(r"^(?:copyright|©|\(c\)|\d{4}(?:\s*[-–]\s*\d{4})?|[\s,])+", "", match["holder"],
                        flags=re.I).strip()
        if holder and re.search(r"[^\W\d_]", holder) and len(holder.split()) <= 8 \
                and not re.search(r"rights|derechos", holder, re.I):
            return holder
    return None


def find_listen_outlet(line: str, data: LangData) -> tuple[str, str] | None:
    """'You can now listen to Fox News articles!' -> ('Fox News', the phrase)."""
    for pattern in data.listen_outlet:
        match = pattern.search(line)
        if match and 1 <= len(match["outlet"].split()) <= 6:
            return match["outlet"].strip(), match[0]
    return None


def _month_date_regex(data: LangData) -> re.Pattern[str]:
    months = "|".join(sorted((re.escape(m) for m in data.months), key=len, reverse=True))
    return re.compile(
        rf"\b(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:de\s+)?)?(?P<m>{months})\.?"
        rf"(?:\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?)?,?\s+(?:del?\s+)?(?P<y>\d{{4}})\b", re.I)


def _iso(year: int, month: int, day: int | None) -> str | None:
    try:
        datetime(year, month, day or 1)
    except ValueError:
        return None
    return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")


def find_date(text: str, data: LangData) -> tuple[str, tuple[int, int]] | None:
    """An explicit date in `text`: ISO, '23/02/2026', 'Feb. 23, 2026', '24 de febrero de 2026'.

    Only spans that look like a whole date are handed to dateparser (which would otherwise
    read dates into ordinary words and numbers); the year it returns must be the one written.
    """
    match = ISO_TIME.search(text)
    found = parse_instant(match[0]) if match else None
    if found:
        return found.iso, match.span()
    match = ISO_DATE.search(text)
    if match:
        iso = _iso(int(match[1]), int(match[2]), int(match[3]))
        return (iso, match.span()) if iso else None
    match = _month_date_regex(data).search(text)
    if match:
        day = match["d1"] or match["d2"]
        parsed = dateparser.parse(match[0], languages=["en", "es"],
                                  settings={"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["month", "year"]})
        if parsed and parsed.year == int(match["y"]):
            iso = _iso(parsed.year, parsed.month, parsed.day if day else None)
        else:
            iso = _iso(int(match["y"]), data.months[match["m"].casefold()], int(day) if day else None)
        return (iso, match.span()) if iso else None
    match = NUM_DATE.search(text)
    if match:
        a, b, year = int(match[1]), int(match[2]), int(match[3])
        if len(data.languages) > 1 and a <= 12 and b <= 12 and a != b:
            return None  # 03/04/2026 is ambiguous without knowing the language
        month, day = (a, b) if data.date_order == "MDY" else (b, a)
        if month > 12:
            month, day = day, month
        iso = _iso(year, month, day)
        return (iso, match.span()) if iso else None
    return None


def _parse_saved(saved_at: str | None) -> datetime | None:
    if not saved_at:
        return None
    try:
        return datetime.fromisoformat(saved_at.strip().replace("Z", "+00:00"))
    except ValueError:
        return None


@lru_cache(maxsize=16)
def _time_cues(languages: tuple[str, ...]) -> dict[str, re.Pattern[str] | None]:
    """The clock-time patterns of `languages` (their `data/times/<lang>.yaml` joined)."""
    parts: dict[str, list[str]] = {"am": [], "pm": [], "hour_suffix": [], "joiner": [], "modified_labels": []}
    for lang in languages:
        path = TIMES / f"{lang}.yaml"
        raw = load_yaml(path.read_text(encoding="utf-8")) if path.exists() else {}
        for key, values in parts.items():
            if (raw or {}).get(key):
                values.append(raw[key])
    table = zone_table()
    zones = sorted([re.escape(z) for z in table["abbreviations"]], key=len, reverse=True)
    phrases = sorted([re.escape(z).replace(r"\ ", r"\s+") for z in table["phrases"]], key=len, reverse=True)
    zone = rf"(?:(?-i:{'|'.join(zones)})(?![\w])|{'|'.join(phrases)})"
    alt = {key: "|".join(f"(?:{v})" for v in values) for key, values in parts.items()}
    clock = (rf"(?<![\d:.,])(?P<h>[01]?\d|2[0-3])(?:(?P<sep>[:.h])(?P<m>[0-5]\d)(?::(?P<s>[0-5]\d))?)?(?!\d)"
             rf"(?:\s*(?:(?P<am>{alt['am'] or '(?!)'})|(?P<pm>{alt['pm'] or '(?!)'})"
             rf"|(?P<suffix>{alt['hour_suffix'] or '(?!)'})(?!\w)))?"
             rf"(?:\s*[(\[]?\s*(?P<tz>{zone})\s*[)\]]?)?")
    joiner = alt["joiner"] or "(?!)"
    return {"clock": re.compile(clock, FLAGS),
            "after": re.compile(rf"^\s*(?:(?:{joiner})\s*)*(?:{clock})", FLAGS),
            "before": re.compile(rf"(?:{clock})\s*(?:(?:{joiner})\s*)*$", FLAGS),
            "modified": re.compile(alt["modified_labels"], FLAGS) if alt["modified_labels"] else None}


def _clock(match: re.Match[str]) -> tuple[time, str, str | None] | None:
    """(time of day, precision, zone name) of a clock-time match, None when it is no time
    (a bare number, "10.14" without "h" or "a.m.")."""
    hour, minute, second = int(match["h"]), match["m"], match["s"]
    half = "am" if match["am"] else "pm" if match["pm"] else None
    marked = bool(half or match["suffix"])  # "a.m.", "h": the number is surely a time
    if (minute is None or match["sep"] == ".") and not marked:
        return None
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "pm" else 0)
    precision = "second" if second else "minute" if minute else "hour"
    return time(hour, int(minute or 0), int(second or 0)), precision, match["tz"]


def _with_clock(day: str, clock: tuple[time, str, str | None]) -> tuple[str, str]:
    """An ISO day and a clock time -> (ISO time at the clock's precision, precision)."""
    moment, precision, zone = clock
    when = localize(datetime.combine(date.fromisoformat(day), moment), zone_named(zone))
    return format_instant(when, precision), precision


def find_clock_near(text: str, span: tuple[int, int], data: LangData) -> tuple[tuple, tuple[int, int]] | None:
    """The clock time written just after (or just before) a date at `span`: ((time, precision,
    zone), its span)."""
    cues = _time_cues(data.languages)
    after = cues["after"].match(text[span[1]:])
    if after:
        clock = _clock(after)
        if clock:
            return clock, (span[1], span[1] + after.end())
    before = cues["before"].search(text[:span[0]])
    if before:
        clock = _clock(before)
        if clock:
            return clock, (before.start(), span[0])
    return None


def find_datetime(text: str, data: LangData) -> tuple[str, str, tuple[int, int]] | None:
    """An explicit date in `text` with its clock time when one is written beside it:
    (ISO at its precision, precision, span)."""
    found = find_date(text, data)
    if not found:
        return None
    iso, (start, end) = found
    precision = parse_instant(iso).precision
    if precision == "day":
        near = find_clock_near(text, (start, end), data)
        if near:
            clock, (a, b) = near
            iso, precision = _with_clock(iso, clock)
            start, end = min(start, a), max(end, b)
    return iso, precision, (start, end)


def find_clock_time(text: str, data: LangData, saved_at: str | None) -> tuple[str, str, tuple[int, int]] | None:
    """A clock time without a date ("3:05 p.m. ET", "15:05 h") on the day the page was saved:
    the last such time not after the save time. (ISO, precision, span), or None without a
    save time."""
    base = _parse_saved(saved_at)
    if base is None:
        return None
    for match in _time_cues(data.languages)["clock"].finditer(text):
        clock = _clock(match)
        if not clock:
            continue
        moment, precision, zone = clock
        tz = zone_named(zone)
        if tz is not None:  # the wall-clock day in that zone when the page was saved
            ref = base if base.tzinfo is not None else localize(base, tz)
            day = ref.astimezone(tz).date()
        else:  # zone unknown: the save's own day, and the time stays naive
            ref, day = base.replace(tzinfo=None), base.date()
        when = localize(datetime.combine(day, moment), tz)
        if when > ref + timedelta(minutes=5):  # later than the save: the day before
            when = localize(datetime.combine(day - timedelta(days=1), moment), tz)
        return format_instant(when, precision), precision, match.span()
    return None


def find_relative_date(text: str, data: LangData, saved_at: str | None) -> tuple[str, tuple[int, int]] | None:
    """'3 hours ago' / 'hace 2 días' / 'Yesterday' resolved against the save time, else None.

    The result keeps the precision the phrase gives: "3 hours ago" names an hour, "hace 2 días"
    a day, "hace 1 mes" a month; the save time's offset is kept."""
    found = find_relative_time(text, data, saved_at)
    return (found[0], found[2]) if found else None


def find_relative_time(text: str, data: LangData, saved_at: str | None) -> tuple[str, str, tuple[int, int]] | None:
    """As `find_relative_date`, with the precision: (ISO, precision, span)."""
    base = _parse_saved(saved_at)
    if base is None:
        return None
    for rel in data.relative:
        match = rel["pattern"].search(text)
        if match:
            n = 1 if match["n"].casefold() in rel["one"] else (int(match["n"]) if match["n"].isdigit() else 0)
            unit = next((v for k, v in rel["units"].items() if match["unit"].casefold().startswith(k)), None)
            if not n or not unit:
                return None
            if unit in ("months", "years"):  # only the month or year is known
                when = base - timedelta(days=n * (30 if unit == "months" else 365))
            else:
                when = base - timedelta(**{unit: n})
            precision = UNIT_PRECISION[unit]
            return format_instant(when, precision), precision, match.span()
        for key, delta in (("yesterday", 1), ("today", 0)):
            match = rel[key].search(text)
            if match:
                return (base - timedelta(days=delta)).date().isoformat(), "day", match.span()
    return None


def find_date_line(line: str, data: LangData, saved_at: str | None, head: bool) -> DateLine | None:
    """A line that states the publication (or modification) time: labelled ('Published Feb. 23,
    2026, 10:14 a.m.', 'Updated 3:05 p.m. ET', 'Actualizado hace 2 horas') anywhere, or (in the
    page head) a short line that is nothing but a date or a relative time.

    Returns the time at its precision, the fragment of the line that gave it, and whether the
    line's label says it is a modification time."""
    words = len(line.split())
    if words > 15:
        return None
    labelled = any(label.match(line) for label in data.date_labels)
    if not (labelled or head):
        return None
    found = find_datetime(line, data) or find_relative_time(line, data, saved_at)
    if not found and labelled:
        found = find_clock_time(line, data, saved_at)
        if not found and _time_cues(data.languages)["clock"].search(line):  # the line is metadata all the same
            modified = _time_cues(data.languages)["modified"]
            return DateLine(None, line.strip(), None, bool(modified and modified.match(line)))
    if not found:
        return None
    iso, precision, (start, end) = found
    if not labelled:
        rest = (line[:start] + " " + line[end:]).split()
        if len([w for w in rest if re.search(r"[^\W\d_]{3,}", w)]) > 3:
            return None  # a date inside a longer phrase is not a date line
    modified = _time_cues(data.languages)["modified"]
    return DateLine(iso, line[0 if labelled else start:end].strip(), precision,
                    bool(labelled and modified and modified.match(line)))


def is_title_candidate(line: str, data: LangData) -> bool:
    """A headline-like line: a few words, no final period, not a menu (separators, nav words)."""
    words = line.split()
    if not 3 <= len(words) <= 25 or line.rstrip().endswith((".", ":", ",", ";")):
        return False
    if len(re.findall(r"[|»›>•·/]", line)) >= 2 or not re.search(r"[^\W\d_]{3,}", line):
        return False
    nav = sum(w.strip(".,:").casefold() in data.nav_words for w in words)
    return nav / len(words) < 0.5
