"""Students' answers and scores, kept in one JSON file that survives kernels and crashes.

The file lives in ``platformdirs.user_data_dir("muscle-twitch-course")``, or in the folder
named by ``LESSONS_PROGRESS_DIR`` (shared machines, the test suite, nbval). Every change is
written to a temporary file in the same folder and renamed over the old one, so a crash
mid-write leaves the previous version intact. A file that cannot be read or makes no sense
is renamed aside (never deleted: a tutor may rescue it) with a visible warning, and a fresh
file is started that keeps the answer being recorded. "Makes no sense" is decided by the
whole-file schema in ``lessons.quiz.records``, so a bad record cannot fail a later save.

Two notebooks (two kernels) may answer at the same time: every read-change-write holds a
lock file next to the progress file (``filelock``; the operating system releases it when a
kernel dies), so neither overwrites the other's answers.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import warnings
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import platformdirs
from filelock import FileLock, Timeout
from pydantic import ValidationError

from lessons.quiz.jsonfiles import UnusableFile, parse_json, read_regular_file
from lessons.quiz.records import (
    FORMAT_VERSION,
    PROGRESS_FORMAT,
    ProgressFile,
    Student,
    describe,
    migrate_lessons,
)
from lessons.quiz.stale_temporaries import remove_stale_temporaries, temporary_prefix

APP_NAME = "muscle-twitch-course"
ENV_VARIABLE = "LESSONS_PROGRESS_DIR"
FILE_NAME = "progress.json"
LOCK_NAME = ".progress.lock"
FORMAT = PROGRESS_FORMAT
MAX_PROGRESS_BYTES = 8 * 1024 * 1024  # a whole course of answers is a few tens of kB
LOCK_TIMEOUT_SECONDS = 20.0  # another kernel's save takes milliseconds; this is a stuck one

Clock = Callable[[], datetime]


class ProgressWarning(UserWarning):
    """The progress file had to be set aside or could not be saved."""


def progress_dir() -> Path:
    """Where progress is kept: ``$LESSONS_PROGRESS_DIR`` if set, else the user data folder."""
    override = os.environ.get(ENV_VARIABLE)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def utc_now() -> datetime:
    return datetime.now(UTC)


def empty_progress() -> dict:
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "student": {"name": None, "id": None},
        "lessons": {},
    }


def problems_in_progress(data: object) -> list[str]:
    """Why ``data`` is not a usable progress record (empty when it is)."""
    try:
        ProgressFile.model_validate(data)
    except ValidationError as error:
        return [describe(error)]
    return []


class ProgressStore:
    """Read, update and atomically save one student's progress file.

    Each update takes the lock, re-reads the file, changes it and writes it back, so two
    notebooks open side by side add to the same record instead of overwriting each other.
    """

    def __init__(self, folder: Path | str | None = None, clock: Clock = utc_now) -> None:
        self.folder = Path(folder) if folder is not None else progress_dir()
        self.clock = clock
        self.notices: list[str] = []
        self._stuck = False  # a broken file that could not be moved aside must not be replaced
        self._lock = FileLock(self.folder / LOCK_NAME, timeout=LOCK_TIMEOUT_SECONDS)
        self._swept = False  # stale temporary files are removed once per store

    @property
    def path(self) -> Path:
        return self.folder / FILE_NAME

    # -- reading -----------------------------------------------------------------------
    def load(self) -> dict:
        """The stored progress; a missing file is a fresh start, a broken one is set aside."""
        self._stuck = False
        raw, data, reason = self._read()
        if reason is None:
            return data
        return self._set_aside(raw, reason)

    def _read(self) -> tuple[bytes | None, dict, str | None]:
        """(bytes, progress, None) or (bytes or None, {}, why the file cannot be used)."""
        try:
            raw = read_regular_file(self.path, MAX_PROGRESS_BYTES, follow_symlinks=True)
        except UnusableFile as error:
            if not os.path.lexists(self.path):
                return None, empty_progress(), None
            return None, {}, f"it {error}"
        try:
            data = parse_json(raw)
        except UnusableFile as error:
            return raw, {}, f"it {error}"
        problems = problems_in_progress(data)
        if problems:
            return raw, {}, "its content is malformed: " + problems[0]
        return raw, migrate_lessons(data), None

    def _set_aside(self, raw: bytes | None, reason: str) -> dict:
        """Move the broken file aside, unless another kernel has meanwhile replaced it."""
        try:
            with self._lock:
                again, data, reason_now = self._read()
                if reason_now is None:
                    return data
                if again != raw:
                    reason = reason_now
                return self._recover(reason)
        except OSError:  # no lock to be had (read-only folder): move it aside all the same
            return self._recover(reason)

    def _recover(self, reason: str) -> dict:
        stamp = self.clock().strftime("%Y%m%dT%H%M%SZ")
        target = self.folder / f"progress.corrupt-{stamp}.json"
        counter = 1
        while target.exists():
            counter += 1
            target = self.folder / f"progress.corrupt-{stamp}-{counter}.json"
        try:
            os.replace(self.path, target)
        except OSError as error:
            self._stuck = True
            message = (
                f"Your progress file {self.path} could not be used because {reason}, and it "
                f"could not be moved aside ({error.strerror or error}). Your answers are not "
                f"saved until it is fixed or {ENV_VARIABLE} names another folder."
            )
        else:
            message = (
                f"Your progress file {self.path} could not be used because {reason}; it was "
                f"kept as {target.name}. A fresh progress file was started; your new answers "
                "are saved in it."
            )
        self._warn(message)
        return empty_progress()

    def _warn(self, message: str) -> None:
        self.notices.append(message)
        warnings.warn(message, ProgressWarning, stacklevel=4)

    def take_notices(self) -> list[str]:
        """Messages for the student since the last call (recovered or unsaved files)."""
        notices, self.notices = self.notices, []
        return notices

    # -- writing -----------------------------------------------------------------------
    def save(self, data: dict) -> bool:
        """Write ``data`` atomically; a disk or permission failure warns and returns False."""
        if self._stuck:
            return False  # already warned by load(): never overwrite the unreadable file
        temporary = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(
                dir=self.folder, prefix=temporary_prefix("progress"), suffix=".tmp"
            )
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                json.dump(data, stream, indent=1, ensure_ascii=False, sort_keys=True)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temporary, self.path)
            return True
        except BaseException as error:
            if temporary is not None:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
            if not isinstance(error, OSError):
                raise  # a bug, not a full disk: the old file is intact, let it surface
            self._warn_unsaved(error)
            return False

    def _warn_unsaved(self, error: OSError) -> None:
        self._warn(
            f"Your progress could not be saved to {self.path} ({error.strerror or error}). "
            f"Set {ENV_VARIABLE} to a folder you can write to."
        )

    def update(self, change: Callable[[dict], None]) -> bool:
        """Apply ``change`` to the stored progress and save it, holding the lock throughout.

        Returns False (with a notice) when the lock or the file cannot be had.
        """
        try:
            self._lock.acquire()
        except Timeout:
            self._warn(
                f"Your progress file {self.path} is held by another notebook that did not "
                f"let go within {LOCK_TIMEOUT_SECONDS:.0f} s; this answer was not saved. "
                "Close the other notebook's kernel and answer again."
            )
            return False
        except OSError as error:
            self._warn_unsaved(error)
            return False
        try:
            if not self._swept:
                self._swept = True
                remove_stale_temporaries(self.folder, "progress")
            data = self.load()
            change(data)
            return self.save(data)
        finally:
            self._lock.release()

    def set_student(self, name: str | None = None, student_id: str | None = None) -> bool:
        """Record who this progress belongs to (both optional); False, with a notice, if not."""
        student = {"name": name or None, "id": student_id or None}
        try:
            Student.model_validate(student)
        except ValidationError as error:
            self._warn(f"Your name and id were not saved: {describe(error)}.")
            return False
        return self.update(lambda data: data.update(student=student))

    def record_attempt(
        self,
        lesson: str,
        question_id: str,
        objective: str,
        answer: object,
        correct: bool,
        wrong_options: tuple[str, ...] = (),
    ) -> bool:
        """Add one graded attempt to the question's record."""

        def change(data: dict) -> None:
            record = self._question(data, lesson, question_id, objective)
            now = self.clock().isoformat(timespec="seconds")
            if record["attempts"] == 0:
                record["first_try_correct"] = bool(correct) and not record["revealed"]
                record["first_answer"] = answer
                record["first_wrong_options"] = list(wrong_options)
                record["first_attempt_at"] = now
            record["attempts"] += 1
            record["last_answer"] = answer
            record["last_correct"] = bool(correct)
            record["last_attempt_at"] = now
            if correct and not record["revealed"]:
                record["solved"] = True
            self._update_objectives(data, lesson)

        return self.update(change)

    def record_reveal(self, lesson: str, question_id: str, objective: str) -> bool:
        """Note that the explanation was shown before the question was solved."""

        def change(data: dict) -> None:
            record = self._question(data, lesson, question_id, objective)
            if not record["solved"]:
                record["revealed"] = True
                record.setdefault("revealed_at", self.clock().isoformat(timespec="seconds"))
            self._update_objectives(data, lesson)

        return self.update(change)

    def record_prediction(
        self,
        lesson: str,
        question_id: str,
        objective: str,
        answer: object,
        correct: bool,
        wrong_options: tuple[str, ...] = (),
    ) -> bool:
        """Lock a prediction: the first one stands, later calls change nothing."""

        def change(data: dict) -> None:
            record = self._question(data, lesson, question_id, objective)
            record["kind"] = "prediction"
            if record["attempts"] == 0:
                record.update(
                    attempts=1,
                    first_try_correct=bool(correct),
                    first_answer=answer,
                    last_answer=answer,
                    last_correct=bool(correct),
                    first_wrong_options=list(wrong_options),
                    locked_at=self.clock().isoformat(timespec="seconds"),
                )

        return self.update(change)

    def record_comparison(self, lesson: str, question_id: str, objective: str) -> bool:
        """Note that the locked prediction was compared with the experiment."""

        def change(data: dict) -> None:
            record = self._question(data, lesson, question_id, objective)
            record.setdefault("compared_at", self.clock().isoformat(timespec="seconds"))

        return self.update(change)

    def record_written(
        self,
        lesson: str,
        question_id: str,
        objective: str,
        text: str,
        rubric_ticked: list[str] | None = None,
    ) -> bool:
        """Save a written answer (the latest text wins) and, once checked, its rubric ticks."""

        def change(data: dict) -> None:
            record = self._question(data, lesson, question_id, objective)
            record["kind"] = "written"
            record["written_answer"] = text
            record["attempts"] += 1
            record["saved_at"] = self.clock().isoformat(timespec="seconds")
            if rubric_ticked is not None:
                record["rubric_ticked"] = list(rubric_ticked)

        return self.update(change)

    def stored_question(self, lesson: str, question_id: str) -> dict | None:
        """The saved record of one question (a copy), or None; never raises."""
        try:
            data = self.load()
        except Exception:  # a progress problem must never stop a lesson from showing
            return None
        record = data.get("lessons", {}).get(lesson, {}).get("questions", {}).get(question_id)
        return dict(record) if record else None

    @staticmethod
    def _question(data: dict, lesson: str, question_id: str, objective: str) -> dict:
        lesson_record = data["lessons"].setdefault(
            lesson, {"questions": {}, "objectives_to_revisit": []}
        )
        record = lesson_record["questions"].setdefault(question_id, {})
        defaults = {
            "objective": objective,
            "attempts": 0,
            "first_try_correct": None,
            "solved": False,
            "revealed": False,
        }
        for key, value in defaults.items():
            record.setdefault(key, value)
        record["objective"] = objective
        return record

    @staticmethod
    def _update_objectives(data: dict, lesson: str) -> None:
        """An objective needs revisiting when one of its questions was missed on the first try."""
        questions = data["lessons"][lesson]["questions"].values()
        data["lessons"][lesson]["objectives_to_revisit"] = sorted(
            {
                record["objective"]
                for record in questions
                if not record.get("kind")  # a wrong prediction is part of learning, no lapse
                and (record.get("revealed") or record.get("first_try_correct") is False)
            }
        )
