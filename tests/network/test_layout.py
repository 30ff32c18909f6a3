"""Server-side layout of the workbench's network: every node in the unit square, components
apart, the same picture every time."""

from __future__ import annotations

import itertools

import networkx as nx

from fuentes.network.layout import layout


def _boxes(graph: nx.Graph, positions: dict) -> list[tuple[float, float, float, float]]:
    boxes = []
    for part in nx.connected_components(graph):
        xs, ys = [positions[n][0] for n in part], [positions[n][1] for n in part]
        boxes.append((min(xs), min(ys), max(xs), max(ys)))
    return boxes


def test_every_node_is_placed_in_the_unit_square_and_components_do_not_overlap():
    graph = nx.disjoint_union_all([nx.karate_club_graph(), nx.path_graph(5), nx.cycle_graph(4),
                                   nx.empty_graph(12), nx.complete_graph(3)])
    positions = layout(graph)
    assert set(positions) == set(graph.nodes)
    assert all(0.0 <= x <= 1.0 and 0.0 <= y <= 1.0 for x, y in positions.values())
    assert min(x for x, _ in positions.values()) == 0.0 and max(x for x, _ in positions.values()) == 1.0
    for a, b in itertools.combinations(_boxes(graph, positions), 2):
        apart = a[2] < b[0] or b[2] < a[0] or a[3] < b[1] or b[3] < a[1]
        assert apart, (a, b)
    assert layout(graph) == positions  # seeded: the same graph, the same picture


def test_no_two_nodes_share_a_place():
    graph = nx.disjoint_union_all([nx.barabasi_albert_graph(120, 2, seed=3), nx.empty_graph(40)])
    positions = layout(graph)
    assert len({(round(x, 3), round(y, 3)) for x, y in positions.values()}) == graph.number_of_nodes()


def test_small_graphs():
    assert layout(nx.Graph()) == {}
    one = nx.Graph()
    one.add_node("a")
    assert layout(one) == {"a": (0.5, 0.5)}
    pair = nx.Graph([("a", "b")])
    assert sorted(layout(pair).values()) == [(0.0, 0.0), (1.0, 1.0)]  # on a slant, filling the square
