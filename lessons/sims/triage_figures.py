"""The symptom checker's two figures: signs by level of care, and durations against limits.

Builders make each figure once with named traces; the draw functions map a
:class:`~lessons.content.triage.TriageResult` onto them. No rule is decided here: what level a
case gets, and which duration signs it has, comes from ``lessons.content.triage``.
"""

from __future__ import annotations

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from lessons.content.triage import LEVELS, DurationRule, TriageResult, TriageTable
from lessons.figures.course_figure import CourseFigure
from lessons.figures.theme import COLOURS, OKABE_ITO
from lessons.sims.care_levels import LEVEL_COLOURS, LEVEL_SHORT_NAMES

TWITCH_DAYS_MAXIMUM = 60.0  # slider range (days); the NHS threshold is 14 days
CRAMP_MINUTES_MAXIMUM = 30.0  # slider range (minutes); the NHS threshold is 10 minutes

#: The duration panels, top to bottom: trace name, the table's rule, axis maximum, unit.
DURATION_PANELS = (
    ("twitch duration", "twitch_days", TWITCH_DAYS_MAXIMUM, "days"),
    ("cramp duration", "cramp_minutes", CRAMP_MINUTES_MAXIMUM, "minutes"),
)


def level_figure() -> CourseFigure:
    """Bars: how many signs call for each level; a triangle over the level the case gets."""
    names = [LEVEL_SHORT_NAMES[level] for level in LEVELS]
    bars = go.Bar(
        x=names,
        y=[0] * len(LEVELS),
        name="signs per level",
        marker={
            "color": [LEVEL_COLOURS[level] for level in LEVELS],
            "line": {"color": OKABE_ITO["black"], "width": [0] * len(LEVELS)},
        },
        text=["0"] * len(LEVELS),
        textposition="outside",
        hovertemplate="%{y} sign(s) call for %{x}<extra></extra>",
        showlegend=False,
    )
    sorted_here = go.Scatter(
        x=[names[0]],
        y=[1.0],
        mode="markers+text",
        name="sorted here",
        marker={"symbol": "triangle-down", "size": 16, "color": OKABE_ITO["black"]},
        text=["sorted here"],
        textposition="top center",
        hoverinfo="skip",
    )
    return CourseFigure(
        data=[bars, sorted_here],
        layout={
            "height": 340,
            "title": {"text": "Signs in the case, by the level each calls for"},
            "showlegend": False,
            "xaxis": {
                "title": {"text": "Level of care (category, least to most urgent)"},
                "type": "category",
                "categoryorder": "array",
                "categoryarray": names,
            },
            "yaxis": {"title": {"text": "Signs present (count)"}, "range": [0, 5.5]},
        },
    )


def draw_levels(figure: CourseFigure, result: TriageResult) -> None:
    """Bar heights from the case's signs; the decided level outlined and marked."""
    counts = list(result.counts)
    decided = LEVELS.index(result.level)
    with figure.batch_update():
        bars = figure.trace("signs per level")
        bars.y = counts
        bars.text = [str(count) for count in counts]
        bars.marker.opacity = [1.0 if i == decided else 0.35 for i in range(len(LEVELS))]
        bars.marker.line.width = [3 if i == decided else 0 for i in range(len(LEVELS))]
        marker = figure.trace("sorted here")
        marker.x = [LEVEL_SHORT_NAMES[result.level]]
        marker.y = [counts[decided] + 1.0]
        figure.layout.yaxis.range = [0, max(4, *counts) + 1.5]


def duration_figure(table: TriageTable) -> CourseFigure:
    """One horizontal bar per duration, with the table's threshold as a dashed line."""
    figure = make_subplots(
        rows=2,
        cols=1,
        vertical_spacing=0.38,
        subplot_titles=("How long the twitch has lasted", "How long the longest cramp lasted"),
    )
    for row, (name, rule_name, maximum, unit) in enumerate(DURATION_PANELS, start=1):
        rule: DurationRule = getattr(table, rule_name)
        figure.add_trace(_duration_bar(name, unit), row=row, col=1)
        figure.add_vline(
            x=rule.more_than,
            line={"color": COLOURS["reference"], "dash": "dash", "width": 2},
            annotation={"text": f"NHS threshold: {rule.more_than:g} {unit}"},
            annotation_position="top right",
            row=row,
            col=1,
        )
        figure.update_xaxes(title_text=f"Duration ({unit})", range=[0, maximum], row=row, col=1)
        # The bar fills the lower half of its panel, leaving room for the threshold label.
        figure.update_yaxes(visible=False, range=[-0.4, 0.9], row=row, col=1)
    figure.update_layout(
        height=380,
        title={"text": "Durations against the NHS thresholds"},
        margin={"l": 30, "r": 40, "t": 80, "b": 50},
    )
    return CourseFigure(figure)


def _duration_bar(name: str, unit: str) -> go.Bar:
    return go.Bar(
        x=[0.0],
        y=[""],
        width=[0.5],
        orientation="h",
        name=name,
        marker={"color": LEVEL_COLOURS[LEVELS[0]]},
        text=[""],
        textposition="outside",
        cliponaxis=False,
        showlegend=False,
        hovertemplate=f"%{{x}} {unit}<extra></extra>",
    )


def draw_durations(
    figure: CourseFigure, table: TriageTable, result: TriageResult, values: dict[str, float]
) -> None:
    """Each bar at its duration, coloured by the level its duration sign calls for, if any."""
    with figure.batch_update():
        for name, rule_name, _maximum, unit in DURATION_PANELS:
            rule: DurationRule = getattr(table, rule_name)
            value = values[rule_name]
            over = rule.sign in result.present
            level = table.signs[rule.sign].level if over else LEVELS[0]
            short_unit = "min" if unit == "minutes" else unit
            bar = figure.trace(name)
            bar.x = [value]
            bar.marker.color = LEVEL_COLOURS[level]
            state = "over" if over else "not over"
            bar.text = [f"{value:g} {short_unit}: {state} the threshold"]
