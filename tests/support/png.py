"""Read back the PNG pictures that ``lessons.figures.picture`` writes, so tests can check
what a picture in a figure shows (which row, column and colour each tick has)."""

from __future__ import annotations

import base64
import struct
import zlib

import numpy as np


def read_png(data: bytes) -> np.ndarray:
    """The RGBA pixels of a PNG written by :func:`png_bytes` (8-bit RGBA, unfiltered rows),
    so tests can check what a picture in a figure shows."""
    if not data.startswith(b"\x89PNG\r\n\x1a\n"):
        raise ValueError("not a PNG file")
    position, chunks = 8, {}
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        chunks[kind] = chunks.get(kind, b"") + data[position + 8 : position + 8 + length]
        position += 12 + length
    width, height, depth, colour_type = struct.unpack(">IIBB", chunks[b"IHDR"][:10])
    if (depth, colour_type) != (8, 6):
        raise ValueError("only 8-bit RGBA PNG files are read here")
    rows = np.frombuffer(zlib.decompress(chunks[b"IDAT"]), dtype=np.uint8)
    rows = rows.reshape(height, 1 + 4 * width)
    if np.any(rows[:, 0] != 0):
        raise ValueError("only unfiltered PNG rows are read here")
    return rows[:, 1:].reshape(height, width, 4).copy()


def read_data_uri(uri: str) -> np.ndarray:
    """The RGBA pixels of a ``data:image/png;base64,...`` address made by :func:`png_data_uri`."""
    prefix = "data:image/png;base64,"
    if not uri.startswith(prefix):
        raise ValueError("not a PNG data address")
    return read_png(base64.b64decode(uri[len(prefix) :]))
