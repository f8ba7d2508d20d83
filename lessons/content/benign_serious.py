"""Lesson 08's facts, from ``data/benign_serious.yaml``: benign or serious twitching.

Every section is a table of rows with citation keys, checked when it loads (file, section,
row and field named in the error). Two checks keep the lesson safe: a look-alike of a twitch
is never sorted to a lower level of care than the national source it cites
(``source_level``), and a row that names a sign of ``data/triage.yaml`` agrees with that
sign's level, so lessons 07 and 08 cannot disagree. :func:`natural_frequencies` turns the
sourced rates into counts of people, for the lesson's icon array.
"""

from __future__ import annotations

from dataclasses import dataclass as plain_dataclass
from functools import lru_cache
from pathlib import Path
from typing import Annotated

from pydantic import Field
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

Text = Annotated[str, Field(min_length=3)]

#: Largest population :func:`natural_frequencies` accepts (a country's worth of adults).
MAX_POPULATION = 100_000_000


@dataclass(frozen=True, config=ROW_CONFIG)
class SourcedNumber:
    """A number the lesson states, what it counts, and where it comes from."""

    id: Identifier
    statement: Text
    value: Annotated[float, Field(ge=0, allow_inf_nan=False)]
    unit: Annotated[str, Field(min_length=1)]
    references: CitationKeys


@dataclass(frozen=True, config=ROW_CONFIG)
class FollowUpStudy:
    """A study that followed people with benign fasciculations over time."""

    id: Identifier
    study: Text
    people: Annotated[int, Field(ge=1)]
    follow_up: Text
    persisted: Text
    developed_mnd: Annotated[int, Field(ge=0)]
    references: CitationKeys


@dataclass(frozen=True, config=ROW_CONFIG)
class Point:
    """One point of the lesson's account of benign fasciculation syndrome."""

    id: Identifier
    point: Text
    references: CitationKeys


@dataclass(frozen=True, config=ROW_CONFIG)
class SeriousSign:
    """A sign that makes twitching serious, how it is examined for, and why it matters."""

    id: Identifier
    name: Text
    how_examined: Text
    why: Text
    references: CitationKeys
    triage_sign: str | None = None


@dataclass(frozen=True, config=ROW_CONFIG)
class EmgFeature:
    """One way needle EMG tells benign fasciculations from those of ALS."""

    id: Identifier
    feature: Text
    benign: Text
    als: Text
    references: CitationKeys


@dataclass(frozen=True, config=ROW_CONFIG)
class Lookalike:
    """Something that looks or feels like a twitch, and the level of care it needs."""

    id: Identifier
    name: Text
    what_it_is: Text
    how_it_looks: Text
    level: Level
    source_level: Level
    care: Text
    references: CitationKeys
    triage_sign: str | None = None


@dataclass(frozen=True, config=ROW_CONFIG)
class StretchPoint:
    """What is known about why stretching ends a cramp, and how sure it is."""

    id: Identifier
    point: Text
    certainty: Text
    references: CitationKeys


@plain_dataclass(frozen=True)
class BenignSerious:
    """Every table of lesson 08, checked."""

    numbers: dict[str, SourcedNumber]
    follow_up: tuple[FollowUpStudy, ...]
    benign_syndrome: tuple[Point, ...]
    serious_signs: tuple[SeriousSign, ...]
    emg_features: tuple[EmgFeature, ...]
    lookalikes: tuple[Lookalike, ...]
    cramp_stretch: tuple[StretchPoint, ...]

    def number(self, number_id: str) -> float:
        """The value of a sourced number; an unknown id raises ``KeyError`` naming it."""
        if number_id not in self.numbers:
            raise KeyError(f"no number {number_id!r} in data/benign_serious.yaml")
        return self.numbers[number_id].value


SECTIONS = {
    "numbers": SourcedNumber,
    "follow_up": FollowUpStudy,
    "benign_syndrome": Point,
    "serious_signs": SeriousSign,
    "emg_features": EmgFeature,
    "lookalikes": Lookalike,
    "cramp_stretch": StretchPoint,
}

