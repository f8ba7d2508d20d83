"""The static course site: every lesson readable, with working figures, without a kernel.

``python -m lessons.site build [--out _build/site] [--ref TAG]`` (or ``make site``) executes
the lessons in fresh kernels with ``LESSONS_STATIC=1``, so simulations display static plotly
figures and quizzes their questions (see ``lessons.static_mode``), and converts them to HTML
with nbconvert, the notebook ecosystem's own converter. The committed notebooks are only read,
never written. The site works offline: the one script it loads, plotly.js, is copied into its
``_static`` folder, math is rendered to MathML at build time (``lessons.site_math``), and no
page loads anything from another host. Open ``index.html`` in a browser.
"""

from __future__ import annotations

import argparse
import asyncio
import html
import os
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Coroutine, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import nbformat

from lessons.content.course import LessonEntry, course_map
from lessons.notebook_tools import course_client
from lessons.static_mode import LIVE_NOTE_CLASS, LIVE_URL_ENV, STATIC_ENV, binder_url

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK_DIR = ROOT / "notebooks"
DEFAULT_OUT = ROOT / "_build" / "site"
TEMPLATES = Path(__file__).resolve().parent / "site_templates"
STATIC = "_static"
WIDGET_VIEW_MIME = "application/vnd.jupyter.widget-view+json"
CELL_TIMEOUT_SECONDS = 300  # two kernels share the build machine's two cores
#: Two kernels at a time: the build machines (and CI) have two cores.
PARALLEL_KERNELS = 2


@dataclass(frozen=True)
class SitePage:
    """One lesson of the course map and where its page is, if this build makes one."""

    lesson: LessonEntry
    source: Path | None

    @property
    def page_name(self) -> str:
        return Path(self.lesson.notebook).with_suffix(".html").name

    @property
    def label(self) -> str:
        return f"{self.lesson.number} {self.lesson.title}"


def build_site(
    out_dir: Path | str = DEFAULT_OUT,
    notebooks: Sequence[str | Path] | None = None,
    ref: str = "main",
    log: Callable[[str], None] | None = None,
) -> Path:
    """Build the site into ``out_dir`` (emptied first) and return that folder.

    ``notebooks`` picks lessons by notebook file name or path (default: every lesson marked
    ``ready`` in ``data/course.yaml``); the index lists every lesson either way. ``ref`` is the
    git branch or tag the "open the live lesson" links launch on Binder.
    """
    say = log or (lambda _message: None)
    started = time.perf_counter()
    out = Path(out_dir).resolve()
    pages = _choose_pages(notebooks)
    binder_url(ref=ref)  # refuses a bad ref before any kernel starts
    if out.exists():
        if not out.is_dir():
            raise ValueError(f"out_dir={str(out)!r} exists and is not a folder")
        shutil.rmtree(out)
    (out / STATIC).mkdir(parents=True)
    exporter = _exporter()
    _copy_static_files(out / STATIC, exporter)

    built = [page for page in pages if page.source is not None]
    executed = _run_coroutine(_execute_all(built, ref, say))
    for index, page in enumerate(built):
        neighbours = {
            "previous": built[index - 1] if index > 0 else None,
            "next": built[index + 1] if index + 1 < len(built) else None,
        }
        site = {
            "live_url": binder_url(page.lesson.notebook, ref),
            **{
                key: {"href": other.page_name, "label": other.label} if other else None
                for key, other in neighbours.items()
            },
        }
        body, _resources = exporter.from_notebook_node(
            executed[page.lesson.notebook],
            resources={"site": site, "metadata": {"name": f"{page.label}: How muscles twitch"}},
        )
        body = link_lessons(body, pages, ref)
        (out / page.page_name).write_text(body, encoding="utf-8")
    _write_index(out, pages, ref)
    say(
        f"site: {len(built)} lessons in {out} ({_folder_bytes(out) / 2**20:.1f} MiB) "
        f"in {time.perf_counter() - started:.0f} s"
    )
    return out


def _choose_pages(notebooks: Sequence[str | Path] | None) -> list[SitePage]:
    lessons = course_map()
    known = {lesson.notebook: lesson for lesson in lessons}
    if notebooks is None:
        wanted = {lesson.notebook for lesson in lessons if lesson.ready}
    else:
        wanted = {Path(name).name for name in notebooks}
        unknown = sorted(wanted - set(known))
        if unknown:
            raise ValueError(
                f"notebooks={list(map(str, notebooks))!r}: {unknown} are not lessons of "
                f"data/course.yaml; the lessons are {sorted(known)}"
            )
    pages = []
    for lesson in lessons:
        source = NOTEBOOK_DIR / lesson.notebook
        if lesson.notebook in wanted and not source.is_file():
            raise ValueError(
                f"notebook {lesson.notebook!r} is in the course map but {source} is missing"
            )
        pages.append(SitePage(lesson, source if lesson.notebook in wanted else None))
    return pages


# -- execution ---------------------------------------------------------------------------------
T = TypeVar("T")


