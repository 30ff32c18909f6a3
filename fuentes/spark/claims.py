"""Claim matching, discrepancies and grades on Spark: the same corpus claims as `assess`.

The local matcher (`fuentes.corpus.claims.match_claims_detailed`) relates two article claims
when a candidate pair has a `relation` (agree, conflict or outcome; for quotes, when
`match_quotes` puts them in one statement), then clusters each component of related claims
(`cluster_component`: agreeing claims, never two values of one slot). Here the same steps run
as joins:
1. per article (layers joined with its entity map and origin): claims resolved to corpus
   entity ids, with their stems, as the store would load them;
2. candidate keys per claim: its exact blocking keys (frame, figures), one key per MinHash
   LSH band of its stems (the datasketch bands of `MinHashLSH(LSH_THRESHOLD)`), and for quotes
   the bands of their words; claims exploded by key and self-joined across articles;
3. each pair verified with `relation` / `quote_relation` in mapPartitions; quotes with
   equal wording are linked through a shared key vertex (no pairwise blow-up);
4. connected components (`fuentes.spark.corpus.connected_components`); each component is
   clustered (`cluster_component`) and its value, date, outcome and wording discrepancies
   found in one task (quote groups from a single article stay apart, as `match_quotes` keeps
   only groups across articles);
5. predicate conflicts decided per target (corpus claims grouped by object), status conflicts per
   party and predicate (`status_key`, with the publication days, copies and named entities of
   their articles), then each corpus claim graded with the discrepancies that name it.
Origins come from the `kinds` table, entity ids and names from the `entities` table.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any, Iterable, Iterator

from fuentes.codecs import CLAIM, DISCREPANCY
from fuentes.model import Claim, Discrepancy
from fuentes.spark import read_table
from fuentes.spark.corpus import connected_components

CLAIM_SCHEMA = CLAIM.ddl()
DISCREPANCY_SCHEMA = DISCREPANCY.ddl()


@lru_cache(maxsize=4)
def band_ranges(threshold: float, num_perm: int) -> tuple[tuple[int, int], ...]:
    """The hash-value ranges datasketch's MinHashLSH buckets by at this threshold."""
    from datasketch import MinHashLSH

    return tuple(MinHashLSH(threshold=threshold, num_perm=num_perm).hashranges)


def lsh_keys(prefix: str, hashvalues, threshold: float, num_perm: int) -> list[str]:
    """One exact key per LSH band: two sets share a key iff the local LSH would bucket them together."""
    return [f"{prefix}{n}:" + ",".join(str(int(v)) for v in hashvalues[start:end])
            for n, (start, end) in enumerate(band_ranges(threshold, num_perm))]


def _norm(part: Any) -> str:
    """A blocking-key part as text with the equality of Python dict keys (1000 == 1000.0)."""
    if isinstance(part, (int, float)) and not isinstance(part, bool):
        return repr(float(part) + 0.0)
    return json.dumps(part)


def entity_maps(spark, out: str):
    """DataFrame (article_id, emap): JSON {local key: [entity id, name]} of each article."""
    entities = read_table(spark, out, "entities")
    if entities is None:
        return spark.createDataFrame([], "article_id string, emap string")

    def refs(row) -> Iterator[tuple[str, tuple[str, str, str]]]:
        for ref in json.loads(row["merged_from"] or "[]"):
            article, _, key = ref.rpartition("#")
            if article:
                yield article, (key, row["id"], row["name"])

    grouped = entities.select("id", "name", "merged_from").rdd.flatMap(refs).groupByKey() \
        .map(lambda kv: (kv[0], json.dumps({key: [eid, name] for key, eid, name in kv[1]}, ensure_ascii=False)))
    return spark.createDataFrame(grouped, "article_id string, emap string")


def article_claims(article_id: str, layer: list[dict[str, Any]], emap: dict[str, list[str]]) -> list[Claim]:
    """An article's claims resolved to corpus entity ids (as `analyse_corpus` loads them)."""
    from fuentes.corpus.claims import resolve_claim

    entity_of = {(article_id, key): eid for key, (eid, _) in emap.items()}
    return [resolve_claim(CLAIM.from_layer(item), entity_of) for item in layer]


def items_partition(rows: Iterable[Any]) -> Iterator[tuple[str, tuple]]:
    """(item id, (article, position, claim, stems, names, origin)) for every article claim."""
    from fuentes.corpus.claims import claim_stems

    for row in rows:
        layer = json.loads(row["layers"] or "{}").get("claims") or []
        emap = json.loads(row["emap"] or "{}")
        names = {eid: name for eid, name in emap.values()}
        for pos, claim in enumerate(article_claims(row["article_id"], layer, emap)):
            mine = {e: names[e] for e in (claim.subject, claim.object, claim.speaker) if e in names}
            yield f"{row['article_id']}\x00{pos}", (row["article_id"], pos, claim, claim_stems(claim.text), mine,
                                                     row["origin"])


