"""Event triggers of one language (`data/events_<lang>.yaml`) and where they occur in a parse:
verbs and nouns, multiword phrases ("took out", "assassination attempt"), verbs that need one
of their listed objects, and hypothetical or denied mentions. The taxonomy (each fuentes type's
ACLED event and sub-event type, CAMEO code, rank and summary words) is `data/event_types.yaml`;
ACLED's own 6 event types and 25 sub-event types are `data/acled_taxonomy.yaml`."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from fuentes.nlp.data_files import load_yaml
from fuentes.nlp.text import morph_values

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Lexicon:
    phrases: tuple[tuple[tuple[str, ...], str, str], ...]  # (words, type, "verb"/"noun"), longest first
    data: dict[str, Any]
    cache: dict[Any, Any] = field(default_factory=dict, compare=False, hash=False)

    def words(self, key: str) -> frozenset[str]:
        """The words of list `key`, lowered; a list of prepositions (`*_preps`) also holds the
        contractions of its words ("del" = "de" + "el", "al" = "a" + "el": `contractions`)."""
        if key not in self.cache:
            words = {str(w).lower() for w in self.data.get(key) or []}
            if key.endswith("_preps"):
                words |= {str(c).lower() for c, full in (self.data.get("contractions") or {}).items()
                          if str(full).split()[0].lower() in words}
            self.cache[key] = frozenset(words)
        return self.cache[key]

    def starting(self, word: str) -> tuple[tuple[tuple[str, ...], str, str, int], ...]:
        """The phrases whose first word is `word`, in lexicon order (longest first), each with its rank."""
        index = self.cache.get("_by_first")
        if index is None:
            index = {}
            for n, p in enumerate(self.phrases):
                index.setdefault(p[0][0], []).append((*p, n))
            self.cache["_by_first"] = index = {k: tuple(v) for k, v in index.items()}
        return index.get(word, ())

    def starting_positions(self, forms: list[int], lemmas: list[int], strings: Any) -> list[int]:
        """Which of the tokens (lists of LOWER and LEMMA hashes) may begin a phrase, in order: a
        lower form that is a phrase's first word, or a lemma that is one once lowered (a guessed
        form's phrase too, `guesses`). Each distinct hash is tested once."""
        from spacy.strings import hash_string

        firsts = self.cache.get("_first_hashes")
        if firsts is None:
            self.starting("")  # builds the index
            firsts = self.cache["_first_hashes"] = frozenset(hash_string(w) for w in self.cache["_by_first"])
        known = self.cache.setdefault("_lemma_starts", {})  # lemma hash -> begins a phrase (one string per hash)
        wanted = set()
        for key in set(lemmas):
            hit = known.get(key)
            if hit is None:
                hit = known[key] = bool(self.starting(strings[key].lower()))
            if hit:
                wanted.add(key)
        guessed = self.cache.setdefault("_guess_starts", {})  # form hash -> a guess begins a phrase
        if self.data.get("verb_endings") or self.data.get("plural_endings"):
            for key in set(forms):
                hit = guessed.get(key)
                if hit is None:
                    hit = guessed[key] = bool(self.guesses(strings[key]))
                if hit:
                    wanted.add(key)
        return [i for i, (form, lemma) in enumerate(zip(forms, lemmas))
                if form in firsts or lemma in wanted or form in wanted]

    def guesses(self, form: str) -> frozenset[str]:
        """Trigger words a word form may be when the tagger's lemma misses it (data
        `verb_endings`, `plural_endings`): a regular conjugation of a listed verb
        ("aprehendieron": aprehender) or the plural of a listed noun ("detenciones": detención)."""
        table = self.cache.get("_guess")
        if table is None:
            self.starting("")  # builds the index of first words
            ends: dict[str, set[str]] = {}
            for infinitive, endings in (self.data.get("verb_endings") or {}).items():
                for e in endings or []:
                    ends.setdefault(str(e), set()).add(str(infinitive))
            plural = {str(k): str(v or "") for k, v in (self.data.get("plural_endings") or {}).items()}
            lengths = (sorted({len(e) for e in ends if e}), sorted({len(e) for e in plural if e}))
            table = self.cache["_guess"] = (ends, plural, self.cache["_by_first"], {}, lengths)
        ends, plural, firsts, seen, (verb_lengths, plural_lengths) = table
        if form not in seen:
            out = set()
            # the endings the form has, looked up by length (every ending is tried where it fits)
            for n in verb_lengths:
                if len(form) > n + 1 and (infinitives := ends.get(form[-n:])):
                    out |= {form[:-n] + inf for inf in infinitives if form[:-n] + inf in firsts}
            for n in plural_lengths:
                e = form[-n:]
                if len(form) > n + 2 and e in plural and form[:-n] + plural[e] in firsts:
                    out.add(form[:-n] + plural[e])
            if "" in ends and len(form) > 1:  # an empty ending leaves no stem (form[:-0] is "")
                out |= {inf for inf in ends[""] if inf in firsts}
            if "" in plural and len(form) > 2 and plural[""] in firsts:
                out.add(plural[""])
            seen[form] = frozenset(out - {form})
        return seen[form]

    def cue_in(self, key: str, tokens: Any) -> bool:
        """One word of list `key` among `tokens` (by form or lemma), or one of its multiword
        entries as consecutive forms ("exchange of fire")."""
        split = self.cache.get(("cue", key))
        if split is None:
            words = self.words(key)
            split = self.cache[("cue", key)] = ({w for w in words if " " not in w},
                                                 [tuple(w.split()) for w in words if " " in w])
        single, multi = split
        toks = list(tokens)
        if any(_forms(t) & single for t in toks):
            return True
        if not multi:
            return False
        forms = [t.lower_ for t in toks]
        return any(tuple(forms[i:i + len(m)]) == m for m in multi for i in range(len(forms) - len(m) + 1))


