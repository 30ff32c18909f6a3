"""Cross-article stages on Spark, as distributed joins: nothing gathers the corpus on the driver.

Derivations (same decisions as `fuentes.corpus.origins.analyse_provenance`):
1. MinHash signatures per article (`LSHIndex.fingerprint`, inside mapPartitions);
2. one key per LSH band (band number + that band's signature values, as datasketch buckets
   them); articles exploded by band key and self-joined: the candidate pairs, kept when the
   signature agreement reaches `MIN_JACCARD`, exactly as `LSHIndex.add_texts` does. With a
   publication window of W days the join key is (band key, time bucket of W days): each dated
   article meets the dated articles of its own bucket and of the next, pairs more than W days
   apart are dropped, and articles without a day meet every article in a second band join;
   then bounded per article as the local index bounds them (`bounded_pairs`: each article's
   candidates grouped and given to `origins.kept_partners`; a pair stays when either keeps it);
   Credit pairs (`credit_pairs`): the outlets each article credits (`origins.credited_outlets`)
   joined to the articles' outlets; per article, `origins.credit_partners` (what the local index
   calls) keeps the most similar articles it credits or that credit it, within the window;
3. each candidate pair aligned and classified by `fuentes.corpus.derivation.relate`, told whether
   one credits the other's outlet (`origins.credits_other`), its matched sentences and their
   passages kept, so derivations carry the same passages as the local run.
   Translations (`translation_candidates`, `translation_pairs`): articles exploded by their
   language-independent keys (names and numbers, `fuentes.corpus.translation.keys`), self-joined
   across languages within the window, the pairs sharing enough keys kept (the best `candidates`
   of each article); plus each article's nearest leads in another language
   (`translation.nearest_leads` on leads encoded one by one, asked in blocks of days:
   `window_blocks`); each candidate verified by `translation.align_across` on the multilingual
   encoder's sentence vectors (each article's sentences encoded once);
4. connected components of the related pairs (min-label propagation, one join per round);
5. per component, `ProvenanceIndex` decides direction, kind and origin of its articles: the
   decision of an article only ever looks at the articles it is related to.
Only the set of outlet names (thousands, not the articles) is broadcast: the credit detector
recognises outlets seen in the corpus.

Entity resolution: local entities are blocked by normalised name keys (full name, first and
last name, surname and acronym keys: every rule of `fuentes.corpus.entity_resolution` merges
only entities that share one); components of the entity-key graph are resolved one by one
with `resolve_with_merges`, which gives the same entities as one corpus-wide run.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, Iterable, Iterator

from fuentes.codecs import ENTITY
from fuentes.corpus.lsh_index import BANDS, MIN_JACCARD, NUM_PERM, ROWS, LSHIndex, window_day
from fuentes.model import Entity

MAX_ROUNDS = 60  # label propagation converges in (diameter) rounds; news components are shallow


def band_keys(signature) -> list[int]:
    """One 64-bit key per LSH band: two articles share a key iff the band's values are equal."""
    keys = []
    for band in range(BANDS):
        data = band.to_bytes(2, "big") + signature[band * ROWS:(band + 1) * ROWS].tobytes()
        keys.append(int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "big", signed=True))
    return keys


def signature_partition(rows: Iterable[Any]) -> Iterator[tuple[str, list[int], list[int], int | None]]:
    index = LSHIndex()  # the hasher's permutations, made once per partition
    for row in rows:
        signature = index.fingerprint(row["text"])
        yield row["id"], [int(v) for v in signature], band_keys(signature), \
            window_day(row["published"], row["saved_at"])


def signatures(spark, articles):
    """DataFrame (id, sig, bands, day): each article's MinHash signature, LSH band keys and window day."""
    rows = articles.select("id", "text", "published", "saved_at").rdd.mapPartitions(signature_partition)
    return spark.createDataFrame(rows, "id string, sig array<long>, bands array<long>, day int")


