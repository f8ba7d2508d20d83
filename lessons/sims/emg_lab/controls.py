"""The lab's widgets besides sliders: option pickers and audio players."""

from __future__ import annotations

from collections.abc import Sequence

import ipywidgets as widgets


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


def audio_block(label: str, player: widgets.Audio) -> widgets.VBox:
    """The player under a bold label saying what it plays."""
    return widgets.VBox([widgets.HTML(f"<b>{label}</b>"), player])