@lru_cache(maxsize=None)
def lexicon(language: str | None) -> Lexicon:
    lang = language if language in ("en", "es") else "en"
    data = load_yaml(DATA / f"events_{lang}.yaml")
    phrases, reflexive, plain = [], set(), set()
    for etype, forms in data["triggers"].items():
        for pos in ("verbs", "nouns"):
            for form in forms.get(pos) or []:
                parts = str(form).lower().replace("-", " - ").split()  # "shoot-out": shoot - out, as tokenised
                words = tuple(w[:-2] if pos == "verbs" and w.endswith("rse") else w for w in parts)
                phrases.append((words, etype, pos[:-1]))
                if pos == "verbs":
                    (reflexive if parts[0].endswith("rse") else plain).add((words, etype))
    phrases.sort(key=lambda p: -len(p[0]))
    # a verb listed only with its reflexive pronoun ("reunirse", "atribuirse") is that verb only with
    # one: "reunieron a 30 llamas" gathers them, "atribuyó la caída a la demanda" ascribes it
    data = {**data, "_reflexive_only": reflexive - plain}
    return Lexicon(tuple(phrases), data)


@lru_cache(maxsize=None)
def event_types() -> dict[str, dict[str, Any]]:
    """Event type -> {"acled": [event type, sub-event type] or None, "cameo": code or None,
    "rank", "incident", "verb", "alone", "label", "of", "describe"} (data/event_types.yaml)."""
    return load_yaml(DATA / "event_types.yaml")


@lru_cache(maxsize=None)
def acled_taxonomy() -> dict[str, list[str]]:
    """ACLED event type -> its sub-event types, in ACLED's own names."""
    return load_yaml(DATA / "acled_taxonomy.yaml")


def acled_of(etype: str) -> tuple[str | None, str | None]:
    """(ACLED event type, sub-event type) of a fuentes type; (None, None) when ACLED does not code it."""
    code = (event_types().get(etype) or {}).get("acled")
    return (code[0], code[1]) if code else (None, None)


def cameo_of(etype: str) -> str | None:
    code = (event_types().get(etype) or {}).get("cameo")
    return str(code) if code is not None else None


def rank_of(etype: str) -> int:
    return int((event_types().get(etype) or {}).get("rank") or 0)


