"""The territory explorer: one motor unit's fibres lit up in a muscle cross-section, scattered
over a territory shared with other units (:func:`lessons.physiology.territory.unit_territory`)."""

from __future__ import annotations

from lessons.physiology.territory import UnitTerritory, unit_count, unit_territory
from lessons.sims.app import SimulationApp
from lessons.sims.motor_units.section_view import SectionFigure, muscle_picker, whole_slider

TITLE = "Where the fibres of one motor unit lie"
CAPTION = (
    "A muscle cross-section, scaled down (each dot stands for many real fibres): the "
    "orange dots are the fibres of one motor unit, scattered over its territory (dashed "
    "circle) among the fibres of other units (grey)."
)


def unit_territory_explorer(muscle: str = "gastrocnemius medialis", unit: int = 1) -> SimulationApp:
    """Pick a muscle and a motor unit (1 = smallest); the unit's fibres light up in the
    cross-section, with its territory drawn and a count of the other units sharing it."""
    picker = muscle_picker(muscle)
    start = unit_territory(muscle, unit)  # refuses a unit the muscle does not have
    unit_slider = whole_slider("Motor unit (1 = smallest)", start.rank, start.units_drawn)
    section = SectionFigure(
        muscle, TITLE, "Fibres of other motor units", "Fibres of the chosen motor unit"
    )
    app = SimulationApp(
        "Motor-unit territory explorer",
        {"muscle": picker, "unit": unit_slider},
        section.figure,
        caption=CAPTION,
    )

    def fit_slider() -> None:
        unit_slider.max = unit_count(picker.value)
        unit_slider.value = min(unit_slider.value, unit_slider.max)

    def redraw(_change: object = None) -> None:
        shown = unit_territory(picker.value, min(unit_slider.value, unit_count(picker.value)))
        with section.figure.batch_update():
            section.highlight.x, section.highlight.y = shown.fibre_x_mm, shown.fibre_y_mm
            section.territory.x = shown.outline_x_mm
            section.territory.y = shown.outline_y_mm
        app.readout.value = _readout(shown)

    section.follow(picker, redraw, before_redraw=fit_slider)
    unit_slider.observe(redraw, names="value")
    redraw()
    return app


def _real_units_text(shown: UnitTerritory) -> str:
    if shown.real_motor_units is None:
        return (
            f"The picture draws {shown.units_drawn} units; the source used here gives no count "
            "for this muscle, so it is drawn with the medial gastrocnemius's fibres per unit."
        )
    return (
        f"The real muscle has about {shown.real_motor_units} motor units (Feinstein et al. "
        f"1955); {shown.units_drawn} are drawn."
    )


def _readout(shown: UnitTerritory) -> str:
    count = shown.count
    return (
        f"Unit {shown.rank} of {shown.units_drawn} in the {shown.muscle}: {count.own_points} "
        f"dots, each standing for about {shown.fibres_per_point:.0f} real fibres, so about "
        f"{shown.real_fibres:,.0f} fibres.<br>Inside its territory lie {count.territory_points} "
        f"dots: only {100 * count.own_share:.0f} % are its own; the others belong to "
        f"{count.other_units} other units. {_real_units_text(shown)}"
    )
