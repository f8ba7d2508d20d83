"""Seed facts: each traced to the seed, every seed sentence covered, and the phrase check."""

from __future__ import annotations

from pathlib import Path

import pytest

from lessons.content.seed_facts import missing_phrases, normalise, seed_facts, seed_sentences

SEED = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "000_5e5a3bf5e939c872.txt"
needs_seed = pytest.mark.skipif(not SEED.is_file(), reason=f"seed text not found at {SEED}")


@needs_seed
def test_every_fact_quotes_the_seed_exactly():
    text = normalise(SEED.read_text(encoding="utf-8"))
    for fact in seed_facts():
        assert normalise(fact.seed_quote) in text, fact.id


@needs_seed
def test_every_sentence_of_the_seed_is_covered_by_a_fact():
    sentences = seed_sentences(SEED.read_text(encoding="utf-8"))
    assert len(sentences) >= 14  # the seed's prose sentences, headings left out
    quotes = [normalise(fact.seed_quote) for fact in seed_facts()]
    uncovered = [s for s in sentences if not any(q in normalise(s) for q in quotes)]
    assert uncovered == []


def test_seed_sentences_skip_headings_and_split_prose():
    text = "What is it?\n\nFirst fact here. Second fact here.\nList follows:\nHeading\n"
    assert seed_sentences(text) == ("First fact here.", "Second fact here.", "List follows:")


def test_the_issue_list_of_facts_is_present():
    ids = {fact.id for fact in seed_facts()}
    expected = {
        "twitch_is_fasciculation", "minimal_force", "localized", "single_motor_nerve_fiber",
        "cramps_involve_multiple_muscle_groups", "anyone_any_skeletal_muscle",
        "mostly_normal_body_reaction", "nervous_system_disorders_or_underlying_conditions",
        "stress_anxiety_frequency", "generally_not_serious", "rarely_life_threatening",
        "emergency_call_911", "emergency_change_in_consciousness", "emergency_slurred_speech",
        "emergency_high_fever", "emergency_one_sided_weakness", "emergency_paralysis",
        "prompt_care_persistent_or_concerning", "usually_isolated_events",
        "caused_by_single_motor_nerve_firing", "causes_conditions_lifestyle_medications",
    }  # fmt: skip
    assert expected - ids == set()


def test_the_fever_fact_requires_both_units():
    """The seed gives 101 °F; a correct lesson also gives 38.3 °C ((101 - 32) × 5/9)."""
    fever = next(fact for fact in seed_facts() if fact.id == "emergency_high_fever")
    assert {"101", "38.3"} <= set(fever.must_contain)


def test_a_text_with_every_phrase_misses_nothing():
    text = "\n".join(" ".join(fact.must_contain) for fact in seed_facts())
    assert missing_phrases(text.upper()) == {}


def test_missing_phrases_names_the_fact_and_phrase():
    text = "\n".join(" ".join(fact.must_contain) for fact in seed_facts()).replace("38.3", "")
    assert missing_phrases(text) == {"emergency_high_fever": ("38.3",)}


def test_phrases_match_across_line_breaks():
    (fact,) = [f for f in seed_facts() if f.id == "emergency_one_sided_weakness"]
    assert missing_phrases("Sudden\nweakness on one side\nof the body", [fact]) == {}


def test_missing_phrases_refuses_non_text():
    with pytest.raises(ValueError, match="text"):
        missing_phrases(None)
