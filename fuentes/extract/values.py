"""Values stated in text, normalised: numbers, counts, money, percentages, measures, dates,
ranges and periods, in English and Spanish.

"$3.6 billion" and "3.600 millones de dólares" both become money 3.6e9 USD; "roughly 300" and
"unos 300" a count of about 300; "from 2008 to 2023" and "de 2008 a 2023" a range of years;
"the past year" / "el último año" a period of one year up to the time of writing.

Everything language-specific (number words, scales, currencies, approximators, units, month
names, range and period words, the decimal mark) comes from `data/claims_<lang>.yaml`. The
finder is plain regular expressions over the text, so it needs no model and runs on any
string; the `claims` stage refines a count's unit from the parse. Digits joined by slashes ("9/11",
"24/7"), a number after an acronym ("NBC 7") and a number word inside a percent ("ciento" of "45 por
ciento") are no value of their own. A bare "$" is the currency of `currency_before` ("$" is MXN in
Spanish), or of the one country of `sign_currencies` whose places the article names (`sign_currency`:
"un vecino de Maine ganó $1 millón" is USD).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from fuentes.extract.word_starts import FIRST_WORD, folded, matches_at, word_starts
from fuentes.model import Value
from fuentes.nlp.data_files import load_yaml

DATA = Path(__file__).with_name("data")
YEAR_MIN, YEAR_MAX = 1900, 2099
# words before a bare four-digit number that make it a year ("in 2015", "desde 2012"); English
# "the" too ("the 2016 presidential election"): English writes a count of thousands with its comma
# ("the 2,000 soldiers"), Spanish often without one ("los 2000 soldados"), so not "el"/"los"; an English
# possessive too ("the state's 1998 anti-spam law", "his 2004 memoir": "s" is the possessive's)
YEAR_CUES = {"in", "since", "by", "until", "of", "from", "before", "after", "during", "early", "late",
             "en", "desde", "de", "del", "hasta", "antes", "después", "durante", "a", "y", "and", "to", "the",
             "his", "her", "its", "their", "our", "s"}
# a priority per kind: when two readings overlap and are as long, the first kind wins
PRIORITY = {"money": 0, "percent": 1, "range": 2, "date": 3, "duration": 4, "number": 5, "count": 6}


@dataclass(frozen=True, slots=True)
class Found:
    """A value and where it was written (char offsets in the text searched)."""

    start: int
    end: int
    value: Value


def _alt(words) -> str:
    """A regex alternation of literal words, longest first, whole words only."""
    items = sorted({str(w) for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w) for w in items) or r"(?!x)x"


class Lexicon:
    """One language's value words, with the regular expressions built from them."""

    def __init__(self, raw: dict[str, Any], language: str):
        self.language = language
        self.decimal = raw.get("decimal_mark", ".")
        self.words = {k.casefold(): float(v) for k, v in raw.get("number_words", {}).items()}
        self.scales = {k.casefold(): float(v) for k, v in raw.get("scales", {}).items()}
        self.cur_before = dict(raw.get("currency_before", {}))
        self.cur_after = {k.casefold(): v for k, v in raw.get("currency_after", {}).items()}
        self.approx = {k.casefold(): v for k, v in raw.get("approximators", {}).items()}
        self.units = {k.casefold(): v for k, v in raw.get("units", {}).items()}
        self.time_units = {k.casefold(): (v[0], float(v[1])) for k, v in raw.get("time_units", {}).items()}
        self.months = {k.casefold(): int(v) for k, v in raw.get("months", {}).items()}
        self.offset_words = list(raw.get("offset_words", []))
        self.ambiguous_months = {m.casefold() for m in raw.get("ambiguous_months", [])}
        self.clock_times = tuple(re.compile(p) for p in raw.get("clock_times", []))  # "3 a.m.", "a las 19:30 horas"
        b = r"(?<![\w$€£])(?<!\d[.,])"
        e = r"(?![\w])"
        num = rf"(?:\d{{1,3}}(?:[.,]\d{{3}})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?|(?:{_alt(self.words)})(?:-(?:{_alt(self.words)}))?(?!\w))"
        approx = rf"(?:(?P<approx>{_alt(self.approx)})\s+)?"
        scale = rf"(?:\s*(?P<scale>{_alt(self.scales)}){e})?"
        cur_a = rf"(?P<cur_a>{_alt(self.cur_after)}){e}"
        cur_b = rf"(?P<cur_b>{_alt(self.cur_before)})"
        month = rf"(?P<month>{_alt(self.months)})\.?"
        year = r"(?P<year>(?:19|20)\d\d)(?!\d)"
        day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|º|°)?(?!\d)"
        join = _alt(raw.get("range_join", []))
        # "four of his bodyguards" / "cinco de sus escoltas": the counted noun after a partitive
        part = rf"(?:(?:{_alt(raw.get('count_of', []))})\s+(?:{_alt(raw.get('count_determiners', []))})\s+)"
        self.nouns = {k.casefold(): str(v) for k, v in raw.get("nouns", {}).items()}
        f = re.IGNORECASE
        self.patterns: list[tuple[str, re.Pattern[str]]] = [
            ("money", re.compile(rf"{b}{approx}{cur_b}\s?(?P<num>{num}){scale}(?:\s+{cur_a})?", f)),
            ("money", re.compile(rf"{b}{approx}(?P<num>{num}){scale}\s+{cur_a}", f)),
            ("percent", re.compile(rf"{b}{approx}(?P<num>{num})\s?(?P<pct>{_alt(raw.get('percent_words', []))})(?!\w)", f)),
            ("range", re.compile(rf"{b}(?:(?P<open>{_alt(raw.get('range_open', []))})\s+)?(?P<lo>{num})\s*(?P<join>{join})\s*(?P<hi>{num}){e}", f)),
            ("date", re.compile(rf"{b}{month}\s+{day},?\s+{year}", f)),
            ("date", re.compile(rf"{b}{day}\s+(?:de\s+)?{month}(?:,?\s+(?:de(?:l)?\s+)?{year})?", f)),
            ("date", re.compile(rf"{b}{month}(?:\s+{day}(?!\s*(?:[.,]\d|%)))?(?:,?\s+(?:of\s+|de(?:l)?\s+)?{year})?{e}", f)),
            ("date", re.compile(rf"{b}{year}{e}", f)),
            ("period", re.compile(
                rf"{b}(?:(?P<prep>{_alt(raw.get('period_prepositions', []))})\s+)?(?:{_alt(raw.get('period_article', []))})\s+"
                rf"(?:(?P<pw>{_alt(raw.get('period_words', []))})\s+(?:(?P<num>{num})\s+)?(?P<tu>{_alt(self.time_units)})"
                rf"|(?P<tu2>{_alt(self.time_units)})\s+(?P<pw2>{_alt(raw.get('period_words', []))})){e}", f)),
            ("duration", re.compile(rf"{b}{approx}(?P<num>{num})\s+(?P<tu>{_alt(self.time_units)}){e}", f)),
            ("measure", re.compile(rf"{b}{approx}(?P<num>{num})\s?(?P<unit>{_alt(self.units)}){e}", f)),
            ("count", re.compile(rf"{b}{approx}(?P<num>{num}){scale}(?:\s+{part}?(?P<noun>[^\W\d_]{{3,}}))?", f)),
        ]
        # Where each pattern's matches can start (`Starts`, in the order of `patterns`): every
        # pattern opens with a word boundary and an optional approximator, a currency, a number,
        # a month, a range or period word; `find_values` tries each only there.
        approx_w, cur_w = list(self.approx), list(self.cur_before)
        num_w = list(self.words)
        open_w = list(raw.get("range_open", []))
        month_w = list(self.months)
        period_w = list(raw.get("period_prepositions", [])) + list(raw.get("period_article", []))
        self.starts: list[Starts | None] = [
            _starts(approx_w, prefix=cur_w),  # money: "$", "US$", "USD500", "more than $"
            _starts(approx_w + num_w, digit=True),  # money after the number
            _starts(approx_w + num_w, digit=True),  # percent
            _starts(open_w + num_w, digit=True),  # range
            _starts(month_w),  # date: month day, year
            _starts([], digit=True),  # date: day month
            _starts(month_w),  # date: month
            _starts([], digit=True),  # date: year
            _starts(period_w),  # period
            _starts(approx_w + num_w, digit=True),  # duration
            _starts(approx_w + num_w, digit=True),  # measure
            _starts(approx_w + num_w, digit=True),  # count
        ]
        if len(self.starts) != len(self.patterns):  # a new pattern needs its starts (None: scan the whole text)
            raise ValueError("values.Lexicon: one `starts` entry per pattern")
        self.offset = re.compile(rf"\s+(?:{_alt(self.offset_words)})\b", re.I)
        # the currency of a bare "$" in an article whose places are of one country only (`sign_currencies`)
        self.sign_currencies = {str(cur): frozenset(place_key(str(n)) for n in names)
                                for cur, names in (raw.get("sign_currencies") or {}).items()}
        self.sign_unit = self.cur_before.get("$")
        self.currency_end = re.compile(rf"(?:{_alt(self.cur_after)})$", re.I)

    def number(self, text: str) -> float | None:
        """'3.6', '3,600', '3.600' (Spanish thousands), 'three', 'twenty-five' -> float."""
        t = text.casefold()
        if t in self.words:
            return self.words[t]
        if "-" in t and all(p in self.words for p in t.split("-")):
            return sum(self.words[p] for p in t.split("-"))
        marks = [c for c in t if c in ".,"]
        if not marks:
            return float(t) if t.isdigit() else None
        if len(set(marks)) == 2:  # both marks: the last one is the decimal mark
            dec = marks[-1]
            return float(t.replace("," if dec == "." else ".", "").replace(dec, "."))
        mark = marks[0]
        groups = t.split(mark)
        thousands = all(len(g) == 3 for g in groups[1:]) and (mark != self.decimal or len(groups) > 2)
        if thousands:
            return float(t.replace(mark, ""))
        if len(groups) > 2:  # "1,506,76": neither thousands groups nor one decimal mark
            return None
        return float(t.replace(mark, "."))


