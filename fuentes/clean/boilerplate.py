"""Text-level boilerplate removal: page furniture out of a page saved as plain text.

The method is general, not a list of known strings:
  * line features: length, words, sentence punctuation, capitalisation, separators;
  * cues from per-language data (`data/*.yaml`): a cue's matches are cut out of a line and the
    line is furniture when nothing of substance is left ("date 2026-02-23 NEW You can now
    listen to X articles!" holds two cues and a lone "NEW");
  * repetition: a later verbatim copy of a line (a caption printed twice) goes;
  * position: furniture clusters at the head and tail of a page. The content region runs from
    the first to the last body-like paragraph; outside it the cleaner is strict, inside it only
    clear cues, copies and metadata lines go, and long prose is never removed;
  * metadata lines (byline, date, "Writer: X", the title) become `meta` and leave the body.
Every removal is kept in `removed` with its reason and raw line number (0-based).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from fuentes.clean import textmeta
from fuentes.clean.cues import LangData, folded, load
from fuentes.clean.dates import Instant
from fuentes.ids import normalize_text
from fuentes.model import Removed

LONG_PROSE = 25  # words: a paragraph this long inside the content region is never a whole-line cue
ANCHOR_WORDS = 15  # words: a body-like paragraph that anchors the content region
FALLBACK_ANCHOR_WORDS = 8
HEAD_META_LINES = 5  # region lines still searched for a byline or a date (they often follow a caption)
WORD = re.compile(r"[^\W\d_][\w'’\-]*")
TERMINAL = re.compile(r"[.!?…:;][\"'”’»)\]]*(?:\s|$)")
ENDS_SENTENCE = re.compile(r"[.!?…][\"'”’»)\]]*\s*$")
SEPARATORS = re.compile(r"[|»›•·]")
STRONG_CUES = ("copyright", "rights")


@dataclass
class CleanText:
    body: str
    removed: list[Removed] = field(default_factory=list)
    meta: dict[str, str | None] = field(default_factory=dict)
    meta_evidence: dict[str, str] = field(default_factory=dict)
    # "published" / "modified" -> the time a date line states, at its precision, with the text it came from
    times: dict[str, Instant] = field(default_factory=dict)


@dataclass
class _Line:
    no: int
    text: str
    words: int
    cuts: list[tuple[int, int, str, bool]]  # start, end, cue name, fragment-trimmable
    furniture: bool  # nothing of substance left once the cue fragments are cut out
    whole: str | None = None  # name of a whole-line cue that applies
    repeated: bool = False
    anchor: bool = False
    reason: str | None = None  # set when the line leaves the body
    meta_fragment: str | None = None


def _content_words(text: str, data: LangData) -> list[str]:
    return [w for w in WORD.findall(text) if len(w) > 1 and w.casefold() not in data.filler]


def _cut_cues(text: str, data: LangData, low: str | None = None,
              present: frozenset[str] | None = None) -> tuple[list[tuple[int, int, str, bool]], str]:
    """Non-overlapping cue matches (longest first at each position) and the leftover text. `low`
    and `present`: the text `folded` and the cue literals it holds (`LangData.literals_in`), when
    the caller has them (a cue none of whose literals the text holds is skipped)."""
    low = folded(text) if low is None else low
    present = data.literals_in(low) if present is None else present
    spans = [(m.start(), m.end(), cue.name, cue.fragment)
             for cue in data.cues if cue.may_match(low, present) for m in cue.pattern.finditer(text) if m.end() > m.start()]
    spans.sort(key=lambda s: (s[0], s[0] - s[1]))
    chosen: list[tuple[int, int, str, bool]] = []
    for span in spans:
        if not chosen or span[0] >= chosen[-1][1]:
            chosen.append(span)
    leftover, pos = [], 0
    for start, end, _, _ in chosen:
        leftover.append(text[pos:start])
        pos = end
    leftover.append(text[pos:])
    return chosen, " ".join(leftover)


def _lowercase_ratio(text: str) -> float:
    words = WORD.findall(text)
    return sum(w[0].islower() for w in words) / len(words) if words else 0.0


def _analyse(raw: str, data: LangData) -> list[_Line]:
    lines, seen = [], set()
    for no, raw_line in enumerate(raw.splitlines()):
        text = raw_line.strip()
        if not text:
            continue
        low = folded(text)
        present = data.literals_in(low)
        cuts, leftover = _cut_cues(text, data, low, present)
        words = len(text.split())
        line = _Line(no, text, words, cuts, bool(cuts) and not _content_words(leftover, data))
        line.whole = next((c.name for c in data.cues if c.whole_max_words and words <= c.whole_max_words
                           and c.may_match(low, present) and c.pattern.search(text)), None)
        key = normalize_text(text)
        line.repeated = key in seen and bool(WORD.search(text))
        seen.add(key)
        lines.append(line)
    return lines


def _body_like(line: _Line, min_words: int) -> bool:
    return (line.words >= min_words and not line.furniture and not line.whole and not line.repeated
            and len(TERMINAL.findall(line.text)) >= 1 and _lowercase_ratio(line.text) >= 0.3
            and len(SEPARATORS.findall(line.text)) <= 2)


def _sentence_like(line: _Line) -> bool:
    return (line.words >= 3 and not line.furniture and not line.whole and not line.repeated
            and bool(ENDS_SENTENCE.search(line.text)) and _lowercase_ratio(line.text) >= 0.3)


def _content_region(lines: list[_Line], data: LangData, skippable: set[int]) -> tuple[int, int, int | None]:
    """(first, last) index of the content region, and where a comments section starts (or None)."""
    anchors = [i for i, ln in enumerate(lines) if _body_like(ln, ANCHOR_WORDS)]
    anchors = anchors or [i for i, ln in enumerate(lines) if _body_like(ln, FALLBACK_ANCHOR_WORDS)]
    if not anchors:
        return 0, len(lines) - 1, None  # no prose to anchor on: stay conservative everywhere
    start, end, clip = anchors[0], anchors[-1], None
    total = sum(lines[i].words for i in anchors)
    for i in range(start + 1, end + 1):  # a comments heading late in the page ends the article
        if any(p.match(lines[i].text) for p in data.section_end):
            before = [j for j in anchors if j < i]
            if sum(lines[j].words for j in before) >= total / 2:
                end, clip = before[-1], i
                break
    while start > 0 and (_sentence_like(lines[start - 1]) or start - 1 in skippable):
        start -= 1
    limit = clip if clip is not None else len(lines)
    while end + 1 < limit and (_sentence_like(lines[end + 1]) or end + 1 in skippable):
        end += 1
    return start, end, clip


class _Meta:
    """Metadata found so far: first value per field wins, with the line that gave it."""

    def __init__(self) -> None:
        self.values: dict[str, str | None] = {"outlet": None, "title": None, "byline": None, "published": None}
        self.evidence: dict[str, str] = {}
        self.times: dict[str, Instant] = {}

    def offer(self, field_name: str, value: str | None, line: _Line, cue: str) -> bool:
        if not value or self.values.get(field_name):
            return False
        self.values[field_name] = value
        self.evidence[field_name] = f"line {line.no}: {cue!r}"
        return True


def _scan_metadata(lines: list[_Line], data: LangData, region_start: int, saved_at: str | None,
                   html: bool) -> _Meta:
    """Outlet, byline and date from the text; marks the lines that are nothing but metadata."""
    meta = _Meta()
    head_end = (0 if html else region_start) + HEAD_META_LINES
    for i, line in enumerate(lines):
        text, head = line.text.lstrip("•·*-–—▪► "), i < head_end
        writer = textmeta.find_writer(text, data) if head else None
        if writer and meta.offer(writer[0], writer[1], line, text):
            line.reason = f"metadata:{writer[0]}"
        byline = textmeta.find_byline(text, data) if head else None
        if byline and meta.offer("byline", byline, line, text):
            line.reason = "metadata:byline"
        dated = textmeta.find_date_line(text, data, saved_at, head=head)
        if dated and dated.iso is None and len(_content_words(text.replace(dated.fragment, " "), data)) <= 3:
            if not line.furniture:
                line.reason = "metadata:date"  # "Updated 3:05 p.m.": a time line, not datable without the save time
        elif dated and (line.furniture or len(_content_words(text.replace(dated.fragment, " "), data)) <= 3):
            key = "modified" if dated.modified else "published"
            if key not in meta.times:
                meta.times[key] = Instant(dated.iso, dated.precision, f"text {dated.fragment!r}")
            if meta.offer(key, dated.iso, line, dated.fragment):
                line.meta_fragment = dated.fragment
                if not line.furniture:
                    line.reason = "metadata:date"
        holder = textmeta.find_copyright_holder(text, data)
        if holder:
            meta.offer("outlet", holder, line, text)
        listened = textmeta.find_listen_outlet(text, data)
        if listened:
            meta.offer("outlet", listened[0], line, listened[1])
    return meta


def _find_title(lines: list[_Line], region_start: int, data: LangData, meta: _Meta) -> None:
    """The longest headline-like line of the page head, if any (a page may open on its body)."""
    candidates = [ln for ln in lines[:region_start]
                  if ln.reason is None and not ln.furniture and not ln.whole and not ln.repeated
                  and textmeta.is_title_candidate(ln.text, data)
                  and normalize_text(ln.text) not in {normalize_text(v) for v in meta.values.values() if v}]
    if candidates:
        best = max(candidates, key=lambda ln: (ln.words, -ln.no))
        meta.offer("title", best.text, best, best.text)
        best.reason = "metadata:title"


HEADLINE_WITHIN = 4  # the body's copy of the headline is among its first lines
KICKER_MAX_WORDS = 6


def _mark_headline(lines: list[_Line], title: str) -> None:
    """The body's copy of the page's headline, and the short labels above it (section kickers)."""
    wanted = normalize_text(title)
    for i, line in enumerate(lines[:HEADLINE_WITHIN]):
        if line.reason is None and normalize_text(line.text) == wanted:
            line.reason = "metadata:headline"
            for above in lines[:i]:
                if above.reason is None and above.words <= KICKER_MAX_WORDS and not above.text.rstrip().endswith("."):
                    above.reason = "edge:kicker"
            return


def _nav_like(line: _Line, data: LangData) -> bool:
    words = [w.casefold() for w in WORD.findall(line.text)]
    nav = sum(w in data.nav_words for w in words)
    return line.words <= 6 and (not words or nav / len(words) >= 0.5 or len(SEPARATORS.findall(line.text)) >= 2
                                or _lowercase_ratio(line.text) < 0.3)


def _decide(line: _Line, i: int, region: tuple[int, int, int | None], meta: _Meta, data: LangData,
            html: bool) -> str | None:
    """Why the line leaves the body, or None to keep it."""
    start, end, clip = region
    inside = start <= i <= end
    if line.reason:
        return line.reason
    if line.furniture:
        return "cue:" + line.cuts[0][2]
    if line.repeated:
        return "repeated"
    if not re.search(r"[^\W_]", line.text):
        return "edge:no-text"
    if line.whole and (not inside or line.words < LONG_PROSE or line.whole in STRONG_CUES):
        return "cue:" + line.whole
    values = {normalize_text(v) for k, v in meta.values.items() if v and k not in ("published", "modified")}
    if line.words <= 12 and normalize_text(line.text) in values:
        return "metadata:repeat"
    if html or inside:
        return None
    if clip is not None and i >= clip:
        return "edge:comments"
    return "edge:nav" if _nav_like(line, data) else ("edge:head" if i < start else "edge:tail")


def _removals(line: _Line, reason: str) -> list[Removed]:
    """One record per cue fragment when a line was made of several, else one for the line."""
    if not line.furniture or len(line.cuts) < 2 or reason.startswith("metadata:") and not line.meta_fragment:
        return [Removed(line.text, reason, line.no)]
    out = []
    for start, end, name, _ in line.cuts:
        fragment = line.text[start:end].strip()
        is_date = line.meta_fragment and fragment and (fragment in line.meta_fragment or line.meta_fragment in fragment)
        out.append(Removed(fragment, "metadata:date" if is_date else f"cue:{name}", line.no))
    return out


def _trim(line: _Line, data: LangData) -> tuple[str, list[Removed]]:
    """Cut fragment cues (a date stamp, a 'N min read') off the edges of a kept line."""
    text, removed = line.text, []
    lo, hi = 0, len(text)
    for start, end, name, fragment in line.cuts:
        if fragment and not WORD.search(text[lo:start]):
            removed.append(Removed(text[start:end].strip(), f"cue:{name}", line.no))
            lo = end
    for start, end, name, fragment in reversed(line.cuts):
        if fragment and end <= hi and start >= lo and not WORD.search(text[end:hi]):
            removed.append(Removed(text[start:end].strip(), f"cue:{name}", line.no))
            hi = start
    kept = text[lo:hi].strip()
    if not _content_words(kept, data):
        return text, []
    return kept, removed


def clean_text(raw: str, language: str | None = None, saved_at: str | None = None,
               strong_only: bool = False, title: str | None = None) -> CleanText:
    """The article body of a page saved as text, what was removed and why, and its metadata.

    `strong_only` is for text already extracted from HTML: only clear cues, copies and metadata
    lines are removed, never lines judged by their position on the page. `title`: the headline
    the page's markup gives; the body's copy of it near the top leaves ("metadata:headline"),
    and so do the short section labels above it ("edge:kicker": "World · Organized crime").
    """
    data = load(language)
    lines = _analyse(raw, data)
    skippable = {i for i, ln in enumerate(lines)
                 if ln.furniture or ln.repeated or textmeta.find_byline(ln.text, data)
                 or textmeta.find_date_line(ln.text, data, saved_at, head=True)}
    region = (0, len(lines) - 1, None) if strong_only else _content_region(lines, data, skippable)
    meta = _scan_metadata(lines, data, region[0], saved_at, strong_only)
    if not strong_only:
        _find_title(lines, region[0], data, meta)
    if title:
        _mark_headline(lines, title)
    body, removed = [], []
    for i, line in enumerate(lines):
        reason = _decide(line, i, region, meta, data, strong_only)
        if reason:
            removed += _removals(line, reason)
            continue
        kept, trimmed = _trim(line, data) if any(c[3] for c in line.cuts) else (line.text, [])
        removed += trimmed
        body.append(kept)
    return CleanText("\n\n".join(body), removed, meta.values, meta.evidence, meta.times)
