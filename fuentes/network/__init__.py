"""The criminal network: building it from relations, measuring it, and removal what-ifs.

The names below are imported on first use (networkx takes about 0.3 s to import): every
`fuentes` command loads the `network` sub-commands, and only those read the graph.
"""

from importlib import import_module
from typing import Any

_HOMES = {"key_players": "disruption", "likely_successors": "disruption", "removal_curve": "disruption",
          "removal_order": "disruption", "what_if": "disruption", "Tie": "graph", "build_graph": "graph",
          "analyse": "metrics"}

__all__ = ["Tie", "analyse", "build_graph", "key_players", "likely_successors", "removal_curve",
           "removal_order", "what_if"]


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(import_module(f"fuentes.network.{_HOMES[name]}"), name)
    raise AttributeError(f"module 'fuentes.network' has no attribute {name!r}")
