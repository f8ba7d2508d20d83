"""Units for a force: the smallest motor units light up, one after the other, until they hold
the share of the muscle's fibres asked for (:func:`lessons.physiology.territory.units_needed`)."""

from __future__ import annotations

from lessons.physiology import _validation as check
from lessons.physiology.territory import ForceRecruitment, points_mm, section_of, units_needed
from lessons.sims.app import SimulationApp
from lessons.sims.motor_units.section_view import SectionFigure, muscle_picker, whole_slider

TITLE = "How many motor units for this force?"
CAPTION = (
    "The same scaled-down cross-section: orange dots are the fibres of the smallest "
    "motor units that, firing together, hold the chosen share of the muscle's fibres "
    "(assuming every fibre gives the same force)."
)


def units_for_force(
    muscle: str = "first dorsal interosseous", force_percent: int = 10
) -> SimulationApp:
    """A force slider (% of the muscle's maximum): the smallest units light up, one after the
    other, until their fibres hold that share of the muscle's fibres."""
    picker = muscle_picker(muscle)
    force_slider = whole_slider(
        "Force wanted (% of the muscle's maximum)",
        check.integer("force_percent", force_percent, 1, 100),
        100,
    )
    section = SectionFigure(
        muscle, TITLE, "Fibres of units that stay silent", "Fibres of the units that must fire"
    )
    section.territory.showlegend = False
    app = SimulationApp(
        "Units-for-force explorer",
        {"muscle": picker, "force": force_slider},
        section.figure,
        caption=CAPTION,
    )

    def redraw(_change: object = None) -> None:
        cross_section = section_of(picker.value)
        result = units_needed(cross_section, picker.value, force_slider.value / 100.0)
        with section.figure.batch_update():
            section.highlight.x, section.highlight.y = points_mm(cross_section, result.fibres)
        app.readout.value = _readout(picker.value, force_slider.value, result)

    section.follow(picker, redraw)
    force_slider.observe(redraw, names="value")
    redraw()
    return app


def _readout(muscle: str, percent: int, result: ForceRecruitment) -> str:
    return (
        f"For {percent} % of the {muscle}'s maximal force, the "
        f"<b>{result.units_needed} smallest of its {result.units_drawn} units</b> drawn "
        f"({result.unit_percent:.0f} % of them) must fire; their fibres are "
        f"{100 * result.fibre_share:.0f} % of the muscle's.<br>The smallest unit adds the "
        f"force of about {result.smallest_unit_fibres:,.0f} fibres, the largest that of "
        f"about {result.largest_unit_fibres:,.0f}."
    )
