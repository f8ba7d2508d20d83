"""The static course site builds, works offline, and shows every lesson with its figures.

A fast build of two lessons checks the pages in detail; one full build (marked slow, about
half a minute) checks that every ready lesson of the course map gets its page.
"""

from __future__ import annotations

import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest

from lessons.content.course import course_map
from lessons.quiz import load_bank
from lessons.quiz.markdown import render_inline
from lessons.site import (
    SitePage,
    build_site,
    link_lessons,
    main,
    replace_widget_views,
)
from lessons.static_mode import binder_url

ROOT = Path(__file__).resolve().parents[2]
FAST_LESSONS = ("00_welcome.ipynb", "09_final_assessment.ipynb")
NEW_PLOT = re.compile(r"Plotly\.newPlot\(\s*\"([^\"]+)\",\s*(\[.*?\]),\s*\{", re.DOTALL)


class _Page(HTMLParser):
    """The links, scripts and style sheets of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.plot_divs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = dict(attrs)
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])
        if tag == "script" and attributes.get("src"):
            self.scripts.append(attributes["src"])
        if tag == "link" and attributes.get("rel") == "stylesheet":
            self.styles.append(attributes["href"])
        if tag == "div" and "plotly-graph-div" in (attributes.get("class") or ""):
            self.plot_divs.append(attributes.get("id"))


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def _fingerprints(folder: Path) -> dict[str, str]:
    """Content hashes of the notebooks the fast build reads."""
    return {name: hashlib.sha256((folder / name).read_bytes()).hexdigest() for name in FAST_LESSONS}


@pytest.fixture(scope="module")
def notebooks_before() -> dict[str, str]:
    return _fingerprints(ROOT / "notebooks")


@pytest.fixture(scope="module")
def site(tmp_path_factory, notebooks_before) -> Path:
    return build_site(tmp_path_factory.mktemp("site") / "site", notebooks=FAST_LESSONS)


def _local_target(site: Path, href: str) -> Path | None:
    """The file a relative link points to, or None for an absolute (external) link."""
    if re.match(r"^[a-z][a-z0-9+.-]*:", href, re.IGNORECASE) or href.startswith("#"):
        return None
    return site / href.split("#", 1)[0].split("?", 1)[0]


# -- the fast build --------------------------------------------------------------------------------
def test_the_build_makes_an_index_and_one_page_per_chosen_lesson(site):
    pages = sorted(path.name for path in site.glob("*.html"))
    assert pages == sorted(
        ["index.html", *(Path(name).with_suffix(".html").name for name in FAST_LESSONS)]
    )


def test_the_index_lists_every_lesson_of_the_course_map(site):
    index = (site / "index.html").read_text(encoding="utf-8")
    for lesson in course_map():
        assert f"{lesson.number} {lesson.title}".replace("'", "&#39;") in index
    assert f">{sum(lesson.minutes for lesson in course_map())}<" in index


def test_every_local_link_and_file_resolves(site):
    for path in site.glob("*.html"):
        page = parse(path)
        for reference in [*page.links, *page.scripts, *page.styles]:
            target = _local_target(site, reference)
            if target is not None:
                assert target.is_file(), f"{path.name}: {reference} does not exist"


def test_the_index_links_each_built_lesson(site):
    links = parse(site / "index.html").links
    for name in FAST_LESSONS:
        assert Path(name).with_suffix(".html").name in links


def test_no_page_loads_anything_from_another_host(site):
    for path in [*site.glob("*.html"), *site.glob("_static/*.css")]:
        text = path.read_text(encoding="utf-8")
        page = parse(path) if path.suffix == ".html" else _Page()
        for source in [*page.scripts, *page.styles]:
            assert not re.match(r"^(https?:)?//", source), f"{path.name} loads {source}"
        assert not re.search(r"import\(\s*[\"'](https?:)?//", text), f"{path.name}: remote module"
        assert not re.search(r"@import\s+url\(\s*[\"']?(https?:)?//", text), path.name


def test_each_figure_is_a_plotly_div_with_data_and_the_local_plotly_js(site):
    plotly_js = site / "_static" / "plotly.min.js"
    assert plotly_js.stat().st_size > 1_000_000
    assert "plotly.js" in plotly_js.read_text(encoding="utf-8")[:2000]
    for name in FAST_LESSONS:
        path = site / Path(name).with_suffix(".html").name
        page = parse(path)
        plots = NEW_PLOT.findall(path.read_text(encoding="utf-8"))
        assert len(page.plot_divs) >= _simulations_in(ROOT / "notebooks" / name)
        assert sorted(div for div, _data in plots) == sorted(page.plot_divs)
        assert all(json.loads(data) for _div, data in plots), f"{path.name}: empty figure"
        assert page.scripts.count("_static/plotly.min.js") == 1


def test_pages_keep_no_widget_views(site):
    for path in site.glob("*.html"):
        assert "application/vnd.jupyter.widget-view+json" not in path.read_text(encoding="utf-8")


def test_quizzes_show_their_questions_but_no_feedback(site):
    page = (site / "00_welcome.html").read_text(encoding="utf-8")
    bank = load_bank("00_welcome")
    assert "Answer this quiz in the live version." in page
    for question in bank.questions:
        assert render_inline(question.explanation) not in page
        for choice in getattr(question, "choices", []):
            assert render_inline(choice.feedback) not in page


def test_pages_link_to_the_live_lesson_and_to_each_other(site):
    welcome = parse(site / "00_welcome.html").links
    assert binder_url("00_welcome.ipynb") in welcome
    assert "09_final_assessment.html" in welcome  # the course map and the "next" link
    assert binder_url("03_recruitment.ipynb") in welcome  # in the course map, not built
    relative = [link for link in welcome if _local_target(site, link) is not None]
    assert relative and not [link for link in relative if ".ipynb" in link]


def test_the_committed_notebooks_are_not_touched(site, notebooks_before):
    assert _fingerprints(ROOT / "notebooks") == notebooks_before


# -- pieces ----------------------------------------------------------------------------------------
def test_lesson_links_point_to_pages_or_to_binder_when_not_built():
    lessons = {lesson.notebook: lesson for lesson in course_map()}
    pages = [
        SitePage(lessons["00_welcome.ipynb"], ROOT / "notebooks" / "00_welcome.ipynb"),
        SitePage(lessons["01_motor_units.ipynb"], None),
    ]
    text = '<a href="00_welcome.ipynb#quiz">a</a> <a href="01_motor_units.ipynb">b</a>'
    text += ' <a href="other.ipynb">c</a>'
    linked = link_lessons(text, pages, "v1")
    assert 'href="00_welcome.html#quiz"' in linked
    assert f'href="{binder_url("01_motor_units.ipynb", "v1")}"' in linked
    assert 'href="other.ipynb"' in linked


def test_a_widget_without_static_html_becomes_a_note_with_the_live_link():
    notebook = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("sorter()")
    cell.outputs = [
        nbformat.v4.new_output(
            "execute_result",
            data={
                "application/vnd.jupyter.widget-view+json": {"model_id": "abc"},
                "text/plain": "Case sorter: 11 cases",
            },
        )
    ]
    notebook.cells.append(cell)
    assert replace_widget_views(notebook, "https://example.org/live") == 1
    data = cell.outputs[0]["data"]
    assert "application/vnd.jupyter.widget-view+json" not in data
    assert "Case sorter: 11 cases" in data["text/html"]
    assert 'href="https://example.org/live"' in data["text/html"]


def test_an_unknown_notebook_is_refused_by_name(tmp_path):
    with pytest.raises(ValueError, match=r"notebooks=.*99_nothing\.ipynb"):
        build_site(tmp_path / "site", notebooks=["99_nothing.ipynb"])


def test_a_file_in_the_way_of_the_output_is_refused(tmp_path):
    blocker = tmp_path / "site"
    blocker.write_text("not a folder")
    with pytest.raises(ValueError, match="out_dir="):
        build_site(blocker, notebooks=["00_welcome.ipynb"])


def test_the_command_refuses_a_ref_with_spaces(tmp_path):
    with pytest.raises(ValueError, match="ref="):
        main(["build", "--out", str(tmp_path / "site"), "--ref", "a tag", "00_welcome.ipynb"])


# -- the full build --------------------------------------------------------------------------------
@pytest.mark.slow
def test_the_full_build_has_a_page_with_figures_for_every_ready_lesson(tmp_path):
    site = build_site(tmp_path / "site")
    ready = [lesson for lesson in course_map() if lesson.ready]
    index_links = parse(site / "index.html").links
    for lesson in ready:
        name = Path(lesson.notebook).with_suffix(".html").name
        path = site / name
        assert path.is_file(), f"no page for {lesson.notebook}"
        assert name in index_links
        for link in parse(path).links + parse(path).scripts:
            target = _local_target(site, link)
            assert target is None or target.is_file(), f"{name}: {link} does not exist"
        plots = NEW_PLOT.findall(path.read_text(encoding="utf-8"))
        assert all(json.loads(data) for _div, data in plots), f"{name}: empty figure"
        apps = _simulations_in(ROOT / "notebooks" / lesson.notebook)
        assert len(parse(path).plot_divs) >= apps, f"{name}: fewer figures than simulations"


def _simulations_in(notebook: Path) -> int:
    """How many simulation apps the committed notebook shows (their fixed text form says so)."""
    outputs = [
        output
        for cell in nbformat.read(notebook, as_version=4).cells
        for output in cell.get("outputs", [])
    ]
    return sum(
        "interactive figure with controls" in output.get("data", {}).get("text/plain", "")
        for output in outputs
    )


def test_the_build_also_runs_inside_a_running_event_loop(tmp_path):
    # A notebook cell (or a test session holding Playwright's loop) already runs an event loop
    # in this thread; asyncio.run alone would refuse.
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    async def build_from_inside_a_loop():
        asyncio.get_running_loop()  # there is one
        return build_site(tmp_path / "site", notebooks=["09_final_assessment.ipynb"])

    # A thread of its own, so the loop started here is the only one in that thread.
    with ThreadPoolExecutor(max_workers=1) as thread:
        out = thread.submit(asyncio.run, build_from_inside_a_loop()).result()
    assert (out / "09_final_assessment.html").exists()
