"""The causes explorer's words: its caption, the readout of the counts, and the table of rows."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

import ipywidgets as widgets

from lessons.content.cause_counts import CauseCounts
from lessons.content.causes import Cause
from lessons.content.references import references

CAPTION = (
    "Counts of the causes that pass your filters, by category and by whether they are "
    "linked with twitches or with cramps (a cause linked with both counts in both); "
    "the table below lists them with their mechanism and sources (data/causes.yaml)."
)
PHENOMENON_WORDS = {"twitch": "twitches", "cramp": "cramps", "both": "twitches and cramps"}
COLUMNS = ("Cause", "Linked with", "Category", "How common", "Serious?", "Mechanism", "Sources")


def causes_readout(counts: CauseCounts) -> str:
    """How many causes are shown and linked with each; or how to find some when none is."""
    if counts.shown:
        return (
            f"Showing <b>{counts.shown}</b> of {counts.total} causes: {counts.twitch_total} "
            f"linked with twitches, {counts.cramp_total} with cramps."
        )
    return f"No cause of the {counts.total} matches; clear the search or widen the filters."


def causes_table_widget() -> widgets.HTML:
    """An empty box for the table, styled by the course's CSS for causes tables."""
    table = widgets.HTML()
    table.add_class("lessons-causes-table")
    return table


def causes_table_html(rows: Sequence[Cause]) -> str:
    """The rows as an accessible HTML table: name, what it causes, category, how common,
    whether serious, the mechanism (with its caveat) and linked sources."""
    header = "".join(f"<th scope='col'>{name}</th>" for name in COLUMNS)
    body = "".join(_row_html(row) for row in rows)
    return (
        "<table class='lessons-causes'><caption>Causes that match the filters "
        "(educational, not medical advice)</caption>"
        f"<thead><tr>{header}</tr></thead><tbody>{body}</tbody></table>"
    )


def _row_html(row: Cause) -> str:
    mechanism = escape(row.mechanism)
    if row.note:
        mechanism += f"<br><em>Note: {escape(row.note)}</em>"
    return (
        "<tr>"
        f"<th scope='row'>{escape(row.name)}</th>"
        f"<td>{PHENOMENON_WORDS[row.phenomenon]}</td>"
        f"<td>{escape(row.category)}</td>"
        f"<td>{row.how_common}</td>"
        f"<td>{'yes' if row.serious else 'no'}</td>"
        f"<td>{mechanism}</td>"
        f"<td>{', '.join(_source_link(key) for key in row.references)}</td>"
        "</tr>"
    )


def _source_link(key: str) -> str:
    """A short 'Author year' label for a citation key, linked where the source is online."""
    reference = references()[key]
    first_author = reference.authors.split(",")[0].split(" (")[0]
    suffix = key[-1] if key[-1].isalpha() and key[-2].isdigit() else ""
    label = escape(f"{first_author} {reference.year}{suffix}")
    link = reference.link()
    title = escape(reference.citation())
    if link:
        return f"<a href='{escape(link)}' title='{title}' target='_blank'>{label}</a>"
    return f"<span title='{title}'>{label}</span>"
