"""Course data is escaped on every site page (issue 14, item 6).

A data/course.yaml title ``Welcome <img src=x onerror=alert(1)>`` ran on load in the next
page's previous/next links; course.yaml notebook names become links too.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
import yaml

from lessons.content import course
from lessons.site import _exporter

EVIL = "Welcome <img src=x onerror=alert(1)>"


def _page(site: dict) -> str:
    notebook = nbformat.v4.new_notebook()
    notebook.cells.append(nbformat.v4.new_markdown_cell("A cell."))
    body, _ = _exporter().from_notebook_node(
        notebook, resources={"site": site, "metadata": {"name": EVIL}}
    )
    return body


def test_lesson_titles_and_links_in_the_navigation_are_escaped():
    page = _page(
        {
            "live_url": 'https://example.org/"><script>alert(2)</script>',
            "mathjax_url": None,
            "previous": {"href": "00_welcome.html", "label": EVIL},
            "next": {"href": "02_twitch.html", "label": EVIL},
        }
    )
    assert "<img" not in page
    assert "<script>alert(2)" not in page
    assert page.count("Welcome &lt;img src=x onerror=alert(1)&gt;") >= 4  # 2 navs x 2 links
    assert 'class="course-nav course-nav-top">' in page  # the markup itself is not escaped


def test_a_notebook_name_that_a_browser_reads_as_a_scheme_is_refused(tmp_path, monkeypatch):
    lesson = {
        "number": "00",
        "notebook": "javascript:alert(1).ipynb",
        "title": "T",
        "teaches": "x",
        "minutes": 1,
        "ready": True,
    }
    path = tmp_path / "course.yaml"
    path.write_text(yaml.safe_dump({"lessons": [lesson]}))
    monkeypatch.setattr(course, "data_file", lambda name: Path(path))
    with pytest.raises(ValueError, match=r"course\.yaml.*row 1.*notebook must be a file name"):
        course.course_map()