def _run_coroutine(coroutine: Coroutine[Any, Any, T]) -> T:
    """``asyncio.run`` that also works where an event loop is already running in this thread
    (a notebook cell, or a test session holding Playwright's loop): there, run it in a worker
    thread with a loop of its own."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    with ThreadPoolExecutor(max_workers=1) as worker:
        return worker.submit(asyncio.run, coroutine).result()


async def _execute_all(
    pages: list[SitePage], ref: str, say: Callable[[str], None]
) -> dict[str, nbformat.NotebookNode]:
    """Run the lessons, two kernels at a time, each in a fresh kernel in a scratch folder."""
    limit = asyncio.Semaphore(PARALLEL_KERNELS)
    with tempfile.TemporaryDirectory(prefix="lessons-site-") as scratch:

        async def run(page: SitePage) -> tuple[str, nbformat.NotebookNode]:
            async with limit:
                started = time.perf_counter()
                notebook = await _execute(page, Path(scratch), ref)
                say(f"{page.lesson.notebook}: executed in {time.perf_counter() - started:.1f} s")
                return page.lesson.notebook, notebook

        results = await asyncio.gather(*(run(page) for page in pages))
    return dict(results)


async def _execute(page: SitePage, scratch: Path, ref: str) -> nbformat.NotebookNode:
    assert page.source is not None
    notebook = nbformat.read(page.source, as_version=4)  # read only: never written back
    workdir = scratch / page.source.stem
    (workdir / "progress").mkdir(parents=True)
    environment = {
        **os.environ,
        STATIC_ENV: "1",
        LIVE_URL_ENV: binder_url(page.lesson.notebook, ref),
        # A student's own progress file must not shape what the site shows.
        "LESSONS_PROGRESS_DIR": str(workdir / "progress"),
    }
    client = course_client(notebook, workdir, timeout=CELL_TIMEOUT_SECONDS)
    await client.async_execute(env=environment)
    replace_widget_views(notebook, binder_url(page.lesson.notebook, ref))
    return notebook


def replace_widget_views(notebook: nbformat.NotebookNode, live_url: str) -> int:
    """Turn any widget output left without static HTML into a note with the live link.

    Objects of the course show static HTML under ``LESSONS_STATIC``; this is the safety net for
    any other widget (it would show as an empty box without a kernel). Returns how many.
    """
    replaced = 0
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if WIDGET_VIEW_MIME not in data:
                continue
            data.pop(WIDGET_VIEW_MIME)
            if "text/html" not in data:
                text = html.escape(str(data.get("text/plain", "An interactive widget")))
                data["text/html"] = (
                    f'<p class="{LIVE_NOTE_CLASS}"><strong>Interactive in the live version:'
                    f"</strong> {text}. "
                    f'<a href="{html.escape(live_url, quote=True)}" target="_blank" '
                    'rel="noopener">Open the live lesson</a> to use it.</p>'
                )
                replaced += 1
    return replaced


# -- conversion --------------------------------------------------------------------------------
_NOTEBOOK_LINK = re.compile(r'href="([^"/:#]+\.ipynb)(#[^"]*)?"')


def link_lessons(page_html: str, pages: Sequence[SitePage], ref: str) -> str:
    """Point links between lesson notebooks at their site pages (or, if not built, at Binder).

    The course map in lesson 00 links ``01_motor_units.ipynb`` and so on, which work in
    JupyterLab but not on a static site.
    """
    by_notebook = {page.lesson.notebook: page for page in pages}

    def replace(match: re.Match) -> str:
        page = by_notebook.get(match.group(1))
        if page is None:
            return match.group(0)
        if page.source is None:
            return f'href="{html.escape(binder_url(page.lesson.notebook, ref), quote=True)}"'
        return f'href="{page.page_name}{match.group(2) or ""}"'

    return _NOTEBOOK_LINK.sub(replace, page_html)


def _exporter():
    from lessons.site_math import MathMLHTMLExporter

    return MathMLHTMLExporter(
        extra_template_basedirs=[str(TEMPLATES)],
        template_name="course",
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )


def _copy_static_files(static: Path, exporter) -> None:
    """plotly.js, JupyterLab's styles and the course's styles."""
    from plotly.offline import get_plotlyjs

    (static / "plotly.min.js").write_text(get_plotlyjs(), encoding="utf-8")
    environment = exporter.environment
    lab_css = [
        environment.loader.get_source(environment, name)[0]
        for name in ("static/index.css", "static/theme-light.css")
    ]
    (static / "jupyterlab.css").write_text("\n".join(lab_css), encoding="utf-8")
    shutil.copyfile(TEMPLATES / "course.css", static / "course.css")


def _write_index(out: Path, pages: list[SitePage], ref: str) -> None:
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    environment = Environment(
        loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html", "j2"])
    )
    lessons = [
        {
            "number": page.lesson.number,
            "title": page.lesson.title,
            "teaches": page.lesson.teaches,
            "minutes": page.lesson.minutes,
            "href": page.page_name if page.source is not None else None,
            "missing": "in preparation" if not page.lesson.ready else "not in this build",
        }
        for page in pages
    ]
    text = environment.get_template("home.html.j2").render(
        lessons=lessons,
        total_minutes=sum(page.lesson.minutes for page in pages),
        live_url=binder_url(ref=ref),
        ref=ref if ref != "main" else None,
    )
    (out / "index.html").write_text(text, encoding="utf-8")


def _folder_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lessons.site", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="build the static course site")
    build.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder")
    build.add_argument("--ref", default="main", help="git branch or tag for the live links")
    build.add_argument("notebooks", nargs="*", help="only these lessons (default: every ready one)")
    arguments = parser.parse_args(argv)
    out = build_site(arguments.out, arguments.notebooks or None, arguments.ref, log=print)
    print(f"open {out / 'index.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
