"""Export file names: readable in any script, distinct for distinct students, never too long."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lessons.quiz import ProgressDashboard, ProgressStore, export_results
from lessons.quiz.export import export_file_name


def test_non_latin_names_stay_readable_and_distinct() -> None:
    names = {name: export_file_name(name, None) for name in ("王小明", "محمد", "Иван", "Ada")}
    assert len(set(names.values())) == len(names)
    for name, file_name in names.items():
        assert "anonymous" not in file_name
        assert name.lower() in file_name


def test_names_differing_only_in_accents_do_not_collide() -> None:
    assert export_file_name("Zoë", None) != export_file_name("Zoé", None)
    assert export_file_name(None, "S42") != export_file_name(None, "s42")
    assert export_file_name("Ann Lee", None) != export_file_name("Ann-Lee", None)


def test_a_plain_student_id_keeps_its_plain_name() -> None:
    assert export_file_name("Ada", "s42") == "muscle-twitch-results-s42.json"
    assert export_file_name(None, None) == "muscle-twitch-results-anonymous.json"


@pytest.mark.parametrize("name", ["x" * 300, "王" * 300, "é" * 399])
def test_a_very_long_name_still_exports(tmp_path: Path, name: str) -> None:
    file_name = export_file_name(name, None)
    assert len(file_name.encode("utf-8")) <= 200
    path = export_results(tmp_path, ProgressStore(tmp_path / "progress"), name=name)
    assert json.loads(path.read_text(encoding="utf-8"))["student"]["name"] == name


@pytest.mark.parametrize("name", ["Ada \ud800", "x" * 5000])
def test_a_name_that_cannot_be_exported_is_a_message_in_the_dashboard(
    tmp_path: Path, name: str
) -> None:
    dashboard = ProgressDashboard(ProgressStore(tmp_path / "progress"), tmp_path / "out")
    dashboard.widget  # noqa: B018 (builds the inputs)
    dashboard.name_input.value = name
    assert dashboard.export() is None
    assert "Export failed" in dashboard.status.value
    assert "name" in dashboard.status.value
    assert not list((tmp_path / "out").glob("*")) if (tmp_path / "out").exists() else True
