"""Translation edges on MEANTIME: English Wikinews articles and their Spanish translations.

    python bench/translation.py build OUT_DIR         # articles as JSON lines, one file per split
    python bench/translation.py run [--split report]  # build, `fuentes run`, `fuentes export`, score

Articles are rebuilt from the token files of ../shared/data/meantime-cdcr (CoNLL): sentence 0
is the title, sentence 1 the date line, the rest the body, tokens joined back into text. The
English article and the Spanish one with the same document id are a real translation pair.
Topics airbus and apple are the tuning split, gm and stock the report split.

Measured through the shipped path (`fuentes run` then `fuentes export --format jsonl`):
precision and recall of `translation` derivations against the real pairs (unordered: the
Wikinews translation carries the original's date, so its direction is honestly undecided),
and the translation derivations joining two different articles of one topic.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _shared import REPO, shared_path, write_results  # noqa: E402

SPLITS = {"tune": ("airbus", "apple"), "report": ("gm", "stock")}
OUTLETS = {"en": "Wikinews", "es": "Wikinoticias"}
MONTHS = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december".split())}
MESES = {m: i + 1 for i, m in enumerate(
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split())}
FUENTES = REPO / ".venv" / "bin" / "fuentes"


def detok(words: list[str]) -> str:
    text = " ".join(words).replace("``", "“").replace("''", "”")
    text = re.sub(r" ([.,;:!?%)\]»”])", r"\1", text)
    text = re.sub(r"([(\[«“¿¡$]) ", r"\1", text)
    text = re.sub(r" (n't|'s|’s|'re|'ve|'ll|'d)\b", r"\1", text)
    return re.sub(r" ([”’])", r"\1", re.sub(r"([“‘]) ", r"\1", text))


def parse_date(line: str) -> str | None:
    """'March 01, 2008' or '1 de marzo de 2008' -> '2008-03-01'."""
    low = line.lower().replace(",", " ")
    m = re.search(r"([a-z]+)\s+(\d{1,2})\s+(\d{4})", low)
    if m and m.group(1) in MONTHS:
        return f"{int(m.group(3)):04d}-{MONTHS[m.group(1)]:02d}-{int(m.group(2)):02d}"
    m = re.search(r"(\d{1,2})\s+de\s+([a-z]+)\s+del?\s+(\d{4})", low)
    if m and m.group(2) in MESES:
        return f"{int(m.group(3)):04d}-{MESES[m.group(2)]:02d}-{int(m.group(1)):02d}"
    return None


def load(language: str) -> dict[str, dict]:
    """Document id ('airbus/100911') -> {title, published, text} from the CoNLL token file."""
    path = shared_path("meantime-cdcr", "output_data", language, "meantime.conll")
    docs: dict[str, dict[int, list[str]]] = defaultdict(dict)
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 4 or line.startswith("#"):
            continue
        doc, sent, token = parts[0].replace("corpus_", ""), int(parts[1]), parts[3]
        docs[doc].setdefault(sent, []).append(token)
    out = {}
    for doc, sents in docs.items():
        lines = [detok(words) for _, words in sorted(sents.items())]
        published = parse_date(lines[1]) if len(lines) > 1 else None
        body = lines[2:] if published else lines[1:]
        out[doc] = {"title": lines[0], "published": published, "text": "\n\n".join(body)}
    return out


def build(out_dir: Path) -> dict[str, Path]:
    """One JSON lines file per split, English and Spanish articles of its topics."""
    out_dir.mkdir(parents=True, exist_ok=True)
    docs = {lang: load(lang) for lang in OUTLETS}
    paths = {}
    for split, topics in SPLITS.items():
        path = out_dir / f"meantime_{split}.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for lang, by_id in docs.items():
                for doc, item in sorted(by_id.items()):
                    if doc.split("/")[0] not in topics:
                        continue
                    fh.write(json.dumps({"url": f"https://{lang}.wikinews.example/{doc}", "outlet": OUTLETS[lang],
                                         "title": item["title"], "published": item["published"],
                                         "language": lang, "text": item["title"] + "\n\n" + item["text"]},
                                        ensure_ascii=False) + "\n")
        paths[split] = path
    return paths


def score(export: Path) -> dict:
    """Translation derivations of an export against the real pairs (same document id)."""
    doc_of, derivs = {}, []
    for line in export.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row.get("type") == "article":
            doc_of[row["id"]] = (row["url"].split("/")[2].split(".")[0], row["url"].split("/", 3)[3])
        elif row.get("type") == "derivation":
            derivs.append(row)
    truth = {doc for _, doc in doc_of.values()}
    found, wrong, same_topic, decided = set(), 0, 0, defaultdict(int)
    for d in derivs:
        if d["kind"] != "translation":
            continue
        a, b = doc_of.get(d["source"]), doc_of.get(d["target"])
        if a is None or b is None:
            wrong += 1
            continue
        decided[d.get("decided_by") or "none"] += 1
        if a[1] == b[1] and a[0] != b[0]:
            found.add(a[1])
        else:
            wrong += 1
            same_topic += a[1].split("/")[0] == b[1].split("/")[0]
    pred = len(found) + wrong
    kinds = defaultdict(int)
    for d in derivs:
        kinds[d["kind"]] += 1
    return {"articles": len(doc_of), "pairs_true": len(truth), "translation_edges": pred,
            "true_edges": len(found), "precision": round(len(found) / max(pred, 1), 4),
            "recall": round(len(found) / max(len(truth), 1), 4),
            "same_topic_false_translation_edges": same_topic, "derivations_by_kind": dict(kinds),
            "translation_decided_by": dict(decided)}


def run(split: str, work: Path) -> dict:
    paths = build(work)
    db = work / f"{split}.db"
    db.unlink(missing_ok=True)
    t0 = time.perf_counter()
    # exit status 1: some articles failed analysis (each is a rejection); the store is complete
    status = subprocess.run([str(FUENTES), "run", str(paths[split]), "--db", str(db)],
                            stdout=subprocess.DEVNULL, check=False).returncode
    if status not in (0, 1):
        raise SystemExit(f"fuentes run exited {status}")
    seconds = time.perf_counter() - t0
    export = work / f"{split}.jsonl"
    with export.open("w", encoding="utf-8") as fh:
        subprocess.run([str(FUENTES), "export", "--db", str(db), "--format", "jsonl"], check=True, stdout=fh)
    out = score(export)
    out["run_seconds"] = round(seconds, 1)
    out["fuentes_run_exit_status"] = status
    return out


def main(argv: list[str]) -> None:
    if argv[:1] == ["build"]:
        print(build(Path(argv[1])))
        return
    split = argv[argv.index("--split") + 1] if "--split" in argv else "report"
    work = Path(argv[argv.index("--work") + 1]) if "--work" in argv else REPO.parent / "scratch" / "bench-translation"
    result = {"split": split, "topics": list(SPLITS[split]), **run(split, work)}
    print(json.dumps(result, indent=2))
    if split == "report":
        write_results("translation", result)


if __name__ == "__main__":
    main(sys.argv[1:])
