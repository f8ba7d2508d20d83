"""Fixtures of the browser suite: one JupyterLab server, one Chromium, one lesson open at a time.

Each lesson is opened and run once, then shared by all tests about it; the tests are sorted
by lesson so that each kernel runs once and is shut down before the next lesson starts.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS_DIR = ROOT / "notebooks"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
INSTALL_HINT = "sudo apt-get update && sudo apt-get install -y chromium"
# Without the networking switches Chromium keeps calling home and floods a closed network.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def existing_lessons() -> list[str]:
    return [path.stem for path in NOTEBOOKS_DIR.glob("*.ipynb")]


def lesson_of(item: pytest.Item) -> str | None:
    """The lesson a browser test is about (its ``notebook`` parameter or module ``LESSON``)."""
    callspec = getattr(item, "callspec", None)
    if callspec is not None and "notebook" in callspec.params:
        return Path(callspec.params["notebook"]).stem
    module = getattr(item, "module", None)
    return getattr(module, "LESSON", None)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Group this folder's tests by lesson (generic checks first), keeping their slots."""
    here = Path(__file__).parent
    slots = [i for i, item in enumerate(items) if here in Path(item.path).parents]
    mine = [items[i] for i in slots]
    order = sorted(
        range(len(mine)),
        key=lambda k: (
            lesson_of(mine[k]) or "",
            bool(getattr(getattr(mine[k], "module", None), "STUDENT_TESTS", False)),
            k,
        ),
    )
    for slot, k in zip(slots, order, strict=True):
        items[slot] = mine[k]


def browser_unavailable(reason: str) -> None:
    """In CI a missing browser is a failure; elsewhere the browser tests are skipped."""
    message = f"{reason}; install Debian's Chromium with: {INSTALL_HINT}"
    if os.environ.get("CI"):
        pytest.fail(f"CI is set and the browser tests cannot run: {message}", pytrace=False)
    pytest.skip(f"browser tests skipped: {message}")


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session."""
    if not os.access(CHROMIUM, os.X_OK):
        browser_unavailable(f"{CHROMIUM} is missing")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        browser_unavailable("Python Playwright is not installed (pip install -e '.[test]')")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def lab_server(browser, tmp_path_factory: pytest.TempPathFactory):
    """JupyterLab on a temporary copy of ``notebooks/``, with its own progress folder."""
    from lab_server import start_lab_server

    server = start_lab_server(NOTEBOOKS_DIR, tmp_path_factory.mktemp("jupyterlab"))
    yield server
    server.stop()


@dataclass
class LessonRuns:
    """Keeps the lesson under test open; opening another closes it and its kernel."""

    context: object = field(repr=False)
    server: object = field(repr=False)
    current: object = field(default=None, repr=False)
    failures: dict[str, str] = field(default_factory=dict)

    def get(self, name: str):
        from lab_page import LessonSetupError, open_lesson

        if self.current is not None and self.current.name == name:
            return self.current
        self.close()
        if name in self.failures:
            pytest.fail(self.failures[name], pytrace=False)
        notebook = NOTEBOOKS_DIR / f"{name}.ipynb"
        screenshot = ARTIFACTS / "screenshots" / f"{name}.png"
        try:
            self.current = open_lesson(self.context, self.server, notebook, screenshot)
        except LessonSetupError as error:
            self.failures[name] = str(error)
        if name in self.failures:
            pytest.fail(self.failures[name], pytrace=False)
        return self.current

    def fresh(self, name: str):
        """The lesson opened and run anew, whatever earlier tests did on its page."""
        self.close()
        return self.get(name)

    def close(self) -> None:
        from lab_page import close_lesson

        if self.current is not None:
            run, self.current = self.current, None
            close_lesson(run, self.server)


@pytest.fixture(scope="session")
def lessons(browser, lab_server) -> Iterator[LessonRuns]:
    """``lessons.get("00_welcome")``: the lesson open and run in JupyterLab."""
    from lab_page import new_browser_context

    context = new_browser_context(browser)
    runs = LessonRuns(context=context, server=lab_server)
    yield runs
    runs.close()
    context.close()


@pytest.fixture(scope="session")
def timing_report():
    from browser_reports import TimingReport

    report = TimingReport()
    yield report
    report.write(ARTIFACTS / "browser-timings.json", lessons=existing_lessons())


@pytest.fixture(scope="session")
def axe_report():
    from browser_reports import AxeReport

    report = AxeReport()
    yield report
    report.write(ARTIFACTS / "axe-report.json", lessons=existing_lessons())
