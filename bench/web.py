"""Web latency and response size: every page and API route of the workbench under concurrent
clients, on a store built from real articles.

    python bench/web.py --db STORE [--clients 8] [--rounds 12] [--server-workers 1] [--ingest more.jsonl]

Build the store once with the shipped path: `--build N` writes N articles (real PolNeAR texts
republished, copied and rewritten by the project's generator, bench/gen_derivation_corpus.py)
as JSON lines beside the store and runs `fuentes run` on them; later runs reuse the store.

    python bench/web.py --db /some/where/web-8000.db --build 8000

The server is `fuentes serve` in its own process. Each client (a thread with its own
connection) walks the whole route list in its own shuffled order, `rounds` times, so every
route is measured while the others load the server too. The routes are found from the store:
the first article, the most reported entity (the biggest profile), the biggest story, the
claim, event and relation with the most articles, and the last page of each list. With
`--ingest FILE`, a `fuentes ingest` of FILE writes to the store during the measured phase: the
measuring starts once its first batch is stored, and the summary says how many articles were
stored while measuring (each batch changes the store's data version, so the workbench's
response cache starts again).

Per route: requests, errors, p50/p95/max latency and the largest response; the targets are
p95 under 200 ms for every route and no response over 1 MB.
Results: bench/results/web.json.
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
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
P95_TARGET_MS = 200.0
SIZE_TARGET = 1024 * 1024


def build(db: Path, count: int) -> None:
    """N generated articles (real texts, planted copies and rewrites) through `fuentes run`."""
    sys.path.insert(0, str(ROOT / "bench"))
    from gen_derivation_corpus import build_corpus

    corpus = db.with_suffix(".jsonl")
    with corpus.open("w", encoding="utf-8") as out:
        for a in build_corpus(count, seed=11).articles[:count]:
            out.write(json.dumps({"id": a.id, "text": a.text, "outlet": a.outlet, "title": a.title,
                                  "published": a.published, "language": a.language}) + "\n")
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "fuentes.cli", "run", str(corpus), "--db", str(db), "--no-progress"],
                   cwd=ROOT, check=True)
    print(f"built {db} from {count} articles in {time.monotonic() - started:.0f} s")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _first(client: httpx.Client, path: str, key: str, **params) -> dict | None:
    items = client.get(path, params=params).json().get(key) or []
    return items[0] if items else None


def routes(client: httpx.Client) -> dict[str, str]:
    """name -> path: every page and API route, on the store's biggest records."""
    article = _first(client, "/api/articles", "articles", limit=1)
    entity = _first(client, "/api/entities", "entities", limit=1)
    story = _first(client, "/api/stories", "stories", limit=1)
    claims = client.get("/api/claims", params={"limit": 1}).json()
    claim = (claims.get("claims") or [None])[0]
    event = _first(client, "/api/timeline", "events", limit=1)
    relation = _first(client, "/api/relations", "relations", limit=1)
    last = {name: client.get(path, params={"limit": 50}).json().get("pages", 1)
            for name, path in (("articles", "/api/articles"), ("entities", "/api/entities"),
                               ("claims", "/api/claims"), ("quotes", "/api/quotes"))}
    name = (entity or {}).get("name", "police").split()[-1]
    found = {
        "page /": "/", "page / p2": "/?page=2", "page articles": "/articles",
        "page articles last": f"/articles?page={last['articles']}",
        "page entities": "/entities", "page entities last": f"/entities?page={last['entities']}",
        "page entities person": "/entities?kind=person",
        "page claims": "/claims", "page claims last": f"/claims?page={last['claims']}", "page claims grade": "/claims?grade=2",
        "page quotes": "/quotes", "page quotes last": f"/quotes?page={last['quotes']}",
        "page outlets": "/outlets", "page provenance": "/provenance", "page provenance copies": "/provenance?kind=syndicated",
        "page timeline": "/timeline", "page relations": "/relations", "page network": "/network",
        "page search": "/search?q=president+election", "page search name": f"/search?q={name}",
        "api status": "/api/status", "api articles": "/api/articles?limit=50&offset=500",
        "api entities": "/api/entities", "api claims": "/api/claims", "api quotes": "/api/quotes",
        "api outlets": "/api/outlets", "api provenance": "/api/provenance", "api stories": "/api/stories",
        "api timeline": "/api/timeline", "api relations": "/api/relations", "api network": "/api/network",
        "api network 500": "/api/network?limit=500", "api search": "/api/search?q=senate",
        "api rejections": "/api/rejections", "api limit capped": "/api/entities?limit=1000000000",
    }
    if article:
        found.update({"page article": f"/articles/{article['id']}", "api article": f"/api/articles/{article['id']}",
                      "api quotes of article": f"/api/quotes?article={article['id']}"})
    if entity:
        found.update({"page entity": f"/entities/{entity['id']}", "page entity p3": f"/entities/{entity['id']}?page=3",
                      "api entity": f"/api/entities/{entity['id']}",
                      "page timeline entity": f"/timeline?entity={entity['id']}",
                      "page quotes entity": f"/quotes?entity={entity['id']}",
                      "api timeline name": f"/api/timeline?entity={entity['name']}"})
    if story:
        found.update({"page story": f"/stories/{story['id']}", "api story": f"/api/stories/{story['id']}",
                      "page timeline story": f"/timeline?story={story['id']}"})
    if claim:
        found.update({"page claim": f"/claims/{claim['id']}", "api claim": f"/api/claims/{claim['id']}"})
    if event:
        found.update({"page event": f"/events/{event['id']}", "api event": f"/api/events/{event['id']}"})
    if relation:
        found.update({"page relation": f"/relations/{relation['id']}",
                      "api relation": f"/api/relations/{relation['id']}"})
    return found


