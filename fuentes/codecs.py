"""One codec per record type: record <-> store row <-> export dict, in one place.

The store (`fuentes/store`), the export (`fuentes/export`), the Spark job and loader, the web
and the CLI all go through these, so a record's shape is written once. A *row* is a dict of
the store table's columns with JSON columns as Python values; `json_columns` names them, so
Parquet (which keeps them as JSON strings) uses the same rows through `to_flat` / `from_flat`.
An *export dict* follows the contract of `docs/export.md` (version 2).

Evidence is one shape in the export: `{"article", "start", "end", "extractor": "name@version"}`
plus `confidence` when the extractor gives one; the store keeps the same span as a list,
`[article, start, end, "name@version"]` (without the article in a local entity's row, which
names it), a third of the size. Rows written by earlier versions (bare `[start, end]` pairs, or
dicts with `extractor` and `version` apart) are still read.
"""

from __future__ import annotations

import json
from dataclasses import asdict, fields
from functools import lru_cache
from typing import Any, Iterable

from fuentes.model import Article, Claim, Derivation, Discrepancy, Entity, Event, Evidence, Quote, Relation, Removed, Value

CONTRACT_VERSION = 2


# --- evidence ----------------------------------------------------------------------------------

def evidence_dict(ev: Evidence) -> dict[str, Any]:
    out: dict[str, Any] = {"article": ev.article, "start": ev.start, "end": ev.end, "extractor": ev.label}
    if ev.confidence is not None:
        out["confidence"] = ev.confidence
    return out


def evidence_row(ev: Evidence, article: str | None = None) -> list[Any]:
    """The stored form of a span, compact: `[article, start, end, "name@version"(, confidence)]`,
    or without the article when the row already names it (a local entity's mentions)."""
    out: list[Any] = [ev.start, ev.end, ev.label] if article is not None and ev.article == article else \
        [ev.article, ev.start, ev.end, ev.label]
    if ev.confidence is not None:
        out.append(ev.confidence)
    return out


def evidence_rows(items: Iterable[Evidence], article: str | None = None) -> list[list[Any]]:
    return [evidence_row(ev, article) for ev in items]


def evidence_from(item: Any, article: str | None = None, extractor: str = "unknown@0") -> Evidence:
    """An Evidence from its stored list, its export dict, or a bare `[start, end]` of `article`
    (rows written before contract 2)."""
    if isinstance(item, Evidence):
        return item
    if isinstance(item, (list, tuple)):  # (read for every span of every stored record: kept lean)
        at = 1 if item and isinstance(item[0], str) else 0
        where = item[0] if at else article
        size = len(item) - at
        name, version = _label_parts(item[at + 2] if size >= 3 and isinstance(item[at + 2], str) else extractor)
        return Evidence(where or "", int(item[at]), int(item[at + 1]), name, version,
                        item[at + 3] if size >= 4 else None)
    name, version = item.get("extractor", "unknown"), item.get("version")
    if version is None:
        name, _, version = name.partition("@")
    return Evidence(item.get("article") or article or "", int(item["start"]), int(item["end"]), name,
                    str(version or "0"), item.get("confidence"))


@lru_cache(maxsize=256)
def _label_parts(label: str) -> tuple[str, str]:
    """"name@version" -> (name, version), "0" when no version is given."""
    name, _, version = label.partition("@")
    return name, version or "0"


def evidence_list(items: Iterable[Evidence]) -> list[dict[str, Any]]:
    return [evidence_dict(ev) for ev in items]


def evidence_records(items: Iterable[Any] | None, article: str | None = None,
                     extractor: str = "unknown@0") -> list[Evidence]:
    return [evidence_from(item, article, extractor) for item in items or []]


def merge_evidence(*lists: Iterable[Evidence]) -> list[Evidence]:
    """Every span of every list once, in first-seen order: merging never drops a span."""
    seen: dict[tuple, Evidence] = {}
    for items in lists:
        for ev in items:
            seen.setdefault((ev.article, ev.start, ev.end, ev.extractor), ev)
    return list(seen.values())


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


