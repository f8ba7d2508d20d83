"""Bank Markdown shows only images shipped with the course; a remote image is its alt text.

A remote image in a question loads when the student opens the lesson: a tracker learns who
opened what, and when, without anyone clicking anything.
"""

from __future__ import annotations

import pytest

from lessons.quiz.markdown import render_inline, render_markdown

REMOTE = [
    "https://tracker.example/p.png",
    "HTTP://tracker.example/p.png",
    "//tracker.example/p.png",
    "data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=",
    "file:///etc/passwd",
    "/etc/hosts.png",
    "../../outside/p.png",
    "images/../../outside/p.png",
    "images/%2e%2e/%2e%2e/outside.png",
    "images/..%2f..%2foutside.png",
    "images\\\\..\\\\..\\\\outside.png",
]


@pytest.mark.parametrize("source", REMOTE)
@pytest.mark.parametrize("render", [render_markdown, render_inline])
def test_an_image_from_outside_the_course_renders_as_its_alt_text(render, source: str) -> None:
    rendered = render(f"See ![a twitch on EMG]({source}) here.")
    assert "<img" not in rendered and "tracker" not in rendered and "outside" not in rendered
    assert "a twitch on EMG" in rendered


def test_a_reference_style_remote_image_is_refused_too() -> None:
    rendered = render_markdown("![pixel][p]\n\n[p]: https://tracker.example/p.png")
    assert "<img" not in rendered and "tracker" not in rendered and "pixel" in rendered


def test_alt_text_with_markup_stays_text() -> None:
    rendered = render_inline("![<b>x</b> *y*](https://tracker.example/p.png)")
    assert "<b>" not in rendered and "<img" not in rendered


@pytest.mark.parametrize("source", ["images/twitch.png", "./figures/emg trace.svg"])
def test_an_image_shipped_with_the_course_is_shown(source: str) -> None:
    rendered = render_inline(f"![a twitch](<{source}>)")
    assert rendered.startswith("<img src=") and 'alt="a twitch"' in rendered
