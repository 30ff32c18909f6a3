"""Build provenance test corpora from real articles, with planted copies and rewrites.

Real texts are read at run time from ../shared/data (never copied into the repository):
PolNeAR (train+dev; real publishers, dates and `wire` labels) and ECB+ (articles of one topic
are different outlets covering the same event: real *independent* coverage). Past the real
pool, filler originals are drawn from a word-bigram model of the pool (independent texts). A
filler original's quotes are its own: the walk's quotation marks are dropped (a walk entering
a pool quote at its opening mark replays a piece of it, so independent fillers would quote one
another and the pool) and some of its sentences are given as quotes of people it names.

Planted derivations, each recorded in the ground truth:
- syndicated copies: other page furniture, trimmed ends, a new headline, sometimes a credit;
- rewrites: sentences dropped, reordered and re-worded (synonyms, clause moves, attribution
  changes), quotes kept, a few new sentences and a credit line naming the source outlet;
- families whose original is left out of the corpus: their copies credit the outlet, and the
  truth edge starts at the outlet name.
"""

from __future__ import annotations

import csv
import os
import random
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from fuentes.model import Article

SHARED = Path(os.environ.get("FUENTES_SHARED", Path(__file__).resolve().parents[1].parent / "shared"))
POLNEAR = SHARED / "data" / "polnear" / "data"
ECBPLUS = SHARED / "data" / "ecbplus" / "ECB+"
PUBLISHERS = {"breitbart": "Breitbart", "huff-post": "HuffPost", "nyt": "The New York Times",
              "politico": "Politico", "usa-today": "USA Today", "wash-post": "The Washington Post",
              "west-journal": "Western Journal"}
WIRES = {"ap": "Associated Press", "afp": "Agence France-Presse", "reuters": "Reuters",
         "upi": "United Press International"}
CITIES = ["Springfield", "Riverside", "Fairview", "Madison", "Georgetown", "Salem", "Clinton",
          "Arlington", "Ashland", "Burlington", "Dover", "Franklin", "Greenville", "Hudson",
          "Jackson", "Kingston", "Lexington", "Milton", "Newport", "Oxford", "Marion", "Dayton",
          "Lakewood", "Bristol", "Chester", "Auburn", "Clayton", "Florence", "Hamilton", "Troy"]
PAPERS = ["Herald", "Tribune", "Courier", "Gazette", "Chronicle", "Sentinel", "Observer",
          "Ledger", "Examiner", "Dispatch", "Register", "Beacon", "Monitor", "Record", "Star"]
FURNITURE = ["Advertisement", "Share this article", "Subscribe to our newsletter",
             "Follow us on social media", "Sign up for breaking news alerts",
             "Story continues below", "Click here to read more", "Related coverage",
             "Comments are closed.", "Report an error", "Most read", "Print this page"]
SYN = {"said": "stated", "says": "states", "told": "informed", "announced": "declared",
       "killed": "slain", "arrested": "detained", "police": "authorities", "officials": "authorities",
       "government": "administration", "president": "leader", "people": "individuals",
       "about": "roughly", "more than": "over", "also": "additionally", "however": "but",
       "large": "big", "big": "major", "small": "minor", "began": "started", "started": "began",
       "help": "assist", "show": "indicate", "shows": "indicates", "because": "since",
       "attack": "assault", "car": "vehicle", "city": "town", "country": "nation",
       "children": "kids", "house": "home", "before": "prior to", "after": "following",
       "week": "seven days", "died": "perished", "group": "organization", "left": "departed",
       "asked": "questioned", "wanted": "sought", "important": "key", "many": "numerous",
       "used": "employed", "tried": "attempted", "found": "discovered", "make": "create",
       "need": "require", "quickly": "rapidly", "near": "close to",
       "according to": "citing", "reported": "noted", "later": "subsequently"}
GIVEN = ["Alice", "Brian", "Carmen", "Daniel", "Elena", "Frank", "Grace", "Hector", "Irene", "James",
         "Karen", "Luis", "Maria", "Nathan", "Olivia", "Pablo", "Quinn", "Rosa", "Samuel", "Teresa",
         "Victor", "Wendy", "Xavier", "Yolanda", "Zachary", "Andrea", "Bruce", "Claudia", "Dennis",
         "Emma", "Felipe", "Gloria", "Henry", "Isabel", "Jorge", "Laura", "Martin", "Nora", "Oscar",
         "Paula", "Ramon", "Sofia", "Thomas", "Ursula", "Walter", "Ximena", "Yusuf", "Zoe"]
