"""How the mentions of one article link into local entities (the name rules are in
fuentes.extract.names; nicknames in alias_nicknames, people in alias_people):

- a surname, first name, shorter full name or initials -> the person named in full;
- a parenthesised acronym after a name is its alias whatever the order of its letters, and it is
  the name wherever the article writes it again;
- organisations: a shorter form that is a prefix or suffix of one longer name ("the Times"); an
  acronym beside generic words ("NPD" of "NPD Group");
- products: the end of one longer product name ("A380" of "Airbus A380"), and a maker tagged
  apart before a product with a model number names it with the product ("Airbus" + "A380");
- titles before a name, party tags and appositive roles after it give roles; "the President"
  alone is the one person of the article holding that title; an office's title with its
  organisation ("Apple CEO") and a closed apposition without a verb ("CEO de Apple,") are
  evidence spans of the person (`Cand.spans`), beside the organisation's own mention.

Every public name of fuentes.extract.names is importable from here too.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from itertools import pairwise
from typing import Any

from fuentes.corpus.name_constraints import LEGAL_FORMS, exonym_key, generic_name_words
from fuentes.extract.alias_cands import PLACE, Cand, clean_surface, group_label, overlapping
from fuentes.extract.alias_nicknames import link_el_forms, link_nicknames
from fuentes.extract.alias_people import key_owners, link_people, opens_sentence
from fuentes.extract.names import (DATA, OPENERS, POSSESSIVE, QUOTED_NICK, Lexicon, acronym_of, appositive_role,
                                   camel_case, cue_pattern, fold, initials, is_nickname_form, is_subsequence, lexicon,
                                   looks_like_acronym, name_tokens, org_variant, party_role, person_keys, prefix_acronym,
                                   same_person_name, title_before, visible)
from fuentes.unionfind import UnionFind
from fuentes.nlp.text import doc_text, morph_values

__all__ = [
    "DATA", "PLACE", "QUOTED_NICK", "Cand", "Lexicon", "acronym_of", "appositive_role", "camel_case", "clean_surface",
    "cue_pattern", "fold", "group_label", "initials", "is_nickname_form", "is_subsequence", "lexicon", "link",
    "looks_like_acronym", "name_tokens", "opens_sentence", "org_variant", "party_role", "person_keys",
    "resolve_name", "same_person_name", "title_before", "visible",
]

_PAREN_ACRONYM = re.compile(r"^\s*\(\s*(?P<acr>[A-ZÁÉÍÓÚÑ][A-ZÁÉÍÓÚÑ.&]{1,9})\s*\)")
# ' of <Place>' after a titled name: up to three capitalised words on its line, no sentence end inside
_OF_PLACE = re.compile(r"^[ \t]+(?:of|de)[ \t]+(?P<place>[A-ZÁÉÍÓÚÑ]\w*(?:[ \t]+[A-ZÁÉÍÓÚÑ]\w*){0,2})")


def _titles_and_roles(body: str, cands: list[Cand], lex: Lexicon, sdoc: Any = None) -> None:
    """Titles before a person's name, ' of <Place>', party tags and appositive roles after it.
    A name inside a title is part of it, not a mention: the "State" of "Secretary of State
    Hillary Clinton" named the Islamic State of the same article."""
    in_titles: list[tuple[int, int]] = []
    for c in cands:
        if c.label != "PERSON" or c.nick:
            continue
        window = max(0, c.start - 60)
        before = body[window:c.start]
        words = before.split()
        hit = title_before(words, lex) if before.endswith((" ", "\n")) else None
        if hit:
            words[-hit[0]] = words[-hit[0]].lstrip(OPENERS)  # '"Mayor Roe's plan'
        if hit and lex.language == "en" and not words[-hit[0]][:1].isupper() \
                and _title_owner(body, c, window + [m.start() for m in re.finditer(r"\S+", before)][-hit[0]],
                                 cands, lex) is None:
            hit = None  # English titles before a name are capitalised ("drug lord X" is no title), unless an
            # organisation's name opens them ("Airbus chief executive Noel Forgeard")
        after = body[c.end:c.end + 160]
        if not hit:
            _role_of_body_before(body, c, cands, lex)
        if hit:
            n, role = hit
            title_words = words[-n:]
            starts = [m.start() for m in re.finditer(r"\S+", before)]
            if n > 1:
                in_titles.append((window + starts[-n], c.start))
            if role:  # an office, not a courtesy title ("Mr.")
                _title_span(body, c, window + starts[-n], cands, lex)
            c.extra_aliases.append(" ".join(title_words + [c.text]))
            if role:
                of = _OF_PLACE.match(after)
                near = words[-n - 3:-n]
                cut = max((i + 1 for i, w in enumerate(near) if w.endswith((",", ";", ":", ".", ")"))), default=0)
                # a possessive before a comma owns another phrase ("Clinton's primary opponent, Sen. Bernie Sanders")
                owner = [w for w in near[cut:] if w.endswith(("'s", "\u2019s")) and w[:1].isupper()]
                joiner = "de" if lex.language == "es" else "of"  # written in the article's language
                if of:
                    role = f"{role} {joiner} {of['place']}"
                elif owner:
                    role = f"{role} {joiner} {POSSESSIVE.sub('', owner[-1])}"
                c.roles.append(role)
        apposition = appositive_role(after, lex)
        at = after.find(apposition) if apposition else -1
        if apposition and _clause_like(sdoc, c.end + at, c.end + at + len(apposition)):
            apposition = None  # "Clinton, over the email server she used as secretary of state": no role
        for extra in (party_role(after, lex), apposition):
            if extra:
                c.roles.append(extra)
        if apposition:
            mark = after[at + len(apposition):at + len(apposition) + 1]
            first = apposition.split()[0].casefold().strip(".'")
            # closed by a comma, or ending the sentence when it opens with its role ("..., CEO de Apple.")
            closed = mark in (",", ";", ")") or (mark in (".", "") and first in lex.role_nouns)
            if at > 0 and closed and not _has_verb(sdoc, c.end + at, c.end + at + len(apposition)):  # "Steve Jobs, CEO de Apple, dijo": the apposition names the person too
                c.spans.append((c.end + at, c.end + at + len(apposition)))
    if in_titles:
        cands[:] = [c for c in cands if c.label == "PERSON" or not any(a <= c.start and c.end <= b for a, b in in_titles)]