def with_agreement(pairs, sigs):
    """`pairs` (a, b, ...) with `jaccard`: the share of their signatures' values that agree."""
    from pyspark.sql import functions as F

    sa = sigs.select(F.col("id").alias("a"), F.col("sig").alias("sa"))
    sb = sigs.select(F.col("id").alias("b"), F.col("sig").alias("sb"))
    agree = F.expr("aggregate(zip_with(sa, sb, (x, y) -> IF(x = y, 1, 0)), 0, (acc, v) -> acc + v)")
    return pairs.join(sa, "a").join(sb, "b").withColumn("jaccard", agree / F.lit(NUM_PERM)).drop("sa", "sb")


def candidate_pairs(spark, articles, window_days: int | None = None, sigs=None):
    """DataFrame (a, b, jaccard) of candidate pairs, a < b, as the local LSH index finds them
    (`LSHIndex(window_days=window_days)`, each article placed on `window_day`). `sigs`: the
    `signatures` of `articles` when already computed."""
    from pyspark.sql import functions as F

    own = sigs is None
    if own:
        sigs = signatures(spark, articles).cache()  # used three times
    pairs = band_pairs(sigs) if window_days is None else windowed_band_pairs(sigs, window_days)
    return with_agreement(pairs, sigs).where(F.col("jaccard") >= MIN_JACCARD).select("a", "b", "jaccard")


def band_pairs(sigs):
    """(a, b), a < b, of articles sharing an LSH band: one self-join over band keys."""
    from pyspark.sql import functions as F

    buckets = sigs.select("id", F.explode("bands").alias("band"))
    return buckets.alias("x").join(buckets.alias("y"), "band").where(F.col("x.id") < F.col("y.id")) \
        .select(F.col("x.id").alias("a"), F.col("y.id").alias("b")).distinct()


def windowed_band_pairs(sigs, window_days: int):
    """(a, b), a < b, sharing a band and at most `window_days` apart, or one of them without a day.

    Dated articles are bucketed by day into buckets `width` = max(W, 1) days wide, so a pair at
    most W days apart lies in one bucket or two consecutive ones: each article is keyed by
    (band, its bucket) on one side and by (band, its bucket) and (band, next bucket) on the
    other, so every such pair meets in exactly one join key per shared band and no pair more
    than 2 buckets apart is ever produced. Articles without a day meet every article in a band
    join of their own (the local index compares them with everything).
    """
    from pyspark.sql import functions as F

    width = max(window_days, 1)
    bands = sigs.select("id", "day", F.explode("bands").alias("band"))
    dated = bands.where(F.col("day").isNotNull()).withColumn("bucket", F.floor(F.col("day") / width))
    x = dated.select(F.col("id").alias("xid"), F.col("day").alias("xday"), "band", "bucket")
    y = dated.select(F.col("id").alias("yid"), F.col("day").alias("yday"), "band",
                     F.posexplode(F.array(F.col("bucket"), F.col("bucket") + 1)).alias("shift", "bucket"))
    # shift 0: same bucket, met from both sides (keep one); shift 1: x's bucket follows y's, met once
    found = x.join(y, ["band", "bucket"]).where(
        ((F.col("shift") == 1) | (F.col("xid") < F.col("yid")))
        & (F.abs(F.col("xday") - F.col("yday")) <= window_days)).select("xid", "yid")
    if sigs.where(F.col("day").isNull()).limit(1).count():  # skip a second shuffle of every band when all dated
        undated = bands.where(F.col("day").isNull()).select(F.col("id").alias("xid"), "band")
        anyone = bands.select(F.col("id").alias("yid"), F.col("day").alias("yday"), "band")
        # an undated article meets dated ones from its side only; two undated ones meet from both sides
        found = found.union(undated.join(anyone, "band").where(
            F.col("yday").isNotNull() | (F.col("xid") < F.col("yid"))).select("xid", "yid"))
    return found.select(F.least("xid", "yid").alias("a"), F.greatest("xid", "yid").alias("b")).distinct()


