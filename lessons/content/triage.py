"""Sort a case of twitching or cramp into one of four levels of care.

The levels, least to most urgent, follow national guidance (NHS, MedlinePlus): self-care;
see a doctor soon (within days); urgent, same day (an urgent appointment or NHS 111 today);
emergency (the emergency number now).

The rules live in ``data/triage.yaml``: each sign calls for one level of care, and a case
goes to the most urgent level any of its signs calls for (a case with no sign is self-care).
Why that rule: it can never let a reassuring sign (a known trigger, a short cramp) talk a
case down, which the tests check on every sign alone, every combination of up to four
signs and random combinations of any size.
Duration facts become signs through thresholds from the NHS: a twitch lasting more than
2 weeks, a cramp lasting more than 10 minutes (see ``nhs2026a`` and ``nhs2026b`` in
``data/references/clinical.yaml``). The case vignettes of lesson 07 (``data/vignettes.yaml``)
load here too. Educational content, not medical advice.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass as plain_dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Annotated, Literal, get_args

import yaml
from pydantic import Field, field_validator
from pydantic.dataclasses import dataclass

from lessons.content.causes import (
    ROW_CONFIG,
    CitationKeys,
    ContentError,
    Identifier,
    check_references,
    one_line,
    read_rows,
)
from lessons.paths import data_file

Level = Literal["self-care", "see a doctor soon", "urgent same day", "emergency"]

#: The levels of care, least to most urgent.
LEVELS: tuple[str, ...] = get_args(Level)

#: A sign proper, a duration past its threshold, or reassuring context (a known trigger).
SignKind = Literal["sign", "duration", "context"]

#: Text a student reads: never empty (a sign without a reason teaches nothing).
Text = Annotated[str, Field(min_length=1)]


@dataclass(frozen=True, config=ROW_CONFIG)
class LevelInfo:
    """One level of care and the advice the lesson shows for it."""

    id: Level
    label: Text
    timeframe: Text
    advice: Text
    references: CitationKeys

    _single_line = field_validator("label", "timeframe")(one_line)


@dataclass(frozen=True, config=ROW_CONFIG)
class Sign:
    """A sign a case may show, and the level of care it calls for on its own."""

    id: Identifier
    label: Text
    level: Level
    kind: SignKind
    why: Text
    references: CitationKeys

    _single_line = field_validator("label", "why")(one_line)


@dataclass(frozen=True, config=ROW_CONFIG)
class DurationRule:
    """A duration that, once exceeded, adds a sign to the case (e.g. a twitch over 14 days)."""

    sign: Identifier
    more_than: Annotated[float, Field(gt=0)]


@dataclass(frozen=True, config=ROW_CONFIG)
class Vignette:
    """A short fictional case for lesson 07, with the level the rules give and feedback."""

    id: Identifier
    title: str
    story: str
    signs: tuple[str, ...]
    expected: Level
    feedback: str
    twitch_days: Annotated[float | None, Field(ge=0)] = None
    cramp_minutes: Annotated[float | None, Field(ge=0)] = None


@plain_dataclass(frozen=True)
class TriageTable:
    """The whole rule table: levels in order, signs by id, duration thresholds."""

    levels: tuple[LevelInfo, ...]
    signs: Mapping[str, Sign]
    twitch_days: DurationRule
    cramp_minutes: DurationRule


@plain_dataclass(frozen=True)
class TriageResult:
    """Where a case is sorted, which of its signs decided it, and why.

    ``present`` is every sign of the case, the duration signs its durations add included;
    ``counts`` how many of them call for each level, least to most urgent.
    """

    level: str
    signs: tuple[str, ...]
    reasons: tuple[str, ...]
    advice: str
    present: tuple[str, ...] = ()
    counts: tuple[int, ...] = (0,) * len(LEVELS)

    @property
    def rank(self) -> int:
        """Position of ``level`` in :data:`LEVELS` (0 = self-care, 3 = emergency)."""
        return LEVELS.index(self.level)


def load_triage_table(path: Path | None = None) -> TriageTable:
    """Read and check the rules (``data/triage.yaml`` unless ``path`` is given)."""
    path = path if path is not None else data_file("triage.yaml")
    levels = tuple(read_rows(path, LevelInfo, key="levels"))
    if tuple(level.id for level in levels) != LEVELS:
        found = [level.id for level in levels]
        raise ContentError(
            f"{path}: section 'levels' must list {list(LEVELS)} in order, not {found}"
        )
    signs = read_rows(path, Sign, key="signs")
    check_references(path, [*levels, *signs])
    by_id = MappingProxyType({sign.id: sign for sign in signs})
    durations = _read_durations(path, by_id)
    return TriageTable(levels, by_id, durations["twitch_days"], durations["cramp_minutes"])


def _read_durations(path: Path, signs: Mapping[str, Sign]) -> dict[str, DurationRule]:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    section = document.get("durations") if isinstance(document, dict) else None
    if not isinstance(section, dict):
        raise ContentError(f"{path}: section 'durations' is missing")
    rules: dict[str, DurationRule] = {}
    for name in ("twitch_days", "cramp_minutes"):
        entry = section.get(name)
        if not isinstance(entry, dict):
            raise ContentError(f"{path}: section 'durations': entry {name!r} is missing")
        try:
            rule = DurationRule(**entry)
        except (TypeError, ValueError) as error:
            raise ContentError(f"{path}: section 'durations': entry {name!r}: {error}") from error
        if rule.sign not in signs:
            raise ContentError(
                f"{path}: section 'durations': entry {name!r}: field 'sign': "
                f"{rule.sign!r} is not a sign of the table"
            )
        rules[name] = rule
    return rules


@lru_cache(maxsize=1)
def triage_table() -> TriageTable:
    """The course's triage rules, read once per kernel."""
    return load_triage_table()


