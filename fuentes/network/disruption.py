"""What removing people does to a network: removal curves, key-player sets, successors, recovery.

The "Hydra" question analysts ask of a leader's arrest: does the network fall apart, who
takes over, and does it come back tighter? Measures follow the literature the team validates
against: largest-component share after sequential removal (Cavallaro et al. 2020),
Borgatti's key-player fragmentation (2006), and the recovery rule of Duijn, Kashirin and
Sloot (2014): the removed actor's contacts re-link to one successor.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Iterable

import networkx as nx

from fuentes.errors import InputError
from fuentes.network.metrics import betweenness, eigenvector, global_efficiency, largest_component_size

STRATEGIES = ("betweenness", "degree", "eigenvector", "random")
RECOVERY_RULES = ("none", "random", "degree", "distance")


def _scores(graph: nx.Graph, strategy: str, weighted: bool) -> dict:
    if strategy == "betweenness":
        if weighted:  # weight read as distance, as networkx does; kept for comparison only
            return nx.betweenness_centrality(graph, weight="weight")
        return betweenness(graph)[0]
    if strategy == "degree":
        return dict(graph.degree(weight="weight" if weighted else None))
    if strategy == "eigenvector":
        return eigenvector(graph)
    raise InputError(strategy, f"unknown removal strategy; use one of {STRATEGIES}")


def _pick(scores: dict) -> object:
    """Highest score; among equal scores the node added to the graph last (stable, documented)."""
    best, best_value = None, None
    for node, value in scores.items():
        if best_value is None or value >= best_value:
            best, best_value = node, value
    return best


def removal_order(graph: nx.Graph, strategy: str = "betweenness", *, count: int | None = None,
                  sequential: bool = True, weighted: bool = False, seed: int = 0) -> list:
    """The nodes a strategy removes, in order.

    ``sequential`` recomputes the centrality after every removal (the attacker re-reads the
    network); otherwise the ranking of the intact graph is used throughout.
    """
    count = graph.number_of_nodes() if count is None else min(count, graph.number_of_nodes())
    if strategy == "random":
        nodes = list(graph)
        random.Random(seed).shuffle(nodes)
        return nodes[:count]
    work = graph.copy()
    if not sequential:
        scores = _scores(work, strategy, weighted)
        ranked = sorted(scores, key=lambda node: -scores[node])  # stable: earlier node first
        return ranked[:count]
    order = []
    while len(order) < count and work.number_of_nodes():
        node = _pick(_scores(work, strategy, weighted))
        order.append(node)
        work.remove_node(node)
    return order


def removal_curve(graph: nx.Graph, order: Iterable) -> list[float]:
    """Largest-component size after 0, 1, 2... removals, as a share of the intact one."""
    work = graph.copy()
    initial = largest_component_size(work) or 1
    curve = [1.0]
    for node in order:
        work.remove_node(node)
        curve.append(largest_component_size(work) / initial)
    return curve


def share_to_halve(graph: nx.Graph, strategy: str = "betweenness", *, sequential: bool = True,
                   trials: int = 1, seed: int = 0) -> float:
    """Share of nodes removed before the largest component is at most half its intact size.

    For ``random`` the mean over ``trials`` shuffles.
    """
    n = graph.number_of_nodes()
    results = []
    for trial in range(trials if strategy == "random" else 1):
        order = removal_order(graph, strategy, sequential=sequential, seed=seed + trial)
        curve = removal_curve(graph, order)
        removed = next(i for i, share in enumerate(curve) if share <= 0.5)
        results.append(removed / n)
    return sum(results) / len(results)


def fragmentation(graph: nx.Graph) -> float:
    """Borgatti's F: share of node pairs that cannot reach each other (0 connected, 1 all isolated)."""
    n = graph.number_of_nodes()
    if n < 2:
        return 1.0 if n else 0.0
    reach = sum(len(c) * (len(c) - 1) for c in nx.connected_components(graph))
    return 1.0 - reach / (n * (n - 1))


def key_players(graph: nx.Graph, k: int, *, pool: int = 200) -> tuple[list, float]:
    """Borgatti's KPP-Neg: a set of ``k`` nodes whose removal maximises fragmentation F.

    Greedy build then swaps until no swap improves F. Candidates are the ``pool`` nodes of
    highest degree, which keeps big graphs tractable (on small graphs it is everyone).
    """
    if k <= 0 or k >= graph.number_of_nodes():
        raise InputError(str(k), f"key-player set size must be between 1 and {graph.number_of_nodes() - 1}")
    candidates = [n for n, _ in sorted(graph.degree(), key=lambda nd: -nd[1])[:pool]]

    def score(chosen: list) -> float:
        rest = graph.subgraph(n for n in graph if n not in set(chosen))
        return fragmentation(rest)

    chosen: list = []
    for _ in range(k):
        best = max((c for c in candidates if c not in chosen), key=lambda c: score(chosen + [c]))
        chosen.append(best)
    current = score(chosen)
    improved = True
    while improved:
        improved = False
        for i in range(k):
            for c in candidates:
                if c in chosen:
                    continue
                trial = chosen[:i] + [c] + chosen[i + 1 :]
                value = score(trial)
                if value > current + 1e-12:
                    chosen, current, improved = trial, value, True
    return chosen, current


