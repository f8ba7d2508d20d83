"""Property tests: whatever bytes sit in a progress file or an export, nothing crashes.

A progress file is either used as it is or set aside whole (its bytes kept for rescue) and
the next answer is saved; an export is either counted or skipped with a reason, and the
class-results view still shows everyone else. Inputs: arbitrary JSON values, valid files
with one part swapped for arbitrary JSON, and arbitrary bytes.
"""

from __future__ import annotations

import copy
import json
import tempfile
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from lessons.quiz import ProgressStore, ProgressWarning, class_results
from lessons.quiz.bank import course_banks
from lessons.quiz.dashboard import summarise
from lessons.quiz.records import ProgressFile

EXAMPLES = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20)
)
json_values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=25,
)

RECORD = {
    "objective": "twitch-vs-cramp",
    "attempts": 1,
    "first_try_correct": False,
    "solved": False,
    "revealed": False,
    "first_answer": "many-muscle-groups",
    "first_wrong_options": ["many-muscle-groups"],
    "first_attempt_at": "2026-09-14T09:01:00+00:00",
    "last_answer": "many-muscle-groups",
    "last_correct": False,
    "last_attempt_at": "2026-09-14T09:01:00+00:00",
}
PROGRESS = {
    "format": "muscle-twitch-course/progress",
    "format_version": 1,
    "student": {"name": "Ada", "id": "s1"},
    "lessons": {
        "00_welcome": {
            "questions": {"what-is-a-twitch": RECORD},
            "objectives_to_revisit": ["twitch-vs-cramp"],
        }
    },
}
EXPORT = {
    **PROGRESS,
    "format": "muscle-twitch-course/results",
    "course_version": "0.1.0",
    "exported_at": "2026-09-14T09:20:00+00:00",
    "student": {"name": "Bea", "id": "s2"},
}


def _paths(value: object, prefix: tuple = ()) -> list[tuple]:
    """Every place in a JSON document (keys of objects, indexes of lists)."""
    found = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            found += _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += _paths(child, (*prefix, index))
    return found


def swapped(document: dict) -> st.SearchStrategy:
    """``document`` with one part (possibly the whole) replaced by an arbitrary JSON value."""
    places = _paths(document)

    def swap(place: tuple, value: object) -> object:
        if not place:
            return value
        result = copy.deepcopy(document)
        parent = result
        for key in place[:-1]:
            parent = parent[key]
        parent[place[-1]] = value
        return result

    return st.builds(swap, st.sampled_from(places), json_values)


def as_bytes(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode("utf-8", "surrogatepass")


def inputs(document: dict) -> st.SearchStrategy[tuple[str, bytes]]:
    """(kind, file content) pairs; the kind is reported by ``--hypothesis-show-statistics``."""
    return st.one_of(
        json_values.map(lambda value: ("arbitrary JSON", as_bytes(value))),
        swapped(document).map(lambda value: ("valid file, one part swapped", as_bytes(value))),
        st.binary(max_size=300).map(lambda data: ("arbitrary bytes", data)),
    )


@EXAMPLES
@given(case=inputs(PROGRESS))
def test_any_progress_file_is_used_or_set_aside_and_the_next_answer_is_saved(
    case: tuple[str, bytes],
) -> None:
    kind, content = case
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "progress.json"
        path.write_bytes(content)
        store = ProgressStore(folder)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            data = store.load()
        set_aside = list(Path(folder).glob("progress.corrupt-*.json"))
        if any(issubclass(w.category, ProgressWarning) for w in caught):
            event(f"{kind}: set aside")
            assert not path.exists() and [p.read_bytes() for p in set_aside] == [content]
        else:
            event(f"{kind}: used")
            assert not set_aside and path.read_bytes() == content
            ProgressFile.model_validate(data)
        summarise(data, {})  # the dashboard can show whatever load() returned
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # no second recovery: the file is sound now
            assert store.record_attempt("00_welcome", "new", "obj", "a", True)
        saved = ProgressStore(folder).load()["lessons"]["00_welcome"]["questions"]
        assert saved["new"]["last_answer"] == "a"


@pytest.fixture(scope="module")
def banks() -> dict:
    return course_banks()


@EXAMPLES
@given(case=inputs(EXPORT))
def test_any_export_is_counted_or_skipped_with_a_reason(
    banks: dict, case: tuple[str, bytes]
) -> None:
    kind, content = case
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "good.json").write_text(json.dumps(EXPORT), encoding="utf-8")
        (Path(folder) / "odd.json").write_bytes(content)
        results = class_results(folder, banks=banks)
        skipped = {skip.path: skip.reason for skip in results.skipped}
        assert all(skipped.values()), "every skipped file says why"
        # The odd file was skipped, or counted as a second student, or is a newer export of
        # the same student (then the older one is listed as skipped).
        event(f"{kind}: {'skipped' if 'odd.json' in skipped else 'counted'}")
        assert "odd.json" in skipped or len(results.students) == 2 or "good.json" in skipped
        assert "s2" in results.students, "the good file's student is always shown"
        if "good.json" not in skipped:
            assert results.item("00_welcome", "what-is-a-twitch").students >= 1
        results.to_html()
        results.figure()
        results.wrong_answers_figure()
