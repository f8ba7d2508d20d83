"""Lesson 02, section 5: how sarcomere length and shortening speed limit force."""

from __future__ import annotations

from lessons.physiology import _validation as check
from lessons.physiology import force_velocity, length_tension, muscle_power
from lessons.physiology import sarcomere as model
from lessons.sims.app import SimulationApp, labelled_slider
from lessons.sims.stimulator import mechanics_figures as figures
from lessons.sims.stimulator._common import percent

MICRO = figures.MICRO
#: Each part of the length-tension curve (Gordon et al. 1966), and why, in words.
_REGION_WORDS = {
    "no overlap": "thin and thick filaments no longer overlap, so no cross-bridge can form",
    "descending limb": (
        "descending limb: stretched, the filaments overlap less, so fewer cross-bridges"
    ),
    "plateau": "plateau: every cross-bridge of the thick filaments faces a thin filament",
    "shallow ascending limb": (
        "shallow ascending limb: thin filaments from both sides overlap and interfere"
    ),
    "steep ascending limb": "steep ascending limb: thick filaments are pushed against the Z discs",
}
_CAPTION = (
    "Top: a schematic half-lattice of one sarcomere at the chosen length (frog filament "
    "lengths, Gordon et al. 1966), blue where thin filaments cover the thick filaments' "
    "cross-bridges. Bottom left: active isometric tension against sarcomere length "
    "(Gordon et al. 1966); bottom right: force and power against shortening velocity "
    "(Hill 1938); diamonds mark your settings."
)


def length_and_speed(sarcomere_length: float = 2.1e-6, velocity: float = 0.0) -> SimulationApp:
    """Sliders for sarcomere length (m) and shortening velocity (fraction of v_max): a drawn
    sarcomere, the length-tension curve (Gordon et al. 1966) and Hill's (1938) force-velocity
    and power curves, each with the current point marked."""
    check.scalar(
        "sarcomere_length",
        sarcomere_length,
        model.MIN_SARCOMERE_LENGTH,
        model.MAX_SARCOMERE_LENGTH,
    )
    check.fraction("velocity", velocity)
    return _LengthSpeedView(sarcomere_length, velocity).app


class _LengthSpeedView:
    """Two sliders over the sarcomere drawing and the curves with their markers."""

    def __init__(self, sarcomere_length: float, velocity: float) -> None:
        self.length = labelled_slider(
            "Sarcomere length (µm)",
            sarcomere_length * MICRO,
            model.MIN_SARCOMERE_LENGTH * MICRO,
            model.MAX_SARCOMERE_LENGTH * MICRO,
            # 0.1 micrometre steps: the slider announces its value to screen readers with one
            # decimal, so finer steps would sound unchanged.
            0.1,
            readout_format=".1f",
        )
        self.velocity = labelled_slider(
            "Shortening velocity (% of maximum)", velocity * 100, 0.0, 100.0, 1.0
        )
        self.sarcomere = figures.sarcomere_figure()
        self.curves = figures.curves_figure()
        self.parts = {name: self.sarcomere.trace(name) for name in figures.SARCOMERE_PARTS}
        self.markers = {
            name: self.curves.trace(name)
            for name in (figures.YOUR_LENGTH, figures.YOUR_SPEED, figures.YOUR_POWER)
        }
        self.app = SimulationApp(
            "Length and speed",
            {"sarcomere_length": self.length, "velocity": self.velocity},
            [self.sarcomere, self.curves],
            caption=_CAPTION,
        )
        self.length.observe(self.redraw, names="value")
        self.velocity.observe(self.redraw, names="value")
        self.redraw()

    def redraw(self, _change: object = None) -> None:
        length = self.length.value / MICRO
        speed = self.velocity.value / 100
        tension = float(length_tension(length))
        force = float(force_velocity(speed))
        power = float(muscle_power(speed))
        with self.sarcomere.batch_update():
            for name, (x, y) in figures.sarcomere_drawing(length).items():
                self.parts[name].x = x
                self.parts[name].y = y
        with self.curves.batch_update():
            self._mark(figures.YOUR_LENGTH, self.length.value, tension)
            self._mark(figures.YOUR_SPEED, self.velocity.value, force)
            self._mark(figures.YOUR_POWER, self.velocity.value, power)
        self.app.readout.value = (
            f"{self.length.value:.1f} µm: {_REGION_WORDS[model.length_tension_region(length)]}; "
            f"isometric tension {percent(tension)} of maximum. Shortening at "
            f"{self.velocity.value:.0f} % of maximal velocity: {percent(force)} of the "
            f"isometric force, power {percent(power, 1)} of F0 × vmax. Both limits together "
            f"(multiplied, a common simplification): {percent(tension * force)} of the "
            f"maximal force."
        )

    def _mark(self, name: str, x: float, fraction: float) -> None:
        marker = self.markers[name]
        marker.x = [x]
        marker.y = [fraction * 100]
