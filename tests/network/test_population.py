import numpy as np
import pytest

from fuentes.network import datasets, population


def small_network():
    rivals = np.array([[0, 5, 0], [5, 0, 0], [0, 0, 0]], float)
    allies = np.array([[0, 0, 0], [0, 0, 2], [0, 2, 0]], float)
    return population.Network(names=["A", "B", "C"], rivals=rivals, alliances=allies)


def test_conflict_matrix_rivals_fight_allies_shield():
    k = small_network().conflict
    assert k[0, 1] == 6.0 and k[1, 0] == pytest.approx(6 / 3)  # B's alliance halves its exposure
    assert k[0, 2] == 1.0 and np.all(np.diag(k) == 0)


def test_without_losses_members_grow_exponentially():
    params = population.Params(rho=0.01, eta=0.0, theta=0.0, omega=0.0, members0=1000)
    run = population.simulate(small_network(), params, weeks=52)
    assert run.total[-1] == pytest.approx(1000 * np.exp(0.52), rel=1e-5)
    assert run.deaths().max() == 0.0


def test_split_makes_rival_factions():
    net = small_network()
    split, start = population.split_group(net, np.array([600.0, 300.0, 100.0]), "B", internal_rivalry=4,
                                          alliances="split")
    assert split.names[-1] == "B faction 2" and start.sum() == pytest.approx(1000)
    assert split.rivals[1, 3] == 4 and split.rivals[3, 0] == 5  # inherits B's rival
    assert split.alliances[1, 2] + split.alliances[3, 2] == 2  # the one alliance goes to one faction


@pytest.mark.shared
def test_paper_figures():
    if not datasets.available("prieto-curiel-recruitment"):
        pytest.skip("../shared/data/prieto-curiel-recruitment is absent")
    net = population.from_cartels(datasets.load_cartels())
    assert len(net.names) == 150
    result = population.projections(net)
    calibration = result["calibration"]
    assert 160_000 <= calibration["members_2022"] <= 185_000
    assert 350 <= calibration["mean_weekly_recruits_2012_2022"] <= 370
    assert result["recruitment_halved"]["members_change_pct"] < 0 < result["status_quo"]["members_change_pct"]
    assert result["incapacitation_doubled"]["members_change_pct"] < result["status_quo"]["members_change_pct"]
