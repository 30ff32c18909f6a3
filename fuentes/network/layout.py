"""Positions for drawing a network: computed once on the server, so the browser only draws.

`layout(graph)` gives every node a position in the unit square [0, 1] x [0, 1]:

- each connected component is laid out on its own (Fruchterman-Reingold, networkx's seeded
  `spring_layout`; Kamada-Kawai drew small components a little better but cost seconds for a
  hundred nodes in many small components), in a square whose side grows with the square root
  of its size, so a big component is not squeezed to the size of a pair;
- the squares are packed in shelves (largest first) into a rectangle of the asked aspect ratio,
  single nodes last in a grid of small cells, instead of letting a force layout fling
  disconnected pieces to the corners;
- the whole is scaled into the unit square (x and y each over [0, 1]), for the page to fit to
  whatever canvas it has.

Layouts are seeded: the same graph gives the same picture on every request.
"""

from __future__ import annotations

import math
from typing import Hashable

import networkx as nx

SEED = 7
LARGE = 200  # components above this size get fewer spring iterations (each costs O(n^2))
GAP = 0.35  # free space around a component's square, in units of a single node's cell


def component_positions(graph: nx.Graph, seed: int = SEED) -> dict[Hashable, tuple[float, float]]:
    """One connected graph laid out in [0, 1]^2 (a single node in the middle, two side by side on
    a slant, which leaves room for both labels and never draws a line without height)."""
    nodes = list(graph.nodes)
    if len(nodes) == 1:
        return {nodes[0]: (0.5, 0.5)}
    if len(nodes) == 2:
        return {nodes[0]: (0.0, 0.3), nodes[1]: (1.0, 0.7)}
    raw = nx.spring_layout(graph, seed=seed, iterations=60 if len(nodes) > LARGE else 100, weight=None)
    return _unit(raw)


def _unit(raw: dict[Hashable, object]) -> dict[Hashable, tuple[float, float]]:
    """Positions scaled into [0, 1]^2, keeping their aspect (centred on the shorter side)."""
    xs = [float(p[0]) for p in raw.values()]
    ys = [float(p[1]) for p in raw.values()]
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    ox = (span - (max(xs) - min(xs))) / 2
    oy = (span - (max(ys) - min(ys))) / 2
    return {node: ((float(p[0]) - min(xs) + ox) / span, (float(p[1]) - min(ys) + oy) / span)
            for node, p in raw.items()}


def layout(graph: nx.Graph, aspect: float = 1.8, seed: int = SEED) -> dict[Hashable, tuple[float, float]]:
    """node -> (x, y) in [0, 1]^2 for the whole graph (any number of components and isolates),
    packed for a canvas `aspect` times wider than it is high."""
    if graph.number_of_nodes() == 0:
        return {}
    undirected = graph.to_undirected(as_view=True) if graph.is_directed() else graph
    parts = sorted((sorted(c, key=str) for c in nx.connected_components(undirected)),
                   key=lambda c: (-len(c), str(c[0])))
    boxes = []  # (side, positions in [0, 1]^2)
    for part in parts:
        side = 1.0 if len(part) == 1 else 1.2 * math.sqrt(len(part)) + 0.8
        boxes.append((side, component_positions(undirected.subgraph(part), seed)))
    total = sum((side + 2 * GAP) ** 2 for side, _ in boxes)
    width = max(math.sqrt(total * aspect), max(side for side, _ in boxes) + 2 * GAP)
    placed: dict[Hashable, tuple[float, float]] = {}
    x = y = shelf = 0.0
    for side, positions in boxes:
        cell = side + 2 * GAP
        if x > 0 and x + cell > width + 1e-9:  # the next shelf
            x, y, shelf = 0.0, y + shelf, 0.0
        for node, (px, py) in positions.items():
            placed[node] = (x + GAP + px * side, y + GAP + py * side)
        x += cell
        shelf = max(shelf, cell)
    return _fill(placed)


def _fill(placed: dict[Hashable, tuple[float, float]]) -> dict[Hashable, tuple[float, float]]:
    """Each axis scaled to [0, 1] (one node, or nodes on a line, sit in the middle)."""
    xs = [p[0] for p in placed.values()]
    ys = [p[1] for p in placed.values()]

    def scale(value: float, low: float, high: float) -> float:
        return 0.5 if high - low < 1e-9 else (value - low) / (high - low)

    return {node: (round(scale(px, min(xs), max(xs)), 4), round(scale(py, min(ys), max(ys)), 4))
            for node, (px, py) in placed.items()}
