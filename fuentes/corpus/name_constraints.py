"""What can never be one entity: the cannot-link constraints of corpus entity resolution.

Resolution joins local entities by shared names; without limits one wrong alias learned in one
article (a bare "Clinton" linked to two people) bridges every article through a chain of
unions. These rules are checked on every union, so no chain can cross them:

  - people: two full names that share a surname token are one person only when their given
    names agree (the same name, an initial, a listed variant such as Ted / Edward, or a given
    name the longer form also carries: "Arturo Zárate" of "Julián Arturo Zárate"). "Bill
    Clinton" and "Hillary Clinton", "Michelle Obama" and "Barack Obama" stay apart;
  - organisations: two names of two words or more are one organisation only when the words of
    one are among the words of the other ("Sinaloa Cartel" / "Cártel de Sinaloa", "New York
    Times" / "The New York Times"), the words compared in one language with the places they
    name as one word ("Universidad de Stanford" / "Stanford University", "Fuerzas Aéreas de los
    EEUU" / "Fuerzas Aéreas de Estados Unidos"); "Tampa Bay Times" and "New York Times",
    "Islamic State" and "State Department" stay apart;
  - a person and an organisation with full names of their own never join.

A local entity that already holds incompatible full names (its own article chained them) keeps
only the names that agree with its own name, for linking and as corpus aliases.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Iterable

from fuentes.extract.names import fold, lexicon, name_tokens
from fuentes.nlp.data_files import load_yaml

# words that carry no identity in an organisation's name ("the", "de", "of"...)
_ORG_GLUE = frozenset({"the", "of", "de", "del", "la", "las", "el", "los", "and", "y", "for", "para", "en", "in",
                       "a", "an"})


@lru_cache(maxsize=1)
def given_variants() -> dict[str, frozenset[str]]:
    """Folded given name -> the names it may stand for (itself included), both directions."""
    raw = load_yaml(resources.files("fuentes.corpus").joinpath("data/given_names.yaml").read_text("utf-8"))
    out: dict[str, set[str]] = {}
    for table in raw.values():
        for short, formal in table.items():
            names = {fold(str(short)), *(fold(str(f)) for f in formal)}
            for name in names:
                out.setdefault(name, set()).update(names)
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    words: set[str] = set()
    for lang in ("en", "es"):
        for title in lexicon(lang).titles:
            words.update(fold(title).replace(".", "").split())
    return frozenset(words | {"mr", "mrs", "ms", "dr", "sr", "sra", "don", "dona", "lic", "ing"})


@lru_cache(maxsize=1)
def organisation_words() -> frozenset[str]:
    """Words that make a name an organisation's ("foundation", "department", "cártel"...), both
    languages, folded: a person's full name never holds one ("Clinton Foundation", "White House")."""
    words: set[str] = {"house", "casa", "center", "centre", "centro"}  # "George W. Bush Presidential Center"
    for lang in ("en", "es"):
        lex = lexicon(lang)
        words |= {fold(w).strip(".") for w in lex.org_keywords | lex.generic_org_words | lex.org_suffixes}
    return frozenset(words)


def looks_like_organisation(tokens: tuple[str, ...]) -> bool:
    return any(t in organisation_words() for t in tokens)


