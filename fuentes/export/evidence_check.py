"""Does every knowledge record of an export carry its evidence? (`fuentes export --check`)

Reads export records (dicts of the JSON-lines contract) and counts, per record type: records
with evidence, spans that lie inside their article's text, records with at least one span for
every article they list, and, for entities, spans whose text reads as one of the entity's
names or aliases (of the spans that name it: a reference back, `entity_references@N` such as
"the company" or "he", names nothing and is counted apart). Derivations count when both articles are in the corpus (their passages); one
from an outside origin has only its reasons in words. Works on a stream in export order
(articles first): the articles' texts are the only thing kept in memory.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Iterable

from fuentes.extract.names import fold

REFERENCES = "entity_references"  # the extractor of an entity's references back (entities stage)
KNOWLEDGE_TYPES = ("entity", "quote", "claim", "event", "relation", "discrepancy", "derivation")


def _fold(text: str) -> str:
    return " ".join(fold(text).split())


def _spans(record: dict[str, Any]) -> list[dict[str, Any]]:
    if record["type"] == "discrepancy":
        return [span for value in record.get("values") or [] for span in value.get("evidence") or []]
    if record["type"] == "derivation":
        return [span for pair in record.get("passages") or [] for span in pair]
    return list(record.get("evidence") or [])


def _listed(record: dict[str, Any], texts: dict[str, str]) -> set[str]:
    kind = record["type"]
    if kind == "quote":
        return {record["article"]}
    if kind == "discrepancy":
        return {a for value in record.get("values") or [] for a in value.get("articles") or []}
    if kind == "derivation":  # passages only between two articles of the corpus
        return {record["source"], record["target"]} if record["source"] in texts else set()
    return set(record.get("articles") or [])


def reads_as_name(span_text: str, names: Iterable[str]) -> bool:
    """A mention reads as the entity when its folded text is one of the names, or one name
    holds it or is held by it as whole words ("Guzmán" of "Joaquín Guzmán", "the Sinaloa Cartel")."""
    folded = f" {_fold(span_text)} "
    for name in names:
        other = f" {_fold(name)} "
        if other.strip() and (other in folded or folded in other):
            return True
    return False


def check_export(records: Iterable[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    texts: dict[str, str] = {}
    report: dict[str, dict[str, Any]] = defaultdict(lambda: {
        "records": 0, "with_evidence": 0, "spans": 0, "spans_inside": 0, "every_article_covered": 0})
    for record in records:
        kind = record.get("type")
        if kind == "article":
            texts[record["id"]] = record.get("text") or ""
        if kind not in KNOWLEDGE_TYPES:
            continue
        if kind == "derivation" and record.get("source") not in texts:
            continue  # an origin outside the corpus: its evidence is the credit, in words; no passages
        row = report[kind]
        row["records"] += 1
        spans = _spans(record)
        row["with_evidence"] += bool(spans)
        inside = [s for s in spans if s.get("article") in texts
                  and 0 <= s.get("start", -1) < s.get("end", -1) <= len(texts[s["article"]])]
        row["spans"] += len(spans)
        row["spans_inside"] += len(inside)
        covered = {s["article"] for s in inside}
        listed = _listed(record, texts)
        row["every_article_covered"] += listed <= covered if listed else bool(inside)
        if kind == "entity":
            names = [record.get("name") or "", *(record.get("aliases") or [])]
            naming = [s for s in inside if not str(s.get("extractor") or "").startswith(REFERENCES + "@")]
            row.setdefault("spans_reading_as_name", 0)
            row.setdefault("spans_naming", 0)
            row["spans_naming"] += len(naming)
            row["spans_reading_as_name"] += sum(
                reads_as_name(texts[s["article"]][s["start"]:s["end"]], names) for s in naming)
    for row in report.values():
        row["share_with_evidence"] = round(row["with_evidence"] / row["records"], 4) if row["records"] else None
        row["share_spans_inside"] = round(row["spans_inside"] / row["spans"], 4) if row["spans"] else None
        row["share_covered"] = round(row["every_article_covered"] / row["records"], 4) if row["records"] else None
        if "spans_reading_as_name" in row:
            row["share_spans_reading_as_name"] = round(row["spans_reading_as_name"] / row["spans_naming"], 4) \
                if row["spans_naming"] else None
    return dict(report)


def problems(report: dict[str, dict[str, Any]], min_name_share: float = 0.95) -> list[str]:
    """What an export fails of the contract's evidence rule, in words (empty: it holds)."""
    found = []
    for kind, row in sorted(report.items()):
        if row["with_evidence"] < row["records"]:
            found.append(f"{kind}: {row['records'] - row['with_evidence']} of {row['records']} records carry no evidence")
        if row["spans_inside"] < row["spans"]:
            found.append(f"{kind}: {row['spans'] - row['spans_inside']} of {row['spans']} spans fall outside "
                         "their article's text")
        if row["every_article_covered"] < row["records"]:
            found.append(f"{kind}: {row['records'] - row['every_article_covered']} of {row['records']} records "
                         "lack a span for some article they list")
        share = row.get("share_spans_reading_as_name")
        if share is not None and share < min_name_share:
            found.append(f"{kind}: only {share:.1%} of spans read as one of its names (wanted {min_name_share:.0%})")
    return found
