"""Session plans for a 50-minute class and a 2-hour class, from the minutes of the course map.

The minutes in ``data/course.yaml`` are a student's working time for a whole lesson. A session
keeps some minutes for its fixed parts (an opening, a closing discussion, a break) and fills
the rest with whole lessons, in order. A lesson may overrun the session by a few minutes of
homework (finishing its quiz at home); a session takes the next lesson only if it can finish
it within that allowance. The fixed parts are teaching choices, not measurements: change them
with the command's options.

    python -m lessons.instructor timings
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lessons.content.course import LessonEntry, course_map


@dataclass(frozen=True)
class SessionFormat:
    """How a session of a given length spends the minutes that are not lesson work."""

    name: str
    length: int  # minutes
    opening: int  # objectives of the day and one prediction question
    discussion: int  # discussion prompts and one quiz question together
    break_minutes: int
    homework: int  # the most lesson work a session may leave to be finished at home

    def __post_init__(self) -> None:
        for field in ("length", "opening", "discussion", "break_minutes", "homework"):
            value = getattr(self, field)
            if not isinstance(value, int) or value < 0:
                raise ValueError(f"{field}={value!r} must be a whole number of minutes, >= 0")
        if self.work_minutes <= 0:
            raise ValueError(
                f"length={self.length!r} leaves no time for lesson work after opening, "
                f"discussion and break ({self.opening + self.discussion + self.break_minutes} min)"
            )

    @property
    def work_minutes(self) -> int:
        """Minutes of the session left for students to work through lessons."""
        return self.length - self.opening - self.discussion - self.break_minutes


FIFTY_MINUTES = SessionFormat("50-minute class", 50, 5, 10, 0, 10)
TWO_HOURS = SessionFormat("2-hour class", 120, 10, 20, 10, 15)


@dataclass(frozen=True)
class Session:
    """One session of a plan: its lessons and where their working time goes."""

    number: int
    lessons: tuple[LessonEntry, ...]
    work: int  # minutes of lesson work in all
    in_class: int
    at_home: int
    spare: int  # class minutes left over, for a longer discussion


def plan_sessions(lessons: Sequence[LessonEntry], session: SessionFormat) -> tuple[Session, ...]:
    """Whole lessons, in order, packed into sessions of the given format."""
    groups: list[list[LessonEntry]] = []
    for lesson in lessons:
        current = groups[-1] if groups else None
        if current is not None:
            work = sum(entry.minutes for entry in current) + lesson.minutes
            if work - session.work_minutes <= session.homework:
                current.append(lesson)
                continue
        groups.append([lesson])
    plans = []
    for number, group in enumerate(groups, start=1):
        work = sum(entry.minutes for entry in group)
        plans.append(
            Session(
                number=number,
                lessons=tuple(group),
                work=work,
                in_class=min(work, session.work_minutes),
                at_home=max(0, work - session.work_minutes),
                spare=max(0, session.work_minutes - work),
            )
        )
    return tuple(plans)


def _outline(session: SessionFormat) -> str:
    start = session.opening
    steps = [f"0–{start} min: opening (the day's objectives and one prediction question)"]
    if session.break_minutes:
        half = session.work_minutes // 2
        steps.append(f"{start}–{start + half} min: students work through the lesson(s) in pairs")
        start += half
        steps.append(f"{start}–{start + session.break_minutes} min: break")
        start += session.break_minutes
        rest = session.work_minutes - half
        steps.append(f"{start}–{start + rest} min: lesson work, continued")
        start += rest
    else:
        end = start + session.work_minutes
        steps.append(f"{start}–{end} min: students work through the lesson in pairs")
        start = end
    steps.append(f"{start}–{session.length} min: discussion prompts and one quiz question together")
    return "; ".join(steps) + "."


def timings_markdown(
    formats: Sequence[SessionFormat] = (FIFTY_MINUTES, TWO_HOURS),
    lessons: Sequence[LessonEntry] | None = None,
) -> str:
    """A plan per session format, as Markdown tables, from the course map's minutes."""
    lessons = course_map() if lessons is None else list(lessons)
    total = sum(lesson.minutes for lesson in lessons)
    parts = [
        f"The course is {total} minutes of student work ({len(lessons)} lessons, "
        "minutes from `data/course.yaml`).",
        "",
    ]
    for session_format in formats:
        plan = plan_sessions(lessons, session_format)
        parts += [
            f"### {session_format.name}: {len(plan)} sessions",
            "",
            f"Each session: {_outline(session_format)} Lesson work in class: "
            f"{session_format.work_minutes} min; up to {session_format.homework} min more "
            "may be left as homework (usually the end of the quiz).",
            "",
            "| Session | Lessons | Lesson work (min) | In class | At home | Spare |",
            "| --- | --- | ---: | ---: | ---: | ---: |",
        ]
        for session in plan:
            names = ", ".join(f"{lesson.number} {lesson.title}" for lesson in session.lessons)
            parts.append(
                f"| {session.number} | {names} | {session.work} | {session.in_class} | "
                f"{session.at_home} | {session.spare} |"
            )
        parts.append("")
    return "\n".join(parts).rstrip() + "\n"
