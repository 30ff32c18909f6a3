"""The network as the workbench draws it: the graph `fuentes network` analyses, cut to its top
nodes and laid out on the server.

`network_view(graph, limit=...)` keeps the `limit` nodes of highest degree (distinct
neighbours; ties broken by the articles naming the entity, then by name), every tie among them,
and positions in [0, 1]^2 from `fuentes.network.layout`. The graph is the one
`fuentes.network.store_graph.store_graph` builds for the CLI, so the page and
`fuentes network metrics` count the same nodes and ties; relation ends that are not entities
(a position held, "alcalde de Puerto Almendra") are nodes in both.

One edge per tie (pair of nodes), as the CLI counts them; it carries the relations behind it
(best supported first, each with its id, type and dates) so the page can filter by relation
type and time and open a relation's evidence.
"""

from __future__ import annotations

from typing import Any, Hashable, Iterable

import networkx as nx

from fuentes.network.graph import CO_MENTION
from fuentes.network.layout import layout

EDGE_CAP = 2000  # ties drawn at most (the best supported)
RELATIONS_PER_EDGE = 20  # relations listed per tie (its weight and count say how many there are)
ARTICLES_PER_EDGE = 5


def ranked_nodes(graph: nx.Graph, kind: str | None = None) -> list[Hashable]:
    """Nodes by degree, then the articles naming them, then name (of `kind` only, if given)."""
    nodes = [n for n, data in graph.nodes(data=True) if kind is None or data.get("kind") == kind]
    return sorted(nodes, key=lambda n: (-graph.degree(n), -(graph.nodes[n].get("articles") or 0),
                                        str(graph.nodes[n].get("name") or n).lower(), str(n)))


def top_nodes(graph: nx.Graph, limit: int, kind: str | None = None,
              focus: Iterable[Hashable] = ()) -> list[Hashable]:
    """The `limit` best-ranked nodes (`ranked_nodes`), plus the `focus` nodes."""
    chosen = ranked_nodes(graph, kind)[:max(limit, 0)]
    return chosen + [n for n in focus if n in graph and n not in chosen]


def _relation(tie: Any) -> dict[str, Any]:
    return {"id": tie.id, "predicate": tie.predicate, "subject": tie.subject, "object": tie.object,
            "start": tie.start, "end": tie.end, "allegation": tie.allegation,
            "weight": tie.independent_sources}


def _edge(u: Hashable, v: Hashable, data: dict[str, Any]) -> dict[str, Any]:
    ties = sorted(data.get("relations", []), key=lambda t: (-(t.independent_sources or 0), str(t.id or "")))
    best = ties[0] if ties else None
    source, target = (best.subject, best.object) if best is not None else (u, v)
    starts = sorted(t.start for t in ties if t.start)
    ends = sorted(t.end for t in ties if t.end)
    articles = list(dict.fromkeys(a for t in ties for a in t.articles))
    return {"source": str(source), "target": str(target), "weight": data.get("weight", 1) or 1,
            "predicate": best.predicate if best is not None else "related",
            "predicates": list(data.get("predicates", [])),
            "id": best.id if best is not None and best.predicate != CO_MENTION else None,
            "start": starts[0] if starts else None, "end": ends[-1] if ends else None,
            "allegation": bool(ties) and all(t.allegation for t in ties),
            "relations": [_relation(t) for t in ties[:RELATIONS_PER_EDGE]], "relation_count": len(ties),
            "articles": articles[:ARTICLES_PER_EDGE]}


def network_view(graph: nx.Graph, limit: int = 100, kind: str | None = None,
                 focus: Iterable[Hashable] = (), aspect: float = 1.8) -> dict[str, Any]:
    """What the network page draws: nodes (id, name, kind, role, articles, degree in the whole
    graph, x and y in [0, 1]), edges (one per tie, see `_edge`), the relation types, how many
    nodes and ties the whole graph has (`total_nodes`, `total_edges`: what
    `fuentes network metrics` reports) and how many are shown."""
    order = top_nodes(graph, limit, kind, focus)
    sub = graph.subgraph(order)
    ties = sorted(sub.edges(data=True), key=lambda e: (-(e[2].get("weight") or 0), str(e[0]), str(e[1])))
    kept = ties[:EDGE_CAP]
    if len(kept) < len(ties):  # lay out what is drawn
        sub = nx.Graph(sub.subgraph(sub.nodes))
        sub.remove_edges_from([(u, v) for u, v, _ in ties[EDGE_CAP:]])
    positions = layout(sub, aspect=aspect)
    nodes = [{"id": str(n), "name": sub.nodes[n].get("name") or str(n), "kind": sub.nodes[n].get("kind"),
              "role": sub.nodes[n].get("role"), "articles": sub.nodes[n].get("articles") or 0,
              "degree": graph.degree(n), "x": positions[n][0], "y": positions[n][1]} for n in order]
    edges = [_edge(u, v, data) for u, v, data in kept]
    return {"nodes": nodes, "edges": edges,
            "predicates": sorted({p for e in edges for p in e["predicates"]}),
            "total_nodes": graph.number_of_nodes(), "total_edges": graph.number_of_edges(),
            "shown_nodes": len(nodes), "shown_edges": len(edges), "limit": limit}
