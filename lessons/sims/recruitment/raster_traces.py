"""The raster of a motor-unit pool as plotly traces: one PNG picture and its colour bar.

One picture instead of one marker per discharge: in the notebook every update redraws the
whole figure, and a picture redraws in a few ms (:mod:`lessons.figures.picture`). Ticks are
coloured by the unit's contraction time, fast units vermillion, slow units bluish green.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from lessons.figures.picture import colour_ramp, png_data_uri
from lessons.figures.theme import COLOURS
from lessons.physiology import MotorUnitPool

#: Trace names.
RASTER = "Discharges (one tick per spike)"
COLOUR_BAR = "Contraction time colour bar"


def unit_colour_scale() -> list[list]:
    """Fast units (short contraction time) vermillion, slow units bluish green (COLOURS)."""
    return [[0.0, COLOURS["fast_unit"]], [1.0, COLOURS["slow_unit"]]]


def _contraction_range_ms(pool: MotorUnitPool) -> tuple[float, float]:
    return (
        float(pool.contraction_times.min() * 1000.0),
        float(pool.contraction_times.max() * 1000.0),
    )


def raster_picture_source(pool: MotorUnitPool, cells: np.ndarray) -> str:
    """A raster grid (:func:`lessons.physiology.raster.raster_image`) as a PNG address:
    transparent where no unit fired, else the colour of the unit's contraction time on the
    raster's colour bar."""
    rgba = np.zeros((*cells.shape, 4), dtype=np.uint8)
    fired = cells > 0
    fastest, slowest = _contraction_range_ms(pool)
    rgba[fired, :3] = colour_ramp(
        cells[fired], fastest, slowest, COLOURS["fast_unit"], COLOURS["slow_unit"]
    )
    rgba[fired, 3] = 255
    return png_data_uri(rgba)


def raster_picture(pool: MotorUnitPool, cells: np.ndarray, bin_width: float) -> go.Image:
    """The raster as one picture trace: one column per ``bin_width``, row 1 = unit 1."""
    return go.Image(
        source=raster_picture_source(pool, cells),
        x0=bin_width / 2,
        dx=bin_width,
        y0=1,
        dy=1,
        name=RASTER,
        hoverinfo="skip",
    )


def colour_bar_only(pool: MotorUnitPool) -> go.Scatter:
    """An empty trace that draws the contraction-time colour bar of a raster picture."""
    fastest, slowest = _contraction_range_ms(pool)
    return go.Scatter(
        x=[None],
        y=[None],
        mode="markers",
        name=COLOUR_BAR,
        showlegend=False,
        hoverinfo="skip",
        marker={
            "color": [slowest],
            "colorscale": unit_colour_scale(),
            "cmin": fastest,
            "cmax": slowest,
            "showscale": True,
            "colorbar": {
                "title": {"text": "Contraction<br>time (ms)"},
                "len": 0.6,
                "y": 1.0,
                "yanchor": "top",
                "thickness": 12,
            },
        },
    )