def place_key(name: str) -> str:
    """A place name as `sign_currencies` compares it: folded, without a leading article, dots or spaces
    ("los Estados Unidos", "EE. UU." -> "estadosunidos", "eeuu")."""
    text = re.sub(r"^(?:the|el|la|los|las)\s+", "", folded(name.strip()))
    return re.sub(r"[\W_]+", "", text)


def sign_currency(found: list[Found], places: list[str], language: str | None) -> list[Found]:
    """The money values written with a bare "$" ("$1 millón", not "US$", "$5 millones de pesos") in the
    currency of the one country of `sign_currencies` whose places the article names (`places`: its place
    mentions), when it names places of no other listed country; else as they were."""
    lex = lexicon(language)
    if not lex.sign_currencies or not places:
        return found
    keys = {place_key(p) for p in places}
    named = [cur for cur, names in lex.sign_currencies.items() if keys & names]
    if len(named) != 1 or named[0] == lex.sign_unit:
        return found
    out = []
    for f in found:
        v = f.value
        if v.kind == "money" and v.unit == lex.sign_unit and re.search(r"(?<![^\W\d_])\$", v.text) \
                and not lex.currency_end.search(v.text):
            f = Found(f.start, f.end, replace(v, unit=named[0]))
        out.append(f)
    return out


