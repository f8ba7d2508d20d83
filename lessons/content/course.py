"""The course map (``data/course.yaml``): the lessons, in order, with the time each takes."""

from __future__ import annotations

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
    return entries