SURNAMES = ["Abbott", "Barrera", "Castillo", "Dunbar", "Echeverria", "Fairbanks", "Galindo", "Holloway",
            "Ibarra", "Jennings", "Kowalski", "Lindqvist", "Montoya", "Nakamura", "Oyelaran", "Pritchard",
            "Quintero", "Rasmussen", "Salcedo", "Thornbury", "Uribe", "Vandermeer", "Whitcombe", "Yanez",
            "Zamora", "Ashworth", "Benavides", "Carrington", "Delacroix", "Espinoza", "Fitzgerald",
            "Gallagher", "Hargreaves", "Iglesias", "Jaramillo", "Kingsley", "Lockhart", "Maldonado",
            "Northcott", "Ocampo", "Pemberton", "Quiroga", "Redgrave", "Sandoval", "Trevino", "Underhill",
            "Valenzuela", "Westbrook", "Ximenez", "Youngblood", "Zuniga", "Alvarado", "Blackwood",
            "Cervantes", "Driscoll", "Esquivel", "Fontaine", "Guerrero", "Hawthorne", "Villanueva"]
QUOTED_SHARE = 0.2  # of a filler original's sentences, given as a quote of a person it names
DROP = ["very", "really", "just", "still", "now", "already", "currently", "reportedly", "also"]
_NO_QUOTE_MARKS = str.maketrans("", "", "\"\u201c\u201d\u00ab\u00bb")
_QUOTED = re.compile(r"[\"“][^\"“”]{3,}[\"”]")


@dataclass
class Corpus:
    articles: list[Article]
    edges: set[tuple[str, str, str]]  # (source id or outlet, target id, kind)
    origin: dict[str, str]  # article id -> origin outlet, for articles whose origin is known
    kind: dict[str, str] = field(default_factory=dict)
    independent_groups: list[list[str]] = field(default_factory=list)


def _detok(words: list[str]) -> str:
    text = " ".join(words).replace("``", "“").replace("''", "”")
    text = re.sub(r" ([.,;:!?%)\]'’”])", r"\1", text)
    text = re.sub(r"([(\[“$]) ", r"\1", text)
    return re.sub(r" (n't|'s|’s)", r"\1", text)


def load_pool() -> list[dict]:
    """Real articles: dicts with text, outlet, date, wire, credit, group (ECB+ topic)."""
    pool: list[dict] = []
    meta = POLNEAR / "metadata.tsv"
    if meta.exists():
        for row in csv.DictReader(meta.open(encoding="utf-8"), delimiter="\t"):
            path = POLNEAR / row["compartment"] / "text" / f"{row['filename']}.txt"
            if row["compartment"] not in ("train", "dev") or not path.exists():
                continue
            wire = WIRES.get((row["wire"] or "").strip().lower())
            credit = (row["credit"] or "None").strip()
            pool.append({"text": path.read_text(encoding="utf-8"), "outlet": PUBLISHERS[row["publisher"]],
                         "date": row["publication_date"], "wire": wire,
                         "credit": None if credit in ("None", "") else credit, "group": None,
                         "name": row["filename"]})
    for path in sorted(ECBPLUS.glob("*/*.xml")) if ECBPLUS.exists() else []:
        raw = path.read_text(encoding="utf-8")
        sents: dict[int, list[str]] = {}
        for sid, tok in re.findall(r'<token[^>]*sentence="(\d+)"[^>]*>([^<]*)</token>', raw):
            sents.setdefault(int(sid), []).append(tok.replace("&amp;", "&").replace("&quot;", '"'))
        text = "\n\n".join(_detok(ws) for _, ws in sorted(sents.items()))
        topic = path.parent.name
        sub = "plus" if path.name.endswith("ecbplus.xml") else "ecb"
        pool.append({"text": text, "outlet": None, "date": None, "wire": None, "credit": None,
                     "group": f"{topic}-{sub}", "name": path.name})
    return _drop_ecb_copies(pool)


