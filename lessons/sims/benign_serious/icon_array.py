"""Lesson 08's icon array: 100,000 adults, one pixel each, and how few of them have ALS.

The counts come from ``lessons.content.benign_serious.natural_frequencies`` (sourced rates
in ``data/benign_serious.yaml``). The picture is one PNG (``lessons.figures.picture``): a
grid of 400 by 250 people, those who have noticed twitches in orange, the student's own
estimate as a block of blue people at the bottom, the people of the chosen ALS group in
black and ringed, so they can be found (zoom in with the mouse to see single people).
"""

from __future__ import annotations

from functools import lru_cache

import ipywidgets as widgets
import numpy as np
import plotly.graph_objects as go

from lessons.content.benign_serious import NaturalFrequencies, natural_frequencies
from lessons.figures.course_figure import CourseFigure
from lessons.figures.picture import hex_to_rgb, png_data_uri
from lessons.figures.theme import COLOURS, PALETTE
from lessons.sims.app import SimulationApp, labelled_slider

POPULATION = 100_000
COLUMNS, ROWS = 400, 250
PEOPLE = "100,000 adults, one pixel each"
RINGS = "The chosen ALS group (ringed)"
ESTIMATE_KEY = "Your estimate (blue block)"
TWITCH_KEY = "Have noticed twitches at some time (orange)"
#: The ALS groups a student can ring, with what each counts.
GROUPS = {
    "living": "People living with ALS",
    "new": "New cases of ALS this year",
    "twitch_first": "New cases this year whose first symptom was twitching",
}
#: Where the people of each ALS group stand: fixed places spread over the grid.
_PLACES = np.random.default_rng(17).choice(POPULATION, size=16, replace=False)

CAPTION = (
    "A grid of 100,000 adults, one pixel each, 400 across and 250 down. The top 70 % (orange) "
    "have noticed twitches at some time. Your estimate is drawn as a blue block at the bottom; "
    "the people of the chosen ALS group are black pixels with rings around them. Zoom in by "
    "dragging a box over the grid; double-click to zoom out. Counts from Reed and Kurland "
    "(via Blexrud et al. 1993), Logroscino et al. 2010, Chiò et al. 2013, Eisen and Stewart 1994."
)


def group_size(counts: NaturalFrequencies, group: str) -> float:
    """The expected number of people in an ALS group (may be a fraction of one person)."""
    sizes = {
        "living": counts.living_with_als,
        "new": counts.new_als_per_year,
        "twitch_first": counts.new_als_first_twitching_per_year,
    }
    if group not in sizes:
        raise ValueError(f"group must be one of {list(sizes)}; got {group!r}")
    return sizes[group]


def _paint(rgba: np.ndarray, flat: np.ndarray, colour: str) -> None:
    rgba.reshape(-1, 4)[flat, :3] = hex_to_rgb(colour).astype(np.uint8)


@lru_cache(maxsize=4)
def _base(twitchers: int) -> np.ndarray:
    """The grid before the estimate and the ALS group: grey, with the twitchers in orange."""
    rgba = np.full((ROWS, COLUMNS, 4), 255, dtype=np.uint8)
    _paint(rgba, np.arange(POPULATION), COLOURS["inactive"])
    _paint(rgba, np.arange(twitchers), COLOURS["fasciculation"])
    rgba.flags.writeable = False
    return rgba


def people_picture(counts: NaturalFrequencies, estimate: int, ringed: int) -> str:
    """The grid as a PNG address: twitchers on top, the estimate at the bottom, ALS in black."""
    rgba = _base(round(counts.noticed_twitches)).copy()
    if estimate > 0:
        _paint(rgba, np.arange(POPULATION - estimate, POPULATION), PALETTE["blue"])
    _paint(rgba, _PLACES[:ringed], PALETTE["black"])
    return png_data_uri(rgba)


