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

from lessons.instructor.guide import GUIDE, UPDATE_COMMAND, update_guide
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
    guide = commands.add_parser("update-guide", help="rewrite the guide's generated sections")
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
        stale = update_guide(arguments.guide, check=arguments.check)
        if arguments.check and stale:
            print(f"{arguments.guide}: stale sections {stale}; run {UPDATE_COMMAND}")
            return 1
        print(f"{arguments.guide}: " + (f"updated {stale}" if stale else "up to date"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
