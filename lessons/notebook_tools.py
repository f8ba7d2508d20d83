"""Execute the lesson notebooks in place, the same way every time, and check they are clean.

Notebooks are source: they are committed executed (nbval compares their stored outputs) but
without saved widget state, which would add megabytes of plotly's JavaScript to each file.

    python -m lessons.notebook_tools execute notebooks/*.ipynb
    python -m lessons.notebook_tools check notebooks/*.ipynb
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import nbformat

MAX_NOTEBOOK_BYTES = 500_000
WIDGET_STATE_MIME = "application/vnd.jupyter.widget-state+json"
CELL_TIMEOUT_SECONDS = 120


def course_client(
    notebook: nbformat.NotebookNode, workdir: Path, timeout: int = CELL_TIMEOUT_SECONDS
):  # -> nbclient.NotebookClient (imported lazily: only runs of lessons need it)
    """A kernel client with the settings every run of a lesson uses, in place or for the site:
    a cell time limit, the python3 kernel, no saved widget state, no timings."""
    from nbclient import NotebookClient

    return NotebookClient(
        notebook,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(workdir)}},
        store_widget_state=False,
        record_timing=False,
    )


def execute_notebook(path: Path) -> float:
    """Run ``path`` top to bottom in a fresh kernel, save it in place, return the seconds taken."""
    notebook = nbformat.read(path, as_version=4)
    with tempfile.TemporaryDirectory(prefix="lessons-progress-") as progress_dir:
        # A student's own progress file must never shape the committed outputs.
        previous = os.environ.get("LESSONS_PROGRESS_DIR")
        os.environ["LESSONS_PROGRESS_DIR"] = progress_dir
        try:
            client = course_client(notebook, path.parent)
            started = time.perf_counter()
            client.execute()
            elapsed = time.perf_counter() - started
        finally:
            if previous is None:
                os.environ.pop("LESSONS_PROGRESS_DIR", None)
            else:
                os.environ["LESSONS_PROGRESS_DIR"] = previous
    strip_volatile_metadata(notebook)
    nbformat.write(notebook, path)
    return elapsed


def strip_volatile_metadata(notebook: nbformat.NotebookNode) -> None:
    """Drop saved widget state and per-run metadata so a re-run gives the same file."""
    notebook.metadata.pop("widgets", None)
    notebook.metadata.setdefault("kernelspec", {}).update(
        {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    )
    language = notebook.metadata.setdefault("language_info", {})
    for key in ("version",):
        language.pop(key, None)
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)


def notebook_problems(path: Path) -> list[str]:
    """What would make a committed notebook unfit: widget state, size, kernel, errors."""
    problems = []
    size = path.stat().st_size
    if size > MAX_NOTEBOOK_BYTES:
        problems.append(f"{path.name}: {size} bytes, more than {MAX_NOTEBOOK_BYTES}")
    raw = path.read_text(encoding="utf-8")
    if WIDGET_STATE_MIME in raw:
        problems.append(f"{path.name}: stores widget state ({WIDGET_STATE_MIME})")
    notebook = nbformat.read(path, as_version=4)
    kernel = notebook.metadata.get("kernelspec", {}).get("name")
    if kernel != "python3":
        problems.append(f"{path.name}: kernelspec is {kernel!r}, not 'python3'")
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type != "code":
            continue
        if cell.source.strip() and cell.get("execution_count") is None:
            problems.append(f"{path.name}: code cell {index} was never executed")
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                problems.append(f"{path.name}: code cell {index} stores an error output")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["execute", "check"])
    parser.add_argument("notebooks", nargs="+", type=Path)
    args = parser.parse_args(argv)
    failed = False
    for path in args.notebooks:
        if args.command == "execute":
            seconds = execute_notebook(path)
            print(f"{path}: executed in {seconds:.1f} s, {path.stat().st_size / 1024:.0f} KiB")
        for problem in notebook_problems(path):
            print(f"PROBLEM {problem}", file=sys.stderr)
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
