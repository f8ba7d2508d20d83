"""Lesson 07's table of symptoms that may come with twitches, grouped by level of care.

The rows are ``data/symptoms.yaml`` (``lessons.content.symptoms``); a row that matches a sign
of the triage rules carries that sign's level, so the table and the rules cannot disagree.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from lessons.content.symptoms import Symptom, symptoms, symptoms_by_urgency
from lessons.content.triage import triage_table
from lessons.sims.care_levels import LEVEL_COLOURS


@dataclass(frozen=True)
class SymptomTable:
    """The accompanying-symptoms table, most urgent first, shown as HTML in a notebook."""

    groups: tuple[tuple[str, str, tuple[Symptom, ...]], ...]

    def _repr_html_(self) -> str:
        rows = []
        for level, label, members in self.groups:
            colour = LEVEL_COLOURS[level]
            rows.append(
                f"<tr><th colspan='3' scope='rowgroup' style='text-align:left;"
                f"border-left:8px solid {colour};padding-left:6px'>{html.escape(label)}</th></tr>"
            )
            for symptom in members:
                sources = ", ".join(
                    f"<a href='#ref-{html.escape(key)}'>{html.escape(key)}</a>"
                    for key in symptom.references
                )
                rows.append(
                    f"<tr><td style='text-align:left'>{html.escape(symptom.name)}</td>"
                    f"<td style='text-align:left'>{html.escape(symptom.may_suggest)}</td>"
                    f"<td style='text-align:left'>{sources}</td></tr>"
                )
        return (
            "<table class='lessons-symptom-table'><caption>Symptoms that may come with "
            "muscle twitches, grouped by how urgently they need care (most urgent first)"
            "</caption><thead><tr><th scope='col'>Symptom</th>"
            "<th scope='col'>What it may suggest</th><th scope='col'>Sources</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>"
        )

    @property
    def references(self) -> tuple[str, ...]:
        """Every citation key the table shows, once each, in order of first use."""
        keys = [key for _, _, members in self.groups for s in members for key in s.references]
        return tuple(dict.fromkeys(keys))

    def __repr__(self) -> str:
        count = sum(len(members) for _, _, members in self.groups)
        return f"<SymptomTable: {count} symptoms that may come with twitches>"


def symptom_table(rows: Sequence[Symptom] | None = None) -> SymptomTable:
    """The table of ``data/symptoms.yaml``, grouped by urgency, most urgent first."""
    table = triage_table()
    labels = {level.id: level.label for level in table.levels}
    grouped = symptoms_by_urgency(tuple(rows) if rows is not None else symptoms())
    return SymptomTable(
        tuple((level, labels[level], members) for level, members in grouped.items() if members)
    )