class Codec:
    """Base: `columns` of the table, the JSON ones, and flat (Parquet) forms of a row."""

    type: str = ""
    columns: tuple[str, ...] = ()
    json_columns: frozenset[str] = frozenset()
    column_types: dict[str, str] = {}  # Spark SQL type of each non-string column

    def ddl(self) -> str:
        """The flat row's schema as Spark DDL ("id string, grade int, ...")."""
        return ", ".join(f"{c} {self.column_types.get(c, 'string')}" for c in self.columns)

    def to_flat(self, row: dict[str, Any]) -> tuple:
        """A row as a tuple in `columns` order, JSON columns as JSON strings (Spark / Parquet)."""
        return tuple(_json(row.get(c)) if c in self.json_columns else row.get(c) for c in self.columns)

    def from_flat(self, flat: dict[str, Any]) -> dict[str, Any]:
        """A Parquet row (JSON columns as strings) back to a store row."""
        return {c: (json.loads(flat[c]) if isinstance(flat.get(c), str) else flat.get(c))
                if c in self.json_columns else flat.get(c) for c in self.columns if c in flat}


# --- articles ----------------------------------------------------------------------------------

class ArticleCodec(Codec):
    """An article, row of `articles` (without `ingested_at`, which the store sets)."""

    type = "article"
    columns = ("id", "source", "url", "outlet", "title", "byline", "published", "language", "text", "kind", "origin",
               "saved_at", "removed", "meta_evidence", "extractors", "published_precision", "published_source",
               "modified")
    json_columns = frozenset({"removed", "meta_evidence", "extractors"})
    fields = ("id", "source", "url", "outlet", "title", "byline", "published", "language", "text", "kind", "origin",
              "saved_at", "published_precision", "published_source", "modified")
    summary_fields = ("id", "outlet", "title", "published", "language", "kind", "origin", "source")

    def to_row(self, article: Article, extractors: dict[str, str] | None = None) -> dict[str, Any]:
        row = {f: getattr(article, f) for f in self.fields}
        row.update(removed=[asdict(r) for r in article.removed], meta_evidence=dict(article.meta_evidence),
                   extractors=dict(extractors or {}))
        return row

    def from_row(self, row: dict[str, Any]) -> Article:
        return Article(**{f: row.get(f) for f in self.fields},
                       removed=[Removed(**item) for item in row.get("removed") or []],
                       meta_evidence=dict(row.get("meta_evidence") or {}))

    def export(self, article: Article) -> dict[str, Any]:
        from fuentes.clean.dates import precision_of  # rows stored before revision 0009 have no precision
        return {"type": "article", "id": article.id, "source": article.source, "outlet": article.outlet,
                "title": article.title, "byline": article.byline, "published": article.published,
                "published_precision": article.published_precision or precision_of(article.published),
                "published_source": article.published_source, "modified": article.modified,
                "language": article.language, "text": article.text, "kind": article.kind or "unknown",
                "origin": article.origin, "url": article.url}

    def summary(self, article: Article) -> dict[str, Any]:
        """The short form listings show (`fuentes articles --json`, `GET /api/articles`)."""
        return {f: getattr(article, f) for f in self.summary_fields}


# --- entities ----------------------------------------------------------------------------------

class LocalEntityCodec(Codec):
    """An entity within one article (the `entities` stage), row of `local_entities`."""

    type = "local_entity"
    columns = ("article_id", "key", "name", "kind", "aliases", "roles", "evidence", "entity_id")
    json_columns = frozenset({"aliases", "roles", "evidence"})

    def to_row(self, entity: Entity, article: str, entity_id: str | None = None) -> dict[str, Any]:
        return {"article_id": article, "key": entity.id, "name": entity.name, "kind": entity.kind,
                "aliases": list(entity.aliases), "roles": list(entity.roles),
                "evidence": evidence_rows(entity.evidence, article), "entity_id": entity_id}

    def from_row(self, row: dict[str, Any]) -> Entity:
        return Entity(id=row["key"], name=row["name"], kind=row["kind"], aliases=list(row.get("aliases") or []),
                      roles=list(row.get("roles") or []), articles=[row["article_id"]],
                      evidence=evidence_records(row.get("evidence"), row["article_id"], "entities@1"))