def _drop_ecb_copies(pool: list[dict], limit: float = 0.5) -> list[dict]:
    """ECB+ holds a few copies of one wire story filed as different documents; keep one of
    each (word 3-gram containment >= `limit` within a topic), so "independent" stays true."""
    kept: list[dict] = []
    seen: dict[str, list[set]] = {}
    for item in pool:
        if item["group"] is None:
            kept.append(item)
            continue
        words = item["text"].lower().split()
        grams = set(zip(words, words[1:], words[2:]))
        others = seen.setdefault(item["group"].split("-")[0], [])
        if any(len(grams & g) >= limit * min(len(grams), len(g)) for g in others if g and grams):
            continue
        others.append(grams)
        kept.append(item)
    return kept


class Bigram:
    """Word-bigram model of the pool: source of filler originals that copy no real text."""

    def __init__(self, texts: list[str], rng: random.Random):
        self.rng = rng
        self.next: dict[str, list[str]] = {}
        for text in texts:  # no brackets: wire datelines like "(AP) —" must not leak into filler
            words = [w for w in text.split() if "(" not in w and ")" not in w]
            for w1, w2 in zip(words, words[1:]):
                self.next.setdefault(w1, []).append(w2)
        self.starts = [w for w in self.next if w[:1].isupper()]

    def sentence(self) -> str:
        word, out = self.rng.choice(self.starts), []
        for _ in range(self.rng.randint(12, 32)):
            out.append(word)
            options = self.next.get(word)
            if not options:
                break
            word = self.rng.choice(options)
        return " ".join(out).rstrip(".,;:") + "."

    def article(self) -> str:
        paras = [" ".join(self.sentence() for _ in range(self.rng.randint(1, 3)))
                 for _ in range(self.rng.randint(6, 16))]
        return "\n\n".join(paras)

    def original(self, seed: str) -> str:
        """A filler original (`article`'s walk) whose quotes are its own: the walk's quotation
        marks dropped, and about QUOTED_SHARE of its sentences said by one of the one to three
        people it names. The speakers and quotes come from a generator of their own, seeded by
        `seed`, so the main generator (families, outlets, dates) draws what it drew before."""
        own = random.Random(seed)
        speakers = [f"{own.choice(GIVEN)} {own.choice(SURNAMES)}" for _ in range(own.randint(1, 3))]
        paras = []
        for para in re.sub(r"``|''", "", self.article()).translate(_NO_QUOTE_MARKS).split("\n\n"):
            sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z])", para)
            paras.append(" ".join(
                f"\u201c{s.rstrip('.!?')},\u201d {own.choice(speakers)} said." if len(s.split()) >= 6 and own.random() < QUOTED_SHARE
                else s for s in sentences))
        return "\n\n".join(paras)


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])[\"”’]?\s+(?=[\"“A-Z0-9])|\n+", text) if s.strip()]


def reword(sentence: str, rng: random.Random) -> str:
    """Re-word a sentence outside its quotes: synonyms, dropped adverbs, a moved clause."""
    parts = _QUOTED.split(sentence)
    quotes = _QUOTED.findall(sentence)
    out = []
    for part in parts:
        words = part.split(" ")
        new = []
        for w in words:
            core = w.strip(".,;:").lower()
            if core in DROP and rng.random() < 0.7:
                continue
            if core in SYN and rng.random() < 0.8:
                w = w.lower().replace(core, SYN[core])
            new.append(w)
        out.append(" ".join(new))
    text = out[0] + "".join(q + p for q, p in zip(quotes, out[1:]))
    if not quotes:  # drop a few more words, as re-writers trim
        words = text.split(" ")
        text = " ".join(w for k, w in enumerate(words) if k == 0 or rng.random() > 0.1)
    if not quotes and ", " in text and rng.random() < 0.6:
        head, tail = text.split(", ", 1)
        if len(head.split()) >= 3 and len(tail.split()) >= 3:
            text = tail.rstrip(".") + ", " + head[0].lower() + head[1:] + "."
            text = text[0].upper() + text[1:]
    return text


