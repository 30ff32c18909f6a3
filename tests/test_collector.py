"""The garbage collector is paused inside `collector_paused` and given back as it was."""

from __future__ import annotations

import gc

import pytest

from fuentes.collector import collector_paused


def test_the_collector_is_paused_and_given_back_as_it_was():
    was = gc.isenabled()
    try:
        gc.enable()
        with collector_paused():
            assert not gc.isenabled()
        assert gc.isenabled()
        with pytest.raises(ValueError), collector_paused():
            raise ValueError
        assert gc.isenabled()  # given back after an error too
        gc.disable()
        with collector_paused():
            pass
        assert not gc.isenabled()  # left off when it was off
    finally:
        (gc.enable if was else gc.disable)()
