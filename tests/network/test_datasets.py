import pytest

from fuentes.network import datasets
from fuentes.network.metrics import degree_centralization


def test_missing_folder_is_named(monkeypatch, tmp_path):
    monkeypatch.setenv("FUENTES_SHARED", str(tmp_path))
    assert not datasets.available("caviar-phases")
    with pytest.raises(Exception, match="caviar-phases"):
        datasets.load_caviar_phase(1)


def test_matrix_graph_symmetrises_and_keeps_isolates():
    graph = datasets.matrix_graph(["a", "b", "c"], [[0, 2, 0], [1, 0, 0], [0, 0, 0]])
    assert graph.edges["a", "b"]["weight"] == 3 and "c" in graph


@pytest.mark.shared
def test_caviar_centralisation_falls_across_phases():
    if not datasets.available("caviar-phases"):
        pytest.skip("../shared/data/caviar-phases is absent")
    values = [degree_centralization(datasets.load_caviar_phase(p)) for p in range(1, 12)]
    early, late = sum(values[:3]) / 3, sum(values[-3:]) / 3
    assert early == pytest.approx(0.79, abs=0.02)
    assert late == pytest.approx(0.26, abs=0.02)