def _clause_like(sdoc: Any, start: int, end: int) -> bool:
    """Whether the text after a name's comma is a clause or a prepositional phrase rather than a
    role: it holds a finite verb ("the approval rating remains strong", "que usó") or opens with a
    preposition ("over the server", "sobre el correo"). A participle describes ("nominated for
    president") and stays."""
    span = _tokens_between(sdoc, start, end)
    if span is None or not len(span):
        return False
    return span[0].pos_ == "ADP" or any(t.pos_ in ("VERB", "AUX") and "Fin" in morph_values(t, "VerbForm") for t in span)


def _has_verb(sdoc: Any, start: int, end: int) -> bool:
    """Whether the text between the offsets holds a verb ("president and CEO of Boeing said")."""
    span = _tokens_between(sdoc, start, end)
    return span is not None and any(t.pos_ in ("VERB", "AUX") for t in span)


def _tokens_between(sdoc: Any, start: int, end: int) -> Any:
    """The parse's tokens covering the offsets, or None without a parse."""
    return sdoc.char_span(start, end, alignment_mode="expand") if sdoc is not None else None


_TITLE_JOINERS = frozenset({"and", "y", "e", "&"})


def _title_span(body: str, person: Cand, start: int, cands: list[Cand], lex: Lexicon) -> None:
    """The title before a person's name with what qualifies it ("Apple CEO", "GM Chairman and
    CEO", "Airbus's Chief Executive") is an evidence span of the person: it refers to them. It
    runs left over titles joined by and/y and over the one name that ends right before it (the
    title's organisation)."""
    owner = _title_owner(body, person, start, cands, lex)
    if owner is not None:
        start = owner.start
    else:
        start = _joined_titles_start(body, start, lex)
    end = person.start
    while end > start and body[end - 1].isspace():
        end -= 1
    if end > start:
        person.spans.append((start, end))


def _joined_titles_start(body: str, start: int, lex: Lexicon) -> int:
    """Where a title run starts, left over titles joined by and/y ("CEO and co-founder")."""
    while True:
        head = body[max(0, start - 40):start]
        m = re.search(r"(\S+)\s+(\S+)\s+$", head)
        if not m or m[2].casefold() not in _TITLE_JOINERS or m[1].casefold().strip(",") not in lex.titles:
            return start
        start -= len(head) - m.start()