def claim_items(spark, out: str) -> tuple[Any, list]:
    """(RDD of every article claim with what matching and assessing it needs, the RDDs it
    persisted for the caller to release once done). When claims name unnamed bodies by a
    description, the items are read twice (the described articles' items first, to resolve the
    descriptions), so they are persisted rather than built twice."""
    from pyspark import StorageLevel

    layers = spark.read.parquet(f"{out}/layers").select("article_id", "layers")
    kinds = read_table(spark, out, "kinds")
    origins = kinds.select("article_id", "origin") if kinds is not None \
        else spark.createDataFrame([], "article_id string, origin string")
    joined = layers.join(entity_maps(spark, out), "article_id", "left").join(origins, "article_id", "left")
    items = joined.rdd.mapPartitions(items_partition)
    described = joined.rdd.mapPartitions(described_partition).collect()
    if not described:
        return items, []
    items = items.persist(StorageLevel.MEMORY_AND_DISK)
    arts = {d[0] for d in described}
    keys = spark.sparkContext.broadcast(described_keys(described, items.filter(lambda kv: kv[1][0] in arts).collect()))
    return items.map(lambda kv: _described(kv, keys.value)), [items]


def described_partition(rows: Iterable[Any]) -> Iterator[tuple]:
    """(article, origin, emap, [(position, subject, object)]) of each article whose claims name an
    unnamed body by a description (its layer's keys, before resolution)."""
    from fuentes.corpus.claims import DESC

    for row in rows:
        layer = json.loads(row["layers"] or "{}").get("claims") or []
        raw = [(pos, item.get("subject"), item.get("object")) for pos, item in enumerate(layer)]
        if any(str(k or "").startswith(DESC) for _, *ks in raw for k in ks):
            yield row["article_id"], row["origin"], row["emap"], raw


def described_keys(described: list[tuple], items: list[tuple[str, tuple]]) -> dict[str, tuple]:
    """Item id -> (subject, object) with descriptions resolved as the local matcher does
    (`resolve_descriptions`, over the articles that hold a description)."""
    from fuentes.corpus.claims import resolve_descriptions

    raw_of = {(art, pos): (subj, obj) for art, _, _, raw in described for pos, subj, obj in raw}
    origins = {art: origin for art, origin, _, _ in described}
    entity_of, names = {}, {}
    for art, _, emap, _ in described:
        for key, (eid, name) in json.loads(emap or "{}").items():
            entity_of[(art, key)] = eid
            names[eid] = name
    ordered = sorted(items, key=lambda kv: (kv[1][0], kv[1][1]))
    claims = [item[2] for _, item in ordered]
    raw = {item[2].id: raw_of.get((item[0], item[1]), (None, None)) for _, item in ordered}
    resolve_descriptions(claims, raw, origins, entity_of, names)
    return {uid: (item[2].subject, item[2].object) for uid, item in ordered}


def _described(kv: tuple[str, tuple], keys: dict[str, tuple]) -> tuple[str, tuple]:
    uid, item = kv
    if uid not in keys:
        return kv
    claim = item[2]
    claim.subject, claim.object = keys[uid]
    return uid, item


def item_keys(uid: str, item: tuple) -> Iterator[tuple[str, str, str]]:
    """(key, item id, article): the candidate keys of one claim; 'qk|' keys link equal quotes."""
    from fuentes.corpus.claims import LSH_THRESHOLD, NUM_PERM, SAY, block_keys, claim_minhash
    from fuentes.corpus import quote_matching as qm

    article, _, claim, stems, _, _ = item
    if claim.predicate == SAY:
        key = qm.quote_key(claim.text)
        yield "qk|" + key, uid, article
        words = set(key.split())
        if len(words) >= qm.MIN_WORDS:
            mh = qm.quote_minhash(words, NUM_PERM)
            yield from ((k, uid, article) for k in lsh_keys("qb|", mh.hashvalues, qm.LSH_THRESHOLD, NUM_PERM))
        return
    for block in block_keys(claim):
        yield "c|" + "|".join(_norm(part) for part in block), uid, article
    mh = claim_minhash(claim, stems)
    if mh is not None:
        yield from ((k, uid, article) for k in lsh_keys("cb|", mh.hashvalues, LSH_THRESHOLD, NUM_PERM))


