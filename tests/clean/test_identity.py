"""Stage `identify`: word counts in spaced and unspaced scripts (the fast path for text without
unspaced letters counts as the per-letter rule does)."""

from __future__ import annotations

import pytest

from fuentes.clean.identity import CHARS_PER_WORD_UNSPACED, _unspaced, word_count


def per_letter(text: str) -> int:
    """The rule spelled out letter by letter."""
    unspaced = sum(1 for ch in text if _unspaced(ch))
    spaced = sum(1 for token in text.split() if not all(_unspaced(ch) or not ch.isalpha() for ch in token))
    return spaced + unspaced // CHARS_PER_WORD_UNSPACED


@pytest.mark.parametrize("text", [
    "The mayor said 12 people -- not 20 -- were hurt in 2019 .",
    "El alcalde dijo que 12 personas – no 20 – resultaron heridas en 2019 .",
    "42 1,000 % -- ... « » 3.5",  # no word at all
    "Reuters 北京市政府周一宣布 new rules; ภาษาไทย and ខ្មែរ text",
    "東京都 2020年 オリンピック",
    "\U00020000\U00020001 ok",
])
def test_word_count_agrees_with_the_per_letter_rule(text):
    assert word_count(text) == per_letter(text)


def test_unspaced_ranges_include_their_ends():
    assert _unspaced("\u3040") and _unspaced("\U0002FA1F") and not _unspaced("\u2FFF") and not _unspaced("a")


def test_word_count_up_to_enough():
    from fuentes.clean.identity import word_count
    text = "El fiscal dijo que la banda -- 12 hombres -- fue detenida en Quito. The mayor said so."
    assert word_count(text) == 15  # "--" and "12" are no words
    assert word_count(text, enough=5) == 5
    assert word_count("Solo tres palabras ...", enough=5) == 3 == word_count("Solo tres palabras ...")
    assert word_count("東京で会議が開かれた", enough=5) == word_count("東京で会議が開かれた")  # no spaces: counted whole
