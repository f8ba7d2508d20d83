"""Small pictures for figures that would otherwise draw thousands of SVG markers.

In the notebook, every update of a plotly ``FigureWidget`` makes plotly.js redraw the whole
figure (its widget marks each message with an extra key that plotly.js does not know, and
plotly.js redraws everything for an unknown key). A raster of 3,000 tick markers then costs a
quarter of a second per slider step; the same raster as one PNG picture (an ``image`` trace)
costs a few milliseconds and a few kilobytes. The PNG is written here with the standard
library (zlib), so no imaging package is needed.
"""

from __future__ import annotations

import base64
import struct
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np


def _chunk(kind: bytes, data: bytes) -> bytes:
    checksum = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", checksum)


def png_bytes(rgba: np.ndarray) -> bytes:
    """A PNG file of ``rgba`` (height x width x 4, uint8; row 0 is the top of the file)."""
    pixels = np.asarray(rgba)
    if pixels.ndim != 3 or pixels.shape[2] != 4 or pixels.dtype != np.uint8:
        raise ValueError(f"rgba must be a (height, width, 4) uint8 array; got {pixels.shape}")
    height, width, _ = pixels.shape
    if height == 0 or width == 0:
        raise ValueError("rgba must have at least one pixel")
    # Each row starts with filter type 0 (no filter); zlib does the compressing.
    rows = np.concatenate([np.zeros((height, 1), dtype=np.uint8), pixels.reshape(height, -1)], 1)
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(rows.tobytes(), 6))
        + _chunk(b"IEND", b"")
    )


def png_data_uri(rgba: np.ndarray) -> str:
    """``rgba`` as a ``data:image/png;base64,...`` address, the form a plotly image takes."""
    return "data:image/png;base64," + base64.b64encode(png_bytes(rgba)).decode("ascii")


def hex_to_rgb(colour: str) -> np.ndarray:
    """``"#D55E00"`` as ``[213, 94, 0]`` (floats, for interpolating)."""
    text = colour.lstrip("#")
    if len(text) != 6:
        raise ValueError(f"colour must look like #RRGGBB; got {colour!r}")
    return np.array([int(text[i : i + 2], 16) for i in (0, 2, 4)], dtype=float)


def colour_ramp(
    values: np.ndarray, low: float, high: float, low_colour: str, high_colour: str
) -> np.ndarray:
    """RGB (uint8) of ``values`` on a two-colour scale from ``low`` to ``high``, interpolated
    in RGB as plotly interpolates its colour scales, so a colour bar drawn by plotly matches."""
    share = np.clip((np.asarray(values, dtype=float) - low) / (high - low), 0.0, 1.0)
    start, end = hex_to_rgb(low_colour), hex_to_rgb(high_colour)
    return np.round(start + share[..., np.newaxis] * (end - start)).astype(np.uint8)


@dataclass(frozen=True)
class TickRaster:
    """Discharges drawn as one picture: ``source`` for a plotly ``go.Image``, placed by
    ``x0``/``dx`` (time) and ``y0``/``dy`` so that row r (1 = first) is centred on y = r."""

    source: str
    x0: float
    dx: float
    y0: float
    dy: float

    def image_properties(self) -> dict:
        return {"source": self.source, "x0": self.x0, "dx": self.dx, "y0": self.y0, "dy": self.dy}


def tick_raster(
    times_by_row: Sequence[np.ndarray],
    duration: float,
    columns: int,
    colour: str,
    pixels_per_row: int = 5,
    tick_pixels: int = 3,
) -> TickRaster:
    """One tick per discharge time (s) in ``[0, duration)``, row by row, as a picture of
    ``columns`` time columns; each tick is ``tick_pixels`` of the row's ``pixels_per_row``
    pixels tall, so neighbouring rows stay apart."""
    if not 0 < tick_pixels <= pixels_per_row:
        raise ValueError(f"tick_pixels must be in [1, {pixels_per_row}]; got {tick_pixels!r}")
    width = duration / columns
    rgba = np.zeros((max(1, len(times_by_row)) * pixels_per_row, columns, 4), dtype=np.uint8)
    first = (pixels_per_row - tick_pixels) // 2
    paint = np.append(hex_to_rgb(colour).astype(np.uint8), 255)
    for row, times in enumerate(times_by_row):
        inside = np.asarray(times, dtype=float)
        inside = inside[(inside >= 0) & (inside < duration)]
        column = np.minimum((inside / width).astype(int), columns - 1)
        top = row * pixels_per_row + first
        rgba[top : top + tick_pixels, column] = paint
    return TickRaster(
        source=png_data_uri(rgba),
        x0=width / 2,
        dx=width,
        y0=0.5 + 0.5 / pixels_per_row,
        dy=1.0 / pixels_per_row,
    )
