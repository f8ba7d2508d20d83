"""One file per student to hand in: their progress, stamped with a format version.

The export is the progress record plus who, when and which course version, so an
instructor's class-results notebook can read exports made months apart and refuse ones it
does not understand instead of guessing.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path

from lessons.quiz.progress import ProgressStore

EXPORT_FORMAT = "muscle-twitch-course/results"
EXPORT_FORMAT_VERSION = 1


def export_file_name(name: str | None, student_id: str | None) -> str:
    """A file name that tells the instructor whose results these are."""
    label = student_id or name or "anonymous"
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", label).strip("-").lower() or "anonymous"
    return f"muscle-twitch-results-{slug}.json"


def export_results(
    destination: Path | str | None = None,
    store: ProgressStore | None = None,
    name: str | None = None,
    student_id: str | None = None,
) -> Path:
    """Write the student's results to one JSON file and return its path.

    ``destination`` is a ``.json`` file path or a folder, created if needed (default: the
    current folder, next to the notebook, where Jupyter's file browser can download it).
    ``name`` and ``student_id`` override what the progress file says.
    """
    store = store or ProgressStore()
    progress = store.load()
    student = dict(progress.get("student") or {})
    if name is not None:
        student["name"] = name or None
    if student_id is not None:
        student["id"] = student_id or None
    from lessons import __version__

    export = {
        "format": EXPORT_FORMAT,
        "format_version": EXPORT_FORMAT_VERSION,
        "course_version": __version__,
        "exported_at": store.clock().isoformat(timespec="seconds"),
        "student": {"name": student.get("name"), "id": student.get("id")},
        "lessons": progress.get("lessons", {}),
    }
    target = Path(destination) if destination is not None else Path.cwd()
    if target.suffix != ".json":
        target = target / export_file_name(student.get("name"), student.get("id"))
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".export-", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(export, stream, indent=1, ensure_ascii=False, sort_keys=True)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target
