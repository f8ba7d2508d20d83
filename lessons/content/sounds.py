"""What each of the course's sounds is like, in words (``data/sounds.yaml``).

A sound player teaches nothing to a student who cannot hear it (WCAG 1.1.1 asks for a text
alternative to every non-text content). Each simulation with a player shows one of these
descriptions under it, "What you hear: ...", and the listening test of lesson 04 shows one
under each clip, so the exercise can be done by reading. A description may not name the
sound's own kind: the listening test asks the student to name it.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Annotated

from pydantic import Field
from pydantic.dataclasses import dataclass

from lessons.content.causes import (
    ROW_CONFIG,
    CitationKeys,
    ContentError,
    Identifier,
    check_references,
    read_rows,
)
from lessons.paths import data_file


@dataclass(frozen=True, config=ROW_CONFIG)
class Sound:
    """One sound: its id (the signature or experiment it belongs to) and what it is like."""

    id: Identifier
    hear: Annotated[str, Field(min_length=20, max_length=400)]
    references: CitationKeys


@cache
def sounds() -> dict[str, Sound]:
    """Every sound description of ``data/sounds.yaml`` by id."""
    return load_sounds(data_file("sounds.yaml"))


def load_sounds(path: Path) -> dict[str, Sound]:
    """The descriptions of ``path``; refuses a bad row, or one that names its own kind, with
    the file, the row and the field."""
    rows = read_rows(path, Sound, key="sounds")
    check_references(path, rows)
    for row in rows:
        if row.id.replace("_", " ").casefold() in row.hear.casefold():
            raise ContentError(
                f"{path}: row {row.id!r}: field 'hear' names the sound ({row.id!r}); describe "
                "its rhythm, pitch and texture instead"
            )
    return {row.id: row for row in rows}


def what_you_hear(sound_id: str) -> str:
    """The description of ``sound_id`` (a ValueError lists the known ids)."""
    known = sounds()
    if sound_id not in known:
        raise ValueError(f"sound_id={sound_id!r} is not one of {sorted(known)}")
    return known[sound_id].hear
