"""Math on the static site is MathML made at build time, never raw TeX (issue 14, item 14).

Without an optional MathJax package the site's pages showed ``$F(t) = P \\, \\frac{t}{T}...$``
as source. Lesson 02 has the course's equations.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from lessons.site import build_site
from lessons.site_math import tex_to_mathml

LESSON = "02_twitch_to_tetanus.ipynb"
ROOT = Path(__file__).resolve().parents[2]


def _page_text(page: str) -> str:
    """The page without its scripts, styles and MathML: what a reader sees as text."""
    for tag in ("script", "style", "math"):
        page = re.sub(rf"<{tag}\b.*?</{tag}>", " ", page, flags=re.DOTALL)
    return page


@pytest.fixture(scope="module")
def lesson_page(tmp_path_factory) -> str:
    site = build_site(tmp_path_factory.mktemp("site") / "site", notebooks=[LESSON])
    return (site / Path(LESSON).with_suffix(".html").name).read_text(encoding="utf-8")


def test_the_lesson_has_math_in_its_source():
    notebook = nbformat.read(ROOT / "notebooks" / LESSON, as_version=4)
    sources = "".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")
    assert r"\frac{t}{T}" in sources  # the twitch equation, written as TeX


def test_the_built_page_has_mathml_and_no_raw_tex(lesson_page):
    assert lesson_page.count("<math") >= 9  # every equation and symbol of the lesson
    assert "<mfrac>" in lesson_page  # the twitch equation's t/T, drawn as a fraction
    text = _page_text(lesson_page)
    assert not re.search(r"\$[^$<>]{1,80}\$", text), re.search(r"\$[^$<>]{1,80}\$", text)
    assert r"\frac" not in text


def test_the_page_loads_no_math_script(lesson_page):
    assert "MathJax" not in lesson_page
    assert "mathjax" not in lesson_page.lower()


def test_tex_that_cannot_be_read_stops_the_build_by_name():
    with pytest.raises(ValueError, match=r"cannot render the math 'x\^'"):
        tex_to_mathml("x^")
