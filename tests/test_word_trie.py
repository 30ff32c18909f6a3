"""The prefix-trie regex of many words (`fuentes.word_trie`)."""

from __future__ import annotations

import re

from fuentes.word_trie import trie_regex


def test_trie_regex_finds_the_longest_word_where_it_is_tried():
    pattern = re.compile("(?=(" + trie_regex(["más", "más de ", "mas", "ver", "ver más", "x.y"]) + "))")
    assert pattern.findall("ver más de 3, ver mas x.y") == ["ver más", "más de ", "ver", "mas", "x.y"]
    assert pattern.findall("nada aquí") == []
