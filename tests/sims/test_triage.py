"""Lesson 07's apps, driven through their widgets: the symptom checker and the symptom table.

The expected levels come from the triage rules (``lessons.content.triage``), never from
numbers written here, except the NHS thresholds, which are checked against their source:
a twitch lasting more than 2 weeks (NHS "Twitching eyes and muscles", ``nhs2026a``) and a
leg cramp lasting longer than 10 minutes (NHS "Leg cramps", ``nhs2026b``).
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import nbformat
import pytest

from lessons.content.triage import LEVELS, triage, triage_table
from lessons.quiz import load_bank
from lessons.sims.symptom_table import symptom_table
from lessons.sims.triage import (
    LEVEL_COLOURS,
    LEVEL_SHORT_NAMES,
    LEVEL_SYMBOLS,
    symptom_checker,
)

NOTEBOOK = Path(__file__).resolve().parents[2] / "notebooks" / "07_when_to_seek_care.ipynb"


# -- the symptom checker ---------------------------------------------------------------------
def test_checker_offers_every_sign_except_the_duration_signs():
    app = symptom_checker()
    table = triage_table()
    duration = {table.twitch_days.sign, table.cramp_minutes.sign}
    assert set(app.sign_boxes) == set(table.signs) - duration
    assert all(box.description for box in app.sign_boxes.values())


def test_no_sign_is_self_care_with_the_triangle_on_self_care():
    app = symptom_checker()
    assert app.result.level == "self-care"
    assert "Self-care" in app.readout.value
    assert list(app.level_figure.trace("signs per level").y) == [0, 0, 0, 0]
    assert list(app.level_figure.trace("sorted here").x) == ["Self-care"]


@pytest.mark.parametrize("sign", sorted(triage_table().signs))
def test_each_sign_alone_moves_the_bars_and_readout_to_its_level(sign):
    app = symptom_checker()
    table = triage_table()
    if sign == table.twitch_days.sign:
        app.controls["twitch_days"].value = table.twitch_days.more_than + 1
    elif sign == table.cramp_minutes.sign:
        app.controls["cramp_minutes"].value = table.cramp_minutes.more_than + 1
    else:
        app.sign_boxes[sign].value = True
    level = table.signs[sign].level
    assert app.result.level == triage([sign]).level == level
    expected_counts = [int(candidate == level) for candidate in LEVELS]
    assert list(app.level_figure.trace("signs per level").y) == expected_counts
    assert list(app.level_figure.trace("sorted here").x) == [LEVEL_SHORT_NAMES[level]]
    assert html.escape(table.signs[sign].why) in app.readout.value


def test_one_emergency_sign_outweighs_reassuring_signs():
    app = symptom_checker()
    app.sign_boxes["known_trigger"].value = True
    app.sign_boxes["cramp_eased_by_stretching"].value = True
    assert app.result.level == "self-care"
    app.sign_boxes["sudden_one_sided_weakness"].value = True
    assert app.result.level == "emergency"
    assert list(app.level_figure.trace("signs per level").y) == [2, 0, 0, 1]
    assert list(app.level_figure.trace("signs per level").marker.line.width) == [0, 0, 0, 3]
    assert list(app.level_figure.trace("sorted here").x) == ["Emergency"]
    assert "911" in app.readout.value
    app.sign_boxes["sudden_one_sided_weakness"].value = False
    assert app.result.level == "self-care"


def test_twitch_slider_crosses_the_nhs_two_week_threshold():
    """NHS 'Twitching eyes and muscles' (nhs2026a): see a GP for a twitch over 2 weeks."""
    app = symptom_checker()
    bar = app.duration_figure.trace("twitch duration")
    app.controls["twitch_days"].value = 14
    assert app.result.level == "self-care"
    assert list(bar.x) == [14] and bar.marker.color == LEVEL_COLOURS["self-care"]
    assert "not over" in bar.text[0]
    app.controls["twitch_days"].value = 15
    assert app.result.level == "see a doctor soon"
    assert list(bar.x) == [15] and bar.marker.color == LEVEL_COLOURS["see a doctor soon"]
    assert "over the threshold" in bar.text[0] and "not over" not in bar.text[0]
    assert "2 weeks" in app.readout.value


def test_cramp_slider_crosses_the_nhs_ten_minute_threshold_to_urgent_same_day():
    """NHS 'Leg cramps' (nhs2026b): an urgent appointment for a cramp over 10 minutes."""
    app = symptom_checker()
    bar = app.duration_figure.trace("cramp duration")
    app.controls["cramp_minutes"].value = 10
    assert app.result.level == "self-care" and bar.marker.color == LEVEL_COLOURS["self-care"]
    app.controls["cramp_minutes"].value = 10.5
    assert app.result.level == "urgent same day"
    assert bar.marker.color == LEVEL_COLOURS["urgent same day"]
    assert "10 minutes" in app.readout.value
    assert "Urgent, same day" in app.readout.value and "today" in app.readout.value


def test_urgent_sign_sits_between_a_warning_sign_and_an_emergency():
    app = symptom_checker()
    app.sign_boxes["muscle_wasting"].value = True
    assert app.result.level == "see a doctor soon"
    app.sign_boxes["swollen_red_calf"].value = True
    assert app.result.level == "urgent same day"
    assert list(app.level_figure.trace("signs per level").y) == [0, 1, 1, 0]
    assert list(app.level_figure.trace("sorted here").x) == ["Urgent, same day"]
    app.sign_boxes["chest_pain"].value = True
    assert app.result.level == "emergency"
    assert list(app.level_figure.trace("signs per level").y) == [0, 1, 1, 1]


def test_level_colours_and_shapes_are_distinct_for_the_four_levels():
    assert set(LEVEL_COLOURS) == set(LEVEL_SYMBOLS) == set(LEVEL_SHORT_NAMES) == set(LEVELS)
    assert len(set(LEVEL_COLOURS.values())) == len(set(LEVEL_SYMBOLS.values())) == len(LEVELS)


def test_threshold_lines_sit_at_the_rule_table_values():
    app = symptom_checker()
    table = triage_table()
    lines = sorted(shape.x0 for shape in app.duration_figure.layout.shapes)
    assert lines == sorted([table.twitch_days.more_than, table.cramp_minutes.more_than])


def test_checker_is_framed_as_a_teaching_tool_with_a_fixed_text_form():
    app = symptom_checker()
    text = app._repr_mimebundle_()["text/plain"]
    app.sign_boxes["paralysis"].value = True
    assert app._repr_mimebundle_()["text/plain"] == text
    assert "teaching tool" in text
    shown = " ".join(getattr(child, "value", "") for child in app.widget.children)
    assert "not a diagnostic tool" in shown


# -- the symptom table -----------------------------------------------------------------------
def test_symptom_table_lists_every_symptom_once_most_urgent_first():
    table = symptom_table()
    levels = [level for level, _, _ in table.groups]
    assert levels == sorted(levels, key=LEVELS.index, reverse=True)
    page = table._repr_html_()
    from lessons.content.symptoms import symptoms

    for symptom in symptoms():
        assert page.count(f">{html.escape(symptom.name)}<") == 1
    assert page.index("Emergency") < page.index("Self-care")
    assert repr(table) == f"<SymptomTable: {len(symptoms())} symptoms that may come with twitches>"


# -- the notebook ----------------------------------------------------------------------------
def _notebook():
    return nbformat.read(NOTEBOOK, as_version=4)


def test_notebook_reference_list_holds_every_key_its_content_cites():
    cells = [cell.source for cell in _notebook().cells if cell.cell_type == "code"]
    (call,) = [source for source in cells if "show_references(" in source]
    listed = set(re.findall(r'"([a-z0-9]+)"', call))
    table = triage_table()
    cited = set(symptom_table().references)
    cited |= {key for sign in table.signs.values() for key in sign.references}
    cited |= {key for level in table.levels for key in level.references}
    cited |= {key for q in load_bank("07_when_to_seek_care").questions for key in q.references}
    assert cited - listed == set()


def test_notebook_states_the_number_of_sign_combinations_the_rules_allow():
    markdown = "\n".join(c.source for c in _notebook().cells if c.cell_type == "markdown")
    count = len(triage_table().signs)
    assert f"2<sup>{count}</sup>" in markdown