class EntityCodec(Codec):
    """A corpus entity, row of `entities`; `merge_evidence` (why its members joined) rides along."""

    type = "entity"
    columns = ("id", "name", "kind", "aliases", "roles", "articles", "merged_from", "merge_evidence", "evidence",
               "absorbed")
    json_columns = frozenset({"aliases", "roles", "articles", "merged_from", "merge_evidence", "evidence",
                              "absorbed"})

    def to_row(self, entity: Entity, merge_evidence: list[str] | None = None) -> dict[str, Any]:
        return {"id": entity.id, "name": entity.name, "kind": entity.kind, "aliases": list(entity.aliases),
                "roles": list(entity.roles), "articles": list(entity.articles),
                "merged_from": list(entity.merged_from), "merge_evidence": list(merge_evidence or []),
                "evidence": evidence_rows(entity.evidence), "absorbed": list(entity.absorbed)}

    def from_row(self, row: dict[str, Any]) -> Entity:
        return Entity(id=row["id"], name=row["name"], kind=row["kind"], aliases=list(row.get("aliases") or []),
                      roles=list(row.get("roles") or []), articles=list(row.get("articles") or []),
                      evidence=evidence_records(row.get("evidence")),
                      merged_from=list(row.get("merged_from") or []), absorbed=list(row.get("absorbed") or []))

    def export(self, row: dict[str, Any]) -> dict[str, Any]:
        return {"type": "entity", "id": row["id"], "name": row["name"], "kind": row["kind"],
                "aliases": row.get("aliases") or [], "roles": row.get("roles") or [],
                "articles": row.get("articles") or [], "merged_from": row.get("merged_from") or [],
                "merge_evidence": row.get("merge_evidence") or [], "absorbed": row.get("absorbed") or [],
                "evidence": evidence_list(evidence_records(row.get("evidence")))}


# --- quotes ------------------------------------------------------------------------------------

class QuoteCodec(Codec):
    """A quote, row of `quotes`. In the record `speaker` is the local entity key (per article);
    the row keeps it as `speaker_local` and the corpus entity as `speaker`."""

    type = "quote"
    columns = ("id", "article_id", "text", "start", "end", "direct", "speaker_name", "speaker_local", "speaker",
               "cue", "variant_of", "evidence")
    json_columns = frozenset({"evidence"})
    column_types = {"start": "int", "end": "int", "direct": "boolean"}

    def to_row(self, quote: Quote, speaker: str | None = None) -> dict[str, Any]:
        return {"id": quote.id, "article_id": quote.article, "text": quote.text, "start": quote.start,
                "end": quote.end, "direct": quote.direct, "speaker_name": quote.speaker_name,
                "speaker_local": quote.speaker, "speaker": speaker, "cue": quote.cue, "variant_of": quote.variant_of,
                "evidence": evidence_rows(quote.evidence)}

    def _evidence(self, row: dict[str, Any]) -> list[Evidence]:
        found = evidence_records(row.get("evidence"))
        return found or [Evidence(row["article_id"], row["start"], row["end"], "quotes", "1")]

    def from_row(self, row: dict[str, Any]) -> Quote:
        return Quote(id=row["id"], article=row["article_id"], text=row["text"], start=row["start"], end=row["end"],
                     direct=bool(row["direct"]), speaker_name=row.get("speaker_name"),
                     speaker=row.get("speaker_local"), cue=row.get("cue"), variant_of=row.get("variant_of"),
                     evidence=self._evidence(row))

    def export(self, row: dict[str, Any]) -> dict[str, Any]:
        return {"type": "quote", "id": row["id"], "article": row["article_id"], "speaker": row.get("speaker"),
                "speaker_name": row.get("speaker_name"), "text": row["text"], "start": row["start"],
                "end": row["end"], "direct": bool(row["direct"]), "variant_of": row.get("variant_of"),
                "cue": row.get("cue"), "evidence": evidence_list(self._evidence(row))}


# --- claims and discrepancies ------------------------------------------------------------------

def value_from(item: dict[str, Any]) -> Value:
    return Value(**item)


_VALUE_FIELDS = tuple(f.name for f in fields(Value))


