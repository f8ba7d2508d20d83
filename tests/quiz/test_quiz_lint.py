"""The fair-options lint: its rules as pure functions, a bank written to cheat, the course."""

from __future__ import annotations

import pytest

from lessons.quiz import lint_rules as rules
from lessons.quiz.__main__ import main
from lessons.quiz.bank import load_bank
from lessons.quiz.lint import Lengths, Tally, lint_banks
from lessons.quiz.schema import Choice


def options(*texts: str, correct: tuple[int, ...] = (0,)) -> list[Choice]:
    return [
        Choice(id=f"c{index}", text=text, correct=index in correct, feedback="Why.")
        for index, text in enumerate(texts)
    ]


def test_longest_hit_is_one_when_the_correct_option_is_strictly_longest():
    assert rules.longest_hit(options("the long right one", "short", "brief")) == 1


def test_a_tie_for_longest_splits_the_hit():
    assert rules.longest_hit(options("right", "wrong", "nope!", "x")) == pytest.approx(1 / 3)


def test_longest_hit_is_zero_when_a_distractor_is_longest():
    assert rules.longest_hit(options("right", "a longer wrong option")) == 0


def test_longest_counts_characters_as_shown_not_yaml_line_breaks():
    assert rules.option_length("two   words\n") == rules.option_length("two words")


def test_chance_is_one_over_n_for_single_choice_and_the_correct_share_for_multiple():
    assert rules.chance(options("a", "b", "c", "d")) == 0.25
    assert rules.chance(options("a", "b", "c", "d", correct=(0, 1, 2))) == 0.75


def test_absolute_words_are_found_as_whole_words_with_either_apostrophe():
    text = "Nothing at all, ever; it can’t be allowed overall, and it cannot always."
    assert rules.absolute_words(text) == ["nothing", "all", "ever", "can't", "cannot", "always"]
    assert rules.absolute_words("usually a normal reaction, often harmless") == []


def test_length_ratio_ignores_options_of_few_words():
    texts = ("paralysis", "a change in their level of consciousness", "slurred speech, new today")
    assert rules.length_ratio(options(*texts)) == pytest.approx(40 / 25)
    names = options("type I", "type IIa", "one long option of many words")
    assert rules.length_ratio(names) is None


def test_similarity_ignores_markdown_stop_words_and_plurals():
    first = rules.normalise("Which of these is a **motor unit**?")
    second = rules.normalise("What is the motor units")
    assert rules.similarity(first, second) == 1
    unrelated = rules.normalise("How many weeks may a twitch last before a GP visit")
    assert rules.similarity(first, unrelated) < rules.DUPLICATE_THRESHOLD


def test_question_text_holds_the_prompt_and_only_the_correct_answers(bank_data, write_bank):
    bank = load_bank(write_bank(bank_data))
    assert rules.question_text(bank.questions[0]) == "pick one right"


def question(qid: str, prompt: str, right: str, *wrong: str) -> dict:
    return {
        "id": qid,
        "type": "single_choice",
        "kind": "recall",
        "objective": "basics",
        "references": ["seed"],
        "prompt": prompt,
        "explanation": "Because.",
        "choices": [
            {"id": "right", "text": right, "correct": True, "feedback": "Yes."},
            *({"id": f"wrong-{i}", "text": t, "feedback": "No."} for i, t in enumerate(wrong)),
        ],
    }


DUPLICATED = question(
    "what-is-a-unit",
    "Which of these is a motor unit?",
    "one motor neuron together with every muscle fibre that its axon branches reach",
    "a single muscle fibre, never more",
    "a whole muscle with all of its nerve",
    "nothing but a sensory receptor",
)


def cheating_bank() -> dict:
    return {
        "lesson": "98_cheat",
        "title": "A bank written to cheat",
        "objectives": {"basics": "Know the basics."},
        "questions": [
            DUPLICATED,
            question(
                "what-is-a-fibrillation",
                "What is a fibrillation potential?",
                "the spontaneous discharge of one denervated muscle fibre, seen on needle EMG",
                "always a cramp",
                "only a twitch you can see",
            ),
            question(
                "twitch-peak",
                "When does a twitch of contraction time 70 ms peak after the impulse?",
                "about 70 ms after the impulse, at the contraction time by its definition",
                "never",
                "it must peak at once",
            ),
        ],
    }


