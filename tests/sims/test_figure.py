"""CourseFigure: one batch of edits reaches the page as one message with nothing undefined."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from lessons.sims.figure import CourseFigure
from lessons.sims.payload import recording_comms


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
