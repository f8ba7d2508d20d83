"""Accompanying symptoms (lesson 07): the completed list, its urgencies and its sources."""

from __future__ import annotations

import pytest
import yaml

from lessons.content.causes import ContentError
from lessons.content.references import references
from lessons.content.symptoms import load_symptoms, symptoms, symptoms_by_urgency
from lessons.content.triage import LEVELS, triage, triage_table
from lessons.paths import data_file

# Symptoms the issue asks the completed list to include (issue 6, lesson 07).
REQUIRED = [
    "muscle_weakness",
    "muscle_wasting",
    "cramps",
    "numbness_tingling",
    "tiredness",
    "anxiety",
    "palpitations",
    "difficulty_swallowing",
]


def test_required_symptoms_are_listed():
    ids = {row.id for row in symptoms()}
    assert [symptom for symptom in REQUIRED if symptom not in ids] == []


def test_every_symptom_is_cited_and_says_what_it_may_suggest():
    known = references()
    for row in symptoms():
        assert row.may_suggest.strip(), row.id
        assert row.urgency in LEVELS, row.id
        assert row.references and all(key in known for key in row.references), row.id


def test_linked_symptoms_sort_like_their_triage_sign():
    linked = [row for row in symptoms() if row.triage_sign]
    assert linked
    for row in linked:
        assert triage([row.triage_sign]).level == row.urgency, row.id


def test_every_seed_emergency_sign_has_a_symptom_row():
    linked = {row.triage_sign for row in symptoms()}
    emergency = {s.id for s in triage_table().signs.values() if s.level == "emergency"}
    assert emergency <= linked


def test_grouping_puts_the_most_urgent_first_and_loses_nothing():
    groups = symptoms_by_urgency()
    assert list(groups) == list(reversed(LEVELS))
    assert sum(len(rows) for rows in groups.values()) == len(symptoms())


def write_table(tmp_path, edit):
    rows = yaml.safe_load(data_file("symptoms.yaml").read_text(encoding="utf-8"))
    edit(rows)
    path = tmp_path / "symptoms.yaml"
    path.write_text(yaml.safe_dump(rows, allow_unicode=True), encoding="utf-8")
    return path


def first_linked(rows):
    return next(row for row in rows if row.get("triage_sign"))


@pytest.mark.parametrize(
    ("edit", "field"),
    [
        (lambda rows: first_linked(rows).update(urgency="self-care"), "urgency"),
        (lambda rows: first_linked(rows).update(triage_sign="no_such_sign"), "triage_sign"),
        (lambda rows: rows[0].update(references=["nobody1999"]), "references"),
        (lambda rows: rows[0].update(urgency="whenever"), "urgency"),
    ],
)
def test_inconsistent_rows_are_refused_naming_the_field(tmp_path, edit, field):
    with pytest.raises(ContentError, match=field):
        load_symptoms(write_table(tmp_path, edit))