def value_dict(value: Value) -> dict[str, Any]:
    """A value's fields (what `asdict` gives, without its recursive walk: a value holds no records)."""
    return {name: getattr(value, name) for name in _VALUE_FIELDS}


class ClaimCodec(Codec):
    """A claim: per article (the `claims` JSON layer) or of the corpus (row of `claims`)."""

    type = "claim"
    columns = ("id", "text", "subject", "predicate", "object", "claim_values", "speaker", "articles", "origins",
               "independent_sources", "grade", "evidence", "time", "place", "modality", "contradicted_by")
    json_columns = frozenset({"claim_values", "articles", "origins", "evidence", "contradicted_by"})
    column_types = {"independent_sources": "int", "grade": "int"}

    def to_layer(self, claim: Claim) -> dict[str, Any]:
        item = asdict(claim)
        item["evidence"] = evidence_rows(claim.evidence)
        return item

    def from_layer(self, item: dict[str, Any]) -> Claim:
        claim = Claim(**{**item, "values": [value_from(v) for v in item.get("values") or []],
                         "evidence": evidence_records(item.get("evidence"))})
        if not claim.evidence and claim.article:  # layers stored before evidence was kept
            claim.evidence = [Evidence(claim.article, claim.start, claim.end, "claims", "1")]
        return claim

    def to_row(self, claim: Claim) -> dict[str, Any]:
        return {"id": claim.id, "text": claim.text, "subject": claim.subject, "predicate": claim.predicate,
                "object": claim.object, "claim_values": [value_dict(v) for v in claim.values], "speaker": claim.speaker,
                "articles": list(claim.articles), "origins": list(claim.origins),
                "independent_sources": claim.independent_sources, "grade": claim.grade,
                "evidence": evidence_rows(claim.evidence), "time": claim.time, "place": claim.place,
                "modality": claim.modality, "contradicted_by": list(claim.contradicted_by)}

    def from_row(self, row: dict[str, Any]) -> Claim:
        return Claim(id=row["id"], text=row["text"], subject=row.get("subject"), predicate=row.get("predicate"),
                     object=row.get("object"), values=[value_from(v) for v in row.get("claim_values") or []],
                     speaker=row.get("speaker"), articles=list(row.get("articles") or []),
                     origins=list(row.get("origins") or []), independent_sources=row["independent_sources"],
                     grade=row["grade"], evidence=evidence_records(row.get("evidence")), time=row.get("time"),
                     place=row.get("place"), modality=row.get("modality") or "reported",
                     contradicted_by=list(row.get("contradicted_by") or []))

    def export(self, row: dict[str, Any]) -> dict[str, Any]:
        claim = self.from_row(row)
        return {"type": "claim", "id": claim.id, "text": claim.text, "articles": claim.articles,
                "origins": claim.origins, "independent_sources": claim.independent_sources, "grade": claim.grade,
                "subject": claim.subject, "predicate": claim.predicate, "object": claim.object,
                "values": [value_dict(v) for v in claim.values], "speaker": claim.speaker,
                "time": claim.time, "place": claim.place, "modality": claim.modality,
                "contradicted_by": claim.contradicted_by, "evidence": evidence_list(claim.evidence)}


class DiscrepancyCodec(Codec):
    """Values that disagree; each value keeps its articles, claims and evidence spans."""

    type = "discrepancy"
    columns = ("id", "about", "discrepancy_values")
    json_columns = frozenset({"discrepancy_values"})

    @staticmethod
    def _value_row(value: dict[str, Any]) -> dict[str, Any]:
        return {**value, "evidence": evidence_rows(evidence_records(value.get("evidence")))}

    def to_row(self, item: Discrepancy) -> dict[str, Any]:
        return {"id": item.id, "about": item.about, "discrepancy_values": [self._value_row(v) for v in item.values]}

    def from_row(self, row: dict[str, Any]) -> Discrepancy:
        values = [{**v, "evidence": evidence_records(v.get("evidence"))} for v in row.get("discrepancy_values") or []]
        return Discrepancy(id=row["id"], about=row["about"], values=values)

    def export(self, row: dict[str, Any]) -> dict[str, Any]:
        values = []
        for v in row.get("discrepancy_values") or []:
            claims = v.get("claims") or ([v["claim"]] if v.get("claim") else [])
            values.append({"value": v.get("value"), "articles": v.get("articles", []), "claims": claims,
                           "independent_sources": v.get("independent_sources"),
                           "evidence": evidence_list(evidence_records(v.get("evidence")))})
        return {"type": "discrepancy", "id": row["id"], "about": row["about"], "values": values}


