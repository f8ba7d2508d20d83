"""Lesson 02, sections 2 and 3: the stimulator, one pulse, a pair or a train."""

from __future__ import annotations

import numpy as np

from lessons.physiology import stimulator_bench as bench
from lessons.sims.app import SimulationApp, labelled_slider
from lessons.sims.stimulator import bench_figures as figures
from lessons.sims.stimulator._common import UNIT_COLOURS, UNIT_NAMES, toggle, unit_toggle

_PROTOCOLS = (("Single pulse", "single"), ("Pair", "pair"), ("Train", "train"))
#: Top of the force axis per protocol, in twitch peaks: a pair sums to under 4, a train to 10.
_FORCE_RANGES = {"single": 1.15, "pair": 4.0, "train": 10.0}
_CAPTION = (
    "Top: force of one motor unit (Fuglevand et al. 1993 model, 2 ms latent period) "
    "after the stimuli marked by triangles, with a single twitch dashed for comparison. "
    "Bottom: the steady force of each unit at every train frequency, with the current "
    "train marked and each unit's fusion frequency (ripple at most 5 %) dotted."
)


def stimulator(
    protocol: str = "single",
    unit: str = "slow",
    interval: float = 0.150,
    frequency: float = 10.0,
) -> SimulationApp:
    """Stimulate a slow or fast unit with one pulse, a pair ``interval`` seconds apart, or a
    train at ``frequency`` (Hz), and see the force and where the train sits on the unit's
    force-frequency curve.

    The pair interval stops at the unit's contraction time (see
    :func:`lessons.physiology.stimulator_bench.check_stimulator_settings` for why).
    """
    bench.check_stimulator_settings(protocol, unit, interval, frequency)
    return _StimulatorView(protocol, unit, interval, frequency).app


class _StimulatorView:
    """Protocol, unit and two sliders over the force record and the force-frequency curves."""

    def __init__(self, protocol: str, unit: str, interval: float, frequency: float) -> None:
        shortest = bench.UNIT_CONTRACTION_TIMES[unit] * 1000
        self.protocol = toggle("Stimulate with", _PROTOCOLS, protocol)
        self.unit = unit_toggle(unit)
        self.interval = labelled_slider(
            "Pair interval (ms)", interval * 1000, shortest, bench.MAX_PAIR_INTERVAL * 1000, 5.0
        )
        self.frequency = labelled_slider(
            "Train frequency (Hz)",
            frequency,
            bench.MIN_TRAIN_FREQUENCY,
            bench.MAX_TRAIN_FREQUENCY,
            1.0,
        )
        self.force_figure = figures.force_figure()
        self.curve_figure = figures.force_frequency_figure()
        self.comparison = self.force_figure.trace(figures.COMPARISON)
        self.force = self.force_figure.trace(figures.FORCE)  # renamed per unit: kept here
        self.stimuli = self.force_figure.trace(figures.STIMULI)
        self.marker = self.curve_figure.trace(figures.YOUR_TRAIN)
        self.app = SimulationApp(
            "Stimulator",
            {"protocol": self.protocol, "unit": self.unit, **self._sliders(protocol)},
            [self.force_figure, self.curve_figure],
            caption=_CAPTION,
        )
        self.protocol.observe(self.redraw, names="value")
        self.unit.observe(self.change_unit, names="value")
        self.interval.observe(self.redraw, names="value")
        self.frequency.observe(self.redraw, names="value")
        self.redraw()

    def _sliders(self, protocol: str) -> dict:
        # The slider of the protocol the app opens with comes first (keyboard users reach it first).
        if protocol == "train":
            return {"frequency": self.frequency, "interval": self.interval}
        return {"interval": self.interval, "frequency": self.frequency}

    def change_unit(self, _change: object = None) -> None:
        # The pair interval may not go below the new unit's contraction time.
        self.interval.min = bench.UNIT_CONTRACTION_TIMES[self.unit.value] * 1000
        self.redraw()

    def redraw(self, _change: object = None) -> None:
        kind, key = self.protocol.value, self.unit.value
        run = bench.run_protocol(kind, key, self.interval.value / 1000, self.frequency.value)
        self.interval.disabled = kind != "pair"
        self.frequency.disabled = kind != "train"
        self._draw_force(run)
        with self.curve_figure.batch_update():
            self.marker.x = [self.frequency.value] if run.train is not None else []
            self.marker.y = [run.steady_force * 100] if run.train is not None else []
        self.app.readout.value = figures.stimulator_readout(run, self.frequency.value)

    def _draw_force(self, run: bench.StimulatorRun) -> None:
        time_ms = run.response.time * 1000
        top = _FORCE_RANGES[run.protocol]
        with self.force_figure.batch_update():
            self.comparison.x = time_ms
            self.comparison.y = run.single.force
            self.force.x = time_ms
            self.force.y = run.response.force
            self.stimuli.x = run.stimuli * 1000
            self.stimuli.y = np.zeros(len(run.stimuli))
            self.force_figure.layout.xaxis.range = [0, run.duration * 1000]
            self.force_figure.layout.yaxis.range = [-0.05 * top, top]
            self.force.line.color = UNIT_COLOURS[run.unit]
            self.force.name = f"{UNIT_NAMES[run.unit]}: force"
