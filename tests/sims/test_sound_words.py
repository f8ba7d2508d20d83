"""Every sound player says in words what it plays, and the words follow the sound.

A student who cannot hear (or works without sound) reads "What you hear: ..." under each
player; the page links the player to those words (``TextLinks``, aria-describedby). Here:
every app with a player shows the line, and the line changes when the sound does.
"""

from __future__ import annotations

import ipywidgets as widgets
import pytest
from support.payload import recording_comms

from lessons.content.sounds import what_you_hear
from lessons.controls.described import HEARING_CLASS
from lessons.sims.catalogue import simulation_apps
from lessons.sims.emg_lab import MYSTERY_CLIPS, mystery_sound

APPS = simulation_apps()


def _walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)


def _players_and_lines(app) -> tuple[list, list]:
    parts = list(_walk(app.widget))
    players = [w for w in parts if isinstance(w, widgets.Audio)]
    lines = [w for w in parts if HEARING_CLASS in getattr(w, "_dom_classes", ())]
    return players, lines


def _says(line, sound_id: str) -> bool:
    return line.value.startswith("<p><strong>What you hear:</strong>") and (
        what_you_hear(sound_id)[:40] in line.value
    )


@pytest.mark.parametrize("name", APPS)
def test_every_player_has_a_line_of_words_in_its_own_box(name):
    with recording_comms():
        app = APPS[name]()
    players, lines = _players_and_lines(app)
    assert len(lines) == len(players), name
    for player in players:
        box = next(w for w in _walk(app.widget) if player in getattr(w, "children", ()))
        assert sum(line in box.children for line in lines) == 1, name


def test_the_signature_explorers_words_follow_the_chosen_signature():
    with recording_comms():
        app = APPS["emg_lab.signature_explorer"]()
    (line,) = _players_and_lines(app)[1]
    assert _says(line, "fasciculation")
    for kind in ("fibrillation", "cramp"):
        app.controls["kind"].value = kind
        assert _says(line, kind), kind


def test_the_lookalikes_say_when_there_is_nothing_to_hear():
    with recording_comms():
        app = APPS["benign_serious.lookalike_traces"]()
    (player,), (line,) = _players_and_lines(app)
    app.controls["kind"].value = "neuromyotonia"
    assert _says(line, "neuromyotonic") and player.value
    app.controls["kind"].value = "tremor"
    assert _says(line, "tremor_or_clonus") and not player.value
    assert "No sound" in line.value


def test_the_calf_explorers_words_follow_the_event():
    with recording_comms():
        app = APPS["twitch_or_cramp.twitch_or_cramp_explorer"]()
    (line,) = _players_and_lines(app)[1]
    for event in ("cramp", "fibrillation", "fasciculation"):
        app.controls["event"].value = event
        assert _says(line, event), event


@pytest.mark.parametrize("number", sorted(MYSTERY_CLIPS))
def test_each_listening_test_clip_is_named_and_described_without_its_answer(number):
    kind = MYSTERY_CLIPS[number][0]
    page = mystery_sound(number)._repr_html_()
    assert f'aria-label="Listening test, clip {number}"' in page
    assert "<details" in page and what_you_hear(kind)[:40] in page
    assert not any(name in page.casefold() for name in ("fasciculation", "fibrillation", "cramp"))