# --- events and relations ----------------------------------------------------------------------

class EventCodec(Codec):
    """An event: per article (the `events` JSON layer) or merged across articles (row of `events`).
    The taxonomy fields (ACLED event and sub-event type, CAMEO), the summary in words, the
    fatalities and the types told as part of it (`includes`) travel with every form."""

    type = "event"
    columns = ("id", "event_type", "date", "actors", "targets", "place", "articles", "independent_sources",
               "trigger", "evidence", "story", "acled_event_type", "acled_sub_event_type", "cameo", "summary",
               "fatalities", "includes")
    json_columns = frozenset({"actors", "targets", "articles", "evidence", "includes"})
    column_types = {"independent_sources": "int", "fatalities": "int"}

    def to_layer(self, event: Event) -> dict[str, Any]:
        return {**asdict(event), "evidence": evidence_rows(event.evidence)}

    def from_layer(self, item: dict[str, Any]) -> Event:
        known = set(Event.__dataclass_fields__)
        return Event(**{**{k: v for k, v in item.items() if k in known}, "evidence": evidence_records(item.get("evidence"))})

    def to_row(self, event: Event, story: str | None = None) -> dict[str, Any]:
        return {"id": event.id, "event_type": event.event_type, "date": event.date, "actors": list(event.actors),
                "targets": list(event.targets), "place": event.place, "articles": list(event.articles),
                "independent_sources": event.independent_sources, "trigger": event.trigger,
                "evidence": evidence_rows(event.evidence), "story": story,
                "acled_event_type": event.acled_event_type, "acled_sub_event_type": event.acled_sub_event_type,
                "cameo": event.cameo, "summary": event.summary, "fatalities": event.fatalities,
                "includes": list(event.includes)}

    def from_row(self, row: dict[str, Any]) -> Event:
        return Event(id=row["id"], event_type=row["event_type"], date=row.get("date"),
                     actors=list(row.get("actors") or []), targets=list(row.get("targets") or []),
                     place=row.get("place"), articles=list(row.get("articles") or []),
                     evidence=evidence_records(row.get("evidence")), trigger=row.get("trigger"),
                     independent_sources=row["independent_sources"],
                     acled_event_type=row.get("acled_event_type"), acled_sub_event_type=row.get("acled_sub_event_type"),
                     cameo=row.get("cameo"), summary=row.get("summary"), fatalities=row.get("fatalities"),
                     includes=list(row.get("includes") or []))

    def export(self, row: dict[str, Any]) -> dict[str, Any]:
        event = self.from_row(row)
        return {"type": "event", "id": event.id, "event_type": event.event_type,
                "acled_event_type": event.acled_event_type, "acled_sub_event_type": event.acled_sub_event_type,
                "cameo": event.cameo, "summary": event.summary, "date": event.date,
                "actors": event.actors, "targets": event.targets, "place": event.place,
                "fatalities": event.fatalities, "includes": event.includes,
                "articles": event.articles, "independent_sources": event.independent_sources,
                "trigger": event.trigger, "story": row.get("story"), "evidence": evidence_list(event.evidence)}