def syndicate(text: str, outlet: str, source_outlet: str, credit: bool, rng: random.Random) -> str:
    paras = [p for p in text.split("\n\n") if p.strip()]
    if len(paras) > 4 and rng.random() < 0.6:
        paras = paras[: len(paras) - rng.randint(1, max(1, len(paras) // 4))]
    for _ in range(rng.randint(1, 3)):
        paras.insert(rng.randint(0, len(paras)), rng.choice(FURNITURE))
    if credit:
        line = rng.choice([f"This article originally appeared in {source_outlet}.",
                           f"By {rng.choice(['Ana Ruiz', 'John Hale', 'Mary Quinn'])}, {source_outlet}",
                           f"(Photo by {rng.choice(['Luis Vega', 'Kim Park'])}/{source_outlet})"])
        paras.insert(0 if line.startswith(("By", "(")) else len(paras), line)
    paras.append(f"© {rng.randint(2015, 2025)} {outlet}. All rights reserved.")
    return "\n\n".join(paras)


def rewrite(text: str, source_outlet: str, filler: Bigram, rng: random.Random) -> str:
    sents = _sentences(text)
    keep = [s for s in sents if rng.random() > 0.2] or sents[:3]
    for _ in range(max(1, len(keep) // 5)):  # move a few sentences elsewhere
        i, j = rng.randrange(len(keep)), rng.randrange(len(keep))
        keep.insert(j, keep.pop(i))
    out = [s if (_QUOTED.search(s) and rng.random() < 0.5) else reword(s, rng) for s in keep]
    for _ in range(rng.randint(0, max(1, len(out) // 8))):  # a little new material
        out.insert(rng.randint(0, len(out)), filler.sentence())
    credit = rng.choice([f"{source_outlet} first reported the story.",
                         f"The details were first reported by {source_outlet}.",
                         f"According to {source_outlet}, the account above is based on its reporting.",
                         f"As {source_outlet} reported, the story is still developing."])
    out.insert(rng.randint(0, min(2, len(out))), credit)
    out.insert(rng.randint(len(out) // 2, len(out)), rng.choice([  # and an attribution further down
        f"The account was confirmed in reporting by {source_outlet}.",
        f"Further details were published by {source_outlet}.",
        f"{source_outlet} reported that more information would follow."]))
    paras, i = [], 0
    while i < len(out):
        n = rng.randint(1, 3)
        paras.append(" ".join(out[i:i + n]))
        i += n
    return "\n\n".join(paras)


def _family_sizes(rng: random.Random) -> tuple[int, int]:
    ks = rng.choices([0, 1, 2, 3], weights=[50, 25, 15, 10])[0]
    kr = rng.choices([0, 1, 2], weights=[60, 30, 10])[0]
    return ks, kr


def _shift(date: str | None, rng: random.Random) -> str | None:
    if not date or rng.random() < 0.2:
        return None
    y, m, d = (int(x) for x in date.split("-"))
    d = d + rng.randint(0, 2) if d <= 26 else d  # never earlier than the original
    return f"{y:04d}-{m:02d}-{d:02d}"


def build_corpus(n: int, seed: int = 7, missing_rate: float = 0.1) -> Corpus:
    """About `n` articles: real originals first, bigram filler after, each with a family."""
    rng = random.Random(seed)
    pool = load_pool()
    if not pool:
        raise FileNotFoundError(f"no PolNeAR or ECB+ texts under {SHARED / 'data'}")
    outlets = [f"The {c} {p}" for c in CITIES for p in PAPERS]
    group_dates: dict[str, str] = {}
    for item in pool:
        if item["outlet"] is None:
            item["outlet"] = rng.choice(outlets)
            base = group_dates.setdefault(item["group"], f"2016-{rng.randint(1, 12):02d}-{rng.randint(1, 25):02d}")
            item["date"] = _shift(base, random.Random(rng.random())) or base
    rng.shuffle(pool)
    filler = Bigram([p["text"] for p in pool], rng)
    corpus = Corpus([], set(), {})
    groups: dict[str, list[str]] = {}
    counter = 0

    def new_id() -> str:
        nonlocal counter
        counter += 1
        return f"a{counter:07d}"

    i = 0
    while len(corpus.articles) < n:
        if i < len(pool):
            item = pool[i]
        else:
            item = {"text": filler.original(f"filler-{i}"), "outlet": rng.choice(outlets), "wire": None, "credit": None,
                    "date": f"2017-{rng.randint(1, 12):02d}-{rng.randint(1, 25):02d}", "group": None}
        i += 1
        ks, kr = _family_sizes(rng)
        if len(_sentences(item["text"])) < 8:
            kr = 0  # a brief is copied, not re-written
        if item["credit"]:
            ks = kr = 0  # an "h/t" article: its own origin is uncertain, so no family on top
        missing = not item["wire"] and not item["credit"] and rng.random() < missing_rate
        if missing and ks + kr == 0:
            ks = 1
        source_outlet = item["wire"] or item["outlet"]
        base_id = new_id()
        if not missing:
            text = item["text"]
            title = text.split("\n", 1)[0][:120] if item["group"] is None else None
            corpus.articles.append(Article(id=base_id, source=item.get("name", "filler"), text=text,
                                           outlet=item["outlet"], title=title, published=item["date"],
                                           language="en"))
            if item["wire"]:
                corpus.edges.add((item["wire"], base_id, "syndicated"))
                corpus.origin[base_id], corpus.kind[base_id] = item["wire"], "syndicated"
            elif not item["credit"]:
                corpus.origin[base_id], corpus.kind[base_id] = item["outlet"], "original"
            if item["group"]:
                groups.setdefault(item["group"], []).append(base_id)
        src = item["wire"] or (item["outlet"] if missing else base_id)
        for k in range(ks + kr):
            kind = "syndicated" if k < ks else "rewrite"
            outlet = rng.choice([o for o in outlets if o != item["outlet"]][:400])
            if kind == "syndicated":
                credit = missing or (not item["wire"] and rng.random() < 0.4)
                text = syndicate(item["text"], outlet, source_outlet, credit, rng)
            else:
                text = rewrite(item["text"], source_outlet, filler, rng)
            aid = new_id()
            corpus.articles.append(Article(id=aid, source="planted", text=text, outlet=outlet,
                                           title=None, published=_shift(item["date"], rng), language="en"))
            corpus.edges.add((src, aid, kind))
            corpus.origin[aid], corpus.kind[aid] = source_outlet, kind
    corpus.independent_groups = [g for g in groups.values() if len(g) > 1]
    return corpus


# --- scenarios: what real republishing looks like -------------------------------------------------
#
# Families built on real texts, each article with a publication time at a stated precision:
#   copy_credit_hours   a copy hours after its original on the same day, with a credit line
#   copy_hours          the same without any credit (only the hours can tell)
#   copy_credit_day     a copy on the same day, both dated to the day only, with a credit line
#   partial_copy_day    a trimmed copy on the same day, dated to the day only, no credit (containment)
#   short_rewrite       the first sentences of a report re-written hours later with a few new
#                       sentences and "According to a report by X" (a credit, few matched sentences)
#   long_rewrite        `rewrite` of a whole report, hours to a day later
#   update              the original's own outlet publishing an updated version ("UPDATE:" title,
#                       a new paragraph) hours later: both are that outlet's own reporting
#   translation_en_es   a MEANTIME English article and its Spanish translation hours later
#   translation_es_en   the reverse way: the Spanish text published first, the English later
#   partial_translation the translation of the first paragraphs only, dated to the day, with no
#                       credit (containment)
#   translation_credit  a translation on the same day at day precision crediting its source
# Negatives: ECB+ topics (real independent coverage of one event in English) and pairs of
# different MEANTIME articles of one topic in English and Spanish (same story, two languages,
# not a translation). Times: minute precision with an offset ("minute"), day only ("day").

OFFSETS = ["-05:00", "-06:00", "+00:00", "+01:00", "-03:00"]
SCENARIOS = ("copy_credit_hours", "copy_hours", "copy_credit_day", "partial_copy_day", "short_rewrite",
             "long_rewrite", "update", "translation_en_es", "translation_es_en", "partial_translation",
             "translation_credit")
SPANISH_OUTLETS = ["El Heraldo de " + c for c in ("Salem", "Dover", "Marion", "Auburn", "Troy", "Milton")] + \
    ["La Voz de " + c for c in ("Clinton", "Madison", "Jackson", "Oxford", "Hudson", "Kingston")]


def _stamp(day: str, minutes: int, offset: str) -> str:
    hour, minute = divmod(minutes, 60)
    return f"{day}T{hour:02d}:{minute:02d}{offset}"


def _times(rng: random.Random, day: str, precision: str) -> tuple[str, str]:
    """(original, copy) publication times on one day: the copy 1 to 8 hours later."""
    if precision == "day":
        return day, day
    start = rng.randint(6 * 60, 13 * 60)
    later = start + rng.randint(60, 8 * 60)
    offset = rng.choice(OFFSETS)
    return _stamp(day, start, offset), _stamp(day, min(later, 23 * 60 + 59), offset)


def _short_rewrite(text: str, source_outlet: str, filler: Bigram, rng: random.Random) -> str:
    sents = _sentences(text)[:rng.randint(4, 6)]
    out = [reword(s, rng) for s in sents]
    out[0] = f"According to a report by {source_outlet}, " + out[0][0].lower() + out[0][1:]
    for _ in range(rng.randint(3, 6)):  # the re-writer's own material
        out.append(filler.sentence())
    return "\n\n".join(out)


def _update(text: str, filler: Bigram, rng: random.Random, title: str) -> tuple[str, str]:
    paras = [p for p in text.split("\n\n") if p.strip()]
    new = " ".join(filler.sentence() for _ in range(2))
    paras.insert(rng.randint(1, min(3, len(paras))), new)
    return "\n\n".join(paras), f"UPDATE: {title}"


def _meantime(rng: random.Random) -> list[tuple[str, dict, dict]]:
    """MEANTIME (doc id, English article, Spanish article) triples, shuffled; [] when absent."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("bench_translation", Path(__file__).resolve().parent / "translation.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    path = SHARED / "data" / "meantime-cdcr"
    if not path.exists():
        return []
    en, es = module.load("en"), module.load("es")
    items = [(doc, en[doc], es[doc]) for doc in sorted(set(en) & set(es))]
    rng.shuffle(items)
    return items


def build_scenarios(per_scenario: int = 30, negatives: int = 20, seed: int = 11, ecb_topics: int = 10) -> Corpus:
    """`per_scenario` families of each scenario (translations limited by the MEANTIME pairs) plus
    `ecb_topics` ECB+ sub-topics and `negatives` cross-language same-topic pairs; each article's scenario and
    time precision in `corpus.scenario` and `corpus.precision`."""
    rng = random.Random(seed)
    pool = [p for p in load_pool() if p["group"] is None and len(_sentences(p["text"])) >= 8 and not p["wire"]
            and not p["credit"]]
    ecb = [p for p in load_pool() if p["group"] is not None]
    keep = sorted({p["group"] for p in ecb})
    rng.shuffle(keep)
    ecb = [p for p in ecb if p["group"] in set(keep[:ecb_topics])]
    rng.shuffle(pool)
    filler = Bigram([p["text"] for p in pool[:300]], rng)
    pairs = _meantime(rng)
    outlets = [f"The {c} {p}" for c in CITIES for p in PAPERS]
    corpus = Corpus([], set(), {})
    corpus.scenario, corpus.precision = {}, {}
    counter = 0

    def add(text: str, outlet: str, published: str | None, language: str, scenario: str, precision: str,
            kind: str, origin: str, title: str | None = None) -> str:
        nonlocal counter
        counter += 1
        aid = f"s{counter:06d}"
        corpus.articles.append(Article(id=aid, source=scenario, text=text, outlet=outlet, title=title,
                                       published=published, language=language))
        corpus.kind[aid], corpus.origin[aid] = kind, origin
        corpus.scenario[aid], corpus.precision[aid] = scenario, precision
        return aid

    def day() -> str:
        return f"2017-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"

    texts = iter(pool)
    for scenario in SCENARIOS:
        for _ in range(per_scenario):
            o_out, c_out = rng.sample(outlets, 2)
            if scenario.startswith(("translation", "partial_translation")):
                if not pairs:
                    break
                doc, en, es = pairs.pop()
                es_out = rng.choice(SPANISH_OUTLETS)
                full_en, full_es = en["title"] + "\n\n" + en["text"], es["title"] + "\n\n" + es["text"]
                precision = "day" if scenario in ("partial_translation", "translation_credit") else "minute"
                t0, t1 = _times(rng, en["published"] or day(), precision)
                if scenario == "translation_es_en":
                    src = add(full_es, es_out, t0, "es", scenario, precision, "original", es_out)
                    tgt = add(full_en, o_out, t1, "en", scenario, precision, "translation", es_out)
                else:
                    src = add(full_en, o_out, t0, "en", scenario, precision, "original", o_out)
                    body = full_es
                    if scenario == "partial_translation":
                        paras = full_es.split("\n\n")
                        body = "\n\n".join(paras[:max(3, len(paras) // 2)])
                    if scenario == "translation_credit":
                        body += f"\n\nTraducido de un artículo de {o_out}."
                    tgt = add(body, es_out, t1, "es", scenario, precision, "translation", o_out)
                corpus.edges.add((src, tgt, "translation"))
                continue
            item = next(texts)
            text, title = item["text"], item["text"].split("\n", 1)[0][:100]
            precision = "day" if scenario in ("copy_credit_day", "partial_copy_day") else "minute"
            t0, t1 = _times(rng, item["date"] or day(), precision)
            if scenario == "long_rewrite" and rng.random() < 0.5:  # a day later, the time of day kept
                t1 = (date.fromisoformat(t1[:10]) + timedelta(days=1)).isoformat() + t1[10:]
            src = add(text, o_out, t0, "en", scenario, precision, "original", o_out, title)
            if scenario == "copy_credit_hours" or scenario == "copy_credit_day":
                body = syndicate(text, c_out, o_out, True, rng)
                body = body if o_out in body else body + f"\n\nThis article originally appeared in {o_out}."
                kind = "syndicated"
            elif scenario == "copy_hours":
                body, kind = syndicate(text, c_out, o_out, False, rng), "syndicated"
            elif scenario == "partial_copy_day":
                paras = [p for p in text.split("\n\n") if p.strip()]
                body, kind = "\n\n".join(paras[:max(2, (2 * len(paras)) // 3)]), "syndicated"
            elif scenario == "short_rewrite":
                body, kind = _short_rewrite(text, o_out, filler, rng), "rewrite"
            elif scenario == "long_rewrite":
                body, kind = rewrite(text, o_out, filler, rng), "rewrite"
            else:  # update: the same outlet, its own reporting
                body, utitle = _update(text, filler, rng, title)
                tgt = add(body, o_out, t1, "en", scenario, precision, "original", o_out, utitle)
                corpus.edges.add((src, tgt, "syndicated"))
                continue
            tgt = add(body, c_out, t1, "en", scenario, precision, kind, o_out)
            corpus.edges.add((src, tgt, kind))
    # negatives: independent coverage of one event (ECB+, English) ...
    groups: dict[str, list[str]] = {}
    dates: dict[str, str] = {}
    for item in ecb:
        when = dates.setdefault(item["group"], day())
        outlet = rng.choice(outlets)
        aid = add(item["text"], outlet, when, "en", "independent", "day", "original", outlet)
        groups.setdefault(item["group"], []).append(aid)
    # ... and one story told in two languages by different articles (MEANTIME, not translations)
    by_topic: dict[str, list] = {}
    for doc, en, es in pairs:
        by_topic.setdefault(doc.split("/")[0], []).append((doc, en, es))
    made = 0
    for topic, items in sorted(by_topic.items()):
        for (d1, en, _), (d2, _, es) in zip(items[::2], items[1::2]):
            if made >= negatives:
                break
            made += 1
            when = en["published"] or day()
            o_en, o_es = rng.choice(outlets), rng.choice(SPANISH_OUTLETS)
            a = add(en["title"] + "\n\n" + en["text"], o_en, when, "en", "independent_languages", "day", "original", o_en)
            b = add(es["title"] + "\n\n" + es["text"], o_es, when, "es", "independent_languages", "day", "original", o_es)
            groups.setdefault(f"mt-{d1}-{d2}", []).extend([a, b])
    corpus.independent_groups = [g for g in groups.values() if len(g) > 1]
    return corpus
