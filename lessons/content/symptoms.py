"""Symptoms that may come with muscle twitches, from ``data/symptoms.yaml`` (lesson 07).

The seed stops its list of accompanying symptoms short; this table completes it, each row
saying what the symptom may suggest and how urgently to act, with sources. Where a symptom
is also a sign of the triage rules, its urgency must equal that sign's level, so the two
tables of lesson 07 can never disagree; the loader checks it.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic.dataclasses import dataclass

from lessons.content.causes import (
    ROW_CONFIG,
    CitationKeys,
    ContentError,
    Identifier,
    check_references,
    read_rows,
)
from lessons.content.triage import LEVELS, Level, TriageTable, triage_table
from lessons.paths import data_file


@dataclass(frozen=True, config=ROW_CONFIG)
class Symptom:
    """A symptom that may accompany twitches, what it may suggest, and how urgent it is."""

    id: Identifier
    name: str
    may_suggest: str
    urgency: Level
    references: CitationKeys
    triage_sign: str | None = None


def load_symptoms(
    path: Path | None = None, table: TriageTable | None = None
) -> tuple[Symptom, ...]:
    """Read and check the symptoms table (``data/symptoms.yaml`` unless ``path`` is given)."""
    path = path if path is not None else data_file("symptoms.yaml")
    table = table if table is not None else triage_table()
    rows = read_rows(path, Symptom)
    check_references(path, rows)
    for row in rows:
        if row.triage_sign is None:
            continue
        sign = table.signs.get(row.triage_sign)
        if sign is None:
            raise ContentError(
                f"{path}: row {row.id!r}: field 'triage_sign': {row.triage_sign!r} is not a sign "
                "of data/triage.yaml"
            )
        if sign.level != row.urgency:
            raise ContentError(
                f"{path}: row {row.id!r}: field 'urgency': {row.urgency!r} differs from the "
                f"level {sign.level!r} of triage sign {sign.id!r}"
            )
    return tuple(rows)


@lru_cache(maxsize=1)
def symptoms() -> tuple[Symptom, ...]:
    """The course's accompanying-symptoms table, read once per kernel."""
    return load_symptoms()


def symptoms_by_urgency(rows: tuple[Symptom, ...] | None = None) -> dict[str, tuple[Symptom, ...]]:
    """The symptoms grouped by urgency, most urgent level first (for the lesson's table)."""
    rows = symptoms() if rows is None else rows
    return {level: tuple(r for r in rows if r.urgency == level) for level in reversed(LEVELS)}
