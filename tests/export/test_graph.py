import networkx as nx
import pytest

from fuentes.errors import InputError
from fuentes.export.graph import write_gexf, write_graphml
from fuentes.network.graph import build_graph

RELATIONS = [
    {"id": "rel_1", "subject": "p1", "predicate": "leader_of", "object": "o1", "independent_sources": 2},
    {"id": "rel_2", "subject": "p1", "predicate": "rival_of", "object": "p2", "independent_sources": 1},
]
ENTITIES = [{"id": "p1", "name": "Don Uno", "kind": "person"}, {"id": "o1", "name": "Cártel Ejemplo", "kind": "organization"}]


@pytest.mark.parametrize("writer,reader", [(write_graphml, nx.read_graphml), (write_gexf, nx.read_gexf)])
def test_round_trip_keeps_weights_types_and_names(tmp_path, writer, reader):
    graph = build_graph(RELATIONS, entities=ENTITIES)
    path = writer(graph, tmp_path / "net.out")
    back = reader(path)
    assert back.number_of_nodes() == 3 and back.number_of_edges() == 2
    assert float(back.edges["p1", "o1"]["weight"]) == 2
    assert back.edges["p1", "p2"]["predicates"] == "rival_of"
    assert back.edges["p1", "o1"]["relations"] == "rel_1"
    assert back.nodes["o1"]["label"] == "Cártel Ejemplo"


def test_missing_folder_is_named(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        write_graphml(nx.Graph(), tmp_path / "nope" / "x.graphml")
