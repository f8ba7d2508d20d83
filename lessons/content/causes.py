"""The causes of muscle twitches and cramps, from ``data/causes.yaml``, and a filter for lesson 06.

Every row is checked when the table loads: a category from :data:`CATEGORIES`, a mechanism
on one line, at least one citation key known to the course bibliography. A bad row raises
:class:`ContentError` naming the file, the row id and the field, so an instructor editing the
YAML sees at once what to fix. The helpers :func:`read_rows` and :func:`check_references` are
shared by the other clinical tables (symptoms, triage, seed facts).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar, get_args

import yaml
from pydantic import ConfigDict, Field, TypeAdapter, ValidationError, field_validator
from pydantic.dataclasses import dataclass

from lessons.content.references import references
from lessons.paths import data_file

Phenomenon = Literal["twitch", "cramp", "both"]
Category = Literal[
    "normal events and lifestyle",
    "electrolyte and metabolic",
    "medications and substances",
    "nerve and muscle conditions (benign)",
    "serious neurological conditions",
    "systemic conditions",
    "poisonings and toxins",
]
Frequency = Literal["common", "uncommon", "rare"]

PHENOMENA: tuple[str, ...] = get_args(Phenomenon)
CATEGORIES: tuple[str, ...] = get_args(Category)
FREQUENCIES: tuple[str, ...] = get_args(Frequency)

#: Longest mechanism the table accepts: one line a student reads in a table cell.
MAX_MECHANISM_CHARS = 160

ROW_CONFIG = ConfigDict(extra="forbid", str_strip_whitespace=True)
IDENTIFIER = r"^[a-z0-9]+(_[a-z0-9]+)*$"

Identifier = Annotated[str, Field(pattern=IDENTIFIER)]
CitationKeys = Annotated[tuple[str, ...], Field(min_length=1)]

Row = TypeVar("Row")


class ContentError(ValueError):
    """A course table that cannot be used; the message names the file, row id and field."""


def one_line(text: str) -> str:
    """Refuse text spread over several lines (a table cell must stay one line)."""
    if "\n" in text.strip():
        raise ValueError("must be a single line")
    return text


@dataclass(frozen=True, config=ROW_CONFIG)
class Cause:
    """One cause of twitches and/or cramps, as a student sees it in the lesson 06 table."""

    id: Identifier
    name: Annotated[str, Field(min_length=3)]
    phenomenon: Phenomenon
    category: Category
    mechanism: Annotated[str, Field(min_length=10, max_length=MAX_MECHANISM_CHARS)]
    how_common: Frequency
    serious: bool
    references: CitationKeys
    note: Annotated[str | None, Field(max_length=MAX_MECHANISM_CHARS)] = None

    _single_line = field_validator("mechanism", "note")(one_line)

    @property
    def linked_to_twitches(self) -> bool:
        """True when this cause is linked with twitches (fasciculations)."""
        return self.phenomenon in ("twitch", "both")

    @property
    def linked_to_cramps(self) -> bool:
        """True when this cause is linked with cramps."""
        return self.phenomenon in ("cramp", "both")


def read_rows(path: Path, row_type: type[Row], *, key: str | None = None) -> list[Row]:
    """Validate a YAML list of mappings (or the list under ``key``) into ``row_type`` rows.

    Errors name the file, the row (by its ``id`` when it has one) and the offending field.
    Row ids must be unique within the file.
    """
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ContentError(f"{path}: cannot be read: {error}") from error
    except yaml.YAMLError as error:
        raise ContentError(f"{path}: not valid YAML: {error}") from error
    raw = document.get(key) if key is not None and isinstance(document, dict) else document
    where = f"{path}" + (f" (section {key!r})" if key else "")
    if not isinstance(raw, list) or not raw:
        raise ContentError(f"{where}: expected a non-empty list of rows")
    adapter = TypeAdapter(row_type)
    rows: list[Row] = []
    seen: set[str] = set()
    for position, entry in enumerate(raw, start=1):
        label = _row_label(entry, position)
        if not isinstance(entry, dict):
            raise ContentError(f"{where}: {label}: expected a mapping of fields")
        try:
            row = adapter.validate_python(entry)
        except ValidationError as error:
            raise ContentError(f"{where}: {label}: {_describe(error)}") from error
        row_id = getattr(row, "id", None)
        if row_id is not None:
            if row_id in seen:
                raise ContentError(f"{where}: {label}: field 'id': {row_id!r} is used twice")
            seen.add(row_id)
        rows.append(row)
    return rows


def check_references(path: Path, rows: Iterable[Any], field: str = "references") -> None:
    """Refuse any citation key that the course bibliography does not define."""
    known = references()
    for row in rows:
        unknown = [key for key in getattr(row, field) if key not in known]
        if unknown:
            raise ContentError(
                f"{path}: row {row.id!r}: field {field!r}: unknown citation keys {unknown}; "
                "add them to data/references/"
            )


def _row_label(entry: object, position: int) -> str:
    if isinstance(entry, dict) and entry.get("id"):
        return f"row {entry['id']!r}"
    return f"row {position} (no id)"


def _describe(error: ValidationError) -> str:
    problems = []
    for item in error.errors():
        field = ".".join(str(part) for part in item["loc"]) or "(row)"
        problems.append(f"field {field!r}: {item['msg']}")
    return "; ".join(problems)


def load_causes(path: Path | None = None) -> tuple[Cause, ...]:
    """Read and check the causes table (``data/causes.yaml`` unless ``path`` is given)."""
    path = path if path is not None else data_file("causes.yaml")
    rows = read_rows(path, Cause)
    check_references(path, rows)
    return tuple(rows)


@lru_cache(maxsize=1)
def causes() -> tuple[Cause, ...]:
    """The course's causes table, read once per kernel."""
    return load_causes()


def filter_causes(
    rows: Sequence[Cause] | None = None,
    *,
    phenomenon: str | None = None,
    category: str | None = None,
    serious: bool | None = None,
    how_common: str | None = None,
    text: str | None = None,
) -> tuple[Cause, ...]:
    """The rows matching every given criterion, in table order (``None`` means any).

    ``phenomenon="twitch"`` keeps causes of twitches, including those marked ``both``; likewise
    for ``"cramp"``; ``"both"`` keeps only causes linked with both. ``text`` is a
    case-insensitive search of the name, mechanism and note.
    """
    rows = causes() if rows is None else rows
    _check_choice("phenomenon", phenomenon, PHENOMENA)
    _check_choice("category", category, CATEGORIES)
    _check_choice("how_common", how_common, FREQUENCIES)
    if serious is not None and not isinstance(serious, bool):
        raise ValueError(f"serious={serious!r} must be True, False or None")
    if text is not None and not isinstance(text, str):
        raise ValueError(f"text={text!r} must be a string or None")
    needle = text.strip().casefold() if text else ""

    def keep(row: Cause) -> bool:
        if phenomenon == "twitch" and not row.linked_to_twitches:
            return False
        if phenomenon == "cramp" and not row.linked_to_cramps:
            return False
        if phenomenon == "both" and row.phenomenon != "both":
            return False
        if category is not None and row.category != category:
            return False
        if serious is not None and row.serious is not serious:
            return False
        if how_common is not None and row.how_common != how_common:
            return False
        haystack = " ".join(filter(None, (row.name, row.mechanism, row.note))).casefold()
        return needle in haystack

    return tuple(row for row in rows if keep(row))


def _check_choice(name: str, value: str | None, allowed: tuple[str, ...]) -> None:
    if value is not None and value not in allowed:
        raise ValueError(f"{name}={value!r} is not one of {list(allowed)}")
