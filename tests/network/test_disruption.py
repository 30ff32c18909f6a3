import networkx as nx
import pytest

from fuentes.errors import InputError
from fuentes.network import datasets, disruption

shared = pytest.mark.shared


def two_cells():
    """Two cells run by hubs h1, h2 joined through broker b."""
    graph = nx.Graph()
    for hub, cell in (("h1", "abcd"), ("h2", "efgh")):
        for member in cell:
            graph.add_edge(hub, member)
    graph.add_edge("a", "b2")  # a and b2 know each other besides the hub
    graph.add_edge("h1", "b2")
    graph.add_edge("h1", "x")
    graph.add_edge("x", "h2")
    return graph


def test_fragmentation_bounds():
    assert disruption.fragmentation(nx.complete_graph(4)) == 0.0
    assert disruption.fragmentation(nx.empty_graph(4)) == 1.0


def test_what_if_reports_fragmentation_and_successors():
    graph = two_cells()
    report = disruption.what_if(graph, ["x"])
    assert report.after["components"] == 2
    assert report.after["largest_component_share"] < report.before["largest_component_share"]
    assert report.after["fragmentation"] > report.before["fragmentation"]
    heirs = disruption.likely_successors(graph, "h1")
    assert heirs[0]["node"] in {"a", "b2"}  # knows another of h1's contacts


def test_recovery_relinks_contacts_to_one_successor():
    graph = two_cells()
    for node in graph:
        graph.nodes[node]["role"] = "boss" if node.startswith("h") else "crew"
    report = disruption.what_if(graph, ["h1"], recovery="degree")
    assert {heir for _, heir in report.relinked} == {"h2"}  # the only other boss
    assert report.after["largest_component_share"] == pytest.approx(1.0 * (graph.number_of_nodes() - 1) /
                                                                     graph.number_of_nodes())
    plain = disruption.what_if(graph, ["h1"])
    assert report.after["efficiency"] > plain.after["efficiency"]
    with pytest.raises(InputError, match="not in the network"):
        disruption.what_if(graph, ["nobody"])


def test_key_players_split_the_network():
    graph = two_cells()
    chosen, score = disruption.key_players(graph, 2)
    assert set(chosen) == {"h1", "h2"}
    assert score == pytest.approx(disruption.fragmentation(graph.subgraph(set(graph) - {"h1", "h2"})))


def test_sequential_and_block_orders_differ_on_a_chain_of_stars():
    graph = nx.Graph([(0, 1), (1, 2), (2, 3), (3, 4)] + [(0, 10 + i) for i in range(3)] + [(4, 20 + i) for i in range(3)])
    assert disruption.removal_order(graph, count=1)[0] == 2
    curve = disruption.removal_curve(graph, disruption.removal_order(graph, count=3))
    assert curve[0] == 1.0 and curve[-1] < 0.5


def _published(kind: str) -> list[float]:
    import csv

    name = {"meetings": "Meeting", "phonecalls": "PhoneCalls"}[kind]
    path = datasets.data_dir("montagna-sicilian-mafia") / "results" / f"Sequential_{name}_Unweighted_5nrem.csv"
    with path.open() as handle:
        return [float(row["Betweenness"]) for row in csv.DictReader(handle)]


@shared
@pytest.mark.parametrize("kind,published", [("meetings", 0.424), ("phonecalls", 0.247)])
def test_montagna_top5_betweenness_matches_cavallaro(kind, published):
    if not datasets.available("montagna-sicilian-mafia"):
        pytest.skip("../shared/data/montagna-sicilian-mafia is absent")
    graph = datasets.load_montagna(kind)
    order = disruption.removal_order(graph, "betweenness", count=10, sequential=True)
    curve = disruption.removal_curve(graph, order)
    assert curve[5] == pytest.approx(published, abs=0.0015)
    assert curve[:11] == pytest.approx(_published(kind)[:11], abs=1e-9)  # whole start of the authors' curve


@shared
def test_caviar_betweenness_versus_random_removal():
    if not datasets.available("ucinet-covert-networks-via-mcmacdonald"):
        pytest.skip("../shared/data/ucinet-covert-networks-via-mcmacdonald is absent")
    graph = datasets.load_caviar()
    assert graph.number_of_nodes() == 110
    targeted = disruption.share_to_halve(graph, "betweenness", sequential=True)
    chance = disruption.share_to_halve(graph, "random", trials=60, seed=7)
    assert targeted == pytest.approx(0.036, abs=0.01)
    assert 0.30 <= chance <= 0.44
