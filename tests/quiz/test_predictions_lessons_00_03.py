"""The recorded predictions of lessons 00 to 03 say what their experiments show.

For every prediction of the four banks, the experiment's app is built as the lesson builds
it, its controls are moved as the lesson asks, and what it displays (its readout and its
traces) is sorted into one of the prediction's options. That option must be the one the bank
marks correct, and the numbers the bank's ``result`` quotes must be the ones the app shows.
Each prediction's cell also comes before the first cell that runs its experiment's app, so a
student locks in before seeing the outcome. Two items that lean on the models (a transfer
question of lesson 02 and its written explanation) are checked against the models too.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import nbformat
import numpy as np
import pytest

from lessons.content.experiments import experiments
from lessons.quiz import load_bank

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
LESSONS = ("00_welcome", "01_motor_units", "02_twitch_to_tetanus", "03_recruitment")

#: What each prediction's experiment shows: the id of the option it bears out, and phrases
#: of the bank's ``result`` that quote the app's numbers.
Outcome = tuple[str, list[str]]
OUTCOMES: dict[str, Callable[[], Outcome]] = {}


def outcome_of(question_id: str):
    def register(check: Callable[[], Outcome]) -> Callable[[], Outcome]:
        OUTCOMES[question_id] = check
        return check

    return register


def _predictions() -> list[tuple[str, object]]:
    return [
        (lesson, question)
        for lesson in LESSONS
        for question in load_bank(lesson).questions
        if question.type == "prediction"
    ]


PREDICTIONS = _predictions()


def _number(pattern: str, text: str) -> float:
    found = re.search(pattern, text)
    assert found, f"{pattern!r} not in the readout {text!r}"
    return float(found.group(1).replace(",", ""))


#: The % of units (lesson 01) and of isometric force (lesson 02) each option stands for.
UNIT_SHARES = {"under-10": (0, 8), "about-10": (8, 12), "between-15-and-30": (15, 30)}
UNIT_SHARES["over-half"] = (50, 100)
FORCE_LEFT = {"about-90": (80, 100), "about-70": (60, 79), "about-a-third": (25, 42)}
FORCE_LEFT["about-a-tenth"] = (5, 15)


def _option_for(value: float, ranges: dict[str, tuple[float, float]]) -> str:
    """The one option whose range (inclusive) holds ``value``."""
    matching = [option for option, (low, high) in ranges.items() if low <= value <= high]
    return matching[0] if len(matching) == 1 else "none of the options"


# ------------------------------------------------------------------------------ lesson 00


def _twitch_shown(app) -> tuple[float, float, float]:
    """Peak time (ms), peak force and half-relaxation time (ms) of the explorer's twitch."""
    from lessons.physiology.train_summary import half_relaxation_time
    from lessons.sims.welcome import YOUR_TWITCH

    trace = app.figure.trace(YOUR_TWITCH)
    time_ms, force = np.asarray(trace.x, dtype=float), np.asarray(trace.y, dtype=float)
    half = half_relaxation_time(time_ms / 1000.0, force) * 1000.0
    return float(time_ms[np.argmax(force)]), float(force.max()), half


@outcome_of("predict-slower-twitch")
def _slower_twitch() -> Outcome:
    from lessons.sims.welcome import twitch_explorer

    app = twitch_explorer()
    peak_before, height_before, half_before = _twitch_shown(app)
    assert peak_before == pytest.approx(50, abs=1)
    app.controls["contraction_time"].value = 100
    peak, height, half = _twitch_shown(app)
    moved = abs(peak - 100) <= 1
    stretch = half / half_before
    if moved and height < height_before - 0.01:
        option = "later-and-weaker"
    elif moved and 1.8 <= stretch <= 2.2:
        option = "later-and-longer"
    elif moved and stretch < 1.2:
        option = "later-same-fall"
    elif not moved and stretch > 1.2:
        option = "same-peak-slower-fall"
    else:
        option = "none of the options"
    assert f"half relaxed again by {half:.0f} ms" in app.readout.value
    return option, [f"by {half:.0f} ms", f"instead of {half_before:.0f} ms"]


