"""Every fact of the seed article appears, correctly worded, in the lesson that teaches it.

The list of facts, with the phrases a correct statement must contain and the lesson that
states it, is ``data/seed_facts.yaml`` (23 facts: definition, force, locality, single motor
nerve fibre, cramps vs twitches, who and where, normal reaction, causes, stress and anxiety,
seriousness, the five emergency signs and 911, prompt care, isolated events, mechanism).
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from lessons.content.seed_facts import missing_phrases, seed_facts

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def lesson_text(number: str) -> str:
    """The Markdown prose of lesson ``number`` (code and outputs are not what students read)."""
    (path,) = NOTEBOOKS.glob(f"{number}_*.ipynb")
    notebook = nbformat.read(path, as_version=4)
    return "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")


def test_the_fact_list_covers_the_seed():
    assert len(seed_facts()) >= 20
    assert {fact.lesson for fact in seed_facts()} <= {"05", "06", "07"}


@pytest.mark.parametrize("fact", seed_facts(), ids=lambda fact: fact.id)
def test_seed_fact_is_stated_in_its_lesson(fact):
    missing = missing_phrases(lesson_text(fact.lesson), [fact])
    assert not missing, f"lesson {fact.lesson} does not state {fact.fact!r}: lacks {missing}"


def test_lesson_00_already_states_the_emergency_signs():
    emergency = [fact for fact in seed_facts() if "911" in fact.fact or "emergency" in fact.id]
    assert emergency
    assert missing_phrases(lesson_text("00"), emergency) == {}
