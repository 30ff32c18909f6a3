"""Passage alignment, pair classification and the LSH fingerprints."""

from __future__ import annotations

import numpy as np
from datasketch import MinHash

from fuentes.corpus.derivation import relate, split_sentences
from fuentes.corpus.lsh_index import Hasher, LSHIndex, content_tokens, shingle_hashes
from tests.corpus.fixtures_provenance import INDEPENDENT, ORIGINAL, REWRITE, UNRELATED, text


def test_split_sentences_marks_quotes():
    s = split_sentences(text(ORIGINAL))
    assert len(s.norm) == len(ORIGINAL)
    assert s.quoted.sum() == 2 and len(s.quotes) == 2


def test_trimmed_copy_with_furniture_is_syndicated_and_copy_side_found():
    original = split_sentences(text(ORIGINAL))
    copy = split_sentences("Share this article\n\n" + text(ORIGINAL[:8]) + "\n\nSubscribe to our newsletter")
    rel = relate(original, copy)
    assert rel.kind == "syndicated"
    assert rel.copy_side == "b"  # the trimmed side is the copy
    assert rel.score > 0.9


def test_rewrite_is_not_syndicated():
    rel = relate(split_sentences(text(ORIGINAL)), split_sentences(text(REWRITE)))
    assert rel.kind == "rewrite", rel.evidence


def test_independent_coverage_sharing_one_quote_is_not_linked():
    rel = relate(split_sentences(text(ORIGINAL)), split_sentences(text(INDEPENDENT)))
    assert rel.kind == "independent", rel.evidence
    assert relate(split_sentences(text(ORIGINAL)), split_sentences(text(UNRELATED))).kind == "independent"


def test_signature_matches_datasketch():
    hashes = shingle_hashes(content_tokens(text(ORIGINAL)))
    ours = Hasher(64).signature(hashes)
    ref = MinHash(num_perm=64, seed=1, hashfunc=lambda x: x, scheme="legacy")
    ref.update_batch(hashes.tolist())
    assert np.array_equal(ours, ref.hashvalues)


def test_lsh_finds_copies_and_rewrites_not_unrelated(tmp_path):
    index = LSHIndex()
    pairs = index.add_texts([("o", text(ORIGINAL)), ("r", text(REWRITE)), ("u", text(UNRELATED))])
    assert ("o", "r") in pairs
    assert not any("u" in p for p in pairs)
    path = tmp_path / "lsh.pkl"
    index.save(path)
    again = LSHIndex.load(path)
    assert len(again) == 3
    new = again.add_texts([("c", text(ORIGINAL[:9]))])  # inserts after a reload still pair up
    assert ("c", "o") in new and not any("u" in p for p in new)
    assert again.add_texts([("c", "already indexed")]) == set()


def test_load_rejects_other_files(tmp_path):
    import pytest

    from fuentes.errors import InputError

    bad = tmp_path / "bad.pkl"
    bad.write_bytes(b"not a pickle")
    with pytest.raises(InputError, match="bad.pkl"):
        LSHIndex.load(bad)
