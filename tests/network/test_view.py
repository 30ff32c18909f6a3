"""The workbench's network is the CLI's: the same graph (`store_graph`), cut to its top nodes
and laid out on the server."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from fuentes.model import Entity, Relation
from fuentes.network.store_graph import store_graph
from fuentes.network.view import network_view
from fuentes.store.analysis import save_corpus_entities, save_relations


def _fill(store) -> None:
    """Three people and a group; relations between entities, and two to a position held, which is
    text, not an entity (the examples' "alcalde de Puerto Almendra")."""
    people = [Entity(id=f"ent_p{i}", name=name, kind=kind, articles=[f"art_{j}" for j in range(i + 1)])
              for i, (name, kind) in enumerate([("Verónica Ledesma", "person"), ("Mark Delgado", "person"),
                                                ("Cártel de los Cuatro Vientos", "organization"),
                                                ("Nadie", "person")])]
    save_corpus_entities(store, people, {})
    save_relations(store, [
        Relation(id="rel_1", subject="ent_p0", predicate="works_for", object="ent_p2", articles=["art_0"],
                 independent_sources=2),
        Relation(id="rel_2", subject="ent_p1", predicate="holds_position", object="alcalde de Puerto Almendra",
                 articles=["art_1"], independent_sources=1, start="2024"),
        Relation(id="rel_3", subject="ent_p0", predicate="holds_position", object="secretaria de Seguridad",
                 articles=["art_0"], independent_sources=1),
        Relation(id="rel_4", subject="ent_p2", predicate="rival_of", object="ent_p0", articles=["art_2"],
                 independent_sources=1, allegation=True),
    ])


def test_view_counts_what_the_graph_holds_and_lays_it_out(store):
    _fill(store)
    graph = store_graph(store)
    view = network_view(graph, limit=100)
    assert (view["total_nodes"], view["total_edges"]) == (graph.number_of_nodes(), graph.number_of_edges()) == (6, 3)
    assert len(view["nodes"]) == 6 and len(view["edges"]) == 3
    assert {"alcalde de Puerto Almendra", "secretaria de Seguridad"} <= {n["id"] for n in view["nodes"]}
    assert all(0 <= n["x"] <= 1 and 0 <= n["y"] <= 1 for n in view["nodes"])
    assert view["nodes"][0]["id"] == "ent_p0" and view["nodes"][0]["degree"] == 2  # most ties first
    pair = next(e for e in view["edges"] if {e["source"], e["target"]} == {"ent_p0", "ent_p2"})
    assert pair["weight"] == 3 and sorted(pair["predicates"]) == ["rival_of", "works_for"]
    assert pair["id"] == "rel_1" and [r["id"] for r in pair["relations"]] == ["rel_1", "rel_4"]
    assert view["predicates"] == ["holds_position", "rival_of", "works_for"]
    top = network_view(graph, limit=2)
    assert [n["id"] for n in top["nodes"]] == ["ent_p0", "ent_p2"] and len(top["edges"]) == 1
    assert top["total_nodes"] == 6
    assert [n["id"] for n in network_view(graph, limit=10, kind="organization")["nodes"]] == ["ent_p2"]


def test_the_page_and_the_cli_count_the_same_graph(store):
    """Regression: the web drew only relations between entities ("67 nodes, 2 edges" on the
    examples) while `fuentes network metrics` also counts relations to positions held (69/4)."""
    if store.dialect != "sqlite":
        pytest.skip("the CLI reads the SQLite file")
    from fastapi.testclient import TestClient

    from fuentes.web import create_app

    _fill(store)
    with TestClient(create_app(store)) as client:
        net = client.get("/api/network").json()
    assert (len(net["nodes"]), len(net["edges"])) == (net["total_nodes"], net["total_edges"]) == (6, 3)
    assert any(e["target"] == "alcalde de Puerto Almendra" and e["id"] == "rel_2" for e in net["edges"])
    done = subprocess.run([sys.executable, "-m", "fuentes.cli", "network", "metrics", "--db",
                           store.url.removeprefix("sqlite:///")], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "COLUMNS": "200"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"{net['total_nodes']} nodes, {net['total_edges']} ties")
