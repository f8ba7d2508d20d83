"""The readouts under lesson 03's figures: what the model says at the controls' settings."""

from __future__ import annotations

from lessons.physiology.drive_ramp import RampReading
from lessons.physiology.force_split import ForceSplitReading
from lessons.physiology.steady_drive import SteadyState


def percent_text(value: float) -> str:
    """A percentage with one decimal below 10 (so small forces do not read as 0)."""
    return f"{value:.1f}" if value < 10 else f"{value:.0f}"


def steady_readout(state: SteadyState) -> str:
    count = state.recruited
    if count == 0:
        return f"Drive {state.percent} %: no unit has reached its threshold; no force."
    rates = state.rates  # units are recruited in order, so the newest is unit number `count`
    return (
        f"Drive {state.percent} %: <b>{count} of {len(rates)}</b> units firing, from unit 1 at "
        f"{rates[0]:.1f} Hz to the newest, unit {count}, at {rates[count - 1]:.1f} Hz. "
        f"Mean force <b>{percent_text(state.mean_force)} %</b> of maximal."
    )


def ramp_readout(reading: RampReading) -> str:
    text = (
        f"At {reading.time:.2f} s the drive is {100 * reading.drive:.1f} % of maximal: "
        f"<b>{reading.recruited} of {reading.n_units}</b> units recruited; force "
        f"<b>{percent_text(reading.force_percent)} %</b> of maximal (mean over 0.1 s)."
    )
    if reading.force_at_full_recruitment is not None:
        text += (
            f" All units have been recruited since {reading.full_recruitment_time:.2f} s, when "
            f"the force was {reading.force_at_full_recruitment:.0f} %: every percent gained "
            "since then comes from rate coding."
        )
    return text


def sources_readout(reading: ForceSplitReading) -> str:
    return (
        f"Drive {reading.drive_percent:.0f} %: <b>{reading.recruited} of "
        f"{reading.n_units}</b> units recruited; force <b>{reading.total_percent:.0f} %</b> of "
        f"maximal, of which recruitment alone gives {reading.recruitment_percent:.0f} % and "
        f"rate coding adds {reading.rate_coding_percent:.0f} %. This pool recruits its last "
        f"unit at {reading.full_recruitment_percent:.0f} % drive (force then about "
        f"{reading.force_at_full_recruitment:.0f} %)."
    )