@lru_cache(maxsize=8)
def lexicon(language: str | None) -> Lexicon:
    lang = (language or "en")[:2].lower()
    path = DATA / f"claims_{lang}.yaml"
    if not path.exists():
        lang, path = "en", DATA / "claims_en.yaml"
    return Lexicon(load_yaml(path), lang)


@dataclass(frozen=True, slots=True)
class Starts:
    """Where a pattern's match can start: a word of `words` (the first word of an entry that a
    match must end or follow with a non-word character: lowered, compared whole), a word
    beginning with one of `prefixes` (entries a number may follow without a space: "USD500"),
    a word starting with a digit (`digit`), or one of the characters `chars` ("$", "€")."""

    words: frozenset[str]
    prefixes: tuple[str, ...]
    digit: bool
    chars: frozenset[str]


def _starts(entries: list[Any], prefix: list[Any] = (), digit: bool = False) -> Starts:
    words: set[str] = set()
    prefixes: set[str] = set()
    chars: set[str] = set()
    for group, into in ((entries, words), (prefix, prefixes)):
        for entry in group:
            text = folded(str(entry))
            m = FIRST_WORD.match(text)
            if m is None:  # an entry opening with a symbol ("$", "€"): that character
                chars.update({text[:1], text[:1].upper()} if text else set())
            else:
                into.add(m.group(0))
    return Starts(frozenset(words), tuple(sorted(prefixes)), digit, frozenset(chars))


