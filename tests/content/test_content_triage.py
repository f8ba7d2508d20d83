"""Triage rules (lesson 07): every sign combination, NHS thresholds, bad input, vignettes."""

from __future__ import annotations

import math

import pytest
import yaml

from lessons.content.causes import ContentError
from lessons.content.triage import (
    LEVELS,
    level_rank,
    load_triage_table,
    load_vignettes,
    triage,
    triage_table,
    triage_vignette,
    vignettes,
)
from lessons.paths import data_file

# The seed's emergency signs ("Seek immediate medical care (call 911) for serious symptoms,
# such as change in level of consciousness, garbled or slurred speech, a high fever (higher
# than 101 degrees Fahrenheit), sudden weakness on one side of the body, or paralysis").
SEED_EMERGENCY_SIGNS = [
    "change_in_consciousness",
    "slurred_speech",
    "high_fever",
    "sudden_one_sided_weakness",
    "paralysis",
]


def signs_at(level):
    return sorted(sign.id for sign in triage_table().signs.values() if sign.level == level)


def test_levels_run_from_least_to_most_urgent():
    assert LEVELS == ("self-care", "see a doctor soon", "emergency")
    assert [level_rank(level) for level in LEVELS] == [0, 1, 2]
    with pytest.raises(ValueError, match="urgent-ish"):
        level_rank("urgent-ish")


def test_the_seed_emergency_signs_are_emergencies():
    assert set(SEED_EMERGENCY_SIGNS) <= set(signs_at("emergency"))


def test_every_level_has_signs_and_the_table_is_small_enough_to_enumerate():
    assert all(signs_at(level) for level in LEVELS)
    assert len(triage_table().signs) <= 20  # 2**20 cases keep the enumeration under a few seconds


def test_every_combination_of_signs_is_sorted_to_its_most_urgent_sign():
    """All 2**n subsets of the table's signs: none with an emergency sign falls below emergency.

    The subsets are walked in Gray-code order, so each case differs from the last by one sign.
    """
    ids = sorted(triage_table().signs)
    emergency = {ids.index(s) for s in signs_at("emergency")}
    prompt = {ids.index(s) for s in signs_at("see a doctor soon")}
    emergency_mask = sum(1 << i for i in emergency)
    prompt_mask = sum(1 << i for i in prompt)
    present: set[str] = set()
    previous = 0
    checked = 0
    for step in range(1 << len(ids)):
        code = step ^ (step >> 1)
        flipped = code ^ previous
        if flipped:
            sign = ids[flipped.bit_length() - 1]
            present.symmetric_difference_update({sign})
        previous = code
        level = triage(present).level
        if code & emergency_mask:
            expected = "emergency"
        elif code & prompt_mask:
            expected = "see a doctor soon"
        else:
            expected = "self-care"
        if level != expected:
            pytest.fail(f"{sorted(present)} sorted to {level!r}, expected {expected!r}")
        checked += 1
    assert checked == 2 ** len(ids)


def test_the_result_names_the_deciding_signs_and_why():
    result = triage(["known_trigger", "muscle_weakness", "paralysis"])
    assert result.level == "emergency" and result.rank == 2
    assert result.signs == ("paralysis",)
    assert result.reasons == (triage_table().signs["paralysis"].why,)
    assert "911" in result.advice


def test_no_sign_at_all_is_self_care_with_a_reason():
    result = triage([])
    assert result.level == "self-care" and result.signs == () and result.reasons


@pytest.mark.parametrize("sign", signs_at("see a doctor soon"))
def test_each_prompt_care_sign_raises_reassuring_context_to_see_a_doctor(sign):
    context = signs_at("self-care")
    assert triage(context).level == "self-care"
    assert triage([*context, sign]).level == "see a doctor soon"
    assert triage([sign]).level == "see a doctor soon"


