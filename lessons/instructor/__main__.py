"""Command line for instructors.

python -m lessons.instructor objectives            # learning objectives by lesson (Markdown)
python -m lessons.instructor timings               # plans for 50-minute and 2-hour sessions
python -m lessons.instructor update-guide [--check] [GUIDE]   # refresh the guide's copies
python -m lessons.instructor nbgitpuller-link --hub URL [--branch B] [--notebook N]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from lessons.instructor.guide import GUIDE, README, README_SECTIONS, UPDATE_COMMAND, update_guide
from lessons.instructor.lesson_headers import update_lesson_headers
from lessons.instructor.links import nbgitpuller_url
from lessons.instructor.objectives import objectives_markdown
from lessons.instructor.timings import FIFTY_MINUTES, TWO_HOURS, SessionFormat, timings_markdown


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lessons.instructor", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("objectives", help="learning objectives by lesson, from the notebooks")
    timings = commands.add_parser("timings", help="session plans from data/course.yaml")
    timings.add_argument(
        "--session",
        type=int,
        metavar="MINUTES",
        help="plan for one session length instead of the 50-minute and 2-hour plans",
    )
    guide = commands.add_parser(
        "update-guide",
        help="rewrite every generated copy: the guide's sections, the README's course map and "
        "each lesson's objectives and minutes",
    )
    guide.add_argument("guide", nargs="?", type=Path, default=GUIDE)
    guide.add_argument("--check", action="store_true", help="only report stale sections")
    link = commands.add_parser("nbgitpuller-link", help="a launch link for a JupyterHub")
    link.add_argument("--hub", required=True, help="the hub's address, https://...")
    link.add_argument("--branch", default="main", help="the course branch to pull")
    link.add_argument("--notebook", default="00_welcome.ipynb", help="the notebook to open")
    arguments = parser.parse_args(argv)

    if arguments.command == "objectives":
        print(objectives_markdown(), end="")
    elif arguments.command == "timings":
        formats = (FIFTY_MINUTES, TWO_HOURS)
        if arguments.session is not None:
            base = TWO_HOURS if arguments.session >= 90 else FIFTY_MINUTES
            formats = (
                SessionFormat(
                    f"{arguments.session}-minute class",
                    arguments.session,
                    base.opening,
                    base.discussion,
                    base.break_minutes,
                    base.homework,
                ),
            )
        print(timings_markdown(formats), end="")
    elif arguments.command == "nbgitpuller-link":
        print(nbgitpuller_url(arguments.hub, arguments.branch, arguments.notebook))
    else:
        return _update_copies(arguments.guide, arguments.check)
    return 0


def _update_copies(guide: Path, check: bool) -> int:
    """Refresh (or, with ``check``, report) every copy generated from the course data."""
    # The lessons' headers first: the guide quotes the objectives as the lessons state them.
    stale = {"lesson headers": update_lesson_headers(check=check)}
    stale[str(guide)] = update_guide(guide, check=check)
    stale[str(README)] = update_guide(README, check=check, sections=README_SECTIONS)
    for where, names in stale.items():
        if check and names:
            print(f"{where}: stale {names}; run {UPDATE_COMMAND}")
        else:
            print(f"{where}: " + (f"updated {names}" if names else "up to date"))
    return 1 if check and any(stale.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