def _matches(pattern: "re.Pattern[str]", text: str, starts: Starts | None,
             index: tuple[dict[str, list[int]], list[int]] | None) -> Any:
    """`pattern.finditer(text)`, tried only where a match can start (`starts`): a match found by
    scanning the whole text starts at one of those places, so the non-overlapping leftmost
    matches are the same."""
    if index is None or starts is None:
        yield from pattern.finditer(text)
        return
    words, digits = index
    positions = [p for w in starts.words if w in words for p in words[w]]
    if starts.prefixes:
        positions += [p for w, at in words.items() if w.startswith(starts.prefixes) for p in at]
    if starts.digit:
        positions += digits
    for ch in starts.chars:
        at = text.find(ch)
        while at >= 0:
            positions.append(at)
            at = text.find(ch, at + 1)
    yield from matches_at(pattern, text, positions)


def find_values(text: str, language: str | None = "en", *, exhaustive: bool = False) -> list[Found]:
    """Every value in `text`, longest readings first, without overlaps, in text order.
    `exhaustive`: scan the whole text with every pattern (the same result, slower; for tests)."""
    lex = lexicon(language)
    cands: list[tuple[int, int, int, Value]] = []
    index = None if exhaustive else word_starts(text)
    for (kind, pattern), starts in zip(lex.patterns, lex.starts, strict=True):
        for m in _matches(pattern, text, starts, index):
            value = _build(kind, m, lex, text)
            if value is not None:
                start, end = m.span()
                cands.append((start, end, PRIORITY.get(value.kind, 9), value))
    # a time of day ("at 3 a.m.", "a las 00:30 horas") is when, not how many: its digits are no value
    clocks = [m.span(1) if m.re.groups else m.span() for p in lex.clock_times for m in p.finditer(text)]
    # digits joined by slashes ("9/11", "24/7", "3/15/2019") name a day or a habit, no figure; a number
    # after an acronym ("NBC 7 reported", "KTLA 5") is part of a name
    names = [m.span() for m in _SLASHED.finditer(text)] + [m.span("num") for m in _AFTER_ACRONYM.finditer(text)]
    # a reading that starts inside a percent ("ciento" of "el 45 por ciento de los votos") is none of its own
    percents = [(s, e) for s, e, _, v in cands if v.kind == "percent"]
    taken: list[Found] = []
    for start, end, _, value in sorted(cands, key=lambda c: (-(c[1] - c[0]), c[2], c[0])):
        if any(start < hi and lo < end for lo, hi in clocks) and value.kind != "date":
            continue
        if value.kind in ("number", "count") and any(start < hi and lo < end for lo, hi in names):
            continue
        if value.kind != "percent" and any(lo < start < hi for lo, hi in percents):
            continue
        if all(end <= f.start or start >= f.end for f in taken):
            taken.append(Found(start, end, value))
    return sorted(taken, key=lambda f: f.start)


