"""Entity identity on the shipped path: gold cross-document (and cross-lingual) entity chains
against the `entity` records of `fuentes run` + `fuentes export`.

    python bench/identity.py [--workers 2] [--ecb-limit 300] [--only meantime|ecb] [--keep DIR]
                             [--split tuning|report] [--missed] [--name NAME]

(`--split tuning --missed` is the quick tuning loop: one MEANTIME split, and for each gold chain
split over several fuentes entities, or each entity holding several chains, the texts involved.)

MEANTIME (Wikinews in English and their Spanish translations, 4 topics; unified CDCR format):
each document's text is rebuilt from its tokens (a char offset map token -> (start, end) is
kept): the headline (sentence 0) goes in `title`, the date line (sentence 1) in `published`, the
story is the `text`; one JSON line per document with `outlet` "Wikinews". They go through
`fuentes run` and `fuentes export --format jsonl` (default settings), one store per split: the
report split (topics gm, stock) and the tuning split (airbus, apple), both languages in one run.
ECB+ dev topics are one more run (English; the ECB+ address line goes in `url`, every other
sentence is a paragraph of the text and the cleaner decides what is title or furniture).

Gold mentions: proper-name entity mentions. Neither dataset marks named vs nominal mentions
(MEANTIME's `mention_type` is the entity class ORG/PER/LOC/PRO/FIN; ECB+'s tags are classes
too), so a gold mention counts as named when its text starts with a capital letter (`named`).
An alternative selection is scored from the same run: MEANTIME `alt_capital_head`, the head word
of the dataset's own (automatic) parse has a capital letter and is not a pronoun; ECB+
`alt_after_determiner`, the first word after a leading article has a capital letter. Gold
chains: MEANTIME instance ids without their `cross_`/`intra_` prefixes (shared by a story's
English and Spanish versions, so one chain spans both languages); ECB+ CROSS_DOC_COREF
instance ids, INTRA_DOC_COREF targets within a document, singletons otherwise; ECB+ gold is kept
to the validated sentences (ECBplus_coreference_sentences.csv). Gold mentions outside the text
fuentes keeps (MEANTIME headlines; lines the cleaner takes as title or furniture) cannot be
scored and are left out, with their counts in the results.

The exported text is aligned to the written one (difflib where the cleaner changed it); an input
the store keeps once because its cleaned body equals another input's is scored on that
article. Each gold mention goes to the fuentes entity whose evidence span, in the same article,
covers most of its tokens (ties: more overlapping characters, then the span with fewer characters
outside the mention, then entity id); a mention no
span touches is its own singleton. Scores: B-cubed P/R/F1 over the gold mentions (both
languages together), beside an exact-name baseline (mentions clustered by their case- and
accent-folded text), and how many gold cross-lingual chains (named mentions in both en and es)
one fuentes entity holds (at least one mapped mention in each language, all mapped mentions in
one entity). `fuentes_recall_loss` books the recall lost to where it is lost (`recall_loss`): a
gold mention no entity span touches, or two entities within one document, across documents of
one language, across languages.
"""

from __future__ import annotations

import argparse
import csv
import difflib
import json
import re
import subprocess
import sys
import tempfile
import time
import unicodedata
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import shared_path, write_results  # noqa: E402

SPLITS = {"report": ("gm", "stock"), "tuning": ("airbus", "apple")}
ECB_DEV_TOPICS = (2, 5, 12, 18, 21, 23, 34, 35)
ECB_ENTITY_TAGS = ("HUMAN_PART", "NON_HUMAN_PART", "LOC_")  # participants and locations


# ---------------------------------------------------------------- scoring (pure functions)

def bcubed(pred: dict[str, str], gold: dict[str, str]) -> dict[str, float]:
    """B-cubed precision, recall and F1 over the keys of `gold` (each key must be in `pred`)."""
    if not gold:
        return {"p": 0.0, "r": 0.0, "f1": 0.0, "mentions": 0}
    by_pred: dict[str, set] = defaultdict(set)
    by_gold: dict[str, set] = defaultdict(set)
    for key, chain in gold.items():
        by_pred[pred[key]].add(key)
        by_gold[chain].add(key)
    p = r = 0.0
    for key, chain in gold.items():
        both = len(by_pred[pred[key]] & by_gold[chain])
        p += both / len(by_pred[pred[key]])
        r += both / len(by_gold[chain])
    p, r = p / len(gold), r / len(gold)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f1, 4), "mentions": len(gold)}


