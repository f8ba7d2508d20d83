"""Accessibility audit of a lesson page with axe-core (through axe-playwright-python).

axe looks at the whole JupyterLab page. Each violating element is sorted into what the course
renders (quizzes, simulations, the dashboard, rendered Markdown and HTML outputs) and what
JupyterLab or ipywidgets render around it. Only serious or critical violations in the
course's part fail a test; the rest goes to the report, for the record.
"""

from __future__ import annotations

from dataclasses import dataclass

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

BLOCKING_IMPACTS = ("critical", "serious")


@dataclass(frozen=True)
class UpstreamIssue:
    """A violation inside a course widget that comes from the widget library itself.

    The course cannot fix it through the library's Python API, so it is reported, not failed.
    Matched by rule id and by a CSS selector the violating element must match.
    """

    rule: str
    selector: str
    widget: str
    reason: str
    tracked_at: str


#: None: every violation inside course content counts. (Until the course had its own slider,
#: ipywidgets' unnamed noUiSlider handle, ipywidgets#2650, was waived here; an unlabelled
#: slider now fails the audit.) A new entry needs its reason and where it is tracked.
KNOWN_UPSTREAM_ISSUES: tuple[UpstreamIssue, ...] = ()

CLASSIFY_NODES = """([selectors, upstreamSelectors]) => selectors.map((selector) => {
  let element = null;
  try { element = typeof selector === 'string' ? document.querySelector(selector) : null; }
  catch (error) { element = null; }
  return {
    inCourse: window.lessonsProbe.inCourseRegion(selector),
    upstream: upstreamSelectors.map((s) => Boolean(element && element.matches(s))),
  };
})"""


@dataclass(frozen=True)
class AxeFinding:
    """One axe rule violated by some elements of one kind (course, upstream or other)."""

    rule: str
    impact: str
    help: str
    help_url: str
    where: str  # "course", "course-upstream" (a known library issue) or "jupyterlab"
    targets: tuple[str, ...]
    snippets: tuple[str, ...]
    upstream: UpstreamIssue | None = None

    @property
    def blocking(self) -> bool:
        return self.where == "course" and self.impact in BLOCKING_IMPACTS

    def describe(self) -> str:
        pairs = zip(self.targets[:5], self.snippets[:5], strict=True)
        shown = "\n".join(f"    {target}: {snippet}" for target, snippet in pairs)
        more = f"\n    ... and {len(self.targets) - 5} more" if len(self.targets) > 5 else ""
        return f"{self.rule} ({self.impact}): {self.help} [{self.help_url}]\n{shown}{more}"

    def as_json(self) -> dict:
        record = {
            "rule": self.rule,
            "impact": self.impact,
            "help": self.help,
            "help_url": self.help_url,
            "where": self.where,
            "nodes": len(self.targets),
            "targets": list(self.targets[:10]),
            "snippets": list(self.snippets[:3]),
        }
        if self.upstream is not None:
            record["upstream"] = {
                "widget": self.upstream.widget,
                "reason": self.upstream.reason,
                "tracked_at": self.upstream.tracked_at,
            }
        return record


def audit(page: Page) -> list[AxeFinding]:
    """Run axe-core on the page and sort every violating element into course or JupyterLab."""
    violations = Axe().run(page).response["violations"]
    upstream_selectors = [issue.selector for issue in KNOWN_UPSTREAM_ISSUES]
    # axe names each element by a list of selectors: one for the page, the iframe first for
    # an element in an iframe, and a nested list for one in a shadow root (JupyterLab's
    # toolkit buttons); only a plain first selector can point into course content.
    selectors = [
        [node["target"][0] if node["target"] else "" for node in violation["nodes"]]
        for violation in violations
    ]
    flat = [selector for group in selectors for selector in group]
    classified = iter(page.evaluate(CLASSIFY_NODES, [flat, upstream_selectors]))
    findings = []
    for violation in violations:
        groups: dict[tuple[str, int | None], list[dict]] = {}
        for node in violation["nodes"]:
            info = next(classified)
            upstream = next(
                (
                    i
                    for i, (issue, matched) in enumerate(
                        zip(KNOWN_UPSTREAM_ISSUES, info["upstream"], strict=True)
                    )
                    if matched and issue.rule == violation["id"]
                ),
                None,
            )
            if not info["inCourse"]:
                key = ("jupyterlab", None)
            elif upstream is not None:
                key = ("course-upstream", upstream)
            else:
                key = ("course", None)
            groups.setdefault(key, []).append(node)
        for (where, upstream), nodes in groups.items():
            findings.append(
                AxeFinding(
                    rule=violation["id"],
                    impact=violation.get("impact") or "unknown",
                    help=violation.get("help", ""),
                    help_url=violation.get("helpUrl", ""),
                    where=where,
                    targets=tuple(
                        " >> ".join(str(part) for part in node["target"]) for node in nodes
                    ),
                    snippets=tuple(node.get("html", "")[:300] for node in nodes),
                    upstream=None if upstream is None else KNOWN_UPSTREAM_ISSUES[upstream],
                )
            )
    return findings