_SLASHED = re.compile(r"(?<![\w/])\d+(?:/\d+)+(?![\w/])")
# an acronym (two to five capitals) and a number, not followed by a word in capitals (an all-caps headline)
_AFTER_ACRONYM = re.compile(r"(?<![\w-])[A-Z]{2,5}\s(?P<num>\d{1,3})(?![\w.,/%])(?!\s+[A-Z]{2,}\b)")


def _approx(m: re.Match[str], lex: Lexicon, amount: float | None) -> dict[str, Any]:
    word = (m.groupdict().get("approx") or "").casefold()
    if not word:
        return {}
    side = lex.approx.get(word, "about")
    out: dict[str, Any] = {"approximate": True}
    if side == "above":
        out["low"] = amount
    elif side == "below":
        out["high"] = amount
    return out


def _build(kind: str, m: re.Match[str], lex: Lexicon, text: str) -> Value | None:
    g = m.groupdict()
    written = m.group(0).strip()
    if kind == "date":
        return _date(m, lex, text)
    if kind == "period":
        return _period(m, lex, written)
    if kind == "range":
        return _range(m, lex, written)
    amount = lex.number(g["num"]) if g.get("num") else None
    if amount is None or _in_name(g.get("num"), m, text):
        return None
    if g.get("scale"):
        amount *= lex.scales[g["scale"].casefold()]
    extra = _approx(m, lex, amount)
    if kind == "money":
        unit = lex.cur_before.get(g["cur_b"]) if g.get("cur_b") else None
        unit = lex.cur_after.get((g.get("cur_a") or "").casefold()) or unit
        return Value("money", written, amount, unit, **extra)
    if kind == "percent":
        return Value("percent", written, amount, "%", **extra)
    if kind in ("duration", "count") and lex.offset.match(text, m.end()):
        return None  # "two days after", "dos días después": a time, not a figure
    if kind == "duration":
        unit, factor = lex.time_units[g["tu"].casefold()]
        return Value("duration", written, amount * factor, unit, **extra)
    if kind == "measure":
        return Value("number", written, amount, lex.units[g["unit"].casefold()], **extra)
    noun = g.get("noun")
    if _after_month(text, m.start("num"), lex):
        return None  # "Sept. 11 conspiracy theories", "11 de septiembre": the date pattern reads it
    if _looks_like_year(g["num"], text, m.start("num")) and not g.get("scale"):
        return None  # the date pattern reads it
    if noun and noun.casefold() not in lex.approx and noun[0].islower():
        written = text[m.start():m.end("scale") if g.get("scale") else m.end("num")].strip()
        return Value("count", written, amount, noun.casefold(), **extra)
    written = text[m.start():m.end("scale") if g.get("scale") else m.end("num")].strip()
    return Value("number", written, amount, None, **extra)


def _in_name(num: str | None, m: re.Match[str], text: str) -> bool:
    """A capitalised number word followed by a capitalised word is part of a name ("Four Winds
    Cartel", "Cártel de los Cuatro Vientos"), not a figure."""
    if not num or not num[0].isupper() or any(ch.isdigit() for ch in num):
        return False
    after = re.match(r"\s+([^\W\d_])", text[m.end("num"):])
    before = text[max(0, m.start("num") - 2):m.start("num")]
    return bool(after and after.group(1).isupper()) or (bool(before.strip()) and not before.strip()[-1] in ".!?\"“«")


def _after_month(text: str, at: int, lex: Lexicon) -> bool:
    """The number follows a month name ("Sept. 15", "Oct 21"): a day, not a count. A month name
    that is also a word ("may") counts only when capitalised."""
    before = re.search(r"([^\W\d_]+)\.?\s+$", text[max(0, at - 12):at])
    if not before or before.group(1).casefold() not in lex.months:
        return False
    return before.group(1).casefold() not in lex.ambiguous_months or before.group(1)[0].isupper()


