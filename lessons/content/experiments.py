"""The course's experiments (``data/experiments.yaml``): what a recorded prediction links to.

A prediction is only worth recording if the student then runs the experiment that settles
it, so every prediction of a question bank names one of these, and each names the app of
``lessons.sims`` that runs it (checked by a test, since this layer may not import the sims).
"""

from __future__ import annotations

from functools import cache
from typing import Annotated

from pydantic import Field
from pydantic.dataclasses import dataclass

from lessons.content.causes import ROW_CONFIG, read_rows
from lessons.paths import data_file

_ID = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=60)]


@dataclass(frozen=True, config=ROW_CONFIG)
class Experiment:
    """One experiment: its id, the lesson that runs it, the app and a title."""

    id: _ID
    lesson: Annotated[str, Field(pattern=r"^\d\d$")]
    app: Annotated[str, Field(pattern=r"^[a-z_]+\.[a-z_]+$")]
    title: Annotated[str, Field(min_length=1)]


@cache
def experiments() -> dict[str, Experiment]:
    """Every experiment by id, in the order of the file."""
    rows = read_rows(data_file("experiments.yaml"), Experiment, key="experiments")
    return {row.id: row for row in rows}