@pytest.mark.parametrize("sign", signs_at("emergency"))
def test_each_emergency_sign_wins_over_everything_else(sign):
    everything_else = signs_at("self-care") + signs_at("see a doctor soon")
    assert triage([sign, *everything_else], twitch_days=60, cramp_minutes=30).level == "emergency"


def test_nhs_twitch_threshold_is_more_than_two_weeks():
    """NHS 'Twitching eyes and muscles': see a GP if you have a twitch for more than 2 weeks."""
    assert triage([], twitch_days=14).level == "self-care"
    assert triage([], twitch_days=14.5).level == "see a doctor soon"
    assert triage([], twitch_days=21).signs == ("twitch_over_2_weeks",)


def test_nhs_cramp_threshold_is_longer_than_ten_minutes():
    """NHS 'Leg cramps': see a GP if cramps last longer than 10 minutes."""
    assert triage([], cramp_minutes=10).level == "self-care"
    assert triage([], cramp_minutes=11).level == "see a doctor soon"
    assert triage(["cramp_eased_by_stretching"], cramp_minutes=1).level == "self-care"


def test_seed_fever_threshold_matches_its_celsius_value():
    """The seed's 101 °F is 38.3 °C, the value the sign's label gives."""
    celsius = (101 - 32) * 5 / 9
    assert math.isclose(round(celsius, 1), 38.3)
    label = triage_table().signs["high_fever"].label
    assert "101 °F" in label and "38.3 °C" in label


def test_unknown_signs_are_named():
    with pytest.raises(ValueError, match="tingly_toes"):
        triage(["paralysis", "tingly_toes"])


def test_a_single_string_is_refused():
    with pytest.raises(ValueError, match="signs='paralysis'"):
        triage("paralysis")


@pytest.mark.parametrize("value", [-1, math.nan, math.inf, True, "3"])
@pytest.mark.parametrize("name", ["twitch_days", "cramp_minutes"])
def test_bad_durations_are_refused_naming_the_parameter(name, value):
    with pytest.raises(ValueError, match=name):
        triage([], **{name: value})


def rules_with(tmp_path, edit):
    document = yaml.safe_load(data_file("triage.yaml").read_text(encoding="utf-8"))
    edit(document)
    path = tmp_path / "triage.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    return path


def test_levels_out_of_order_are_refused(tmp_path):
    path = rules_with(tmp_path, lambda d: d["levels"].reverse())
    with pytest.raises(ContentError, match="section 'levels' must list"):
        load_triage_table(path)


def test_a_sign_with_an_unknown_level_is_named(tmp_path):
    path = rules_with(tmp_path, lambda d: d["signs"][0].update(level="urgent"))
    with pytest.raises(ContentError, match=r"row 'change_in_consciousness'.*level"):
        load_triage_table(path)


def test_a_duration_pointing_to_no_sign_is_refused(tmp_path):
    path = rules_with(tmp_path, lambda d: d["durations"]["twitch_days"].update(sign="nothing"))
    with pytest.raises(ContentError, match=r"twitch_days.*'nothing'"):
        load_triage_table(path)


def test_there_are_8_to_12_vignettes_covering_every_level():
    cases = vignettes()
    assert 8 <= len(cases) <= 12
    assert {case.expected for case in cases} == set(LEVELS)
    assert all(case.feedback.strip() and case.story.strip() for case in cases)


@pytest.mark.parametrize("case", vignettes(), ids=lambda case: case.id)
def test_each_vignette_expects_what_the_rules_give(case):
    assert triage_vignette(case).level == case.expected


def test_a_vignette_with_an_unknown_sign_is_refused(tmp_path):
    path = tmp_path / "vignettes.yaml"
    row = {"id": "bad", "title": "T", "story": "S", "signs": ["hiccups"], "expected": "self-care"}
    path.write_text(yaml.safe_dump([{**row, "feedback": "F"}]), encoding="utf-8")
    with pytest.raises(ContentError, match=r"row 'bad'.*signs.*hiccups"):
        load_vignettes(path)