def _figure(counts: NaturalFrequencies) -> CourseFigure:
    figure = CourseFigure(layout={"height": 520, "margin": {"l": 20, "r": 20, "t": 90, "b": 20}})
    figure.add_trace(go.Image(source=people_picture(counts, 0, 0), name=PEOPLE, hoverinfo="skip"))
    figure.add_scatter(
        x=[],
        y=[],
        mode="markers",
        name=RINGS,
        marker={
            "symbol": "circle-open",
            "size": 18,
            "color": PALETTE["black"],
            "line": {"width": 2},
        },
        hoverinfo="skip",
    )
    for name, colour in ((TWITCH_KEY, COLOURS["fasciculation"]), (ESTIMATE_KEY, PALETTE["blue"])):
        figure.add_scatter(
            x=[None],
            y=[None],
            mode="markers",
            name=name,
            marker={"symbol": "square", "color": colour},
        )
    figure.update_xaxes(visible=False, range=[-0.5, COLUMNS - 0.5])
    figure.update_yaxes(visible=False, range=[ROWS - 0.5, -0.5], scaleanchor="x")
    figure.update_layout(title_text="Of 100,000 adults ...")
    return figure


def describe(counts: NaturalFrequencies, group: str, estimate: int) -> str:
    """The readout: the sourced counts in words, and the estimate against the chosen group."""
    size = group_size(counts, group)
    if size >= 1:
        truth = f"about {size:.0f}"
    else:
        truth = f"less than one person: about one every {1 / size:.0f} years"
    if estimate == 0:
        verdict = "Your estimate is 0: too low, but much closer than most guesses."
    elif estimate >= size:
        verdict = f"Your estimate is about {estimate / size:,.0f} times the sourced figure."
    else:
        verdict = f"Your estimate is below the sourced figure ({estimate} against {size:.1f})."
    return (
        f"<p>Of {counts.population:,} adults, about {counts.noticed_twitches:,.0f} have noticed "
        f"twitches at some time; about {counts.living_with_als:.0f} are living with ALS; about "
        f"{counts.new_als_per_year:.0f} develop ALS each year; and a case whose first symptom "
        f"is twitching arises about once every {counts.years_per_twitching_onset:.0f} years.</p>"
        f"<p><strong>{GROUPS[group]}:</strong> {truth}. You estimated {estimate:,}. {verdict} "
        f"For each new case of ALS in a year there are about "
        f"{round(counts.twitchers_per_new_case, -3):,.0f} people who have noticed twitches.</p>"
    )


class IconArray:
    """The icon-array app and its redraw."""

    def __init__(self, group: str = "living", estimate: float = 0.0) -> None:
        self.counts = natural_frequencies(POPULATION)
        group_size(self.counts, group)  # refuses an unknown group
        self.controls = {
            "group": widgets.Dropdown(
                options=[(label, key) for key, label in GROUPS.items()],
                value=group,
                description="ALS group to find",
                style={"description_width": "initial"},
            ),
            "estimate": labelled_slider(
                "Your estimate of that group (people among 100,000)", estimate, 0.0, 5000.0, 1.0
            ),
        }
        self.figure = _figure(self.counts)
        self.picture = self.figure.trace(PEOPLE)
        self.rings = self.figure.trace(RINGS)
        self.app = SimulationApp("Of 100,000 adults", self.controls, self.figure, CAPTION)
        for control in self.controls.values():
            control.observe(self.redraw, names="value")
        self.redraw()

    def redraw(self, _change: object = None) -> None:
        """Repaint the grid and ring the chosen group; reword the readout."""
        group = self.controls["group"].value
        estimate = round(self.controls["estimate"].value)
        ringed = round(group_size(self.counts, group))
        places = _PLACES[:ringed]
        with self.figure.batch_update():
            self.picture.source = people_picture(self.counts, estimate, ringed)
            self.rings.x = (places % COLUMNS).tolist()
            self.rings.y = (places // COLUMNS).tolist()
        self.app.readout.value = describe(self.counts, group, estimate)
