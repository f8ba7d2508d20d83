"""One visual language across lessons: one plotly template and one palette of meanings.

Colours are the Okabe–Ito palette, chosen to stay distinct for the common forms of colour
blindness (Okabe & Ito 2008, "Color Universal Design"; Wong 2011, Nature Methods 8:441).
Every figure of the course gets its fonts, margins, legend and axes from the plotly template
registered here as ``"course"`` (``CourseFigure`` applies it), so a change of style is made in
one place.
"""

from __future__ import annotations

import copy

import plotly.graph_objects as go
import plotly.io as pio

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

#: The name every course figure's ``layout.template`` carries.
TEMPLATE_NAME = "course"

#: What the template sets on top of plotly's "simple_white": white background, axes with
#: lines and ticks, no grid; a 14 px font, room for axis titles, the legend above the plot.
_LAYOUT = {
    "height": 360,
    "margin": {"l": 70, "r": 20, "t": 50, "b": 60},
    "font": {"size": 14},
    "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
    "colorway": [
        COLOURS["force"],
        OKABE_ITO["vermillion"],
        OKABE_ITO["bluish_green"],
        OKABE_ITO["orange"],
        OKABE_ITO["reddish_purple"],
        OKABE_ITO["sky_blue"],
        OKABE_ITO["black"],
    ],
}


def course_template() -> go.layout.Template:
    """plotly's "simple_white" with the course's sizes, legend and colour order."""
    template = copy.deepcopy(pio.templates["simple_white"])
    template.layout.update(_LAYOUT)
    return template


def register_template() -> str:
    """Register the course template with plotly (once per kernel) and return its name."""
    if TEMPLATE_NAME not in pio.templates:
        pio.templates[TEMPLATE_NAME] = course_template()
    return TEMPLATE_NAME
