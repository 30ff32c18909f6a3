"""Name rules: how a name is tokenised and folded, and when two names can be one.

Plain functions over strings, used by the per-article linking (fuentes.extract.aliases) and by
the corpus steps that compare names across articles:
- person names: a surname, a compound surname or a first name refers back to a full name
  ("Ledesma", "Ruiz", "Salas Ibarra" -> the full name that carries them), and a
  shorter full name is the same person as a longer one that contains it in order
  ("Rodrigo Salas Ibarra" = "Rodrigo Andrés Salas Ibarra");
- acronyms: "AMLO" = the initials of "Andrés Manuel López Obrador", "CIA" of "Central
  Intelligence Agency";
- organisations: a shorter form that is a prefix or suffix of a longer one ("the Times");
- nicknames and roles: cue phrases from the per-language data files (`data/<lang>.yaml`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from fuentes.nlp.data_files import load_yaml

DATA = Path(__file__).with_name("data")
_WORD = re.compile(r"[^\W\d_][\w.'\u2019-]*|\d+", re.UNICODE)
POSSESSIVE = re.compile(r"(?:'s|\u2019s|'|\u2019)$")


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
    work_nouns: frozenset[str] = frozenset()  # "the comic X", "the film X": X is a work, no person
    org_heads: frozenset[str] = frozenset()  # "the company X", "la empresa X": X is an organisation
    credit_role: str | None = None
    acronyms: dict[str, str] | None = None  # well-known acronym (folded) -> full name
    name_particles: frozenset[str] = frozenset()  # lower-case words a name may hold ("de", "of", "bin")
    sentence_openers: frozenset[str] = frozenset()  # capitalised at a sentence start, never a name's word
    trailing_roles: frozenset[str] = frozenset()  # "Apple CEO", "Boeing Executive Vice President": a role
    institution_words: frozenset[str] = frozenset()  # "Gobierno", "Ayuntamiento de X": an organisation
    person_modifiers: frozenset[str] = frozenset()  # "Ranking", "Top", "Former" before a name: no name
    press_words: frozenset[str] = frozenset()  # "El Heraldo del Norte", "La Jornada": after an article, a paper
    place_prepositions: frozenset[str] = frozenset()  # "en Guayaquil": what follows is a place
    head_initial: bool = False  # names put their head noun first ("Ayuntamiento de Mérida")
    standalone_names: frozenset[str] = frozenset()  # common words that alone name one institution ("Congreso")
    verb_endings: tuple[str, ...] = ()  # inflections turned back into an infinitive ("celebran" -> "celebr")
    infinitives: tuple[str, ...] = ()  # infinitive endings ("ar", "er", "ir")
    time_heads: frozenset[str] = frozenset()  # "Año Nuevo", "New Year's Eve": a name headed so is a date
    demonym_endings: tuple[str, ...] = ()  # "Barranquilleros": a plural demonym, no place
    demonym_person_endings: tuple[str, ...] = ()  # "Coahuilenses": a demonym no surname looks like
    demonym_org_endings: tuple[str, ...] = ()  # "Latinos": a demonym no body's name looks like
    web_furniture: frozenset[str] = frozenset()  # "Disqus", "JavaScript": the page's furniture, no entity
    share_words: frozenset[str] = frozenset()  # "Facebook Twitter Correo": share buttons, no name when in a run
    compass_words: frozenset[str] = frozenset()  # "West", "Sur" alone: a direction or a vague region, no place name
    indefinite_articles: frozenset[str] = frozenset()  # "una Mype": the word after one is a common noun
    gerund_endings: tuple[str, ...] = ()  # "Escuchando": a verb's gerund, no name
    participle_endings: tuple[str, ...] = ()  # "Cuestionado por ...": a participle opening a sentence
    enclitics: tuple[str, ...] = ()  # "Infórmate", "Síguenos": a verb with its pronoun, no name
    name_articles: frozenset[str] = frozenset()  # "El Cairo", "La Rioja": a capitalised article inside the name
    place_heads: frozenset[str] = frozenset()  # "la provincia de X", "the state of X": X is a place
    adjective_endings: tuple[tuple[str, str], ...] = ()  # ("as", "o"): "gratuitas" is a form of "gratuito"
    source_cues: frozenset[str] = frozenset()  # "Fuente: El Patagónico": the outlet credited
    team_articles: frozenset[str] = frozenset()  # "el Valencia": in a story of a game, the club
    sport_words: frozenset[str] = frozenset()  # words telling a story is about a game
    named_place_heads: frozenset[str] = frozenset()  # "Río Gallegos", "Puerto Madryn": a place even read as a person
    street_heads: frozenset[str] = frozenset()  # "la calle Market", "Andador Concepción Urquiza": a street, a place
    common_acronyms: frozenset[str] = frozenset()  # "PAC", "PIB": acronyms of common nouns, no names
    section_words: frozenset[str] = frozenset()  # "SOCCER", "Deportes": sports and sections, no names
    qualified_institutions: frozenset[str] = frozenset()  # "Gobierno" alone: which one the article's longer name says
    of_particles: tuple[str, ...] = ()  # "Delta IV de Boeing": the word joining two names run into one span
    head_final_words: frozenset[str] = frozenset()  # "Convention Center", "Conference": an English-style name's last word
    extra_common_words: frozenset[str] = frozenset()  # "Coronavirus": common nouns the model's lexicon lacks
    law_heads: frozenset[str] = frozenset()  # "Ley Federal de Derechos", "Patriot Act": a law, not a place
    name_abbreviations: dict[str, str] = field(default_factory=dict)  # "cd" -> "ciudad": a name's abbreviated first word
    implied_names: dict[str, str] = field(default_factory=dict)  # "america" -> "United States" (English only)
    press_heads: frozenset[str] = frozenset()  # "Diario Jornada", "Semanario Zeta": a press noun opening a name
    surname_particles: tuple[tuple[str, ...], ...] = ()  # "de la" in "Gómez de la Hera": a surname's particle
    article_places: frozenset[str] = frozenset()  # "el Perú", "el Japón": places that take an article
    saint_words: frozenset[str] = frozenset()  # "Santa Bárbara", "San José": a saint's name, a place or a body
    body_particles: tuple[tuple[str, ...], ...] = ()  # "de" in "Jefatura Superior de Policía": a body's name goes on
    person_roles: frozenset[str] = frozenset()  # "el delantero Morientes": a person's role before one name
    quote_particles: frozenset[str] = frozenset()  # "dello", "le": small words of a quoted foreign name
    title_cues: frozenset[str] = frozenset()  # "titulada", "titled": the quotation after it is a title
    agencies: frozenset[str] = frozenset()  # "EFE", "Reuters": a news agency in a dateline's brackets
    event_heads: frozenset[str] = frozenset()  # "Liga", "Feria", "Open": a name headed so is an event
    member_nouns: frozenset[str] = frozenset()  # "Elementos de la Secretaría de Marina": the body's people
    meeting_words: frozenset[str] = frozenset()  # "Conference", "Congreso": a body's name at its other end holds it
    courtesy_words: frozenset[str] = frozenset()  # "Don", "Doña": a courtesy word the mention holds, the name not
    club_words: frozenset[str] = frozenset()  # "Real", "Atlético": a club's first word
    sport_verbs: frozenset[str] = frozenset()  # "ganar", "vencer": in a game's story, a place that does so is a side
    speaking_places_are_people: bool = False  # "Manceñido señaló" read as a place: the model's unknown surnames
    portfolio_roles: frozenset[str] = frozenset()  # "ministro", "consejero": "el ministro de Justicia" names a portfolio
    family_nouns: frozenset[str] = frozenset()  # "his wife, Heidi Cruz": a relative introduced, not the article's subject
    reference_nouns: frozenset[str] = frozenset()  # "the company", "la aerolínea": alone, a body named before
    reference_determiners: frozenset[str] = frozenset()  # "the", "this", "la", "esta" before a reference noun
    product_reference_nouns: frozenset[str] = frozenset()  # "the aircraft", "el avión": alone, a product named before
    person_pronouns: dict[str, str] = field(default_factory=dict)  # "he" -> "m", "ella" -> "f": a person named before
    speaker_pronouns: dict[str, str] = field(default_factory=dict)  # "I" -> "person", "we" -> "body": a quote's speaker


@lru_cache(maxsize=None)
def lexicon(language: str | None) -> Lexicon:
    """Cues for `language`; languages without a data file use English cues."""
    lang = language if language and (DATA / f"{language}.yaml").exists() else "en"
    raw = load_yaml(DATA / f"{lang}.yaml")
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
        credit_words=low("credit_words"), work_nouns=low("work_nouns"), org_heads=low("org_heads"), credit_role=raw.get("credit_role"), acronyms=_acronyms(lang),
        name_particles=low("name_particles"), sentence_openers=low("sentence_openers"),
        trailing_roles=low("trailing_roles"), institution_words=low("institution_words"), press_words=low("press_words"), person_modifiers=low("person_modifiers"),
        place_prepositions=low("place_prepositions"), head_initial=bool(raw.get("head_initial")),
        standalone_names=low("standalone_names"),
        verb_endings=tuple(sorted((str(w) for w in raw.get("verb_endings") or []), key=len, reverse=True)),
        infinitives=tuple(str(w) for w in raw.get("infinitives") or []),
        time_heads=frozenset(fold(str(w)) for w in raw.get("time_heads") or []), demonym_endings=tuple(fold(str(w)) for w in raw.get("demonym_endings") or []),
        web_furniture=low("web_furniture"), share_words=frozenset(fold(str(w)) for w in raw.get("share_words") or []),
        demonym_person_endings=tuple(fold(str(w)) for w in raw.get("demonym_person_endings") or []),
        demonym_org_endings=tuple(fold(str(w)) for w in raw.get("demonym_org_endings") or []),
        compass_words=frozenset(fold(str(w)) for w in raw.get("compass_words") or []),
        indefinite_articles=low("indefinite_articles"),
        gerund_endings=_endings(raw, "gerund_endings"), participle_endings=_endings(raw, "participle_endings"),
        enclitics=_endings(raw, "enclitics"), name_articles=frozenset(str(w) for w in raw.get("name_articles") or []),
        place_heads=low("place_heads"), street_heads=low("street_heads"), named_place_heads=low("named_place_heads"), team_articles=frozenset(str(w) for w in raw.get("team_articles") or []),
        sport_words=low("sport_words"), source_cues=low("source_cues"),
        adjective_endings=tuple((str(a), str(b or "")) for a, b in (raw.get("adjective_endings") or {}).items()), common_acronyms=frozenset(fold(str(w)) for w in raw.get("common_acronyms") or []),
        qualified_institutions=frozenset(fold(str(w)) for w in raw.get("qualified_institutions") or []),
        section_words=frozenset(fold(str(w)) for w in raw.get("section_words") or []),
        of_particles=tuple(str(w) for w in raw.get("of_particles") or []),
        head_final_words=frozenset(fold(str(w)) for w in raw.get("head_final_words") or []),
        extra_common_words=low("extra_common_words"),
        law_heads=frozenset(fold(str(w)) for w in raw.get("law_heads") or []),
        name_abbreviations={fold(str(k)): fold(str(v)) for k, v in (raw.get("name_abbreviations") or {}).items()},
        implied_names={fold(str(k)): str(v) for k, v in (raw.get("implied_names") or {}).items()},
        press_heads=frozenset(str(w).lower() for w in raw.get("press_heads") or []),
        speaking_places_are_people=bool(raw.get("speaking_places_are_people")), saint_words=low("saint_words"), sport_verbs=low("sport_verbs"), club_words=low("club_words"), courtesy_words=low("courtesy_words"), member_nouns=low("member_nouns"), event_heads=frozenset(fold(str(w)) for w in raw.get("event_heads") or []), meeting_words=frozenset(fold(str(w)) for w in raw.get("meeting_words") or []), agencies=frozenset(fold(str(w)) for w in raw.get("agencies") or []),
        portfolio_roles=low("portfolio_roles"), family_nouns=low("family_nouns"),
        reference_nouns=low("reference_nouns"), reference_determiners=low("reference_determiners"),
        product_reference_nouns=low("product_reference_nouns"),
        person_pronouns={str(k).casefold(): str(v) for k, v in (raw.get("person_pronouns") or {}).items()},
        speaker_pronouns={str(k).casefold(): str(v) for k, v in (raw.get("speaker_pronouns") or {}).items()},
        quote_particles=low("quote_particles"), title_cues=frozenset(fold(str(w)) for w in raw.get("title_cues") or []),
        person_roles=low("person_roles") | low("role_nouns") | low("person_nouns"),
        article_places=frozenset(fold(str(w)) for w in raw.get("article_places") or []),
        body_particles=tuple(sorted((tuple(str(w).split()) for w in raw.get("body_particles") or []),
                                    key=len, reverse=True)),
        surname_particles=tuple(sorted((tuple(str(w).split()) for w in raw.get("surname_particles") or []),
                                       key=len, reverse=True)),
    )


def _endings(raw: dict[str, Any], key: str) -> tuple[str, ...]:
    """A list of word endings from a language's data, longest first (folded)."""
    return tuple(sorted((fold(str(w)) for w in raw.get(key) or []), key=len, reverse=True))


