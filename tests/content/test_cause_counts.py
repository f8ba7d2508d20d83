"""Counts of the causes table by category: what lesson 06's bar chart shows."""

from __future__ import annotations

import pytest

from lessons.content.cause_counts import count_causes
from lessons.content.causes import CATEGORIES, causes, filter_causes


def test_every_row_counts_once_per_link():
    rows = causes()
    counts = count_causes(rows)
    assert counts.categories == CATEGORIES
    assert counts.shown == counts.total == len(rows)
    assert counts.twitch_total == sum(row.phenomenon in ("twitch", "both") for row in rows)
    assert counts.cramp_total == sum(row.phenomenon in ("cramp", "both") for row in rows)
    both = sum(row.phenomenon == "both" for row in rows)
    assert counts.twitch_total + counts.cramp_total == len(rows) + both


def test_counts_fall_in_their_own_category():
    chosen = "poisonings and toxins"
    rows = filter_causes(category=chosen)
    counts = count_causes(rows, total=len(causes()))
    for category, twitches, cramps in zip(CATEGORIES, counts.twitches, counts.cramps, strict=True):
        if category != chosen:
            assert twitches == cramps == 0
    assert counts.shown == len(rows) < counts.total


def test_no_rows_counts_nothing():
    counts = count_causes((), total=40)
    assert counts.twitches == counts.cramps == (0,) * len(CATEGORIES)
    assert (counts.shown, counts.total, counts.twitch_total) == (0, 40, 0)


@pytest.mark.parametrize("total", [1, -1, 2.5, True])
def test_a_total_smaller_than_the_rows_is_refused(total):
    with pytest.raises(ValueError, match="total"):
        count_causes(causes()[:3], total=total)


def test_rows_must_be_causes():
    with pytest.raises(ValueError, match="rows"):
        count_causes(["caffeine"])
