"""The PNG pictures that stand in for thousands of markers: exact pixels, bad input refused."""

from __future__ import annotations

import numpy as np
import pytest

from lessons.sims.picture import colour_ramp, png_bytes, png_data_uri, read_data_uri, read_png


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
