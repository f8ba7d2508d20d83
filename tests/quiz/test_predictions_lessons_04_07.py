"""The recorded predictions of lessons 04-07 say what the course's models show.

For every prediction of these banks the outcome is computed here from the model the
experiment runs (``lessons.physiology``, ``lessons.content`` or the symptom checker's own
state) and compared with the option the bank marks correct, so a change to a model that
changes an outcome fails here instead of telling students the wrong result. Each
prediction's cell must come before the first cell that runs its experiment. Lesson 07's
transfer cases are sorted by the triage rules, never by a level written in the bank.
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
from lessons.quiz.schema import PredictionQuestion, SingleChoiceQuestion

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
LESSONS = (
    "04_listening_to_muscle",
    "05_twitch_fibrillation_cramp",
    "06_causes",
    "07_when_to_seek_care",
)
#: The levels of data/triage.yaml, by the option ids lesson 07's banks use for them.
LEVEL_OPTIONS = {
    "self-care": "self-care",
    "see a doctor soon": "doctor-soon",
    "urgent same day": "urgent-today",
    "emergency": "emergency",
}


def _predictions() -> list[tuple[str, PredictionQuestion]]:
    return [
        (lesson, question)
        for lesson in LESSONS
        for question in load_bank(lesson).questions
        if isinstance(question, PredictionQuestion)
    ]


def _correct(question: PredictionQuestion | SingleChoiceQuestion) -> str:
    (choice,) = [choice.id for choice in question.choices if choice.correct]
    return choice


def _question(lesson: str, question_id: str):
    (question,) = [q for q in load_bank(lesson).questions if q.id == question_id]
    return question


# -- Lesson 04: the EMG lab ----------------------------------------------------------------
def largest_and_briefest() -> str:
    from lessons.physiology.potentials import potential_waveforms

    waveforms = potential_waveforms()
    largest = max(waveforms, key=lambda key: waveforms[key].peak_to_peak)
    briefest = min(waveforms, key=lambda key: waveforms[key].duration)
    sizes = {key: round(w.peak_to_peak * 1e6) for key, w in waveforms.items()}
    durations = {key: round(w.duration * 1e3) for key, w in waveforms.items()}
    assert sizes == {"needle": 500, "surface": 200, "fibre": 100}  # the numbers of `result`
    assert durations == {"needle": 10, "surface": 15, "fibre": 2}
    return {
        ("needle", "fibre"): "needle-largest-fibre-briefest",
        ("surface", "fibre"): "surface-largest-fibre-briefest",
        ("needle", "surface"): "needle-largest-surface-briefest",
        ("fibre", "fibre"): "fibre-largest-briefest",
    }.get((largest, briefest), f"unforeseen: {largest} largest, {briefest} briefest")


def light_effort() -> str:
    from lessons.physiology.pool import MotorUnitPool
    from lessons.physiology.recordings import record_voluntary
    from lessons.sims.emg_lab.needle_surface import STEADY_AUDIO_DURATION

    pool = MotorUnitPool()
    light = record_voluntary(0.03, STEADY_AUDIO_DURATION, pool)
    full = record_voluntary(1.0, STEADY_AUDIO_DURATION, pool)
    assert light.recruited_near_needle == 2 and round(light.first_unit_rate) == 8
    assert light.needle_peak == pytest.approx(0.6e-3, rel=0.1)
    assert light.surface_peak == pytest.approx(6e-6, rel=0.2)
    single_units = 1 <= light.recruited_near_needle <= 3
    surface_flat = light.surface_peak < 0.02 * min(light.needle_peak, full.surface_peak)
    needle_flat = light.needle_peak < 0.02 * full.needle_peak
    if single_units and surface_flat:
        return "needle-units-surface-flat"
    if needle_flat and not surface_flat:
        return "surface-units-needle-flat"
    if light.recruited_near_needle > 10:
        return "both-dense"
    return "both-clear"


def steady_rhythm() -> str:
    from lessons.physiology.signatures import SIGNATURES, record_signature

    def variation(kind: str) -> float:
        """The largest coefficient of variation of a source's intervals (30 s of record)."""
        recording = record_signature(kind, duration=30.0)
        intervals = [np.diff(times) for times in recording.activity.spike_times if len(times) > 2]
        assert intervals, f"{kind}: no source fired three times in 30 s"
        return max(float(np.std(gaps) / np.mean(gaps)) for gaps in intervals)

    spread = {kind: variation(kind) for kind in SIGNATURES}
    assert spread["cramp"] > 0.2  # "intervals vary by tens of percent"
    assert record_signature("fibrillation").rates[0] == pytest.approx(5.0)
    regular = [kind for kind, cv in spread.items() if cv < 0.01]
    return regular[0] if len(regular) == 1 else ("none" if not regular else f"several: {regular}")


