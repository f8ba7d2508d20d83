"""Read the folder of results files students handed in, trusting none of them.

An export comes from outside the instructor's machine: it is opened only if it is a regular
file (not a symlink to a device, not a FIFO) of at most ``MAX_EXPORT_BYTES``, parsed with
limits, and checked whole against ``lessons.quiz.records.ExportFile``. A file that fails
any of this is skipped with its reason, so one student's broken file never hides the rest.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from lessons.quiz.jsonfiles import UnusableFile, parse_json, read_regular_file
from lessons.quiz.records import (
    EXPORT_FORMAT,
    FORMAT_VERSION,
    ExportFile,
    describe,
    migrate_lessons,
)

# A whole course of answers exports to about 30 kB; 1 MB leaves room and keeps a class of
# 500 files under half a gigabyte of reading at worst.
MAX_EXPORT_BYTES = 1_000_000


@dataclass(frozen=True)
class SkippedFile:
    """An export (or part of one) that could not be used, and why."""

    path: str
    reason: str


def read_exports(folder: Path | str) -> tuple[list[tuple[Path, dict]], list[SkippedFile]]:
    """Every usable export in ``folder`` (``*.json``), and the files that were skipped."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ValueError(f"folder={str(folder)!r} is not a folder of exported results")
    usable: dict[str, tuple[Path, dict]] = {}
    skipped: list[SkippedFile] = []
    for path in sorted(folder.glob("*.json")):
        reason, data = read_export(path)
        if reason:
            skipped.append(SkippedFile(path.name, reason))
            continue
        student = student_label(path, data)
        if student in usable:
            older, newer = sorted(
                [usable[student], (path, data)], key=lambda pair: pair[1]["exported_at"]
            )
            skipped.append(
                SkippedFile(
                    older[0].name,
                    f"an export of the same student {student!r} is newer: {newer[0].name}",
                )
            )
            usable[student] = newer
        else:
            usable[student] = (path, data)
    return list(usable.values()), skipped


def student_label(path: Path, data: dict) -> str:
    """Who handed the file in: the student id, else the name, else the file name."""
    return data["student"].get("id") or data["student"].get("name") or path.stem


def read_export(path: Path) -> tuple[str | None, dict]:
    """``(None, export)`` for a usable file, else ``(why it was skipped, {})``."""
    try:
        data = parse_json(read_regular_file(path, MAX_EXPORT_BYTES))
    except UnusableFile as error:
        return f"the file {error}", {}
    if not isinstance(data, dict):
        return "not an exported results file (not a JSON object)", {}
    if data.get("format") != EXPORT_FORMAT:
        return f"not an exported results file (format {_short(data.get('format'))})", {}
    version = data.get("format_version")
    if type(version) is not int or version != FORMAT_VERSION:
        return (
            f"format_version {_short(version)} is not supported (expected {FORMAT_VERSION})",
            {},
        )
    try:
        ExportFile.model_validate(data)
    except ValidationError as error:
        return "malformed: " + describe(error), {}
    return None, migrate_lessons(data)


def _short(value: object, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