def _looks_like_year(num: str, text: str, at: int) -> bool:
    if not (num.isdigit() and len(num) == 4 and YEAR_MIN <= int(num) <= YEAR_MAX):
        return False
    before = re.findall(r"[^\W\d_]+", text[max(0, at - 12):at])
    after = text[at + 4:at + 6]
    return (bool(before) and before[-1].casefold() in YEAR_CUES) or not re.match(r"\s+[^\W\d_]", after)


def _date(m: re.Match[str], lex: Lexicon, text: str) -> Value | None:
    g = m.groupdict()
    month_word = (g.get("month") or "").casefold()
    year, day = g.get("year"), g.get("day")
    if g.get("month") is None:  # a bare year
        if not _looks_like_year(year, text, m.start("year")):
            return None
        return Value("date", m.group(0), None, None, low=year, high=year)
    month = lex.months[month_word]
    # "May", "Mar" alone are words; a lowercase English month name is no date either
    if (month_word in lex.ambiguous_months or (lex.language == "en" and g["month"][0].islower())) \
            and not (year or day):
        return None
    if day and not 1 <= int(day) <= 31:
        return None
    iso = f"{year or '-'}-{month:02d}" + (f"-{int(day):02d}" if day else "")
    written = m.group(0)
    if written.endswith(".") and not (day or year) and len(month_word) > 3:
        written = written[:-1]  # "in March." ends a sentence
    return Value("date", written, None, None, low=iso, high=iso)


def _range(m: re.Match[str], lex: Lexicon, written: str) -> Value | None:
    g = m.groupdict()
    lo, hi = lex.number(g["lo"]), lex.number(g["hi"])
    join = g["join"].casefold()
    if lo is None or hi is None or hi <= lo:
        return None
    if join in ("and", "y") and not g.get("open"):
        return None  # "2015 and 2016" is a list unless "between"/"entre" opens it
    if g.get("open") and g["open"].casefold() in ("de", "del") and join not in ("a", "al", "hasta"):
        return None
    years = all(x.isdigit() and len(x) == 4 and YEAR_MIN <= int(x) <= YEAR_MAX for x in (g["lo"], g["hi"]))
    if years:
        return Value("range", written, None, "year", low=g["lo"], high=g["hi"])
    if not g.get("open") and join in ("-", "–"):
        return None  # "3-2" is a score or an id more often than a range
    return Value("range", written, None, None, low=lo, high=hi)


def _period(m: re.Match[str], lex: Lexicon, written: str) -> Value:
    g = m.groupdict()
    unit, factor = lex.time_units[(g.get("tu") or g.get("tu2")).casefold()]
    n = lex.number(g["num"]) if g.get("num") else 1.0
    # a period that ends at the time of writing ("the past year"): high = "now"
    return Value("duration", written, (n or 1.0) * factor, unit, high="now")


def interval(v: Value, tolerance: float = 0.1) -> tuple[float, float] | None:
    """The amounts a figure allows: an exact figure itself; "about N" N ± `tolerance`; "at
    least N" / "more than N" from N up to N + `tolerance` (a reporter writing "at least 23"
    means a count near 23, not any number above it); "up to N" / "nearly N" the mirror."""
    if v.amount is None:
        return None
    a = float(v.amount)
    if not v.approximate:
        return a, a
    slack = tolerance * abs(a)
    if v.low == v.amount and v.high is None:
        return a, a + slack
    if v.high == v.amount and v.low is None:
        return a - slack, a
    return a - slack, a + slack


