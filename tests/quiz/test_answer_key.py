"""The answer key is generated from the banks and covers every question of every bank."""

from __future__ import annotations

from lessons.paths import data_file
from lessons.quiz.__main__ import main
from lessons.quiz.answer_key import answer_key
from lessons.quiz.bank import load_bank


def all_banks():
    return [load_bank(path) for path in sorted(data_file("quizzes").glob("*.yaml"))]


def test_key_names_every_question_of_every_bank():
    banks = all_banks()
    key = answer_key(banks)
    for bank in banks:
        assert f"## {bank.lesson}:" in key
        for question in bank.questions:
            assert f"`{question.id}`" in key, f"{bank.lesson}/{question.id} missing from the key"


def test_key_marks_exactly_the_right_choices():
    bank = load_bank("00_welcome")
    key = answer_key([bank])
    question = next(q for q in bank.questions if q.type == "multiple_select")
    for choice in question.choices:
        text = " ".join(choice.text.split())
        marker = "**[x]**" if choice.correct else "[ ]"
        assert f"- {marker} {text}" in key


def test_key_gives_numeric_answers_with_their_range_and_sorting_targets():
    key = answer_key([load_bank("00_welcome")])
    assert "**38.33 °C** (accepted: 38.13 to 38.53 °C)" in key
    assert "Twitches with a fever of 103 °F (39.4 °C) → **Emergency (call 911 in the US)**" in key


def test_command_writes_the_key(tmp_path, capsys):
    output = tmp_path / "key.md"
    assert main(["answer-key", "--output", str(output)]) == 0
    assert output.read_text().startswith("# Answer key")
    assert f"answer key for {len(all_banks())} banks" in capsys.readouterr().out
