"""How names refer to each other inside one article, as plain functions over strings.

- person names: a surname, a compound surname or a first name refers back to a full name
  ("Sheinbaum", "Bravo", "Oseguera Cervantes" -> the full name that carries them), and a
  shorter full name is the same person as a longer one that contains it in order
  ("Nemesio Oseguera Cervantes" = "Nemesio Rubén Oseguera Cervantes");
- acronyms: "AMLO" = the initials of "Andrés Manuel López Obrador", "CIA" of "Central
  Intelligence Agency"; a parenthesised acronym after a name is its alias whatever the order;
- organisations: a shorter form that is a prefix or suffix of a longer one ("the Times");
- nicknames and roles: cue phrases from the per-language data files (`data/<lang>.yaml`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from fuentes.unionfind import UnionFind

DATA = Path(__file__).with_name("data")
_WORD = re.compile(r"[^\W\d_][\w.'\u2019-]*|\d+", re.UNICODE)
_POSSESSIVE = re.compile(r"(?:'s|\u2019s|'|\u2019)$")


@dataclass(frozen=True)
class Lexicon:
    """The cue words of one language, from data/<lang>.yaml."""

    language: str
    titles: dict[str, str | None]
    parties: dict[str, str]
    role_nouns: frozenset[str]
    person_nouns: frozenset[str]
    human_verbs: frozenset[str]
    nickname_cues: tuple[str, ...]
    real_name_cues: tuple[str, ...]
    nickname_articles: tuple[str, ...]
    org_keywords: frozenset[str]
    org_suffixes: frozenset[str]
    generic_org_words: frozenset[str]
    acronym_stopwords: frozenset[str]
    determiners: frozenset[str]
    locative_prepositions: frozenset[str]
    byline_cues: frozenset[str]
    max_title_words: int
    credit_words: frozenset[str] = frozenset()
    credit_role: str | None = None
    acronyms: dict[str, str] | None = None  # well-known acronym (folded) -> full name


@lru_cache(maxsize=None)
def lexicon(language: str | None) -> Lexicon:
    """Cues for `language`; languages without a data file use English cues."""
    lang = language if language and (DATA / f"{language}.yaml").exists() else "en"
    raw = yaml.safe_load((DATA / f"{lang}.yaml").read_text(encoding="utf-8"))
    low = lambda key: frozenset(str(w).casefold() for w in raw.get(key) or [])  # noqa: E731
    titles = {str(k).casefold(): v for k, v in (raw.get("titles") or {}).items()}
    return Lexicon(
        language=lang, titles=titles, parties={str(k).casefold(): v for k, v in (raw.get("parties") or {}).items()},
        role_nouns=low("role_nouns"), person_nouns=low("person_nouns"), human_verbs=low("human_verbs"),
        nickname_cues=tuple(sorted(raw.get("nickname_cues") or [], key=len, reverse=True)),
        real_name_cues=tuple(sorted(raw.get("real_name_cues") or [], key=len, reverse=True)),
        nickname_articles=tuple(raw.get("nickname_articles") or []),
        org_keywords=low("org_keywords"), org_suffixes=low("org_suffixes"),
        generic_org_words=low("generic_org_words"), acronym_stopwords=low("acronym_stopwords"),
        determiners=low("determiners"), locative_prepositions=low("locative_prepositions"),
        byline_cues=low("byline_cues"), max_title_words=max((len(t.split()) for t in titles), default=1),
        credit_words=low("credit_words"), credit_role=raw.get("credit_role"), acronyms=_acronyms(lang),
    )


def _acronyms(lang: str) -> dict[str, str]:
    """data/acronyms.yaml for one language: folded acronym -> the full name in that language."""
    raw = yaml.safe_load((DATA / "acronyms.yaml").read_text(encoding="utf-8")) or {}
    return {fold(str(acr)): names.get(lang) or names["en"] for acr, names in raw.items()}


def fold(text: str) -> str:
    """Case- and accent-insensitive form used for matching names; invisible format characters
    (zero-width space, soft hyphen, direction marks) that pages leak into names are dropped."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c) and unicodedata.category(c) != "Cf")


def visible(text: str) -> str:
    """`text` without invisible format characters ("Traeger\u200b" -> "Traeger")."""
    return "".join(c for c in text if unicodedata.category(c) != "Cf")


