"""People inside one article: full names grouped into persons, and the surnames, first names,
initials and untagged name runs that refer back to them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from spacy.attrs import ENT_TYPE, POS
from spacy.symbols import PROPN

from fuentes.corpus.name_constraints import exonym_key, honorific_gender, name_gender
from fuentes.extract.alias_cands import PLACE, Cand
from fuentes.extract.names import (Lexicon, acronym_of, fold, looks_like_acronym, person_keys, prefix_acronym,
                                   same_person_name)
from fuentes.nlp.text import doc_text


_NAME_WORD = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ]+(?:['\u2019-][a-zà-ÿA-ZÀ-Ý]+)*")


def _person_clusters(cands: list[Cand]) -> dict[tuple[str, ...], int]:
    """Full names (>= 2 tokens) of people grouped by `same_person_name`; name tokens -> cluster."""
    names = sorted({c.tokens for c in cands if c.label == "PERSON" and not c.nick and not c.acronym
                    and len(c.tokens) >= 2}, key=len, reverse=True)
    cluster: dict[tuple[str, ...], int] = {}
    blocks: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for n, toks in enumerate(names):  # longest first: a short name joins only one longer person
        keys = [("last", toks[-1]), ("first", toks[0])]
        longer = [o for k in keys for o in blocks.get(k, []) if same_person_name(toks, o)]
        matches = {cluster[o] for o in longer}
        if len(matches) > 1 and all(o[-len(toks):] == toks for o in longer):
            continue  # "López Obrador" of two López Obrador: a shared surname, no person of its own
        cluster[toks] = matches.pop() if len(matches) == 1 else n  # "Carlos Slim" with two Slims: alone
        for k in keys:
            blocks.setdefault(k, []).append(toks)
    return cluster


def key_owners(cluster: dict[tuple[str, ...], int]) -> dict[tuple[str, ...], int]:
    """Short forms that point to exactly one person cluster (strong keys before weak ones)."""
    strong: dict[tuple[str, ...], set[int]] = {}
    weak: dict[tuple[str, ...], set[int]] = {}
    for toks, cid in cluster.items():
        s, w = person_keys(toks)
        for k in s:
            strong.setdefault(k, set()).add(cid)
        for k in w:
            weak.setdefault(k, set()).add(cid)
    owners = {k: next(iter(v)) for k, v in weak.items() if len(v) == 1 and k not in strong}
    owners.update({k: next(iter(v)) for k, v in strong.items() if len(v) == 1})
    for toks, cid in cluster.items():
        owners[toks] = cid
        if len(toks) >= 3:  # "AMLO" for Andrés Manuel López Obrador: the initials of the full name
            owners.setdefault(("acronym:" + "".join(t[0] for t in toks),), cid)
    return owners


def _shared_surnames(cluster: dict[tuple[str, ...], int]) -> dict[tuple[str, ...], set[int]]:
    """Surnames carried by more than one person of the article ("Clinton" of Bill and Hillary
    Clinton, "López Obrador" of Andrés Manuel and Pío López Obrador) -> the clusters that carry them."""
    found: dict[tuple[str, ...], set[int]] = {}
    for toks, cid in cluster.items():
        for key in person_keys(toks)[0]:
            found.setdefault(key, set()).add(cid)
    return {k: v for k, v in found.items() if len(v) > 1}


@dataclass
class _Introduced:
    """How an article names one person in full: where first, how often, whether that first time
    introduces them as someone's relative ("his wife, Heidi Cruz", "su hermano Pío López
    Obrador"), and that first full name."""
    start: int
    times: int
    relative: bool
    name: str


