"""kg.runtime.bulk_allocation changes the collector only inside its block."""

import gc

from kg.runtime import YOUNG_THRESHOLD, bulk_allocation, settle


def test_bulk_allocation_is_reentrant_and_restores_the_collector():
    before = gc.get_threshold()
    with bulk_allocation():
        assert gc.get_threshold()[0] == YOUNG_THRESHOLD
        with bulk_allocation():
            settle()
            assert gc.get_threshold()[0] == YOUNG_THRESHOLD
        assert gc.get_threshold()[0] == YOUNG_THRESHOLD  # the inner block did not restore early
        assert gc.get_freeze_count() > 0
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_settle_outside_a_block_freezes_nothing():
    settle()
    assert gc.get_freeze_count() == 0
