"""plotly's private parts that ``CourseFigure`` relies on are still there, under these names.

``lessons.figures.course_figure`` overrides private methods of plotly's ``FigureWidget`` and
writes its private traits. An upgrade of plotly that renamed one would not raise anything: the
override would simply never be called, and figures would again lose data in the page or send
5 MB each. These tests fail loudly instead, naming what moved. (What the overrides do on the
wire is tested in ``test_course_figure.py`` and, for every control, ``test_every_app.py``.)
"""

from __future__ import annotations

import inspect

import plotly
import plotly.graph_objects as go
import pytest
from plotly.basedatatypes import BaseFigure, Undefined

from lessons.figures.course_figure import PLOTLY_VERSION


def test_plotly_is_the_version_the_overrides_were_written_for():
    assert plotly.__version__ == PLOTLY_VERSION, (
        f"plotly {plotly.__version__} is installed, but lessons/figures/course_figure.py was "
        f"written for {PLOTLY_VERSION}: re-check its overrides, then update PLOTLY_VERSION"
    )


@pytest.mark.parametrize(
    ("owner", "name", "parameters"),
    [
        (BaseFigure, "_send_restyle_msg", ["restyle_data", "trace_indexes", "source_view_id"]),
        (
            BaseFigure,
            "_send_update_msg",
            ["restyle_data", "relayout_data", "trace_indexes", "source_view_id"],
        ),
        (BaseFigure, "_normalize_trace_indexes", ["trace_indexes"]),
    ],
)
def test_the_overridden_methods_exist_with_the_same_parameters(owner, name, parameters):
    method = getattr(go.FigureWidget, name, None)
    assert method is not None, f"plotly's FigureWidget no longer has {name}"
    found = list(inspect.signature(method).parameters)[1:]
    assert found == parameters, f"{name} now takes {found}, the override expects {parameters}"


def test_the_private_traits_and_the_undefined_marker_exist():
    figure = go.FigureWidget()
    for trait in ("_widget_data", "_widget_layout", "_esm"):
        assert trait in figure.trait_names() or hasattr(figure, trait), f"{trait} is gone"
    assert Undefined is not None
    assert "_widget_data" in figure._trait_values
    figure.add_scatter(y=[1], name="force")
    assert figure._data[0]["name"] == "force", "FigureWidget._data no longer holds trace dicts"
