"""Text fingerprints and a persistent, insert-only MinHash LSH index of articles.

Shingles are bigrams of content words (function words from `data/stopwords.yaml` and words
under three letters left out) hashed to 32 bits with a stable hash (crc32 of each token
combined in numpy), so fingerprints are the same in every process and can be stored.
MinHash signatures use datasketch's legacy permutation scheme (`datasketch.MinHash(
scheme="legacy")` with the same seed gives the same `hashvalues` for the same shingle
hashes), computed for all shingles of a document at once in numpy, and are kept as one
compact uint64 array per article. Candidate pairs come from `datasketch.MinHashLSH`, which
accepts inserts at any time and pickles; a candidate whose signature agreement is below
`MIN_JACCARD` is dropped before any alignment.
"""

from __future__ import annotations

import pickle
import re
import unicodedata
import zlib
from pathlib import Path
from typing import Iterable

from functools import lru_cache
from importlib import resources

import numpy as np
import yaml
from datasketch import LeanMinHash, MinHash, MinHashLSH

from fuentes.errors import InputError

NUM_PERM = 128
SHINGLE = 2
BANDS, ROWS = 64, 2  # S-curve: a pair at Jaccard 0.26 is a candidate with p 0.985, at 0.02 p 0.026
MIN_JACCARD = 0.12  # candidates whose signature estimate is below this are not aligned
SEED = 1
_MERSENNE = np.uint64((1 << 61) - 1)
_MAX_HASH = np.uint64((1 << 32) - 1)
_WORD = re.compile(r"\w+", re.UNICODE)


def tokens(text: str) -> list[str]:
    """Case-folded word tokens (NFKC): what shingles and sentence matching compare."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    raw = yaml.safe_load(resources.files("fuentes.corpus").joinpath("data/stopwords.yaml").read_text("utf-8"))
    return frozenset(w for words in raw.values() for w in words)


def content_tokens(text: str) -> list[str]:
    """Tokens of three letters or more that are not function words: what shingles are made of.

    Re-written articles keep most content words in nearly the same order, so shingles of
    content words survive re-wording far better than shingles of all words, while two
    unrelated texts rarely share a content-word bigram.
    """
    stop = stopwords()
    return [w for w in tokens(text) if len(w) > 2 and w not in stop]


def shingle_hashes(words: list[str], k: int = SHINGLE) -> np.ndarray:
    """Distinct 32-bit hashes of the word k-grams (the whole text when shorter than k)."""
    if not words:
        return np.zeros(0, dtype=np.uint64)
    th = np.fromiter((zlib.crc32(w.encode("utf-8")) for w in words), dtype=np.uint64, count=len(words))
    if len(th) < k:
        k = len(th)
    acc = np.zeros(len(th) - k + 1, dtype=np.uint64)
    for j in range(k):  # polynomial combination; wraps mod 2**64 by design
        acc = acc * np.uint64(1000003) + th[j:len(th) - k + 1 + j]
    return np.unique((acc ^ (acc >> np.uint64(29))) & _MAX_HASH)


class Hasher:
    """MinHash signatures with datasketch's permutations, vectorised over shingles."""

    def __init__(self, num_perm: int = NUM_PERM, seed: int = SEED):
        self.num_perm, self.seed = num_perm, seed
        a, b = MinHash(num_perm=num_perm, seed=seed, scheme="legacy").permutations
        self._a, self._b = a.astype(np.uint64), b.astype(np.uint64)

    def signature(self, hashes: np.ndarray) -> np.ndarray:
        if len(hashes) == 0:
            return np.full(self.num_perm, _MAX_HASH, dtype=np.uint64)
        out = np.full(self.num_perm, _MAX_HASH, dtype=np.uint64)
        for lo in range(0, len(hashes), 2048):  # bounded temporary memory on very long texts
            chunk = hashes[lo:lo + 2048, None]
            phv = ((chunk * self._a + self._b) % _MERSENNE) & _MAX_HASH
            np.minimum(out, phv.min(axis=0), out=out)
        return out

    def minhash(self, signature: np.ndarray) -> LeanMinHash:
        return LeanMinHash(seed=self.seed, hashvalues=signature, scheme="legacy")


class LSHIndex:
    """Article id -> signature, plus a MinHashLSH over them. Insert-only; save/load with pickle."""

    def __init__(self, num_perm: int = NUM_PERM, bands: int = BANDS, rows: int = ROWS,
                 shingle: int = SHINGLE, min_jaccard: float = MIN_JACCARD):
        self.shingle, self.min_jaccard = shingle, min_jaccard
        self.hasher = Hasher(num_perm)
        self.lsh = MinHashLSH(num_perm=num_perm, params=(bands, rows))
        self.signatures: dict[str, np.ndarray] = {}
        self.raw_candidates = 0  # pairs the LSH proposed, before the signature check

    def __len__(self) -> int:
        return len(self.signatures)

    def __contains__(self, key: str) -> bool:
        return key in self.signatures

    def fingerprint(self, text: str) -> np.ndarray:
        return self.hasher.signature(shingle_hashes(content_tokens(text), self.shingle))

    def query(self, signature: np.ndarray) -> list[str]:
        return list(self.lsh.query(self.hasher.minhash(signature)))

    def insert(self, key: str, signature: np.ndarray) -> None:
        if key in self.signatures:
            return
        self.signatures[key] = signature
        self.lsh.insert(key, self.hasher.minhash(signature), check_duplication=False)

    def add_texts(self, items: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
        """Insert (id, text) pairs; return candidate pairs (old, new) and (new, new) they touch."""
        pairs: set[tuple[str, str]] = set()
        for key, text in items:
            if key in self.signatures:
                continue
            sig = self.fingerprint(text)
            found = self.query(sig)
            self.raw_candidates += len(found)
            if found:
                sigs = np.stack([self.signatures[o] for o in found])
                est = (sigs == sig).mean(axis=1)
                for other, j in zip(found, est):
                    if j >= self.min_jaccard:
                        pairs.add((other, key) if other < key else (key, other))
            self.insert(key, sig)
        return pairs

    def jaccard(self, a: str, b: str) -> float:
        return float(np.mean(self.signatures[a] == self.signatures[b]))

    def save(self, path: str | Path) -> None:
        with open(path, "wb") as fh:
            pickle.dump(self, fh, protocol=pickle.HIGHEST_PROTOCOL)

    @staticmethod
    def load(path: str | Path) -> "LSHIndex":
        try:
            with open(path, "rb") as fh:
                index = pickle.load(fh)
        except (OSError, pickle.UnpicklingError, EOFError) as exc:
            raise InputError(str(path), f"cannot read LSH index: {exc}") from exc
        if not isinstance(index, LSHIndex):
            raise InputError(str(path), "file is not a fuentes LSH index")
        return index
