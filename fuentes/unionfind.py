"""Disjoint sets over 0..n-1 (union-find), used wherever items are grouped by pairwise links.

The smaller index becomes the root, so groups come out in a stable order. When a union is
given a reason, it is recorded in `why` (the evidence of each merge is kept, never lost).
"""

from __future__ import annotations


class UnionFind:
    def __init__(self, n: int):
        self.parent = list(range(n))
        self.why: list[tuple[int, int, str]] = []

    def add(self) -> int:
        """A new set of its own; its index."""
        self.parent.append(len(self.parent))
        return len(self.parent) - 1

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]  # path halving
            i = self.parent[i]
        return i

    def union(self, a: int, b: int, reason: str | None = None) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)
            if reason is not None:
                self.why.append((a, b, reason))
