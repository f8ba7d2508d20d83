"""What each sound is like, in words: every sound of the course described, sourced, unnamed."""

from __future__ import annotations

import pytest
import yaml

from lessons.content.causes import ContentError
from lessons.content.sounds import load_sounds, sounds, what_you_hear
from lessons.paths import data_file
from lessons.physiology.signatures import SIGNATURES


def test_every_signature_and_experiment_sound_is_described():
    assert set(SIGNATURES) | {"voluntary", "ramp", "myokymic", "neuromyotonic"} <= set(sounds())
    assert what_you_hear("fibrillation").startswith("Tiny, brief, sharp ticks")


def test_no_description_names_its_own_kind_so_the_listening_test_stays_a_test():
    for kind in SIGNATURES:
        assert kind not in what_you_hear(kind).casefold()


def test_an_unknown_sound_is_refused_with_the_known_ids():
    with pytest.raises(ValueError, match=r"sound_id='purr'.*fibrillation"):
        what_you_hear("purr")


def _write(tmp_path, edit) -> object:
    document = yaml.safe_load(data_file("sounds.yaml").read_text(encoding="utf-8"))
    edit(document["sounds"])
    path = tmp_path / "sounds.yaml"
    path.write_text(yaml.safe_dump(document), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda rows: rows[1].update(hear="A fibrillation: ticks like a clock."), "names the"),
        (lambda rows: rows[0].update(references=["nobody1999"]), "unknown citation keys"),
        (lambda rows: rows[0].update(references=[]), "references"),
        (lambda rows: rows[0].update(hear="Pops."), "hear"),
        (lambda rows: rows[0].update(loudness="high"), "loudness"),
    ],
)
def test_a_bad_row_is_refused_naming_the_file_the_row_and_the_field(tmp_path, edit, message):
    path = _write(tmp_path, edit)
    with pytest.raises(ContentError, match=message) as error:
        load_sounds(path)
    assert str(path) in str(error.value)
    assert "row 'fasciculation'" in str(error.value) or "row 'fibrillation'" in str(error.value)
