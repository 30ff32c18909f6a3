"""Records kept in the saved corpus state pickle as their fields and come back equal."""

from __future__ import annotations

import pickle

from fuentes.corpus.claims import Conflict, Relation
from fuentes.corpus.credits import Credit
from fuentes.model import Evidence


def test_state_records_round_trip_through_pickle_as_their_fields():
    records = [Evidence("art_1", 3, 9, "entities", "21", 0.5), Evidence("art_2", 0, 4, "claims"),
               Relation("conflict", 0.75, ("count", "people")), Relation("agree", 1.0),
               Conflict("value", ("money", "usd"), "clm_a", "clm_b"), Credit("Reuters", "wire", 10, 17, "(Reuters)")]
    back = pickle.loads(pickle.dumps(records, protocol=pickle.HIGHEST_PROTOCOL))
    assert back == records and [type(r) for r in back] == [type(r) for r in records]
    # written by their own reduce: the dataclass field-by-field state (slow for many) is not used
    assert all(type(r).__reduce__ is not object.__reduce__ and r.__reduce__()[0] is type(r) for r in records)


def test_a_saved_state_is_written_in_pieces_and_read_back_whole(store, monkeypatch):
    import fuentes.store.state as state

    monkeypatch.setattr(state, "SPILL_CHUNK", 1000)  # many pieces even for a small state
    big = {"words": [f"palabra {n}" for n in range(5000)], "evidence": [Evidence(f"art_{n}", n, n + 4, "claims")
                                                                        for n in range(500)]}
    state.save_state(store, "test_index", "v1", big, 12)
    assert state.load_state(store, "test_index", "v1") == big
    assert state.load_state(store, "test_index", "v2") is None  # another version is not read
    state.save_state(store, "test_index", "v2", {"small": 1}, 13)  # a shorter state replaces it whole
    assert state.load_state(store, "test_index", "v2") == {"small": 1}
    state.forget_state(store, "test_index")
    assert state.load_state(store, "test_index", "v2") is None


class _Watched:
    """Records whether the garbage collector ran while it was pickled and unpickled."""

    seen: list[tuple[str, bool]] = []

    def __getstate__(self) -> dict:
        import gc

        _Watched.seen.append(("dump", gc.isenabled()))
        return {}

    def __setstate__(self, state: dict) -> None:
        import gc

        _Watched.seen.append(("load", gc.isenabled()))


def test_a_saved_state_is_pickled_and_unpickled_with_the_collector_paused(store):
    import gc

    import fuentes.store.state as state

    _Watched.seen = []
    state.save_state(store, "test_index", "v1", [_Watched()], 1)
    assert state.load_state(store, "test_index", "v1") is not None
    assert _Watched.seen == [("dump", False), ("load", False)]
    assert gc.isenabled()  # given back as it was


def test_the_corpus_stages_run_with_the_collector_paused(tmp_path):
    import gc

    from fuentes.analyse import AnalysisSummary
    from fuentes.corpus.stages import LocalContext, run_corpus
    from fuentes.store import open_store

    seen = []
    run_corpus(LocalContext(open_store(str(tmp_path / "s.db")), AnalysisSummary()),
               on_stage=lambda stage, _ctx: seen.append((stage.name, gc.isenabled())))
    assert seen and not any(enabled for _, enabled in seen)
    assert gc.isenabled()
