"""One file per student to hand in: their progress, stamped with a format version.

The export is the progress record plus who, when and which course version, so an
instructor's class-results notebook can read exports made months apart and refuse ones it
does not understand instead of guessing.

The file name is the student id (else the name) as a slug in any script, so 王小明 and
محمد stay readable. When the slug had to change the text (spaces, accents differing only
in case, characters a file system forbids) a short hash of the full text is added, so
"Zoë" and "Zoé", or "Ann Lee" and "Ann-Lee", never overwrite each other's file; and the
slug is cut short enough for any file system.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import unicodedata
from pathlib import Path

from pydantic import ValidationError

from lessons.quiz.progress import ProgressStore
from lessons.quiz.records import EXPORT_FORMAT, FORMAT_VERSION, Student, describe

EXPORT_FORMAT_VERSION = FORMAT_VERSION
PREFIX = "muscle-twitch-results-"
MAX_SLUG_CHARACTERS = 48  # 48 CJK characters are 144 bytes: far under the usual 255

__all__ = [
    "EXPORT_FORMAT",
    "EXPORT_FORMAT_VERSION",
    "ExportError",
    "export_file_name",
    "export_results",
]


class ExportError(ValueError):
    """The results could not be exported; the message is for the student."""


def export_file_name(name: str | None, student_id: str | None) -> str:
    """A file name that tells the instructor whose results these are."""
    label = student_id or name or "anonymous"
    slug = re.sub(r"[^\w-]+", "-", unicodedata.normalize("NFC", label)).strip("-_").lower()
    short = slug[:MAX_SLUG_CHARACTERS].strip("-_")
    if short == label:
        return f"{PREFIX}{short}.json"
    digest = hashlib.sha256(label.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"{PREFIX}{short or 'anonymous'}-{digest}.json"


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
    try:
        Student.model_validate(export["student"])
    except ValidationError as error:
        raise ExportError(f"your name or student id cannot be saved: {describe(error)}") from error
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
