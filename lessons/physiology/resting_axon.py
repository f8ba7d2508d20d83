"""Lesson 06's experiment: one window of a resting motor axon, under factors a student picks.

It runs the ILLUSTRATIVE model of :mod:`lessons.physiology.excitability` (noise meeting a
threshold; Rice 1945, Bell Syst Tech J 24:46-156; teaching numbers, not measurements) the way
the lesson does: the membrane noise of the window is drawn once, and each choice of factors only
moves the threshold. The same fluctuation then crosses a lower threshold more often, so the
counts of discharges of two settings are directly comparable.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from lessons.physiology import _validation as check
from lessons.physiology.excitability import (
    DEFAULT_STEP,
    HEALTHY_MARGIN,
    MARGIN_FACTORS,
    MAX_DURATION,
    MAX_MARGIN,
    discharge_rate,
    membrane_noise,
    threshold_crossings,
    threshold_margin,
)

#: Simulated window, 60 s (teaching value): long enough to catch a few discharges of a mildly
#: excitable axon, while the healthy model axon fires about once every two to three minutes.
WINDOW = 60.0
#: Millivolts per volt: the model works in volts, the lesson shows millivolts.
MV_PER_V = 1000.0
#: Gaps of the rate-versus-gap curve, 0.5 to 10 mV: around the healthy 9 mV, down to an axon
#: firing tens of times a second (teaching range).
CURVE_GAPS_MV = (0.5, 10.0)
#: Points of that curve: enough for a smooth line on a log scale.
CURVE_POINTS = 200


@dataclass(frozen=True)
class FactorShift:
    """One factor switched on and how far it narrows the gap, for a readout (mV)."""

    key: str
    label: str
    shift_mv: float
    qualitative: bool


@dataclass(frozen=True, eq=False)
class AxonSetting:
    """The axon with some factors on: its gap, its expected rate and the window's discharges."""

    factors: tuple[str, ...]
    margin: float
    rate: float
    healthy_rate: float
    spike_times: np.ndarray
    window: float

    @property
    def margin_mv(self) -> float:
        """Gap between rest and threshold (mV)."""
        return self.margin * MV_PER_V

    @property
    def healthy_margin_mv(self) -> float:
        """Gap of the healthy axon (mV), to compare with."""
        return HEALTHY_MARGIN * MV_PER_V

    @property
    def count(self) -> int:
        """Spontaneous discharges in the window."""
        return int(self.spike_times.size)

    @property
    def interval(self) -> float:
        """Expected time between discharges (s)."""
        return 1.0 / self.rate

    @property
    def rate_ratio(self) -> float:
        """How many times the healthy axon's rate this axon fires at."""
        return self.rate / self.healthy_rate

    @property
    def shifts(self) -> tuple[FactorShift, ...]:
        """Each factor switched on, in the order given, with its shift (mV)."""
        return tuple(
            FactorShift(
                key=key,
                label=MARGIN_FACTORS[key].label,
                shift_mv=MARGIN_FACTORS[key].shift * MV_PER_V,
                qualitative=MARGIN_FACTORS[key].qualitative,
            )
            for key in self.factors
        )


@dataclass(frozen=True, eq=False)
class RateCurve:
    """Expected discharge rate (Hz) for each gap (mV): the curve a setting is placed on."""

    gaps_mv: np.ndarray
    rates: np.ndarray


def rate_curve(
    low_mv: float = CURVE_GAPS_MV[0],
    high_mv: float = CURVE_GAPS_MV[1],
    points: int = CURVE_POINTS,
) -> RateCurve:
    """Rice's rate for ``points`` gaps from ``low_mv`` to ``high_mv`` (mV, as the lesson plots
    them), so the lesson can place any setting on the curve."""
    widest = MAX_MARGIN * MV_PER_V
    start = check.scalar("low_mv", low_mv, 0.0, widest)
    stop = check.scalar("high_mv", high_mv, start, widest, low_inclusive=False)
    count = check.integer("points", points, 2, 100_000)
    gaps_mv = np.linspace(start, stop, count)
    return RateCurve(gaps_mv=gaps_mv, rates=discharge_rate(gaps_mv / MV_PER_V))


class RestingAxon:
    """One window of a resting axon's membrane noise, drawn once, met by movable thresholds.

    Drawing the noise is the slow part (an FFT convolution); a new setting only compares it
    with a new threshold, which keeps a tick box responsive.
    """

    def __init__(self, window: float = WINDOW, seed: int = 6, step: float = DEFAULT_STEP) -> None:
        self.window = check.positive("window", window, MAX_DURATION)
        self.step = step
        self.noise = membrane_noise(self.window, step=step, seed=seed)
        self.healthy_rate = discharge_rate(HEALTHY_MARGIN)

    @property
    def noise_mv(self) -> np.ndarray:
        """The fluctuation around rest (mV), sampled every ``step`` seconds."""
        return self.noise * MV_PER_V

    def with_factors(self, factors: Iterable[str] = ()) -> AxonSetting:
        """The axon once ``factors`` (keys of ``MARGIN_FACTORS``) have narrowed its gap."""
        keys = (factors,) if isinstance(factors, str) else tuple(factors)
        margin = threshold_margin(keys)
        return AxonSetting(
            factors=keys,
            margin=margin,
            rate=discharge_rate(margin),
            healthy_rate=self.healthy_rate,
            spike_times=threshold_crossings(self.noise, margin, self.step),
            window=self.window,
        )