def _title_owner(body: str, person: Cand, start: int, cands: list[Cand], lex: Lexicon) -> Cand | None:
    """The organisation or place whose name ends right before a title run (its possessive aside)
    that starts at `start` before `person` ("Apple CEO", "Airbus chief executive", "Apple Computer
    CEO and co-founder"), or None."""
    start = _joined_titles_start(body, start, lex)
    owner = [o for o in cands if o is not person and o.label != "PERSON" and o.end <= start
             and re.fullmatch(r"(?:['\u2019]s)?\s+", body[o.end:start])]
    return max(owner, key=lambda o: o.end) if owner else None


# "el consejero delegado de Airbus, Noel Forgeard", "the chief executive of Airbus, Noel Forgeard": an article, a
# title of lower-case words, the organisation's name after de/of, its comma, then the person
_ROLE_OF_BODY = re.compile(r"(?:^|\s)(?P<det>[^\W\d_]+)\s+(?P<title>[^\W\d_][\w-]*(?:\s+[^\W\d_][\w-]*){0,2})"
                           r"\s+(?:de la|del|de|of the|of)\s+$")


def _role_of_body_before(body: str, person: Cand, cands: list[Cand], lex: Lexicon) -> None:
    """A title of an organisation written with its article before a person's name and its comma
    ("el consejero delegado de Airbus, Noel Forgeard, dijo", "the chief executive of Airbus, Noel
    Forgeard,") is the person's role, and the title with the organisation's name an evidence span
    of them. The title is lower case and opens with a role word (`role_nouns`) or is a title."""
    if body[max(0, person.start - 2):person.start] != ", ":
        return
    owner = next((o for o in cands if o is not person and o.label == "ORG" and o.end == person.start - 2), None)
    if owner is None:
        return
    base = max(0, owner.start - 60)
    m = _ROLE_OF_BODY.search(body[base:owner.start])
    if m is None or m["det"].casefold() not in lex.determiners:
        return
    title = m["title"]
    words = title.casefold().split()
    if not all(w.islower() or w.isupper() for w in title.split()) or not (
            words[0] in lex.role_nouns or " ".join(words) in lex.titles) or words[0] in lex.family_nouns:
        return  # "el hijo de X", "la Ciudad de México": no office
    joiner = "de" if lex.language == "es" else "of"
    person.roles.append(f"{title} {joiner} {owner.text}")
    person.spans.append((base + m.start("title"), owner.end))


def _title_references(body: str, cands: list[Cand], lex: Lexicon, edges: list[tuple[Cand, Cand]]) -> None:
    """'the President' alone refers to the one person of the article holding that title."""
    holders: dict[str, dict[Any, Cand]] = {}
    for c in cands:
        for role in c.roles:
            base = re.split(r" (?:of|de) ", role, maxsplit=1)[0]
            holders.setdefault(base, {})[c.person if c.person is not None else c.tokens] = c
    titles = sorted({v for v in lex.titles.values() if v and v[:1].isupper() and v in holders}, key=len, reverse=True)
    if not titles:
        return
    dets = "|".join(re.escape(d) for d in sorted(lex.determiners))
    pattern = re.compile(r"\b(?i:" + dets + r")\s+(?:" + "|".join(re.escape(t) for t in titles)
                         + r")\b(?!\s+(?:[A-ZÁÉÍÓÚÑ]|of\b|de\b))")
    for m in pattern.finditer(body):
        title = m.group().split(None, 1)[1]
        owners = holders.get(title, {})
        inside = overlapping(cands, m.start(), m.end())
        if inside and all(fold(c.text) == fold(title) for c in inside):
            for c in inside:  # the model tagged the title itself ("la Presidenta"): a reference, no name
                cands.remove(c)
            inside = []
        if title[:1].isupper() and len(owners) == 1 and not inside:
            target = next(iter(owners.values()))
            new = Cand(m.start(), m.end(), m.group(), "PERSON", person=target.person, nominal=True)
            cands.append(new)
            edges.append((target, new))


