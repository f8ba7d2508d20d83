"""Every performance figure of the course in one run, printed as tables and saved as JSON.

    make bench            (or: python benchmarks/run_all.py [--skip-notebooks])

Measures, on this machine: the physiology models behind the controls; every control of every
simulation app (Python-side time from the control change to the updated figure, and bytes
sent to the browser); the import time of ``lessons``; for each notebook the time to run it
top to bottom, the kernel's resident memory afterwards, and the file size; plotly.js's redraw
of every control's update in Chromium (``bench_redraw.py``); and it prints the last browser
test run's key-press-to-redraw timings in JupyterLab. Figures, not
pass/fail: targets are in benchmarks/README.md. Results go to test-artifacts/benchmarks.json.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tests"))  # tests/support: payload recording


def _median_ms(action, repeats: int) -> float:
    samples = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        samples.append((time.perf_counter() - started) * 1e3)
    return statistics.median(samples)


def physiology_figures() -> list[dict]:
    from bench_physiology import CASES

    return [{"case": name, "median_ms": _median_ms(case, 15)} for name, case in CASES.items()]


def control_figures() -> list[dict]:
    """Per app and control: median and worst Python-side update time, largest payload."""
    from support.payload import control_moves, recording_comms

    from lessons.sims.catalogue import simulation_apps

    rows = []
    with recording_comms() as log:
        for name, factory in simulation_apps().items():
            app = factory()
            for control_name, control in app.controls.items():
                times, sizes = [], []
                for _round in range(3):
                    for _label, action in control_moves(control):
                        started = time.perf_counter()
                        sizes.append(log.bytes_sent_by(action))
                        times.append((time.perf_counter() - started) * 1e3)
                if times:
                    rows.append(
                        {
                            "app": name,
                            "control": control_name,
                            "median_ms": statistics.median(times),
                            "max_ms": max(times),
                            "max_bytes": max(sizes),
                        }
                    )
    return rows


def import_time_seconds(statement: str, repeats: int = 7) -> float:
    """Median wall time of ``statement`` in a fresh interpreter (interpreter start excluded)."""
    code = f"import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
    runs = [
        float(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
            ).stdout
        )
        for _ in range(repeats)
    ]
    return statistics.median(runs)


def notebook_figures() -> list[dict]:
    """Run each notebook in a fresh kernel; time it and read the kernel's memory at the end."""
    import tempfile

    import nbformat
    import psutil
    from nbclient import NotebookClient

    rows = []
    paths = sorted((ROOT / "notebooks").glob("*.ipynb")) + sorted(
        (ROOT / "notebooks").glob("*/*.ipynb")
    )
    for path in paths:
        notebook = nbformat.read(path, as_version=4)
        with tempfile.TemporaryDirectory() as progress:
            client = NotebookClient(
                notebook,
                timeout=300,
                kernel_name="python3",
                store_widget_state=False,
                resources={"metadata": {"path": str(path.parent)}},
            )
            import os

            os.environ["LESSONS_PROGRESS_DIR"] = progress
            with client.setup_kernel():
                started = time.perf_counter()
                for index, cell in enumerate(notebook.cells):
                    client.execute_cell(cell, index)
                seconds = time.perf_counter() - started
                pid = client.km.provisioner.process.pid
                rss = psutil.Process(pid).memory_info().rss
        rows.append(
            {
                "notebook": str(path.relative_to(ROOT)),
                "run_s": seconds,
                "kernel_rss_mb": rss / 2**20,
                "file_kb": path.stat().st_size / 1024,
            }
        )
    return rows


def redraw_figures() -> list[dict]:
    """plotly.js redraw time per control in Chromium (bench_redraw.py); empty without one."""
    from bench_redraw import CHROMIUM, measure, scenarios

    if not Path(CHROMIUM).exists():
        print(f"(no Chromium at {CHROMIUM}: browser redraw figures skipped)")
        return []
    return measure(scenarios(), repeats=3)


def browser_suite_figures() -> dict:
    """The last browser test run's control-to-redraw timings, if there was one."""
    path = ROOT / "test-artifacts" / "browser-timings.json"
    if not path.exists():
        return {}
    report = json.loads(path.read_text())
    return {"generated": report.get("generated"), **report.get("summary", {})}


def _table(rows: list[dict], columns: list[tuple[str, str, str]]) -> str:
    header = " | ".join(title for title, _key, _format in columns)
    lines = [f"| {header} |", "|" + "---|" * len(columns)]
    for row in rows:
        cells = [format(row[key], fmt) for _title, key, fmt in columns]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-notebooks", action="store_true")
    parser.add_argument("--skip-browser", action="store_true", help="skip the Chromium redraws")
    arguments = parser.parse_args(argv)
    results = {
        "import_lessons_s": import_time_seconds("import lessons"),
        "import_lesson_toolkit_s": import_time_seconds(
            "import lessons.sims, lessons.quiz, lessons.display"
        ),
        "physiology": physiology_figures(),
        "controls": control_figures(),
        "notebooks": [] if arguments.skip_notebooks else notebook_figures(),
        "redraw": [] if arguments.skip_browser else redraw_figures(),
        "browser_suite": browser_suite_figures(),
    }
    print(
        f"import lessons: {results['import_lessons_s'] * 1e3:.0f} ms; "
        f"a lesson's first cell (sims, quiz, display): "
        f"{results['import_lesson_toolkit_s'] * 1e3:.0f} ms\n"
    )
    print(
        _table(results["physiology"], [("model", "case", "s"), ("median ms", "median_ms", ".2f")])
    )
    print()
    print(
        _table(
            results["controls"],
            [
                ("app", "app", "s"),
                ("control", "control", "s"),
                ("median ms", "median_ms", ".1f"),
                ("worst ms", "max_ms", ".1f"),
                ("max bytes/update", "max_bytes", ",d"),
            ],
        )
    )
    if results["notebooks"]:
        print()
        print(
            _table(
                results["notebooks"],
                [
                    ("notebook", "notebook", "s"),
                    ("Run All s", "run_s", ".1f"),
                    ("kernel MB", "kernel_rss_mb", ".0f"),
                    ("file KB", "file_kb", ".0f"),
                ],
            )
        )
    if results["redraw"]:
        print("\nplotly.js redraw in Chromium, per control (benchmarks/bench_redraw.py):")
        print(
            _table(
                results["redraw"],
                [
                    ("app", "app", "s"),
                    ("control", "control", "s"),
                    ("median ms", "median_ms", ".1f"),
                    ("worst ms", "max_ms", ".1f"),
                ],
            )
        )
    suite = results["browser_suite"]
    if suite:
        rows = [
            {"control": name, **figures} for name, figures in suite.get("per_control", {}).items()
        ]
        print(f"\nKey press to redrawn figure in JupyterLab (browser tests, {suite['generated']}):")
        print(
            _table(
                rows,
                [
                    ("lesson / control", "control", "s"),
                    ("presses", "count", "d"),
                    ("median ms", "median_ms", ".0f"),
                    ("p95 ms", "p95_ms", ".0f"),
                ],
            )
        )
        overall = suite.get("all", {})
        if overall:
            print(
                f"all controls: {overall['count']} presses, median {overall['median_ms']:.0f} ms, "
                f"p95 {overall['p95_ms']:.0f} ms, slowest {overall['max_ms']:.0f} ms"
            )
    output = ROOT / "test-artifacts" / "benchmarks.json"
    output.parent.mkdir(exist_ok=True)
    output.write_text(json.dumps(results, indent=1))
    print(f"\nsaved to {output.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
