"""Shared fixtures: every quiz test gets its own progress folder and a small valid bank."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml


@pytest.fixture(autouse=True)
def progress_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Progress goes to a temporary folder, never to the real user data folder."""
    folder = tmp_path / "progress"
    monkeypatch.setenv("LESSONS_PROGRESS_DIR", str(folder))
    return folder


MINIMAL_BANK = {
    "lesson": "99_test",
    "title": "A test bank",
    "objectives": {"basics": "Know the basics.", "numbers": "Compute a number."},
    "questions": [
        {
            "id": "pick-one",
            "type": "single_choice",
            "kind": "recall",
            "objective": "basics",
            "references": ["seed"],
            "prompt": "Pick one.",
            "explanation": "Because.",
            "choices": [
                {"id": "right", "text": "Right", "correct": True, "feedback": "Yes."},
                {"id": "wrong", "text": "Wrong", "feedback": "No."},
            ],
        },
        {
            "id": "how-many",
            "type": "numeric",
            "kind": "recall",
            "objective": "numbers",
            "references": ["seed"],
            "prompt": "How many?",
            "explanation": "Ten.",
            "answer": 10,
            "tolerance": {"relative": 0.05},
            "unit": "ms",
            "feedback": {"correct": "Yes.", "too_high": "Lower.", "too_low": "Higher."},
        },
    ],
}


@pytest.fixture
def bank_data() -> dict:
    """A fresh, valid bank as a dict, to be broken on purpose by a test."""
    return copy.deepcopy(MINIMAL_BANK)


@pytest.fixture
def write_bank(tmp_path: Path):
    """Write a bank (a dict, or raw YAML text) to a file and return its path."""

    def write(content: dict | str, name: str = "99_test.yaml") -> Path:
        path = tmp_path / "banks" / name
        path.parent.mkdir(exist_ok=True)
        text = content if isinstance(content, str) else yaml.safe_dump(content, sort_keys=False)
        path.write_text(text, encoding="utf-8")
        return path

    return write