def name_tokens(text: str, lex: Lexicon | None = None) -> tuple[str, ...]:
    """Folded word tokens of a name, without a leading determiner or a possessive ending."""
    words = [_POSSESSIVE.sub("", w) for w in _WORD.findall(fold(text).replace("\u2019", "'"))]
    words = [w.strip(".'-") or w for w in words if w]
    if lex and words and words[0] in lex.determiners and len(words) > 1:
        words = words[1:]
    return tuple(words)


def is_subsequence(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    it = iter(long)
    return all(tok in it for tok in short)


def same_person_name(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two full names (>= 2 tokens each) of one person: the shorter sits in order in the longer,
    sharing the last name, or sharing the first name (a Spanish name cited with its paternal
    surname only: "Carlos Bravo" = "Carlos Bravo Regidor")."""
    short, long = sorted((a, b), key=len)
    if len(short) < 2 or not is_subsequence(short, long):
        return False
    return short[-1] == long[-1] or short[0] == long[0]


def person_keys(tokens: tuple[str, ...]) -> tuple[set[tuple[str, ...]], set[tuple[str, ...]]]:
    """Shorter forms by which a full name is referred to later in an article.

    Strong keys: every surname suffix ("regidor", "bravo regidor") and each surname token
    ("bravo", the paternal surname of a Spanish name). Weak key: the first name ("claudia"),
    used only when no full name carries it as a surname.
    """
    strong: set[tuple[str, ...]] = set()
    if len(tokens) < 2:
        return strong, set()
    for i in range(1, len(tokens)):
        strong.add(tokens[i:])
        if len(tokens[i]) > 1:  # initials ("J.") are not keys
            strong.add((tokens[i],))
    if len(tokens) >= 4:  # "Andrés Manuel López Obrador" -> "López Obrador" is a suffix; "Manuel López"
        strong.add(tokens[1:-1])
    return strong, {(tokens[0],)}


def initials(tokens: tuple[str, ...], stop: frozenset[str], keep_stop: bool = False) -> str:
    return "".join(t[0] for t in tokens if t and (keep_stop or t not in stop) and t[0].isalpha())


def acronym_of(acronym: str, tokens: tuple[str, ...], stop: frozenset[str]) -> bool:
    """Whether `acronym` ("CIA", "AMLO", "CJNG") abbreviates the name `tokens`.

    The letters must be the initials in order, with or without the stop words; for acronyms of
    three letters or more the same letters in another order also count, since an English text
    often keeps the Spanish acronym of a translated name (CJNG for Jalisco New Generation Cartel).
    """
    letters = fold(acronym).replace(".", "")
    if len(letters) < 2 or len(tokens) < 2:
        return False
    plain, full = initials(tokens, stop), initials(tokens, stop, keep_stop=True)
    if letters in (plain, full):
        return True
    return len(letters) >= 3 and sorted(letters) == sorted(plain)


def org_variant(short: tuple[str, ...], long: tuple[str, ...], lex: Lexicon) -> bool:
    """A shorter organisation name that is a prefix or suffix of a longer one ("times" of
    "new york times", "fox news" of "fox news digital"), unless it is only generic words."""
    if not short or len(short) >= len(long) or all(t in lex.generic_org_words for t in short):
        return False
    return long[: len(short)] == short or long[-len(short):] == short


def looks_like_acronym(text: str) -> bool:
    letters = text.replace(".", "")
    return 2 <= len(letters) <= 7 and letters.isalpha() and letters.isupper()


def is_nickname_form(text: str, lex: Lexicon) -> bool:
    """"El Mencho", "La Tuta": a nickname article followed by a capitalised word."""
    words = text.split()
    return len(words) >= 2 and words[0] in lex.nickname_articles and words[1][:1].isupper()


@lru_cache(maxsize=None)
def cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    """Regex for `, <cue> <Name>` right after a name; the name may be quoted."""
    alts = "|".join(re.escape(c) for c in cues)
    return re.compile(
        r"\s*,?\s*(?:\(\s*)?(?:" + alts + r")\s+[\"\u201c\u00ab']?"
        r"(?P<name>(?:(?:El|La|Los|Las|the|The)\s+)?[A-ZÁÉÍÓÚÑ][\w-]+(?:['\u2019]\w+)?"
        r"(?:\s+(?:de\s+|del\s+)?[A-ZÁÉÍÓÚÑ][\w-]+(?:['\u2019]\w+)?){0,4})",
        re.UNICODE,
    )


# 'Nemesio "El Mencho" Oseguera Cervantes': a quoted nickname inside a name.
QUOTED_NICK = re.compile(
    r"(?P<first>(?:[A-ZÁÉÍÓÚÑ][\w'\u2019.-]+\s+){1,3})[\"\u201c\u00ab](?P<nick>[^\"\u201d\u00bb\n]{2,40}?)[\"\u201d\u00bb]"
    r"\s+(?P<last>[A-ZÁÉÍÓÚÑ][\w'\u2019-]+(?:\s+(?:de\s+|del\s+)?[A-ZÁÉÍÓÚÑ][\w'\u2019-]+){0,3})",
    re.UNICODE,
)

_ROLE_STOP = re.compile(r",|;|:|\(|\)|[\"\u201c\u201d]|\s(?:who|which|that|whose|quien|quienes|que|cuyo|cuya)\s|\.(?=\s+[A-Z]|\s*$)")
_PARTY = re.compile(r"^\s*,\s*(?P<party>[RDI])-(?P<state>[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)", re.UNICODE)


def appositive_role(after: str, lex: Lexicon, max_words: int = 14) -> str | None:
    """Role from the text right after a name: ', a Mexican political analyst who ...'."""
    if not after.startswith(","):
        return None
    phrase = _ROLE_STOP.split(after[1:], maxsplit=1)[0].strip()
    words = phrase.split()
    if words and words[0].casefold() in lex.determiners | {"a", "an", "un", "una"}:
        words = words[1:]
    if not words or len(words) > max_words or words[0].endswith(("ing", "ando", "iendo")):
        return None  # "X, cutting off ...": a clause, not a role
    folded = {w.casefold().strip(".'") for w in words}
    return " ".join(words) if folded & lex.role_nouns else None


def party_role(after: str, lex: Lexicon) -> str | None:
    """', R-Texas' after a senator's name -> 'Republican, Texas'."""
    match = _PARTY.match(after)
    if not match or match["party"].casefold() not in lex.parties:
        return None
    return f"{lex.parties[match['party'].casefold()]}, {match['state'].rstrip('.')}"


def title_before(words_before: list[str], lex: Lexicon) -> tuple[int, str | None] | None:
    """The longest title ending right before a name: (number of words, role or None)."""
    for n in range(min(lex.max_title_words, len(words_before)), 0, -1):
        candidate = " ".join(words_before[-n:]).casefold()
        if candidate in lex.titles:
            return n, lex.titles[candidate]
    return None


# --------------------------------------------------------------------------------------------
# Linking the mentions of one article into local entities.

PLACE = {"GPE", "LOC", "FAC"}
_PAREN_ACRONYM = re.compile(r"^\s*\(\s*(?P<acr>[A-ZÁÉÍÓÚÑ][A-ZÁÉÍÓÚÑ.&]{1,9})\s*\)")
_OF_PLACE = re.compile(r"^\s+(?:of|de)\s+(?P<place>[A-ZÁÉÍÓÚÑ][\w.]*(?:\s+[A-ZÁÉÍÓÚÑ][\w.]*){0,2})")


@dataclass(eq=False)
class Cand:
    """A mention being linked: char span, label, and what the rules learnt about it."""

    start: int
    end: int
    text: str
    label: str
    model_label: str = ""
    name: str | None = None  # the name form when the surface differs ('Nemesio "El Mencho" ...')
    nick: bool = False
    acronym: bool = False
    nominal: bool = False  # "the President": refers to a person, never names one
    person: int | None = None  # person cluster id once linked to a full name
    shared: bool = False  # a surname several people carry: linked by position, not by surface
    roles: list[str] | None = None
    extra_aliases: list[str] | None = None

    def __post_init__(self) -> None:
        self.roles = self.roles or []
        self.extra_aliases = self.extra_aliases or []
        self.acronym = self.acronym or looks_like_acronym(self.text)

    @property
    def tokens(self) -> tuple[str, ...]:
        return name_tokens(self.name or self.text)


def clean_surface(text: str) -> str:
    text = visible(text).strip().strip("\"'\u201c\u201d\u00ab\u00bb").strip()
    return _POSSESSIVE.sub("", text) if text.endswith(("'s", "\u2019s")) else text


def group_label(cands: list[Cand], members: list[int]) -> str:
    """Label of a local entity: PERSON when linked as a person (full name, surname, nickname),
    else the majority vote of its mentions (places count as one class). A tie goes against
    PERSON: a name never given in full in the article is weak evidence of a person (measured
    on CoNLL-2003 dev: +0.6 PER F1 over preferring PERSON)."""
    if any(cands[i].person is not None or cands[i].nick for i in members):
        return "PERSON"
    votes: dict[str, float] = {}
    for i in members:
        lab = cands[i].label
        cls = "PLACE" if lab in PLACE else lab
        votes[cls] = votes.get(cls, 0) + (1.0 if lab == "PERSON" else 1.01)
    best = max(votes, key=lambda k: votes[k])
    if best != "PLACE":
        return best
    places = [cands[i].label for i in members if cands[i].label in PLACE]
    return max(set(places), key=places.count)


def _covered(cands: list[Cand], start: int, end: int) -> list[Cand]:
    return [c for c in cands if c.start < end and start < c.end]


def _replace(cands: list[Cand], new: Cand, keep: Cand | None = None) -> Cand:
    """Insert `new`, dropping the spans it overlaps (the model's split or mislabelled pieces)."""
    for old in _covered(cands, new.start, new.end):
        if old is not keep:
            cands.remove(old)
    cands.append(new)
    return new


def _human_context(span: Any, lex: Lexicon) -> bool:
    """The span acts as a person: subject of a human verb, or attached to a person noun
    ("his rivals El Chapo and El Mayo", "El Mencho was the biggest kingpin")."""
    tok = span.root
    head = tok
    while head.dep_ in ("conj", "appos", "compound", "flat") and head.head is not head:
        head = head.head
        if head.lemma_.casefold() in lex.person_nouns:
            return True
    if tok.dep_ in ("nsubj", "nsubjpass") or head.dep_ in ("nsubj", "nsubjpass"):
        verb = (head if head.dep_.startswith("nsubj") else tok).head
        if verb.lemma_.casefold() in lex.human_verbs:
            return True
        return any(ch.dep_ in ("attr", "acomp") and ch.lemma_.casefold() in lex.person_nouns
                   for ch in verb.children)
    return False


def _nicknames(sdoc: Any, cands: list[Cand], lex: Lexicon, edges: list[tuple[Cand, Cand]]) -> None:
    body = sdoc.text
    for m in QUOTED_NICK.finditer(body):
        nick = m["nick"].strip()
        first = m["first"].split()
        while first and first[0].casefold() in lex.titles:
            first.pop(0)
        if not first or not nick[:1].isupper() or len(nick.split()) > 4:
            continue
        start = m.start("first") + m["first"].find(first[0])
        full = _replace(cands, Cand(start, m.end("last"), body[start:m.end("last")], "PERSON",
                                    name=" ".join(first + [m["last"]])))
        full.extra_aliases.append(full.name)
        ns = m.start("nick") + m["nick"].find(nick)
        edges.append((full, _replace(cands, Cand(ns, ns + len(nick), nick, "PERSON", nick=True), keep=full)))
    cue = cue_pattern(lex.nickname_cues)
    for c in list(cands):
        m = cue.match(body, c.end, min(len(body), c.end + 120)) if c in cands else None
        if m and (c.label == "PERSON" or is_nickname_form(m["name"], lex)):
            c.label = "PERSON"
            nick = Cand(m.start("name"), m.end("name"), m["name"], "PERSON", nick=True)
            edges.append((c, _replace(cands, nick)))
    _real_names(body, cands, lex, edges)


def _real_names(body: str, cands: list[Cand], lex: Lexicon, edges: list[tuple[Cand, Cand]]) -> None:
    """'<nickname>, whose real name was <Name>': the name is the nickname's person."""
    alts = "|".join(re.escape(c) for c in lex.real_name_cues)
    for hit in re.finditer(r"(?:" + alts + r")\s+(?:(?:is|was|es|era)\s+)?", body):
        m = re.match(
            r"[A-ZÁÉÍÓÚÑ][\w'\u2019-]+(?:\s+(?:de\s+|del\s+)?[A-ZÁÉÍÓÚÑ][\w'\u2019-]+){1,4}", body[hit.end():])
        if not m:
            continue
        s, e = hit.end() + m.start(), hit.end() + m.end()
        before = [c for c in cands if c.end <= hit.start() and hit.start() - c.end < 400]
        anchor = next((c for c in reversed(before) if body[c.end:hit.start()].strip(" ,") == ""), None)
        anchor = anchor or next((c for c in reversed(before) if c.nick), None)
        name = _replace(cands, Cand(s, e, body[s:e], "PERSON"))
        if anchor is not None:
            anchor.label = "PERSON"
            edges.append((anchor, name))


_EL_FORM = re.compile(r"\b(?:El|La|Los|Las)\s+[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+\b")


def _el_forms(sdoc: Any, cands: list[Cand], lex: Lexicon) -> None:
    """'El X' forms: person nicknames when already a nickname here or when they act as a person.

    English texts: untagged 'El X' spans are considered too (in Spanish texts 'El' is the
    ordinary article at a sentence start, so only the model's spans are)."""
    known = {fold(c.text) for c in cands if c.nick}
    spans = [c for c in cands if not c.nick and is_nickname_form(c.text, lex)]
    if lex.language == "en":
        for m in _EL_FORM.finditer(sdoc.text):
            if not _covered(cands, m.start(), m.end()):
                new = Cand(m.start(), m.end(), m.group(), "", "")
                cands.append(new)
                spans.append(new)
    for c in spans:
        span = sdoc.char_span(c.start, c.end, alignment_mode="expand")
        if fold(c.text) in known or (span is not None and _human_context(span, lex)):
            c.label, c.nick = "PERSON", True
        elif not c.label:
            cands.remove(c)


def _person_clusters(cands: list[Cand]) -> dict[tuple[str, ...], int]:
    """Full names (>= 2 tokens) of people grouped by `same_person_name`; name tokens -> cluster."""
    names = sorted({c.tokens for c in cands if c.label == "PERSON" and not c.nick and not c.acronym
                    and len(c.tokens) >= 2}, key=len, reverse=True)
    cluster: dict[tuple[str, ...], int] = {}
    blocks: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for n, toks in enumerate(names):  # longest first: a short name joins only one longer person
        keys = [("last", toks[-1]), ("first", toks[0])]
        matches = {cluster[o] for k in keys for o in blocks.get(k, []) if same_person_name(toks, o)}
        cluster[toks] = matches.pop() if len(matches) == 1 else n  # "Carlos Slim" with two Slims: alone
        for k in keys:
            blocks.setdefault(k, []).append(toks)
    return cluster


def _key_owners(cluster: dict[tuple[str, ...], int]) -> dict[tuple[str, ...], int]:
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
    """Last names carried by more than one person of the article ("Vickers" of Kevin and
    Andrew Vickers) -> the clusters that carry them."""
    found: dict[tuple[str, ...], set[int]] = {}
    for toks, cid in cluster.items():
        found.setdefault(toks[-1:], set()).add(cid)
    return {k: v for k, v in found.items() if len(v) > 1}


def _link_by_position(cands: list[Cand], group: list[Cand], cluster: dict[tuple[str, ...], int],
                      cids: set[int]) -> None:
    """A bare surname several people share refers to the one of them named in full most
    recently before it: a namesake is introduced in full right where the story turns to
    them."""
    full = sorted((c.start, cluster[c.tokens]) for c in cands
                  if c.label == "PERSON" and cluster.get(c.tokens) in cids)
    for c in group:
        before = [cid for start, cid in full if start < c.start]
        if before:
            c.person, c.label, c.shared = before[-1], "PERSON", True


def _after_locative(body: str, c: Cand, lex: Lexicon) -> bool:
    """'in Washington', 'desde Jalisco': the word before the span is a place preposition."""
    word = body[max(0, c.start - 12):c.start].split()[-1:]
    return bool(word) and word[0].casefold() in lex.locative_prepositions


def _link_people(sdoc: Any, cands: list[Cand], lex: Lexicon) -> None:
    """Surnames, first names and shorter full names -> their person; untagged ones added."""
    body = sdoc.text  # Doc.text joins every token: read it once
    cluster = _person_clusters(cands)
    owners = _key_owners(cluster)
    by_surface: dict[tuple[str, ...], list[Cand]] = {}
    for c in cands:
        by_surface.setdefault(c.tokens, []).append(c)
    shared = _shared_surnames(cluster)
    for toks, group in by_surface.items():
        cid = owners.get(toks)
        if cid is None and toks in shared and not any(c.nick for c in group):
            _link_by_position(cands, group, cluster, shared[toks])
            continue
        if cid is None or any(c.nick for c in group):
            continue
        if all(c.label in PLACE for c in group) and any(_after_locative(body, c, lex) for c in group):
            continue  # "in Washington": the place stays a place beside "George Washington"
        for c in group:
            c.person, c.label = cid, "PERSON"
    covered = {i for c in cands for i in range(c.start, c.end)}
    run: list[Any] = []
    for tok in [*sdoc, None]:  # runs of capitalised proper nouns the model did not tag at all
        if (tok is not None and tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.idx not in covered
                and not tok.ent_type_):
            run.append(tok)
            continue
        if run:
            _untagged_run(sdoc, body, run, owners, cands, lex)
            run = []


def opens_sentence(sdoc: Any, i: int) -> bool:
    """Cheap test (no parse lookup): the token follows a line break, end punctuation or nothing."""
    j = i - 1
    if j >= 0 and sdoc[j].is_space:
        return True
    return j < 0 or sdoc[j].text in (".", "!", "?", ":", '"', "\u201c", "\u201d") or "\n" in sdoc[j].whitespace_


def _given_name(tok: Any, lex: Lexicon) -> bool:
    """A word that can open a person's name: one capitalised word of letters, not a title, not
    the tail of a hyphenated compound ('Sergeant-at-Arms')."""
    text, doc = tok.text, tok.doc
    whole = tok.i == 0 or bool(doc[tok.i - 1].whitespace_)
    return whole and text.isalpha() and text[:1].isupper() and not text.isupper() and tok.lower_ not in lex.titles


def _untagged_run(sdoc: Any, body: str, run: list[Any], owners: dict, cands: list[Cand], lex: Lexicon) -> None:
    """A run like 'Omar García Harfuch' whose tail is a known person key becomes that person."""
    while run and (run[0].lower_ in lex.titles or (len(run) > 1 and opens_sentence(sdoc, run[0].i))):
        run = run[1:]  # titles, and a capitalised sentence opener ("Killing Oseguera Cervantes")
    folded = tuple(fold(t.text) for t in run)
    if len(run) == 1 and looks_like_acronym(run[0].text) and len(run[0].text) >= 3:
        folded = ("acronym:" + folded[0].replace(".", ""),)
    for n in range(len(run)):
        cid = owners.get(folded[n:])
        if cid is not None and len(run[-1].text) > 2:
            # the name is the part that matched ("Sergeant-at-Arms Kevin Vickers" is Kevin
            # Vickers) and plain given names before it ("Omar" of "Omar García Harfuch")
            while n > 0 and _given_name(run[n - 1], lex):
                n -= 1
            start, end = run[n].idx, run[-1].idx + len(run[-1].text)
            cands.append(Cand(start, end, body[start:end], "PERSON", person=cid, acronym=folded[0].startswith("acronym:")))
            return

def _titles_and_roles(body: str, cands: list[Cand], lex: Lexicon) -> None:
    """Titles before a person's name, ' of <Place>', party tags and appositive roles after it."""
    for c in cands:
        if c.label != "PERSON" or c.nick:
            continue
        before = body[max(0, c.start - 60):c.start]
        words = before.split()
        hit = title_before(words, lex) if before.endswith((" ", "\n")) else None
        if hit and lex.language == "en" and not words[-hit[0]][:1].isupper():
            hit = None  # English titles before a name are capitalised ("drug lord X" is no title)
        after = body[c.end:c.end + 160]
        if hit:
            n, role = hit
            title_words = words[-n:]
            c.extra_aliases.append(" ".join(title_words + [c.text]))
            if role:
                of = _OF_PLACE.match(after)
                owner = [w for w in words[-n - 3:-n] if w.endswith(("'s", "\u2019s")) and w[:1].isupper()]
                if of:
                    role = f"{role} of {of['place']}"
                elif owner:
                    role = f"{role} of {_POSSESSIVE.sub('', owner[-1])}"
                c.roles.append(role)
        for extra in (party_role(after, lex), appositive_role(after, lex)):
            if extra:
                c.roles.append(extra)


def _title_references(body: str, cands: list[Cand], lex: Lexicon, edges: list[tuple[Cand, Cand]]) -> None:
    """'the President' alone refers to the one person of the article holding that title."""
    holders: dict[str, dict[Any, Cand]] = {}
    for c in cands:
        for role in c.roles:
            base = role.split(" of ")[0]
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
        if title[:1].isupper() and len(owners) == 1 and not _covered(cands, m.start(), m.end()):
            target = next(iter(owners.values()))
            new = Cand(m.start(), m.end(), m.group(), "PERSON", person=target.person, nominal=True)
            cands.append(new)
            edges.append((target, new))


def _acronym_edges(body: str, cands: list[Cand], edges: list[tuple[Cand, Cand]]) -> None:
    """'Name (ACR)': the acronym is an alias of the name it follows, in whatever order its letters
    come (CJNG after Jalisco New Generation Cartel), as long as they are the name's initials."""
    for c in list(cands):
        m = _PAREN_ACRONYM.match(body[c.end:c.end + 16])
        letters = set(fold(m["acr"]).replace(".", "").replace("&", "")) if m else set()
        if m and not c.acronym and letters <= set(initials(c.tokens, frozenset(), keep_stop=True)):
            s = c.end + m.start("acr")  # 'Doug Flach (U.S.)' is a country, not an acronym
            found = [o for o in _covered(cands, s, s + len(m["acr"])) if o is not c]
            acr = found[0] if found else Cand(s, s + len(m["acr"]), m["acr"], c.label)
            if not found:
                cands.append(acr)
            edges.append((c, acr))




def _merge_variants(cands: list[Cand], uf: UnionFind, lex: Lexicon) -> None:
    """Organisation short forms and acronyms join the one longer name they abbreviate."""
    surface: dict[tuple[str, ...], int] = {}
    for i, c in enumerate(cands):
        surface.setdefault(c.tokens, i)
    orgs = {t: i for t, i in surface.items() if cands[i].label == "ORG" and not cands[i].acronym}
    index: dict[str, list[tuple[str, ...]]] = {}
    for t in orgs:
        for k in {t[0], t[-1]}:
            index.setdefault(k, []).append(t)
    for short, i in orgs.items():
        longs = {uf.find(orgs[t]) for k in {short[0], short[-1]} for t in index.get(k, [])
                 if org_variant(short, t, lex)}
        if len(longs) == 1:
            uf.union(i, longs.pop())
    names = [(t, i) for t, i in surface.items() if len(t) >= 2 and not cands[i].nick
             and cands[i].label in ("PERSON", "ORG", "NORP", "MISC", "GPE", "FAC")]
    for t, i in surface.items():
        if cands[i].acronym:
            targets = {uf.find(j) for n, j in names if _acronym_fits(cands[i], n, cands[j], lex)}
            if len(targets) == 1:
                uf.union(i, targets.pop())


def _acronym_fits(acr: Cand, name: tuple[str, ...], target: Cand, lex: Lexicon) -> bool:
    """People's acronyms (AMLO, JFK) need 3+ letters in order and a model label that is not a
    place; organisations and places take any acronym of their name."""
    if target.label == "PERSON":
        letters = fold(acr.text).replace(".", "")
        return (acr.model_label not in PLACE and len(letters) >= 3
                and letters == initials(name, lex.acronym_stopwords))
    return acronym_of(acr.text, name, lex.acronym_stopwords)


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


def link(sdoc: Any, cands: list[Cand], lex: Lexicon) -> list[list[int]]:
    """Apply the alias rules to the article's candidates (mutated in place: labels, new spans)
    and return the local entities as lists of candidate indices."""
    edges: list[tuple[Cand, Cand]] = []
    _nicknames(sdoc, cands, lex, edges)
    _el_forms(sdoc, cands, lex)
    body = sdoc.text  # Doc.text joins every token: read it once
    _acronym_edges(body, cands, edges)
    _link_people(sdoc, cands, lex)
    _titles_and_roles(body, cands, lex)
    _title_references(body, cands, lex, edges)
    cands.sort(key=lambda c: (c.start, c.end))
    _join_adjacent(body, cands)
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
    _merge_variants(cands, uf, lex)
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
    owner = _key_owners(cluster).get(toks) if cluster else None
    if owner is not None:
        return entities[owner].id
    if looks_like_acronym(query.strip()):
        stop = frozenset({"of", "the", "and", "de", "del", "la", "y"})
        hits = {e.id for e in entities for a in [e.name, *e.aliases] if acronym_of(query.strip(), name_tokens(a), stop)}
        return hits.pop() if len(hits) == 1 else None
    return None