@outcome_of("predict-stronger-twitch")
def _stronger_twitch() -> Outcome:
    from lessons.sims.welcome import twitch_explorer

    app = twitch_explorer(contraction_time=0.100)
    peak_before, height_before, half_before = _twitch_shown(app)
    app.controls["peak_force"].value = 2.0
    peak, height, half = _twitch_shown(app)
    assert height == pytest.approx(2 * height_before)
    if peak < peak_before - 1:
        option = "earlier"
    elif peak > peak_before + 1:
        option = "later"
    elif half > half_before + 1:
        option = "slower-relaxation"
    else:
        option = "same-time"
    return option, ["every point of the curve doubled"]


# ------------------------------------------------------------------------------ lesson 01


@outcome_of("predict-one-impulse")
def _one_impulse() -> Outcome:
    from lessons.figures.theme import COLOURS
    from lessons.sims.motor_units import motor_unit_diagram
    from lessons.sims.motor_units.diagram import FIBRES

    app = motor_unit_diagram("first dorsal interosseous")
    app.controls["firing"].value = True
    fibres = app.figure.trace(FIBRES)
    # One colour for the whole trace: every fibre of the unit lit, none left at rest.
    assert fibres.marker.color == COLOURS["highlight"]
    count = int(_number(r"<b>all ([\d,]+) fibres</b>", app.readout.value))
    option = "all-fibres" if count == 340 else "none of the options"
    return option, [f"All {count} fibres"]


@outcome_of("predict-units-for-a-tenth")
def _units_for_a_tenth() -> Outcome:
    from lessons.sims.motor_units import units_for_force

    readout = units_for_force("first dorsal interosseous", force_percent=10).readout.value
    share = _number(r"\((\d+) % of them\)", readout)
    needed = int(_number(r"<b>(\d+) smallest of its", readout))
    drawn = int(_number(r"smallest of its (\d+) units", readout))
    option = _option_for(share, UNIT_SHARES)
    return option, [f"the {needed} smallest of the {drawn} units", f"about {share:.0f} %"]


@outcome_of("predict-unit-scatter")
def _unit_scatter() -> Outcome:
    from lessons.physiology.territory import unit_count, unit_territory
    from lessons.sims.motor_units import unit_territory_explorer

    readout = unit_territory_explorer("gastrocnemius medialis", unit=1).readout.value
    own = _number(r"only (\d+) % are its own", readout)
    others = int(_number(r"belong to (\d+) other units", readout))
    dots = int(_number(r"Inside its territory lie (\d+) dots", readout))
    mine = int(_number(r"gastrocnemius medialis: (\d+) dots", readout))
    every_unit = [
        unit_territory("gastrocnemius medialis", rank)
        for rank in range(1, unit_count("gastrocnemius medialis") + 1)
    ]
    outnumbered = sum(shown.count.own_share < 0.5 for shown in every_unit)
    assert outnumbered > 0.75 * len(every_unit)  # mixed in most units, not only in unit 1
    assert {shown.muscle for shown in every_unit} == {"gastrocnemius medialis"}
    option = "scattered-mixed" if own < 50 and others >= 2 else "solid-patch"
    return option, [
        f"{mine} dots",
        f"a territory of {dots} dots",
        f"only {own:.0f} %",
        f"{others} other units",
        f"In {outnumbered} of the {len(every_unit)} units drawn",
    ]


# ------------------------------------------------------------------------------ lesson 02


@outcome_of("predict-pair-interval")
def _pair_interval() -> Outcome:
    from lessons.sims.stimulator import stimulator

    app = stimulator(protocol="pair", interval=0.3)
    assert app.controls["unit"].value == "slow"
    apart = _number(r"peak (\d+\.\d+) times one twitch", app.readout.value)
    app.controls["interval"].value = 100
    close = _number(r"peak (\d+\.\d+) times one twitch", app.readout.value)
    if abs(close - apart) < 0.05:
        option = "double-at-both" if abs(close - 2) < 0.1 else "same-peak"
    else:
        option = "higher-when-closer" if close > apart else "higher-when-apart"
    return option, [f"about {apart:.1f} times", f"about {close:.1f} times"]


