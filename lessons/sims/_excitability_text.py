"""The excitability explorer's words: its caption and the readout of a setting of the axon."""

from __future__ import annotations

from html import escape

from lessons.physiology.resting_axon import AxonSetting

CAPTION = (
    "An ILLUSTRATIVE model, not a measurement: the black trace is the small random "
    "fluctuation of a resting axon's potential, the orange dashed line its threshold, "
    "and each triangle a spontaneous discharge where the fluctuation reaches it; "
    "the lower plot gives the expected rate for each gap (Rice 1945). Factors marked "
    "'qualitative' are linked with twitches but their effect on the axon is a guess."
)


def excitability_readout(setting: AxonSetting) -> str:
    """The gap, the rate against the healthy axon's, the count, and the factors narrowing it."""
    factors = "; ".join(
        f"{escape(shift.label)} −{shift.shift_mv:.1f} mV"
        + (" (qualitative guess)" if shift.qualitative else "")
        for shift in setting.shifts
    )
    every = f" (about one every {setting.interval:.0f} s)" if setting.interval >= 1 else ""
    return (
        f"Gap between rest and threshold: <b>{setting.margin_mv:.1f} mV</b> "
        f"(healthy {setting.healthy_margin_mv:.1f} mV). Model rate <b>{setting.rate:.3g} Hz</b>"
        f"{every}, {_times(setting.rate_ratio)} the healthy axon's; "
        f"<b>{setting.count}</b> spontaneous discharges in this {setting.window:.0f}-s window."
        + (f"<br>Narrowing the gap: {factors}." if factors else "")
    )


def _times(ratio: float) -> str:
    """A ratio as plain words: '1.5 times', '2,300 times'."""
    return f"{ratio:.1f} times" if ratio < 10 else f"{ratio:,.0f} times"
