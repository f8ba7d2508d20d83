"""The first minute: `make course` prints a URL; the student opens it and lands on lesson 00.

The server is started by the Makefile's own ``course`` recipe (``make -o <stamp> course``: the
recipe as is, without re-installing the environment), in a copy of the files it uses, with
empty Jupyter settings, as on a student's first run. The student's page must show lesson 00,
not the launcher, with no "Jupyter news" question (a toast) over it.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from lab_page import KERNEL_IDLE, PAGE_LOAD_TIMEOUT_MS, new_browser_context, save_screenshot
from lab_server import free_port
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
#: What `make course` reads: the Makefile, the start script, the Jupyter settings, the lessons.
COURSE_FILES = ("Makefile", "start", "jupyter-config", "notebooks")
LESSON_00 = "00_welcome.ipynb"
NOTEBOOK_CELLS = ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook .jp-Cell"
STARTUP_TIMEOUT_S = 120.0
#: After JupyterLab is restored and the kernel is idle, how long a pop-up gets to appear.
POP_UP_GRACE_MS = 5_000


def copy_course(destination: Path) -> Path:
    destination.mkdir()
    for name in COURSE_FILES:
        source = ROOT / name
        if source.is_dir():
            ignore = shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__")
            shutil.copytree(source, destination / name, ignore=ignore)
        else:
            shutil.copy2(source, destination / name)  # keeps ./start executable
    return destination


def fresh_jupyter_env(work: Path) -> dict[str, str]:
    """The test's environment with Jupyter's per-user folders empty and private, and no
    browser for the server to open (``BROWSER=true`` runs the no-op ``true``)."""
    folders = {
        "JUPYTER_CONFIG_DIR": "config",
        "JUPYTER_RUNTIME_DIR": "runtime",
        "JUPYTER_DATA_DIR": "data",
        "JUPYTERLAB_SETTINGS_DIR": "settings",
        "JUPYTERLAB_WORKSPACES_DIR": "workspaces",
        "IPYTHONDIR": "ipython",
        "LESSONS_PROGRESS_DIR": "progress",
    }
    env = {key: value for key, value in os.environ.items() if key != "JUPYTER_CONFIG_PATH"}
    for variable, name in folders.items():
        (work / name).mkdir()
        env[variable] = str(work / name)
    env["BROWSER"] = "true"
    return env


def wait_for_printed_url(process: subprocess.Popen, log: Path, port: int) -> str:
    pattern = re.compile(rf"http://127\.0\.0\.1:{port}/\S*")
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while time.monotonic() < deadline:
        text = log.read_text(encoding="utf-8", errors="replace")
        found = [url for url in pattern.findall(text) if "token=" in url]
        if found:
            return found[0]
        if process.poll() is not None:
            pytest.fail(f"make course exited with {process.returncode}:\n{text[-3000:]}")
        time.sleep(0.25)
    pytest.fail(f"make course printed no URL within {STARTUP_TIMEOUT_S:.0f} s:\n{text[-3000:]}")


@pytest.fixture(scope="module")
def course_url(browser, tmp_path_factory: pytest.TempPathFactory):
    """The URL `make course` prints, with the server it started still running."""
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    work = tmp_path_factory.mktemp("make-course")
    course = copy_course(work / "course")
    venv = Path(sys.prefix)
    port = free_port()
    command = ["make", "-o", f"{venv}/.installed", "course", f"PORT={port}", f"VENV={venv}"]
    log = work / "make-course.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            command,
            cwd=course,
            env=fresh_jupyter_env(work),
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # make, ./start and jupyter: one process group to end
        )
    try:
        yield wait_for_printed_url(process, log, port)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=20)


def test_make_course_prints_the_url_of_lesson_00(course_url):
    assert re.fullmatch(
        rf"http://127\.0\.0\.1:\d+/lab/tree/notebooks/{re.escape(LESSON_00)}\?token=\w+",
        course_url,
    ), course_url


def test_the_printed_url_shows_lesson_00_with_no_pop_up(browser, course_url):
    context = new_browser_context(browser)
    problems = []
    try:
        page = context.new_page()
        page.goto(course_url, timeout=PAGE_LOAD_TIMEOUT_MS)
        current_tab = page.locator("#jp-main-dock-panel .lm-TabBar-tab.lm-mod-current")
        current_tab.wait_for(timeout=PAGE_LOAD_TIMEOUT_MS)
        try:
            expect(current_tab).to_have_text(LESSON_00, timeout=PAGE_LOAD_TIMEOUT_MS // 4)
            expect(page.locator(NOTEBOOK_CELLS).first).to_be_visible()
            page.wait_for_function(KERNEL_IDLE, timeout=PAGE_LOAD_TIMEOUT_MS)
        except (AssertionError, PlaywrightTimeout):
            problems.append(f"the open document is {current_tab.text_content()!r}, not lesson 00")
        page.wait_for_timeout(POP_UP_GRACE_MS)  # a pop-up on its way would be here by now
        toasts = page.locator(".Toastify__toast").all_text_contents()
        if toasts:
            problems.append(f"a pop-up covers the page: {toasts}")
        save_screenshot(page, ARTIFACTS / "screenshots" / "first-minute.png")
    finally:
        context.close()
    assert not problems, "\n".join(problems)
