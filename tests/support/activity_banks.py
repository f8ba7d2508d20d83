"""Small banks with a prediction and a written question, for the tests of both."""

from __future__ import annotations

import copy

CHOICE_PREDICTION = {
    "id": "predict-plateau",
    "type": "prediction",
    "experiment": "stimulator",
    "objective": "basics",
    "references": ["seed"],
    "prompt": "Predict what the peak force does as the rate rises.",
    "result": "The peak force rose, then levelled off once the twitches fused.",
    "explanation": "Fused twitches cannot sum further.",
    "choices": [
        {"id": "plateau", "text": "Rises, then levels off", "correct": True, "feedback": "Yes."},
        {"id": "steady", "text": "Rises in proportion", "feedback": "Fusion caps it."},
        {"id": "falls", "text": "Falls as rate rises", "feedback": "Faster is stronger."},
    ],
}

NUMERIC_PREDICTION = {
    "id": "predict-count",
    "type": "prediction",
    "experiment": "stimulator",
    "objective": "numbers",
    "references": ["seed"],
    "prompt": "Estimate the fusion frequency.",
    "result": "The twitches fused at about 25 Hz.",
    "explanation": "About 25 Hz.",
    "answer": 25,
    "tolerance": {"absolute": 5},
    "unit": "Hz",
    "feedback": {"correct": "Close.", "too_high": "Lower.", "too_low": "Higher."},
}

WRITTEN = {
    "id": "explain-cramp",
    "type": "written",
    "objective": "basics",
    "references": ["seed"],
    "prompt": "Explain why a cramp is stronger than a twitch.",
    "model_answer": "Many units fire fast, so their twitches fuse.",
    "explanation": "Recruitment and summation.",
    "min_words": 5,
    "rubric": [
        {"id": "many-units", "text": "Many motor units take part."},
        {"id": "high-rates", "text": "Each fires at a high rate."},
        {"id": "fusion", "text": "Their twitches sum and fuse."},
    ],
}


def activity_bank() -> dict:
    """One quiz question, one choice prediction, one estimate and one written question."""
    return {
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
            copy.deepcopy(CHOICE_PREDICTION),
            copy.deepcopy(NUMERIC_PREDICTION),
            copy.deepcopy(WRITTEN),
        ],
    }
