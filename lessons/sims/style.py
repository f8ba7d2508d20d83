"""One visual language across lessons: the same colour always means the same thing.

Colours are the Okabe–Ito palette, chosen to stay distinct for the common forms of colour
blindness (Okabe & Ito 2008, "Color Universal Design"; Wong 2011, Nature Methods 8:441).
"""

from __future__ import annotations

OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}

# What each colour means, everywhere in the course.
COLOURS = {
    "force": OKABE_ITO["blue"],  # muscle or motor-unit force
    "reference": "#7F7F7F",  # a fixed curve to compare against
    "slow_unit": OKABE_ITO["bluish_green"],  # slow, small, low-threshold units
    "fast_unit": OKABE_ITO["vermillion"],  # fast, large, high-threshold units
    "stimulus": OKABE_ITO["black"],  # stimuli and spikes
    "fasciculation": OKABE_ITO["orange"],
    "fibrillation": OKABE_ITO["reddish_purple"],
    "cramp": OKABE_ITO["vermillion"],
    "emg": OKABE_ITO["black"],
    "highlight": OKABE_ITO["orange"],
    "inactive": "#D9D9D9",
}

FIGURE_LAYOUT = {
    "template": "simple_white",
    "height": 360,
    "margin": {"l": 70, "r": 20, "t": 50, "b": 60},
    "font": {"size": 14},
    "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
}
