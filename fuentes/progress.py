"""Progress display for long runs: articles done, rate, and ETA from bytes of input consumed."""

from __future__ import annotations

import re
import sys
import time
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn

from fuentes.model import Rejection

# Characters a terminal acts on rather than shows: C0 and C1 controls (ESC starts colour, title
# and clear-screen sequences; a newline would start a forged line), DEL, the Unicode line and
# paragraph separators, and the bidirectional overrides that reorder what is shown.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: object) -> str:
    """`text` safe to print on one terminal line: control characters shown as \\x1b, \\n...

    Every source name and reason printed to a terminal (the rejection lines of a run, `fuentes
    rejections`) goes through this, so a file name or a WARC-Target-URI cannot move the cursor,
    retitle or clear the terminal, or forge a line of output.
    """
    return _UNSAFE.sub(_escape, str(text))


def rejection_line(rejection: Rejection) -> str:
    """`SOURCE: REASON` of a rejection, printable (see `printable`)."""
    return f"{printable(rejection.source)}: {printable(rejection.reason)}"


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
            self.console.print(f"rejected {rejection_line(result)}", markup=False,
                               highlight=False, soft_wrap=True)
        elapsed = max(time.monotonic() - self.started, 1e-6)
        self._progress.update(self._task, advance=size, done=self.done, rate=self.done / elapsed)
