"""Every simulation app in the course, moved through every control, as a student would.

Apps are found by ``lessons.sims.catalogue``, so a new lesson's apps are covered as soon as
they exist. Each control is moved (sliders to both ends and the middle, every option of a
picker, every button clicked) and must: not raise, send at most 200 KB to the browser
(the performance budget), and leave the figures well formed.
"""

from __future__ import annotations

import pytest
from support.payload import MAX_UPDATE_BYTES, control_moves, recording_comms

from lessons.sims.app import SimulationApp
from lessons.sims.catalogue import simulation_apps

APPS = simulation_apps()


def test_the_catalogue_finds_the_welcome_app():
    assert "welcome.twitch_explorer" in APPS


@pytest.mark.parametrize("name", APPS)
def test_every_control_move_stays_within_the_payload_budget(name):
    with recording_comms() as log:
        app = APPS[name]()
        assert isinstance(app, SimulationApp)
        moves = [
            (control_name, label, action)
            for control_name, control in app.controls.items()
            for label, action in control_moves(control)
        ]
        assert moves, f"{name}: no control could be moved"
        for control_name, label, action in moves:
            sent = log.bytes_sent_by(action)
            assert sent <= MAX_UPDATE_BYTES, (
                f"{name}: moving {control_name} {label} sent {sent} bytes, "
                f"over the {MAX_UPDATE_BYTES} budget"
            )


def _record_restyles(figure) -> list[dict]:
    """The restyle data of every message the figure puts on the wire to the browser."""
    sent: list[dict] = []

    def record(change) -> None:
        if change["new"]:
            message = change["new"]
            sent.append(message.get("restyle_data", message.get("style_data", {})))

    figure.observe(record, names=["_py2js_restyle", "_py2js_update"])
    return sent


@pytest.mark.parametrize("name", APPS)
def test_no_update_leaves_a_trace_property_undefined_in_the_browser(name):
    # plotly 7.1: when one batch_update sets different properties on different traces, the
    # restyle message carries "undefined" for the traces left out, and the browser's copy of
    # those traces loses the property (lessons.figures.CourseFigure prevents it).
    from plotly.basedatatypes import Undefined

    with recording_comms():
        app = APPS[name]()
        recorded = [_record_restyles(figure) for figure in app.figures]
        for control in app.controls.values():
            for _label, action in control_moves(control):
                action()
    for messages in recorded:
        for restyle_data in messages:
            for prop, values in restyle_data.items():
                assert all(value is not Undefined for value in values), (
                    f"{name}: a batch left {prop!r} undefined for some traces"
                )


@pytest.mark.parametrize("name", APPS)
def test_figures_have_data_and_titled_axes(name):
    with recording_comms():
        app = APPS[name]()
    for figure in app.figures:
        assert len(figure.data) > 0, f"{name}: a figure without traces"
        layout = figure.layout
        for axis_name in ("xaxis", "yaxis"):
            axis = layout[axis_name]
            if axis.visible is False or axis.showticklabels is False:
                continue
            has_data = any(getattr(trace, axis_name[0], None) is not None for trace in figure.data)
            if has_data:
                assert axis.title.text, f"{name}: {axis_name} has tick labels but no title"


@pytest.mark.parametrize("name", APPS)
def test_text_form_is_fixed_and_names_the_app(name):
    with recording_comms() as log:
        app = APPS[name]()
        before = app._repr_mimebundle_()["text/plain"]
        for control in app.controls.values():
            for _label, action in control_moves(control)[:1]:
                log.bytes_sent_by(action)
        assert app._repr_mimebundle_()["text/plain"] == before
    assert app.title in before


def _count_messages(figure) -> list[int]:
    """A one-item counter of the figure's messages that make plotly.js redraw in the page."""
    count = [0]

    def record(change) -> None:
        if change["new"]:
            count[0] += 1

    figure.observe(record, names=["_py2js_restyle", "_py2js_relayout", "_py2js_update"])
    return count


@pytest.mark.parametrize("name", APPS)
def test_each_control_move_redraws_each_figure_at_most_once(name):
    # Each restyle makes plotly.js redraw the whole figure in the page (hundreds of ms for a
    # figure of thousands of points), so a move must reach each figure as one message.
    with recording_comms():
        app = APPS[name]()
        counters = [_count_messages(figure) for figure in app.figures]
        for control_name, control in app.controls.items():
            for label, action in control_moves(control):
                before = [counter[0] for counter in counters]
                action()
                sent = [counter[0] - start for counter, start in zip(counters, before, strict=True)]
                assert max(sent) <= 1, (
                    f"{name}: moving {control_name} {label} sent {sent} messages to its figures"
                )


def test_the_ramp_cursor_moves_a_shape_and_sends_no_trace_data():
    from lessons.sims.recruitment import ramp_explorer

    with recording_comms():
        app = ramp_explorer()
        sent: list[tuple[str, dict]] = []
        app.figure.observe(
            lambda change: change["new"] and sent.append((change["name"], change["new"])),
            names=["_py2js_restyle", "_py2js_relayout", "_py2js_update"],
        )
        app.controls["time"].value = 4.0
    # The whole shape list, not "shapes[0].x0": plotly.js redraws every trace for the latter.
    assert [name for name, _message in sent] == ["_py2js_relayout"]
    (shape,) = sent[0][1]["relayout_data"]["shapes"]
    assert (shape["x0"], shape["x1"], shape["yref"]) == (4.0, 4.0, "paper")