def bounded_pairs(spark, pairs, infos, size: int | None = None, earlier: int | None = None):
    """The rows of `pairs` (a, b, jaccard, ...) the local index aligns: each article's candidates
    (with the partners' publication times and lengths) go to `origins.kept_partners`, the function
    `ProvenanceIndex._bounded` calls, and a pair stays when either side keeps the other. `size`,
    `earlier`: the bounds (`origins.LSH_CANDIDATES`, `EARLIER_CANDIDATES` as the driver has them).
    `infos`: RDD (id, Info)."""
    from fuentes.corpus import origins

    size = origins.LSH_CANDIDATES if size is None else size
    earlier = origins.EARLIER_CANDIDATES if earlier is None else earlier
    slim = infos.mapValues(lambda i: origins.Info(i.id, i.outlet, i.published, i.length, []))  # what `_before` reads
    sides = pairs.select("a", "b", "jaccard").rdd.flatMap(
        lambda r: ((r["b"], (r["a"], r["jaccard"])), (r["a"], (r["b"], r["jaccard"]))))  # partner -> (me, agreement)
    mine = sides.join(slim).map(lambda kv: (kv[1][0][0], (kv[1][0][1], kv[0], kv[1][1])))  # me -> (agreement, partner, info)
    kept = mine.groupByKey().join(slim).flatMap(lambda kv: [
        (min(kv[0], other), max(kv[0], other)) for other in origins.kept_partners(kv[1][1], kv[1][0], size, earlier)])
    return pairs.join(spark.createDataFrame(kept.distinct(), "a string, b string"), ["a", "b"])


def relate_partition(rows: Iterable[Any]) -> Iterator[tuple]:
    from fuentes.corpus.derivation import relate, split_sentences

    for row in rows:
        rel = relate(split_sentences(row["ta"]), split_sentences(row["tb"]), credited=bool(row["credited"]))
        yield row["a"], row["b"], float(row["jaccard"]), rel.kind, float(rel.score), \
            json.dumps(rel.evidence, ensure_ascii=False), rel.copy_side, json.dumps(rel.pairs), \
            json.dumps(rel.spans), row["found_by"]


# pairs: matched sentences [[i, j], ...]; spans: their passages [[a start, a end, b start, b end], ...];
# found_by: which candidates held the pair ("bands", "credit", "bands,credit"; "translation")
PAIR_SCHEMA = ("a string, b string, jaccard double, kind string, score double, evidence string, copy_side string, "
               "pairs string, spans string, found_by string")


def classify_pairs(spark, articles, pairs):
    """Every candidate pair (a, b, jaccard[, credited, found_by]) with its relation (syndicated /
    rewrite / independent); `credited`: one of the two credits the other's outlet (`relate` asks
    less of such a pair)."""
    from pyspark.sql import functions as F

    if "credited" not in pairs.columns:
        pairs = pairs.withColumn("credited", F.lit(False))
    if "found_by" not in pairs.columns:
        pairs = pairs.withColumn("found_by", F.lit("bands"))
    texts = articles.select("id", "text")
    joined = pairs.join(texts.select(F.col("id").alias("a"), F.col("text").alias("ta")), "a") \
        .join(texts.select(F.col("id").alias("b"), F.col("text").alias("tb")), "b")
    return spark.createDataFrame(joined.rdd.mapPartitions(relate_partition), PAIR_SCHEMA)


def credit_pairs(spark, infos, sigs, window_days: int | None = None):
    """DataFrame (a, b), a < b, of the pairs where one article credits the other's outlet, as
    `ProvenanceIndex` takes them: each article's `origins.credit_partners` among the articles of
    the outlets it credits and the articles crediting its outlet, found by joining credited
    outlets to article outlets (never the whole corpus in one place). `infos`: RDD (id, Info)."""
    import numpy as np

    from fuentes.corpus.origins import credit_partners, credited_outlets

    node = infos.join(sigs.select("id", "sig", "day").rdd.map(
        lambda r: (r["id"], (np.asarray(r["sig"], dtype=np.int64), r["day"])))) \
        .mapValues(lambda v: (v[0], v[1][0], v[1][1])).cache()  # id -> (info, signature, day)
    outlets = node.filter(lambda kv: kv[1][0].outlet).map(lambda kv: (kv[1][0].outlet, (kv[0], kv[1][2])))
    crediting = node.flatMap(lambda kv: [(outlet, (kv[0], kv[1][2])) for outlet in credited_outlets(kv[1][0])])

    def near(x, y) -> bool:  # within the window (credit_partners checks it again): less to ship
        return window_days is None or x[1] is None or y[1] is None or abs(x[1] - y[1]) <= window_days

    met = crediting.join(outlets).values().filter(lambda p: p[0][0] != p[1][0] and near(*p)) \
        .flatMap(lambda p: ((p[0][0], p[1][0]), (p[1][0], p[0][0]))).distinct()  # (article, a partner to weigh)
    partners = met.map(lambda p: (p[1], p[0])).join(node).map(lambda kv: (kv[1][0], kv[1][1])).groupByKey()
    found = partners.join(node).flatMap(lambda kv: [
        (min(kv[0], other), max(kv[0], other))
        for other in credit_partners(kv[1][1][0], kv[1][1][1], kv[1][1][2], list(kv[1][0]), window_days)])
    pairs = spark.createDataFrame(found.distinct(), "a string, b string").localCheckpoint()
    node.unpersist()
    return pairs


