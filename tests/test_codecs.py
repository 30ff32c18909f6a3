"""One codec per record type: record -> row -> record and row -> flat (Parquet) -> row are identities,
and the export dict carries evidence in the contract's one shape."""

from __future__ import annotations

import json

import pytest

from fuentes.codecs import (CLAIM, DERIVATION, DISCREPANCY, ENTITY, EVENT, LOCAL_ENTITY, QUOTE, RELATION,
                            evidence_dict, evidence_from, evidence_row, merge_evidence)
from fuentes.model import Claim, Derivation, Discrepancy, Entity, Event, Evidence, Quote, Relation, Value

EV = Evidence("art_1", 10, 42, "claims", "2")
EV2 = Evidence("art_2", 0, 17, "claims", "2", confidence=0.8)


def test_evidence_has_one_shape_and_reads_older_rows():
    assert evidence_dict(EV) == {"article": "art_1", "start": 10, "end": 42, "extractor": "claims@2"}
    assert evidence_row(EV) == ["art_1", 10, 42, "claims@2"] and evidence_from(evidence_row(EV)) == EV
    assert evidence_from(evidence_row(EV2)) == EV2 and evidence_from(evidence_row(EV, "art_1"), "art_1") == EV
    assert evidence_dict(EV2)["confidence"] == 0.8
    assert evidence_from(evidence_dict(EV2)) == EV2
    # before contract 2: extractor and version apart, or bare [start, end] of a local entity
    assert evidence_from({"article": "art_1", "start": 10, "end": 42, "extractor": "claims", "version": "2"}) == EV
    assert evidence_from([3, 9], "art_1", "entities@1") == Evidence("art_1", 3, 9, "entities", "1")


def test_merging_keeps_every_span_once():
    assert merge_evidence([EV, EV2], [EV, Evidence("art_3", 1, 2, "claims", "2")]) == [
        EV, EV2, Evidence("art_3", 1, 2, "claims", "2")]


CASES = [
    (ENTITY, Entity("ent_1", "Nemesio Oseguera", "person", ["El Mencho"], ["líder"], ["art_1"],
                    [Evidence("art_1", 0, 9, "entities", "1")], ["art_1#e1"], ["ent_0"])),
    (QUOTE, Quote("quo_1", "art_1", "No habrá impunidad", 5, 23, True, "Ana Ruiz", "e2", "dijo", None, [EV])),
    (CLAIM, Claim("clm_1", "Five bodyguards were detained.", None, 0, 0, "ent_1", "detained", None,
                  [Value("count", "five", 5.0, "people")], None, ["art_1", "art_2"], ["A", "B"], 2, 2, [EV, EV2])),
    (DISCREPANCY, Discrepancy("dis_1", "count in: ...", [{"value": "4", "articles": ["art_1"], "claim": "clm_1",
                                                          "claims": ["clm_a"], "evidence": [EV]}])),
    (EVENT, Event("evt_1", "arrest", "2026-02", ["ent_2"], ["ent_1"], "ent_3", ["art_1"], [EV], "detenido", 1)),
    (RELATION, Relation("rel_1", "ent_1", "leader_of", "ent_4", ["art_1"], [EV], True, "2010", None, 1)),
    (DERIVATION, Derivation("art_1", "art_2", "syndicated", ["verbatim cover 0.95/0.97"], 0.95,
                            [(Evidence("art_1", 0, 40, "provenance", "2"), Evidence("art_2", 3, 43, "provenance", "2"))],
                            "time")),
]


@pytest.mark.parametrize("codec,record", CASES, ids=[c.type for c, _ in CASES])
def test_record_row_flat_round_trip(codec, record):
    row = codec.to_row(record)
    assert set(row) == set(codec.columns)
    assert codec.from_row(row) == record
    flat = dict(zip(codec.columns, codec.to_flat(row)))
    assert all(isinstance(flat[c], (str, type(None))) for c in codec.json_columns)
    assert codec.from_row(codec.from_flat(flat)) == record
    if hasattr(codec, "export"):
        exported = codec.export(json.loads(json.dumps(row)))
        assert exported["type"] == codec.type
        json.dumps(exported)  # plain JSON all the way down
        spans = ([s for v in exported["values"] for s in v["evidence"]] if codec is DISCREPANCY else
                 [s for pair in exported["passages"] for s in pair] if codec is DERIVATION else exported["evidence"])
        assert spans and all(set(s) >= {"article", "start", "end", "extractor"} for s in spans)


def test_local_entities_keep_extractor_and_version():
    entity = Entity("e1", "Marina", "organization", ["la Marina"], [], ["art_1"],
                    [Evidence("art_1", 4, 10, "entities", "1")])
    row = LOCAL_ENTITY.to_row(entity, "art_1")
    assert row["evidence"] == [[4, 10, "entities@1"]]  # the row names the article
    assert LOCAL_ENTITY.from_row(row) == entity


def test_layers_written_before_evidence_get_their_own_span():
    item = {"id": "clm_9", "text": "Murieron 12 personas.", "article": "art_9", "start": 7, "end": 28,
            "values": [{"kind": "count", "text": "12", "amount": 12.0}]}
    claim = CLAIM.from_layer(item)
    assert claim.evidence == [Evidence("art_9", 7, 28, "claims", "1")]
    quote_row = {"id": "q", "article_id": "art_9", "text": "x", "start": 1, "end": 2, "direct": True}
    assert QUOTE.export(quote_row)["evidence"] == [{"article": "art_9", "start": 1, "end": 2, "extractor": "quotes@1"}]