#: Numbers the lesson's figures need; the file must hold them.
REQUIRED_NUMBERS = (
    "healthy_noticed_twitches",
    "als_new_per_year",
    "als_living",
    "als_first_symptom_twitching",
)


def _check_triage_signs(path: Path, rows: tuple, table: TriageTable, section: str) -> None:
    """A named triage sign must exist, and a row with a level must share that sign's level."""
    for row in rows:
        if row.triage_sign is None:
            continue
        sign = table.signs.get(row.triage_sign)
        if sign is None:
            raise ContentError(
                f"{path} (section {section!r}): row {row.id!r}: field 'triage_sign': "
                f"{row.triage_sign!r} is not a sign of data/triage.yaml"
            )
        level = getattr(row, "level", sign.level)
        if level != sign.level:
            raise ContentError(
                f"{path} (section {section!r}): row {row.id!r}: field 'level': {level!r} "
                f"differs from the level {sign.level!r} of triage sign {sign.id!r}"
            )


def _check_levels(path: Path, rows: tuple[Lookalike, ...]) -> None:
    """Never lower than the cited national source places it."""
    for row in rows:
        if LEVELS.index(row.level) < LEVELS.index(row.source_level):
            raise ContentError(
                f"{path} (section 'lookalikes'): row {row.id!r}: field 'level': {row.level!r} "
                f"is lower than the source's level {row.source_level!r}"
            )


def load_benign_serious(
    path: Path | None = None, table: TriageTable | None = None
) -> BenignSerious:
    """Read and check lesson 08's tables (``data/benign_serious.yaml`` unless ``path``)."""
    path = path if path is not None else data_file("benign_serious.yaml")
    table = table if table is not None else triage_table()
    sections = {}
    for name, row_type in SECTIONS.items():
        rows = tuple(read_rows(path, row_type, key=name))
        check_references(path, rows)
        sections[name] = rows
    _check_triage_signs(path, sections["serious_signs"], table, "serious_signs")
    _check_triage_signs(path, sections["lookalikes"], table, "lookalikes")
    _check_levels(path, sections["lookalikes"])
    numbers = {row.id: row for row in sections.pop("numbers")}
    missing = [number for number in REQUIRED_NUMBERS if number not in numbers]
    if missing:
        raise ContentError(f"{path} (section 'numbers'): the lesson needs the numbers {missing}")
    return BenignSerious(numbers=numbers, **sections)


@lru_cache(maxsize=1)
def benign_serious() -> BenignSerious:
    """Lesson 08's tables, read once per kernel."""
    return load_benign_serious()


@plain_dataclass(frozen=True)
class NaturalFrequencies:
    """How many of ``population`` adults fall in each group, from the sourced rates.

    Counts are expected values (not rounded), so a group smaller than one person shows as a
    fraction: 0.14 people a year is about one person every 7 years.
    """

    population: int
    noticed_twitches: float
    living_with_als: float
    new_als_per_year: float
    new_als_first_twitching_per_year: float

    @property
    def years_per_twitching_onset(self) -> float:
        """How many years pass, on average, between two ALS cases that begin with twitching."""
        return 1.0 / self.new_als_first_twitching_per_year

    @property
    def twitchers_per_new_case(self) -> float:
        """People who have noticed twitches for each new case of ALS in a year."""
        return self.noticed_twitches / self.new_als_per_year


def natural_frequencies(population: int = 100_000) -> NaturalFrequencies:
    """The lesson's groups among ``population`` adults (a whole number, 1 to 100 million)."""
    if isinstance(population, bool) or not isinstance(population, int):
        raise ValueError(f"population must be a whole number of people; got {population!r}")
    if not 1 <= population <= MAX_POPULATION:
        raise ValueError(f"population must be between 1 and {MAX_POPULATION:,}; got {population}")
    facts = benign_serious()
    per_person = population / 100_000
    new_cases = facts.number("als_new_per_year") * per_person
    return NaturalFrequencies(
        population=population,
        noticed_twitches=population * facts.number("healthy_noticed_twitches") / 100,
        living_with_als=facts.number("als_living") * per_person,
        new_als_per_year=new_cases,
        new_als_first_twitching_per_year=new_cases
        * facts.number("als_first_symptom_twitching")
        / 100,
    )