def _introductions(body: str, cands: list[Cand], cluster: dict[tuple[str, ...], int],
                   cids: set[int], lex: Lexicon) -> dict[int, _Introduced]:
    """Each person of `cids` -> how the article names them in full."""
    found: dict[int, _Introduced] = {}
    for c in sorted(cands, key=lambda c: c.start):
        cid = cluster.get(c.tokens) if c.label == "PERSON" else None
        if cid not in cids:
            continue
        if cid in found:
            found[cid].times += 1
            continue
        before = body[max(0, c.start - 30):c.start].replace(",", " ").split()
        found[cid] = _Introduced(c.start, 1, bool(before) and before[-1].casefold() in lex.family_nouns, c.text)
    return found


def _honorific_fits(body: str, c: Cand, name: str) -> bool | None:
    """With an honorific before the bare surname ("Mrs. Clinton", "la Sra. Cruz"), whether the
    person's full name agrees with its gender; None without an honorific or a gendered name."""
    word = body[max(0, c.start - 8):c.start].split()[-1:]
    said = honorific_gender(word[0]) if word else None
    gender = name_gender(name) if said else None
    return None if gender is None else said == gender


def _link_shared(body: str, cands: list[Cand], group: list[Cand], cluster: dict[tuple[str, ...], int],
                 cids: set[int], lex: Lexicon) -> None:
    """A bare surname several people of the article carry refers to the one of them the article
    is about, never merely to the one named last ("Cruz" after "his wife, Heidi Cruz" is Ted
    Cruz). Of the bearers named in full before it: an honorific's gender ("Mrs. Clinton") picks
    the one whose name agrees; a bearer introduced as a relative ("his wife, X") gives way to the
    others; then the one named first, when the article names nobody else of them in full more
    often. When that cannot be told the mention stays unresolved: a guess would join two people."""
    intro = _introductions(body, cands, cluster, cids, lex)
    for c in group:
        bearers = [cid for cid, seen in intro.items() if seen.start < c.start]
        fits = [cid for cid in bearers if _honorific_fits(body, c, intro[cid].name)]
        if fits:
            bearers = fits
        subjects = [cid for cid in bearers if not intro[cid].relative]
        bearers = subjects or bearers
        if not bearers:
            continue
        first = min(bearers, key=lambda cid: intro[cid].start)
        if all(intro[first].times >= intro[cid].times for cid in bearers):
            c.person, c.label, c.shared = first, "PERSON", True


def _after_locative(body: str, c: Cand, lex: Lexicon) -> bool:
    """'in Washington', 'desde Sonora': the word before the span is a place preposition."""
    word = body[max(0, c.start - 12):c.start].split()[-1:]
    return bool(word) and word[0].casefold() in lex.locative_prepositions


def _named_after(tokens: tuple[str, ...], surnames: set[str], lex: Lexicon) -> bool:
    """An organisation named after a person the article names in full: the person's surname and
    generic words only ("Trump University", "Clinton Foundation", "Fundación Slim"). Its first word
    alone is that person ("Trump said"), unlike a company's ("Ford Motor Co.": "Ford said")."""
    rest = [t for t in tokens if t != tokens[0] and t not in lex.name_particles]
    first, last = tokens[0], tokens[-1]
    if first in surnames and rest and all(t in lex.org_keywords for t in rest):
        return True
    return last in surnames and all(t in lex.org_keywords or t in lex.name_particles for t in tokens[:-1])


