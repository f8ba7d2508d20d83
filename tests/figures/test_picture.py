"""The PNG pictures that stand in for thousands of markers: exact pixels, bad input refused."""

from __future__ import annotations

import numpy as np
import pytest
from support.png import read_data_uri, read_png

from lessons.figures.picture import colour_ramp, png_bytes, png_data_uri


def test_a_picture_reads_back_pixel_for_pixel():
    rng = np.random.default_rng(1)
    rgba = rng.integers(0, 256, size=(7, 13, 4), dtype=np.uint8)
    assert np.array_equal(read_png(png_bytes(rgba)), rgba)
    assert np.array_equal(read_data_uri(png_data_uri(rgba)), rgba)


def test_a_sparse_raster_compresses_to_a_few_kilobytes():
    rgba = np.zeros((120, 500, 4), dtype=np.uint8)
    rgba[np.arange(120), np.arange(120) * 4] = 255
    assert len(png_bytes(rgba)) < 3_000


@pytest.mark.parametrize(
    ("rgba", "message"),
    [
        (np.zeros((4, 4, 3), dtype=np.uint8), "height, width, 4"),
        (np.zeros((4, 4, 4), dtype=np.float32), "uint8"),
        (np.zeros((0, 4, 4), dtype=np.uint8), "at least one pixel"),
    ],
)
def test_a_malformed_picture_is_refused(rgba, message):
    with pytest.raises(ValueError, match=message):
        png_bytes(rgba)


def test_colours_run_from_one_end_of_the_scale_to_the_other():
    colours = colour_ramp(np.array([30.0, 60.0, 90.0, 10.0]), 30, 90, "#000000", "#FF0080")
    assert colours.tolist() == [[0, 0, 0], [128, 0, 64], [255, 0, 128], [0, 0, 0]]
    with pytest.raises(ValueError, match="#RRGGBB"):
        colour_ramp(np.array([1.0]), 0, 1, "red", "#000000")


def test_tick_raster_puts_each_tick_in_its_row_and_time_column():
    from lessons.figures.picture import tick_raster

    raster = tick_raster([np.array([0.05, 0.95]), np.array([0.5, 1.2])], 1.0, 10, "#FF0000")
    pixels = read_data_uri(raster.source)
    assert pixels.shape == (10, 10, 4)  # 2 rows x 5 pixels, 10 columns of 0.1 s
    drawn = pixels[..., 3] > 0
    # Row 1 (pixels 0-4) has ticks in columns 0 and 9, on its middle three pixels.
    assert np.flatnonzero(drawn[:, 0]).tolist() == [1, 2, 3]
    assert np.flatnonzero(drawn[:, 9]).tolist() == [1, 2, 3]
    # Row 2 has one tick (1.2 s is outside the window), in column 5.
    assert np.flatnonzero(drawn[:, 5]).tolist() == [6, 7, 8]
    assert drawn.sum() == 9
    assert pixels[2, 0, :3].tolist() == [255, 0, 0]
    # Placed so that pixel rows centre row r on y = r and columns on their mid-times.
    centre_of_row_2 = raster.y0 + 7 * raster.dy
    assert centre_of_row_2 == pytest.approx(2.0)
    assert raster.x0 + 5 * raster.dx == pytest.approx(0.55)
    with pytest.raises(ValueError, match="tick_pixels"):
        tick_raster([], 1.0, 10, "#FF0000", pixels_per_row=3, tick_pixels=4)