def map_mentions(mentions: dict[str, tuple[str, list[tuple[int, int]]]],
                 spans: Iterable[tuple[str, str, int, int]]) -> dict[str, str | None]:
    """Each mention (doc, token char spans) to the entity whose span covers most of its tokens.

    `spans` are (entity, doc, start, end). A token overlaps a span when they share a character.
    Ties go to more overlapping characters, then to the span with fewer characters outside the
    mention (the tighter evidence: "Apple" goes to Apple's span "Apple", not to the span "Apple
    CEO" of the person that title names), then to the smaller entity id; None when no span of
    the mention's document touches it.
    """
    by_doc: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    for entity, doc, start, end in spans:
        by_doc[doc].append((entity, start, end))
    out: dict[str, str | None] = {}
    for key, (doc, tokens) in mentions.items():
        score: dict[str, list[int]] = {}
        for entity, start, end in by_doc.get(doc, ()):
            touched = [min(e, end) - max(s, start) for s, e in tokens if s < end and start < e]
            if not touched:
                continue
            best = score.setdefault(entity, [0, 0, 0])
            # one entity may have several spans on the mention: keep its best single span
            outside = (end - start) - sum(touched)
            if (len(touched), sum(touched), -outside) > tuple(best):
                best[:] = [len(touched), sum(touched), -outside]
        out[key] = min(score, key=lambda ent: (-score[ent][0], -score[ent][1], -score[ent][2], ent)) if score else None
    return out


def clusters_with_singletons(mapped: dict[str, str | None]) -> dict[str, str]:
    """Predicted cluster per mention: its entity, or a singleton of its own when unmapped."""
    return {key: (f"entity:{ent}" if ent is not None else f"single:{key}") for key, ent in mapped.items()}