def is_incident(etype: str) -> bool:
    return bool((event_types().get(etype) or {}).get("incident"))


def _forms(tok: Any) -> set[str]:
    """The token's form and lemma, lowered, a typographic apostrophe read as a plain one ("’ll" is
    "'ll": the parser gives it no lemma of its own)."""
    forms = {tok.lower_, tok.lemma_.lower()}
    return forms | {f.replace("\u2019", "'") for f in forms} if "\u2019" in tok.text else forms


def find_triggers(sdoc: Any, lex: Lexicon) -> list[tuple[Any, int, int, str, str]]:
    """(head token, start, end, type, pos) for every trigger; longer phrases win."""
    used: set[int] = set()
    found = []
    from spacy.attrs import LEMMA, LOWER

    # only the tokens whose form or lemma begins a phrase, found from the hashes without making
    # a Token for every word
    hashes = sdoc.to_array([LOWER, LEMMA]).reshape(-1, 2)
    starts = lex.starting_positions(hashes[:, 0].tolist(), hashes[:, 1].tolist(), sdoc.vocab.strings)
    forms_at: dict[int, set[str]] = {}  # token -> its `_forms`, read once for every phrase tried there
    for i in starts:
        if i in used:
            continue
        tok = sdoc[i]
        forms = _forms(tok) | lex.guesses(tok.lower_)
        candidates = sorted({p for f in forms for p in lex.starting(f)}, key=lambda p: p[3])
        for words, etype, pos, _ in candidates:
            if len(words) == 1 and not _pos_ok(tok, pos):
                continue
            end = _match_rest(sdoc, i, words[1:], pos, forms_at)
            if end is None:
                continue
            if pos == "verb" and not _own_particles(tok, words):
                continue  # "takes on gun control" is no "take control": "take on" is another verb
            if pos == "verb" and (words, etype) in lex.data["_reflexive_only"] and not _reflexive(tok, lex):
                continue  # "reunieron a unas 30 llamas" is no "reunirse"
            if len(words) > 1 and not any(_pos_ok(sdoc[j], pos) for j in range(i, end + 1)):
                continue  # a phrase is a noun or a verb by any of its words: "human chain", "sexually assaulted"
            if pos == "verb" and not _object_ok(tok, lex, " ".join(words)):
                continue
            if pos == "noun" and len(words) == 1 and _proper_name(tok):
                continue  # "March", "Strike Force": a capitalised name, not the common noun
            span = list(range(i, end + 1))
            if any(j in used for j in span):
                continue
            used.update(span)
            head = min((sdoc[j] for j in span), key=lambda t: (t.head.i in span and t.head.i != t.i, t.i))
            if pos == "noun" and len(words) > 1:
                head = next((sdoc[j] for j in span if sdoc[j].head.i not in span or sdoc[j].head.i == j), head)
            found.append((head, sdoc[i].idx, sdoc[end].idx + len(sdoc[end].text), etype, pos))
            break
    return found


def _pos_ok(tok: Any, pos: str) -> bool:
    if pos == "verb":
        return tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "NOUN" and tok.tag_ == "VBG") or (
            tok.pos_ == "ADJ" and "Part" in morph_values(tok, "VerbForm"))  # "el periodista asesinado"
    return tok.pos_ in ("NOUN", "PROPN")


def _match_rest(sdoc: Any, i: int, rest: tuple[str, ...], pos: str,
                forms_at: dict[int, set[str]] | None = None) -> int | None:
    """Index of the last token when the other words follow (verbs: within 3 tokens, so an
    object may stand between "take" and "out"). `forms_at`: the tokens' `_forms` read so far in
    the Doc (filled on the way)."""
    forms_at = {} if forms_at is None else forms_at

    def forms(k: int) -> set[str]:
        found = forms_at.get(k)
        if found is None:
            found = forms_at[k] = _forms(sdoc[k])
        return found

    j = i
    for word in rest:
        window = range(j + 1, min(len(sdoc), j + (4 if pos == "verb" else 2)))
        hit = next((k for k in window if word in forms(k)), None)
        if hit is None:
            return None
        j = hit
    return j