def link_people(sdoc: Any, cands: list[Cand], lex: Lexicon) -> None:
    """Surnames, first names and shorter full names -> their person; untagged ones added."""
    body = doc_text(sdoc)
    cluster = _person_clusters(cands)
    owners = key_owners(cluster)
    by_surface: dict[tuple[str, ...], list[Cand]] = {}
    for c in cands:
        by_surface.setdefault(c.tokens, []).append(c)
    shared = _shared_surnames(cluster)
    # "Ford Motor Co." ... "Ford said": a word that opens a company's name the article gives is that
    # company where the model reads it as one, not the surname of "William Clay Ford Jr."
    surnames = {c.tokens[-1] for c in cands if c.label == "PERSON" and len(c.tokens) >= 2}
    org_heads = {c.tokens[0] for c in cands if c.label == "ORG" and len(c.tokens) >= 2 and not c.acronym
                 and not _named_after(c.tokens, surnames, lex)}
    for toks, group in by_surface.items():
        if len(toks) == 1 and toks[0] in org_heads and 2 * sum(c.label == "ORG" for c in group) > len(group):
            continue
        cid = owners.get(toks)
        if cid is None and toks in shared and not any(c.nick for c in group):
            _link_shared(body, cands, group, cluster, shared[toks], lex)
            continue
        if cid is None or any(c.nick for c in group):
            continue
        if all(c.label in PLACE for c in group) and any(_after_locative(body, c, lex) for c in group):
            continue  # "in Washington": the place stays a place beside "George Washington"
        if all(c.label == "NORP" for c in group):
            continue  # "Republicans" beside "Log Cabin Republicans": a party word, no surname
        for c in group:
            c.person, c.label = cid, "PERSON"
    covered = {i for c in cands for i in range(c.start, c.end)}
    tagged = _model_labels(cands)  # spans added below are no model tags: counted once, here
    # runs of capitalised proper nouns the model did not tag at all; the proper nouns outside
    # entities are found from the Doc's arrays without making a Token for every word
    tags = sdoc.to_array([POS, ENT_TYPE])
    run: list[Any] = []
    last = -2
    for i in ((tags[:, 0] == PROPN) & (tags[:, 1] == 0)).nonzero()[0].tolist():
        tok = sdoc[i]
        fits = tok.text[:1].isupper() and tok.idx not in covered
        if run and (not fits or i != last + 1):  # a word in between that is none ends the run
            _untagged_run(sdoc, body, run, owners, cands, tagged, lex)
            run = []
        if fits:
            run.append(tok)
            last = i
    if run:
        _untagged_run(sdoc, body, run, owners, cands, tagged, lex)


def opens_sentence(sdoc: Any, i: int, dashes: bool = False) -> bool:
    """Cheap test (no parse lookup): the token follows a line break, end punctuation or nothing.
    With `dashes`, a free-standing dash counts too (a dateline's "MINNEAPOLIS — El Acuerdo",
    "BERLÍN.- Un"): for telling a capitalised common word from a name, not for telling where a
    name starts (a list's "France - Didier Deschamps" holds whole names after its dashes)."""
    j = i - 1
    if j < 0:
        return True
    prev = sdoc[j]  # one Token for every test below
    if prev.is_space:
        return True
    text, space = prev.text, prev.whitespace_
    if text in _SENTENCE_MARKS or "\n" in space:
        return True
    if not dashes:
        return False
    if text.endswith(".-") and space:
        return True  # "BERLÍN.- Un incendio": a dateline glued to its mark
    # a free-standing dash, not a hyphen inside a compound
    return text in _DASHES and bool(space or j == 0 or sdoc[j - 1].whitespace_)


_SENTENCE_MARKS = frozenset({".", "!", "?", ":", '"', "\u201c", "\u201d"})
_DASHES = frozenset({"-", "--", ".-", "\u2014", "\u2013"})


def _given_name(tok: Any, lex: Lexicon) -> bool:
    """A word that can open a person's name: one capitalised word of letters, not a title, not
    the tail of a hyphenated compound ('Sergeant-at-Arms')."""
    text, doc = tok.text, tok.doc
    whole = tok.i == 0 or bool(doc[tok.i - 1].whitespace_)
    return whole and text.isalpha() and text[:1].isupper() and not text.isupper() and tok.lower_ not in lex.titles


