"""Exports: JSON lines (the contract in docs/export.md), graphs, FollowTheMoney."""
