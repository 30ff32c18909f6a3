"""Who matters in a network: centralities, brokers, communities, centralisation, efficiency.

Small graphs (what a newsroom's reporting yields) use networkx; from ``IGRAPH_FROM`` nodes on
the same measures run on igraph, and betweenness becomes an estimate (sampled sources),
flagged in the result so nobody mistakes it for the exact value.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

import networkx as nx

IGRAPH_FROM = 5000  # nodes; above this exact betweenness in pure Python is too slow
SAMPLE_SOURCES = 256  # sources for estimated betweenness on big graphs


def to_igraph(graph: nx.Graph):
    """The same undirected graph in igraph, vertex i = ``list(graph)[i]``; weights kept."""
    import igraph as ig

    index = {node: i for i, node in enumerate(graph)}
    edges = [(index[u], index[v]) for u, v in graph.edges()]
    out = ig.Graph(n=len(index), edges=edges, directed=False)
    out.es["weight"] = [float(d.get("weight", 1.0)) for _, _, d in graph.edges(data=True)]
    return out


def betweenness(graph: nx.Graph, *, exact: bool | None = None, samples: int = SAMPLE_SOURCES,
                seed: int = 0) -> tuple[dict, bool]:
    """Normalised betweenness (unweighted hops) and whether it is exact.

    Tie strength is evidence, not distance, so paths count hops. On big graphs the estimate
    uses ``samples`` random source nodes, scaled up to the whole graph.
    """
    n = graph.number_of_nodes()
    if exact is None:
        exact = n < IGRAPH_FROM
    if exact or n <= samples:
        if n < IGRAPH_FROM:
            return nx.betweenness_centrality(graph), True
        values = to_igraph(graph).betweenness(directed=False)
        scale = 2.0 / ((n - 1) * (n - 2)) if n > 2 else 1.0
        return {node: v * scale for node, v in zip(graph, values)}, True
    ig_graph = to_igraph(graph)
    sources = random.Random(seed).sample(range(n), samples)
    values = ig_graph.betweenness(directed=False, sources=sources)
    # igraph gives the full value when every node is a source, so a sample scales by n/k.
    scale = (n / samples) * (2.0 / ((n - 1) * (n - 2)))
    return {node: v * scale for node, v in zip(graph, values)}, False


def eigenvector(graph: nx.Graph) -> dict:
    """Eigenvector centrality (unweighted), per connected component scale as igraph/networkx give."""
    if graph.number_of_nodes() == 0:
        return {}
    if graph.number_of_nodes() >= IGRAPH_FROM:
        values = to_igraph(graph).eigenvector_centrality()  # undirected graph: direction is moot
        return dict(zip(graph, values))
    try:
        return nx.eigenvector_centrality_numpy(graph)
    except (nx.NetworkXException, ValueError, TypeError):
        return nx.eigenvector_centrality(graph, max_iter=1000, tol=1e-8)


def degree_centralization(graph: nx.Graph) -> float:
    """Freeman degree centralisation of the undirected binary graph (1 = a perfect star)."""
    n = graph.number_of_nodes()
    if n < 3:
        return 0.0
    degrees = [d for _, d in graph.degree()]
    top = max(degrees)
    return sum(top - d for d in degrees) / ((n - 1) * (n - 2))


def global_efficiency(graph: nx.Graph, *, samples: int = SAMPLE_SOURCES, seed: int = 0) -> float:
    """Latora-Marchiori efficiency: mean of 1/distance over ordered pairs (0 when disconnected).

    Exact below ``IGRAPH_FROM`` nodes; above, the mean over ``samples`` random sources.
    """
    n = graph.number_of_nodes()
    if n < 2:
        return 0.0
    if n < IGRAPH_FROM:
        return nx.global_efficiency(graph)
    ig_graph = to_igraph(graph)
    sources = random.Random(seed).sample(range(n), min(samples, n))
    total = 0.0
    for i in range(0, len(sources), 32):  # rows of n distances at a time keep memory flat
        for row in ig_graph.distances(source=sources[i : i + 32]):
            total += sum(1.0 / d for d in row if 0 < d < float("inf"))
    return total / (len(sources) * (n - 1))


def largest_component_size(graph: nx.Graph) -> int:
    if graph.number_of_nodes() == 0:
        return 0
    return max(len(c) for c in nx.connected_components(graph))


def communities(graph: nx.Graph, *, seed: int = 0) -> list[set]:
    """Louvain communities on tie strength, largest first (deterministic for a seed)."""
    if graph.number_of_nodes() == 0:
        return []
    if graph.number_of_nodes() >= IGRAPH_FROM:
        ig_graph = to_igraph(graph)
        nodes = list(graph)
        parts = ig_graph.community_multilevel(weights="weight")
        found = [{nodes[i] for i in part} for part in parts]
    else:
        found = nx.community.louvain_communities(graph, weight="weight", seed=seed)
    return sorted(found, key=len, reverse=True)


@dataclass(slots=True)
class NetworkReport:
    """Per-node measures plus graph-level figures, ready to print or export."""

    nodes: int
    edges: int
    density: float
    degree_centralization: float
    largest_component: int
    betweenness_exact: bool
    degree: dict = field(default_factory=dict)
    betweenness: dict = field(default_factory=dict)
    eigenvector: dict = field(default_factory=dict)
    brokers: list = field(default_factory=list)
    communities: list = field(default_factory=list)

    def top(self, measure: str, k: int = 10) -> list[tuple]:
        values = getattr(self, measure)
        return sorted(values.items(), key=lambda kv: (-kv[1], str(kv[0])))[:k]


def brokers(graph: nx.Graph, between: dict, groups: list[set], k: int = 10) -> list[dict]:
    """Nodes that bridge communities: ties into two or more communities, ranked by betweenness.

    A broker in the Gould-Fernandez sense links groups that would otherwise not talk; here
    that is read off the community partition and weighed by how many paths pass through.
    """
    member = {node: i for i, group in enumerate(groups) for node in group}
    found = []
    for node in graph:
        reached = {member[nb] for nb in graph[node]} - {member[node]}
        if reached and between.get(node, 0.0) > 0:
            found.append({"node": node, "betweenness": between[node], "communities_bridged": len(reached) + 1})
    found.sort(key=lambda b: (-b["betweenness"], -b["communities_bridged"], str(b["node"])))
    return found[:k]


def analyse(graph: nx.Graph, *, seed: int = 0) -> NetworkReport:
    """All standard measures of one network in one pass."""
    between, exact = betweenness(graph, seed=seed)
    groups = communities(graph, seed=seed)
    n = graph.number_of_nodes()
    return NetworkReport(
        nodes=n,
        edges=graph.number_of_edges(),
        density=nx.density(graph) if n > 1 else 0.0,
        degree_centralization=degree_centralization(graph),
        largest_component=largest_component_size(graph),
        betweenness_exact=exact,
        degree=dict(nx.degree_centrality(graph)) if n > 1 else {node: 0.0 for node in graph},
        betweenness=between,
        eigenvector=eigenvector(graph),
        brokers=brokers(graph, between, groups),
        communities=groups,
    )
