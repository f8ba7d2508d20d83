"""The course map (``data/course.yaml``): the lessons, in order, with the time each takes."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import Field, field_validator
from pydantic.dataclasses import dataclass

from lessons.content.causes import ROW_CONFIG, read_rows
from lessons.paths import data_file

#: A lesson's notebook is a plain file name in notebooks/: the site and the course map turn it
#: into a link, so nothing that a browser could read as a scheme ("javascript:") or a path.
NOTEBOOK_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*\.ipynb")


@dataclass(frozen=True, config=ROW_CONFIG)
class LessonEntry:
    """One lesson of the course map."""

    number: str
    notebook: str
    title: Annotated[str, Field(min_length=1)]
    teaches: Annotated[str, Field(min_length=1)]
    minutes: Annotated[int, Field(gt=0)]
    ready: bool

    @field_validator("notebook")
    @classmethod
    def _plain_file_name(cls, notebook: str) -> str:
        if not NOTEBOOK_NAME.fullmatch(notebook):
            raise ValueError(
                "notebook must be a file name such as 01_motor_units.ipynb (letters, digits, "
                f"_ . -); got {notebook!r}"
            )
        return notebook


def course_map() -> list[LessonEntry]:
    """The lessons in order, as listed in ``data/course.yaml`` (checked like every data file:
    a bad entry is refused naming the file, the row and the field)."""
    return read_rows(data_file("course.yaml"), LessonEntry, key="lessons")