def _untagged_run(sdoc: Any, body: str, run: list[Any], owners: dict, cands: list[Cand],
                  tagged: dict[tuple[str, ...], dict[str, int]], lex: Lexicon) -> None:
    """A run like 'Elena Varela Soto' whose tail is a known person key becomes that person."""
    while run and (run[0].lower_ in lex.titles or (len(run) > 1 and opens_sentence(sdoc, run[0].i))):
        run = run[1:]  # titles, and a capitalised sentence opener ("Killing Salas Ibarra")
    folded = tuple(fold(t.text) for t in run)
    if len(run) == 1 and looks_like_acronym(run[0].text) and len(run[0].text) >= 3:
        folded = ("acronym:" + folded[0].replace(".", ""),)
    for n in range(len(run)):
        cid = owners.get(folded[n:])
        if cid is not None and len(run[-1].text) > 2:
            # the name is the part that matched ("Sergeant-at-Arms Kevin Vickers" is Kevin
            # Vickers) and plain given names before it ("Elena" of "Elena Varela Soto")
            while n > 0 and _given_name(run[n - 1], lex):
                n -= 1
            start, end = run[n].idx, run[-1].idx + len(run[-1].text)
            cands.append(Cand(start, end, body[start:end], "PERSON", person=cid, acronym=folded[0].startswith("acronym:")))
            return
    if folded and folded[0].startswith("acronym:") and _spelled_organisation(body, run[0], cands, lex):
        return
    if not _speaking_name(body, run, cands, tagged, lex) and not _known_name(body, run, cands, tagged) \
            and not _headed_org(sdoc, body, run, cands, lex):
        _framed_name(sdoc, body, run, cands, lex)


def _spelled_organisation(body: str, tok: Any, cands: list[Cand], lex: Lexicon) -> bool:
    """An untagged acronym that spells the one organisation name the article gives, by its
    initials or the beginnings of its words ("SIA dijo" beside "Singapore Airlines"), is a mention
    of that organisation: added under the organisation's name, its own text an alias."""
    text = tok.text
    own = exonym_key((fold(text),))  # "S.C." names South Carolina in the exonym table, never "Supreme Court"
    orgs = {c.tokens: c for c in cands if c.label == "ORG" and not c.acronym and not c.nick and len(c.tokens) >= 2
            and (acronym_of(text, c.tokens, lex.acronym_stopwords) or prefix_acronym(text, c.tokens, lex.acronym_stopwords))
            and (own is None or exonym_key(c.tokens) == own)}
    if len(orgs) != 1:
        return False
    org = next(iter(orgs.values()))
    start, end = tok.idx, tok.idx + len(text)
    cands.append(Cand(start, end, body[start:end], "ORG", name=org.name or org.text, extra_aliases=[text]))
    return True


def _model_labels(cands: list[Cand]) -> dict[tuple[str, ...], dict[str, int]]:
    """Name tokens -> how often the model tagged that very name with each label in the article."""
    found: dict[tuple[str, ...], dict[str, int]] = {}
    for c in cands:
        if c.model_label and not c.nominal:
            counts = found.setdefault(c.tokens, {})
            counts[c.label] = counts.get(c.label, 0) + 1
    return found


def _speaking_name(body: str, run: list[Any], cands: list[Cand], tagged: dict[tuple[str, ...], dict[str, int]],
                   lex: Lexicon) -> bool:
    """An untagged name after a title, or one the article names mostly as a person elsewhere,
    that is the subject of a human verb ("Chief Na'moks said") is a person: the model misses
    unusual names, and the quote needs its speaker."""
    cut = max((n + 1 for n, t in enumerate(run) if t.lower_ in lex.titles), default=0)
    run = run[cut:]  # "Hereditary Chief Na'moks": the name follows the last title word
    if not run or len(run) > 3 or run[-1].dep_ != "nsubj" or run[-1].head.lemma_ not in lex.human_verbs:
        return False
    folded = tuple(fold(t.text) for t in run)
    labels = tagged.get(folded, {})
    if not cut and labels.get("PERSON", 0) * 2 <= sum(labels.values()):
        return False  # "Apple said": without a title, or a name tagged mostly as no person, no person
    if any(not _NAME_WORD.fullmatch(t.text) or fold(t.text) in lex.org_keywords
           or fold(t.text) in lex.generic_org_words for t in run):
        return False
    start, end = run[0].idx, run[-1].idx + len(run[-1].text)
    cands.append(Cand(start, end, body[start:end], "PERSON"))
    return True


