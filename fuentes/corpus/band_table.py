"""The candidate table of an LSH index, kept compact between runs.

An LSH index looks up, for each band of a new item's signature, the items already filed under
that band, then files the new item there. Kept as a dict of lists, a table of half a million
bands costs seconds to pickle and to load at every run of `fuentes analyse`; kept as two sorted
arrays (a 64-bit code of each band key, the item numbers beside it) it loads as fast as the
bytes can be read. The items a run files go to a small dict and join the arrays when the table
is saved. Two band keys with one code (a chance of about one in 2^64 per pair) only add a
candidate, which the index then compares: what a pair is never depends on how it was found.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

import numpy as np


def band_code(key: bytes) -> int:
    """A band key's 64-bit code, the same in every process (unlike `hash`)."""
    return int.from_bytes(hashlib.blake2b(key, digest_size=8).digest(), "little")


class BandTable:
    """Band key -> the numbers of the items filed under it (insert-only; pickles compactly)."""

    def __init__(self) -> None:
        self._codes = np.empty(0, dtype=np.uint64)  # sorted
        self._items = np.empty(0, dtype=np.int64)  # the item of each code, in filing order within a code
        self._recent: dict[int, list[int]] = {}  # filed since the arrays were made

    def members(self, keys: Iterable[bytes]) -> set[int]:
        """Every item filed under any of `keys`."""
        codes = [band_code(key) for key in keys]
        found: set[int] = set()
        if len(self._codes) and codes:
            wanted = np.array(codes, dtype=np.uint64)
            starts = np.searchsorted(self._codes, wanted, side="left").tolist()
            ends = np.searchsorted(self._codes, wanted, side="right").tolist()
            for start, end in zip(starts, ends):
                if end > start:
                    found.update(self._items[start:end].tolist())
        for code in codes:
            found.update(self._recent.get(code, ()))
        return found

    def add(self, keys: Iterable[bytes], item: int) -> None:
        """File `item` under each of `keys`."""
        for key in keys:
            self._recent.setdefault(band_code(key), []).append(item)

    def __len__(self) -> int:
        """How many (band, item) entries the table holds."""
        return len(self._codes) + sum(len(items) for items in self._recent.values())

    def _freeze(self) -> None:
        if not self._recent:
            return
        codes = np.fromiter((code for code, items in self._recent.items() for _ in items), dtype=np.uint64)
        items = np.fromiter((item for found in self._recent.values() for item in found), dtype=np.int64)
        codes, items = np.concatenate([self._codes, codes]), np.concatenate([self._items, items])
        order = np.argsort(codes, kind="stable")  # items keep their filing order within a code
        self._codes, self._items, self._recent = codes[order], items[order], {}

    def __getstate__(self) -> dict:
        self._freeze()
        return {"codes": self._codes, "items": self._items}

    def __setstate__(self, state: dict) -> None:
        self._codes, self._items, self._recent = state["codes"], state["items"], {}