@lru_cache(maxsize=65536)  # read for every person's names by the blocks, the titles and the aliases
def titled_forms(name: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """A person's name written after titles: (its title words, the name after them), or None
    ("Former President Bill Clinton" -> (("former", "president"), ("bill", "clinton"));
    "President Clinton" -> (("president",), ("clinton",)))."""
    tokens = name_tokens(name)
    titles = _title_words()
    i = 0
    while i < len(tokens) - 1 and tokens[i].rstrip(".") in titles:
        i += 1
    return (tuple(t.rstrip(".") for t in tokens[:i]), tokens[i:]) if i else None


def person_name(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """A person's name tokens without leading titles ("president barack obama" -> "barack obama")."""
    titles = _title_words()
    i = 0
    while i < len(tokens) - 1 and tokens[i].rstrip(".") in titles:
        i += 1
    return tokens[i:]


def _given_agree(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:  # an initial
        return a[0] == b[0]
    variants = given_variants()
    return b in variants.get(a, ()) or a in variants.get(b, ())


GENERATIONS = frozenset({"jr", "sr", "ii", "iii", "iv", "junior", "senior", "hijo", "padre"})


def people_conflict(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two full names (titles stripped, >= 2 tokens each) that cannot be one person: they share
    a surname token while the shorter one's given name is not among the longer one's given names,
    or one is "Jr." and the other is not."""
    if len(a) < 2 or len(b) < 2:
        return False
    if a[-1] in GENERATIONS or b[-1] in GENERATIONS:
        if a[-1] != b[-1] and set(a[:-1]) & set(b[:-1]):
            return True
        a, b = tuple(t for t in a if t not in GENERATIONS), tuple(t for t in b if t not in GENERATIONS)
        if len(a) < 2 or len(b) < 2:
            return False
    short, long = sorted((a, b), key=len)
    if not set(short[1:]) & set(long[1:]):
        return False  # no shared surname: this rule does not speak
    given_long = long[:-1] if len(long) > 2 else long[:1]
    return not any(_given_agree(short[0], g) for g in given_long)


LEADING_ARTICLES = frozenset({"the", "el", "la", "los", "las"})


@lru_cache(maxsize=1)
def _exonym_lines() -> dict[str, list[list[str]]]:
    """data/exonyms.yaml as written: section -> its lines, each the names of one place or group."""
    return load_yaml(resources.files("fuentes.corpus").joinpath("data/exonyms.yaml").read_text("utf-8"))


@lru_cache(maxsize=1)
def _exonym_table() -> tuple[dict[tuple[str, ...], tuple[str, ...]], dict[tuple[str, ...], tuple[str, ...]]]:
    """(each name of data/exonyms.yaml as its folded words -> its line's key; each initialism of it
    ("U.S.", "EE.UU.", "NY") however dotted and spaced (`_compact`) -> the key). A shortened word
    ("Va.", "Fla.") is matched as written only: "V.A." (Veterans Affairs) is no "Va." (Virginia)."""
    from fuentes.extract.names import name_tokens

    table: dict[tuple[str, ...], tuple[str, ...]] = {}
    compact: dict[tuple[str, ...], tuple[str, ...]] = {}
    for section, groups in _exonym_lines().items():
        for number, names in enumerate(groups):
            key = ("~" + section, str(number))
            for name in names:
                toks = name_tokens(str(name))
                if toks and toks[0] in LEADING_ARTICLES and len(toks) > 1:
                    toks = toks[1:]
                table.setdefault(toks, key)
                if _initialism(str(name)):
                    compact.setdefault(_compact(toks), key)
    return table, compact


def _initialism(name: str) -> bool:
    """A name written as an initialism: only capitals ("US", "EEUU", "CJNG") or with a stop between
    its letters ("U.S.", "EE. UU.", "W.Va."), not a word shortened by a final stop ("Va.", "Calif.")."""
    letters = name.replace(".", "").replace(" ", "")
    return bool(letters) and (letters.isupper() or "." in name.strip().rstrip("."))


def _compact(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """An abbreviation however it is dotted and spaced: "EE. UU.", "EE.UU.", "EEUU" -> ("eeuu",);
    "U.S.", "US" -> ("us",). Other names are left as they are."""
    if not tokens or len(tokens) > 4 or not all(len(t.replace(".", "")) <= 3 for t in tokens):
        return tokens
    letters = "".join(t.replace(".", "") for t in tokens)
    if len(tokens) == 1 and "." not in tokens[0]:
        return tokens
    return (letters,) if letters.isalpha() and len(letters) <= 6 else tokens


def exonym_key(tokens: tuple[str, ...]) -> tuple[str, ...] | None:
    """The one key shared by every English and Spanish name of a place or organisation in
    data/exonyms.yaml ("Estados Unidos", "United States", "EE.UU.", "EE. UU." -> one key), or None."""
    if tokens and tokens[0] in LEADING_ARTICLES and len(tokens) > 1:
        tokens = tokens[1:]
    table, compact = _exonym_table()
    key = table.get(tokens)
    return key if key is not None else compact.get(_compact(tokens))


@lru_cache(maxsize=1)
def _outlet_table() -> tuple[dict[tuple[str, ...], tuple[str, str]], dict[tuple[str, str], str]]:
    """Every full name of a news outlet in data/outlets.yaml (its name and aliases; not its short
    forms, which name it only beside the full name) -> the outlet's key; key -> the outlet's name."""
    from fuentes.corpus.credits import Gazetteer
    from fuentes.extract.names import name_tokens

    table: dict[tuple[str, ...], tuple[str, str]] = {}
    names: dict[tuple[str, str], str] = {}
    for number, outlet in enumerate(Gazetteer.default().outlets):
        key = ("~outlets", str(number))
        names[key] = outlet.name
        for name in outlet.names:
            toks = name_tokens(name)
            if len(toks) > 1 and toks[0] in LEADING_ARTICLES and not name.split()[0].isupper():
                toks = toks[1:]  # "The New York Times", not "LA Times"
            if toks:
                table.setdefault(toks, key)
    return table, names


def outlet_key(tokens: tuple[str, ...]) -> tuple[str, str] | None:
    """The key shared by every full name of one news outlet ("Fox News Digital", "Fox News
    Channel", "Fox News"; "NYT", "The New York Times"), or None."""
    table = _outlet_table()[0]
    if tokens in table:
        return table[tokens]
    return table.get(tokens[1:]) if len(tokens) > 1 and tokens[0] in LEADING_ARTICLES else None


def outlet_name(key: tuple[str, ...]) -> str | None:
    """The outlet's own name for an `outlet_key`."""
    return _outlet_table()[1].get(tuple(key))


@lru_cache(maxsize=1)
def _exonym_first_names() -> dict[tuple[str, str], str]:
    return {("~" + section, str(n)): str(names[0]) for section, groups in _exonym_lines().items()
            for n, names in enumerate(groups)}


def listed_name(key: tuple[str, ...]) -> str | None:
    """The first name of the data line an `exonym_key` or `outlet_key` stands for ("United States",
    "Fox News"), or None for any other key."""
    return _exonym_first_names().get(tuple(key)) or outlet_name(key)


def place_key(name: str) -> tuple[str, bool]:
    """(a place name folded, read as the first name of its exonyms.yaml line when listed there;
    whether that line is a place's): "EE.UU.", "U.S." and "United States" give one key."""
    found = exonym_key(name_tokens(name))
    listed = listed_name(found) if found is not None else None
    return " ".join(name_tokens(listed or name)), found is not None and found[0] == "~places"


@lru_cache(maxsize=1)
def seat_countries() -> dict[str, str]:
    """data/seats.yaml: a seat of government (a `place_key`) -> its country as the data writes it."""
    raw = load_yaml(resources.files("fuentes.corpus").joinpath("data/seats.yaml").read_text("utf-8"))
    return {place_key(str(seat))[0]: str(country) for seat, country in (raw.get("seats") or {}).items()}


@lru_cache(maxsize=1)
def _country_keys() -> frozenset[str]:
    return frozenset(place_key(country)[0] for country in seat_countries().values())


def is_country(name: str) -> bool:
    """A country's name under any of its exonym-table names ("U.S.", "EE.UU.", "Colombia")."""
    return place_key(name)[0] in _country_keys()


# legal forms: "Apple Inc." and "Apple Computer" are one company's names, the form tells nothing apart
LEGAL_FORMS = frozenset({"inc", "incorporated", "corp", "corporation", "co", "ltd", "limited", "plc", "llc", "lp",
                         "nv", "n.v", "sa", "s.a", "sab", "s.a.b", "ag", "gmbh", "sl", "s.l", "spa", "s.p.a", "cv",
                         "c.v", "srl", "s.r.l", "bv", "b.v", "pty", "holdings"})


@lru_cache(maxsize=1)
def _name_words_data() -> dict:
    return load_yaml(resources.files("fuentes.corpus").joinpath("data/name_words.yaml").read_text("utf-8"))


@lru_cache(maxsize=1)
def _name_words() -> dict[str, str]:
    return {fold(str(k)): fold(str(v)) for name, table in _name_words_data().items() if name != "phrases"
            for k, v in table.items()}


@lru_cache(maxsize=1)
def _name_phrases() -> dict[tuple[str, ...], str]:
    """Generic phrases of names in either language and the one English word each stands for
    ("stock exchange", "bolsa de valores" -> "exchange"), as folded token tuples."""
    return {tuple(fold(str(k)).split()): fold(str(v)) for k, v in (_name_words_data().get("phrases") or {}).items()}


def generic_name_words() -> frozenset[str]:
    """The generic words of organisation and place names in both languages ("estado", "state",
    "banco", "bank"), folded."""
    words = _name_words()
    return frozenset(words) | frozenset(words.values())


def canonical_words(tokens: tuple[str, ...]) -> list[str]:
    """The words of a place's or organisation's name in one language: a place it names in either
    language stands for its exonym key ("Nueva York", "New York" -> one word; "EE. UU.",
    "Estados Unidos" -> one word), Spanish generic words are put in English
    (data/name_words.yaml), and so are generic phrases of either language (`phrases`: "Stock
    Exchange", "Bolsa de Valores" -> "exchange"); glue words and legal forms are left out."""
    return list(_canonical_words(tokens))


@lru_cache(maxsize=65536)
def _canonical_words(tokens: tuple[str, ...]) -> tuple[str, ...]:  # one reading per distinct name
    words = _name_words()
    phrases = _name_phrases()
    out: list[str] = []
    i = 0
    while i < len(tokens):
        phrase = next((j for j in range(min(len(tokens), i + 3), i + 1, -1) if tokens[i:j] in phrases), None)
        if phrase is not None:  # "Stock Exchange", "Bolsa de Valores": one generic word, "exchange"
            out.append(phrases[tokens[i:phrase]])
            i = phrase
            continue
        for j in range(min(len(tokens), i + 4), i, -1):
            key = exonym_key(tokens[i:j]) if tokens[i] not in _ORG_GLUE or j - i > 1 else None
            if key is not None and key[0] == "~places":
                out.append(":".join(key))
                i = j
                break
        else:
            if tokens[i] not in _ORG_GLUE and tokens[i] not in LEGAL_FORMS:
                out.append(_singular(words.get(tokens[i], tokens[i])))
            i += 1
    return tuple(out)


def _singular(word: str) -> str:
    """A word without its plural "s", for comparing names only: "Fuerzas Aéreas" is "forces air"
    once translated and "Air Force" is "air force"; "Ford Motors" / "Ford Motor"."""
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ews")) and word.isalpha():
        return word[:-1]
    return word


def translated_bag(tokens: tuple[str, ...]) -> tuple[str, ...] | None:
    """The words of a place's or organisation's name with Spanish generic words put in English
    (data/name_words.yaml) and the places it names as their exonym keys, sorted, as one key:
    "Aeropuerto Internacional Changi" and "Changi International Airport", "Universidad de Nueva
    York" and "New York University" share it. None for a name of fewer than two words or one with
    no proper word of its own ("Banco Central" names no one bank)."""
    words = _name_words()
    bag = canonical_words(tokens)
    generic = set(words.values())
    if len(bag) < 2 or all(w in generic or w in words for w in bag):
        return None
    return ("\u2248bag", *sorted(bag))


TRANSLATION_MARK = "\u2261"  # a name key that only brings two names to the translation check


def translation_keys(tokens: tuple[str, ...]) -> set[tuple[str, ...]]:
    """Keys shared by two names of a place or organisation whose words (`canonical_words`) are
    the same but one word of its own, not a generic word of data/name_words.yaml ("Comisión
    Federal de Electricidad" / "Federal Electricity Commission" share the key of "commission
    federal"): the pairs the multilingual encoder is asked about. Names of one word, or whose
    words are all generic, have none."""
    return set(_translation_keys(tokens))


@lru_cache(maxsize=65536)
def _translation_keys(tokens: tuple[str, ...]) -> frozenset[tuple[str, ...]]:  # one reading per distinct name
    bag = sorted(set(_canonical_words(tokens)))
    words = _name_words()
    generic = set(words.values()) | set(words)
    if len(bag) < 2 or all(w in generic for w in bag):
        return frozenset()
    # the words left must still name something: two words, or one that is not generic (a key of
    # one generic word, "party", would bring every party of the corpus together)
    return frozenset((TRANSLATION_MARK, *rest) for k, w in enumerate(bag)
                     if w not in generic and len(w) >= 4 and w.isalpha()
                     if len(rest := bag[:k] + bag[k + 1:]) >= 2 or rest[0] not in generic)


def org_words(tokens: tuple[str, ...]) -> frozenset[str]:
    return frozenset(t for t in tokens if t not in _ORG_GLUE and t not in LEGAL_FORMS)


def _joined(seq: list[str], vocab: set[str]) -> list[str]:
    """`seq` with runs of two or three adjacent words written as one word of `vocab` joined
    ("world wide" -> "worldwide" when the other name writes "Worldwide")."""
    out: list[str] = []
    i = 0
    while i < len(seq):
        for j in (i + 3, i + 2):
            if j <= len(seq) and "".join(seq[i:j]) in vocab:
                out.append("".join(seq[i:j]))
                i = j
                break
        else:
            out.append(seq[i])
            i += 1
    return out


def org_core(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """An organisation's name without its trailing legal form ("apple inc" -> "apple")."""
    end = len(tokens)
    while end > 1 and (tokens[end - 1] in LEGAL_FORMS or tokens[end - 1] in ("de", "y", "and", "&")):
        end -= 1
    return tokens[:end]


def orgs_conflict(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two organisation names of two words or more whose words are not one within the other."""
    if exonym_key(a) is not None and exonym_key(a) == exonym_key(b):
        return False  # two languages' names of one organisation
    wa, wb = org_words(a), org_words(b)
    if len(wa) < 2 or len(wb) < 2:
        return False
    if wa <= wb or wb <= wa:
        return False
    # the same words in the other language, a place under another of its names, a word split in
    # two: "Universidad de Stanford" / "Stanford University", "Fuerzas Aéreas de los EEUU" /
    # "Fuerzas Aéreas de Estados Unidos", "World Wide Developers Conference" / "Worldwide ..."
    ca, cb = canonical_words(a), canonical_words(b)
    ja, jb = set(_joined(ca, set(cb))), set(_joined(cb, set(ca)))
    return not (ja <= jb or jb <= ja)


_HONORIFICS = {"mr": "m", "senor": "m", "sr": "m", "don": "m", "mrs": "f", "ms": "f", "miss": "f", "senora": "f",
               "sra": "f", "srta": "f", "senorita": "f", "dona": "f"}


# courtesy words that name no office: anyone of a gender may carry them ("Mr. Bush" is either Bush)
COURTESY_TITLES = frozenset(_HONORIFICS) | {"dr", "lic", "ing", "prof"}


def name_gender(name: str, surnames: frozenset[str] = frozenset()) -> str | None:
    """"m" / "f" from a name's honorific ("Mr. Clinton", "Sra. Ruiz") or its clearly gendered
    first name ("Hillary Clinton"); None when the name does not say. A first word that is used
    as a surname elsewhere (`surnames`: "Flores", "Reyes", "Vega") says nothing."""
    from fuentes.extract.speakers import first_name_gender

    said = honorific_gender(name)
    if said:
        return said
    words = name.replace(".", " ").split()
    folded = [fold(w) for w in words]
    titles = _title_words()
    while len(folded) > 2 and folded[0] in titles:
        words, folded = words[1:], folded[1:]
    if len(words) < 2 or folded[0] in surnames or folded[0] in titles:
        return None
    return first_name_gender(" ".join(words))


def first_gender(names: Iterable[str]) -> str | None:
    """The gender (`name_gender`) of the first of `names` that says one, else None: how an
    extractor reads a person's gender from the names an article gives them."""
    return next((g for g in map(name_gender, names) if g), None)


def entity_gender(name: str, aliases: Iterable[str], surnames: frozenset[str] = frozenset()) -> str | None:
    """A person's gender as its own name says it, else as its honorifics say it with one voice."""
    own = name_gender(name, surnames)
    if own:
        return own
    said = {g for a in aliases if (g := honorific_gender(a))}
    return said.pop() if len(said) == 1 else None


def honorific_gender(name: str) -> str | None:
    """The gender an honorific gives a name ("Mr. Clinton" -> "m"), else None."""
    first = fold(name).replace(".", " ").split()[:1]
    return _HONORIFICS.get(first[0]) if first else None


@dataclass(slots=True)
class Profile:
    """The full names a group of local entities holds, by kind, and the genders its people's
    names show: what a union must agree with."""

    people: set[tuple[str, ...]] = field(default_factory=set)
    orgs: set[tuple[str, ...]] = field(default_factory=set)
    genders: set[str] = field(default_factory=set)
    known: set[tuple[str, ...]] = field(default_factory=set)  # exonym keys: places and groups known by name

    def absorb(self, other: "Profile") -> None:
        self.people |= other.people
        self.orgs |= other.orgs
        self.genders |= other.genders
        self.known |= other.known

    def conflict(self, other: "Profile", same: frozenset[frozenset] | set = frozenset()) -> str | None:
        """Why the two groups cannot be one, or None."""
        if self.known and other.known and not self.known & other.known:
            if all(key[0] == "~outlets" for key in self.known | other.known):
                return "two different news outlets of the outlet list (different organisations)"
            return "two different places or organisations of the exonym list"
        if self.genders and other.genders and self.genders != other.genders:
            return f"different gender cues: {'/'.join(sorted(self.genders))} and {'/'.join(sorted(other.genders))}"
        for a in sorted(self.people):  # sorted: the same reason whatever the hash seed
            for b in sorted(other.people):
                if people_conflict(a, b):
                    return f"different given names: '{' '.join(a)}' / '{' '.join(b)}'"
        for a in sorted(self.orgs):
            for b in sorted(other.orgs):
                if orgs_conflict(a, b) and frozenset((a, b)) not in same:  # `same`: names in two languages
                    return f"different organisations: '{' '.join(a)}' / '{' '.join(b)}'"
        if self.people and other.orgs and not other.people and _no_shared_name(self.people, other.orgs):
            return "a person and an organisation"
        if other.people and self.orgs and not self.people and _no_shared_name(other.people, self.orgs):
            return "a person and an organisation"
        return None


def _no_shared_name(people: set[tuple[str, ...]], orgs: set[tuple[str, ...]]) -> bool:
    return not (people & orgs)


def consistent_names(core: tuple[str, ...] | None, names: Iterable[tuple[str, ...]], kind: str) -> list[tuple[str, ...]]:
    """The names of one local entity that agree with its own name `core` (and with each other):
    the names its article chained in by mistake are left out."""
    kept: list[tuple[str, ...]] = []
    ordered = sorted(set(names), key=lambda t: (t != core, -len(t), t))
    for toks in ordered:
        if kind == "person":
            toks_p = person_name(toks)
            if any(people_conflict(toks_p, person_name(k)) for k in kept):
                continue
        elif kind == "organization":
            if any(orgs_conflict(toks, k) for k in kept):
                continue
        kept.append(toks)
    return kept
