"""The muscles of lesson 01's motor-unit diagram (data/muscles.yaml): every number cited, the
counted ones equal to the geometry model's (Feinstein et al. 1955), and bad rows refused by
file, row and field."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from lessons.content.muscles import ContentError, innervated_muscle, load_muscles, muscles
from lessons.content.references import references
from lessons.paths import data_file
from lessons.physiology import geometry


def test_the_three_muscles_of_the_diagram_with_their_numbers() -> None:
    table = muscles()
    assert list(table) == ["lateral rectus", "first dorsal interosseous", "medial gastrocnemius"]
    eye, hand, calf = table.values()
    assert (eye.innervation_number, eye.motor_units, eye.approximate) == (10, None, True)
    assert (hand.innervation_number, hand.motor_units) == (
        geometry.FIRST_DORSAL_INTEROSSEOUS_INNERVATION,
        geometry.FIRST_DORSAL_INTEROSSEOUS_UNITS,
    )
    assert (calf.innervation_number, calf.motor_units) == (
        geometry.MEDIAL_GASTROCNEMIUS_INNERVATION,
        geometry.MEDIAL_GASTROCNEMIUS_UNITS,
    )
    assert (eye.neurons_in, hand.neurons_in) == ("brainstem", "spinal cord")


def test_every_row_cites_known_sources_that_its_source_text_names() -> None:
    known = references()
    for row in muscles().values():
        for key in (*row.number_references, *row.nerve_references):
            assert key in known, (row.id, key)
        for key in row.number_references:
            surname = known[key].authors.split()[0]
            assert surname in row.source, (row.id, surname)
    assert muscles()["lateral rectus"].number_references == ("goyal2014",)
    assert muscles()["medial gastrocnemius"].number_references == ("feinstein1955",)


def test_an_unknown_muscle_is_refused_with_the_choices() -> None:
    with pytest.raises(ValueError, match=r"muscle must be one of .*lateral rectus"):
        innervated_muscle("biceps")


def _table_with(tmp_path: Path, row: str, **changes: object) -> Path:
    rows = yaml.safe_load(data_file("muscles.yaml").read_text(encoding="utf-8"))
    for entry in rows:
        if entry["id"] == row:
            entry.update(changes)
    path = tmp_path / "muscles.yaml"
    path.write_text(yaml.safe_dump(rows), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"innervation_number": 0}, "innervation_number"),
        ({"innervation_number": "340"}, "innervation_number"),
        ({"motor_units": -5}, "motor_units"),
        ({"neurons_in": "cortex"}, "neurons_in"),
        ({"number_references": []}, "number_references"),
        ({"number_references": ["nobody2020"]}, "number_references"),
        ({"nerve_references": ["nobody2020"]}, "nerve_references"),
        ({"source": "two\nlines"}, "source"),
        ({"name": "medial gastrocnemius"}, "name"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_a_bad_row_is_refused_naming_file_row_and_field(tmp_path, changes, field) -> None:
    path = _table_with(tmp_path, "first_dorsal_interosseous", **changes)
    with pytest.raises(ContentError) as error:
        load_muscles(path)
    message = str(error.value)
    assert str(path) in message
    assert "'first_dorsal_interosseous'" in message or "'medial_gastrocnemius'" in message
    assert field in message


def test_a_row_without_a_field_is_refused(tmp_path) -> None:
    rows = yaml.safe_load(data_file("muscles.yaml").read_text(encoding="utf-8"))
    del rows[0]["nerve"]
    path = tmp_path / "muscles.yaml"
    path.write_text(yaml.safe_dump(rows), encoding="utf-8")
    with pytest.raises(ContentError, match=r"row 'lateral_rectus': field 'nerve'"):
        load_muscles(path)