@outcome_of("predict-fatigue-frequency")
def _fatigue_frequency() -> Outcome:
    from lessons.sims.stimulator import fatigue_experiment

    app = fatigue_experiment(frequency=30.0, time=60.0)
    readout = app.readout.value
    after_minute = _number(r"keeps (\d+) ?% of its starting force", readout)
    at_30_end = _number(r"after 180 s: (\d+) ?%", readout)
    at_10_end = _number(r"at 10 Hz, (\d+) ?%", readout)
    fastest = _number(r"fastest unit has (\d+) % of its force capacity", readout)
    slowest_minute = _number(r"the slowest (\d+) %", readout)
    app.controls["time"].value = 180.0
    slowest_end = _number(r"the slowest (\d+) %", app.readout.value)
    faster_at_30 = at_30_end < at_10_end - 10
    fast_first = fastest < 5 and slowest_minute > 90
    option = {
        (True, True): "faster-at-30-fast-units",
        (True, False): "faster-at-30-slow-units",
        (False, True): "faster-at-10-fast-units",
        (False, False): "same-rate-all-units",
    }[(faster_at_30, fast_first)]
    return option, [
        f"kept {after_minute:.0f} % of its starting force after 60 s",
        f"{at_30_end:.0f} % after 3",
        f"it kept {at_10_end:.0f} % after 3 minutes",
        f"about {slowest_end:.0f} % of their capacity",
    ]


@outcome_of("predict-speed-force")
def _speed_force() -> Outcome:
    from lessons.sims.stimulator import length_and_speed

    app = length_and_speed()
    app.controls["velocity"].value = 30
    force = _number(r"maximal velocity: (\d+) ?% of the\s+isometric force", app.readout.value)
    app.controls["velocity"].value = 10
    slow = _number(r"maximal velocity: (\d+) ?% of the\s+isometric force", app.readout.value)
    option = _option_for(force, FORCE_LEFT)
    return option, [f"about {force:.0f} % of its isometric force", f"only about {slow:.0f} %"]


# ------------------------------------------------------------------------------ lesson 03


@outcome_of("predict-weak-drive-units")
def _weak_drive_units() -> Outcome:
    from lessons.sims.recruitment import recruitment_explorer
    from lessons.sims.recruitment.steady import FIRING

    app = recruitment_explorer()
    app.controls["drive"].value = 5
    firing = app.figures[1].trace(FIRING)
    units = np.asarray(firing.x, dtype=int)
    contraction_ms = np.asarray(firing.marker.color, dtype=float)
    assert f"<b>{len(units)} of 120</b> units firing" in app.readout.value
    in_order = np.array_equal(units, np.arange(1, len(units) + 1))
    slow = contraction_ms.min() > 60.0  # the pool runs from 30 ms (fast) to 90 ms (slow)
    if len(units) == 120:
        option = "every-row"
    elif in_order and slow:
        option = "bottom-slow"
    elif np.array_equal(units, np.arange(121 - len(units), 121)):
        option = "top-fast"
    else:
        option = "scattered-mixed"
    return option, [
        f"units 1 to {len(units)} fired",
        f"{contraction_ms.min():.0f} to {contraction_ms.max():.0f} ms",
        f"the other {120 - len(units)} units",
    ]


@outcome_of("predict-last-recruitment")
def _last_recruitment() -> Outcome:
    from lessons.sims.recruitment import ramp_explorer

    app = ramp_explorer()
    app.controls["time"].value = app.controls["time"].max
    readout = app.readout.value
    since = _number(r"recruited since (\d+\.\d+) s", readout)
    force_then = _number(r"when the force was (\d+) ?%", readout)
    force_end = _number(r"force <b>(\d+) ?%</b>", readout)
    share = since / app.controls["time"].max
    rises = force_end - force_then > 20
    if share > 0.97:
        option = "full-drive"
    elif 0.55 <= share <= 0.75:
        option = "two-thirds-rises" if rises else "two-thirds-flat"
    elif 0.25 <= share <= 0.42 and rises:
        option = "one-third-rises"
    else:
        option = "none of the options"
    return option, [
        f"at {since:.2f} s",
        f"at {100 * share:.1f} % of maximal drive",
        f"about {force_then:.0f} %",
    ]