def _acronym_edges(body: str, cands: list[Cand], edges: list[tuple[Cand, Cand]], lex: Lexicon) -> None:
    """'Name (ACR)': the acronym is an alias of the name it follows, in whatever order its letters
    come (CDG after Cártel del Golfo), as long as they are the name's initials, or when it is spelt
    by the beginnings of the name's words (SIA after Singapore Airlines)."""
    for c in list(cands):
        m = _PAREN_ACRONYM.match(body[c.end:c.end + 16])
        letters = set(fold(m["acr"]).replace(".", "").replace("&", "")) if m else set()
        if m and not c.acronym and (letters <= set(initials(c.tokens, frozenset(), keep_stop=True))
                                    or prefix_acronym(m["acr"], c.tokens, lex.acronym_stopwords)):
            s = c.end + m.start("acr")  # 'Doug Flach (U.S.)' is a country, not an acronym
            found = [o for o in overlapping(cands, s, s + len(m["acr"])) if o is not c]
            acr = found[0] if found else Cand(s, s + len(m["acr"]), m["acr"], c.label)
            if not found:
                cands.append(acr)
            edges.append((c, acr))
            _acronym_repeats(body, m["acr"], c, cands, edges)


def _acronym_repeats(body: str, acronym: str, name: Cand, cands: list[Cand], edges: list[tuple[Cand, Cand]]) -> None:
    """Once 'Singapore Airlines (SIA)' introduces it, the acronym written again on its own
    ('SIA dijo') is the name too, where the model left it untagged."""
    pattern = re.compile(r"(?<![\w\-&.])" + re.escape(acronym) + r"(?![\w\-&]|\.\w)")
    for hit in pattern.finditer(body, name.end):
        if not overlapping(cands, hit.start(), hit.end()):
            new = Cand(hit.start(), hit.end(), acronym, name.label)
            cands.append(new)
            edges.append((name, new))


def _merge_variants(cands: list[Cand], uf: UnionFind, lex: Lexicon,
                    spelt: dict[tuple[str, ...], str] | None = None) -> None:
    """Organisation short forms and acronyms join the one longer name they abbreviate. A short form
    of two words or more that the article writes before it first gives the longer name is a body
    of its own ("la Asamblea Nacional" ... "la Asamblea Nacional Constituyente": two bodies); an
    article gives a body's full name before shortening it. Nor does one join a longer name that
    goes on right after it with a word of its own (no "de" / "of": "Constituyente") when the
    article gives that name an acronym in brackets the short form does not spell: the article
    shortens that name by its acronym ("Asamblea Nacional Constituyente (ANC)" ... "la Asamblea
    Nacional", AN; "Comisión Nacional de Derechos Humanos (CNDH)" ... "la Comisión Nacional" joins)."""
    spelt = spelt or {}
    surface: dict[tuple[str, ...], int] = {}
    for i, c in enumerate(cands):
        surface.setdefault(c.tokens, i)
    orgs = {t: i for t, i in surface.items() if cands[i].label == "ORG" and not cands[i].acronym}
    index: dict[str, list[tuple[str, ...]]] = {}
    for t in orgs:
        for k in {t[0], t[-1]}:
            index.setdefault(k, []).append(t)
    first = {}
    for c in cands:
        first[c.tokens] = min(first.get(c.tokens, c.start), c.start)
    for short, i in orgs.items():
        longs = {uf.find(orgs[t]) for k in {short[0], short[-1]} for t in index.get(k, [])
                 if org_variant(short, t, lex) and _institution_of_place(short, t, lex) and not _role_added(short, t, lex)
                 and not _another_body(short, t, first, spelt, lex) and not _meeting_of(short, t, lex)}
        if len(longs) == 1:
            uf.union(i, longs.pop())
    _product_short_forms(cands, surface, uf, lex)
    _first_word_short_forms(cands, surface, uf, lex)
    _model_short_forms(cands, surface, uf)
    names = [(t, i) for t, i in surface.items() if len(t) >= 2 and not cands[i].nick
             and cands[i].label in ("PERSON", "ORG", "NORP", "MISC", "GPE", "FAC")]
    for t, i in surface.items():
        if cands[i].acronym:
            targets = {uf.find(j) for n, j in names if _acronym_fits(cands[i], n, cands[j], lex)}
            if not targets:  # else the name it spells but for a generic word ending it
                targets = {uf.find(j) for n, j in names if cands[j].label == "ORG"
                           and _spelt_without_generic_end(cands[i], n, lex)}
            if len(targets) == 1:
                uf.union(i, targets.pop())


