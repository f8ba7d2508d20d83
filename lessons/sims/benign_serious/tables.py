"""Lesson 08's tables, from ``data/benign_serious.yaml``: follow-up studies, serious signs,
what EMG adds, the look-alikes of a twitch and why stretching ends a cramp.

Each is shown as an HTML table with a caption and its sources linked to the lesson's
reference list; the text form (``repr``) names the table, so stored outputs stay stable.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from lessons.content.benign_serious import benign_serious
from lessons.sims.care_levels import LEVEL_COLOURS, LEVEL_SHORT_NAMES


def _sources(keys: Sequence[str]) -> str:
    return ", ".join(f"<a href='#ref-{html.escape(key)}'>{html.escape(key)}</a>" for key in keys)


@dataclass(frozen=True)
class LessonTable:
    """A captioned table of rows, each ending with its sources."""

    caption: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]  # cells already HTML-escaped

    def _repr_html_(self) -> str:
        head = "".join(f"<th scope='col'>{html.escape(text)}</th>" for text in self.headers)
        body = "".join(
            "<tr>" + "".join(f"<td style='text-align:left'>{cell}</td>" for cell in row) + "</tr>"
            for row in self.rows
        )
        return (
            f"<table class='lessons-lesson-table'><caption>{html.escape(self.caption)}</caption>"
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
        )

    def __repr__(self) -> str:
        return f"<LessonTable: {self.caption} ({len(self.rows)} rows)>"


def _table(caption: str, headers: Sequence[str], rows, cells: Callable) -> LessonTable:
    built = tuple((*cells(row), _sources(row.references)) for row in rows)
    return LessonTable(caption, (*headers, "Sources"), built)


def _level(level: str) -> str:
    colour = LEVEL_COLOURS[level]
    return (
        f"<span style='border-left:8px solid {colour};padding-left:6px'>"
        f"{html.escape(LEVEL_SHORT_NAMES[level])}</span>"
    )


def follow_up_table() -> LessonTable:
    """The studies that followed people with benign fasciculations, with their numbers."""
    return _table(
        "Follow-up studies of people with benign fasciculations",
        ("Study", "People", "Followed for", "Twitching persisted", "Developed MND"),
        benign_serious().follow_up,
        lambda row: (
            html.escape(row.study),
            str(row.people),
            html.escape(row.follow_up),
            html.escape(row.persisted),
            str(row.developed_mnd),
        ),
    )


def serious_signs_table() -> LessonTable:
    """What makes twitching serious, and how a clinician examines for each sign."""
    return _table(
        "Signs that make twitching serious, and how a clinician looks for them",
        ("Sign", "How it is examined", "Why it matters"),
        benign_serious().serious_signs,
        lambda row: tuple(map(html.escape, (row.name, row.how_examined, row.why))),
    )


def emg_table() -> LessonTable:
    """Benign fasciculations and those of ALS on needle EMG, feature by feature."""
    return _table(
        "What a needle EMG adds: benign fasciculations and those of ALS",
        ("Feature", "Benign fasciculations", "ALS"),
        benign_serious().emg_features,
        lambda row: tuple(map(html.escape, (row.feature, row.benign, row.als))),
    )


def lookalikes_table() -> LessonTable:
    """The look-alikes of a twitch: what each is, how it looks, and the level of care."""
    return _table(
        "Look-alikes of a twitch, with the level of care each needs",
        ("Look-alike", "What it is", "How it looks", "Level of care", "Advice"),
        benign_serious().lookalikes,
        lambda row: (
            html.escape(row.name),
            html.escape(row.what_it_is),
            html.escape(row.how_it_looks),
            _level(row.level),
            html.escape(row.care),
        ),
    )


def stretch_table() -> LessonTable:
    """Why stretching ends a cramp: each point with how sure the evidence is."""
    return _table(
        "Why stretching ends a cramp: what is known, and how sure",
        ("What is known", "How sure"),
        benign_serious().cramp_stretch,
        lambda row: (html.escape(row.point), html.escape(row.certainty)),
    )
