"""Stage `quotes`: direct quotes and reported speech, each with its speaker resolved.

Three passes over one article:
1. every quoted stretch (fuentes.extract.speech) is tied to a speech cue: the cue right after
   it in the same sentence (“A,” she said), else the main cue before it in its paragraph
   (She said: “A”), else a colon's sentence; a quote with no cue inherits from the quote it
   continues, the quote before it in its paragraph, or - when it opens its paragraph - the
   last speaker of the paragraph before ("X cautioned that ..." then a quote paragraph).
   A short fragment (fewer words than the lexicon's `min_words`) counts only when a cue
   governs it in the parse or it is a sentence of its own beside a cue: scare quotes,
   titles and nicknames are not speech.
2. reported speech: a speech verb with a content clause ("X said (that) ...", "X told
   reporters ...", "X aseguró que ...") and cue phrases ("according to X, ...", "según X").
3. the cues that attribute something are resolved in text order (fuentes.extract.attribution),
   so that "he added" reaches the right person.
"""

from __future__ import annotations

import bisect
from typing import Any

from fuentes.doc import ArticleDoc
from fuentes.extract.attribution import Resolver, Speaker, same_sentence, tokens_in
from fuentes.extract.speech import QuoteSpan, find_quote_spans, lexicon, paragraphs, word_count
from fuentes.ids import content_id
from fuentes.model import Entity, Evidence, Mention, Quote
from fuentes.nlp.text import doc_text, sentence_of
from fuentes.pipeline import Stage, register

EXTRACTOR = "quotes"
VERSION = "4"  # 2: every quote carries its evidence span; 3: Spanish speakers after the verb, appositive names whole;
# 4: "según X" / "according to X" with X a document or a thing ("el acuerdo", "the figures"), not a person
# noun, is that document's voice (its issuer when its phrase names one), never a person named nearby
_CONTENT_MARKS = {"that", "que"}


def _depth(tok: Any) -> int:
    depth = 0
    while tok.head.i != tok.i and depth < 50:
        tok, depth = tok.head, depth + 1
    return depth


def _governing_cue(doc: Any, span: QuoteSpan, cue_ids: set[int]) -> Any | None:
    """The cue whose parse subtree holds the quote, not through its subject."""
    toks = list(tokens_in(doc, span.start, span.end))
    inside = {t.i for t in toks}
    for tok in toks:
        if tok.head.i in inside and tok.head.i != tok.i:
            continue  # only the quote's own roots lead out of it
        child = tok
        for anc in tok.ancestors:
            if anc.i in cue_ids:
                return None if child.dep_ in ("nsubj", "nsubjpass", "nsubj:pass", "csubj") else anc
            child = anc
    return None


def _main_cue(cues: list[Any]) -> Any:
    """Of the cues in the last sentence that has any, the one highest in the parse."""
    last_sent = sentence_of(cues[-1]).start
    in_sent = [c for c in cues if sentence_of(c).start == last_sent]
    return min(in_sent, key=lambda c: (_depth(c), -c.i))