def likely_successors(graph: nx.Graph, removed: object, *, k: int = 5, role: str = "role") -> list[dict]:
    """Who is placed to take over ``removed``'s position, best first.

    Scored on the intact graph: the share of the removed actor's contacts a candidate already
    knows (overlap), the strength of the tie to the removed actor, a shared role, and degree.
    """
    contacts = set(graph[removed])
    if not contacts:
        return []
    top_weight = max(float(graph.edges[removed, c].get("weight", 1.0)) for c in contacts) or 1.0
    removed_role = graph.nodes[removed].get(role)
    rows = []
    for cand in contacts | {n for c in contacts for n in graph[c]}:
        if cand == removed:
            continue
        others = contacts - {cand}
        overlap = len(others & set(graph[cand])) / len(others) if others else 0.0
        tie = float(graph.edges[removed, cand].get("weight", 1.0)) / top_weight if cand in contacts else 0.0
        same_role = 1.0 if removed_role is not None and graph.nodes[cand].get(role) == removed_role else 0.0
        score = 0.5 * overlap + 0.3 * tie + 0.2 * same_role
        rows.append({"node": cand, "score": round(score, 4), "overlap": round(overlap, 4),
                     "tie": round(tie, 4), "same_role": bool(same_role), "degree": graph.degree(cand)})
    rows.sort(key=lambda r: (-r["score"], -r["degree"], str(r["node"])))
    return rows[:k]


def _successor(graph: nx.Graph, removed: object, rule: str, role: str, rng: random.Random,
               exclude: set = frozenset()) -> object | None:
    """Successor under one Duijn et al. recovery rule, chosen among same-role actors when roles exist."""
    removed_role = graph.nodes[removed].get(role)
    pool = [n for n in graph if n != removed and n not in exclude
            and (removed_role is None or graph.nodes[n].get(role) == removed_role)]
    if not pool:
        return None
    if rule == "random":
        return rng.choice(sorted(pool, key=str))
    if rule == "degree":
        return max(sorted(pool, key=str), key=lambda n: graph.degree(n))
    dist = nx.single_source_shortest_path_length(graph, removed)
    reachable = [n for n in pool if n in dist]
    if not reachable:
        return max(sorted(pool, key=str), key=lambda n: graph.degree(n))
    return min(sorted(reachable, key=str), key=lambda n: (dist[n], -graph.degree(n)))


@dataclass(slots=True)
class WhatIf:
    """Before/after figures of one removal scenario."""

    removed: list
    recovery: str
    before: dict
    after: dict
    successors: dict = field(default_factory=dict)  # removed node -> ranked candidates
    relinked: list = field(default_factory=list)  # (contact, successor) ties added by recovery


def _state(graph: nx.Graph, reference_lcc: int) -> dict:
    lcc = largest_component_size(graph)
    return {
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "components": nx.number_connected_components(graph) if graph.number_of_nodes() else 0,
        "largest_component": lcc,
        "largest_component_share": lcc / reference_lcc if reference_lcc else 0.0,
        "fragmentation": fragmentation(graph),
        "efficiency": global_efficiency(graph),
    }


def what_if(graph: nx.Graph, remove: Iterable, *, recovery: str = "none", role: str = "role",
            successors: int = 5, seed: int = 0) -> WhatIf:
    """Remove a node or set and report the network before and after.

    ``recovery`` (Duijn, Kashirin & Sloot 2014): ``none``; or each removed actor's contacts
    re-link to one successor picked at ``random``, by highest ``degree``, or at the shortest
    ``distance`` from the removed actor, among actors of the same role when roles are known.
    """
    remove = list(dict.fromkeys(remove))
    missing = [n for n in remove if n not in graph]
    if missing:
        raise InputError(", ".join(map(str, missing)), "not in the network: cannot remove")
    if recovery not in RECOVERY_RULES:
        raise InputError(recovery, f"unknown recovery rule; use one of {RECOVERY_RULES}")
    reference = largest_component_size(graph)
    report = WhatIf(removed=remove, recovery=recovery, before=_state(graph, reference), after={})
    work = graph.copy()
    rng = random.Random(seed)
    for node in remove:
        report.successors[node] = likely_successors(graph, node, k=successors, role=role)
    for node in remove:  # one at a time: a later successor may inherit an earlier one's contacts
        contacts = list(work[node])
        pending = set(remove) - {node}  # still to be removed: cannot inherit
        heir = _successor(work, node, recovery, role, rng, pending) if recovery != "none" else None
        work.remove_node(node)
        if heir is None:
            continue
        for contact in contacts:
            if contact != heir and contact in work and not work.has_edge(contact, heir):
                work.add_edge(contact, heir, weight=1.0, recovered=True)
                report.relinked.append((contact, heir))
    report.after = _state(work, reference)
    return report