def _acronyms(lang: str) -> dict[str, str]:
    """data/acronyms.yaml for one language: folded acronym -> the full name in that language."""
    raw = load_yaml(DATA / "acronyms.yaml") or {}
    return {fold(str(acr)): names.get(lang) or names["en"] for acr, names in raw.items()}


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case- and accent-insensitive form used for matching names; invisible format characters
    (zero-width space, soft hyphen, direction marks) that pages leak into names are dropped.
    (Kept for the process: the same names and words are folded again and again.)"""
    if text.isascii():
        return text.casefold()  # nothing to decompose, no format characters
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c) and unicodedata.category(c) != "Cf")


def visible(text: str) -> str:
    """`text` without invisible format characters ("Traeger\u200b" -> "Traeger")."""
    if text.isascii():  # no ASCII character is a format character
        return text
    return "".join(c for c in text if unicodedata.category(c) != "Cf")


def name_tokens(text: str, lex: Lexicon | None = None) -> tuple[str, ...]:
    """Folded word tokens of a name, without a leading determiner or a possessive ending."""
    words = _name_words(text)
    if lex and words and words[0] in lex.determiners and len(words) > 1:
        words = words[1:]
    return words


@lru_cache(maxsize=65536)
def _name_words(text: str) -> tuple[str, ...]:
    words = [POSSESSIVE.sub("", w) for w in _WORD.findall(fold(text).replace("\u2019", "'"))]
    return tuple(w.strip(".'-") or w for w in words if w)


def is_subsequence(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    it = iter(long)
    return all(tok in it for tok in short)


def same_person_name(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two full names (>= 2 tokens each) of one person: the shorter sits in order in the longer,
    sharing the last name, or sharing the first name (a Spanish name cited with its paternal
    surname only: "Ana Ruiz" = "Ana Ruiz Vega")."""
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
    often keeps the Spanish acronym of a translated name (CDG for Gulf Cartel / Cártel del Golfo).
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