def _another_body(short: tuple[str, ...], long: tuple[str, ...], first: dict[tuple[str, ...], int],
                  spelt: dict[tuple[str, ...], str], lex: Lexicon) -> bool:
    """A short form of two words or more names a body other than the longer name (see
    `_merge_variants`): written before the longer name first is, or the longer name goes on right
    after it with a word of its own and has an acronym in brackets the short form does not spell;
    unless the longer name only adds a legal form or a company's generic word."""
    if len(short) < 2 or _legal_form_added(short, long, lex):
        return False
    if first[short] < first[long]:
        return True
    return long in spelt and long[:len(short)] == short and long[len(short)] not in lex.name_particles \
        and not acronym_of(spelt[long], short, lex.acronym_stopwords)


def _legal_form_added(short: tuple[str, ...], long: tuple[str, ...], lex: Lexicon) -> bool:
    """The longer name is the shorter with its legal form or a generic word of companies ("General
    Motors" / "General Motors Corp.", "Aer Lingus" / "Aer Lingus Group PLC")."""
    return long[:len(short)] == short and all(t.replace(".", "") in LEGAL_FORMS or t in LEGAL_FORMS
                                              or t in lex.generic_org_words for t in long[len(short):])


def _role_added(short: tuple[str, ...], long: tuple[str, ...], lex: Lexicon) -> bool:
    """The longer name adds a person's role or trade to the body's ("White House Doctor", "Pentagon
    spokesman", "médico de la Casa Blanca"): a person described by the body, no name of it."""
    rest = long[len(short):] if long[:len(short)] == short else long[:len(long) - len(short)]
    roles = _folded_roles(lex.language)
    return any(t in roles for t in rest)


@lru_cache(maxsize=None)
def _folded_roles(language: str) -> frozenset[str]:
    """A language's role, trade and person nouns, folded as name tokens are (read once)."""
    lex = lexicon(language)
    return frozenset(fold(w) for w in (*lex.role_nouns, *lex.trailing_roles, *lex.person_nouns))


_PRODUCT_LABELS = frozenset({"PRODUCT", "MISC", "WORK_OF_ART", "EVENT"})


def _product_short_forms(cands: list[Cand], surface: dict[tuple[str, ...], int], uf: UnionFind, lex: Lexicon) -> None:
    """A product named with its maker's or brand's name and then without it ("Airbus A380" ...
    "the A380", "Chevrolet Volt" ... "el Volt") is one product: the short form is the end of the
    one longer product name, a word or more of its own that is no person and no generic word, and
    not after a particle ("Primera de la Audiencia de Vizcaya" / "Vizcaya", "Copa de Europa" /
    "Europa": the name after 'de' is what the thing is of, another entity)."""
    longs = [(t, i) for t, i in surface.items() if len(t) >= 2 and cands[i].label in _PRODUCT_LABELS]
    if not longs:
        return
    for short, i in surface.items():
        c = cands[i]
        if c.label in ("PERSON", "GPE", "LOC") or c.nick or c.acronym or all(t in lex.generic_org_words for t in short):
            continue
        # (after "de" / "of" the end of a name is what it belongs to, not its short form: "Europa" of
        # "Copa de Europa"; and a place is no product's short form)
        targets = {uf.find(j) for t, j in longs for end in _ends_of(t) if len(short) < len(end) and end[-len(short):] == short
                   and end[-len(short) - 1] not in lex.name_particles}
        if len(targets) == 1:
            uf.union(i, targets.pop())



