"""Cartel population model of Prieto-Curiel, Campedelli & Hope (Science 2023).

Each group i has C_i members, changing each week by

    dC_i/dt = C_i * (rho - eta / C - theta * sum_j K_ij C_j - omega * C_i)

recruitment proportional to size (rho), incapacitation shared out in proportion to size so
the total is eta a week (C = all members), deaths in conflict with every other group, with
K_ij = (rivalry_ij + 1) / (alliances_i + 1) (rivals fight hardest, allies shield a group,
every pair has a baseline of conflict), and saturation (omega). Groups start with members
in proportion to 1/rank when ranked by total tie strength (rivalries plus alliances),
115,000 in all in 2012. Deaths per week are theta * C^T K C.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np
from scipy.integrate import solve_ivp

from fuentes.errors import InputError
from fuentes.network.datasets import CartelNetwork

WEEKS_PER_YEAR = 52


@dataclass(frozen=True, slots=True)
class Params:
    """The paper's fitted weekly parameters."""

    rho: float = 2.527474e-3  # recruitment per member per week
    eta: float = 110.0  # members incapacitated (arrested) per week, all groups together
    theta: float = 1.549231e-8  # lethality of conflict
    omega: float = 4e-8  # saturation
    members0: float = 115_000.0  # all members in the first week (2012)


@dataclass(slots=True)
class Network:
    """Groups with their conflict matrix K, ready to integrate."""

    names: list[str]
    rivals: np.ndarray  # symmetric weights
    alliances: np.ndarray  # symmetric weights

    @property
    def conflict(self) -> np.ndarray:
        strength = self.alliances.sum(axis=1)
        k = (self.rivals + 1.0) / (strength[:, None] + 1.0)
        np.fill_diagonal(k, 0.0)
        return k


def from_cartels(data: CartelNetwork) -> Network:
    """The model's network, groups ordered by total tie strength (ties keep file order)."""
    index = {node: i for i, node in enumerate(data.ids)}
    n = len(data.ids)
    rivals, allies = np.zeros((n, n)), np.zeros((n, n))
    for matrix, pairs in ((rivals, data.rivals), (allies, data.alliances)):
        for (a, b), w in pairs.items():
            matrix[index[a], index[b]] = matrix[index[b], index[a]] = w
    total = rivals.sum(axis=1) + allies.sum(axis=1)
    order = sorted(range(n), key=lambda i: -total[i])  # stable sort keeps file order on ties
    names = [data.names[data.ids[i]] for i in order]
    return Network(names=names, rivals=rivals[np.ix_(order, order)], alliances=allies[np.ix_(order, order)])


def initial_members(n: int, total: float) -> np.ndarray:
    """Expected initial sizes: proportional to 1/rank (the paper draws Poisson around these)."""
    share = 1.0 / np.arange(1, n + 1)
    return share / share.sum() * total


@dataclass(slots=True)
class Run:
    """Weekly trajectory of one scenario."""

    names: list[str]
    weeks: np.ndarray
    members: np.ndarray  # weeks x groups
    params: Params
    conflict: np.ndarray = field(repr=False)

    @property
    def total(self) -> np.ndarray:
        return self.members.sum(axis=1)

    def deaths(self) -> np.ndarray:
        """Weekly deaths in conflict at each week."""
        return self.params.theta * np.einsum("ti,ij,tj->t", self.members, self.conflict, self.members)

    def recruits(self) -> np.ndarray:
        return self.params.rho * self.total

    def saturation(self) -> np.ndarray:
        return self.params.omega * (self.members**2).sum(axis=1)

    def top(self, week: int = -1, k: int = 10) -> list[tuple[str, float]]:
        sizes = self.members[week]
        order = np.argsort(-sizes)[:k]
        return [(self.names[i], float(sizes[i])) for i in order]


def simulate(network: Network, params: Params = Params(), *, weeks: int = 520,
             start: np.ndarray | None = None) -> Run:
    """Integrate the model week by week (LSODA, tight tolerances)."""
    conflict = network.conflict
    y0 = initial_members(len(network.names), params.members0) if start is None else np.asarray(start, float)
    if y0.shape != (len(network.names),):
        raise InputError("start", f"needs one size per group ({len(network.names)}), got {y0.shape}")

    def rate(_t: float, y: np.ndarray) -> np.ndarray:
        total = y.sum()
        return y * (params.rho - params.eta / total - params.theta * conflict @ y - params.omega * y)

    times = np.arange(weeks + 1, dtype=float)
    out = solve_ivp(rate, (0.0, float(weeks)), y0, method="LSODA", t_eval=times, rtol=1e-8, atol=1e-6)
    if not out.success:
        raise InputError("population model", f"integration failed: {out.message}")
    return Run(names=list(network.names), weeks=times, members=out.y.T, params=params, conflict=conflict)


