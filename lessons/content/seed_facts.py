"""The facts of the course seed, one per row, from ``data/seed_facts.yaml``.

The issue asks that every fact of the seed appear, correctly, in lessons 05-08. Each row
carries the seed words it comes from (to trace it) and the short phrases a lesson text
stating it must contain; :func:`missing_phrases` is what a notebook test calls to find the
facts a lesson text still lacks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field
from pydantic.dataclasses import dataclass

from lessons.content.causes import ROW_CONFIG, Identifier, read_rows
from lessons.paths import data_file

Phrase = Annotated[str, Field(min_length=2)]


@dataclass(frozen=True, config=ROW_CONFIG)
class SeedFact:
    """One fact of the seed, where it comes from, and what a lesson must say to state it."""

    id: Identifier
    fact: str
    seed_quote: str
    must_contain: Annotated[tuple[Phrase, ...], Field(min_length=1)]
    lesson: Literal["05", "06", "07", "08", "09"]


def load_seed_facts(path: Path | None = None) -> tuple[SeedFact, ...]:
    """Read and check the seed facts (``data/seed_facts.yaml`` unless ``path`` is given)."""
    path = path if path is not None else data_file("seed_facts.yaml")
    return tuple(read_rows(path, SeedFact))


@lru_cache(maxsize=1)
def seed_facts() -> tuple[SeedFact, ...]:
    """The course's seed facts, read once per kernel."""
    return load_seed_facts()


def normalise(text: str) -> str:
    """Lower-case text with runs of whitespace folded to one space, for phrase matching."""
    return re.sub(r"\s+", " ", text).strip().casefold()


def missing_phrases(
    text: str, facts: Iterable[SeedFact] | None = None
) -> dict[str, tuple[str, ...]]:
    """For each fact that ``text`` does not fully state, the required phrases it lacks.

    Matching ignores case and line breaks. An empty result means every fact is covered.
    """
    if not isinstance(text, str):
        raise ValueError(f"text must be a string, not {type(text).__name__}")
    haystack = normalise(text)
    facts = seed_facts() if facts is None else facts
    missing = {}
    for fact in facts:
        lacking = tuple(p for p in fact.must_contain if normalise(p) not in haystack)
        if lacking:
            missing[fact.id] = lacking
    return missing


def seed_sentences(text: str) -> tuple[str, ...]:
    """The sentences of the seed that state something (headings and questions left out).

    A line of the seed is prose when it ends with a full stop or a colon (the colon ends the
    cut-short list introductions); it is split into sentences at full stops.
    """
    sentences: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        if not line.endswith((".", ":")):
            continue
        sentences.extend(part.strip() for part in re.split(r"(?<=\.)\s+", line) if part.strip())
    return tuple(sentences)
