import networkx as nx
import pytest

from fuentes.network import metrics


def test_star_is_fully_centralised_and_its_hub_is_top():
    star = nx.star_graph(6)
    report = metrics.analyse(star)
    assert report.degree_centralization == pytest.approx(1.0)
    assert report.top("betweenness", 1)[0][0] == 0
    assert metrics.degree_centralization(nx.cycle_graph(6)) == 0.0


def test_broker_between_two_groups():
    graph = nx.disjoint_union(nx.complete_graph(5), nx.complete_graph(5))
    graph.add_edge(0, 10)
    graph.add_edge(10, 5)  # node 10 is the only bridge
    report = metrics.analyse(graph)
    assert report.brokers[0]["node"] == 10
    assert len(report.communities) >= 2
    assert report.top("eigenvector", 1)[0][0] != 10


def test_sampled_betweenness_tracks_exact():
    graph = nx.barabasi_albert_graph(400, 3, seed=1)
    exact, is_exact = metrics.betweenness(graph, exact=True)
    approx, approx_exact = metrics.betweenness(graph, exact=False, samples=150, seed=2)
    assert is_exact and not approx_exact
    top_exact = {n for n, _ in sorted(exact.items(), key=lambda kv: -kv[1])[:10]}
    top_approx = {n for n, _ in sorted(approx.items(), key=lambda kv: -kv[1])[:10]}
    assert len(top_exact & top_approx) >= 7
    hub = max(exact, key=exact.get)
    assert approx[hub] == pytest.approx(exact[hub], rel=0.35)


def test_igraph_path_agrees_with_networkx():
    graph = nx.karate_club_graph()
    ig = metrics.to_igraph(graph)
    assert ig.vcount() == 34 and ig.ecount() == graph.number_of_edges()
    assert metrics.global_efficiency(graph) == pytest.approx(nx.global_efficiency(graph))