def verify_partition(pairs: Iterable[tuple[str, tuple[tuple[str, tuple], tuple]]]) -> Iterator[tuple[str, str]]:
    """The candidate pairs that state the same thing, compared in the local matcher's order."""
    from fuentes.corpus.claims import SAY, claim_quote, relation
    from fuentes.corpus.quote_matching import quote_key, quote_relation

    for b, ((a, ia), ib) in pairs:
        (x, ix), (y, iy) = sorted(((a, ia), (b, ib)), key=lambda p: (p[1][0], p[1][1]))
        if ix[2].predicate == SAY and iy[2].predicate == SAY:
            qa, qb = claim_quote(ix[2]), claim_quote(iy[2])
            if quote_relation(qa, qb, quote_key(qa.text), quote_key(qb.text)) is not None:
                yield x, y
        elif relation(ix[2], iy[2], ix[3], iy[3]) is not None:
            yield x, y


def verified_edges(spark, items):
    """DataFrame (a, b): linked claims, plus (claim, 'qk|wording') edges of quotes."""
    from pyspark.sql import functions as F

    keys = spark.createDataFrame(items.flatMap(lambda kv: item_keys(*kv)), "key string, uid string, article string")
    exact = keys.where(F.col("key").startswith("qk|")).select(F.col("uid").alias("a"), F.col("key").alias("b"))
    paired = keys.where(~F.col("key").startswith("qk|"))
    pairs = paired.alias("x").join(paired.alias("y"), "key") \
        .where((F.col("x.uid") < F.col("y.uid")) & (F.col("x.article") != F.col("y.article"))) \
        .select(F.col("x.uid").alias("a"), F.col("y.uid").alias("b")).distinct()
    joined = pairs.rdd.map(lambda r: (r["a"], r["b"])).join(items) \
        .map(lambda kv: (kv[1][0], (kv[0], kv[1][1]))).join(items)
    linked = spark.createDataFrame(joined.mapPartitions(verify_partition), "a string, b string")
    return linked.union(exact)


def assess_component(members: Iterable[tuple]) -> Iterator[tuple]:
    """Corpus claims of one component: (claim, the discrepancies naming it, order, origins,
    names, the component's discrepancies to write: given with its first claim only, its article
    claims, their ids)."""
    from fuentes.corpus.claims import SAY, cluster_component, combine_claims
    from fuentes.corpus.discrepancies import claim_discrepancies, conflict_discrepancies, discrepancy_claims

    items = sorted(members, key=lambda it: (it[0], it[1]))
    origins = {it[0]: it[5] for it in items}
    names = {k: v for it in items for k, v in it[4].items()}
    if items[0][2].predicate == SAY:
        groups = [items] if len(origins) > 1 else [[it] for it in items]  # quoted in one article: no group
        clusters = [(combine_claims([it[2] for it in g], origins), [it[2] for it in g]) for g in groups]
        conflicts = []
    else:
        clusters, conflicts = cluster_component([it[2] for it in items], origins, [it[3] for it in items])
    order = {(it[2].id): (it[0], it[1]) for it in items}
    claims = [claim for claim, _ in clusters]
    parts = {claim.id: ms for claim, ms in clusters}
    found = [d for claim, ms in clusters for d in claim_discrepancies(claim, ms, origins, names)]
    found += conflict_discrepancies(claims, parts, conflicts, origins)
    owner = {m.id: claim.id for claim, ms in clusters for m in ms}
    for n, (claim, ms) in enumerate(clusters):
        mine = {a: origins[a] for a in claim.articles}
        own = [d for d in found if claim.id in discrepancy_claims(d, owner)]
        yield claim, own, min(order[m.id] for m in ms), mine, names, found if n == 0 else [], ms, [m.id for m in ms]


def predicate_partition(targets: Iterable[tuple[str, Iterable[tuple]]]) -> Iterator[Discrepancy]:
    from fuentes.corpus.discrepancies import predicate_discrepancies

    for _, found in targets:
        ordered = sorted(found, key=lambda c: c[2])
        origins = {a: o for c in ordered for a, o in c[3].items()}
        names = {k: v for c in ordered for k, v in c[4].items()}
        yield from predicate_discrepancies([c[0] for c in ordered], origins, names)


def status_partition(groups: Iterable[tuple[tuple, Iterable[tuple]]], known: tuple) -> Iterator[tuple]:
    """(status discrepancy, the corpus claims it names) of each (party, predicate) group of corpus
    claims; `known`: the publication times, copies and named entities of the articles of every group."""
    from fuentes.corpus.discrepancies import discrepancy_claims, status_discrepancies

    published, copies, named = known
    for _, found in groups:
        ordered = sorted(found, key=lambda c: c[2])
        origins = {a: o for c in ordered for a, o in c[3].items()}
        names = {k: v for c in ordered for k, v in c[4].items()}
        members = {c[0].id: c[6] for c in ordered}  # each corpus claim's article claims
        owner = {m.id: cid for cid, ms in members.items() for m in ms}
        for d in status_discrepancies([c[0] for c in ordered], origins, names, published, copies, members, named):
            yield d, discrepancy_claims(d, owner)