def prefix_acronym(acronym: str, tokens: tuple[str, ...], stop: frozenset[str]) -> bool:
    """Whether `acronym` is spelt by the beginnings of the name's words in order, each word but a
    stop word giving at least its first letter ("SIA": SIngapore Airlines; "Conacyt": COnsejo
    NAcional de Ciencia Y Tecnología)."""
    letters = fold(acronym).replace(".", "").replace("&", "")
    words = [fold(t) for t in tokens if t and t[0].isalpha()]
    if len(letters) < 2 or len(words) < 2:
        return False
    # Necessary for a spelling (checked first: most names tried spell no acronym): every word
    # but a stop word gives a letter, so there are no more of those than letters, and the first
    # letter opens a word no later than the first word that is not a stop word.
    opening = next((j for j, word in enumerate(words) if word not in stop), len(words) - 1)
    if sum(word not in stop for word in words) > len(letters) \
            or all(word[:1] != letters[0] for word in words[:opening + 1]):
        return False

    @lru_cache(maxsize=None)
    def spells(i: int, j: int) -> bool:
        if j == len(words):
            return i == len(letters)
        word = words[j]
        if word in stop and spells(i, j + 1):
            return True
        k = 0
        while k < len(word) and i + k < len(letters) and letters[i + k] == word[k]:
            k += 1
            if spells(i + k, j + 1):
                return True
        return False

    return spells(0, 0)


