import pytest

from fuentes.errors import InputError
from fuentes.model import Relation
from fuentes.network.graph import CO_MENTION, build_graph, in_window, as_tie, relation_types

RELATIONS = [
    {"subject": "a", "predicate": "leader_of", "object": "org", "independent_sources": 3, "start": "2019", "end": None},
    {"subject": "b", "predicate": "member_of", "object": "org", "independent_sources": 1, "start": "2021-03",
     "end": "2022-06", "allegation": True},
    {"subject": "a", "predicate": "rival_of", "object": "c", "independent_sources": 2, "start": None, "end": "2015"},
    {"subject": "a", "predicate": "associate_of", "object": "org", "independent_sources": 1},
]


def test_weight_is_independent_sources_summed_over_relations():
    graph = build_graph(RELATIONS)
    assert graph.edges["a", "org"]["weight"] == 4
    assert sorted(graph.edges["a", "org"]["predicates"]) == ["associate_of", "leader_of"]
    assert relation_types(graph) == {"leader_of", "member_of", "rival_of", "associate_of"}


def test_dataclass_records_and_entity_labels():
    graph = build_graph([Relation("r1", "x", "works_for", "y", independent_sources=2)], entities=[{"id": "x", "name": "X Y", "kind": "person",
                                                                   "roles": ["plaza boss"]}])
    assert graph.nodes["x"]["name"] == "X Y" and graph.nodes["x"]["role"] == "plaza boss"
    assert graph.edges["x", "y"]["weight"] == 2


def test_filters_by_type_window_and_allegation():
    assert set(build_graph(RELATIONS, predicates={"rival_of"}).edges) == {("a", "c")}
    assert ("a", "c") not in build_graph(RELATIONS, exclude={"rival_of"}).edges
    window = build_graph(RELATIONS, start="2020-01-01", end="2020-12-31")
    assert not window.has_edge("b", "org")  # began 2021-03
    assert not window.has_edge("a", "c")  # ended 2015
    assert window.has_edge("a", "org")
    assert build_graph(RELATIONS, start="2022-06-15").has_edge("b", "org")  # month bound covers the month
    assert not build_graph(RELATIONS, allegations=False).has_edge("b", "org")


def test_partial_dates_bound_windows():
    tie = as_tie({"subject": "a", "predicate": "p", "object": "b", "start": "2020", "end": "2020"})
    assert in_window(tie, "2020-12-31", None) and not in_window(tie, "2021-01-01", None)


def test_co_mentions_only_when_given():
    graph = build_graph([], co_mentions=[("a", "b", 2)])
    assert graph.edges["a", "b"]["predicates"] == [CO_MENTION]
    assert build_graph(RELATIONS).number_of_nodes() == 4


def test_bad_record_names_the_problem():
    with pytest.raises(InputError, match="subject, predicate and object"):
        build_graph([{"id": "rel_1", "subject": "a", "predicate": "member_of"}])
