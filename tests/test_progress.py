"""Source names and reasons reach the terminal with their control characters escaped: a WARC URI
or a file name cannot retitle or clear the terminal, or forge a line of output."""

from __future__ import annotations

import io
import json
from pathlib import Path

from rich.console import Console
from typer.testing import CliRunner

from fuentes.cli import app
from fuentes.ingest.job import ingest_items
from fuentes.ingest.limits import ReadOptions
from fuentes.ingest.sources import iter_inputs
from fuentes.model import Rejection
from fuentes.progress import IngestProgress, printable, rejection_line

HOSTILE_URI = "https://evil.example/\x1b]0;pwned\x07\x1b[2J"


def test_printable_escapes_control_characters_and_keeps_the_rest() -> None:
    assert printable("a\x1b]0;t\x07b\x1b[2J") == "a\\x1b]0;t\\x07b\\x1b[2J"
    assert printable("one\ntwo\rthree\tfour\x00\x7f\x9b") == "one\\ntwo\\rthree\\tfour\\x00\\x7f\\x9b"
    assert printable("left\u202eright\u2028") == "left\\u202eright\\u2028"
    assert printable("Señor Zárate/notícias.html") == "Señor Zárate/notícias.html"
    assert rejection_line(Rejection("a\nrejected forged.txt", "bad\x1b[31m")) == \
        "a\\nrejected forged.txt: bad\\x1b[31m"


def _warc_with_uri(uri: str) -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body></body></html>"
    head = ("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: " + uri + "\r\nWARC-Date: 2024-03-05T10:00:00Z\r\n"
            "Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n" % len(http))
    return head.encode("latin-1") + http + b"\r\n\r\n"


def _hostile_inputs(tmp_path: Path) -> list[str]:
    warc = tmp_path / "crawl.warc"
    warc.write_bytes(_warc_with_uri(HOSTILE_URI))
    forged = tmp_path / "x.txt\nrejected forged.txt: all is well"
    forged.write_bytes(b"")
    return [str(warc), str(forged)]


def _no_raw_controls(text: str) -> None:
    assert "\x1b" not in text and "\x07" not in text
    assert not any(line.startswith("rejected forged.txt") for line in text.splitlines())
    assert not any(line.startswith("forged.txt") for line in text.splitlines())


def test_rejection_lines_of_a_run_are_escaped(store, store_url, tmp_path: Path) -> None:
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, width=80)
    with IngestProgress(None, enabled=False, console=console) as bar:
        summary = ingest_items(iter_inputs(_hostile_inputs(tmp_path), ReadOptions(per_host_delay=0)), store,
                               on_result=bar)
    assert summary.rejected == 2
    printed = buffer.getvalue()
    _no_raw_controls(printed)
    lines = printed.splitlines()
    assert len(lines) == 2 and all(line.startswith("rejected ") for line in lines)
    assert "\\x1b]0;pwned\\x07\\x1b[2J" in lines[0]
    assert "x.txt\\nrejected forged.txt: all is well: empty file" in lines[1]

    result = CliRunner().invoke(app, ["rejections", "--db", store_url])
    assert result.exit_code == 0, result.output
    _no_raw_controls(result.output)
    listed = result.output.splitlines()
    assert len(listed) == 2
    assert any("\\x1b]0;pwned\\x07\\x1b[2J" in line for line in listed)


def test_nul_in_a_source_name_is_stored_escaped(store, store_url, tmp_path: Path) -> None:
    warc = tmp_path / "nul.warc"
    warc.write_bytes(_warc_with_uri("https://evil.example/\x00x"))
    summary = ingest_items(iter_inputs([str(warc)], ReadOptions(per_host_delay=0)), store)
    assert summary.rejected == 1
    result = CliRunner().invoke(app, ["rejections", "--db", store_url])
    assert "https://evil.example/\\x00x" in result.output


def test_rejected_json_line_with_escape_in_keys(tmp_path: Path) -> None:
    path = tmp_path / "keys.jsonl"
    path.write_text(json.dumps({"\x1b[2Jtitle": "x"}) + "\n", encoding="utf-8")
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, width=80)
    (rejection,) = iter_inputs([str(path)], ReadOptions(per_host_delay=0))
    IngestProgress(None, enabled=False, console=console)(0, rejection)
    assert "\x1b" not in buffer.getvalue()
    assert "found: \\x1b[2Jtitle" in buffer.getvalue()
