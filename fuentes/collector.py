"""The cyclic garbage collector paused over work that makes millions of small objects and no
cycles: resolving entities, matching quotes, (un)pickling a saved index. With the collector on,
each full collection such work triggers walks every object of the process (the whole store's
inputs already loaded among them), so the work costs several times its own, and more the bigger
the store."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector paused, and given back as it was."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()