@outcome_of("predict-narrow-range")
def _narrow_range() -> Outcome:
    from lessons.sims.recruitment import force_sources_explorer

    pattern = r"last unit at (\d+) % drive \(force then about (\d+) %\)"

    def last_recruitment(recruitment_range: float) -> tuple[float, float]:
        readout = force_sources_explorer(recruitment_range=recruitment_range).readout.value
        found = re.search(pattern, readout)
        assert found, readout
        return float(found.group(1)), float(found.group(2))

    drive_30, force_30 = last_recruitment(30.0)
    drive_10, force_10 = last_recruitment(10.0)
    drive_90, _ = last_recruitment(90.0)
    if abs(drive_10 - drive_30) < 1:
        option = "same-drive"
    elif drive_10 < drive_30:
        # Above full recruitment only rate coding adds force: it adds more the lower the
        # force at which the last unit joins.
        option = "earlier-rate-coding" if force_10 < force_30 else "earlier-recruitment"
    else:
        option = "later-recruitment"
    return option, [
        f"about {drive_10:.0f} % drive",
        f"about {force_10:.0f} % of maximal",
        f"at {drive_30:.0f} % drive (force about {force_30:.0f} %)",
        f"at about {drive_90:.0f} % drive",
    ]


# ------------------------------------------------------------------------------ the tests


def test_every_prediction_of_lessons_00_to_03_is_checked_against_its_model() -> None:
    assert {question.id for _, question in PREDICTIONS} == set(OUTCOMES)


@pytest.mark.parametrize(("lesson", "question"), PREDICTIONS, ids=[q.id for _, q in PREDICTIONS])
def test_the_correct_option_is_what_the_experiment_shows(lesson, question) -> None:
    option, quoted = OUTCOMES[question.id]()
    (correct,) = [choice.id for choice in question.choices if choice.correct]
    assert option == correct, f"{lesson} {question.id}: the experiment shows {option!r}"
    result = " ".join(question.result.split())
    for phrase in quoted:
        assert phrase in result, f"{question.id}: result does not say {phrase!r}: {result}"


@pytest.mark.parametrize(("lesson", "question"), PREDICTIONS, ids=[q.id for _, q in PREDICTIONS])
def test_the_prediction_comes_before_its_experiment_runs(lesson, question) -> None:
    notebook = nbformat.read(NOTEBOOKS / f"{lesson}.ipynb", as_version=4)
    cells = [cell.source for cell in notebook.cells if cell.cell_type == "code"]
    shown = re.compile(rf'Prediction\.from_bank\(\s*"{lesson}",\s*"{re.escape(question.id)}"\s*\)')
    (where,) = [index for index, source in enumerate(cells) if shown.search(source)]
    assert cells[where].strip().count("\n") == 0, "a prediction's cell is one line"
    app = experiments()[question.experiment].app.split(".")[-1]
    runs = [index for index, source in enumerate(cells) if re.search(rf"\b{app}\(", source)]
    assert runs, f"{lesson} never runs {app}()"
    assert where < runs[0], (
        f"{question.id}: cell {where} comes after {app}() runs in cell {runs[0]}"
    )


def test_the_new_unit_of_the_transfer_item_fuses_where_the_bank_says() -> None:
    from lessons.physiology.stimulator_bench import fusion_frequency

    (question,) = [
        q for q in load_bank("02_twitch_to_tetanus").questions if q.id == "fusion-of-a-new-unit"
    ]
    # Its twitch peaks at 62 ms: 2 ms of latent period, then a 60 ms contraction time.
    assert abs(fusion_frequency(0.060) - question.answer) <= question.tolerance.absolute


def test_the_written_explanation_quotes_the_model_s_train() -> None:
    from lessons.physiology.stimulator_bench import run_protocol

    run = run_protocol("train", "slow", 0.1, 30.0)
    assert run.train.state == "fused tetanus"
    assert round(run.train.peak) == 9