def same_value(a: Value, b: Value, tolerance: float = 0.1) -> bool:
    """Two values say the same thing: same kind and unit, amounts within each other's
    approximation (`interval`), equal range ends or dates (a partial date agrees with a
    fuller one it is a prefix of)."""
    if a.kind != b.kind:
        return False
    if a.kind in ("date", "range") or a.amount is None or b.amount is None:
        if a.kind == "date":
            return _date_agrees(str(a.low), str(b.low))
        return (a.low, a.high, a.unit) == (b.low, b.high, b.unit) and a.amount == b.amount
    if a.unit and b.unit and a.unit != b.unit and a.kind != "count":
        return False
    ia, ib = interval(a, tolerance), interval(b, tolerance)
    return ia is not None and ib is not None and ia[0] <= ib[1] + 1e-9 and ib[0] <= ia[1] + 1e-9


def _date_agrees(a: str, b: str) -> bool:
    if a.startswith("--") or b.startswith("--"):  # no year on one side: compare month/day
        return a[-5:].lstrip("-") in b or b[-5:].lstrip("-") in a
    return a.startswith(b) or b.startswith(a)


@lru_cache(maxsize=1)
def _glossary() -> dict[str, str]:
    """Counted nouns of every language -> one language-neutral concept ("escoltas",
    "bodyguards" -> "bodyguard"), from the `nouns` lists of data/claims_<lang>.yaml."""
    out: dict[str, str] = {}
    for path in sorted(DATA.glob("claims_*.yaml")):
        raw = load_yaml(path)
        out.update({str(k).casefold(): str(v) for k, v in (raw.get("nouns") or {}).items()})
    return out


def concept(unit: str | None) -> str | None:
    """The language-neutral concept of a count's unit: the glossary's, else the noun without
    a plural ending ("vehicles" -> "vehicle")."""
    if not unit:
        return None
    u = unit.casefold()
    found = _glossary().get(u)
    if found:
        return found
    if len(u) > 4 and u.endswith("es") and u[-3] in "sxz":
        return u[:-2]
    if len(u) > 3 and u.endswith("s") and not u.endswith("ss"):
        return u[:-1]
    return u


@lru_cache(maxsize=1)
def _generic_counts() -> frozenset[str]:
    """Counted nouns that name no thing of their own ("points", "puntos"): the `generic_counts`
    lists of data/claims_<lang>.yaml, as concepts."""
    out: set[str] = set()
    for path in sorted(DATA.glob("claims_*.yaml")):
        raw = load_yaml(path)
        out.update(str(concept(str(w))) for w in raw.get("generic_counts") or [])
    return frozenset(out)


def names_measure(dim: tuple[str, str | None]) -> bool:
    """A dimension that says what it measures on its own: money in a currency, a measure or a
    duration in a unit, a date, a count of a named thing ("bodyguards"). A percent, a bare number
    or a count of "points" is a share or a score of something the clause must name ("12 percent"
    of whom, in which poll?): two of them are one figure only when the clauses are worded alike."""
    kind, unit = dim
    if kind in ("percent", "number") or (kind == "range" and not unit):
        return False
    if kind == "count":
        return bool(unit) and unit not in _generic_counts()
    return True


def dimension(v: Value) -> tuple[str, str | None]:
    """What a value measures: its kind and (for counts) the concept counted."""
    return v.kind, concept(v.unit) if v.kind == "count" else v.unit


def is_figure(v: Value) -> bool:
    """A value that can be compared between sources as a figure of one slot: money, a percent,
    a duration, a measure or a count of something named, a numeric range; not a bare number
    (an age, a score, a page) and not a date (the time slot)."""
    if v.kind == "date" or not any(ch.isdigit() for ch in v.text) and v.kind == "range":
        return False
    if v.kind in ("number", "count") and not v.unit:
        return False
    return v.kind != "range" or v.unit != "year"


def comparable(a: Value, b: Value) -> bool:
    """Two values measure the same dimension (so different amounts are a disagreement)."""
    if a.kind != b.kind:
        return False
    if a.kind in ("money", "number", "duration", "count"):
        return dimension(a) == dimension(b)  # "3 soldiers" and "5 civilians" are not one figure
    return True
