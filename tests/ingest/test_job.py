"""The ingest job end to end through the CLI: counts, exit status, idempotence, crash recovery."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from fuentes.store import open_store
from fuentes.store.articles import count_articles
from fuentes.store.schema import article_sources

WORDS = ("police army cartel mayor governor road city state border drugs arms money port "
         "judge trial prison witness village market night morning officers suspects vehicle "
         "operation report minister security federal local group leader rival attack").split()


def fake_article(rng: random.Random, number: int) -> dict:
    """A team-made article: random but readable sentences, unique by its number."""
    sentences = []
    for _ in range(rng.randint(6, 12)):
        words = [rng.choice(WORDS) for _ in range(rng.randint(8, 16))]
        sentences.append(" ".join(words).capitalize() + ".")
    body = f"Report number {number} from the regional desk. " + " ".join(sentences)
    return {"text": body, "outlet": f"Outlet {number % 7}", "title": f"Story {number}",
            "published": f"2026-03-{number % 28 + 1:02d}", "language": "en"}


def write_jsonl(path: Path, count: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as handle:
        for number in range(count):
            handle.write(json.dumps(fake_article(rng, number)) + "\n")


def fuentes(*args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "fuentes.cli", *args], capture_output=True,
                          text=True, timeout=timeout)


def test_mixed_batch_reports_each_bad_input_and_stores_the_rest(tmp_path, store_url):
    good = tmp_path / "inputs"
    good.mkdir()
    (good / "note.txt").write_text("Police in the port city arrested two suspects on Monday after a "
                                   "long night operation, the state prosecutor said in a statement.\n",
                                   encoding="utf-8")
    (good / "empty.txt").write_bytes(b"")
    (good / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    write_jsonl(good / "feed.jsonl", 3)
    with (good / "feed.jsonl").open("a") as handle:
        handle.write("{not json\n")
    result = fuentes("ingest", str(good), "--db", store_url, "--workers", "1")
    assert result.returncode == 1, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("rejected ")]
    assert len(lines) == 3, result.stderr
    assert any("empty.txt" in line and "empty" in line for line in lines)
    assert any("image.png" in line and "binary" in line for line in lines)
    assert any("feed.jsonl#line 4" in line for line in lines)
    assert "stored 4, duplicates 0, rejected 3" in result.stderr
    again = fuentes("ingest", str(good / "note.txt"), str(good / "feed.jsonl"), "--db", store_url)
    assert "stored 0, duplicates 4, rejected 1" in again.stderr


def test_all_good_inputs_exit_zero_and_export_the_contract(tmp_path, store_url):
    write_jsonl(tmp_path / "a.jsonl", 5)
    assert fuentes("ingest", str(tmp_path / "a.jsonl"), "--db", store_url).returncode == 0
    exported = fuentes("export", "--db", store_url, "--format", "jsonl")
    records = [json.loads(line) for line in exported.stdout.splitlines()]
    assert len(records) == 5
    for record in records:
        assert record["type"] == "article"
        assert set(record) >= {"id", "source", "outlet", "title", "byline", "published", "language",
                               "text", "kind", "origin"}
        assert record["language"] == "en" and record["published"].startswith("2026-03")


@pytest.mark.slow
def test_sigkill_halfway_then_rerun_stores_every_article_exactly_once(tmp_path, store_url):
    total = 5000
    data = tmp_path / "big.jsonl"
    write_jsonl(data, total)
    store = open_store(store_url)
    command = [sys.executable, "-m", "fuentes.cli", "ingest", str(data), "--db", store_url,
               "--batch-size", "100", "--workers", "2"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               start_new_session=True)
    deadline = time.monotonic() + 600
    stored = 0
    while time.monotonic() < deadline and process.poll() is None:
        stored = count_articles(store)
        if stored >= total // 2:
            break
        time.sleep(0.2)
    assert process.poll() is None, "the ingest finished before it could be killed; raise the total"
    os.killpg(process.pid, signal.SIGKILL)  # the whole group: the CLI and its workers
    process.wait()
    killed_at = count_articles(store)
    assert 0 < killed_at < total
    rerun = fuentes("ingest", str(data), "--db", store_url, "--batch-size", "100", "--workers", "2")
    assert rerun.returncode == 0, rerun.stderr
    assert count_articles(store) == total
    with store.engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(article_sources)) == total
    assert f"stored {total - killed_at}, duplicates {killed_at}, rejected 0" in rerun.stderr
    store.close()


def test_html_scripts_and_handlers_never_reach_the_body(tmp_path, store_url):
    page = tmp_path / "hostile.html"
    page.write_text(
        "<html><head><title>Port raid</title><script>alert('head')</script></head><body>"
        "<nav>Home | World</nav><article><h1>Port raid</h1>"
        "<p onclick=\"steal()\">Marines searched three warehouses at the port on Tuesday and seized "
        "two tons of cocaine hidden in banana crates, the navy said in a statement.</p>"
        "<script>document.write('injected body text')</script>"
        "<p>Four people were detained and will appear before a federal judge later this week, "
        "according to the state prosecutor's office.</p><a href=\"javascript:evil()\">more</a>"
        "</article></body></html>", encoding="utf-8")
    assert fuentes("ingest", str(page), "--db", store_url).returncode == 0
    exported = [json.loads(line) for line in fuentes("export", "--db", store_url).stdout.splitlines()]
    body = exported[0]["text"]
    assert "Marines searched three warehouses" in body and "federal judge" in body
    for payload in ("alert(", "document.write", "injected body text", "steal()", "javascript:"):
        assert payload not in body


def _stored(stderr: str) -> tuple[int, int]:
    counts = stderr.rsplit("stored ", 1)[1]
    return int(counts.split(",")[0]), int(counts.split("duplicates ")[1].split(",")[0])


def test_concurrent_saves_of_the_same_articles_count_each_article_stored_once(store, store_url):
    """Two writers racing on the same ids: `stored` is what the INSERT inserted (RETURNING), so
    the writer whose insert lost to ON CONFLICT DO NOTHING counts duplicates, never stored."""
    import threading

    from fuentes.store.articles import save_batch

    total, batch = 3000, 50
    rows = [{"id": f"art_{n:05d}", "source": f"race/{n}.txt", "text": f"Body number {n} of the race.",
             "kind": "unknown"} for n in range(total)]
    stores = [open_store(store_url), open_store(store_url)]
    barrier = threading.Barrier(2)
    counts = [[0, 0], [0, 0]]
    errors: list[BaseException] = []

    def writer(number: int) -> None:
        try:
            for start in range(0, total, batch):
                barrier.wait(timeout=60)  # both select, then both insert, the same ids
                result = save_batch(stores[number], rows[start:start + batch])
                counts[number][0] += result.stored
                counts[number][1] += result.duplicates
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)
            barrier.abort()

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for opened in stores:
        opened.close()
    assert not errors, errors
    assert counts[0][0] + counts[1][0] == total == count_articles(store)
    assert counts[0][1] + counts[1][1] == total


def test_two_concurrent_ingests_of_overlapping_inputs_report_each_article_stored_once(tmp_path, store_url):
    write_jsonl(tmp_path / "all.jsonl", 600)
    lines = (tmp_path / "all.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    (tmp_path / "first.jsonl").write_text("".join(lines[:400]), encoding="utf-8")
    (tmp_path / "second.jsonl").write_text("".join(lines[200:]), encoding="utf-8")
    runs = [subprocess.Popen([sys.executable, "-m", "fuentes.cli", "ingest", str(tmp_path / name), "--db", store_url,
                              "--batch-size", "20", "--workers", "1"], stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, text=True) for name in ("first.jsonl", "second.jsonl")]
    errors = [run.communicate(timeout=600)[1] for run in runs]
    assert [run.returncode for run in runs] == [0, 0], errors
    counts = [_stored(err) for err in errors]
    assert sum(stored for stored, _ in counts) == 600, errors
    assert sum(duplicates for _, duplicates in counts) == 200, errors
    store = open_store(store_url)
    assert count_articles(store) == 600
    store.close()


def test_articles_in_other_languages_are_kept_with_their_language_and_counted(tmp_path, store_url):
    texts = {  # team-written
        "zh": "警方周二在边境地区逮捕了三名涉嫌走私毒品的男子。当局表示，此次行动是在数月的调查之后进行的，行动中没有人员伤亡。",
        "ms": ("Polis menahan tiga lelaki yang disyaki terlibat dalam sindiket penyeludupan dadah di sempadan "
               "utara negara pada hari Selasa. Menurut kenyataan polis, operasi itu dijalankan selepas siasatan."),
        "es": ("La policía estatal detuvo el martes a tres hombres acusados de transportar droga por la carretera "
               "federal, informó la fiscalía en un comunicado."),
    }
    folder = tmp_path / "in"
    folder.mkdir()
    for code, text in texts.items():
        (folder / f"{code}.txt").write_text(text, encoding="utf-8")
    done = fuentes("ingest", str(folder), "--db", store_url)
    assert done.returncode == 0, done.stderr  # nothing rejected: Chinese is not "page furniture"
    assert "2 article(s) in languages that are not analysed (ms 1, zh 1; supported: en, es)" in done.stderr
    exported = fuentes("export", "--db", store_url, "--format", "jsonl")
    languages = sorted(json.loads(line)["language"] for line in exported.stdout.splitlines())
    assert languages == ["es", "ms", "zh"]
