"""Colour arithmetic for the palette tests: WCAG contrast, simulated colour vision, CIEDE2000.

- Contrast ratio: WCAG 2.1, "relative luminance" and "contrast ratio" (sRGB, linearised with
  the 0.04045 threshold of IEC 61966-2-1): https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio
- Dichromacy: Machado, Oliveira & Fernandes (2009), "A Physiologically-based Model for
  Simulation of Color Vision Deficiency", IEEE TVCG 15(6):1291-1298,
  doi:10.1109/TVCG.2009.113. The matrices are the paper's severity-1.0 protanopia and
  deuteranopia matrices (its published table), applied to linear RGB.
- Colour difference: CIEDE2000 (CIE 142-2001), as written out by Sharma, Wu & Dalal (2005),
  "The CIEDE2000 color-difference formula: implementation notes, supplementary test data, and
  mathematical observations", Color Res. Appl. 30(1):21-30, doi:10.1002/col.20070, whose test
  pairs check this implementation (tests/figures/test_palette_accessibility.py).
"""

from __future__ import annotations

import math

import numpy as np

#: Machado et al. (2009), severity 1.0, for linear RGB.
CVD_MATRICES = {
    "protanopia": np.array(
        [
            [0.152286, 1.052583, -0.204868],
            [0.114503, 0.786281, 0.099216],
            [-0.003882, -0.048116, 1.051998],
        ]
    ),
    "deuteranopia": np.array(
        [
            [0.367322, 0.860646, -0.227968],
            [0.280085, 0.672501, 0.047413],
            [-0.011820, 0.042940, 0.968881],
        ]
    ),
}

# sRGB (linear) to CIE XYZ, D65 white (IEC 61966-2-1).
_RGB_TO_XYZ = np.array(
    [
        [0.4124564, 0.3575761, 0.1804375],
        [0.2126729, 0.7151522, 0.0721750],
        [0.0193339, 0.1191920, 0.9503041],
    ]
)
_D65 = _RGB_TO_XYZ @ np.ones(3)


def hex_to_rgb(colour: str) -> np.ndarray:
    """``"#RRGGBB"`` as three floats in 0..1 (gamma-encoded sRGB)."""
    text = colour.lstrip("#")
    if len(text) != 6:
        raise ValueError(f"{colour!r} is not a #RRGGBB colour")
    return np.array([int(text[i : i + 2], 16) / 255 for i in (0, 2, 4)])


def linearise(rgb: np.ndarray) -> np.ndarray:
    return np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)


def relative_luminance(colour: str) -> float:
    """WCAG 2.1 relative luminance of an sRGB colour."""
    return float(np.dot([0.2126, 0.7152, 0.0722], linearise(hex_to_rgb(colour))))


def contrast_ratio(first: str, second: str = "#FFFFFF") -> float:
    """WCAG 2.1 contrast ratio, (L1 + 0.05) / (L2 + 0.05) with L1 the lighter colour."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def simulate(colour: str, deficiency: str | None) -> np.ndarray:
    """Linear RGB of ``colour`` as seen with ``deficiency`` (None: normal colour vision)."""
    linear = linearise(hex_to_rgb(colour))
    if deficiency is None:
        return linear
    return np.clip(CVD_MATRICES[deficiency] @ linear, 0.0, 1.0)


def lab_of_linear_rgb(linear: np.ndarray) -> np.ndarray:
    """CIELAB (D65) of a linear-RGB colour."""
    xyz = (_RGB_TO_XYZ @ linear) / _D65
    delta = 6 / 29
    f = np.where(xyz > delta**3, np.cbrt(xyz), xyz / (3 * delta**2) + 4 / 29)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def ciede2000(lab1: np.ndarray, lab2: np.ndarray) -> float:
    """CIEDE2000 colour difference (kL = kC = kH = 1), after Sharma, Wu & Dalal (2005)."""
    l1, a1, b1 = (float(v) for v in lab1)
    l2, a2, b2 = (float(v) for v in lab2)
    c_mean = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_mean**7 / (c_mean**7 + 25**7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p = math.degrees(math.atan2(b1, a1p)) % 360 if c1p else 0.0
    h2p = math.degrees(math.atan2(b2, a2p)) % 360 if c2p else 0.0
    dlp, dcp = l2 - l1, c2p - c1p
    dhp = 0.0
    if c1p * c2p:
        dhp = h2p - h1p
        if dhp > 180:
            dhp -= 360
        elif dhp < -180:
            dhp += 360
    dHp = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dhp / 2))
    lp_mean, cp_mean = (l1 + l2) / 2, (c1p + c2p) / 2
    hp_mean = h1p + h2p
    if c1p * c2p:
        if abs(h1p - h2p) <= 180:
            hp_mean = (h1p + h2p) / 2
        elif h1p + h2p < 360:
            hp_mean = (h1p + h2p + 360) / 2
        else:
            hp_mean = (h1p + h2p - 360) / 2
    t = (
        1
        - 0.17 * math.cos(math.radians(hp_mean - 30))
        + 0.24 * math.cos(math.radians(2 * hp_mean))
        + 0.32 * math.cos(math.radians(3 * hp_mean + 6))
        - 0.20 * math.cos(math.radians(4 * hp_mean - 63))
    )
    d_theta = 30 * math.exp(-(((hp_mean - 275) / 25) ** 2))
    r_c = 2 * math.sqrt(cp_mean**7 / (cp_mean**7 + 25**7))
    s_l = 1 + 0.015 * (lp_mean - 50) ** 2 / math.sqrt(20 + (lp_mean - 50) ** 2)
    s_c = 1 + 0.045 * cp_mean
    s_h = 1 + 0.015 * cp_mean * t
    r_t = -math.sin(math.radians(2 * d_theta)) * r_c
    return math.sqrt(
        (dlp / s_l) ** 2 + (dcp / s_c) ** 2 + (dHp / s_h) ** 2 + r_t * (dcp / s_c) * (dHp / s_h)
    )


def difference(first: str, second: str, deficiency: str | None = None) -> float:
    """CIEDE2000 between two sRGB colours as seen with ``deficiency`` (None: normal vision)."""
    return ciede2000(
        lab_of_linear_rgb(simulate(first, deficiency)),
        lab_of_linear_rgb(simulate(second, deficiency)),
    )