def fold(text: str) -> str:
    """Case- and accent-folded surface text with spacing normalised (the exact-name key)."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.casefold().split())


def exact_name_clusters(surface: dict[str, str]) -> dict[str, str]:
    return {key: "name:" + fold(text) for key, text in surface.items()}


def cross_lingual_chains(gold: dict[str, str], language: dict[str, str],
                         pred: dict[str, str], mapped: set[str] | None = None) -> dict[str, int]:
    """Gold chains with mentions in more than one language, and how many one cluster holds.

    A chain is held when at least one of its mapped mentions lies in each of its languages and
    all its mapped mentions share one predicted cluster (`mapped`: the mentions that reached an
    entity; None means every mention counts).
    """
    members: dict[str, list[str]] = defaultdict(list)
    for key, chain in gold.items():
        members[chain].append(key)
    total = held = split = unreached = 0
    for keys in members.values():
        langs = {language[k] for k in keys}
        if len(langs) < 2:
            continue
        total += 1
        live = [k for k in keys if mapped is None or k in mapped]
        if {language[k] for k in live} != langs:
            unreached += 1
        elif len({pred[k] for k in live}) == 1:
            held += 1
        else:
            split += 1
    return {"chains": total, "held": held, "split": split, "not_mapped_in_each_language": unreached}


def recall_loss(gold: dict[str, str], pred: dict[str, str], doc: dict[str, str], language: dict[str, str],
                mapped: set[str]) -> dict[str, float]:
    """Where B-cubed recall is lost: each gold pair (m, m') of one chain that the prediction
    splits costs 1 / (|chain| * mentions), booked to the first that applies: a mention no
    entity span touches (`no_entity_span`, within one document or across documents), both
    mapped but to two entities of one document (`within_document`), of two documents in one
    language (`across_documents`), of two languages (`across_languages`). The parts add up to
    1 - recall."""
    members: dict[str, list[str]] = defaultdict(list)
    for key, chain in gold.items():
        members[chain].append(key)
    loss: Counter = Counter()
    for keys in members.values():
        for a in keys:
            for b in keys:
                if pred[a] == pred[b]:
                    continue
                same_doc = doc[a] == doc[b]
                if a not in mapped or b not in mapped:
                    part = "no_entity_span_within_document" if same_doc else "no_entity_span_across_documents"
                elif same_doc:
                    part = "within_document"
                else:
                    part = "across_documents" if language[a] == language[b] else "across_languages"
                loss[part] += 1 / len(keys)
    n = len(gold) or 1
    parts = ("no_entity_span_within_document", "no_entity_span_across_documents", "within_document",
             "across_documents", "across_languages")
    return {part: round(loss[part] / n, 4) for part in parts}


# ---------------------------------------------------------------- text from tokens

NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "'S", "’s", "n't", "'re", "'ve",
                   "'ll", "'d", "'m", "”", "»", "...", "’"}
NO_SPACE_AFTER = {"(", "[", "{", "“", "«", "¿", "¡"}
REPLACE = {"``": "“", "''": "”", "-LRB-": "(", "-RRB-": ")"}


def detokenize(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Join tokens with ordinary spacing; returns the text and each token's (start, end)."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    quote_open = False
    glue_next = False
    for i, raw in enumerate(tokens):
        tok = REPLACE.get(raw, raw)
        glue = glue_next or tok in NO_SPACE_BEFORE
        glue_next = tok in NO_SPACE_AFTER or (
            tok == "$" and i + 1 < len(tokens) and tokens[i + 1][:1].isdigit())
        if tok == '"':
            if quote_open:
                glue = True
            else:
                glue_next = True
            quote_open = not quote_open
        if i and not glue:
            parts.append(" ")
            pos += 1
        spans.append((pos, pos + len(tok)))
        parts.append(tok)
        pos += len(tok)
    return "".join(parts), spans


@dataclass
class Doc:
    key: str
    language: str
    topic: str
    text: str = ""
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    tokens: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)  # (sent, tok) -> chars

    def line(self) -> dict:
        out = {"id": f"{self.language}:{self.key}", "text": self.text, "language": self.language}
        if self.title:
            out["title"] = self.title
        if self.outlet:
            out["outlet"] = self.outlet
        if self.published:
            out["published"] = self.published
        if self.url:
            out["url"] = self.url
        return out


@dataclass
class Mention:
    key: str
    doc: str          # Doc.key plus language: "en:corpus_gm/1007169"
    language: str
    topic: str
    chain: str
    tokens: list[tuple[int, int]]  # (sent, tok)
    text: str
    label: str
    head: str | None = None       # MEANTIME: head word and its POS in the dataset's (automatic) parse
    head_pos: str | None = None


def layout(sentences: dict[int, list[str]], paragraphs: list[list[int]]) -> tuple[str, dict]:
    """Text with the given sentence groups as paragraphs (blank line between), and token offsets."""
    text = ""
    offsets: dict[tuple[int, int], tuple[int, int]] = {}
    for group in paragraphs:
        if text:
            text += "\n\n"
        for j, sent in enumerate(group):
            if j:
                text += " "
            sent_text, spans = detokenize(sentences[sent])
            base = len(text)
            for t, (s, e) in enumerate(spans):
                offsets[(sent, t)] = (base + s, base + e)
            text += sent_text
    return text, offsets


def is_named(text: str) -> bool:
    """The brief's rule: the mention's text starts with a capital letter."""
    return bool(text) and text[0].isupper()


DETERMINERS = {"the", "a", "an", "el", "la", "los", "las", "un", "una", "unos", "unas", "del", "al", "lo"}
PRONOUNS = {"i", "he", "she", "it", "we", "they", "you", "him", "her", "them", "us", "me", "its", "his",
            "their", "our", "who", "which", "that", "this", "these", "those", "yo", "el", "ella", "ellos",
            "ellas", "nosotros", "usted", "ustedes", "le", "les", "se", "su", "sus", "este", "esta", "esto",
            "ese", "esa", "aquel", "quien", "que"}


def has_capital_head(head: str | None, head_pos: str | None) -> bool:
    """MEANTIME alternative: the head word has a capital letter and is not a pronoun."""
    return bool(head) and any(ch.isupper() for ch in head) and head_pos != "PRON"


def is_named_after_determiner(text: str) -> bool:
    """ECB+ alternative: after a leading article, the first word has a capital letter; no pronouns."""
    words = text.split()
    if len(words) == 1 and fold(words[0]) in PRONOUNS:
        return False
    while words and words[0].casefold() in DETERMINERS:
        words = words[1:]
    return bool(words) and any(ch.isupper() for ch in words[0])


# ---------------------------------------------------------------- MEANTIME

def load_meantime() -> tuple[list[Doc], list[Mention]]:
    root = shared_path("meantime-cdcr", "output_data")
    docs: list[Doc] = []
    mentions: list[Mention] = []
    headline_mentions: Counter = Counter()
    seen: set[str] = set()
    for lang in ("en", "es"):
        sentences: dict[str, dict[int, list[str]]] = {}
        for line in open(root / lang / "meantime.conll", encoding="utf-8"):
            parts = line.rstrip("\n").split("\t")
            if line.startswith("#") or len(parts) < 4:
                continue
            sent, tok = int(parts[1]), int(parts[2])
            words = sentences.setdefault(parts[0], {}).setdefault(sent, [])
            assert len(words) == tok, (parts[0], sent, tok)
            words.append(parts[3])
        by_key = {}
        for key, sents in sentences.items():
            order = sorted(sents)
            # sentence 0 is the headline (given as `title`), 1 the date line (as `published`), the
            # rest the story: the text. Gold mentions in the headline are left out (not in the text).
            text, offsets = layout(sents, [order[2:]])
            doc = Doc(key=key, language=lang, topic=key.split("/")[0].removeprefix("corpus_"), text=text,
                      title=detokenize(sents[order[0]])[0], outlet="Wikinews", tokens=offsets,
                      published=parse_date(sents[order[1]]))
            docs.append(doc)
            by_key[key] = doc
        for m in json.loads((root / lang / "entities_mentions.json").read_text(encoding="utf-8")):
            doc = by_key[m["conll_doc_key"]]
            if m["sent_id"] < 2:
                headline_mentions[f"{lang}:{doc.topic}"] += 1
                continue
            toks = [(m["sent_id"], t) for t in m["tokens_number"]]
            start, end = doc.tokens[toks[0]][0], doc.tokens[toks[-1]][1]
            surface = doc.text[start:end] if m["is_continuous"] else " ".join(
                doc.text[slice(*doc.tokens[t])] for t in toks)
            # mention ids repeat for nested mentions of one chain that start at one token
            # ("Louis Gallois" / "Louis Gallois , the Airbus chief executive"): both are kept
            key = f"{lang}:{m['mention_id']}"
            key = f"{key}:{toks[-1][1]}" if key in seen else key
            key = f"{key}:{len(mentions)}" if key in seen else key
            seen.add(key)
            mentions.append(Mention(
                key=key, doc=f"{lang}:{doc.key}", language=lang, topic=doc.topic,
                chain=re.sub(r"^(cross_intra_|cross_|intra_)", "", m["coref_chain"]), tokens=toks,
                text=surface, label=m["mention_type"], head=m.get("mention_head"),
                head_pos=m.get("mention_head_pos")))
    return docs, mentions, dict(headline_mentions)


MONTHS = {name: i + 1 for i, name in enumerate(
    "january february march april may june july august september october november december".split())}
MONTHS.update({name: i + 1 for i, name in enumerate(
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split())})


def parse_date(tokens: list[str]) -> str | None:
    """'March 01 , 2008' or '1 de marzo del 2008' as an ISO date; None otherwise."""
    words = [w.casefold() for w in tokens if w not in (",", "de", "del")]
    month = next((MONTHS[w] for w in words if w in MONTHS), None)
    numbers = [int(w) for w in words if w.isdigit()]
    years = [n for n in numbers if n > 1900]
    days = [n for n in numbers if 1 <= n <= 31]
    if month and years and days:
        return f"{years[0]:04d}-{month:02d}-{days[0]:02d}"
    return None


# ---------------------------------------------------------------- ECB+

def load_ecb(topics: Iterable[int], limit: int) -> tuple[list[Doc], list[Mention], dict]:
    root = shared_path("ecbplus")
    validated: set[tuple[str, int]] = set()
    with open(root / "ECBplus_coreference_sentences.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            validated.add((f"{row['Topic']}_{row['File']}.xml", int(row["Sentence Number"])))
    files = []
    present = []
    for topic in topics:
        folder = root / "ECB+" / str(topic)
        if folder.is_dir():
            present.append(topic)
            files += sorted(folder.glob("*.xml"), key=lambda p: (len(p.name), p.name))
    info = {"topics": present, "documents_in_topics": len(files), "limit": limit,
            "capped": len(files) > limit}
    files = files[:limit]
    docs: list[Doc] = []
    mentions: list[Mention] = []
    for path in files:
        tree = ET.parse(path).getroot()
        sents: dict[int, list[str]] = defaultdict(list)
        where: dict[str, tuple[int, int]] = {}
        for tok in tree.iter("token"):
            sent = int(tok.get("sentence"))
            where[tok.get("t_id")] = (sent, len(sents[sent]))
            sents[sent].append(tok.text or "")
        order = sorted(sents)
        url = None
        if path.name.endswith("ecbplus.xml") and "".join(sents[order[0]]).startswith("http"):
            url, order = "".join(sents[order[0]]), order[1:]  # ECB+ texts open with their address
        # one paragraph per sentence (the data keeps no layout); no title: the cleaner decides
        text, offsets = layout(sents, [[s] for s in order])
        topic = path.parent.name
        doc = Doc(key=path.name, language="en", topic=topic, text=text, tokens=offsets, url=url)
        docs.append(doc)
        markables = tree.find("Markables")
        anchored: dict[str, tuple[str, list[str]]] = {}
        instance: dict[str, str] = {}
        for mk in markables if markables is not None else []:
            anchors = [a.get("t_id") for a in mk.findall("token_anchor")]
            if anchors:
                anchored[mk.get("m_id")] = (mk.tag, anchors)
            elif mk.get("instance_id"):
                instance[mk.get("m_id")] = mk.get("instance_id")
        chain_of: dict[str, str] = {}
        relations = tree.find("Relations")
        for rel in relations if relations is not None else []:
            target = rel.find("target").get("m_id")
            chain = instance.get(target) or rel.get("note") if rel.tag == "CROSS_DOC_COREF" else None
            chain = chain or f"{path.name}#{target}"
            for src in rel.findall("source"):
                chain_of[src.get("m_id")] = chain
        for m_id, (tag, anchors) in anchored.items():
            if not tag.startswith(ECB_ENTITY_TAGS):
                continue
            toks = [where[t] for t in anchors]
            if any((path.name, s) not in validated for s, _ in toks) or (url and toks[0][0] == 0):
                continue
            toks.sort()
            contiguous = all(b == (a[0], a[1] + 1) for a, b in zip(toks, toks[1:]))
            surface = text[offsets[toks[0]][0]:offsets[toks[-1]][1]] if contiguous else " ".join(
                text[slice(*offsets[t])] for t in toks)
            mentions.append(Mention(key=f"{path.name}#{m_id}", doc=f"en:{doc.key}", language="en", topic=topic,
                                    chain=chain_of.get(m_id, f"{path.name}#{m_id}#single"), tokens=toks,
                                    text=surface, label=tag))
    return docs, mentions, info


# ---------------------------------------------------------------- the shipped path

def run_fuentes(docs: list[Doc], work: Path, workers: int) -> tuple[list[dict], float]:
    work.mkdir(parents=True, exist_ok=True)
    source = work / "inputs.jsonl"
    source.write_text("".join(json.dumps(doc.line(), ensure_ascii=False) + "\n" for doc in docs),
                      encoding="utf-8")
    db = work / "store.db"
    db.unlink(missing_ok=True)
    export = work / "export.jsonl"
    exe = Path(sys.executable).parent / "fuentes"
    started = time.perf_counter()
    done = subprocess.run([str(exe), "run", str(source), "--db", str(db), "--workers", str(workers),
                           "--no-progress"])
    if done.returncode not in (0, 1):  # 1: some inputs rejected (counted below as unmatched docs)
        raise SystemExit(f"fuentes run failed with status {done.returncode}")
    seconds = time.perf_counter() - started
    subprocess.run([str(exe), "export", "--db", str(db), "--format", "jsonl", "--output", str(export)],
                   check=True)
    records = [json.loads(line) for line in export.read_text(encoding="utf-8").splitlines() if line.strip()]
    return records, seconds


def char_map(mine: str, theirs: str) -> list[int | None]:
    """For each char of `mine`, its offset in `theirs` (None when the cleaner dropped it)."""
    if mine == theirs:
        return list(range(len(mine)))
    out: list[int | None] = [None] * len(mine)
    matcher = difflib.SequenceMatcher(None, mine, theirs, autojunk=False)
    for a, b, size in matcher.get_matching_blocks():
        for k in range(size):
            out[a + k] = b + k
    return out


def evaluate(docs: list[Doc], mentions: list[Mention], records: list[dict]) -> dict:
    """Map gold mentions onto the export's entities; returns per-mention clusters and counts."""
    line_doc = {i + 1: doc for i, doc in enumerate(docs)}
    article_doc: dict[str, Doc] = {}
    changed = 0
    maps: dict[str, list[int | None]] = {}
    aliases: dict[str, str] = {}
    for rec in records:
        if rec.get("type") != "article":
            continue
        match = re.search(r"#line (\d+)$", rec.get("source") or "")
        doc = line_doc.get(int(match.group(1))) if match else None
        if doc is None:
            continue
        article_doc[rec["id"]] = doc
        key = f"{doc.language}:{doc.key}"
        maps[key] = char_map(doc.text, rec["text"])
        changed += doc.text != rec["text"]
    # an input the store holds once because its cleaned body equals another's (fuentes ids
    # derive from outlet + body) is scored on that stored article, aligned to its text
    texts = {rec["id"]: rec["text"] for rec in records if rec.get("type") == "article"}
    duplicates = 0
    for doc in docs:
        key = f"{doc.language}:{doc.key}"
        if key in maps:
            continue
        candidates = [(difflib.SequenceMatcher(None, doc.text, text, autojunk=False).ratio(), art)
                      for art, text in texts.items()
                      if article_doc[art].language == doc.language and abs(len(text) - len(doc.text)) < len(doc.text) / 2]
        if candidates and max(candidates)[0] >= 0.8:
            art = max(candidates)[1]
            twin = article_doc[art]
            maps[key] = char_map(doc.text, texts[art])
            aliases[key] = f"{twin.language}:{twin.key}"
            duplicates += 1
    spans = []
    entities = 0
    for rec in records:
        if rec.get("type") != "entity":
            continue
        entities += 1
        for ev in rec.get("evidence") or []:
            doc = article_doc.get(ev["article"])
            if doc is not None:
                spans.append((rec["id"], f"{doc.language}:{doc.key}", ev["start"], ev["end"]))
    located: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    lost_tokens = 0
    by_key = {f"{d.language}:{d.key}": d for d in docs}
    for m in mentions:
        cmap = maps.get(m.doc)
        if cmap is None:
            continue
        doc = by_key[m.doc]
        toks = []
        for t in m.tokens:
            s, e = doc.tokens[t]
            inside = [c for c in cmap[s:e] if c is not None]
            if inside:
                toks.append((inside[0], inside[-1] + 1))
            else:
                lost_tokens += 1
        if toks:
            located[m.key] = (aliases.get(m.doc, m.doc), toks)
    mapped = map_mentions(located, spans)
    return {"mapped": mapped, "documents": len(docs), "documents_in_export": len(maps) - duplicates,
            "documents_stored_as_another_inputs_article": duplicates,
            "documents_text_changed_by_cleaner": changed, "entities_in_export": entities,
            "entity_spans": len(spans), "gold_tokens_dropped_by_cleaner": lost_tokens}


def score(mentions: list[Mention], mapped: dict[str, str | None], cross_lingual: bool) -> dict:
    gold = {m.key: m.chain for m in mentions}
    pred = clusters_with_singletons({m.key: mapped[m.key] for m in mentions})
    base = exact_name_clusters({m.key: m.text for m in mentions})
    reached = {m.key for m in mentions if mapped[m.key] is not None}
    docs_of: dict[str, set] = defaultdict(set)
    for m in mentions:
        docs_of[m.chain].add(m.doc)
    out = {
        "gold_mentions": len(mentions), "gold_chains": len(set(gold.values())),
        "gold_cross_document_chains": sum(1 for d in docs_of.values() if len(d) > 1),
        "mentions_mapped_to_an_entity": len(reached),
        "fuentes": bcubed(pred, gold), "exact_name_baseline": bcubed(base, gold),
        "fuentes_recall_loss": recall_loss(gold, pred, {m.key: m.doc for m in mentions},
                                           {m.key: m.language for m in mentions}, reached),
    }
    if cross_lingual:
        lang = {m.key: m.language for m in mentions}
        out["cross_lingual_chains"] = {
            "fuentes": cross_lingual_chains(gold, lang, pred, reached),
            "exact_name_baseline": cross_lingual_chains(gold, lang, base)}
        out["by_language"] = {
            lg: {"gold_mentions": sum(1 for m in mentions if m.language == lg),
                 "fuentes": bcubed(pred, {k: v for k, v in gold.items() if lang[k] == lg}),
                 "exact_name_baseline": bcubed(base, {k: v for k, v in gold.items() if lang[k] == lg})}
            for lg in ("en", "es")}
    return out


def missed(mentions: list[Mention], mapped: dict[str, str | None], names: dict[str, str]) -> dict:
    """Diagnostics: per gold chain split over several clusters, its parts (entity name, texts);
    per cluster holding several chains, those chains' texts. For reading on the tuning split."""
    by_chain: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    by_pred: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for m in mentions:
        ent = mapped.get(m.key)
        label = f"{names.get(ent, ent)}" if ent else "(no entity)"
        by_chain[m.chain][label].append(f"{m.language}:{m.text}")
        if ent:
            by_pred[label][m.chain].append(f"{m.language}:{m.text}")
    split = {chain: {k: Counter(v).most_common() for k, v in parts.items()}
             for chain, parts in by_chain.items() if len(parts) > 1}
    joined = {ent: {c: Counter(v).most_common(4) for c, v in chains.items()}
              for ent, chains in by_pred.items() if len(chains) > 1}
    return {"split_chains": dict(sorted(split.items(), key=lambda kv: -sum(len(v) for v in kv[1].values()))),
            "joined_chains": joined}


def meantime(workers: int, keep: Path | None, only_split: str | None = None, show_missed: bool = False) -> dict:
    docs, mentions, headline = load_meantime()
    results: dict = {"selection": {
        "named": "the mention's text starts with a capital letter (the data has no named/nominal field)",
        "alt_capital_head": "the mention's head word (dataset's automatic parse) has a capital letter and "
                            "is not a pronoun"}}
    for split, topics in SPLITS.items():
        if only_split and split != only_split:
            continue
        split_docs = [d for d in docs if d.topic in topics]
        split_mentions = [m for m in mentions if m.topic in topics]
        work = (keep / f"meantime-{split}") if keep else Path(tempfile.mkdtemp(prefix=f"fuentes-identity-{split}-"))
        records, seconds = run_fuentes(split_docs, work, workers)
        ev = evaluate(split_docs, split_mentions, records)
        named_all = [m for m in split_mentions if is_named(m.text)]
        alt_all = [m for m in split_mentions if has_capital_head(m.head, m.head_pos)]
        # a gold mention none of whose tokens is left in the exported text cannot be scored
        named = [m for m in named_all if m.key in ev["mapped"]]
        alt = [m for m in alt_all if m.key in ev["mapped"]]
        named_keys, alt_keys = {m.key for m in named}, {m.key for m in alt}
        res = {"topics": list(topics), "documents_by_language": {
                   lg: sum(1 for d in split_docs if d.language == lg) for lg in ("en", "es")},
               "run_seconds": round(seconds, 1),
               **{k: v for k, v in ev.items() if k != "mapped"},
               "all_gold_entity_mentions": len(split_mentions),
               "gold_mentions_in_headline_or_date_line_left_out": sum(
                   n for k, n in headline.items() if k.split(":")[1] in topics),
               "gold_mentions_outside_exported_text_left_out": {
                   "named": len(named_all) - len(named), "alt_capital_head": len(alt_all) - len(alt)},
               "named": score(named, ev["mapped"], True),
               "alt_capital_head": score(alt, ev["mapped"], True),
               "named_selection_check": {
                   "named_head_is_pronoun": sum(1 for m in named if m.head_pos == "PRON"),
                   "named_head_is_propn": sum(1 for m in named if m.head_pos == "PROPN"),
                   "named_not_in_alt": sum(1 for m in named if m.key not in alt_keys),
                   "alt_not_in_named": sum(1 for m in alt if m.key not in named_keys),
                   "examples_named_not_in_alt": Counter(m.text for m in named if m.key not in alt_keys).most_common(10),
                   "examples_alt_not_in_named": Counter(m.text for m in alt if m.key not in named_keys).most_common(10)},
               "named_by_class": dict(Counter(m.label for m in named))}
        if show_missed:
            names = {rec["id"]: rec.get("name") for rec in records if rec.get("type") == "entity"}
            res["missed"] = missed(named, ev["mapped"], names)
        results[split] = res
    return results


def ecb(workers: int, limit: int, keep: Path | None) -> dict:
    docs, mentions, info = load_ecb(ECB_DEV_TOPICS, limit)
    work = (keep / "ecb-dev") if keep else Path(tempfile.mkdtemp(prefix="fuentes-identity-ecb-"))
    records, seconds = run_fuentes(docs, work, workers)
    ev = evaluate(docs, mentions, records)
    named_all = [m for m in mentions if is_named(m.text)]
    alt_all = [m for m in mentions if is_named_after_determiner(m.text)]
    # a gold mention none of whose tokens is left in the exported text cannot be scored
    named = [m for m in named_all if m.key in ev["mapped"]]
    alt = [m for m in alt_all if m.key in ev["mapped"]]
    participants = [m for m in named if not m.label.startswith("LOC_")]
    named_keys, alt_keys = {m.key for m in named}, {m.key for m in alt}
    by_topic = {}
    for topic in sorted({m.topic for m in named}, key=int):
        sel = [m for m in named if m.topic == topic]
        sc = score(sel, ev["mapped"], False)
        by_topic[topic] = {"gold_mentions": sc["gold_mentions"], "fuentes": sc["fuentes"]["f1"],
                           "exact_name_baseline": sc["exact_name_baseline"]["f1"]}
    return {**info, "documents": len(docs), "run_seconds": round(seconds, 1),
            **{k: v for k, v in ev.items() if k != "mapped"},
            "selection": {
                "named": "HUMAN_PART*, NON_HUMAN_PART*, LOC_* markables in validated sentences whose text "
                         "starts with a capital letter",
                "alt_after_determiner": "the same markables whose first word after a leading article has a "
                                        "capital letter, single-word pronouns left out"},
            "all_gold_entity_mentions": len(mentions),
            "gold_mentions_outside_exported_text_left_out": {
                "named": len(named_all) - len(named), "alt_after_determiner": len(alt_all) - len(alt),
                "examples_named": Counter(m.text for m in named_all if m.key not in ev["mapped"]).most_common(10)},
            "named": score(named, ev["mapped"], False),
            "named_participants_only": score(participants, ev["mapped"], False),
            "alt_after_determiner": score(alt, ev["mapped"], False),
            "named_selection_check": {
                "named_not_in_alt": Counter(m.text for m in named if m.key not in alt_keys).most_common(10),
                "alt_not_in_named": Counter(m.text for m in alt if m.key not in named_keys).most_common(10)},
            "named_by_class": dict(Counter(m.label for m in named)),
            "by_topic_f1": by_topic}


def table(results: dict) -> None:
    rows = []
    for split in SPLITS:
        res = results.get("meantime", {}).get(split)
        if res:
            for sel in ("named", "alt_capital_head"):
                sc = res[sel]
                cl = sc["cross_lingual_chains"]
                rows.append((f"MEANTIME {split} ({'+'.join(res['topics'])}) {sel}", sc,
                             f"{cl['fuentes']['held']}/{cl['fuentes']['chains']} "
                             f"(names {cl['exact_name_baseline']['held']})"))
    if "ecb_dev" in results:
        rows.append(("ECB+ dev named", results["ecb_dev"]["named"], "-"))
        rows.append(("ECB+ dev named participants", results["ecb_dev"]["named_participants_only"], "-"))
        rows.append(("ECB+ dev alt_after_determiner", results["ecb_dev"]["alt_after_determiner"], "-"))
    print(f"{'set':52} {'gold':>5} {'P':>6} {'R':>6} {'F1':>6} | {'name P':>6} {'R':>6} {'F1':>6} | x-lingual held")
    for name, sc, held in rows:
        f, b = sc["fuentes"], sc["exact_name_baseline"]
        print(f"{name:52} {sc['gold_mentions']:5} {f['p']:6.3f} {f['r']:6.3f} {f['f1']:6.3f} | "
              f"{b['p']:6.3f} {b['r']:6.3f} {b['f1']:6.3f} | {held}")
    for split in SPLITS:
        res = results.get("meantime", {}).get(split)
        if res:
            print(f"MEANTIME {split}: {res['documents_by_language']['en']} en + {res['documents_by_language']['es']} es documents, "
                  f"run {res['run_seconds']} s; {res['gold_mentions_in_headline_or_date_line_left_out']} gold "
                  f"mentions in headlines left out")
    if "ecb_dev" in results:
        e = results["ecb_dev"]
        print(f"ECB+ dev: {e['gold_mentions_outside_exported_text_left_out']['named']} named gold mentions "
              f"outside the exported text (title/furniture lines) left out; run {e['run_seconds']} s")
        print(f"ECB+ dev: {e['documents']} of {e['documents_in_topics']} documents in topics {e['topics']} "
              f"(--ecb-limit {e['limit']}{', capped' if e['capped'] else ', not reached'})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--ecb-limit", type=int, default=300, help="at most this many ECB+ dev documents")
    parser.add_argument("--only", choices=("meantime", "ecb"))
    parser.add_argument("--keep", type=Path, help="folder to keep the inputs, stores and exports in")
    parser.add_argument("--name", default="identity")
    parser.add_argument("--split", choices=tuple(SPLITS), help="MEANTIME: run this split only")
    parser.add_argument("--missed", action="store_true",
                        help="MEANTIME: add each split gold chain's parts and each over-joined entity (diagnostics)")
    args = parser.parse_args()
    started = time.perf_counter()
    results: dict = {"workers": args.workers}
    if args.only in (None, "meantime"):
        results["meantime"] = meantime(args.workers, args.keep, args.split, args.missed)
    if args.only in (None, "ecb"):
        results["ecb_dev"] = ecb(args.workers, args.ecb_limit, args.keep)
    results["total_seconds"] = round(time.perf_counter() - started, 1)
    write_results(args.name, results)
    table(results)
    print(f"total {results['total_seconds']} s")


if __name__ == "__main__":
    main()
