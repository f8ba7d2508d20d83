"""Static clips for the listening test: stored in the notebook, so they play without a kernel."""

from __future__ import annotations

import html

from IPython.display import Audio

from lessons.content.sounds import what_you_hear
from lessons.physiology import emg_audio
from lessons.physiology.signatures import record_signature

#: Length of each mystery clip (s): short enough to store three in the notebook.
MYSTERY_DURATION = 2.5
#: Mystery clips of the listening test: which signature, how many sources, which seed.
MYSTERY_CLIPS = {1: ("cramp", 8, 11), 2: ("fibrillation", 4, 12), 3: ("fasciculation", 1, 14)}


def signature_sound(
    kind: str, sources: int | None = None, duration: float = MYSTERY_DURATION, seed: int = 0
) -> Audio:
    """A short clip of a signature as an ``IPython.display.Audio`` player (8 kHz, scaled to
    full loudness)."""
    recording = record_signature(kind, sources, duration, seed)
    sound, rate = emg_audio(recording.emg.voltage, recording.emg.sampling_rate)
    return Audio(sound, rate=rate, normalize=False)


class DescribedClip(Audio):
    """A clip that has a name for screen readers and, folded under it, what it sounds like in
    words (``data/sounds.yaml``), so a student who cannot hear it can still do the test."""

    def __init__(self, clip: Audio, name: str, words: str) -> None:
        super().__init__(clip.data, normalize=False)
        self.name, self.words = name, words

    def __repr__(self) -> str:
        return f"{self.name}: a sound clip (open the lesson in JupyterLab to play it)"

    def _repr_html_(self) -> str:
        named = f'<audio aria-label="{html.escape(self.name)}" '
        player = super()._repr_html_().replace("<audio ", named, 1)
        return (
            f"{player}<details class='lessons-sound-words'><summary>Cannot hear it? Read what "
            f"it sounds like</summary><p>{html.escape(self.words)}</p></details>"
        )


def mystery_sound(number: int) -> DescribedClip:
    """Clip ``number`` (1-3) of the listening test: one of the three signatures, unnamed, with
    a description of its rhythm and texture that does not name it either."""
    if isinstance(number, bool) or not isinstance(number, int) or number not in MYSTERY_CLIPS:
        raise ValueError(f"number must be one of {list(MYSTERY_CLIPS)}; got {number!r}")
    kind, sources, seed = MYSTERY_CLIPS[number]
    clip = signature_sound(kind, sources, MYSTERY_DURATION, seed)
    return DescribedClip(clip, f"Listening test, clip {number}", what_you_hear(kind))
