"""The knowledge base as FollowTheMoney entities (Aleph, OpenSanctions tooling, ftm CLI).

People and groups become ``Person``/``Organization``; articles ``Article``; each resolved
mention a ``Mention`` pointing at its article and entity; events ``Event``; relations the
matching interval schema (``Membership``, ``Employment``, ``Associate``, ``Family``,
``Occupancy`` with its ``Position``). FtM has no schema for enmity, so rivalry is kept apart
as an ``UnknownLink`` whose role is ``rivalry`` (never folded into ``Associate``); alliances
between groups are ``UnknownLink`` with role ``alliance``. Every relation keeps its dates,
its articles as ``proof``, and whether it is an allegation (``status``/``summary``).

Evidence goes along (export contract version 2): every span of an entity becomes a
``Mention`` of its article resolved to the entity (``name`` is the text at the span); every
span of an event or relation becomes a ``Documentation`` linking the article
(``document``) to the record (``entity``), with ``role`` ``evidence``, the sentence as
``summary`` and the char span and extractor in ``description`` (``chars 120-188 in art_...,
events@1``): FtM has no span property, so the offsets travel in words.

The ``followthemoney`` package validates properties when installed; without it the same
FtM-shaped dicts are written by schema name.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Iterable, Mapping

from fuentes.ids import content_id

try:  # optional: validates against the published model when present
    from followthemoney import model as _FTM
except ImportError:  # pragma: no cover - exercised by forcing the fallback in tests
    _FTM = None

MEMBERSHIP = {"member_of", "leader_of", "founder_of", "part_of", "faction_of", "commander_of", "operator_of"}
EMPLOYMENT = {"works_for", "employed_by", "employee_of"}
ASSOCIATE = {"associate_of", "allied_with", "partner_of", "collaborates_with"}
FAMILY = {"family_of", "relative_of", "son_of", "daughter_of", "brother_of", "sister_of", "father_of",
          "mother_of", "spouse_of", "married_to", "nephew_of", "uncle_of", "cousin_of"}
POSITION = {"holds_position", "position_in", "official_of", "office_in"}
RIVALRY = {"rival_of", "enemy_of", "at_war_with", "fights"}
LANGUAGES = {"en": "eng", "es": "spa"}
KINDS = {"person": "Person", "organization": "Organization"}
ROLE_PROP = {"Membership": "role", "Employment": "role", "UnknownLink": "role", "Associate": "relationship",
             "Family": "relationship"}


def _get(record: Any, key: str, default: Any = None) -> Any:
    if isinstance(record, Mapping):
        return record.get(key, default)
    return getattr(record, key, default)


def ftm_id(ident: str) -> str:
    """Our ids (``art_3f2a...``) in the id alphabet FtM accepts (letters, digits, ``.``, ``-``)."""
    return re.sub(r"[^0-9A-Za-z.\-]", "-", str(ident)).strip("-.") or "x"


class _Entity:
    """One FtM entity being filled; validated by followthemoney when it is installed."""

    def __init__(self, schema: str, ident: str, use_ftm: bool):
        self.proxy = _FTM.make_entity(schema) if use_ftm else None
        if self.proxy is not None:
            self.proxy.id = ident
        self.raw = {"id": ident, "schema": schema, "properties": {}}

    def ref(self, prop: str, *values: Any) -> None:
        """Add references to other entities (their ids made FtM-safe)."""
        for value in values:
            items = value if isinstance(value, (list, tuple, set)) else [value]
            self.add(prop, [ftm_id(v) for v in items if v])

    def add(self, prop: str, *values: Any) -> None:
        for value in values:
            if value is None or value == "" or value == []:
                continue
            for item in value if isinstance(value, (list, tuple, set)) else [value]:
                if self.proxy is not None:
                    self.proxy.add(prop, str(item), quiet=True)
                else:
                    self.raw["properties"].setdefault(prop, []).append(str(item))

    def to_dict(self) -> dict:
        return self.proxy.to_dict() if self.proxy is not None else self.raw


class FtMExporter:
    """Collects FtM entities; ``use_ftm=False`` forces the schema-name fallback."""

    def __init__(self, use_ftm: bool | None = None):
        self.use_ftm = (_FTM is not None) if use_ftm is None else (use_ftm and _FTM is not None)
        self.entities: dict[str, _Entity] = {}
        self.kinds: dict[str, str] = {}  # our entity id -> FtM schema
        self.names: dict[str, str] = {}
        self.texts: dict[str, str] = {}  # article id -> clean text, for the text at each span

    def _make(self, schema: str, ident: str) -> _Entity:
        ident = ftm_id(ident)
        entity = self.entities.get(ident) or _Entity(schema, ident, self.use_ftm)
        self.entities[ident] = entity
        return entity

    def add_article(self, article: Any) -> None:
        e = self._make("Article", str(_get(article, "id")))
        e.add("title", _get(article, "title"))
        e.add("publisher", _get(article, "outlet"))
        e.add("author", _get(article, "byline"))
        e.add("publishedAt", _get(article, "published"))
        e.add("sourceUrl", _get(article, "url"))
        e.add("language", LANGUAGES.get(_get(article, "language") or "", None))
        e.add("bodyText", _get(article, "text"))
        self.texts[str(_get(article, "id"))] = _get(article, "text") or ""

    def _span_text(self, span: Any) -> str | None:
        text = self.texts.get(_get(span, "article"))
        return text[_get(span, "start"):_get(span, "end")] if text else None

    def add_evidence(self, record_id: str, evidence: Iterable[Any]) -> None:
        """Each span of an event or relation as a ``Documentation`` of its article."""
        for span in evidence or []:
            article, start, end = _get(span, "article"), _get(span, "start"), _get(span, "end")
            label = span.label if hasattr(span, "label") else _get(span, "extractor")
            e = self._make("Documentation", content_id("doc", record_id, article, str(start), str(end)))
            e.ref("document", article)
            e.ref("entity", record_id)
            e.add("role", "evidence")
            e.add("summary", self._span_text(span))
            e.add("description", f"chars {start}-{end} in {article}, {label}")

    def add_entity(self, entity: Any) -> None:
        kind = _get(entity, "kind")
        schema = KINDS.get(kind, "LegalEntity") if kind != "place" else "Address"
        ident = str(_get(entity, "id"))
        e = self._make(schema, ident)
        name = _get(entity, "name")
        self.kinds[ident], self.names[ident] = schema, name
        e.add("full" if schema == "Address" else "name", name)
        if schema != "Address":
            e.add("alias", [a for a in _get(entity, "aliases", []) or [] if a != name])
            e.add("description", "; ".join(_get(entity, "roles", []) or []) or None)
        e.ref("proof", list(_get(entity, "articles", []) or []))
        for span in _get(entity, "evidence", []) or []:
            article = _get(span, "article")
            text = self._span_text(span)
            self.add_mention(article, {"start": _get(span, "start"), "end": _get(span, "end"), "text": text,
                                       "label": {"Person": "PERSON", "Organization": "ORG"}.get(schema)}, ident)

    def add_mention(self, article: str, mention: Any, entity: str | None = None) -> None:
        ident = content_id("ment", article, str(_get(mention, "start")), str(_get(mention, "end")))
        e = self._make("Mention", ident)
        e.ref("document", article)
        e.add("name", _get(mention, "text"))
        e.ref("resolved", entity or _get(mention, "entity"))
        label = _get(mention, "label")
        e.add("detectedSchema", {"PERSON": "Person", "PER": "Person", "ORG": "Organization"}.get(label))

    def add_event(self, event: Any) -> None:
        e = self._make("Event", str(_get(event, "id")))
        e.add("name", _get(event, "event_type"))
        e.add("date", _get(event, "date"))
        e.ref("involved", list(_get(event, "actors", []) or []) + list(_get(event, "targets", []) or []))
        place = _get(event, "place")
        e.add("location", self.names.get(place, place) if place else None)
        e.ref("proof", list(_get(event, "articles", []) or []))
        sources = _get(event, "independent_sources")
        e.add("summary", f"{sources} independent source(s)" if sources is not None else None)
        self.add_evidence(e.raw["id"], _get(event, "evidence", []))

    def add_relation(self, relation: Any) -> None:
        subject, predicate, obj = (str(_get(relation, k)) for k in ("subject", "predicate", "object"))
        ident = str(_get(relation, "id") or content_id("rel", subject, predicate, obj))
        schema, ends, role = self._relation_schema(subject, predicate, obj)
        if schema == "Occupancy":
            post = self._make("Position", content_id("pos", predicate, obj))
            title = _get(relation, "role") or predicate.replace("_", " ")
            post.add("name", f"{title}, {self.names.get(obj, obj)}")
            if self.kinds.get(obj) == "Organization":
                post.ref("organization", obj)
            obj = post.raw["id"]
        e = self._make(schema, ident)
        e.ref(ends[0], subject)
        e.ref(ends[1], obj)
        if schema in ROLE_PROP:
            e.add(ROLE_PROP[schema], role)
        e.add("startDate", _get(relation, "start"))
        e.add("endDate", _get(relation, "end"))
        e.ref("proof", list(_get(relation, "articles", []) or []))
        alleged = bool(_get(relation, "allegation", False))
        sources = _get(relation, "independent_sources")
        if schema in ("Membership", "Employment", "UnknownLink", "Occupancy"):
            e.add("status", "alleged" if alleged else "reported")
        e.add("summary", f"{'alleged' if alleged else 'reported'}; {sources} independent source(s)")
        self.add_evidence(e.raw["id"], _get(relation, "evidence", []))

    def _relation_schema(self, subject: str, predicate: str, obj: str) -> tuple[str, tuple[str, str], str]:
        both_people = self.kinds.get(subject) == "Person" and self.kinds.get(obj) == "Person"
        role = predicate.replace("_", " ")
        if predicate in RIVALRY:
            return "UnknownLink", ("subject", "object"), "rivalry"
        if predicate in FAMILY and both_people:
            return "Family", ("person", "relative"), role
        if predicate in ASSOCIATE and both_people:
            return "Associate", ("person", "associate"), role
        if predicate in ASSOCIATE:
            return "UnknownLink", ("subject", "object"), "alliance"
        if predicate in EMPLOYMENT:
            return "Employment", ("employee", "employer"), role
        if predicate in POSITION:
            return "Occupancy", ("holder", "post"), role
        if predicate in MEMBERSHIP and self.kinds.get(obj, "Organization") == "Organization":
            return "Membership", ("member", "organization"), role.removesuffix(" of")
        return "UnknownLink", ("subject", "object"), role

    def to_dicts(self) -> list[dict]:
        return [e.to_dict() for e in self.entities.values()]


def export_ftm(*, articles: Iterable[Any] = (), entities: Iterable[Any] = (), relations: Iterable[Any] = (),
               events: Iterable[Any] = (), mentions: Iterable[tuple[str, Any, str | None]] = (),
               use_ftm: bool | None = None) -> list[dict]:
    """All records as FtM entity dicts. Entities first so relation schemas know who is who."""
    out = FtMExporter(use_ftm)
    for article in articles:
        out.add_article(article)
    for entity in entities:
        out.add_entity(entity)
    for article, mention, entity in mentions:
        out.add_mention(article, mention, entity)
    for event in events:
        out.add_event(event)
    for relation in relations:
        out.add_relation(relation)
    return out.to_dicts()


def write_ftm(records: list[dict], path: str | Path) -> Path:
    """FtM entities as JSON lines, the format ``ftm`` and Aleph's importer read."""
    path = Path(path)
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
    return path
