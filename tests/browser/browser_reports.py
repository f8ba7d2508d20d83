"""The browser suite's JSON reports: control-to-redraw timings and the accessibility audit.

Timings are measured, never asserted (a loaded CI machine would make any threshold flaky);
the benchmarks read them from ``test-artifacts/browser-timings.json``.
"""

from __future__ import annotations

import json
import math
import os
import platform
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from axe_audit import KNOWN_UPSTREAM_ISSUES, AxeFinding


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class ControlTiming:
    """One control change and how long the page took to redraw the figure after it."""

    lesson: str
    simulation: str  # the block's number and the start of its caption
    control: str  # the control's visible label, e.g. "Contraction time (ms)"
    action: str  # "ArrowRight", "End", "mouse drag", ...
    milliseconds: float  # to the first DOM change of a figure
    painted_milliseconds: float | None = None  # to plotly_afterplot, then a paint
    measured_at: str = field(default_factory=_now)


@dataclass(frozen=True)
class TimingSummary:
    count: int
    median_ms: float
    p95_ms: float
    max_ms: float


def nearest_rank_percentile(values: Sequence[float], fraction: float) -> float:
    """The smallest value with at least ``fraction`` of the values at or below it."""
    if not values:
        raise ValueError("values: need at least one measurement, got none")
    if not 0.0 < fraction <= 1.0:
        raise ValueError(f"fraction={fraction!r} must be in (0, 1]")
    ordered = sorted(values)
    return ordered[max(math.ceil(fraction * len(ordered)) - 1, 0)]


def summarise(values: Sequence[float]) -> TimingSummary:
    """Median and 95th percentile (nearest rank) of some timings, in milliseconds."""
    if not values:
        raise ValueError("values: need at least one measurement, got none")
    return TimingSummary(
        count=len(values),
        median_ms=round(statistics.median(values), 1),
        p95_ms=round(nearest_rank_percentile(values, 0.95), 1),
        max_ms=round(max(values), 1),
    )


def _machine() -> dict:
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    return {
        "cpus": os.cpu_count(),
        "load_average_1_5_15_min": [round(x, 2) for x in load] if load else None,
        "platform": platform.platform(),
        "python": platform.python_version(),
    }


def _earlier(path: Path, key: str) -> object:
    """``key`` of the JSON report already at ``path`` (None if absent or unreadable)."""
    try:
        return json.loads(path.read_text(encoding="utf-8")).get(key)
    except (OSError, ValueError, AttributeError):
        return None


def _write(path: Path, report: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


def _summary_or_none(values: Iterable[float | None]) -> dict | None:
    """The summary of the values measured (None when none was)."""
    measured = [value for value in values if value is not None]
    return asdict(summarise(measured)) if measured else None


@dataclass
class TimingReport:
    """Collects ``ControlTiming`` records during the session and writes them as JSON.

    A run of some lessons only (``-k 03_recruitment``) replaces those lessons' records in
    the report and keeps the others, as long as their notebook still exists.
    """

    measurements: list[ControlTiming] = field(default_factory=list)

    def add(self, timing: ControlTiming) -> None:
        self.measurements.append(timing)

    def as_json(self, earlier: Iterable[dict] = ()) -> dict:
        records = [*earlier, *(asdict(m) for m in self.measurements)]
        records.sort(key=lambda record: record["lesson"])
        per_control: dict[str, list[float]] = {}
        for record in records:
            key = f"{record['lesson']} / {record['control']}"
            per_control.setdefault(key, []).append(record["milliseconds"])
        return {
            "what": (
                "Time from the first input event that moves a control (key press or mouse "
                "move, in the page) to the first DOM change of a plotly figure whose data or "
                "layout differ from before ('milliseconds': kernel round trip, model update "
                "and the start of the redraw), and to the figure fully redrawn "
                "('painted_milliseconds': plotly_afterplot of a changed figure, then the next "
                "paint). Measured, not asserted."
            ),
            "generated": _now(),
            "machine": _machine(),
            "summary": {
                "all": asdict(summarise([record["milliseconds"] for record in records])),
                "all_painted": _summary_or_none(
                    [record.get("painted_milliseconds") for record in records]
                ),
                "per_control": {
                    key: asdict(summarise(values)) for key, values in sorted(per_control.items())
                },
            },
            "measurements": records,
        }

    def write(self, path: Path, lessons: Iterable[str]) -> None:
        """Write the report, keeping earlier records of ``lessons`` not measured this time."""
        if not self.measurements:
            return
        measured = {m.lesson for m in self.measurements}
        still_there = set(lessons) - measured
        earlier = _earlier(path, "measurements") or []
        kept = [
            record
            for record in earlier
            if isinstance(record, dict) and record.get("lesson") in still_there
        ]
        _write(path, self.as_json(kept))


@dataclass
class AxeReport:
    """Collects each lesson's axe findings and writes them as JSON (merged like timings)."""

    lessons: dict[str, list[AxeFinding]] = field(default_factory=dict)

    def add(self, lesson: str, findings: list[AxeFinding]) -> None:
        self.lessons[lesson] = findings

    def as_json(self, earlier: dict | None = None) -> dict:
        audited = {
            lesson: {"audited_at": _now(), "findings": [f.as_json() for f in findings]}
            for lesson, findings in self.lessons.items()
        }
        return {
            "what": (
                "axe-core violations per lesson after Run All. 'course': inside quizzes, "
                "simulations, the dashboard, rendered Markdown or HTML outputs (serious and "
                "critical ones fail the suite); 'course-upstream': inside a course widget but "
                "caused by the widget library (listed under known_upstream_issues); "
                "'jupyterlab': JupyterLab's own interface."
            ),
            "generated": _now(),
            "known_upstream_issues": [asdict(issue) for issue in KNOWN_UPSTREAM_ISSUES],
            "lessons": dict(sorted({**(earlier or {}), **audited}.items())),
        }

    def write(self, path: Path, lessons: Iterable[str]) -> None:
        """Write the report, keeping earlier audits of ``lessons`` not audited this time."""
        if not self.lessons:
            return
        still_there = set(lessons) - set(self.lessons)
        earlier = _earlier(path, "lessons")
        kept = (
            {k: v for k, v in earlier.items() if k in still_there}
            if isinstance(earlier, dict)
            else {}
        )
        _write(path, self.as_json(kept))
