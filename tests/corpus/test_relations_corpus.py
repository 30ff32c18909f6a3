"""Merging per-article relations into corpus relations (hand-built records, no model)."""

from __future__ import annotations

from fuentes.corpus.relations import entity_index, merge_relations
from fuentes.model import Entity, Evidence, Relation
from fuentes.network.graph import build_graph


def rel(article: str, s: str, p: str, o: str, allegation: bool = False, start=None, end=None) -> Relation:
    return Relation(id=f"{article}-{s}-{p}-{o}", subject=s, predicate=p, object=o, articles=[article],
                    evidence=[Evidence(article, 0, 10, "relations")], allegation=allegation, start=start, end=end)


ENTITIES = [
    Entity("ent_boss", "Rafael Quintero Lobo", "person", merged_from=["a1#e1", "a2#e3", "a3#e2"]),
    Entity("ent_gang", "Cártel del Puerto", "organization", merged_from=["a1#e2", "a2#e1", "a3#e1"]),
    Entity("ent_rival", "Los Halcones", "organization", merged_from=["a1#e4", "a3#e5"]),
]


def test_entity_index_reads_merged_from():
    index = entity_index(ENTITIES)
    assert index[("a2", "e3")] == "ent_boss" and index[("a3", "e5")] == "ent_rival"


def test_merge_counts_independent_origins_and_keeps_evidence():
    by_article = {
        "a1": [rel("a1", "e1", "leader_of", "e2", start="2015"), rel("a1", "e2", "rival_of", "e4", allegation=True)],
        "a2": [rel("a2", "e3", "leader_of", "e1", end="2021")],
        "a3": [rel("a3", "e2", "leader_of", "e1"), rel("a3", "e5", "rival_of", "e1", allegation=True)],
    }
    origins = {"a1": "Wire Service", "a2": "Wire Service", "a3": None}  # a2 copies a1; a3 unknown
    merged = merge_relations(by_article, entity_index(ENTITIES), origins)
    leader = next(r for r in merged if r.predicate == "leader_of")
    assert (leader.subject, leader.object) == ("ent_boss", "ent_gang")
    assert leader.articles == ["a1", "a2", "a3"] and len(leader.evidence) == 3
    assert leader.independent_sources == 2  # one wire story copied + one article of unknown origin
    assert (leader.start, leader.end) == ("2015", "2021") and not leader.allegation
    rivals = [r for r in merged if r.predicate == "rival_of"]
    assert len(rivals) == 1, "a symmetric relation written both ways is one record"
    assert rivals[0].allegation and rivals[0].independent_sources == 2
    assert merged[0].independent_sources >= merged[-1].independent_sources


def test_one_plain_report_makes_it_a_fact_and_event_objects_stay_text():
    by_article = {
        "a1": [rel("a1", "e1", "leader_of", "e2", allegation=True), rel("a1", "e1", "oversaw", "the raid on the port")],
        "a2": [rel("a2", "e3", "leader_of", "e1", allegation=False)],
    }
    merged = merge_relations(by_article, entity_index(ENTITIES), {"a1": "X", "a2": "Y"})
    assert not next(r for r in merged if r.predicate == "leader_of").allegation
    oversaw = next(r for r in merged if r.predicate == "oversaw")
    assert oversaw.subject == "ent_boss" and oversaw.object == "the raid on the port"


def test_self_relations_from_resolution_are_dropped_and_graph_accepts_the_records():
    by_article = {"a1": [rel("a1", "e1", "associate_of", "e1"), rel("a1", "e1", "leader_of", "e2")],
                  "a2": [rel("a2", "e3", "associate_of", "e3")]}
    merged = merge_relations(by_article, entity_index(ENTITIES), {})
    assert [r.predicate for r in merged] == ["leader_of"]
    graph = build_graph(merged, entities=ENTITIES)
    assert graph.has_edge("ent_boss", "ent_gang") and graph.edges["ent_boss", "ent_gang"]["weight"] == 1
