"""`fuentes export --check`: an entity's references back (`entity_references@N`: "the company",
"he", "la empresa") name nothing, so the share of spans reading as a name counts the naming spans
only; references must still lie inside their article's text."""

from __future__ import annotations

from fuentes.export.evidence_check import REFERENCES, check_export, problems


def _records(text: str, spans: list[tuple[str, str]]) -> list[dict]:
    evidence = []
    at = 0
    for surface, extractor in spans:
        start = text.index(surface, at)
        evidence.append({"article": "a1", "start": start, "end": start + len(surface), "extractor": extractor})
        at = start + len(surface)
    return [{"type": "article", "id": "a1", "text": text},
            {"type": "entity", "id": "e1", "name": "Nordair", "aliases": ["Nordair"], "articles": ["a1"],
             "evidence": evidence}]


def test_references_back_are_left_out_of_the_name_share():
    en = _records("Nordair cut jobs. The company said he would go. Nordair grew.",
                  [("Nordair", "entities@33"), ("The company", f"{REFERENCES}@33"), ("Nordair", "entities@33")])
    es = _records("Nordair recortó empleos. La empresa dijo que crecerá. Nordair creció.",
                  [("Nordair", "entities@33"), ("La empresa", f"{REFERENCES}@33"), ("Nordair", "entities@33")])
    for records in (en, es):
        report = check_export(records)
        assert report["entity"]["share_spans_reading_as_name"] == 1.0
        assert report["entity"]["spans_inside"] == 3
        assert problems(report) == []


def test_a_naming_span_that_reads_as_no_name_still_counts():
    records = _records("Nordair cut jobs. The company said so.",
                       [("Nordair", "entities@33"), ("The company", "entities@33")])
    assert check_export(records)["entity"]["share_spans_reading_as_name"] == 0.5


def test_the_references_extractor_is_the_entity_stages():
    from fuentes.extract.entities import REFERENCES as STAGE_REFERENCES

    assert STAGE_REFERENCES == REFERENCES