# -- Lesson 05: the calf -------------------------------------------------------------------
def cramp_force() -> str:
    from lessons.physiology.calf_events import simulate_event

    twitch, cramp = simulate_event("fasciculation"), simulate_event("cramp")
    ratio = cramp.peak_force / twitch.peak_force
    assert round(ratio, -1) == 270 and 10 <= cramp.fibres / twitch.fibres <= 100
    assert twitch.fibres == 1083 and round(cramp.peak_force) == 866
    assert round(twitch.duration, 2) == 0.13 and round(cramp.duration) == 5
    bins = ((10, "under-10"), (100, "ten-to-100"), (1000, "hundred-to-1000"))
    return next((choice for limit, choice in bins if ratio < limit), "over-10000")


def largest_unit() -> str:
    from lessons.physiology.calf_cramp import cramp_units
    from lessons.physiology.calf_sizes import calf_sizes, compare_sizes

    largest = calf_sizes().n_units
    assert largest == 31  # the prompt's "largest unit" is the slider's last position
    assert sum(cramp_units(0.1).values()) == 12
    sizes = compare_sizes(largest, 0.1)
    assert round(sizes.cramp_over_unit) == 11 and round(sizes.cramp_longer) == 67
    if sizes.cramp_over_unit < 1:
        return "unit-ahead"
    if sizes.cramp_over_unit < 2:
        return "all-equal" if sizes.cramp_longer < 2 else "equal-force"
    return "cramp-still-ahead" if sizes.cramp_longer > 10 else "unforeseen"


# -- Lesson 06: the resting axon and the causes table --------------------------------------
def calcium_rate() -> str:
    from lessons.physiology.excitability import HEALTHY_MARGIN, discharge_rate, threshold_margin

    healthy = discharge_rate(HEALTHY_MARGIN)
    low_calcium = discharge_rate(threshold_margin(["low_calcium"]))
    assert round(threshold_margin(["low_calcium"]) * 1e3, 1) == 7.5
    assert round(1 / healthy / 60, 1) == 2.6 and round(1 / low_calcium) == 7
    ratio = low_calcium / healthy
    assert round(ratio) == 22
    if ratio < 1.01:
        return "no-change"
    if ratio < 1.5:
        return "one-sixth-more"
    return "double" if ratio < 4 else "over-ten-times" if ratio > 10 else "unforeseen"


def steepest_step() -> str:
    from lessons.physiology.excitability import discharge_rate

    def step(wide_mv: float, narrow_mv: float) -> float:
        return discharge_rate(narrow_mv / 1e3) / discharge_rate(wide_mv / 1e3)

    far, near = step(9, 8), step(3, 2)
    assert round(far, 1) == 8.4 and round(near, 1) == 1.9
    if np.isclose(far, near, rtol=0.05):
        return "same"
    return "far-step" if far > near else "near-step"


def serious_and_common() -> str:
    from lessons.content.causes import causes

    twitch = [cause for cause in causes() if cause.linked_to_twitches]
    serious = [cause for cause in twitch if cause.serious]
    assert (len(twitch), len(serious)) == (28, 16)  # the prompt's counts
    assert sorted(cause.how_common for cause in serious) == ["rare"] * 8 + ["uncommon"] * 8
    assert sum(cause.how_common == "common" for cause in twitch) == 7
    common = sum(cause.how_common == "common" for cause in serious)
    if common == 0:
        return "none"
    return "a-few" if common <= 4 else "half" if common <= 10 else "most"


# -- Lesson 07: the symptom checker, as the student sets it --------------------------------
def checker_level(signs: tuple[str, ...] = (), **durations: float) -> str:
    from lessons.sims.triage import symptom_checker

    app = symptom_checker()
    for name, value in durations.items():
        app.controls[name].value = value
    for sign in signs:
        app.sign_boxes[sign].value = True
    return LEVEL_OPTIONS[app.result.level]


def fifteen_day_twitch() -> str:
    assert checker_level(twitch_days=14) == "self-care"  # the result's "at 14 days"
    return checker_level(twitch_days=15)


