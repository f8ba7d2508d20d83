"""The bibliography loads as one table and refuses broken entries, naming file and key."""

from __future__ import annotations

import pytest

from lessons.content.references import ReferenceError, cite, load_references, references


def test_course_bibliography_loads_with_the_seed():
    table = references()
    assert "seed" in table
    for reference in table.values():
        assert reference.citation().endswith(".")


def test_duplicate_key_across_files_is_refused(tmp_path):
    entry = "k1:\n  authors: A\n  year: 2000\n  title: T\n  source: S\n"
    (tmp_path / "a.yaml").write_text(entry)
    (tmp_path / "b.yaml").write_text(entry)
    with pytest.raises(ReferenceError, match=r"b\.yaml: key 'k1' is already defined in .*a\.yaml"):
        load_references(tmp_path)


def test_missing_field_is_named(tmp_path):
    (tmp_path / "a.yaml").write_text("k1:\n  authors: A\n  year: 2000\n  title: T\n")
    with pytest.raises(ReferenceError, match=r"a\.yaml: entry 'k1' lacks source"):
        load_references(tmp_path)


def test_bad_yaml_is_named(tmp_path):
    (tmp_path / "a.yaml").write_text("k1: [unclosed\n")
    with pytest.raises(ReferenceError, match=r"a\.yaml: not valid YAML"):
        load_references(tmp_path)


def test_unknown_key_is_named():
    with pytest.raises(KeyError, match="no-such-key"):
        cite("seed", "no-such-key")
