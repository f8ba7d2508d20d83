"""The course map (``data/course.yaml``): the lessons, in order, with the time each takes."""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from lessons.paths import data_file


@dataclass(frozen=True)
class LessonEntry:
    """One lesson of the course map."""

    number: str
    notebook: str
    title: str
    teaches: str
    minutes: int
    ready: bool


#: A lesson's notebook is a plain file name in notebooks/: the site and the course map turn it
#: into a link, so nothing that a browser could read as a scheme ("javascript:") or a path.
NOTEBOOK_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*\.ipynb")


def course_map() -> list[LessonEntry]:
    """The lessons in order, as listed in ``data/course.yaml``."""
    path = data_file("course.yaml")
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    entries = []
    for index, item in enumerate(raw.get("lessons", [])):
        try:
            entries.append(LessonEntry(**item))
        except TypeError as error:
            raise ValueError(f"{path}: lesson {index} ({item.get('number')}): {error}") from error
        notebook = entries[-1].notebook
        if not isinstance(notebook, str) or not NOTEBOOK_NAME.fullmatch(notebook):
            raise ValueError(
                f"{path}: lesson {index} ({item.get('number')}): notebook must be a file name "
                f"such as 01_motor_units.ipynb (letters, digits, _ . -); got {notebook!r}"
            )
    return entries
