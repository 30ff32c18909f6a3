"""Clustering one large claim component: clusters found kept apart are not compared again."""

from __future__ import annotations

import random

import fuentes.corpus.claims as claims
from fuentes.corpus.claims import AGREE, Relation, cluster_structure
from fuentes.model import Claim


def _naive_clusters(n: int, edges: dict[tuple[int, int], Relation], blocked) -> list[list[int]]:
    """The greedy clustering checked member by member at every edge (what `cluster_structure` gives)."""
    root, held = list(range(n)), {i: [i] for i in range(n)}
    for _, i, j in sorted(((r.score, i, j) for (i, j), r in edges.items()), key=lambda e: (-e[0], e[1], e[2])):
        ri, rj = root[i], root[j]
        if ri == rj or any(blocked(x, y) for x in held[ri] for y in held[rj]):
            continue
        keep, gone = min(ri, rj), max(ri, rj)
        for x in held[gone]:
            root[x] = keep
        held[keep] = sorted(held[keep] + held.pop(gone))
    return [held[r] for r in sorted(held)]


def test_a_large_component_clusters_as_member_by_member_checks_do_and_checks_each_pair_once(monkeypatch):
    rng = random.Random(5)
    n = 120  # above ALL_PAIRS: the known relations are the candidate pairs
    parts = [Claim(id=f"clm_{k}", text=f"Police seized {k} kilos" if k % 2 else f"La policía incautó {k} kilos",
                   article=f"art_{k}", predicate="seize") for k in range(n)]
    known = {(i, j): Relation(AGREE, round(rng.random(), 3)) for i in range(n) for j in range(i + 1, n)
             if rng.random() < 0.3}
    apart = {(i, j) for i in range(n) for j in range(i + 1, n) if rng.random() < 0.02}
    asked: list[tuple[str, str]] = []

    def cannot_link(a: Claim, b: Claim) -> bool:
        asked.append((a.id, b.id))
        x, y = sorted((int(a.id[4:]), int(b.id[4:])))
        return (x, y) in apart

    monkeypatch.setattr(claims, "cannot_link", cannot_link)
    clusters, conflicts, _contra = cluster_structure(parts, [["x"]] * n, known)
    assert clusters == _naive_clusters(n, known, lambda x, y: (min(x, y), max(x, y)) in apart)
    assert len({p for p in map(tuple, map(sorted, asked))}) == len(asked)  # each pair asked once
    assert 1 < len(clusters) < n and not conflicts