def _ends_of(name: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """A product's name, and the same in the singular when the article writes its last word in the plural
    ("Boeing 787 Dreamliners" ... "the Dreamliner"; not a model number's figures, nor a word in -ss)."""
    last = name[-1]
    if len(last) > 3 and last.endswith("s") and not last.endswith("ss") and last[:-1].isalpha():
        return name, (*name[:-1], last[:-1])
    return (name,)

def _first_word_short_forms(cands: list[Cand], surface: dict[tuple[str, ...], int], uf: UnionFind, lex: Lexicon) -> None:
    """'la Premier' in an article that names the 'Premier League' ("the Premier" too): a one-word
    body or thing that is the first word of the one longer name of an event, a league, a product
    or a work the article gives is its short form (not a person, a place or a generic word; a body's longer name is often another body:
    "Netflix" is no short form of "Netflix Latinoamérica"; a maker before a model number is the maker: "Airbus" /
    "Airbus A380")."""
    from fuentes.extract.speakers import first_name_gender

    longs = [(t, i) for t, i in surface.items() if len(t) >= 2 and cands[i].label in _PRODUCT_LABELS
             and not cands[i].nick and not cands[i].acronym]
    if not longs:
        return
    joined = Counter(uf.find(i) for i in surface.values())  # a word already the short form of a body's
    for short, i in surface.items():                       # name ("Apple" of "Apple Inc.") is that body's
        c = cands[i]
        if len(short) != 1 or not c.text.isalpha() or c.label not in _FIRST_WORD_LABELS or c.nick or c.acronym \
                or joined[uf.find(i)] > 1 \
                or short[0] in lex.generic_org_words or short[0] in lex.qualified_institutions \
                or short[0] in lex.standalone_names or first_name_gender(f"{c.text} {c.text}") is not None:
            continue
        targets = {uf.find(j) for t, j in longs if t[0] == short[0] and (exonym_key(t[1:]) or ("",))[0] != "~places"
                   and not any(ch.isdigit() for word in t[1:] for ch in word) and not _meeting_of(short, t, lex)}  # "Airbus" / "Airbus A380": the maker
        if len(targets) == 1:  # ("Netflix Latinoamérica": a body's branch in a place is no longer name of it)
            uf.union(i, targets.pop())



# a letter-led model number, folded ("a350", "md-80"), and its plural ("a350s")
_MODEL_WORD = re.compile(r"[a-z]{1,3}-?\d{2,4}[a-z]{0,3}")
_MODEL_PLURAL = re.compile(r"[a-z]{1,3}-?\d{2,4}[a-z]{0,2}s")


def _model_short_forms(cands: list[Cand], surface: dict[tuple[str, ...], int], uf: UnionFind) -> None:
    """A letter-led model number alone, in the singular or the plural ("A350", "A350s"), is the one
    product of the article whose name it is or whose name it opens or ends ("A350 XWB", "Airbus
    A350", "A350"): the article shortens the product's name to its model."""
    products = [(t, i) for t, i in surface.items() if cands[i].label in _PRODUCT_LABELS and not cands[i].nick]
    for short, i in surface.items():
        if len(short) != 1 or cands[i].label not in _PRODUCT_LABELS:
            continue
        word = short[0]
        model = word[:-1] if _MODEL_PLURAL.fullmatch(word) else word if _MODEL_WORD.fullmatch(word) else None
        if model is None:
            continue
        targets = {uf.find(j) for t, j in products if t != short and (t == (model,) or (
            len(t) >= 2 and model in (t[0], t[-1])))}
        if len(targets) == 1:
            uf.union(i, targets.pop())

_FIRST_WORD_LABELS = frozenset({"ORG", "MISC", "EVENT", "WORK_OF_ART"})


def _meeting_of(short: tuple[str, ...], long: tuple[str, ...], lex: Lexicon) -> bool:
    """A body's name at the holder's end of a meeting's name ('Apple' / 'Apple Worldwide Developers
    Conference', 'Apple' / 'Conferencia de Desarrolladores de Apple'; `meeting_words`) is the body
    that holds the meeting, no short form of it."""
    if not lex.meeting_words or len(long) <= len(short):
        return False
    if long[:len(short)] == short and long[-1] in lex.meeting_words:
        return True
    return long[-len(short):] == short and long[0] in lex.meeting_words and long[-len(short) - 1] in lex.name_particles


def _institution_of_place(short: tuple[str, ...], long: tuple[str, ...], lex: Lexicon) -> bool:
    """A word that alone names an institution ("House", "Senado") is the short form of a longer
    name only when the rest of that name is a place ("U.S. House", "Senado de México"): "House"
    is not the White House."""
    if len(short) != 1 or short[0] not in lex.standalone_names:
        return True
    rest = long[:-1] if long[-1] == short[0] else long[1:]
    while rest and rest[0] in lex.name_particles:
        rest = rest[1:]
    return exonym_key(rest) is not None and exonym_key(rest)[0] == "~places"


def _acronym_fits(acr: Cand, name: tuple[str, ...], target: Cand, lex: Lexicon) -> bool:
    """People's acronyms (AMLO, JFK) need 3+ letters in order and a model label that is not a
    place; organisations and places take any acronym of their name."""
    if target.label == "PERSON":
        letters = fold(acr.text).replace(".", "")
        return (acr.model_label not in PLACE and len(letters) >= 3
                and letters == initials(name, lex.acronym_stopwords))
    own = exonym_key(acr.tokens)
    if own is not None and own != exonym_key(name):
        return False  # "S.C." names South Carolina in the exonym table: never the short form of "Supreme Court"
    bare = _without_legal_form(name)  # "EADS N.V.", "General Motors Corp.": the name without its legal form
    if bare != name and (bare == acr.tokens or acronym_of(acr.text, bare, lex.acronym_stopwords)):
        return True
    if _named_body(acr, name, lex):
        return True
    if fold(acr.text).replace(".", "") in {t.replace(".", "") for t in name}:
        return False  # "U.S." in "U.S. Senate" is a word of the name (a place), not its abbreviation
    if target.label == "ORG" and len(fold(acr.text).replace(".", "")) >= 3 \
            and prefix_acronym(acr.text, name, lex.acronym_stopwords):
        return True  # "SIA" of "Singapore Airlines": spelt by the beginnings of the organisation's words
    return acronym_of(acr.text, name, lex.acronym_stopwords)



def _spelt_without_generic_end(acr: Cand, name: tuple[str, ...], lex: Lexicon) -> bool:
    """'EADS' of 'European Aeronautic Defence and Space Company', 'ICA' of 'Ingenieros Civiles
    Asociados Grupo': an acronym of three letters or more that spells a company's name but for the
    generic word ending it (`generic_org_words`, of either language)."""
    letters = fold(acr.text).replace(".", "")
    if len(letters) < 3 or len(name) < 3 or (name[-1] not in lex.generic_org_words and name[-1] not in generic_name_words()):
        return False
    core = name[:-1]
    return letters in (initials(core, lex.acronym_stopwords), initials(core, lex.acronym_stopwords, keep_stop=True))

def _named_body(acr: Cand, name: tuple[str, ...], lex: Lexicon) -> bool:
    """'NPD' of 'NPD Group', 'Grupo ICA' / 'ICA': an acronym that is the one word of an
    organisation's name beside generic organisation words (of either language) is that organisation, unless it
    names something of its own in the exonym table ('EU' of 'EU Commission')."""
    word = fold(acr.text).replace(".", "")
    rest = [t for t in name if t.replace(".", "") != word]
    return (len(rest) == len(name) - 1 and acr.model_label not in PLACE and exonym_key(acr.tokens) is None
            and all(t in lex.generic_org_words or t in generic_name_words() or t.replace(".", "") in LEGAL_FORMS
                    for t in rest))  # English generic words in a Spanish article too ("NPD Group")


def _without_legal_form(name: tuple[str, ...]) -> tuple[str, ...]:
    """A company's name tokens without the legal forms that end it ("eads n.v." -> "eads")."""
    out = list(name)
    while len(out) > 1 and (out[-1] in LEGAL_FORMS or out[-1].replace(".", "") in LEGAL_FORMS):
        out.pop()
    return tuple(out)


def _join_adjacent(body: str, cands: list[Cand]) -> None:
    """'Salas' + 'Prieto' split by the model but both linked to Joaquín Salas Prieto: one span."""
    i = 0
    while i + 1 < len(cands):
        a, b = cands[i], cands[i + 1]
        if (a.person is not None and a.person == b.person and not a.nick and not b.nick
                and b.start > a.end and body[a.end:b.start] == " "):
            a.end, a.text = b.end, body[a.start:b.end]
            a.roles.extend(b.roles)
            del cands[i + 1]
        else:
            i += 1


def _maker_and_product(body: str, cands: list[Cand]) -> None:
    """'Airbus' + 'A380', 'Boeing' + '787' tagged apart: the product's name with its maker's is
    one of its names ('Airbus A380') and an evidence span of it; the maker keeps its own span."""
    for a, b in pairwise(cands):
        if a.label == "ORG" and b.label in _PRODUCT_LABELS and not b.nick and body[a.end:b.start] == " " \
                and any(ch.isdigit() for ch in b.text):
            b.spans.append((a.start, b.end))
            b.extra_aliases.append(body[a.start:b.end])



def _maker_inside_name(cands: list[Cand], lex: Lexicon) -> None:
    """'el Airbus A320', 'Apple Worldwide Developers Conference' read as one name: the maker's or
    holder's name opening a product's name with its model number, or a meeting's name (`_meeting_of`),
    is an evidence span of the organisation the article names alone by it ("Airbus", "Apple"); the
    product or the meeting keeps the whole span."""
    makers: dict[tuple[str, ...], Cand] = {}
    for c in cands:
        if c.label == "ORG" and not c.nick and not c.acronym:
            makers.setdefault(c.tokens, c)
    if not makers:
        return
    for c in cands:
        if c.label == "PERSON" or c.nick or (c.label == "ORG" and not lex.meeting_words):
            continue
        words = c.text.split()
        for n in range(len(words) - 1, 0, -1):
            maker = makers.get(name_tokens(" ".join(words[:n])))
            if maker is None or maker is c:
                continue
            rest = words[n:]
            model = c.label in _PRODUCT_LABELS and any(ch.isdigit() for ch in rest[0])
            if model or _meeting_of(maker.tokens, c.tokens, lex):
                end = c.start + len(" ".join(words[:n]))
                if c.text.startswith(maker.text) and (c.start, end) not in maker.spans:
                    maker.spans.append((c.start, end))
            break

def link(sdoc: Any, cands: list[Cand], lex: Lexicon) -> list[list[int]]:
    """Apply the alias rules to the article's candidates (mutated in place: labels, new spans)
    and return the local entities as lists of candidate indices."""
    edges: list[tuple[Cand, Cand]] = []
    link_nicknames(sdoc, cands, lex, edges)
    link_el_forms(sdoc, cands, lex)
    body = doc_text(sdoc)
    _acronym_edges(body, cands, edges, lex)
    link_people(sdoc, cands, lex)
    _titles_and_roles(body, cands, lex, sdoc)
    _title_references(body, cands, lex, edges)
    cands.sort(key=lambda c: (c.start, c.end))
    _join_adjacent(body, cands)
    _maker_and_product(body, cands)
    _maker_inside_name(cands, lex)
    pos = {id(c): i for i, c in enumerate(cands)}
    uf = UnionFind(len(cands))
    first: dict[Any, int] = {}
    for i, c in enumerate(cands):
        key = ("person", c.person) if c.person is not None else ("surface", c.tokens)
        uf.union(i, first.setdefault(key, i))
        if c.person is not None and not c.shared:  # the same surface elsewhere, unlinked, is the same person too
            uf.union(i, first.setdefault(("surface", c.tokens), i))
    for a, b in edges:
        if id(a) in pos and id(b) in pos:
            uf.union(pos[id(a)], pos[id(b)])
    # names the article gives an acronym in brackets ("Asamblea Nacional Constituyente (ANC)") -> its letters
    spelt = {a.tokens: fold(b.text).replace(".", "") for a, b in edges if b.acronym and not a.acronym}
    _merge_variants(cands, uf, lex, spelt)
    groups: dict[int, list[int]] = {}
    for i in range(len(cands)):
        groups.setdefault(uf.find(i), []).append(i)
    return list(groups.values())


def resolve_name(entities: list[Any], query: str) -> str | None:
    """Local entity key for a name by the article's alias rules (exact alias, then the unique
    person whose full name carries it as surname / first name, then an acronym); else None."""
    toks = name_tokens(query)
    if not toks:
        return None
    exact = {e.id for e in entities if any(name_tokens(a) == toks for a in [e.name, *e.aliases])}
    if len(exact) == 1:
        return exact.pop()
    if exact:
        return None
    cluster = {}
    for n, e in enumerate(entities):
        if e.kind == "person":
            for a in [e.name, *e.aliases]:
                if len(name_tokens(a)) >= 2:
                    cluster[name_tokens(a)] = n
    owner = key_owners(cluster).get(toks) if cluster else None
    if owner is not None:
        return entities[owner].id
    if looks_like_acronym(query.strip()):
        stop = frozenset({"of", "the", "and", "de", "del", "la", "y"})
        hits = {e.id for e in entities for a in [e.name, *e.aliases] if acronym_of(query.strip(), name_tokens(a), stop)}
        return hits.pop() if len(hits) == 1 else None
    return None