def credited_flags(spark, pairs, infos):
    """DataFrame (a, b, credited) of `pairs` (a, b): whether one credits the other's outlet
    (`origins.credits_other`)."""
    from fuentes.corpus.origins import credits_other

    flags = pairs.select("a", "b").rdd.map(lambda r: (r["a"], r["b"])).join(infos) \
        .map(lambda kv: (kv[1][0], (kv[0], kv[1][1]))).join(infos) \
        .map(lambda kv: (kv[1][0][0], kv[0], credits_other(kv[1][0][1], kv[1][1])))
    return spark.createDataFrame(flags, "a string, b string, credited boolean")


UNDATED_BLOCK = -(2 ** 62)  # the block key of undated articles (no day bucket comes near it)


def window_blocks(rows, window_days: int | None):
    """RDD of (asking, pool) lists over an RDD of (id, day, ...) tuples: every article asks in
    exactly one block, and the pool of a block holds every article within `window_days` of any
    article asking there (a missing day fits every day), as the nearest-neighbour functions of
    the corpus stages need to give the corpus-wide answer. Dated articles ask in buckets of
    max(W, 1) days and the pool of a bucket is that bucket, the two beside it and the undated
    articles; undated articles ask in one block whose pool is every article (the local indexes
    compare them with everything), and so does every article without a window."""
    if window_days is None:
        return rows.map(lambda r: (0, r)).groupByKey().map(lambda kv: (list(kv[1]), list(kv[1])))
    width = max(window_days, 1)
    # the undated block's key is an int too: a shuffle that spills sorts its keys, and None < int fails
    ask = rows.map(lambda r: (UNDATED_BLOCK if r[1] is None else r[1] // width, r))
    dated = rows.filter(lambda r: r[1] is not None)
    undated = rows.filter(lambda r: r[1] is None)
    buckets = ask.keys().filter(lambda b: b != UNDATED_BLOCK).distinct()
    pool = dated.flatMap(lambda r: [(r[1] // width + shift, r) for shift in (-1, 0, 1)] + [(UNDATED_BLOCK, r)]) \
        .union(undated.cartesian(buckets).map(lambda x: (x[1], x[0]))).union(undated.map(lambda r: (UNDATED_BLOCK, r)))
    return ask.cogroup(pool).filter(lambda kv: len(kv[1][0]) > 0) \
        .map(lambda kv: (sorted(kv[1][0]), list(kv[1][1])))


def eligible_partition(rows: Iterable[Any]) -> Iterator[tuple]:
    """(id, language, day, keys, lead) of each article `TranslationIndex.add` indexes: a language
    and at least `min_sentences` sentences."""
    from fuentes.corpus.derivation import split_sentences
    from fuentes.corpus.translation import DEFAULT, keys, lead_text

    for row in rows:
        sentences = split_sentences(row["text"]) if row["language"] else None
        if sentences is not None and len(sentences.norm) >= DEFAULT.min_sentences:
            yield row["id"], row["language"], window_day(row["published"], row["saved_at"]), \
                sorted(keys(row["text"])), lead_text(sentences)


def lead_partition(rows: Iterable[Any]) -> Iterator[tuple]:
    """(id, day, language, float16 lead vector bytes), each lead encoded alone (`lead_vectors`)."""
    from fuentes.corpus.translation import lead_vectors

    for row in rows:
        (vector,) = lead_vectors([row["lead"]])
        yield row["id"], row["day"], row["language"], vector.tobytes()


def lead_block(block: tuple[list, list], window_days: int | None) -> Iterator[tuple[str, str]]:
    """The translation candidates by lead of one block's asking articles (`nearest_leads`)."""
    import numpy as np

    from fuentes.corpus.translation import DEFAULT, Lead, nearest_leads

    def lead(row) -> Lead:
        return Lead(row[0], row[2], row[1], np.frombuffer(row[3], dtype=np.float16))

    asking, pool = block
    yield from nearest_leads([lead(r) for r in asking], [lead(r) for r in pool], DEFAULT, window_days)


def vector_partition(rows: Iterable[Any]) -> Iterator[tuple[str, bytes]]:
    """(id, float16 sentence vectors as bytes) of each article: encoded once, whatever its pairs."""
    from fuentes.corpus.derivation import split_sentences
    from fuentes.corpus.translation import sentence_vectors

    for row in rows:
        yield row["id"], sentence_vectors(split_sentences(row["text"])).tobytes()


def translate_partition(rows: Iterable[Any]) -> Iterator[tuple]:
    import numpy as np

    from fuentes.corpus.derivation import split_sentences
    from fuentes.corpus.translation import align_across

    for row in rows:
        sa, sb = split_sentences(row["ta"]), split_sentences(row["tb"])
        va = np.frombuffer(row["va"], dtype=np.float16).reshape(len(sa.norm), -1)
        vb = np.frombuffer(row["vb"], dtype=np.float16).reshape(len(sb.norm), -1)
        rel = align_across(va, vb, sa, sb)
        if rel.kind == "translation":
            yield row["a"], row["b"], float(row["share"]), rel.kind, float(rel.score), \
                json.dumps(rel.evidence, ensure_ascii=False), rel.copy_side, json.dumps(rel.pairs), \
                json.dumps(rel.spans), "translation"


def translation_candidates(spark, articles, window_days: int | None = None):
    """DataFrame (a, b, share), a < b, of the pairs `TranslationIndex` examines: articles of
    different languages within the window, by the names and numbers they share (`share` of the
    smaller key set; 0 for a pair found by its leads only) and by their nearest leads
    (`translation.nearest_leads`, asked in blocks of days: `window_blocks`). None when the
    corpus holds fewer than two languages or the multilingual encoder is not installed."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    from fuentes.corpus.translation import DEFAULT, MAX_POSTING, encoder_available

    if not encoder_available():
        return None
    eligible = spark.createDataFrame(
        articles.select("id", "language", "text", "published", "saved_at").rdd.mapPartitions(eligible_partition),
        "id string, language string, day int, keys array<string>, lead string").cache()
    if eligible.select("language").distinct().limit(2).count() < 2:
        eligible.unpersist()
        return None
    keyed = eligible.select("id", "language", F.explode("keys").alias("key"), "day")
    common = keyed.groupBy("key").count().where(F.col("count") > MAX_POSTING).select("key")
    usable = keyed.join(common, "key", "left_anti")
    sizes = eligible.select("id", F.size("keys").alias("n"))
    x = usable.select(F.col("id").alias("a"), F.col("language").alias("la"), "key", F.col("day").alias("da"))
    y = usable.select(F.col("id").alias("b"), F.col("language").alias("lb"), "key", F.col("day").alias("db"))
    joined = x.join(y, "key").where((F.col("la") != F.col("lb")) & (F.col("a") < F.col("b")))
    if window_days is not None:
        joined = joined.where(F.col("da").isNull() | F.col("db").isNull()
                              | (F.abs(F.col("da") - F.col("db")) <= window_days))
    shared = joined.groupBy("a", "b").agg(F.count("*").alias("shared")) \
        .join(sizes.select(F.col("id").alias("a"), F.col("n").alias("na")), "a") \
        .join(sizes.select(F.col("id").alias("b"), F.col("n").alias("nb")), "b") \
        .withColumn("share", F.col("shared") / F.least("na", "nb")) \
        .where((F.col("shared") >= DEFAULT.keys_min_shared) & (F.col("share") >= DEFAULT.keys_min))
    # the best candidates of each article among all its pairs (it may be either side), as the local index
    sides = shared.select(F.col("a").alias("me"), F.col("b").alias("other"), "a", "b", "share").unionByName(
        shared.select(F.col("b").alias("me"), F.col("a").alias("other"), "a", "b", "share"))
    best = Window.partitionBy("me").orderBy(F.desc("share"), F.desc("other"))
    by_keys = sides.withColumn("rank", F.row_number().over(best)).where(F.col("rank") <= DEFAULT.candidates) \
        .select("a", "b", "share").distinct()
    leads = eligible.select("id", "day", "language", "lead").rdd.mapPartitions(lead_partition)
    by_leads = spark.createDataFrame(window_blocks(leads, window_days).flatMap(lambda b: lead_block(b, window_days)),
                                     "a string, b string").distinct()
    found = by_keys.join(by_leads, ["a", "b"], "full") \
        .select("a", "b", F.coalesce("share", F.lit(0.0)).alias("share")).localCheckpoint()
    eligible.unpersist()
    return found


def translation_pairs(spark, articles, window_days: int | None = None, candidates=None):
    """Translation relations (PAIR_SCHEMA rows, kind "translation") between articles of
    different languages: the `translation_candidates` (or the given ones), each verified by
    sentence alignment across languages. Empty without the multilingual encoder."""
    if candidates is None:
        candidates = translation_candidates(spark, articles, window_days)
    if candidates is None:
        return spark.createDataFrame([], PAIR_SCHEMA)
    from pyspark.sql import functions as F

    texts = articles.select("id", "text")
    ends = candidates.select(F.col("a").alias("id")).union(candidates.select(F.col("b").alias("id"))).distinct()
    vectors = spark.createDataFrame(texts.join(ends, "id").rdd.mapPartitions(vector_partition),
                                    "id string, vectors binary").localCheckpoint()  # each article's sentences encoded once
    sides = texts.join(vectors, "id")
    with_text = candidates.join(sides.toDF("a", "ta", "va"), "a").join(sides.toDF("b", "tb", "vb"), "b")
    return spark.createDataFrame(with_text.rdd.mapPartitions(translate_partition), PAIR_SCHEMA)


def connected_components(edges, max_rounds: int = MAX_ROUNDS):
    """DataFrame (id, component) for every vertex of the edges (a, b): component = least id."""
    from pyspark.sql import functions as F

    both = edges.select("a", "b").union(edges.select(F.col("b").alias("a"), F.col("a").alias("b"))).distinct()
    both = both.localCheckpoint()
    labels = both.select(F.col("a").alias("id")).distinct().withColumn("component", F.col("id")).localCheckpoint()
    for _ in range(max_rounds):
        offers = both.join(labels, both.a == labels.id).select(F.col("b").alias("id"), "component")
        new = labels.union(offers).groupBy("id").agg(F.min("component").alias("component")).localCheckpoint()
        changed = new.alias("n").join(labels.alias("o"), "id") \
            .where(F.col("n.component") != F.col("o.component")).limit(1).count()
        labels = new
        if not changed:
            break
    return labels


_gazetteers: dict[frozenset[str], Any] = {}  # per Python worker: the outlet regex is costly to build


def _gazetteer(outlets: frozenset[str]):
    """The gazetteer with the corpus's outlets, built once per Python worker (not per component)."""
    from fuentes.corpus.credits import Gazetteer

    if outlets not in _gazetteers:
        _gazetteers.clear()  # one corpus per job: keep only the latest
        _gazetteers[outlets] = Gazetteer.default().with_extra(outlets)
    return _gazetteers[outlets]


def info_partition(rows: Iterable[Any], outlets: frozenset[str]) -> Iterator[tuple[str, Any]]:
    """(article id, origins.Info): the credits of each article, as ProvenanceIndex.add finds them."""
    from fuentes.corpus.origins import make_info

    gaz = _gazetteer(outlets)
    for row in rows:
        yield row["id"], make_info(row["id"], row["outlet"], row["published"], row["text"], row["title"],
                                   row["byline"], row["language"], gaz)


def decide_partition(groups: Iterable[tuple[str, tuple[Iterable, Iterable]]],
                     outlets: frozenset[str]) -> Iterator[tuple]:
    """Every component of a partition. The gazetteer (a regex over every outlet name) is built once
    per worker: most components are single articles, and building it costs more than deciding."""
    gazetteer = _gazetteer(outlets)
    for group in groups:
        yield from decide_component(group, gazetteer)


def decide_component(group: tuple[str, tuple[Iterable, Iterable]], gazetteer) -> Iterator[tuple]:
    """Kinds, origins and derivations of one component of related articles."""
    from fuentes.codecs import DERIVATION
    from fuentes.corpus.derivation import PairRelation
    from fuentes.corpus.origins import ProvenanceIndex

    _, (infos, relations) = group
    index = ProvenanceIndex(gazetteer=gazetteer)
    index.infos = {info.id: info for info in infos}
    for a, b, kind, score, evidence, copy_side, pairs, spans in relations:
        index.add_relation(a, b, PairRelation(kind, score, json.loads(evidence), copy_side,
                                              [tuple(p) for p in json.loads(pairs or "[]")],
                                              [tuple(p) for p in json.loads(spans or "[]")]))
    scope = set(index.infos)
    for aid in sorted(scope):
        decision = index.decide(aid, scope)
        derivations = [DERIVATION.to_flat(DERIVATION.to_row(d)) for d in decision.derivations]
        yield aid, decision.kind, decision.origin, derivations


def run_provenance(spark, out: str, window_days: int | None = None) -> dict[str, int]:
    """Write derivation_pairs, derivations and kinds (article kind and origin) under `out`;
    `window_days` limits candidates to articles published at most that many days apart."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    from fuentes.codecs import DERIVATION

    articles = spark.read.parquet(f"{out}/articles")
    outlets = frozenset(r.outlet for r in articles.select("outlet").where("outlet IS NOT NULL").distinct().collect())
    title = F.col("title") if "title" in articles.columns else F.lit(None).cast("string").alias("title")
    infos = articles.select("id", "text", title, "byline", "language", "outlet", "published").rdd \
        .mapPartitions(lambda rows: info_partition(rows, outlets)).persist(StorageLevel.MEMORY_AND_DISK)
    sigs = signatures(spark, articles).persist(StorageLevel.MEMORY_AND_DISK)
    by_bands = bounded_pairs(spark, candidate_pairs(spark, articles, window_days, sigs), infos) \
        .withColumn("found_by", F.lit("bands"))
    by_credit = with_agreement(credit_pairs(spark, infos, sigs, window_days), sigs) \
        .withColumn("found_by", F.lit("credit"))
    text = by_bands.unionByName(by_credit).groupBy("a", "b").agg(
        F.first("jaccard").alias("jaccard"), F.concat_ws(",", F.sort_array(F.collect_set("found_by"))).alias("found_by"))
    text = text.join(credited_flags(spark, text, infos), ["a", "b"])
    classified = classify_pairs(spark, articles, text).localCheckpoint()
    sigs.unpersist()
    candidates = translation_candidates(spark, articles, window_days)
    examined = classified.count() + (candidates.count() if candidates is not None else 0)
    # a pair related by text and translated keeps its text relation; a translation replaces an independent row
    found = (spark.createDataFrame([], PAIR_SCHEMA) if candidates is None
             else translation_pairs(spark, articles, window_days, candidates)) \
        .join(classified.where(F.col("kind") != "independent").select("a", "b"), ["a", "b"], "left_anti")
    pairs = classified.join(found.select("a", "b"), ["a", "b"], "left_anti").unionByName(found)
    pairs.write.mode("overwrite").parquet(f"{out}/derivation_pairs")
    pairs = spark.read.parquet(f"{out}/derivation_pairs")
    related = pairs.where(F.col("kind") != "independent")
    labels = connected_components(related)
    component = labels.rdd.map(lambda r: (r["id"], r["component"]))
    by_component = infos.leftOuterJoin(component).map(lambda kv: (kv[1][1] or kv[0], kv[1][0]))
    rel_by_component = related.join(labels.withColumnRenamed("id", "a"), "a").rdd.map(
        lambda r: (r["component"], (r["a"], r["b"], r["kind"], r["score"], r["evidence"], r["copy_side"],
                                    r["pairs"], r["spans"])))
    decided = by_component.cogroup(rel_by_component).mapPartitions(lambda g: decide_partition(g, outlets)).cache()
    spark.createDataFrame(decided.map(lambda d: d[:3]), "article_id string, kind string, origin string") \
        .write.mode("overwrite").parquet(f"{out}/kinds")
    spark.createDataFrame(decided.flatMap(lambda d: d[3]), DERIVATION.ddl()) \
        .write.mode("overwrite").parquet(f"{out}/derivations")
    decided.unpersist()
    infos.unpersist()
    return {"candidate_pairs": examined, "related_pairs": related.count(),
            "derivations": spark.read.parquet(f"{out}/derivations").count()}


# --- entity resolution in blocks -------------------------------------------------------------

def blocking_keys(entity: Entity) -> set[str]:
    """Name keys such that every merge rule of entity_resolution joins only entities sharing one."""
    from fuentes.corpus.entity_resolution import _names
    from fuentes.extract.aliases import fold, looks_like_acronym, name_tokens, person_keys

    keys = {f"raw:{entity.kind}\x00{entity.name}"}  # same content id: must be decided together
    for toks in _names(entity):
        keys.add("name:" + " ".join(toks))
        if entity.kind == "person" and len(toks) >= 2:
            keys.update(("last:" + toks[-1], "first:" + toks[0]))
            keys.update("word:" + key[0] for key in person_keys(toks)[0] if len(key) == 1)
        if len(toks) == 1:
            keys.update(("word:" + toks[0], "acronym:" + fold(toks[0]).replace(".", "")))
    if entity.kind == "organization" and len(name_tokens(entity.name)) >= 2:
        keys.update("acronym:" + fold(a).replace(".", "") for a in [entity.name, *entity.aliases]
                    if looks_like_acronym(a))
    return keys


def local_entities(article_id: str, entities_json: str) -> list[Entity]:
    """The `entities` column of a layers row as Entity records (as the store loads them)."""
    from fuentes.codecs import LOCAL_ENTITY

    return [LOCAL_ENTITY.from_row({**e, "article_id": article_id}) for e in json.loads(entities_json or "[]")]


def resolve_block(members: Iterable[tuple[str, Entity]]) -> Iterator[tuple]:
    from fuentes.corpus.entity_resolution import merge_reasons, resolve_with_merges

    per_article: dict[str, list[Entity]] = {}
    for article_id, entity in members:
        per_article.setdefault(article_id, []).append(entity)
    for entities in per_article.values():
        entities.sort(key=lambda e: e.id)  # as the store loads them: by article, then key
    resolved, merges = resolve_with_merges(per_article)
    reasons = merge_reasons(merges)
    for e in resolved:
        yield ENTITY.to_flat(ENTITY.to_row(e, reasons.get(e.id, [])))


ENTITY_SCHEMA = ENTITY.ddl()


def run_entity_resolution(spark, out: str) -> int:
    """Write the corpus `entities` table from `out/layers`; returns how many entities."""
    from pyspark.sql import functions as F

    layers = spark.read.parquet(f"{out}/layers").select("article_id", "entities")
    ents = layers.rdd.flatMap(lambda r: [(f"{r['article_id']}#{e.id}", r["article_id"], e)
                                         for e in local_entities(r["article_id"], r["entities"])]).cache()
    edges = spark.createDataFrame(ents.flatMap(lambda x: [(x[0], "key:" + k) for k in blocking_keys(x[2])]),
                                  "a string, b string")
    labels = connected_components(edges).where(~F.col("id").startswith("key:"))
    component = labels.rdd.map(lambda r: (r["id"], r["component"]))
    blocks = ents.map(lambda x: (x[0], (x[1], x[2]))).leftOuterJoin(component) \
        .map(lambda kv: (kv[1][1] or kv[0], kv[1][0])).groupByKey()
    spark.createDataFrame(blocks.flatMap(lambda g: resolve_block(g[1])), ENTITY_SCHEMA) \
        .write.mode("overwrite").parquet(f"{out}/entities")
    ents.unpersist()
    return spark.read.parquet(f"{out}/entities").count()
