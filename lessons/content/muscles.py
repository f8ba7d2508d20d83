"""The muscles of lesson 01's motor-unit diagram, from ``data/muscles.yaml``, each row cited.

A row gives a muscle's innervation number (mean fibres per motor unit), its motor-unit count
if the source gives one, where its motor neurons lie and its nerve, with the citation keys of
the numbers and of the anatomy. A bad row raises :class:`ContentError` naming the file, the
row and the field, as the course's other tables do (:func:`read_rows`).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

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

__all__ = ["ContentError", "InnervatedMuscle", "innervated_muscle", "load_muscles", "muscles"]

#: Most fibres per motor unit a row may give: no human muscle is known with more than about
#: 2,000 on average (Feinstein et al. 1955 counted 1,934 in the medial gastrocnemius), so a
#: much larger number is a typing mistake.
MAX_INNERVATION_NUMBER = 5000

Text = Annotated[str, Field(min_length=3, max_length=120)]


@dataclass(frozen=True, config=ROW_CONFIG)
class InnervatedMuscle:
    """What the motor-unit drawing needs to know about a muscle, with the source of its numbers.

    ``innervation_number`` is the mean number of muscle fibres per motor unit (``approximate``
    if it is a round figure rather than a count); ``motor_units`` the number of motor units
    counted in the muscle (``None`` if the source gives none).
    """

    id: Identifier
    name: Text
    label: Text
    innervation_number: Annotated[int, Field(ge=1, le=MAX_INNERVATION_NUMBER, strict=True)]
    approximate: bool
    motor_units: Annotated[int | None, Field(ge=1, strict=True)]
    source: Text
    number_references: CitationKeys
    neurons_in: Literal["brainstem", "spinal cord"]
    nerve: Text
    nerve_references: CitationKeys

    _single_line = field_validator("name", "label", "source", "nerve")(one_line)


def load_muscles(path: Path | None = None) -> tuple[InnervatedMuscle, ...]:
    """Read and check the muscles table (``data/muscles.yaml`` unless ``path`` is given)."""
    path = path if path is not None else data_file("muscles.yaml")
    rows = read_rows(path, InnervatedMuscle)
    check_references(path, rows, "number_references")
    check_references(path, rows, "nerve_references")
    names = [row.name for row in rows]
    for row in rows:
        if names.count(row.name) > 1:
            raise ContentError(f"{path}: row {row.id!r}: field 'name': {row.name!r} is used twice")
    return tuple(rows)


@lru_cache(maxsize=1)
def muscles() -> dict[str, InnervatedMuscle]:
    """The course's muscles by name, in table order, read once per kernel."""
    return {row.name: row for row in load_muscles()}


def innervated_muscle(name: str) -> InnervatedMuscle:
    """The row of the muscle called ``name``; any other name is refused, listing the choices."""
    table = muscles()
    if not isinstance(name, str) or name not in table:
        raise ValueError(f"muscle must be one of {list(table)}; got {name!r:.60}")
    return table[name]
