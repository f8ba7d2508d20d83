"""Lesson 08's facts: every row sourced, look-alikes never below their source, the numbers right."""

from __future__ import annotations

import pytest
import yaml

from lessons.content.benign_serious import (
    REQUIRED_NUMBERS,
    benign_serious,
    load_benign_serious,
    natural_frequencies,
)
from lessons.content.causes import ContentError
from lessons.content.references import references
from lessons.content.triage import LEVELS, triage, triage_table
from lessons.paths import data_file

# The look-alikes issue 17 asks the lesson to teach.
LOOKALIKES = {
    "eyelid_myokymia",
    "hypnic_jerk",
    "myoclonus",
    "tremor",
    "tic",
    "clonus",
    "hemifacial_spasm",
    "focal_seizure",
    "myokymic_discharges",
}


def test_every_row_of_every_section_is_cited_with_known_keys():
    facts = benign_serious()
    known = references()
    sections = [
        facts.numbers.values(),
        facts.follow_up,
        facts.benign_syndrome,
        facts.serious_signs,
        facts.emg_features,
        facts.lookalikes,
        facts.cramp_stretch,
    ]
    for rows in sections:
        for row in rows:
            assert row.references and set(row.references) <= set(known), row.id


def test_the_lookalikes_of_the_issue_are_all_there_with_a_level():
    rows = {row.id: row for row in benign_serious().lookalikes}
    assert set(rows) >= LOOKALIKES
    assert all(row.level in LEVELS for row in rows.values())


def test_a_first_focal_seizure_is_at_least_urgent_and_the_nhs_says_call_999():
    seizure = next(row for row in benign_serious().lookalikes if row.id == "focal_seizure")
    assert LEVELS.index(seizure.level) >= LEVELS.index("urgent same day")
    assert seizure.level == "emergency"
    assert "nhs2026i" in seizure.references


def test_serious_signs_match_lesson_07s_triage_rules():
    linked = [row for row in benign_serious().serious_signs if row.triage_sign]
    assert len(linked) >= 4
    for row in linked:
        assert triage([row.triage_sign]).level == "see a doctor soon", row.id


def test_follow_up_studies_state_their_numbers_and_no_one_developed_mnd():
    studies = {row.id: row for row in benign_serious().follow_up}
    assert studies["mayo_1993"].people == 121
    assert all(row.developed_mnd == 0 for row in studies.values())


def test_natural_frequencies_follow_the_sourced_rates():
    counts = natural_frequencies(100_000)
    facts = benign_serious()
    assert counts.noticed_twitches == pytest.approx(70_000)
    assert counts.new_als_per_year == pytest.approx(facts.number("als_new_per_year"))
    assert counts.living_with_als == pytest.approx(facts.number("als_living"))
    assert counts.new_als_first_twitching_per_year == pytest.approx(2.16 * 0.067)
    assert counts.years_per_twitching_onset == pytest.approx(1 / (2.16 * 0.067))
    # Ten times the people, ten times every group.
    assert natural_frequencies(1_000_000).living_with_als == pytest.approx(54.0)


@pytest.mark.parametrize("population", [0, -5, 2.5, True, "100000", 10**9])
def test_a_bad_population_is_refused_naming_it(population):
    with pytest.raises(ValueError, match="population"):
        natural_frequencies(population)


def test_an_unknown_number_is_named():
    with pytest.raises(KeyError, match="no_such_number"):
        benign_serious().number("no_such_number")


def write_table(tmp_path, edit):
    document = yaml.safe_load(data_file("benign_serious.yaml").read_text(encoding="utf-8"))
    edit(document)
    path = tmp_path / "benign_serious.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    return path


def _seizure(document):
    return next(row for row in document["lookalikes"] if row["id"] == "focal_seizure")


def _clonus(document):
    return next(row for row in document["lookalikes"] if row["id"] == "clonus")


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda d: _seizure(d).update(level="see a doctor soon"), "lower than the source"),
        (lambda d: _seizure(d).update(level="whenever"), "level"),
        (lambda d: _clonus(d).update(level="emergency", source_level="emergency"), "triage sign"),
        (lambda d: d["serious_signs"][0].update(triage_sign="no_such_sign"), "triage_sign"),
        (lambda d: d["emg_features"][0].update(references=["nobody1999"]), "references"),
        (lambda d: d["follow_up"][0].update(people=0), "people"),
        (lambda d: d["numbers"].pop(0), "needs the numbers"),
        (lambda d: d.pop("lookalikes"), "lookalikes"),
    ],
)
def test_bad_rows_are_refused_naming_file_and_field(tmp_path, edit, message):
    with pytest.raises(ContentError, match=message) as caught:
        load_benign_serious(write_table(tmp_path, edit), triage_table())
    assert "benign_serious.yaml" in str(caught.value)


def test_the_required_numbers_are_in_the_file():
    assert set(REQUIRED_NUMBERS) <= set(benign_serious().numbers)