def split_group(network: Network, members: np.ndarray, group: str, *, factions: int = 2,
                internal_rivalry: float = 0.0, alliances: str = "keep") -> tuple[Network, np.ndarray]:
    """A group splits into ``factions`` rival factions of equal size (the Hydra scenario).

    Each faction inherits the group's rivalries; factions are rivals of each other with weight
    ``internal_rivalry`` (on top of the model's baseline of 1); ``alliances`` are kept by every
    faction (``keep``) or dealt out among them in turn (``split``).
    """
    if group not in network.names:
        raise InputError(group, "no such group in the population model")
    if factions < 2 or alliances not in ("keep", "split"):
        raise InputError(group, "a split needs 2+ factions and alliances 'keep' or 'split'")
    i = network.names.index(group)
    n = len(network.names)
    extra = factions - 1
    size = n + extra
    rivals, allies = np.zeros((size, size)), np.zeros((size, size))
    rivals[:n, :n], allies[:n, :n] = network.rivals, network.alliances
    parts = [i] + list(range(n, size))
    for p in parts[1:]:
        rivals[p, :n], rivals[:n, p] = network.rivals[i], network.rivals[i]
        allies[p, :n], allies[:n, p] = network.alliances[i], network.alliances[i]
    if alliances == "split":
        partners = np.flatnonzero(network.alliances[i])
        for k, partner in enumerate(partners):
            keep = parts[k % factions]
            for p in parts:
                if p != keep:
                    allies[p, partner] = allies[partner, p] = 0.0
    for a in parts:
        for b in parts:
            if a != b:
                rivals[a, b] = internal_rivalry
                allies[a, b] = 0.0
    names = list(network.names) + [f"{group} faction {k + 2}" for k in range(extra)]
    names[i] = f"{group} faction 1"
    start = np.concatenate([members, np.zeros(extra)])
    start[parts] = members[i] / factions
    return Network(names=names, rivals=rivals, alliances=allies), start


SCENARIOS = {
    "status_quo": lambda p: p,
    "recruitment_halved": lambda p: replace(p, rho=p.rho / 2),
    "incapacitation_doubled": lambda p: replace(p, eta=p.eta * 2),
    "no_recruitment": lambda p: replace(p, rho=0.0),
}


def scenario_summary(run: Run, weeks: int = 260) -> dict:
    """Members and weekly deaths at the start and after ``weeks``, with cumulative deaths."""
    deaths = run.deaths()
    return {
        "members_start": round(float(run.total[0])),
        f"members_after_{weeks}w": round(float(run.total[weeks])),
        "weekly_deaths_start": round(float(deaths[0]), 1),
        f"weekly_deaths_after_{weeks}w": round(float(deaths[weeks]), 1),
        "members_change_pct": round(100 * (run.total[weeks] / run.total[0] - 1), 1),
        "deaths_change_pct": round(100 * (deaths[weeks] / deaths[0] - 1), 1),
        "cumulative_deaths": round(float(np.trapezoid(deaths[: weeks + 1], run.weeks[: weeks + 1]))),
    }


def projections(network: Network, params: Params = Params(), *, history: int = 520,
                horizon: int = 260) -> dict:
    """Fit period 2012-2022 then each policy scenario from 2022 on, as in the paper."""
    base = simulate(network, params, weeks=history)
    now = base.members[-1]
    results = {
        "calibration": {
            "members_2012": round(float(base.total[0])),
            "members_2022": round(float(base.total[-1])),
            "mean_weekly_recruits_2012_2022": round(float(base.recruits()[:-1].mean()), 1),
            "weekly_recruits_2022": round(float(base.recruits()[-1]), 1),
            "weekly_deaths_2012": round(float(base.deaths()[0]), 1),
            "weekly_deaths_2022": round(float(base.deaths()[-1]), 1),
            "top_groups_2022": [(name, round(size)) for name, size in base.top()],
        }
    }
    for name, change in SCENARIOS.items():
        run = simulate(network, change(params), weeks=horizon, start=now)
        results[name] = scenario_summary(run, horizon)
    return results
