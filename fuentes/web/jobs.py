"""Adding articles from the web: an uploaded file or a URL, ingested in a background thread.

Uploads never touch the file system: the bytes are handed to the readers in memory, and the
file name the browser sent is only a label (`upload:<name>`), never a path. Each job reports
its progress (inputs seen, stored, duplicates, rejected, bytes read) for the page to poll.
"""

from __future__ import annotations

import io
import re
import threading
import time
import uuid
from dataclasses import asdict, dataclass, field
from typing import Any, Callable, Iterator

from fuentes.ingest.decode import looks_like_html
from fuentes.ingest.jsonl import iter_jsonl
from fuentes.ingest.raw import RawDocument
from fuentes.ingest.sources import ReadOptions, iter_inputs
from fuentes.model import Rejection
from fuentes.store import Store

UPLOAD_KINDS = {".html": "html", ".htm": "html", ".xhtml": "html", ".txt": "text", ".md": "text",
                ".text": "text", ".jsonl": "jsonl", ".ndjson": "jsonl"}
_UNSAFE = re.compile(r"[^\w.\- ]+", re.UNICODE)


def upload_label(filename: str | None) -> str:
    """A display name for an uploaded file: its last path part, harmless characters only."""
    base = re.split(r"[\\/]", filename or "")[-1]
    return (_UNSAFE.sub("_", base).strip(" .") or "upload")[:120]


def upload_items(filename: str | None, data: bytes, options: ReadOptions) -> Iterator[RawDocument | Rejection]:
    """The RawDocuments an uploaded file holds, read from memory."""
    name = upload_label(filename)
    source = f"upload:{name}"
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    kind = UPLOAD_KINDS.get(suffix)
    if kind is None and suffix:
        yield Rejection(source, f"unsupported file type {suffix!r}; upload .html, .txt, .md or .jsonl")
        return
    if kind == "jsonl":
        yield from iter_jsonl(io.BytesIO(data), source, options)
        return
    if kind is None:
        kind = "html" if looks_like_html(data[:8192]) else "text"
    yield RawDocument(source=source, data=data, format=kind)


@dataclass
class Job:
    id: str
    label: str
    state: str = "queued"  # queued, running, done, failed
    total_bytes: int | None = None
    read_bytes: int = 0
    seen: int = 0
    stored: int = 0
    duplicates: int = 0
    rejected: int = 0
    articles: list[str] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    started: float = field(default_factory=time.time)
    finished: float | None = None

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        if self.state in ("done", "failed"):
            data["progress"] = 1.0
        else:  # the readers report decoded sizes, so the fraction is an estimate until the end
            data["progress"] = min(0.99, self.read_bytes / self.total_bytes) if self.total_bytes else None
        return data


class JobBoard:
    """Ingest jobs of one server, run one at a time (the store has one writer)."""

    def __init__(self, store: Store, keep: int = 50) -> None:
        self.store = store
        self.keep = keep
        self.jobs: dict[str, Job] = {}
        self.writer = threading.Lock()  # held by ingest jobs and by entity decisions

    def start(self, label: str, items: Callable[[], Iterator], total_bytes: int | None = None) -> Job:
        job = Job(id=uuid.uuid4().hex[:16], label=label, total_bytes=total_bytes)
        self.jobs[job.id] = job
        while len(self.jobs) > self.keep:
            self.jobs.pop(next(iter(self.jobs)))
        threading.Thread(target=self._run, args=(job, items), daemon=True, name=f"ingest-{job.id}").start()
        return job

    def _run(self, job: Job, items: Callable[[], Iterator]) -> None:
        from fuentes.ingest.job import IngestSummary, ingest_items

        def on_result(size: int, result: Any) -> None:
            job.seen += 1
            job.read_bytes += size or 0
            if isinstance(result, Rejection):
                job.messages.append(f"{result.source}: {result.reason}")
            elif len(job.articles) < 200:
                job.articles.append(result["id"])

        with self.writer:
            job.state = "running"
            summary = IngestSummary()  # filled batch by batch: a failed job still counts what it stored
            try:
                ingest_items(items(), self.store, workers=1, batch_size=50, on_result=on_result, summary=summary)
                state = "done"
            except Exception as error:  # the job reports it; the server keeps serving
                job.messages.append(f"ingest failed: {error}")
                state = "failed"
            job.stored, job.duplicates, job.rejected = summary.stored, summary.duplicates, summary.rejected
            job.state = state
            job.finished = time.time()


def url_items(url: str, options: ReadOptions) -> Iterator[RawDocument | Rejection]:
    return iter_inputs([url], options)
