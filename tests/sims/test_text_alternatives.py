"""Every simulation's figures and sounds are tied to the text that says what they show.

In the page, ``TextLinks`` (lessons.controls.described) marks a block's figures as one
``role="figure"`` described by the readout and caption, and names every audio player; the
browser suite checks the attributes in every lesson (tests/browser/test_every_lesson.py).
Here: every app carries the widget and the parts it looks for, and the static page has the
same links.
"""

from __future__ import annotations

import re

import pytest
from support.payload import recording_comms

from lessons.controls.described import (
    CAPTION_CLASS,
    FIGURES_CLASS,
    READOUT_CLASS,
    TextLinks,
)
from lessons.sims.catalogue import simulation_apps

APPS = simulation_apps()


@pytest.mark.parametrize("name", APPS)
def test_every_app_links_its_figures_to_its_readout_and_caption(name):
    with recording_comms():
        app = APPS[name]()
    children = app.widget.children
    classes = [set(child._dom_classes) for child in children]
    assert sum(FIGURES_CLASS in c for c in classes) == 1, name
    assert sum(READOUT_CLASS in c for c in classes) == 1, name
    assert sum(CAPTION_CLASS in c for c in classes) == 1, name
    links = [child for child in children if isinstance(child, TextLinks)]
    assert len(links) == 1 and app.title in links[0].title, name


def test_the_static_page_describes_each_figure_by_the_readout_and_caption():
    with recording_comms():
        app = APPS[next(iter(APPS))]()
    page = app.static_html()
    described = re.findall(r'role="figure" aria-label="[^"]+" aria-describedby="([^"]+)"', page)
    assert len(described) == len(app.figures)
    for ids in described:
        for element_id in ids.split():
            assert f'id="{element_id}"' in page
