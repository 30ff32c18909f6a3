"""The network as GraphML (Neo4j, yEd, Gephi) and GEXF (Gephi).

Both formats hold scalar attributes only, so lists (relation types, supporting relations)
are written as ``;``-joined text and missing values are left out.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from fuentes.errors import InputError


def _scalar(value):
    if isinstance(value, (list, tuple, set)):
        return ";".join(sorted(_text(v) for v in value))
    if isinstance(value, bool) or isinstance(value, (int, float, str)):
        return value
    return _text(value)


def _text(value) -> str:
    ident = getattr(value, "id", None)
    if ident:
        return str(ident)
    predicate = getattr(value, "predicate", None)
    if predicate:
        return f"{value.subject} {predicate} {value.object}"
    return str(value)


def flat(graph: nx.Graph) -> nx.Graph:
    """A copy whose node ids are strings and whose attributes are all scalars."""
    out = nx.Graph() if not graph.is_directed() else nx.DiGraph()
    out.graph.update({k: _scalar(v) for k, v in graph.graph.items() if v is not None})
    for node, data in graph.nodes(data=True):
        attrs = {k: _scalar(v) for k, v in data.items() if v is not None}
        attrs.setdefault("label", str(data.get("name") or node))
        out.add_node(str(node), **attrs)
    for u, v, data in graph.edges(data=True):
        attrs = {k: _scalar(v) for k, v in data.items() if v is not None}
        if "relations" in data:
            attrs["relation_count"] = len(data["relations"])
        out.add_edge(str(u), str(v), **attrs)
    return out


def write_graphml(graph: nx.Graph, path: str | Path) -> Path:
    path = Path(path)
    _check_parent(path)
    nx.write_graphml(flat(graph), path)
    return path


def write_gexf(graph: nx.Graph, path: str | Path) -> Path:
    path = Path(path)
    _check_parent(path)
    nx.write_gexf(flat(graph), path)
    return path


def _check_parent(path: Path) -> None:
    if not path.parent.is_dir():
        raise InputError(str(path), "the folder to write into does not exist")
