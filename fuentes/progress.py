"""Progress display for long runs: articles done, rate, and ETA from bytes of input consumed."""

from __future__ import annotations

import sys
import time
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn

from fuentes.model import Rejection


class IngestProgress:
    """Counts results as they come; renders a live bar on a terminal (or when forced)."""

    def __init__(self, total_bytes: int | None, enabled: bool | None = None, console: Console | None = None):
        self.console = console or Console(stderr=True)
        if enabled is None:
            enabled = sys.stderr.isatty()
        self.enabled = enabled
        self.done = 0
        self.started = time.monotonic()
        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.fields[done]} articles"),
            BarColumn(),
            TextColumn("{task.percentage:>3.0f}%"),
            TextColumn("{task.fields[rate]:.1f}/s"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=self.console, transient=True, disable=not enabled,
        )
        self._task = self._progress.add_task("ingest", total=total_bytes or None, done=0, rate=0.0)

    def __enter__(self) -> "IngestProgress":
        self._progress.__enter__()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._progress.__exit__(*exc)

    def __call__(self, size: int, result: Any) -> None:
        self.done += 1
        if isinstance(result, Rejection):
            # One line per rejected input, naming it and what is wrong.
            self.console.print(f"rejected {result.source}: {result.reason}", markup=False,
                               highlight=False, soft_wrap=True)
        elapsed = max(time.monotonic() - self.started, 1e-6)
        self._progress.update(self._task, advance=size, done=self.done, rate=self.done / elapsed)