def __getattr__(name: str) -> Mapping[str, Sign]:
    # SIGNS reads data/ on first use, so importing this module never touches the disk.
    if name == "SIGNS":
        return triage_table().signs
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def level_rank(level: str) -> int:
    """Position of ``level`` in :data:`LEVELS`; an unknown level raises ``ValueError``."""
    if level not in LEVELS:
        raise ValueError(f"level={level!r} is not one of {list(LEVELS)}")
    return LEVELS.index(level)


def triage(
    signs: Iterable[str],
    *,
    twitch_days: float | None = None,
    cramp_minutes: float | None = None,
    table: TriageTable | None = None,
) -> TriageResult:
    """Sort a case: the most urgent level called for by any of its signs wins.

    ``signs`` are sign ids from the table; ``twitch_days`` (how long a twitch has gone on)
    and ``cramp_minutes`` (how long a cramp lasted) add their duration sign when they exceed
    the table's thresholds. An unknown sign or a bad duration raises ``ValueError``.
    """
    table = table if table is not None else triage_table()
    if isinstance(signs, str):
        raise ValueError(f"signs={signs!r} must be a collection of sign ids, not one string")
    present = set(signs)
    unknown = sorted(present - table.signs.keys())
    if unknown:
        raise ValueError(f"unknown signs {unknown}; known signs are {sorted(table.signs)}")
    for name, value, rule in (
        ("twitch_days", twitch_days, table.twitch_days),
        ("cramp_minutes", cramp_minutes, table.cramp_minutes),
    ):
        if value is None:
            continue
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
        ):
            raise ValueError(f"{name}={value!r} must be a finite number >= 0")
        if value < 0:
            raise ValueError(f"{name}={value!r} must be >= 0")
        if value > rule.more_than:
            present.add(rule.sign)
    ranks = [LEVELS.index(table.signs[sign].level) for sign in present]
    rank = max(ranks, default=0)
    level = LEVELS[rank]
    deciding = tuple(sorted(s for s in present if table.signs[s].level == level))
    reasons = tuple(table.signs[s].why for s in deciding)
    if not deciding:
        reasons = ("No warning sign: most twitches and cramps are harmless and pass on their own.",)
    counts = tuple(ranks.count(index) for index in range(len(LEVELS)))
    advice = table.levels[rank].advice
    return TriageResult(level, deciding, reasons, advice, tuple(sorted(present)), counts)


def load_vignettes(
    path: Path | None = None, table: TriageTable | None = None
) -> tuple[Vignette, ...]:
    """Read the lesson 07 cases (``data/vignettes.yaml``), checking their sign ids exist."""
    path = path if path is not None else data_file("vignettes.yaml")
    table = table if table is not None else triage_table()
    rows = read_rows(path, Vignette)
    for row in rows:
        unknown = sorted(set(row.signs) - table.signs.keys())
        if unknown:
            raise ContentError(f"{path}: row {row.id!r}: field 'signs': unknown signs {unknown}")
    return tuple(rows)


@lru_cache(maxsize=1)
def vignettes() -> tuple[Vignette, ...]:
    """The course's case vignettes, read once per kernel."""
    return load_vignettes()


def triage_vignette(vignette: Vignette, table: TriageTable | None = None) -> TriageResult:
    """What the rules give for a vignette (its signs plus its durations)."""
    return triage(
        vignette.signs,
        twitch_days=vignette.twitch_days,
        cramp_minutes=vignette.cramp_minutes,
        table=table,
    )
