"""Web latency: p50/p95 of the main pages and API calls on a store of 10,000 articles, measured
idle and again while a `fuentes ingest` process writes to the same store.

    python bench/web.py [--articles 10000] [--requests 25] [--keep DIR]

The articles are synthetic (random sentences from a small vocabulary written for this
benchmark); a few hundred entities, derivations and relations are written directly so the
entity, story and network views have something to draw. The server is `fuentes serve` in its
own process; every request goes to 127.0.0.1, a bounded number per endpoint, with a time cap.
Results: bench/results/web.json. The ratio column is loaded p50 / idle p50.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
SUBJECTS = ["Federal police", "The navy", "Prosecutors", "Local officials", "A regional cartel", "Soldiers",
            "The attorney general", "Customs agents", "Residents", "An armed group"]
VERBS = ["arrested", "seized", "reported", "denied", "confirmed", "investigated", "blocked", "attacked"]
OBJECTS = ["three suspects", "a cocaine shipment", "the highway", "a warehouse", "two officers", "the border post",
           "a fuel convoy", "several vehicles", "a clandestine lab", "the port"]
PLACES = ["Reynosa", "Culiacán", "Tumaco", "Manzanillo", "Guayaquil", "Rosario", "Tijuana", "Cúcuta"]
OUTLETS = [f"Outlet {i}" for i in range(40)]


def sentence(rng: random.Random) -> str:
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} in {rng.choice(PLACES)} " \
           f"on day {rng.randint(1, 28)}, case {rng.randint(1, 10**6)}."


def write_articles(path: Path, count: int, seed: int) -> None:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            paragraphs = ["\n".join([sentence(rng) for _ in range(3)]) for _ in range(4)]
            out.write(json.dumps({"text": "\n\n".join(paragraphs), "outlet": rng.choice(OUTLETS),
                                  "title": f"{sentence(rng)[:60]} #{seed}-{i}", "language": "en",
                                  "published": f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"}) + "\n")


def add_analysis(db: str, seed: int) -> None:
    """Entities, derivations and relations written directly (analysis of 10k articles is not the point)."""
    from sqlalchemy import select

    from fuentes.store import open_store
    from fuentes.store.schema import articles, derivations, entities, relations

    rng = random.Random(seed)
    store = open_store(db)
    with store.engine.begin() as conn:
        ids = list(conn.scalars(select(articles.c.id)))
        people = [{"id": f"ent_{i:012d}", "name": f"Person {i}", "kind": rng.choice(["person", "organization"]),
                   "aliases": [f"Person {i}", f"P{i}"], "roles": [], "articles": rng.sample(ids, rng.randint(1, 30)),
                   "merged_from": [], "merge_evidence": []} for i in range(300)]
        conn.execute(entities.insert(), people)
        pairs = {(rng.choice(ids), rng.choice(ids)) for _ in range(600)}
        conn.execute(derivations.insert(), [{"source": a, "target": b, "kind": rng.choice(["syndicated", "rewrite"]),
                                             "score": rng.random(), "evidence": []} for a, b in pairs if a != b])
        conn.execute(relations.insert(), [{"id": f"rel_{i:012d}", "subject": rng.choice(people)["id"],
                                           "predicate": rng.choice(["member_of", "rival_of", "allied_with"]),
                                           "object": rng.choice(people)["id"], "articles": rng.sample(ids, 2),
                                           "independent_sources": rng.randint(1, 3), "allegation": False,
                                           "start": f"20{rng.randint(15, 25)}", "end": None, "evidence": []}
                                          for i in range(400)])
    store.close()


def fuentes(*args: str, **kwargs) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "fuentes.cli", *args], cwd=ROOT, **kwargs)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def endpoints(client: httpx.Client) -> dict[str, str]:
    first = client.get("/api/articles", params={"limit": 1}).json()["articles"][0]["id"]
    story = client.get("/api/stories", params={"limit": 1}).json()["stories"][0]["id"]
    return {"page /": "/", "page /articles": "/articles?page=3", "page article": f"/articles/{first}",
            "page story": f"/stories/{story}", "page entity": "/entities/ent_000000000001",
            "page entities": "/entities", "page search": "/search?q=warehouse+Tumaco", "page network": "/network",
            "api status": "/api/status", "api articles": "/api/articles?limit=50&offset=500",
            "api article": f"/api/articles/{first}", "api stories": "/api/stories", "api search": "/api/search?q=convoy",
            "api entity": "/api/entities/ent_000000000002", "api network": "/api/network"}


def measure(client: httpx.Client, paths: dict[str, str], requests: int, cap: float) -> dict[str, dict]:
    results = {}
    for name, path in paths.items():
        times, errors, started = [], 0, time.monotonic()
        for _ in range(requests):
            if time.monotonic() - started > cap:
                break
            t0 = time.perf_counter()
            response = client.get(path)
            times.append(time.perf_counter() - t0)
            errors += response.status_code != 200
        times.sort()
        results[name] = {"n": len(times), "errors": errors, "p50_ms": 1000 * statistics.median(times),
                         "p95_ms": 1000 * times[min(len(times) - 1, int(0.95 * len(times)))]}
    return results


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=25, help="requests per endpoint and phase")
    parser.add_argument("--cap", type=float, default=20.0, help="seconds per endpoint and phase at most")
    parser.add_argument("--keep", type=Path, help="folder to keep (and reuse) the generated store in")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="fuentes-web-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    db = str(work / "web.db")
    if not Path(db).exists():
        corpus, started = work / "corpus.jsonl", time.monotonic()
        write_articles(corpus, args.articles, seed=1)
        subprocess.run([sys.executable, "-m", "fuentes.cli", "ingest", str(corpus), "--db", db, "--no-progress",
                        "--batch-size", "500"], cwd=ROOT, check=True)
        add_analysis(db, seed=2)
        print(f"built a store of {args.articles} articles in {time.monotonic() - started:.0f} s")
    more = work / "more.jsonl"
    write_articles(more, 12000, seed=int(time.time()))  # new ids every run: the ingest really writes
    port = free_port()
    server = fuentes("serve", "--db", db, "--port", str(port), stderr=subprocess.DEVNULL)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30, trust_env=False) as client:
            for _ in range(200):
                try:
                    client.get("/api/status")
                    break
                except httpx.TransportError:
                    time.sleep(0.1)
            paths = endpoints(client)
            before = client.get("/api/status").json()["articles"]
            idle = measure(client, paths, args.requests, args.cap)
            writer = fuentes("ingest", str(more), "--db", db, "--no-progress", "--batch-size", "100",
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(1.0)  # let the writer get past start-up and into its batches
            loaded = measure(client, paths, args.requests, args.cap)
            still_writing = writer.poll() is None
            writer.wait(timeout=300)
            articles = client.get("/api/status").json()["articles"]
    finally:
        server.terminate()
        server.wait(timeout=10)
    print(f"{'endpoint':<16} {'idle p50':>9} {'idle p95':>9} {'load p50':>9} {'load p95':>9} {'ratio':>6} errors")
    for name in paths:
        a, b = idle[name], loaded[name]
        print(f"{name:<16} {a['p50_ms']:9.1f} {a['p95_ms']:9.1f} {b['p50_ms']:9.1f} {b['p95_ms']:9.1f} "
              f"{b['p50_ms'] / max(a['p50_ms'], 1e-6):6.2f} {a['errors'] + b['errors']}")
    print(f"store of {before} articles; ingest still running at the end of the loaded phase: {still_writing}; "
          f"articles now {articles}")
    out = ROOT / "bench" / "results" / "web.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"articles": before, "requests_per_endpoint": args.requests, "idle": idle,
                               "during_ingest": loaded, "ingest_overlapped_whole_phase": still_writing,
                               "articles_after": articles, "cpus": os.cpu_count()}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