def camel_case(name: str) -> bool:
    """A name written with a small first letter and a capital inside its first word ("iPhone",
    "eBay", "iTunes"): a name all the same, unlike "the President"."""
    first = name.split()[0] if name.split() else ""
    return first[:1].islower() and any(ch.isupper() for ch in first[1:])


def looks_like_acronym(text: str) -> bool:
    letters = text.replace(".", "")
    return 2 <= len(letters) <= 7 and letters.isalpha() and letters.isupper()


def is_nickname_form(text: str, lex: Lexicon) -> bool:
    """"El Halcón", "La Tuta": a nickname article followed by a capitalised word."""
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


# 'Rodrigo "El Halcón" Salas Ibarra': a quoted nickname inside a name.
# 'Rodrigo "El Halcón" Salas': a nickname in quotes inside a name, all on one line; the words before it
# never end a sentence ("attack Hillary Clinton.⏎⏎"His behavior was deplorable," Sanders said" is a
# quote between two people) and the quoted words end with no punctuation of their own
QUOTED_NICK = re.compile(
    r"(?P<first>(?:[A-ZÁÉÍÓÚÑ](?:[\w'\u2019-]+|[\w'\u2019.-]{0,3})[ \t]+){1,3})"
    r"[\"\u201c\u00ab](?P<nick>[^\"\u201d\u00bb\n]{1,39}[^\"\u201d\u00bb\n,.;:!?])[\"\u201d\u00bb]"
    r"[ \t]+(?P<last>[A-ZÁÉÍÓÚÑ][\w'\u2019-]+(?:[ \t]+(?:de[ \t]+|del[ \t]+)?[A-ZÁÉÍÓÚÑ][\w'\u2019-]+){0,3})",
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
    folded = [w.casefold().strip(".'") for w in words]
    if not set(folded) & lex.role_nouns:
        return None
    last_role = max(i for i, w in enumerate(folded) if w in lex.role_nouns)
    after = words[last_role + 1:]
    if after and all(w[:1].isupper() for w in after):
        return None  # "Senator Cruz, Governor Kasich, ...": the next one of a list, another person's title and name
    return " ".join(words)


def party_role(after: str, lex: Lexicon) -> str | None:
    """', R-Texas' after a senator's name -> 'Republican, Texas'."""
    match = _PARTY.match(after)
    if not match or match["party"].casefold() not in lex.parties:
        return None
    return f"{lex.parties[match['party'].casefold()]}, {match['state'].rstrip('.')}"


OPENERS = "\"'\u201c\u2018\u00ab([{"


def title_before(words_before: list[str], lex: Lexicon) -> tuple[int, str | None] | None:
    """The longest title ending right before a name: (number of words, role or None)."""
    for n in range(min(lex.max_title_words, len(words_before)), 0, -1):
        # a title may open a quotation or a bracket ('"Mayor Roe's plan ...')
        candidate = " ".join(words_before[-n:]).casefold().lstrip(OPENERS)
        if n > 1 and any(w[:1] in OPENERS for w in words_before[-n + 1:]):
            continue  # an opening mark inside the words: they are no one title
        if candidate in lex.titles:
            return n, lex.titles[candidate]
    return None
