"""JSON lines: every good line read, every broken line one Rejection naming it."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from fuentes.ingest.files import read_path
from fuentes.ingest.limits import ReadOptions
from fuentes.ingest.raw import RawDocument
from fuentes.model import Rejection

OPTS = ReadOptions(per_host_delay=0)


def write_lines(path: Path, lines: list[str | dict]) -> Path:
    text = "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines) + "\n"
    path.write_text(text, encoding="utf-8")
    return path


def test_fields_become_hints(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "a.jsonl",
        [
            {
                "text": "Police arrested two men.",
                "url": "https://example.org/a",
                "outlet": "Example Times",
                "title": "Two arrested",
                "published": "2024-02-01",
                "byline": "Ana Ruiz",
                "language": "en",
                "saved_at": "2024-02-02T00:00:00Z",
                "id": 17,
                "extra": {"ignored": True},
            },
            {"html": "<p>Una página</p>", "title": "Página"},
        ],
    )
    first, second = read_path(path, OPTS)
    assert first == RawDocument(
        source=f"{path}#line 1",
        data="Police arrested two men.",
        format="text",
        hints={
            "url": "https://example.org/a",
            "outlet": "Example Times",
            "title": "Two arrested",
            "published": "2024-02-01",
            "byline": "Ana Ruiz",
            "language": "en",
            "saved_at": "2024-02-02T00:00:00Z",
            "id": "17",
            "published_source": "jsonl published",
        },
    )
    assert second.format == "html" and second.data == "<p>Una página</p>"
    assert second.hints == {"title": "Página"}


def test_broken_lines_are_rejected_one_by_one(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "b.ndjson",
        [
            {"text": "good one"},
            '{"text": "unterminated',
            "",  # blank lines are skipped quietly
            {"title": "no body"},
            {"text": 42},
            {"text": "ok", "title": ["not", "a", "string"]},
            "[1, 2]",
            {"text": "   "},
            {"text": "good two"},
        ],
    )
    items = list(read_path(path, OPTS))
    got = [(i.source.rsplit("#", 1)[1], getattr(i, "reason", None)) for i in items]
    assert got == [
        ("line 1", None),
        ("line 2", "bad JSON: Unterminated string starting at column 10"),
        ("line 4", "needs a 'text' or 'html' field (found: title)"),
        ("line 5", "field 'text' must be a string, got number"),
        ("line 6", "field 'title' must be a string, got array"),
        ("line 7", "expected a JSON object, got array"),
        ("line 8", "field 'text' is empty"),
        ("line 9", None),
    ]


def test_text_wins_over_html_and_saved_at_option(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "c.jsonl", [{"text": "clean", "html": "<p>page</p>"}])
    (doc,) = read_path(path, ReadOptions(saved_at="2024-01-01T00:00:00Z"))
    assert doc.data == "clean" and doc.format == "text"
    assert doc.hints == {"saved_at": "2024-01-01T00:00:00Z"}


def test_non_utf8_line(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_bytes(b'{"text": "caf\xe9"}\n{"text": "fine"}\n')
    first, second = read_path(path, OPTS)
    assert first == Rejection(f"{path}#line 1", "bad JSON: the line is not UTF-8")
    assert isinstance(second, RawDocument)


def test_overlong_line_is_skipped_without_holding_it(tmp_path: Path) -> None:
    path = tmp_path / "e.jsonl"
    big = json.dumps({"text": "x" * 300_000})
    path.write_text("\n".join([json.dumps({"text": "before"}), big, json.dumps({"text": "after"})]) + "\n")
    items = list(read_path(path, ReadOptions(max_bytes=100_000)))
    assert [type(i).__name__ for i in items] == ["RawDocument", "Rejection", "RawDocument"]
    assert items[1].source == f"{path}#line 2"
    assert items[1].reason.startswith("too large: 0.3 MB > limit 0.1 MB")
    assert items[2].data == "after"


def test_gzipped_and_truncated(tmp_path: Path) -> None:
    lines = "".join(json.dumps({"text": f"article number {i} " * 20}) + "\n" for i in range(200))
    good = tmp_path / "f.jsonl.gz"
    good.write_bytes(gzip.compress(lines.encode()))
    assert len(list(read_path(good, OPTS))) == 200

    data = gzip.compress(lines.encode())
    cut = tmp_path / "g.jsonl.gz"
    cut.write_bytes(data[: len(data) * 2 // 3])
    items = list(read_path(cut, OPTS))
    docs = [i for i in items if isinstance(i, RawDocument)]
    assert items[-1].source == str(cut)
    assert items[-1].reason.startswith(f"truncated gzip after line {len(docs)}")
    assert 0 < len(docs) < 200
    assert all(not isinstance(i, Rejection) for i in items[:-1])
    assert docs[-1].data.startswith(f"article number {len(docs) - 1} ")


STORY = ("Customs officers seized four trucks loaded with precursor chemicals at the port on Monday, "
         "the largest haul recorded in the state this year, the regional prosecutor said in a statement.")
HISTORIA = ("Agentes de aduanas aseguraron el lunes cuatro camiones cargados con precursores químicos en el "
            "puerto, el mayor decomiso registrado este año en el estado, informó la fiscalía regional.")


def _ingested(raw: RawDocument) -> dict:
    from fuentes.ingest.job import article_row, ingest_pipeline
    from fuentes.runners import doc_from_raw

    return article_row(ingest_pipeline()(doc_from_raw(raw)))


def test_jsonl_published_kept_to_the_instant(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "times.jsonl", [
        {"text": STORY, "published": "2026-02-23T10:14:07-05:00", "modified": "2026-02-23T12:00:00-05:00",
         "saved_at": "2026-02-24T00:00:00Z"},
        {"text": f"23 de febrero de 2026, 10:14 h\n\n{HISTORIA}", "published": "2026-02-23", "language": "es"},
    ])
    exact, refined = (_ingested(raw) for raw in read_path(path, OPTS))
    assert (exact["published"], exact["published_precision"], exact["published_source"], exact["modified"]) == (
        "2026-02-23T10:14:07-05:00", "second", "jsonl published", "2026-02-23T12:00:00-05:00")
    # the record's day, made precise by the text line of that day
    assert (refined["published"], refined["published_precision"], refined["published_source"]) == (
        "2026-02-23T10:14", "minute", "text '23 de febrero de 2026, 10:14 h'")