def _own_particles(tok: Any, words: tuple[str, ...]) -> bool:
    """A verb phrase of several words matches a verb only when every particle of the verb is in the
    phrase: "take on" is another verb than "take", so "takes on gun control" is no "take control"."""
    if len(words) < 2:
        return True
    return all(_forms(c) & set(words) for c in tok.children if c.dep_ in ("prt", "compound:prt"))


ENCLITIC_ENDS = ("rse", "ndose", "rnos", "ndonos")  # an infinitive's or a gerund's joined pronoun


def _reflexive(tok: Any, lex: Lexicon) -> bool:
    """A verb with its reflexive pronoun (`reflexives`): before it ("se reunieron", "nos reunimos")
    or joined to it ("reunirse", "atribuyéndose"); a participle meeting someone ("reunidos con el
    gobernador")."""
    if any(c.lower_ in lex.words("reflexives") for c in tok.children) or tok.lower_.endswith(ENCLITIC_ENDS):
        return True
    return "Part" in morph_values(tok, "VerbForm") and any(
        c.lower_ == "con" for k in tok.children for c in [k, *k.children] if c.dep_ in ("case", "prep", "mark"))


def _proper_name(tok: Any) -> bool:
    return tok.pos_ == "PROPN" and tok.text[:1].isupper() and not tok.is_sent_start


def _object_ok(tok: Any, lex: Lexicon, phrase: str = "") -> bool:
    """Verbs too common alone ("block", "post") need one of their listed objects; a phrase
    listed itself ("set up") is checked by its own entry, a longer phrase ("sign agreement")
    names its object already."""
    table = lex.data.get("object_nouns") or {}
    lemma = phrase.split()[0] if phrase else tok.lemma_.lower()  # the verb as matched (lemma or guessed form)
    key = phrase if phrase in table else lemma
    if key not in table or (key == lemma and phrase != lemma and len(phrase.split()) > 1):
        return True
    objs, is_passive = [], None  # (whether the verb is passive: read once, at its first subject)
    for c in tok.children:
        if c.dep_ in ("dobj", "obj", "iobj", "nsubjpass", "nsubj:pass"):
            objs.append(c)
        elif c.dep_ == "nsubj":
            if is_passive is None:
                is_passive = passive(tok)
            if is_passive:
                objs.append(c)
    wanted = {str(w).lower().split()[-1] for w in table[key] or []}
    return bool(objs) and (not wanted or any(o.lemma_.lower() in wanted or o.lower_ in wanted for o in objs))


def passive(tok: Any) -> bool:
    """A passive verb: English "was killed" (auxpass, nsubjpass), Spanish "fueron asesinados"
    (a participle with "ser")."""
    kids = list(tok.children)
    if any(c.dep_ in ("nsubjpass", "nsubj:pass", "auxpass", "aux:pass") for c in kids):
        return True
    return "Part" in morph_values(tok, "VerbForm") and any(
        c.dep_ in ("aux", "cop") and c.lemma_.lower() == "ser" for c in kids)


def irrealis(tok: Any, lex: Lexicon, etype: str | None = None) -> bool:
    """Hypothetical, planned, threatened or denied: "may kill", "did not attack", "plans to raid"."""
    words = lex.words("irrealis")
    if any(c.dep_ in ("aux", "neg", "advmod", "mark") and _forms(c) & words for c in tok.children):
        return True
    purpose = lex.words("purpose_marks")  # "set up a base to regain control": what it is for, not done
    if tok.dep_ == "advcl" and etype not in lex.words("purpose_done") \
            and any(c.dep_ in ("aux", "mark") and c.lower_ in purpose for c in tok.children):
        return True  # (but "workers gathered to protest" did protest: `purpose_done`)
    if tok.dep_ == "acl" and etype not in lex.words("purpose_done") \
            and any(c.dep_ == "mark" and c.lower_ in purpose for c in tok.children):
        return True  # "medicina para combatir el virus": what a thing is for (an English "to" is no mark)
    head = tok.head
    return tok.dep_ in ("xcomp", "ccomp") and bool(_forms(head) & words)
