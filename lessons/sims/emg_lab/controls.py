"""The lab's widgets besides sliders: option pickers, and audio players with their words."""

from __future__ import annotations

import html
from collections.abc import Sequence

import ipywidgets as widgets

from lessons.content.sounds import what_you_hear
from lessons.controls.described import HEARING_CLASS


def picker(
    description: str, options: Sequence[tuple[str, object]], value: object
) -> widgets.ToggleButtons:
    """Buttons for a few options, each as wide as its label."""
    return widgets.ToggleButtons(
        options=list(options),
        value=value,
        description=description,
        style={"description_width": "initial", "button_width": "auto"},
    )


def audio_player() -> widgets.Audio:
    """A WAV player that waits to be pressed (``player.value`` takes ``wav_bytes``)."""
    return widgets.Audio(format="wav", autoplay=False, loop=False, controls=True)


def hearing_line(sound_id: str) -> widgets.HTML:
    """The line under a player that says in words what it plays (``data/sounds.yaml``), for a
    student who cannot hear it; ``say_what_plays`` changes it with the sound."""
    line = widgets.HTML()
    line.add_class(HEARING_CLASS)
    say_what_plays(line, sound_id)
    return line


def say_what_plays(line: widgets.HTML, sound_id: str) -> None:
    """Put the description of ``sound_id`` in ``line`` (a ValueError names an unknown id)."""
    words = html.escape(what_you_hear(sound_id))
    line.value = f"<p><strong>What you hear:</strong> {words}</p>"


def audio_block(label: str, player: widgets.Audio, hearing: widgets.HTML) -> widgets.VBox:
    """The player under a bold label saying what it plays, over the words of ``hearing``."""
    return widgets.VBox([widgets.HTML(f"<b>{label}</b>"), player, hearing])
