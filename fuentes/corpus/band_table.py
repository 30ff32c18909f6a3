"""The candidate table of an LSH index, kept compact between runs.

An LSH index looks up, for each band of a new item's signature, the items already filed under
that band, then files the new item there. Kept as a dict of lists, a table of half a million
bands costs seconds to pickle and to load at every run of `fuentes analyse`; kept as two sorted
arrays (a 64-bit code of each band key, the item numbers beside it) it loads as fast as the
bytes can be read. The items a run files go to a small dict and join the arrays when the table
is saved, or sooner when the dict grows past `RECENT_MAX` entries and an eighth of the arrays: a
table built from scratch holds about 16 bytes per entry, not the 170 of a dict of lists of ints
(the arrays, one sorted run, take in the new entries a logarithmic number of times). Either way
the items of a key come back in filing order. Two band keys with one code (a chance of about one
in 2^64 per pair) only add a candidate, which the index then compares: what a pair is never
depends on how it was found.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

import numpy as np

_LAST_CODE = np.uint64(2**64 - 1)
RECENT_MAX = 65_536  # entries filed since the arrays were made, at least, before they join the arrays


def band_code(key: bytes | tuple) -> int:
    """A table key's 64-bit code, the same in every process (unlike `hash`): a band's bytes, or a
    tuple of strings and numbers written so that keys a dict takes for one (1 and 1.0) are one."""
    data = key if isinstance(key, bytes) else _written(key).encode("utf-8")
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little")


def _written(value: object) -> str:
    if isinstance(value, tuple):
        return "(" + ",".join(_written(v) for v in value) + ")"
    if isinstance(value, bool) or (isinstance(value, float) and value.is_integer()):
        return str(int(value))
    return repr(value)


class BandTable:
    """Table key -> the numbers of the items filed under it (pickles compactly)."""

    def __init__(self) -> None:
        self._codes = np.empty(0, dtype=np.uint64)  # sorted
        self._items = np.empty(0, dtype=np.int64)  # the item of each code, in filing order within a code
        self._recent: dict[int, list[int]] = {}  # filed since the arrays were made
        self._pending = 0  # entries in `_recent`

    def members(self, keys: Iterable[bytes | tuple]) -> set[int]:
        """Every item filed under any of `keys`."""
        found: set[int] = set()
        for items in self._each(keys):
            found.update(items)
        return found

    def counts(self, keys: Iterable[bytes | tuple]) -> dict[int, int]:
        """Each item filed under some of `keys` -> under how many of them."""
        found: dict[int, int] = {}
        for items in self._each(keys):
            for item in items:
                found[item] = found.get(item, 0) + 1
        return found

    def _each(self, keys: Iterable[bytes | tuple]) -> Iterable[list[int]]:
        codes = [band_code(key) for key in keys]
        if len(self._codes) and codes:
            wanted = np.array(codes, dtype=np.uint64)
            order = np.argsort(wanted)
            up = wanted[order]
            # where each code starts and where the next code up would start, in one search, the
            # codes in ascending order (each search starts where the last one ended: on a table of
            # millions of entries, a third less time than in the order of the keys)
            bounds = np.searchsorted(self._codes, np.column_stack([up, up + np.uint64(1)]).ravel())
            starts, ends = np.empty(len(codes), dtype=np.intp), np.empty(len(codes), dtype=np.intp)
            starts[order], ends[order] = bounds[0::2], bounds[1::2]
            ends[wanted == _LAST_CODE] = len(self._codes)  # (its next code wrapped to 0)
            starts, ends = starts.tolist(), ends.tolist()
        else:
            starts = ends = [0] * len(codes)
        for code, start, end in zip(codes, starts, ends):
            items = self._items[start:end].tolist() if end > start else []
            items.extend(self._recent.get(code, ()))
            if items:
                yield items

    def add(self, keys: Iterable[bytes | tuple], item: int) -> None:
        """File `item` under each of `keys` (once under a key given twice)."""
        for code in dict.fromkeys(band_code(key) for key in keys):
            self._recent.setdefault(code, []).append(item)
            self._pending += 1
        if self._pending > max(RECENT_MAX, len(self._codes) // 8):
            self._freeze()

    def forget(self, items: set[int]) -> None:
        """Take `items` out of every key."""
        if not items:
            return
        if len(self._items):
            kept = ~np.isin(self._items, np.fromiter(items, dtype=np.int64, count=len(items)))
            self._codes, self._items = self._codes[kept], self._items[kept]
        for code in list(self._recent):
            found = [item for item in self._recent[code] if item not in items]
            if found:
                self._recent[code] = found
            else:
                del self._recent[code]
        self._pending = sum(len(found) for found in self._recent.values())

    def __len__(self) -> int:
        """How many (band, item) entries the table holds."""
        return len(self._codes) + sum(len(items) for items in self._recent.values())

    def _freeze(self) -> None:
        if not self._recent:
            return
        codes = np.fromiter((code for code, items in self._recent.items() for _ in items), dtype=np.uint64)
        items = np.fromiter((item for found in self._recent.values() for item in found), dtype=np.int64)
        order = np.argsort(codes, kind="stable")  # items keep their filing order within a code
        self._codes, self._items = _merged(self._codes, self._items, codes[order], items[order])
        self._recent, self._pending = {}, 0

    def __getstate__(self) -> dict:
        self._freeze()
        return {"codes": self._codes, "items": self._items}

    def __setstate__(self, state: dict) -> None:
        self._codes, self._items, self._recent, self._pending = state["codes"], state["items"], {}, 0


def _merged(codes: np.ndarray, items: np.ndarray, new_codes: np.ndarray, new_items: np.ndarray
            ) -> tuple[np.ndarray, np.ndarray]:
    """Two sorted runs of (code, item) as one sorted run, the entries of `new_codes` after those of
    `codes` with the same code: what a stable sort of the two runs one after the other gives, in
    time linear in the arrays (the arrays are merged at every freeze; sorting them again each
    time cost a logarithm more per entry, and a table grows by freezes)."""
    size = len(codes) + len(new_codes)
    at = np.searchsorted(codes, new_codes, side="right") + np.arange(len(new_codes))
    old = np.ones(size, dtype=bool)
    old[at] = False
    merged_codes, merged_items = np.empty(size, dtype=np.uint64), np.empty(size, dtype=np.int64)
    merged_codes[at], merged_items[at] = new_codes, new_items
    merged_codes[old], merged_items[old] = codes, items
    return merged_codes, merged_items
