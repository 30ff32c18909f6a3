"""The criminal network: building it from relations, measuring it, and removal what-ifs."""

from fuentes.network.disruption import key_players, likely_successors, removal_curve, removal_order, what_if
from fuentes.network.graph import Tie, build_graph
from fuentes.network.metrics import analyse

__all__ = ["Tie", "analyse", "build_graph", "key_players", "likely_successors", "removal_curve",
           "removal_order", "what_if"]
