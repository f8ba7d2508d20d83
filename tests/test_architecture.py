"""The shape of the package, checked: small modules, short functions, traces by name, layers.

These are the rules of the course's architecture (README, "Layout"): a newcomer should be
able to read any module of ``lessons/`` in one sitting, and a view must reach its figure's
traces by name, so adding or reordering a trace can never silently redraw the wrong one.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

from lessons.sims.catalogue import simulation_apps

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "lessons"
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60
POSITIONAL_TRACE = re.compile(r"\bdata\s*\[\s*(?:-?\d|:)")

MODULES = sorted(PACKAGE.rglob("*.py"))


def _relative(path: Path) -> str:
    return str(path.relative_to(ROOT))


def test_no_module_is_longer_than_the_limit():
    long = {_relative(p): n for p in MODULES if (n := p.read_text().count("\n")) > MAX_MODULE_LINES}
    assert not long, f"modules over {MAX_MODULE_LINES} lines: {long}"


def test_no_function_is_longer_than_the_limit():
    long = []
    for path in MODULES:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = node.end_lineno - node.lineno + 1
                if lines > MAX_FUNCTION_LINES:
                    long.append(f"{_relative(path)}:{node.lineno} {node.name} ({lines} lines)")
    assert not long, f"functions over {MAX_FUNCTION_LINES} lines: {long}"


def test_no_view_reaches_a_trace_by_its_position():
    found = [
        f"{_relative(path)}:{number}: {line.strip()}"
        for path in MODULES
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if POSITIONAL_TRACE.search(line)
    ]
    assert not found, "reach traces by name (CourseFigure.trace) instead:\n" + "\n".join(found)


def test_the_positional_check_finds_what_it_looks_for():
    assert POSITIONAL_TRACE.search("figure.data[0].y = y")
    assert POSITIONAL_TRACE.search("for trace in self.figure.data[:3]:")
    assert not POSITIONAL_TRACE.search("figure.trace('force').y = y")


@pytest.mark.parametrize("name", sorted(simulation_apps()))
def test_every_trace_of_every_app_has_a_unique_name(name):
    app = simulation_apps()[name]()
    for figure in app.figures:
        names = [trace.name for trace in figure.data]
        assert all(names), f"{name}: a trace without a name among {names}"
        assert len(set(names)) == len(names), f"{name}: repeated trace names {names}"


def test_the_layers_hold():
    """The import-linter contracts of pyproject.toml (also run by `make test`)."""
    result = subprocess.run(
        [str(Path(sys.executable).with_name("lint-imports"))],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout
