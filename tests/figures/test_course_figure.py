"""CourseFigure: one batch of edits reaches the page as one message with nothing undefined."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
import pytest
from support.payload import recording_comms

from lessons.figures.course_figure import CourseFigure


def _wire(figure) -> list[tuple[str, dict]]:
    sent: list[tuple[str, dict]] = []
    figure.observe(
        lambda change: change["new"] and sent.append((change["name"], change["new"])),
        names=["_py2js_restyle", "_py2js_relayout", "_py2js_update"],
    )
    return sent


def test_a_batch_over_traces_is_one_message_and_keeps_what_it_does_not_change():
    with recording_comms():
        figure = CourseFigure(
            data=[
                go.Scatter(x=[0, 1, 2], y=[0, 0, 0], line={"color": "red"}),
                go.Scatter(x=[0, 1, 2], y=[1, 1, 1]),
            ]
        )
        sent = _wire(figure)
        with figure.batch_update():
            figure.data[0].line.color = "blue"
            figure.data[1].x = np.array([5.0, 6.0, 7.0])
            figure.layout.title.text = "moved"
    assert [name for name, _message in sent] == ["_py2js_update"]
    message = sent[0][1]
    style, traces = message["style_data"], message["style_traces"]
    assert traces == [0, 1]
    # Trace 0 keeps its x and trace 1 its (default) line colour: no "undefined" anywhere.
    assert list(style["x"][0]) == [0, 1, 2]
    assert list(style["x"][1]) == [5.0, 6.0, 7.0]
    assert style["line.color"] == ["blue", None]
    assert message["layout_data"] == {"title.text": "moved"}


def test_a_single_trace_edit_is_sent_unchanged():
    with recording_comms():
        figure = CourseFigure(data=[go.Scatter(x=[0, 1], y=[0, 1])])
        sent = _wire(figure)
        figure.data[0].y = [3, 4]
    assert [name for name, _message in sent] == ["_py2js_restyle"]
    assert sent[0][1]["restyle_data"] == {"y": [[3, 4]]}


def test_a_page_that_reloads_gets_the_figure_as_it_is_now():
    # A reloaded page asks the kernel for each widget's full state and draws the figure from
    # it; plotly's own state is the figure as first built (the twitch a flat line at zero).
    from lessons.sims.welcome import twitch_explorer

    with recording_comms() as log:
        app = twitch_explorer()
        app.controls["contraction_time"].value = 100.0
        before = len(log.sizes)
        state = app.figure.get_state()
        assert len(log.sizes) == before  # nothing is sent to the pages already open
    twitch = next(trace for trace in state["_widget_data"] if trace["name"] == "Your twitch")
    drawn = next(trace for trace in app.figure.data if trace.name == "Your twitch")
    x, y = _array(twitch["x"]), _array(twitch["y"])
    assert np.array_equal(y, np.asarray(drawn.y))
    assert x[np.argmax(y)] == 100.0  # the peak where the slider now puts it


def _array(sent) -> np.ndarray:
    """An array as the widget sends it: a buffer with its dtype and shape, or a list."""
    if isinstance(sent, dict):
        return np.frombuffer(sent["buffer"], dtype=sent["dtype"]).reshape(sent["shape"])
    return np.asarray(sent)


def test_a_trace_is_reached_by_its_name_and_a_bad_name_is_named():

    figure = CourseFigure(
        data=[go.Scatter(y=[1], name="force"), go.Scatter(y=[2], name="cursor")], layout={}
    )
    assert figure.trace("cursor").y == (2,)
    with pytest.raises(KeyError, match=r"no trace named 'ripple'.*'force', 'cursor'"):
        figure.trace("ripple")
    figure.add_trace(go.Scatter(y=[3], name="force"))
    with pytest.raises(KeyError, match="2 traces named 'force'"):
        figure.trace("force")


def test_every_course_figure_wears_the_course_template():
    from plotly.subplots import make_subplots

    from lessons.figures.theme import course_template

    expected = course_template().layout
    built = [
        CourseFigure(data=[go.Scatter(y=[1])], layout={"height": 300}),
        CourseFigure(make_subplots(rows=2, cols=1)),
        CourseFigure(),
    ]
    for figure in built:
        template = figure.layout.template.layout
        assert template.font.size == expected.font.size == 14
        assert template.legend.orientation == "h"
        assert list(template.colorway) == list(expected.colorway)
    assert built[0].layout.height == 300  # a figure's own value wins over the template
