"""bench/growth.py: the growth per 4x of each corpus stage, judged on CPU seconds when the runs
have them (wall seconds stretch with other load on the machine)."""

from __future__ import annotations

from tests.bench.bench_modules import load

growth_bench = load("growth")


def run(wall: dict, cpu: dict | None) -> dict:
    scratch = {"seconds": wall, "total": sum(wall.values())}
    if cpu is not None:
        scratch.update(cpu_seconds=cpu, cpu_total=sum(cpu.values()))
    return {"scratch": scratch}


def test_growth_per_4x_over_a_16x_step_and_the_target_judged_on_cpu():
    runs = {"1000": run({"claims": 10.0, "stories": 10.0}, {"claims": 8.0, "stories": 8.0}),
            "16000": run({"claims": 400.0, "stories": 160.0}, {"claims": 128.0, "stories": 512.0})}
    table = growth_bench.growth(runs)
    assert table["claims"]["growth_per_4x"] == [6.32]  # (400/10) ** (1/2): wall, a loaded machine
    assert table["claims"]["cpu_growth_per_4x"] == [4.0]  # (128/8) ** (1/2)
    assert table["claims"]["within_target"] is True
    assert table["stories"]["cpu_growth_per_4x"] == [8.0] and table["stories"]["within_target"] is False
    assert table["total"]["cpu_seconds"] == {"1000": 16.0, "16000": 640.0}


def test_runs_without_cpu_seconds_are_judged_on_wall_seconds():
    table = growth_bench.growth({"2000": run({"claims": 10.0}, None), "8000": run({"claims": 50.0}, None)})
    assert "cpu_growth_per_4x" not in table["claims"]
    assert table["claims"]["growth_per_4x"] == [5.0] and table["claims"]["within_target"] is False
