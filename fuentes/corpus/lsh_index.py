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

Publication window (optional, `window_days`): copies and rewrites of news appear within hours
to days of their original, so on a large crawl two articles are candidates only when their
days (`window_day`: the publication date, else the day the page was saved) are at most
`window_days` apart. An article with neither date is compared with every article, as without
a window. `fuentes.spark.corpus.candidate_pairs` applies the same rule as a join.
"""

from __future__ import annotations

import pickle
import re
import unicodedata
import zlib
from datetime import date
from pathlib import Path
from typing import Iterable, Sequence

from functools import lru_cache
from importlib import resources

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from fuentes.errors import InputError
from fuentes.nlp.data_files import load_yaml

NUM_PERM = 128
SHINGLE = 2
BANDS, ROWS = 64, 2  # S-curve: a pair at Jaccard 0.26 is a candidate with p 0.985, at 0.02 p 0.026
MIN_JACCARD = 0.12  # candidates whose signature estimate is below this are not aligned
SEED = 1
_MERSENNE = np.uint64((1 << 61) - 1)
_MAX_HASH = np.uint64((1 << 32) - 1)
_WORD = re.compile(r"\w+", re.UNICODE)
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _day_number(value: str | None) -> int | None:
    """Proleptic ordinal of an ISO date's day ("2025-03-01", "2025-03-01T10:00Z"); None if not a full date."""
    if not value or not _DAY.match(value):
        return None
    try:
        return date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


def window_day(published: str | None, saved_at: str | None = None) -> int | None:
    """The day an article is placed on for the candidate window, or None (compared with everything).

    The publication date as written (the outlet's calendar day) when it names a full day; a
    partial date ("2025-03") says too little. Else the day the page was saved or fetched (a
    crawl's WARC-Date, a feed's fetch time): a page is never saved before it is published, and a
    news crawl fetches pages within hours to a day or two of publication. The ingest time is
    not used: it says when fuentes read a file, not when the article was out.
    """
    day = _day_number(published)
    return day if day is not None else _day_number(saved_at)


def tokens(text: str) -> list[str]:
    """Case-folded word tokens (NFKC): what shingles and sentence matching compare."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    raw = load_yaml(resources.files("fuentes.corpus").joinpath("data/stopwords.yaml").read_text("utf-8"))
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
                 shingle: int = SHINGLE, min_jaccard: float = MIN_JACCARD, window_days: int | None = None):
        if window_days is not None and window_days < 0:
            raise ValueError(f"window_days must be 0 or more, not {window_days}")
        self.shingle, self.min_jaccard, self.window_days = shingle, min_jaccard, window_days
        self.hasher = Hasher(num_perm)
        self.lsh = MinHashLSH(num_perm=num_perm, params=(bands, rows))
        self.signatures: dict[str, np.ndarray] = {}
        self.days: dict[str, int] = {}  # window day of the articles that have one
        self.raw_candidates = 0  # pairs the LSH proposed, before the signature check
        self.outside_window = 0  # pairs that passed the signature check but are too far apart in time

    def __setstate__(self, state: dict) -> None:  # an index pickled before windows existed has none
        self.__dict__.update({"window_days": None, "days": {}, "outside_window": 0, **state})

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

    def add_texts(self, items: Iterable[Sequence]) -> set[tuple[str, str]]:
        """Insert (id, text) or (id, text, window day) items; return the candidate pairs (old, new)
        and (new, new) they touch. Without a day (or without a window) an article meets every other."""
        pairs: set[tuple[str, str]] = set()
        for item in items:
            key, text = item[0], item[1]
            if key in self.signatures:
                continue
            day = item[2] if len(item) > 2 else None
            sig = self.fingerprint(text)
            found = self.query(sig)
            self.raw_candidates += len(found)
            if found:
                sigs = np.stack([self.signatures[o] for o in found])
                est = (sigs == sig).mean(axis=1)
                for i in np.flatnonzero(est >= self.min_jaccard):  # most proposals fail: skip them in numpy
                    other = found[i]
                    if not self.within_window(day, self.days.get(other)):
                        self.outside_window += 1
                        continue
                    pairs.add((other, key) if other < key else (key, other))
            if day is not None:
                self.days[key] = day
            self.insert(key, sig)
        return pairs

    def within_window(self, day: int | None, other: int | None) -> bool:
        """Whether two window days may be compared: no window, a missing day, or at most W days apart."""
        return self.window_days is None or day is None or other is None or abs(day - other) <= self.window_days

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