def status_groups(spark, out: str, corpus, items):
    """(status discrepancy, the corpus claims it names) (`status_discrepancies`): corpus claims
    grouped by `status_key`, with the publication times, copies and named entities of their
    articles read on the driver."""
    from fuentes.corpus.discrepancies import claim_names, copied_sources, status_key

    keyed = corpus.values().map(lambda c: (status_key(c[0], c[4]), c)).filter(lambda kv: kv[0] is not None)
    arts = set(keyed.flatMap(lambda kv: kv[1][0].articles).distinct().collect())
    if not arts:
        return spark.sparkContext.emptyRDD()
    wanted = spark.sparkContext.broadcast(arts)
    derivations = read_table(spark, out, "derivations")
    rows = [] if derivations is None else [
        (r["source"], r["target"], r["decided_by"]) for r in derivations.select("source", "target", "decided_by")
        .rdd.filter(lambda r: r["target"] in wanted.value).collect()]
    # the articles' publication times and those of the articles they copy, read in one pass
    dated = spark.sparkContext.broadcast(arts | {source for source, _, decided_by in rows if decided_by != "undecided"})
    published = dict(spark.read.parquet(f"{out}/articles").select("id", "published").rdd
                     .filter(lambda r: r["id"] in dated.value).map(lambda r: (r["id"], r["published"])).collect())
    copies = copied_sources(rows, published)
    named = dict(items.values().filter(lambda it: it[0] in wanted.value)
                 .map(lambda it: (it[0], claim_names(it[2]))).reduceByKey(lambda x, y: x | y).collect())
    known = spark.sparkContext.broadcast((published, copies, named))
    return keyed.groupByKey().mapPartitions(lambda groups: status_partition(groups, known.value))


def grade_partition(groups: Iterable[tuple[str, tuple[Iterable, Iterable]]]) -> Iterator[tuple]:
    from fuentes.corpus.grading import grade

    for _, (found, rivals) in groups:
        rivals = list(rivals)
        for claim, own, *_, members in found:
            claim.grade = grade(claim, own + rivals, members)
            yield claim_row(claim)


def claim_row(c: Claim) -> tuple:
    return CLAIM.to_flat(CLAIM.to_row(c))


def discrepancy_row(d: Discrepancy) -> tuple:
    return DISCREPANCY.to_flat(DISCREPANCY.to_row(d))


def run_claims(spark, out: str) -> dict[str, int]:
    """Write `claims` and `discrepancies` under `out` from layers, entities and kinds."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    from fuentes.corpus.claims import SAY

    items, held = claim_items(spark, out)
    items = items.persist(StorageLevel.MEMORY_AND_DISK)
    labels = connected_components(verified_edges(spark, items)).where(~F.col("id").startswith("qk|"))
    component = labels.rdd.map(lambda r: (r["id"], r["component"]))
    corpus = items.leftOuterJoin(component).map(lambda kv: (kv[1][1] or kv[0], kv[1][0])).groupByKey() \
        .flatMap(lambda g: assess_component(g[1])).map(lambda c: (c[0].id, c)) \
        .persist(StorageLevel.MEMORY_AND_DISK)
    targets = corpus.values().filter(lambda c: c[0].object and c[0].predicate and c[0].predicate != SAY) \
        .map(lambda c: (c[0].object, c)).groupByKey().mapPartitions(predicate_partition) \
        .persist(StorageLevel.MEMORY_AND_DISK)
    status = status_groups(spark, out, corpus, items).persist(StorageLevel.MEMORY_AND_DISK)
    named = targets.flatMap(lambda d: [(cid, d) for cid in {v.get("claim") for v in d.values}]) \
        .union(status.flatMap(lambda found: [(cid, found[0]) for cid in found[1]]))
    targets = targets.union(status.map(lambda found: found[0]))
    graded = corpus.cogroup(named).mapPartitions(grade_partition)
    spark.createDataFrame(graded, CLAIM_SCHEMA).write.mode("overwrite").parquet(f"{out}/claims")
    found = corpus.values().flatMap(lambda c: c[5]).union(targets).map(discrepancy_row)
    spark.createDataFrame(found, DISCREPANCY_SCHEMA).write.mode("overwrite").parquet(f"{out}/discrepancies")
    for rdd in (items, corpus, targets, status, *held):
        rdd.unpersist()
    return {"claims": spark.read.parquet(f"{out}/claims").count(),
            "discrepancies": spark.read.parquet(f"{out}/discrepancies").count()}