def twelve_minute_cramp() -> str:
    assert checker_level(cramp_minutes=10) == "self-care"
    return checker_level(cramp_minutes=12)


def weakness_climbs() -> str:
    assert checker_level(("muscle_weakness",)) == "doctor-soon"
    return checker_level(("muscle_weakness", "weakness_spreading_over_days"))


OUTCOMES: dict[tuple[str, str], Callable[[], str]] = {
    ("04_listening_to_muscle", "predict-largest-briefest"): largest_and_briefest,
    ("04_listening_to_muscle", "predict-light-effort"): light_effort,
    ("04_listening_to_muscle", "predict-steady-rhythm"): steady_rhythm,
    ("05_twitch_fibrillation_cramp", "predict-cramp-force"): cramp_force,
    ("05_twitch_fibrillation_cramp", "predict-largest-unit"): largest_unit,
    ("06_causes", "predict-calcium-rate"): calcium_rate,
    ("06_causes", "predict-steepest-step"): steepest_step,
    ("06_causes", "predict-serious-and-common"): serious_and_common,
    ("07_when_to_seek_care", "predict-fifteen-day-twitch"): fifteen_day_twitch,
    ("07_when_to_seek_care", "predict-twelve-minute-cramp"): twelve_minute_cramp,
    ("07_when_to_seek_care", "predict-weakness-climbs"): weakness_climbs,
}


def test_every_prediction_of_lessons_04_to_07_is_checked_here() -> None:
    found = {(lesson, question.id) for lesson, question in _predictions()}
    assert found == set(OUTCOMES)
    for lesson in LESSONS:
        assert sum(key[0] == lesson for key in found) >= 2, lesson


@pytest.mark.parametrize("key", sorted(OUTCOMES), ids=lambda key: key[1])
def test_the_correct_option_is_what_the_model_shows(key: tuple[str, str]) -> None:
    lesson, question_id = key
    question = _question(lesson, question_id)
    assert question.choices is not None, "these predictions are all choices"
    assert question.experiment in experiments()
    assert experiments()[question.experiment].lesson == lesson[:2]
    assert _correct(question) == OUTCOMES[key]()


@pytest.mark.parametrize("lesson", LESSONS)
def test_each_prediction_comes_before_the_first_cell_running_its_experiment(lesson) -> None:
    notebook = nbformat.read(NOTEBOOKS / f"{lesson}.ipynb", as_version=4)
    cells = [cell.source for cell in notebook.cells if cell.cell_type == "code"]
    assert "Prediction" in cells[0], "the first code cell imports Prediction"
    for name, question in _predictions():
        if name != lesson:
            continue
        call = f'Prediction.from_bank("{lesson}", "{question.id}")'
        where = [index for index, source in enumerate(cells) if source.strip() == call]
        assert len(where) == 1, f"{question.id}: a one-line cell, shown once"
        app = experiments()[question.experiment].app.split(".")[-1]
        runs = [index for index, source in enumerate(cells) if re.search(rf"\b{app}\(", source)]
        assert runs and where[0] < runs[0], f"{question.id} comes after {app}()"


def test_lesson_07_predictions_offer_exactly_the_levels_of_care() -> None:
    from lessons.content.triage import triage_table

    labels = [level.label for level in triage_table().levels]
    for lesson, question in _predictions():
        if lesson == "07_when_to_seek_care":
            assert [choice.text for choice in question.choices] == labels
            assert [choice.id for choice in question.choices] == list(LEVEL_OPTIONS.values())


#: Lesson 07's transfer cases: the signs each story holds, sorted by the rules.
TRIAGE_TRANSFER = {
    "cramps-wake-her-nightly": (("cramps_disturb_sleep", "cramp_eased_by_stretching"), {}),
    "old-twitch-new-swollen-calf": (("swollen_red_calf",), {"twitch_days": 21}),
}


@pytest.mark.parametrize("question_id", sorted(TRIAGE_TRANSFER))
def test_lesson_07_transfer_cases_follow_the_triage_rules(question_id: str) -> None:
    from lessons.content.triage import triage

    signs, durations = TRIAGE_TRANSFER[question_id]
    question = _question("07_when_to_seek_care", question_id)
    assert question.kind == "transfer"
    assert _correct(question) == LEVEL_OPTIONS[triage(signs, **durations).level]
    assert [choice.id for choice in question.choices] == list(LEVEL_OPTIONS.values())
