"""The largest calls the lesson 08 models accept stay within the physiology memory budget.

Each function's inputs are bounded (durations, counts, curve points), so its largest accepted
call is known; here it runs under tracemalloc, which sees numpy's allocations, and must peak
under ``MEMORY_BUDGET`` (256 MB). Arrays of any length are refused before they are used.
"""

from __future__ import annotations

import gc
import tracemalloc
from collections.abc import Callable

import numpy as np
import pytest

from lessons.physiology import _budget
from lessons.physiology.denervation_timeline import (
    FIBRE_RANGE,
    MAX_DAY,
    TRACE_DURATION_RANGE,
    denervation_course,
    denervation_emg,
    largest_fibrillation,
)
from lessons.physiology.lookalike_signals import DURATION_RANGE, LOOKALIKES
from lessons.physiology.pool import MotorUnitPool
from lessons.physiology.recording_window import MAX_TRIALS, simulate_catches
from lessons.physiology.reinnervation import (
    MAX_CURVE_POINTS,
    SPROUTING_LIMIT_RANGE,
    force_after_loss,
    reinnervated_potential,
)


def _peak(call: Callable[[], object]) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        call()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak


LARGEST = {
    "simulate_catches": lambda: simulate_catches(60.0, 600.0, MAX_TRIALS),
    "force_after_loss (2000 units)": lambda: force_after_loss(
        np.linspace(0.0, 1.0, MAX_CURVE_POINTS), pool=MotorUnitPool(n_units=2000)
    ),
    "reinnervated_potential": lambda: reinnervated_potential(SPROUTING_LIMIT_RANGE[1], 100_000.0),
    "denervation_emg": lambda: denervation_emg(
        60.0, duration=TRACE_DURATION_RANGE[1], fibres=FIBRE_RANGE[1]
    ),
    "denervation_course": lambda: denervation_course(np.arange(0.0, MAX_DAY + 1.0)),
    **{
        f"{kind} trace": (lambda call=call: call(DURATION_RANGE[1]))
        for kind, call in LOOKALIKES.items()
    },
}


@pytest.mark.parametrize("name", list(LARGEST))
def test_the_largest_accepted_call_stays_within_the_budget(name):
    assert _peak(LARGEST[name]) <= _budget.MEMORY_BUDGET


@pytest.mark.parametrize("call", [denervation_course, largest_fibrillation])
def test_a_day_axis_too_long_for_memory_is_refused_by_name(call):
    days = np.broadcast_to(np.float64(10.0), (40_000_000,))
    with pytest.raises(ValueError, match=r"^days=.*allowed range is at most 256 MB"):
        call(days)
