"""The compact candidate table of the LSH indexes."""

from __future__ import annotations

import pickle

from fuentes.corpus.band_table import BandTable, band_code


def test_members_are_found_before_and_after_the_table_is_saved():
    table = BandTable()
    table.add([b"\x00band-1", b"\x00band-2"], 0)
    table.add([b"\x00band-2", b"-\x00band-3"], 1)
    assert table.members([b"\x00band-2"]) == {0, 1}
    assert table.members([b"\x00band-1", b"-\x00band-3"]) == {0, 1}
    assert table.members([b"\x00band-9"]) == set() and len(table) == 4
    saved = pickle.loads(pickle.dumps(table))
    assert saved.members([b"\x00band-2"]) == {0, 1} and saved.members([b"\x00band-1"]) == {0}
    saved.add([b"\x00band-1"], 2)  # filed after loading: found beside the saved ones
    assert saved.members([b"\x00band-1"]) == {0, 2} and len(saved) == 5
    again = pickle.loads(pickle.dumps(saved))
    assert again.members([b"\x00band-1", b"\x00band-2"]) == {0, 1, 2} and again.members([]) == set()


def test_a_saved_table_is_two_arrays_and_codes_are_the_same_in_every_process():
    table = BandTable()
    for n in range(1000):
        table.add([bytes([b]) + n.to_bytes(4, "little") for b in range(8)], n)
    state = table.__getstate__()
    assert set(state) == {"codes", "items"} and len(state["codes"]) == 8000
    assert list(state["codes"]) == sorted(state["codes"])
    assert band_code(b"\x00abc") == 0x698f7b4e29ad28e4  # blake2b, not the salted `hash`
    assert band_code(b"\x00abc") == band_code(b"\x00abc") != band_code(b"\x00abd")


def test_a_table_built_from_scratch_joins_its_arrays_early_and_keeps_filing_order(monkeypatch):
    import fuentes.corpus.band_table as band_table

    keys = [[bytes([n % 7]), bytes([10 + n % 3]), b"all"] for n in range(200)]
    whole = BandTable()  # every entry kept in the dict until saved
    for n, mine in enumerate(keys):
        whole.add(mine, n)
    monkeypatch.setattr(band_table, "RECENT_MAX", 16)
    small = BandTable()
    for n, mine in enumerate(keys):
        assert list(small._each([b"all"])) in ([list(range(n))], [])  # found in filing order as it grows
        small.add(mine, n)
        assert small._pending <= max(16, len(small._codes) // 8)
    assert len(small._codes) > 400 and len(small) == len(whole) == 600
    for key in [bytes([k]) for k in range(7)] + [bytes([10 + k]) for k in range(3)] + [b"all"]:
        assert list(small._each([key])) == list(whole._each([key]))
    assert small.counts([b"\x01", b"\x0b", b"all"]) == whole.counts([b"\x01", b"\x0b", b"all"])
    small.forget({0, 1, 2})
    assert small.members([b"all"]) == set(range(3, 200)) and small._pending == len(small) - len(small._codes)


def test_the_highest_code_is_found_in_the_arrays(monkeypatch):
    import fuentes.corpus.band_table as band_table

    codes = {b"top": 2**64 - 1, b"low": 5, b"mid": 2**63}
    monkeypatch.setattr(band_table, "band_code", lambda key: codes[key])
    table = BandTable()
    table.add([b"top", b"low"], 0)
    table.add([b"top", b"mid"], 1)
    table._freeze()
    assert list(table._each([b"top"])) == [[0, 1]] and list(table._each([b"low", b"mid"])) == [[0], [1]]


def test_merging_two_sorted_runs_gives_what_a_stable_sort_of_both_gives():
    import numpy as np

    from fuentes.corpus.band_table import _merged

    rng = np.random.default_rng(3)
    for old_size, new_size in ((0, 5), (5, 0), (40, 17), (300, 300)):
        codes = np.sort(rng.integers(0, 20, old_size).astype(np.uint64))
        items = np.arange(old_size, dtype=np.int64)
        new_codes = np.sort(rng.integers(0, 25, new_size).astype(np.uint64), kind="stable")
        new_items = np.arange(old_size, old_size + new_size, dtype=np.int64)
        both = np.concatenate([codes, new_codes])
        order = np.argsort(both, kind="stable")  # the saved entries of a code first, then the new ones
        got_codes, got_items = _merged(codes, items, new_codes, new_items)
        assert got_codes.tolist() == both[order].tolist()
        assert got_items.tolist() == np.concatenate([items, new_items])[order].tolist()
        assert got_codes.dtype == np.uint64 and got_items.dtype == np.int64


def test_many_keys_looked_up_at_once_come_back_in_the_order_asked():
    table = BandTable()
    for n in range(300):
        table.add([bytes([n % 11]), bytes([20 + n % 5]), n.to_bytes(2, "little")], n)
    table._freeze()
    table.add([bytes([3]), b"late"], 300)  # one key in the arrays and the dict, one in the dict only
    keys = [bytes([20 + k % 5]) if k % 2 else bytes([k % 11]) for k in range(30)] + [b"late", b"none", bytes([3])]
    at_once = list(table._each(keys))
    one_by_one = [found for key in keys for found in table._each([key])]
    assert at_once == one_by_one and at_once[-1][-1] == 300 and at_once[-2] == [300]
    assert table.members(keys) == set(range(301))