class RelationCodec(Codec):
    """A relation: per article (the `relations` JSON layer) or merged (row of `relations`)."""

    type = "relation"
    columns = ("id", "subject", "predicate", "object", "articles", "independent_sources", "allegation", "start",
               "end", "evidence")
    json_columns = frozenset({"articles", "evidence"})
    column_types = {"independent_sources": "int", "allegation": "boolean"}

    def to_layer(self, relation: Relation) -> dict[str, Any]:
        return {**asdict(relation), "evidence": evidence_rows(relation.evidence)}

    def from_layer(self, item: dict[str, Any]) -> Relation:
        return Relation(**{**item, "evidence": evidence_records(item.get("evidence"))})

    def to_row(self, relation: Relation) -> dict[str, Any]:
        return {"id": relation.id, "subject": relation.subject, "predicate": relation.predicate,
                "object": relation.object, "articles": list(relation.articles),
                "independent_sources": relation.independent_sources, "allegation": relation.allegation,
                "start": relation.start, "end": relation.end, "evidence": evidence_rows(relation.evidence)}

    def from_row(self, row: dict[str, Any]) -> Relation:
        return Relation(id=row["id"], subject=row["subject"], predicate=row["predicate"], object=row["object"],
                        articles=list(row.get("articles") or []), evidence=evidence_records(row.get("evidence")),
                        allegation=bool(row.get("allegation")), start=row.get("start"), end=row.get("end"),
                        independent_sources=row["independent_sources"])

    def export(self, row: dict[str, Any]) -> dict[str, Any]:
        rel = self.from_row(row)
        return {"type": "relation", "id": rel.id, "subject": rel.subject, "predicate": rel.predicate,
                "object": rel.object, "articles": rel.articles, "independent_sources": rel.independent_sources,
                "allegation": rel.allegation, "start": rel.start, "end": rel.end,
                "evidence": evidence_list(rel.evidence)}


# --- provenance --------------------------------------------------------------------------------

class DerivationCodec(Codec):
    """`target` carries content of `source`; in-corpus pairs keep their aligned passages."""

    type = "derivation"
    columns = ("source", "target", "kind", "score", "evidence", "passages", "decided_by")
    json_columns = frozenset({"evidence", "passages"})
    column_types = {"score": "double"}

    def to_row(self, item: Derivation) -> dict[str, Any]:
        return {"source": item.source, "target": item.target, "kind": item.kind, "score": item.score,
                "evidence": list(item.evidence), "decided_by": item.decided_by,
                "passages": [[evidence_row(a), evidence_row(b)] for a, b in item.passages]}

    def from_row(self, row: dict[str, Any]) -> Derivation:
        return Derivation(row["source"], row["target"], row["kind"], list(row.get("evidence") or []),
                          row.get("score") or 0.0,
                          [(evidence_from(a), evidence_from(b)) for a, b in row.get("passages") or []],
                          row.get("decided_by"))

    def export(self, row: dict[str, Any]) -> dict[str, Any]:
        item = self.from_row(row)
        return {"type": "derivation", "source": item.source, "target": item.target, "kind": item.kind,
                "evidence": item.evidence, "score": item.score, "decided_by": item.decided_by,
                "passages": [[evidence_dict(a), evidence_dict(b)] for a, b in item.passages]}


class StoryCodec(Codec):
    type = "story"
    columns = ("id", "title", "start", "end", "articles")
    json_columns = frozenset({"articles"})

    def to_row(self, story: Any) -> dict[str, Any]:
        return {"id": story.id, "title": story.title, "start": story.start, "end": story.end,
                "articles": list(story.articles)}

    def from_row(self, row: dict[str, Any]) -> Any:
        from fuentes.corpus.stories import Story
        return Story(row["id"], list(row.get("articles") or []), row.get("title"), row.get("start"), row.get("end"))

    def export(self, row: dict[str, Any], derivations: list[dict[str, Any]] = ()) -> dict[str, Any]:
        members = set(row.get("articles") or [])
        return {"type": "story", "id": row["id"], "articles": row.get("articles") or [], "title": row.get("title"),
                "start": row.get("start"), "end": row.get("end"),
                "derivations": [{"source": d["source"], "target": d["target"], "kind": d["kind"]}
                                for d in derivations if d["target"] in members]}


ARTICLE = ArticleCodec()
LOCAL_ENTITY = LocalEntityCodec()
ENTITY = EntityCodec()
QUOTE = QuoteCodec()
CLAIM = ClaimCodec()
DISCREPANCY = DiscrepancyCodec()
EVENT = EventCodec()
RELATION = RelationCodec()
DERIVATION = DerivationCodec()
STORY = StoryCodec()