def client_loop(base: str, paths: dict[str, str], rounds: int, seed: int, out: list, stop: threading.Event) -> None:
    rng = random.Random(seed)
    with httpx.Client(base_url=base, timeout=120, trust_env=False) as client:
        for _ in range(rounds):
            names = list(paths)
            rng.shuffle(names)
            for name in names:
                if stop.is_set():
                    return
                t0 = time.perf_counter()
                try:
                    response = client.get(paths[name])
                    status, size = response.status_code, len(response.content)
                except httpx.HTTPError:
                    status, size = 0, 0
                out.append((name, time.perf_counter() - t0, status, size))


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def measure(base: str, paths: dict[str, str], clients: int, rounds: int, cap: float) -> tuple[dict, float]:
    results: list = []
    stop = threading.Event()
    threads = [threading.Thread(target=client_loop, args=(base, paths, rounds, i, results, stop)) for i in range(clients)]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=max(0.0, cap - (time.monotonic() - started)))
    stop.set()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started
    per: dict[str, dict] = {}
    for name in paths:
        mine = [r for r in results if r[0] == name]
        if not mine:
            continue
        times = [r[1] * 1000 for r in mine]
        per[name] = {"path": paths[name], "n": len(mine), "errors": sum(r[2] != 200 for r in mine),
                     "statuses": sorted({r[2] for r in mine}),
                     "p50_ms": round(statistics.median(times), 1), "p95_ms": round(percentile(times, 0.95), 1),
                     "max_ms": round(max(times), 1), "max_bytes": max(r[3] for r in mine)}
    return per, elapsed


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process and its children (the server's workers)."""
    total = 0.0
    try:
        pids = [pid] + [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return 0.0
    for one in pids:
        try:
            fields = Path(f"/proc/{one}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, IndexError, ValueError):
            continue
    return total


def sequential(base: str, paths: dict[str, str], repeat: int) -> dict[str, float]:
    """route -> median latency with one client (the service time, without queueing)."""
    out = {}
    with httpx.Client(base_url=base, timeout=120, trust_env=False) as client:
        for name, path in paths.items():
            times = []
            for _ in range(repeat):
                t0 = time.perf_counter()
                client.get(path)
                times.append((time.perf_counter() - t0) * 1000)
            out[name] = round(statistics.median(times), 1)
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True, help="the store (built with `fuentes run`)")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=12, help="passes over the route list per client")
    parser.add_argument("--cap", type=float, default=900.0, help="seconds of measuring at most")
    parser.add_argument("--ingest", type=Path, help="JSON lines to ingest into the store while measuring")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "web.json")
    parser.add_argument("--note", default="", help="what the store is made of (kept in the results)")
    parser.add_argument("--server-workers", type=int, default=1, help="`fuentes serve --workers`")
    parser.add_argument("--cache-mb", type=float, default=64.0,
                        help="`fuentes serve --cache-mb` (the default; 0 measures without the response cache)")
    parser.add_argument("--build", type=int, default=0, help="build the store first from N generated articles")
    args = parser.parse_args()
    if args.build and not Path(args.db).exists():
        build(Path(args.db), args.build)
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "fuentes.cli", "serve", "--db", args.db, "--port", str(port),
                               "--workers", str(args.server_workers), "--cache-mb", str(args.cache_mb)],
                              cwd=ROOT, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    writer = None
    try:
        with httpx.Client(base_url=base, timeout=300, trust_env=False) as client:
            for _ in range(600):
                try:
                    client.get("/api/status")
                    break
                except httpx.TransportError:
                    time.sleep(0.2)
            status = client.get("/api/status").json()
            paths = routes(client)
            for path in paths.values():  # one warm-up pass (caches, page cache of the database)
                client.get(path)
            sizes = {"entities": client.get("/api/entities", params={"limit": 1}).json()["total"],
                     "claims": client.get("/api/claims", params={"limit": 1}).json()["total"],
                     "quotes": client.get("/api/quotes", params={"limit": 1}).json()["total"],
                     "stories": client.get("/api/stories", params={"limit": 1}).json()["total"]}
        if args.ingest:
            writer = subprocess.Popen([sys.executable, "-m", "fuentes.cli", "ingest", str(args.ingest), "--db", args.db,
                                       "--no-progress"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            # measure only once the ingest writes: its first batch committed (the count grew)
            with httpx.Client(base_url=base, timeout=300, trust_env=False) as client:
                for _ in range(1200):
                    if client.get("/api/status").json()["articles"] > status["articles"] or writer.poll() is not None:
                        break
                    time.sleep(0.5)
        single = sequential(base, paths, 5)
        load_before = os.getloadavg()[0]
        cpu_before = cpu_seconds(server.pid)
        with httpx.Client(base_url=base, timeout=300, trust_env=False) as client:
            count_before = client.get("/api/status").json()["articles"]
        per, elapsed = measure(base, paths, args.clients, args.rounds, args.cap)
        with httpx.Client(base_url=base, timeout=300, trust_env=False) as client:
            added_during = client.get("/api/status").json()["articles"] - count_before
        cpu_used = cpu_seconds(server.pid) - cpu_before
        load = {"before": round(load_before, 1), "after": round(os.getloadavg()[0], 1)}  # the machine's other work
        ingest_overlapped = writer is not None and writer.poll() is None
    finally:
        server.terminate()
        server.wait(timeout=20)
        if writer is not None:
            writer.wait(timeout=600)
    for name, row in per.items():
        row["one_client_ms"] = single.get(name)
    print(f"{'route':<24} {'n':>4} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'max KB':>8} {'1-client':>8} errors")
    for name, row in per.items():
        print(f"{name:<24} {row['n']:4d} {row['p50_ms']:8.1f} {row['p95_ms']:8.1f} {row['max_ms']:8.1f} "
              f"{row['max_bytes'] / 1024:8.1f} {row['one_client_ms']:8.1f} {row['errors']}")
    worst_p95 = max(per.items(), key=lambda kv: kv[1]["p95_ms"])
    largest = max(per.items(), key=lambda kv: kv[1]["max_bytes"])
    summary = {"routes": len(per), "requests": sum(r["n"] for r in per.values()),
               "errors": sum(r["errors"] for r in per.values()), "seconds": round(elapsed, 1),
               "articles_stored_while_measuring": added_during,
               "worst_p95_ms": worst_p95[1]["p95_ms"], "worst_p95_route": worst_p95[0],
               "largest_bytes": largest[1]["max_bytes"], "largest_route": largest[0],
               "server_cpu_ms_per_request": round(1000 * cpu_used / max(1, sum(r["n"] for r in per.values())), 1),
               "worst_one_client_ms": max(r["one_client_ms"] or 0 for r in per.values()),
               "p95_under_200ms_every_route": worst_p95[1]["p95_ms"] < P95_TARGET_MS,
               "no_response_over_1MB": largest[1]["max_bytes"] <= SIZE_TARGET}
    print(json.dumps(summary, indent=2))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"store": {"articles": status["articles"], **sizes, "note": args.note},
                                    "clients": args.clients, "rounds": args.rounds, "cpus": os.cpu_count(),
                                    "server_workers": args.server_workers, "cache_mb": args.cache_mb, "load_average": load,
                                    "during_ingest": bool(args.ingest), "ingest_overlapped_whole_phase": ingest_overlapped,
                                    "summary": summary, "routes": per}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