class _Article:
    """The working state of one article."""

    def __init__(self, body: str, doc: Any, mentions: list[Mention], entities: list[Entity],
                 language: str | None, article: str):
        self.body, self.doc, self.article = body, doc, article
        self.lex = lexicon(language or getattr(doc, "lang_", "en"))
        self.paras = paragraphs(body)
        self._pstarts = [p[0] for p in self.paras]
        self.spans = find_quote_spans(body)
        self.res = Resolver(doc, mentions, entities, self.spans, self.lex, self.paragraph_of)
        self.cues = self.res.cues()
        self.cue_ids = {c.i for c in self.cues}
        self._cue_starts = [c.idx for c in self.cues]

    def paragraph_of(self, char: int) -> int:
        return max(0, bisect.bisect_right(self._pstarts, char) - 1)

    def cues_between(self, start: int, end: int) -> list[Any]:
        lo, hi = bisect.bisect_left(self._cue_starts, start), bisect.bisect_left(self._cue_starts, end)
        return self.cues[lo:hi]

    # ---- pass 1: tie each quote to a cue or a rule -------------------------------------
    def link(self, n: int) -> tuple[str, Any]:
        span = self.spans[n]
        p_start, p_end = self.paras[span.paragraph]
        prev = self.spans[n - 1] if n and self.spans[n - 1].paragraph == span.paragraph else None
        nxt = self.spans[n + 1] if n + 1 < len(self.spans) and self.spans[n + 1].paragraph == span.paragraph else None
        short = word_count(self.body[span.start:span.end]) < self.lex.min_words and not span.dialogue
        governing = _governing_cue(self.doc, span, self.cue_ids)
        if governing is not None and short:
            return "cue", governing
        after = self.cues_between(span.close, nxt.open if nxt else p_end)
        if after and same_sentence(self.body[span.close:after[0].idx], self.lex.abbreviations) and not self._closed_by_period(span):
            if not short or self._own_sentence(span):
                return "cue", after[0]
        gap_start = prev.close if prev else p_start
        before = self.cues_between(gap_start, span.open)
        if before:
            cue = _main_cue(before)
            if not short or (self._own_sentence(span) and same_sentence(self.body[cue.idx:span.open], self.lex.abbreviations)):
                return "cue", cue
        if short and prev is not None and self._own_sentence(span) and self.body[span.start].isupper() \
                and word_count(self.body[prev.close:span.open]) <= 8:
            return "quote", n - 1  # “A,” she said. “B.”: a short sentence goes on speaking
        if short:
            return "drop", None
        if self.body[gap_start:span.open].rstrip().endswith(":"):
            colon = self.body.rindex(":", gap_start, span.open)
            sent = self.doc.char_span(colon, colon + 1, alignment_mode="expand")
            if sent is not None:
                return "colon", self._colon_verb(sent[0])
        if span.continued and n:
            return "quote", n - 1
        if prev is not None:
            return "quote", n - 1
        if span.open == p_start and span.paragraph > 0:
            return "paragraph", span.paragraph - 1
        return "none", None

    def _colon_verb(self, colon: Any) -> Any:
        """The clause that introduces 'X took to Twitter with this: “...”': the last verb with a
        subject before the colon, outside quotes (the parse may root the sentence inside the
        quote), else the sentence's root."""
        for tok in reversed(self.doc[sentence_of(colon).start:colon.i]):
            if tok.pos_ in ("VERB", "AUX") and not self.res.inside[tok.idx] and any(
                    c.dep_ in ("nsubj", "nsubj:pass") and not self.res.inside[c.idx] for c in tok.children):
                return tok
        return sentence_of(colon).root

    def _closed_by_period(self, span: QuoteSpan) -> bool:
        """“... wrong.” A new sentence: a quote ending in a full stop inside its marks is not
        followed by its attribution (that takes a comma, ? or !: “...,” she said)."""
        inner = self.body[span.start:span.end]
        return span.closed and inner.endswith(".") and not inner.endswith("..")

    def _own_sentence(self, span: QuoteSpan) -> bool:
        """The quote is a whole utterance: it ends in . ! ? or a comma inside its marks."""
        tail = self.body[span.end - 1:span.close]
        return any(ch in tail for ch in ".!?,")

    # ---- pass 2: reported speech ---------------------------------------------------------
    def indirect(self) -> list[tuple[Any, int, int]]:
        """(cue, start, end) of content clauses reported by a speech verb or cue phrase."""
        found = []
        for cue in self.cues:
            if self.res.phrase_at(cue):
                span = self._phrase_content(cue)
            elif self.res.is_indirect_verb(cue):
                span = self._clause_content(cue)
            else:
                span = None
            if span is None:
                continue
            start, end = span
            quoted = sum(self.res.inside[start:end])
            if end - start > 0 and quoted / (end - start) <= 0.5 and word_count(self.body[start:end]) >= 3:
                found.append((cue, start, end))
        # speech reported inside reported speech ("X told us he had warned them that ...") is
        # part of the outer statement
        return [f for f in found if not any(o is not f and o[1] <= f[0].idx < o[2] for o in found)]

    def _clause_content(self, cue: Any) -> tuple[int, int] | None:
        clauses = [c for c in cue.children if c.dep_ == "ccomp"]
        if not clauses:
            return None
        clause = clauses[0]
        here = self.paragraph_of(cue.idx)  # a parse run across a paragraph break reports nothing there
        toks = [t for t in clause.subtree if self.paragraph_of(t.idx) == here]
        while toks and (toks[0].lower_ in _CONTENT_MARKS or toks[0].is_punct or toks[0].is_space):
            toks = toks[1:]
        while toks and (toks[-1].is_punct or toks[-1].is_space):
            toks = toks[:-1]
        return (toks[0].idx, toks[-1].idx + len(toks[-1])) if toks else None

    def _phrase_content(self, cue: Any) -> tuple[int, int] | None:
        """'according to X, A' / 'A, según X': the sentence without the attribution phrase."""
        subject = self.res.subject_token(cue)
        if subject is None:
            return None
        node = subject
        while cue not in node.subtree and node.head.i != node.i:
            node = node.head
        lo, hi = min(node.left_edge.i, cue.i), node.right_edge.i + 1
        sent = sentence_of(cue)
        parts = [self.doc[sent.start:lo], self.doc[hi:sent.end]]
        part = max(parts, key=len)
        toks = list(part)
        while toks and (toks[0].is_punct or toks[0].is_space):
            toks = toks[1:]
        while toks and (toks[-1].is_punct or toks[-1].is_space):
            toks = toks[:-1]
        return (toks[0].idx, toks[-1].idx + len(toks[-1])) if len(toks) >= 3 else None

    def _parenthetical(self, cue: Any) -> bool:
        """'A, he said, B': a speech verb set into a sentence attributes it even when the
        parse gives it no content clause; its speaker carries on to the next paragraph."""
        return cue.dep_ in ("parataxis", "advcl", "ROOT") and not self.res.phrase_at(cue) and any(
            c.dep_ in ("nsubj", "nsubj:pass") for c in cue.children)

    # ---- pass 3: resolve and build -------------------------------------------------------
    def run(self) -> list[Quote]:
        links = [self.link(n) for n in range(len(self.spans))]
        reported = self.indirect()
        used = {c.i: c for kind, c in links if kind in ("cue", "colon")}
        used.update({c.i: c for c, _, _ in reported})
        used.update({c.i: c for c in self.cues if c.i not in used and self._parenthetical(c)})
        speakers: dict[int, Speaker | None] = {}
        by_para: dict[int, list[tuple[int, Speaker]]] = {}
        for i in sorted(used):
            cue = used[i]
            speaker = self.res.resolve_cue(cue)
            if speaker is not None and links and any(k == "colon" and c.i == cue.i for k, c in links):
                speaker = speaker if (speaker.entity or speaker.person) else None
            speakers[i] = speaker
            if speaker is not None:
                self.res.note_speaker(speaker, cue.idx)
                by_para.setdefault(self.paragraph_of(cue.idx), []).append((cue.idx, speaker))
        quotes: list[Quote] = []
        quote_speakers: list[Speaker | None] = []
        for n, (kind, ref) in enumerate(links):
            span = self.spans[n]
            speaker, cue_text = None, None
            if kind in ("cue", "colon"):
                speaker, cue_text = speakers.get(ref.i), ref.text
            elif kind == "quote":
                speaker = quote_speakers[ref]
            elif kind == "paragraph":
                earlier = by_para.get(ref, []) + [
                    (self.spans[k].start, s) for k, s in enumerate(quote_speakers)
                    if s is not None and self.spans[k].paragraph == ref]
                speaker = max(earlier, key=lambda x: x[0])[1] if earlier else None
            quote_speakers.append(speaker)
            if kind != "drop":
                quotes.append(self._quote(span.start, span.end, True, speaker, cue_text))
        for cue, start, end in reported:
            speaker = speakers.get(cue.i)
            if speaker is not None:
                quotes.append(self._quote(start, end, False, speaker, cue.text))
        return _dedupe(_drop_embedded(sorted(quotes, key=lambda q: q.start), self.lex.min_words))

    def _quote(self, start: int, end: int, direct: bool, speaker: Speaker | None, cue: str | None) -> Quote:
        text = self.body[start:end]
        return Quote(id=content_id("quo", self.article, text), article=self.article, text=text,
                     start=start, end=end, direct=direct,
                     speaker_name=speaker.name if speaker else None,
                     speaker=speaker.entity if speaker else None, cue=cue)


