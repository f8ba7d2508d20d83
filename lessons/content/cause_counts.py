"""How many causes of the table are linked with twitches and with cramps, category by category.

Lesson 06's bar chart shows these counts for whatever rows pass the student's filters. A cause
linked with both counts once in each, so the two totals may add up to more than the rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lessons.content.causes import CATEGORIES, Cause


@dataclass(frozen=True)
class CauseCounts:
    """Counts per category (in :data:`CATEGORIES` order) of the rows shown, out of ``total``."""

    categories: tuple[str, ...]
    twitches: tuple[int, ...]
    cramps: tuple[int, ...]
    shown: int
    total: int

    @property
    def twitch_total(self) -> int:
        """Rows shown that are linked with twitches."""
        return sum(self.twitches)

    @property
    def cramp_total(self) -> int:
        """Rows shown that are linked with cramps."""
        return sum(self.cramps)


def count_causes(rows: Sequence[Cause], total: int | None = None) -> CauseCounts:
    """Count ``rows`` by category and link; ``total`` is the size of the table they came from
    (the rows themselves when not given)."""
    if any(not isinstance(row, Cause) for row in rows):
        raise ValueError("rows must be Cause rows of the causes table")
    table_size = len(rows) if total is None else total
    if isinstance(table_size, bool) or not isinstance(table_size, int) or table_size < len(rows):
        raise ValueError(f"total={total!r} must be a whole number of at least {len(rows)} rows")
    return CauseCounts(
        categories=CATEGORIES,
        twitches=tuple(
            sum(row.linked_to_twitches for row in rows if row.category == c) for c in CATEGORIES
        ),
        cramps=tuple(
            sum(row.linked_to_cramps for row in rows if row.category == c) for c in CATEGORIES
        ),
        shown=len(rows),
        total=table_size,
    )
