"""Students' answers and scores, kept in one JSON file that survives kernels and crashes.

The file lives in ``platformdirs.user_data_dir("muscle-twitch-course")``, or in the folder
named by ``LESSONS_PROGRESS_DIR`` (shared machines, the test suite, nbval). Every change is
written to a temporary file in the same folder and renamed over the old one, so a crash
mid-write leaves the previous version intact. A file that cannot be read or makes no sense
is renamed aside (never deleted: a tutor may rescue it) with a visible warning, and a fresh
file is started that keeps the answer being recorded.
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

APP_NAME = "muscle-twitch-course"
ENV_VARIABLE = "LESSONS_PROGRESS_DIR"
FILE_NAME = "progress.json"
FORMAT = "muscle-twitch-course/progress"
FORMAT_VERSION = 1

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
    if not isinstance(data, dict):
        return [f"expected a JSON object, found {type(data).__name__}"]
    problems = []
    if data.get("format") != FORMAT:
        problems.append(f"format is {data.get('format')!r}, expected {FORMAT!r}")
    if data.get("format_version") != FORMAT_VERSION:
        problems.append(f"format_version is {data.get('format_version')!r}")
    if not isinstance(data.get("student"), dict):
        problems.append("student is not an object")
    lessons = data.get("lessons")
    if not isinstance(lessons, dict):
        return [*problems, "lessons is not an object"]
    for name, lesson in lessons.items():
        questions = lesson.get("questions") if isinstance(lesson, dict) else None
        if not isinstance(questions, dict):
            problems.append(f"lesson {name!r} has no questions object")
            continue
        for question_id, record in questions.items():
            if not isinstance(record, dict) or not isinstance(record.get("attempts"), int):
                problems.append(f"lesson {name!r}, question {question_id!r} is malformed")
    return problems


class ProgressStore:
    """Read, update and atomically save one student's progress file.

    Each update re-reads the file first, so two notebooks open side by side add to the same
    record instead of overwriting each other's answers.
    """

    def __init__(self, folder: Path | str | None = None, clock: Clock = utc_now) -> None:
        self.folder = Path(folder) if folder is not None else progress_dir()
        self.clock = clock
        self.notices: list[str] = []
        self._stuck = False  # a broken file that could not be moved aside must not be replaced

    @property
    def path(self) -> Path:
        return self.folder / FILE_NAME

    # -- reading -----------------------------------------------------------------------
    def load(self) -> dict:
        """The stored progress; a missing file is a fresh start, a broken one is set aside."""
        self._stuck = False
        try:
            raw = self.path.read_bytes()
        except (FileNotFoundError, NotADirectoryError):
            return empty_progress()
        except OSError as error:
            return self._recover(f"it could not be read ({error.strerror or error})")
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            return self._recover(f"it is not valid JSON ({error})")
        problems = problems_in_progress(data)
        if problems:
            return self._recover("its content is malformed: " + "; ".join(problems[:3]))
        return data

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
                dir=self.folder, prefix=".progress-", suffix=".tmp"
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
            self._warn(
                f"Your progress could not be saved to {self.path} ({error.strerror or error}). "
                f"Set {ENV_VARIABLE} to a folder you can write to."
            )
            return False

    def set_student(self, name: str | None = None, student_id: str | None = None) -> None:
        """Record who this progress belongs to (both optional)."""
        data = self.load()
        data["student"] = {"name": name or None, "id": student_id or None}
        self.save(data)

    def record_attempt(
        self,
        lesson: str,
        question_id: str,
        objective: str,
        answer: object,
        correct: bool,
        wrong_options: tuple[str, ...] = (),
    ) -> None:
        """Add one graded attempt to the question's record."""
        data = self.load()
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
        self.save(data)

    def record_reveal(self, lesson: str, question_id: str, objective: str) -> None:
        """Note that the explanation was shown before the question was solved."""
        data = self.load()
        record = self._question(data, lesson, question_id, objective)
        if not record["solved"]:
            record["revealed"] = True
            record.setdefault("revealed_at", self.clock().isoformat(timespec="seconds"))
        self._update_objectives(data, lesson)
        self.save(data)

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
                if record.get("revealed") or record.get("first_try_correct") is False
            }
        )
