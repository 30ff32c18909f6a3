"""Build the network from resolved relations (and, when asked, co-mentions).

A relation record is a dict or any object with ``subject``, ``predicate``, ``object``,
``independent_sources``, ``start``, ``end``, ``allegation`` (and optionally ``id``,
``articles``). Ties are undirected for analysis; each edge keeps every relation behind it,
and its ``weight`` is the number of independent sources backing the tie (summed over its
relations), so a story copied by forty outlets weighs what one newsroom reported.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Mapping

import networkx as nx

from fuentes.errors import InputError

CO_MENTION = "co_mentioned"
FIELDS = ("subject", "predicate", "object", "independent_sources", "start", "end", "allegation")


@dataclass(frozen=True, slots=True)
class Tie:
    """One relation as the graph uses it."""

    subject: str
    predicate: str
    object: str
    independent_sources: int = 1
    start: str | None = None
    end: str | None = None
    allegation: bool = False
    id: str | None = None
    articles: tuple[str, ...] = ()


def as_tie(record: Any) -> Tie:
    """A relation record (dict, dataclass, any object with the fields) as a Tie."""
    get = record.get if isinstance(record, Mapping) else (lambda k, d=None: getattr(record, k, d))
    subject, predicate, obj = get("subject"), get("predicate"), get("object")
    if not subject or not predicate or not obj:
        raise InputError(str(get("id") or record), "relation needs subject, predicate and object")
    sources = get("independent_sources", 1)
    sources = 1 if sources is None else int(sources)
    return Tie(subject=str(subject), predicate=str(predicate), object=str(obj), independent_sources=sources,
               start=get("start"), end=get("end"), allegation=bool(get("allegation", False)),
               id=get("id"), articles=tuple(get("articles", ()) or ()))


def _bound(date: str | None, upper: bool) -> str | None:
    """A partial ISO date ("2026", "2026-02") as the first or last day it covers."""
    if not date:
        return None
    date = str(date)[:10]
    parts = date.split("-")
    if len(parts) == 1:
        return f"{parts[0]}-12-31" if upper else f"{parts[0]}-01-01"
    if len(parts) == 2:
        return f"{date}-31" if upper else f"{date}-01"  # string order only: day 31 ends any month
    return date


def in_window(tie: Tie, start: str | None, end: str | None) -> bool:
    """Whether the tie held at some time inside [start, end]; open bounds match everything."""
    tie_start, tie_end = _bound(tie.start, False), _bound(tie.end, True)
    window_start, window_end = _bound(start, False), _bound(end, True)
    if window_end and tie_start and tie_start > window_end:
        return False
    if window_start and tie_end and tie_end < window_start:
        return False
    return True


def build_graph(relations: Iterable[Any], *, entities: Iterable[Any] = (),
                predicates: Iterable[str] | None = None, exclude: Iterable[str] = (),
                start: str | None = None, end: str | None = None, allegations: bool = True,
                co_mentions: Iterable[tuple] = ()) -> nx.Graph:
    """The undirected network of the relations that pass the filters.

    ``predicates``/``exclude`` keep or drop relation types; ``start``/``end`` keep relations
    that held inside the window (undated ones are kept); ``allegations=False`` keeps only
    relations reported as fact. ``co_mentions`` (a, b, independent sources[, articles]) add
    ties of type ``co_mentioned`` when asked for. ``entities`` (records with id, name, kind, roles,
    articles) label the nodes (``articles``: how many articles name the entity).
    """
    keep = set(predicates) if predicates is not None else None
    drop = set(exclude)
    graph = nx.Graph()
    for entity in entities:
        get = entity.get if isinstance(entity, Mapping) else (lambda k, d=None: getattr(entity, k, d))
        roles = list(get("roles", []) or [])
        graph.add_node(str(get("id")), name=get("name"), kind=get("kind"), role=roles[0] if roles else None,
                       articles=len(get("articles", ()) or ()))
    ties = [as_tie(r) for r in relations]
    ties += [Tie(subject=pair[0], predicate=CO_MENTION, object=pair[1], independent_sources=int(pair[2]),
                 articles=tuple(pair[3]) if len(pair) > 3 else ()) for pair in co_mentions]
    for tie in ties:
        if keep is not None and tie.predicate not in keep or tie.predicate in drop:
            continue
        if not allegations and tie.allegation or not in_window(tie, start, end):
            continue
        if tie.subject == tie.object:
            continue
        _add(graph, tie)
    return graph


def _add(graph: nx.Graph, tie: Tie) -> None:
    for node in (tie.subject, tie.object):
        if node not in graph:
            graph.add_node(node, name=node, kind=None, role=None)
    if not graph.has_edge(tie.subject, tie.object):
        graph.add_edge(tie.subject, tie.object, weight=0, predicates=[], relations=[])
    data = graph.edges[tie.subject, tie.object]
    data["weight"] += max(tie.independent_sources, 0)
    if tie.predicate not in data["predicates"]:
        data["predicates"].append(tie.predicate)
    data["relations"].append(tie)


def relation_types(graph: nx.Graph) -> set[str]:
    return {p for _, _, d in graph.edges(data=True) for p in d.get("predicates", [])}
