"""The generated parts of the instructor guide, kept in step with the lessons and the course map.

``docs/instructor-guide.md`` holds sections between marker comments, such as::

    <!-- begin generated: objectives -->
    ...
    <!-- end generated: objectives -->

``python -m lessons.instructor update-guide`` rewrites them from the notebooks, the question
banks and ``data/course.yaml``; ``--check`` only reports stale sections (a test runs it).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from lessons.instructor.objectives import objectives_markdown
from lessons.instructor.timings import timings_markdown

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "instructor-guide.md"
UPDATE_COMMAND = "python -m lessons.instructor update-guide"

SECTIONS: dict[str, Callable[[], str]] = {
    "objectives": objectives_markdown,
    "timings": timings_markdown,
}


def _block(name: str) -> re.Pattern:
    return re.compile(
        rf"(<!-- begin generated: {name} [^\n]*-->\n)(.*?)(<!-- end generated: {name} -->)",
        re.DOTALL,
    )


def begin_marker(name: str) -> str:
    return f"<!-- begin generated: {name} (do not edit; run {UPDATE_COMMAND}) -->"


def updated_guide(text: str) -> tuple[str, list[str]]:
    """The guide's text with every generated section rewritten, and the names that changed."""
    changed = []
    for name, generate in SECTIONS.items():
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


def update_guide(path: Path = GUIDE, check: bool = False) -> list[str]:
    """Rewrite the stale generated sections of ``path`` (or, with ``check``, only list them)."""
    text = path.read_text(encoding="utf-8")
    new_text, changed = updated_guide(text)
    if changed and not check:
        path.write_text(new_text, encoding="utf-8")
    return changed