def _drop_embedded(quotes: list[Quote], min_words: int) -> list[Quote]:
    """A short quoted fragment inside reported speech (X said results were “very exciting”)
    is part of that statement, not a quote of its own."""
    reported = [q for q in quotes if not q.direct]
    return [q for q in quotes if q.direct is False or word_count(q.text) >= min_words
            or not any(r.start <= q.start and q.end <= r.end for r in reported)]


def _dedupe(quotes: list[Quote]) -> list[Quote]:
    seen: set[str] = set()
    out = []
    for q in quotes:
        if q.id not in seen:
            seen.add(q.id)
            out.append(q)
    return out


def extract_quotes(body: str, doc: Any, mentions: list[Mention] | None = None,
                   entities: list[Entity] | None = None, language: str | None = None,
                   article: str = "") -> list[Quote]:
    """Quotes of one article. `doc` is the spaCy Doc of `body`; offsets refer to `body`."""
    if doc is None or doc_text(doc) != body:
        raise ValueError(f"{article or 'article'}: the nlp layer is not a spaCy Doc of this body")
    return _Article(body, doc, mentions or [], entities or [], language, article).run()


@register
class QuotesStage(Stage):
    """Direct quotes and reported speech with speakers resolved to local entities."""

    name = "quotes"
    version = VERSION
    requires = ("nlp", "mentions", "entities", "body", "id", "language")
    provides = ("quotes",)

    def process(self, doc: ArticleDoc) -> ArticleDoc:
        article = doc.get("id") or doc.source
        quotes = extract_quotes(doc.body, doc.get("nlp"), doc.get("mentions"), doc.get("entities"),
                                doc.get("language"), article)
        for quote in quotes:
            quote.evidence = [Evidence(quote.article, quote.start, quote.end, "quotes", VERSION)]
        doc.set("quotes", quotes, self.tag)
        return doc