def _known_name(body: str, run: list[Any], cands: list[Cand], tagged: dict[tuple[str, ...], dict[str, int]]) -> bool:
    """One name, one sense within an article: an untagged run that is exactly a name the model
    tagged elsewhere in the article ('TransLink', 'Facebook') is a mention of it, with the
    label the model gave it most often there (organisations and places; people go through
    their full names)."""
    if not run or len(run) > 4 or any(not t.text[:1].isalpha() for t in run):
        return False
    start, end = run[0].idx, run[-1].idx + len(run[-1].text)
    labels = tagged.get(tuple(fold(t.text) for t in run), {})
    if not labels:
        return False
    label = max(sorted(labels), key=lambda k: (labels[k], k != "PERSON"))
    if label == "PERSON":
        return False  # people are linked through their full names above, shared surnames by `_link_shared`
    cands.append(Cand(start, end, body[start:end], label))
    return True


def _headed_org(sdoc: Any, body: str, run: list[Any], cands: list[Cand], lex: Lexicon) -> bool:
    """An untagged name right after an organisation noun ("media buying company GroupM", "la
    empresa Pemex") names that organisation."""
    if not run or len(run) > 4 or run[0].i == 0 or opens_sentence(sdoc, run[0].i):
        return False
    before = sdoc[run[0].i - 1]
    if before.pos_ == "NOUN" and before.lower_ in lex.org_heads and any(c.isalpha() for c in run[-1].text):
        start, end = run[0].idx, run[-1].idx + len(run[-1].text)
        cands.append(Cand(start, end, body[start:end], "ORG"))
        return True
    return False


_FRAMED_WORD = re.compile(r"[A-ZÀ-Ý][\w&.'\u2019-]*")
_POSSESSIVES = frozenset({"'s", "\u2019s"})


def _common_word(tok: Any, lex: Lexicon) -> bool:
    """A word that names an institution alone or is a common noun of the language."""
    from fuentes.extract.alias_words import common_words

    word = tok.lower_
    return word in lex.standalone_names or word in lex.institution_words or word in lex.generic_org_words \
        or word in lex.org_heads or word in common_words(lex.language).get("noun", frozenset())


def _framed_name(sdoc: Any, body: str, run: list[Any], cands: list[Cand], lex: Lexicon) -> None:
    """An untagged run of proper nouns inside a sentence that an article or a possessive opens
    ("the Dow Jones Industrial Average", "Germany's DAX", "el Nikkei"), or one of two words or
    more ("on Wall Street"), is a name the model missed: a mention of kind 'other' (MISC), which
    corpus resolution joins with the one organisation or place of its name; the article's
    common-words test drops it when it is only common words ("the Internet" beside "internet")."""
    if not run or len(run) > 5 or run[0].i == 0 or opens_sentence(sdoc, run[0].i, dashes=True):
        return
    if any(not _FRAMED_WORD.fullmatch(t.text) or t.lower_ in lex.titles for t in run):
        return
    if len(run) == 1 and _common_word(run[0], lex):
        return  # "el Congreso", "the Senate": an institution or a common noun, named by the article's own rules
    before = sdoc[run[0].i - 1]
    after = sdoc[run[-1].i + 1] if run[-1].i + 1 < len(sdoc) else None
    framed = (before.lower_ in lex.determiners and before.pos_ == "DET") or before.lower_ in _POSSESSIVES
    if not before.whitespace_:
        return  # glued to what precedes it ("Bennett/Getty Images"): a piece of a credit or an address
    if (not framed and (len(run) < 2 or before.text[:1].isupper())) or (after is not None and after.text[:1].isupper()):
        return  # a piece of a longer capitalised run ("House Majority Leader Kevin McCarthy") is no name alone
    start, end = run[0].idx, run[-1].idx + len(run[-1].text)
    cands.append(Cand(start, end, body[start:end], "MISC"))
