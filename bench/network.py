"""Network analysis benchmark: published figures reproduced, and cost on a 100k-node graph.

    python bench/network.py            # writes bench/results/network.json
    FUENTES_BENCH_NODES=20000 python bench/network.py   # smaller synthetic graph

Validation rows read ../shared/data at run time and are skipped (with a message) when absent.
Big-graph betweenness and efficiency are estimates from sampled sources (said in the output).
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from pathlib import Path

import networkx as nx

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from fuentes.network import datasets, disruption, metrics, population  # noqa: E402


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(label: str, timings: dict, fn, *args, **kwargs):
    start = time.perf_counter()
    value = fn(*args, **kwargs)
    timings[label] = {"seconds": round(time.perf_counter() - start, 3), "peak_rss_mb": round(peak_mb())}
    return value


def validation() -> list[dict]:
    rows = []
    if datasets.available("montagna-sicilian-mafia"):
        for kind, published in (("meetings", 0.424), ("phonecalls", 0.247)):
            graph = datasets.load_montagna(kind)
            for sequential in (True, False):
                curve = disruption.removal_curve(graph, disruption.removal_order(graph, count=5, sequential=sequential))
                rows.append({"check": f"Montagna {kind}: LCC share after top-5 betweenness removed "
                             f"({'sequential' if sequential else 'one ranking'}, unweighted)",
                             "published": published if sequential else None, "measured": round(curve[5], 4)})
    else:
        print("skip Montagna: ../shared/data/montagna-sicilian-mafia absent")
    if datasets.available("ucinet-covert-networks-via-mcmacdonald"):
        graph = datasets.load_caviar()
        for label, strategy, kwargs, published in (
            ("betweenness, sequential", "betweenness", {"sequential": True}, 0.036),
            ("betweenness, one ranking", "betweenness", {"sequential": False}, None),
            ("random, mean of 200", "random", {"trials": 200}, 0.37),
        ):
            share = disruption.share_to_halve(graph, strategy, **kwargs)
            rows.append({"check": f"CAVIAR (110): share of nodes removed to halve LCC, {label}",
                         "published": published, "measured": round(share, 4)})
    else:
        print("skip CAVIAR aggregate: ../shared/data/ucinet-covert-networks-via-mcmacdonald absent")
    if datasets.available("caviar-phases"):
        values = [metrics.degree_centralization(datasets.load_caviar_phase(p)) for p in range(1, 12)]
        rows.append({"check": "CAVIAR degree centralisation, phases 1-3 mean", "published": 0.79,
                     "measured": round(sum(values[:3]) / 3, 3)})
        rows.append({"check": "CAVIAR degree centralisation, phases 9-11 mean", "published": 0.26,
                     "measured": round(sum(values[-3:]) / 3, 3)})
        rows.append({"check": "CAVIAR degree centralisation by phase", "published": None,
                     "measured": [round(v, 3) for v in values]})
    else:
        print("skip CAVIAR phases: ../shared/data/caviar-phases absent")
    if datasets.available("prieto-curiel-recruitment"):
        net = population.from_cartels(datasets.load_cartels())
        result = population.projections(net)
        cal = result["calibration"]
        rows.append({"check": "Cartel members in 2022", "published": "160k-185k", "measured": cal["members_2022"]})
        rows.append({"check": "Recruits a week, mean 2012-2022", "published": "350-370",
                     "measured": cal["mean_weekly_recruits_2012_2022"]})
        rows.append({"check": "Recruits a week in 2022 (rho x members)", "published": None,
                     "measured": cal["weekly_recruits_2022"]})
        for name in ("status_quo", "recruitment_halved", "incapacitation_doubled", "no_recruitment"):
            rows.append({"check": f"Scenario {name}: members / weekly deaths change after 5 years (%)",
                         "published": "+26 / +40" if name == "status_quo" else None,
                         "measured": f"{result[name]['members_change_pct']:+} / {result[name]['deaths_change_pct']:+}"})
        base = population.simulate(net, weeks=520)
        split_net, start = population.split_group(net, base.members[-1], "CJNG", factions=2,
                                                  internal_rivalry=5, alliances="split")
        split = population.simulate(split_net, weeks=260, start=start)
        status = population.simulate(net, weeks=260, start=base.members[-1])
        rows.append({"check": "Scenario CJNG split in 2 rival factions (rivalry 5, alliances split): "
                     "weekly deaths vs status quo at split / after 5 y (%)", "published": None,
                     "measured": f"{100 * (split.deaths()[0] / status.deaths()[0] - 1):+.1f} / "
                                 f"{100 * (split.deaths()[-1] / status.deaths()[-1] - 1):+.1f}"})
    else:
        print("skip population model: ../shared/data/prieto-curiel-recruitment absent")
    return rows


def big_graph(nodes: int) -> dict:
    """Metrics and a removal what-if on a scale-free graph with ~10 edges per node."""
    import igraph as ig

    timings: dict = {}
    edges = timed("generate (igraph Barabasi)", timings, lambda: ig.Graph.Barabasi(nodes, 10, directed=False,
                                                                                     start_from=None).get_edgelist())
    graph = timed("build networkx graph", timings, lambda: nx.Graph(edges))
    sizes = {"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges()}
    timed("degree centrality", timings, nx.degree_centrality, graph)
    between, exact = timed("betweenness (256 sampled sources, igraph)", timings, metrics.betweenness, graph)
    timed("eigenvector (igraph)", timings, metrics.eigenvector, graph)
    timed("communities (igraph multilevel)", timings, metrics.communities, graph)
    top = sorted(between, key=between.get, reverse=True)[:5]
    what = timed("what-if: remove top-5, degree recovery", timings, disruption.what_if, graph, top, recovery="degree")
    # Baseline in the same process: exact networkx betweenness on a 1,000-node graph of the same kind.
    small = nx.Graph(ig.Graph.Barabasi(1000, 10).get_edgelist())
    start = time.perf_counter()
    nx.betweenness_centrality(small)
    nx_seconds = time.perf_counter() - start
    start = time.perf_counter()
    metrics.betweenness(small, exact=False)
    sampled_seconds = time.perf_counter() - start
    return {**sizes, "betweenness_exact": exact, "timings": timings,
            "what_if_after": {k: round(v, 4) if isinstance(v, float) else v for k, v in what.after.items()},
            "baseline_1000_nodes": {"networkx_exact_betweenness_s": round(nx_seconds, 3),
                                    "fuentes_sampled_betweenness_s": round(sampled_seconds, 3),
                                    "speedup": round(nx_seconds / sampled_seconds, 1)}}


def main() -> None:
    rows = validation()
    print(f"{'check':<100} {'published':>12} {'measured':>14}")
    for row in rows:
        print(f"{row['check']:<100} {str(row['published']):>12} {str(row['measured']):>14}")
    nodes = int(os.environ.get("FUENTES_BENCH_NODES", "100000"))
    big = big_graph(nodes)
    print(f"\nsynthetic graph: {big['nodes']} nodes, {big['edges']} edges (betweenness exact: {big['betweenness_exact']})")
    for label, t in big["timings"].items():
        print(f"  {label:<45} {t['seconds']:>8.2f} s   peak RSS {t['peak_rss_mb']:>6} MB")
    print(f"  baseline (1,000 nodes): {big['baseline_1000_nodes']}")
    out = REPO / "bench" / "results" / "network.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"validation": rows, "big_graph": big}, indent=1, default=str))
    print(f"\nwrote {out}")


if __name__ == "__main__":
    main()
