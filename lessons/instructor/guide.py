"""The generated parts of the instructor guide, kept in step with the lessons and the course map.

``docs/instructor-guide.md`` holds sections between marker comments, such as::

    <!-- begin generated: objectives -->
    ...
    <!-- end generated: objectives -->

``python -m lessons.instructor update-guide`` rewrites them from the question banks and
``data/course.yaml``, together with the README's course map and every lesson's header
(``lessons.instructor.lesson_headers``); ``--check`` only reports stale copies (a test runs it).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from lessons.content.course import course_map
from lessons.instructor.objectives import objectives_markdown
from lessons.instructor.timings import timings_markdown

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "instructor-guide.md"
README = ROOT / "README.md"
UPDATE_COMMAND = "python -m lessons.instructor update-guide"

SECTIONS: dict[str, Callable[[], str]] = {
    "objectives": objectives_markdown,
    "timings": timings_markdown,
}


def course_map_markdown() -> str:
    """The README's course map: every lesson of ``data/course.yaml`` and its minutes."""
    rows = [
        f"| {lesson.number} {lesson.title} | {lesson.teaches} | {lesson.minutes} |"
        for lesson in course_map()
    ]
    return "\n".join(["| Lesson | What it teaches | Minutes |", "| --- | --- | ---: |", *rows])


#: The generated sections of the README.
README_SECTIONS: dict[str, Callable[[], str]] = {"course-map": course_map_markdown}


def _block(name: str) -> re.Pattern:
    return re.compile(
        rf"(<!-- begin generated: {name} [^\n]*-->\n)(.*?)(<!-- end generated: {name} -->)",
        re.DOTALL,
    )


def begin_marker(name: str) -> str:
    return f"<!-- begin generated: {name} (do not edit; run {UPDATE_COMMAND}) -->"


def updated_guide(
    text: str, sections: dict[str, Callable[[], str]] | None = None
) -> tuple[str, list[str]]:
    """The guide's text with every generated section rewritten, and the names that changed."""
    changed = []
    for name, generate in (SECTIONS if sections is None else sections).items():
        pattern = _block(name)
        match = pattern.search(text)
        if match is None:
            raise ValueError(
                f"the guide has no generated section {name!r}: add the two lines "
                f"{begin_marker(name)!r} and '<!-- end generated: {name} -->'"
            )
        content = "\n" + generate() + "\n"
        if match.group(2) != content:
            changed.append(name)
            text = text[: match.start(2)] + content + text[match.end(2) :]
    return text, changed


def update_guide(
    path: Path = GUIDE, check: bool = False, sections: dict[str, Callable[[], str]] | None = None
) -> list[str]:
    """Rewrite the stale generated sections of ``path`` (or, with ``check``, only list them)."""
    text = path.read_text(encoding="utf-8")
    new_text, changed = updated_guide(text, sections)
    if changed and not check:
        path.write_text(new_text, encoding="utf-8")
    return changed
