"""Loaders for the published criminal-network data sets kept beside the repository.

The data live in ``../shared/data`` (never copied into the repository). Tests and benchmarks
use these loaders and skip when the folder is absent. ``FUENTES_SHARED`` overrides the
location of ``shared``.
"""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from fuentes.errors import InputError

MONTAGNA_FILES = {"meetings": "Montagna_meetings_edgelist.tsv", "phonecalls": "Montagna_phonecalls_edgelist.tsv"}


def shared_root() -> Path:
    """The ``shared`` folder: env ``FUENTES_SHARED`` or the sibling of the repository."""
    env = os.environ.get("FUENTES_SHARED")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2].parent / "shared"


def data_dir(name: str) -> Path:
    """Folder of one shared data set; raises InputError naming it when it is missing."""
    path = shared_root() / "data" / name
    if not path.is_dir():
        raise InputError(str(path), "shared data set not found (set FUENTES_SHARED to the shared folder)")
    return path


def available(name: str) -> bool:
    return (shared_root() / "data" / name).is_dir()


def load_montagna(kind: str = "meetings") -> nx.Graph:
    """Montagna (Sicilian Mafia) meetings or phone calls as an undirected weighted graph.

    Built the way Cavallaro et al. (2020) built it: one undirected edge per listed pair, the
    weight of the last listing of a pair wins, node order is first appearance in the file
    (it decides ties when ranking by centrality).
    """
    if kind not in MONTAGNA_FILES:
        raise InputError(kind, f"unknown Montagna network; use one of {sorted(MONTAGNA_FILES)}")
    path = data_dir("montagna-sicilian-mafia") / MONTAGNA_FILES[kind]
    graph = nx.Graph(name=f"montagna-{kind}")
    for line_no, line in enumerate(path.read_text().splitlines(), 1):
        parts = line.split()
        if not parts:
            continue
        if len(parts) != 3:
            raise InputError(f"{path}:{line_no}", "expected 'u v weight'")
        graph.add_edge(int(parts[0]), int(parts[1]), weight=float(parts[2]))
    return graph


def read_matrix(path: Path) -> tuple[list[str], list[list[float]]]:
    """A square adjacency matrix CSV with a header row of labels and labels in column 0."""
    with path.open(newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    labels = [label.strip() for label in rows[0][1:]]
    matrix = []
    for row in rows[1:]:
        if not row:
            continue
        values = [float(x) if x.strip() else 0.0 for x in row[1 : len(labels) + 1]]
        if len(values) != len(labels):
            raise InputError(str(path), f"row {row[0]!r} has {len(values)} cells, expected {len(labels)}")
        matrix.append(values)
    if len(matrix) != len(labels):
        raise InputError(str(path), f"{len(matrix)} rows for {len(labels)} columns: not square")
    return labels, matrix


def matrix_graph(labels: list[str], matrix: list[list[float]], name: str = "") -> nx.Graph:
    """Undirected graph of a (possibly directed) matrix: weight = calls both ways, no self-loops.

    Every labelled actor is a node, even one with no tie in this matrix.
    """
    graph = nx.Graph(name=name)
    graph.add_nodes_from(labels)
    for i, row in enumerate(matrix):
        for j, value in enumerate(row):
            if value and i != j:
                u, v = labels[i], labels[j]
                prior = graph.edges[u, v]["weight"] if graph.has_edge(u, v) else 0.0
                graph.add_edge(u, v, weight=prior + value)
    return graph


def load_caviar_phase(phase: int) -> nx.Graph:
    """One of the 11 two-month phases of the CAVIAR investigation (Morselli)."""
    if not 1 <= phase <= 11:
        raise InputError(str(phase), "CAVIAR phases are numbered 1 to 11")
    path = data_dir("caviar-phases") / f"phase{phase}.csv"
    labels, matrix = read_matrix(path)
    return matrix_graph(labels, matrix, name=f"caviar-phase{phase}")


def load_caviar() -> nx.Graph:
    """CAVIAR aggregated over the whole investigation (110 actors)."""
    path = data_dir("ucinet-covert-networks-via-mcmacdonald") / "morselli_caviar.csv"
    labels, matrix = read_matrix(path)
    return matrix_graph(labels, matrix, name="caviar")


@dataclass(frozen=True, slots=True)
class CartelNetwork:
    """The 150 Mexican criminal groups of Prieto-Curiel et al. (2023) with their ties."""

    ids: list[str]  # node ids in file order
    names: dict[str, str]  # id -> short name
    rivals: dict[tuple[str, str], float]  # unordered pair (sorted) -> weight
    alliances: dict[tuple[str, str], float]


def _pair_weights(path: Path) -> dict[tuple[str, str], float]:
    """Directed rows folded to unordered pairs, keeping the larger weight of the two directions."""
    pairs: dict[tuple[str, str], float] = {}
    with path.open(newline="", encoding="utf-8-sig") as handle:
        for row in csv.DictReader(handle):
            a, b = row["Node"], row["RNode"]
            if a == b:
                continue
            key = (a, b) if a < b else (b, a)
            pairs[key] = max(pairs.get(key, 0.0), float(row["weight"]))
    return pairs


def load_cartels(folder: Path | None = None) -> CartelNetwork:
    """BACRIM 2020 groups, rivalries and alliances (Prieto-Curiel, Campedelli & Hope 2023), from
    `folder` or the shared data set."""
    folder = folder or data_dir("prieto-curiel-recruitment")
    with (folder / "BACRIM2020_Nodes.csv").open(newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    ids = [row["Node"] for row in rows]
    names = {row["Node"]: row["ShortName"] or row["Group"] for row in rows}
    return CartelNetwork(
        ids=ids,
        names=names,
        rivals=_pair_weights(folder / "BACRIM2020_Rivals.csv"),
        alliances=_pair_weights(folder / "BACRIM2020_Alliances.csv"),
    )
