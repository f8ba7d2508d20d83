"""One visual language across lessons: one plotly template and one palette of meanings.

Colours are the Okabe–Ito palette, chosen to stay distinct for the common forms of colour
blindness (Okabe & Ito 2008, "Color Universal Design"; Wong 2011, Nature Methods 8:441), with
a darker orange and vermillion so that every mark stands out from the white page
(``PALETTE``). tests/figures/test_palette_accessibility.py holds the palette to WCAG 2.1
contrast and to staying distinct under simulated protanopia and deuteranopia.
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

#: The colours the course draws with: Okabe–Ito, two of them darker. WCAG 2.1 (success
#: criterion 1.4.11, non-text contrast) asks 3:1 against the background for the parts of a
#: figure one needs to read it; on white, Okabe–Ito's orange has 2.2:1, so it is darkened (to
#: 3.3:1, a pumpkin orange). Vermillion (3.9:1) is darkened too (to 6.0:1, a rust red), or
#: the darker orange would come too close to it for protanopes and deuteranopes. Yellow
#: (1.3:1) and sky blue (2.3:1) are left out: a yellow that dark is olive, and a sky blue that
#: dark is too close to blue for everyone.
PALETTE = {
    "black": OKABE_ITO["black"],
    "orange": "#D67200",
    "bluish_green": OKABE_ITO["bluish_green"],
    "blue": OKABE_ITO["blue"],
    "vermillion": "#A54600",
    "reddish_purple": OKABE_ITO["reddish_purple"],
}

# What each colour means, everywhere in the course.
COLOURS = {
    "force": PALETTE["blue"],  # muscle or motor-unit force
    "reference": "#7F7F7F",  # a fixed curve to compare against
    "slow_unit": PALETTE["bluish_green"],  # slow, small, low-threshold units
    "fast_unit": PALETTE["vermillion"],  # fast, large, high-threshold units
    "stimulus": PALETTE["black"],  # stimuli and spikes
    "fasciculation": PALETTE["orange"],
    "fibrillation": PALETTE["reddish_purple"],
    "cramp": PALETTE["vermillion"],
    "emg": PALETTE["black"],
    "highlight": PALETTE["orange"],
    "inactive": "#D9D9D9",  # the background crowd (other fibres, other units), meant to recede
}

#: The name every course figure's ``layout.template`` carries.
TEMPLATE_NAME = "course"

#: What the template sets on top of plotly's "simple_white": white background, axes with
#: lines and ticks, no grid; a 14 px font, room for axis titles, the legend above the plot.
_LAYOUT = {
    "height": 360,
    # The title sits at the very top and the legend just above the plot, with room for both:
    # with a 50 px top margin the two overlapped in every figure that had both.
    "margin": {"l": 70, "r": 20, "t": 80, "b": 60},
    "title": {"y": 0.98, "yref": "container", "yanchor": "top"},
    "font": {"size": 14},
    "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
    "colorway": [
        COLOURS["force"],
        PALETTE["vermillion"],
        PALETTE["bluish_green"],
        PALETTE["orange"],
        PALETTE["reddish_purple"],
        PALETTE["black"],
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
