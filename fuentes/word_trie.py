"""A regex alternation of many words shaped as a prefix trie: one test of the next character per
branch, not one per word, so matching costs grow with the text, not with the number of words."""

from __future__ import annotations

import re
from typing import Iterable


def trie_regex(words: Iterable[str]) -> str:
    """A regex matching the longest of `words` that starts where it is tried: the words as a tree
    of their characters; a word that ends where a longer one goes on is an optional rest, tried
    longer first."""
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return build(tree)