def other_bank() -> dict:
    reworded = question(
        "motor-unit-again",
        "Which of these is a **motor unit**?",
        "One motor neuron and every muscle fibre its axon branches reach",
        "One muscle fibre",
        "A whole muscle",
    )
    return {
        "lesson": "99_other",
        "title": "Another bank",
        "objectives": {"basics": "Know the basics."},
        "questions": [reworded],
    }


def test_a_bank_written_to_cheat_fails_naming_each_problem(write_bank, capsys):
    cheat = write_bank(cheating_bank(), "98_cheat.yaml")
    other = write_bank(other_bank(), "99_other.yaml")
    assert main(["lint", str(cheat), str(other)]) == 1
    out = capsys.readouterr().out
    for qid in ("what-is-a-unit", "what-is-a-fibrillation", "twitch-peak"):
        assert f"98_cheat.yaml: question {qid!r}, rule 'correct-is-longest'" in out
    assert "question 'twitch-peak', rule 'absolute-words': distractor 'wrong-0' says 'never'" in out
    assert "rule 'uneven-length'" in out
    assert (
        "99_other.yaml: question 'motor-unit-again', rule 'near-duplicate': near duplicate of "
    ) in out
    assert "question 'what-is-a-unit' (similarity" in out
    assert "FAIL: the course breaks correct-is-longest, absolute-words, uneven-length" in out
    assert "triage cases are skipped" in out


def test_a_fair_bank_passes(bank_data, write_bank, capsys):
    bank_data["questions"][0]["choices"] = [
        {"id": "right", "text": "one motor neuron", "correct": True, "feedback": "Yes."},
        {"id": "wrong", "text": "one muscle spindle", "feedback": "No."},
        {"id": "other", "text": "a sensory fibre", "feedback": "No."},
    ]
    assert main(["lint", str(write_bank(bank_data))]) == 0
    assert "PASS" in capsys.readouterr().out


def test_course_figures_add_up_over_banks(write_bank):
    cheat = load_bank(write_bank(cheating_bank(), "98_cheat.yaml"))
    report = lint_banks([("a.yaml", cheat), ("b.yaml", cheat)])
    assert report.course.questions == 6
    assert report.course.lengths["single_choice"].rate == 1
    assert report.course.lengths["multiple_select"].questions == 0
    assert report.course.correct_absolute == 2  # "every" in the duplicated right option
    assert report.course.distractors == report.course.distractor_absolute == 14


def test_a_bank_whose_right_option_is_never_the_longest_fails_too(bank_data, write_bank, capsys):
    template = question("q", "Which one?", "short", "a longer wrong option", "another wrong one")
    bank_data["questions"] = [{**template, "id": f"q{i}"} for i in range(12)]
    assert main(["lint", str(write_bank(bank_data))]) == 1
    out = capsys.readouterr().out
    assert "question 'q0', rule 'correct-is-longest': the longest option" in out
    assert "is a distractor ('wrong-0')" in out


def test_the_band_is_at_least_one_question_wide():
    one = Lengths(questions=1, hits=0.0, chance=0.25)
    assert one.cue() == 0
    many = Lengths(questions=40, hits=0.0, chance=10.0)
    assert many.cue() == -1
    assert Lengths(questions=40, hits=13.0, chance=10.0).cue() == 1


def test_the_absolute_word_margin_is_at_least_one_correct_option_wide():
    assert Tally(correct_options=9).absolute_margin() == pytest.approx(1 / 9)
    assert Tally(correct_options=85).absolute_margin() == rules.ABSOLUTE_MARGIN


def test_the_course_banks_pass_the_lint(capsys):
    status = main(["lint"])
    assert status == 0, capsys.readouterr().out
