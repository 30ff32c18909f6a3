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


def test_each_stage_beside_the_growth_of_its_own_input():
    """Entity resolution reads local entities, which the generated corpus's later articles carry
    more of: its CPU per 4x of that input is reported beside its CPU per 4x of articles."""
    small, large = run({"entity_resolution": 10.0}, {"entity_resolution": 10.0}), \
        run({"entity_resolution": 80.0}, {"entity_resolution": 80.0})
    small["scratch"]["inputs"] = {"local_entities": 1000}
    large["scratch"]["inputs"] = {"local_entities": 8000}
    row = growth_bench.growth({"2000": small, "8000": large})["entity_resolution"]
    assert row["cpu_growth_per_4x"] == [8.0] and row["within_target"] is False  # the target stays on articles
    assert row["input"]["growth_per_4x_articles"] == [8.0]
    assert row["input"]["cpu_growth_per_4x_of_input"] == [4.0]  # linear in what it reads


def test_corpus_input_sizes_count_what_the_corpus_stages_read(store):
    from fuentes.store.analysis import corpus_input_sizes, save_article_layers
    from fuentes.store.articles import save_batch

    assert corpus_input_sizes(store) == {"articles": 0, "article_chars": 0, "local_entities": 0, "quotes": 0}
    save_batch(store, [{"id": i, "source": i, "text": f"Report {i}.", "language": "en", "kind": "unknown"}
                       for i in ("a", "bb")])
    save_article_layers(store, [{"id": "a", "mentions": [], "entities": [], "quotes": [],
                                 "layers": {"claims": [{"text": "One claim."}]}}], {"claims": "1"})
    sizes = corpus_input_sizes(store)
    assert sizes["articles"] == 2 and sizes["article_chars"] == len("Report a.") + len("Report bb.")
    assert sizes["claims_layer_chars"] >= len('[{"text": "One claim."}]') - 2  # as each engine writes JSON
