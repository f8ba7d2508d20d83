"""plotly's 5 MB widget code goes to the page with a kernel's first figure only."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest
from support.payload import recording_comms

from lessons.figures import course_figure as figure_module
from lessons.figures import plotly_code
from lessons.figures.course_figure import CourseFigure


def test_the_full_code_publishes_plotly_s_widget_before_exporting_it():
    full = plotly_code.publishing_code()
    assert full is not None, "the pinned plotly's widget code has no default export to share"
    original = plotly_code.plotly_widget_code()
    assert len(full) - len(original) < 100  # one statement added, nothing removed
    key = plotly_code._key()
    publish = full.index(f'globalThis["{key}"]=')
    export = full.index("as default}", publish)
    assert full[publish:export].count("export{") == 1  # right before the bundle's own export
    assert key in plotly_code.borrowing_code()
    assert len(plotly_code.borrowing_code()) < 1_000


def test_the_first_figure_of_a_kernel_carries_the_code_and_the_others_borrow_it(monkeypatch):
    monkeypatch.setattr(figure_module, "KERNEL_WIDGET_CODE", plotly_code.WidgetCode())
    with recording_comms() as log:
        sizes = [
            log.bytes_sent_by(lambda: CourseFigure(data=[go.Scatter(x=[1, 2], y=[3, 4])]))
            for _ in range(3)
        ]
    assert sizes[0] > 4_000_000  # plotly's widget code, once
    assert max(sizes[1:]) < 50_000
    # A restarted kernel (a new process, so a new WidgetCode) sends the code again, once.
    restarted = plotly_code.WidgetCode()
    assert restarted.for_next_figure() == plotly_code.publishing_code()
    assert restarted.for_next_figure() == plotly_code.borrowing_code()


def test_another_plotly_without_a_shareable_export_sends_the_code_with_every_figure(monkeypatch):
    monkeypatch.setattr(plotly_code, "publishing_code", lambda: None)
    code = plotly_code.WidgetCode()
    with pytest.warns(UserWarning, match="each figure sends its own copy"):
        first, second = code.for_next_figure(), code.for_next_figure()
    assert first == second == plotly_code.plotly_widget_code()
