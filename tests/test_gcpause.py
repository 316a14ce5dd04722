"""The cycle collector is paused only while the handbook is loaded and rendered, also when that fails."""
import gc

import pytest

from omlaegning.gcpause import collector_paused


def test_the_collector_runs_again_afterwards_even_after_an_error():
    assert gc.isenabled()
    with pytest.raises(ValueError):
        with collector_paused():
            assert not gc.isenabled()
            raise ValueError
    assert gc.isenabled()


def test_a_collector_paused_by_someone_else_stays_paused():
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
