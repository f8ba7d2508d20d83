"""Browser-side redraw time of every control, without Jupyter: plotly.js alone in Chromium.

The browser tests time a control from key press to redrawn figure through the whole stack
(page, kernel, model, comm, plotly). This benchmark isolates the last step. For every app of
the catalogue it records what each control move sends to plotly.js (the ``Plotly.restyle``,
``relayout`` and ``update`` calls a ``FigureWidget`` makes in the page), then replays those
calls on the same figures in headless Chromium and times each one until the next frame is
painted. Arrays travel as typed arrays, as they do through the widgets' binary buffers.

    .venv/bin/python benchmarks/bench_redraw.py [--only recruitment] [--repeats 5]

Needs Playwright and a Chromium (``/usr/bin/chromium``, or ``LESSONS_CHROMIUM``).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("LESSONS_CHROMIUM", "/usr/bin/chromium")


def _plain(value: Any) -> Any:
    """JSON-ready copy; numpy arrays become ``{"typed": dtype, "values": [...]}``."""
    if isinstance(value, np.ndarray):
        if value.ndim > 1:  # the widgets send a 2-D array as rows of typed arrays
            return [_plain(row) for row in value]
        if value.dtype.kind in "fiu":
            dtype = "float32" if value.dtype == np.float32 else "float64"
            flat = np.asarray(value, dtype=dtype).ravel()
            values = [None if not np.isfinite(v) else float(v) for v in flat]
            return {"typed": dtype, "values": values}
        return [_plain(v) for v in value.tolist()]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, np.generic):
        return value.item()
    return value


@contextmanager
def recorded_calls() -> Iterator[list[dict]]:
    """Record every plotly.js call the figure widgets would make in the page."""
    from plotly.basewidget import BaseFigureWidget

    calls: list[dict] = []
    originals = {
        name: getattr(BaseFigureWidget, name)
        for name in ("_send_restyle_msg", "_send_relayout_msg", "_send_update_msg")
    }

    def restyle(self, restyle_data, trace_indexes=None, source_view_id=None):
        indexes = self._normalize_trace_indexes(trace_indexes)
        calls.append({"figure": id(self), "call": "restyle", "args": [restyle_data, indexes]})

    def relayout(self, layout_data, source_view_id=None):
        calls.append({"figure": id(self), "call": "relayout", "args": [layout_data]})

    def update(self, restyle_data, relayout_data, trace_indexes=None, source_view_id=None):
        indexes = self._normalize_trace_indexes(trace_indexes)
        calls.append(
            {"figure": id(self), "call": "update", "args": [restyle_data, relayout_data, indexes]}
        )

    BaseFigureWidget._send_restyle_msg = restyle
    BaseFigureWidget._send_relayout_msg = relayout
    BaseFigureWidget._send_update_msg = update
    try:
        yield calls
    finally:
        for name, original in originals.items():
            setattr(BaseFigureWidget, name, original)


def scenarios(only: str | None = None) -> list[dict]:
    """For each app: its figures as plotly JSON, and the calls each control move makes."""
    from support.payload import control_moves, recording_comms

    from lessons.sims.catalogue import simulation_apps

    found = []
    with recording_comms(), recorded_calls() as calls:
        for name, factory in simulation_apps().items():
            if only and only not in name:
                continue
            app = factory()
            figure_ids = [id(figure) for figure in app.figures]
            figures = [
                _plain(
                    {
                        "data": figure.to_dict()["data"],
                        "layout": figure.to_dict()["layout"],
                        "config": dict(figure._config),
                    }
                )
                for figure in app.figures
            ]
            moves = []
            for control_name, control in app.controls.items():
                for label, action in control_moves(control):
                    start = len(calls)
                    action()
                    made = [
                        {
                            "figure": figure_ids.index(call["figure"]),
                            "call": call["call"],
                            "args": _plain(call["args"]),
                        }
                        for call in calls[start:]
                        if call["figure"] in figure_ids
                    ]
                    if made:
                        moves.append({"control": control_name, "move": label, "calls": made})
            found.append({"app": name, "figures": figures, "moves": moves})
            del calls[:]
    return found


PAGE = """<!doctype html><html><head><meta charset="utf-8">
<script src="plotly.min.js"></script></head><body style="width:1000px"></body>
<script>
function revive(value) {
  if (Array.isArray(value)) return value.map(revive);
  if (value && typeof value === "object") {
    if (value.typed) {
      const Typed = value.typed === "float32" ? Float32Array : Float64Array;
      return Typed.from(value.values, (v) => (v === null ? NaN : v));
    }
    const out = {};
    for (const [k, v] of Object.entries(value)) out[k] = revive(v);
    return out;
  }
  return value;
}
const painted = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
async function setUp(figures) {
  document.body.innerHTML = "";
  window.plots = [];
  for (const figure of figures) {
    const div = document.createElement("div");
    document.body.appendChild(div);
    const f = revive(figure);
    await Plotly.newPlot(div, f.data, f.layout, {responsive: false, ...f.config});
    window.plots.push(div);
  }
  await painted();
}
async function replay(calls) {
  const prepared = calls.map((c) => ({...c, args: revive(c.args)}));
  const t0 = performance.now();
  for (const c of prepared) {
    const div = window.plots[c.figure];
    if (c.call === "restyle") await Plotly.restyle(div, c.args[0], c.args[1]);
    else if (c.call === "relayout") await Plotly.relayout(div, c.args[0]);
    else await Plotly.update(div, c.args[0], c.args[1], c.args[2]);
  }
  await painted();
  return performance.now() - t0;
}
</script></html>"""


def measure(found: list[dict], repeats: int, screenshots: Path | None = None) -> list[dict]:
    """Replay every move ``repeats`` times in Chromium; median and worst time per control."""
    import plotly
    from playwright.sync_api import sync_playwright

    plotly_js = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    rows = []
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as driver:
        Path(folder, "plotly.min.js").write_bytes(plotly_js.read_bytes())
        Path(folder, "index.html").write_text(PAGE)
        browser = driver.chromium.launch(executable_path=CHROMIUM)
        page = browser.new_page(viewport={"width": 1100, "height": 900})
        page.goto(Path(folder, "index.html").as_uri())
        for scenario in found:
            page.evaluate("(figures) => setUp(figures)", scenario["figures"])
            per_control: dict[str, list[float]] = {}
            for _round in range(repeats):
                for move in scenario["moves"]:
                    took = page.evaluate("(calls) => replay(calls)", move["calls"])
                    per_control.setdefault(move["control"], []).append(took)
            for control, samples in per_control.items():
                rows.append(
                    {
                        "app": scenario["app"],
                        "control": control,
                        "median_ms": statistics.median(samples),
                        "max_ms": max(samples),
                        "samples": len(samples),
                    }
                )
            if screenshots is not None:
                screenshots.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(screenshots / f"{scenario['app']}.png"), full_page=True)
        browser.close()
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="only apps whose name contains this text")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--screenshots", type=Path, help="save each app's figures here")
    arguments = parser.parse_args(argv)
    rows = measure(scenarios(arguments.only), arguments.repeats, arguments.screenshots)
    width = max(len(f"{r['app']} / {r['control']}") for r in rows)
    print(f"{'app / control':<{width}}  median ms  worst ms")
    for row in rows:
        name = f"{row['app']} / {row['control']}"
        print(f"{name:<{width}}  {row['median_ms']:9.1f}  {row['max_ms']:8.1f}")
    output = ROOT / "test-artifacts" / "redraw.json"
    output.parent.mkdir(exist_ok=True)
    output.write_text(json.dumps(rows, indent=1))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "tests"))  # tests/support: payload recording
    raise SystemExit(main())
