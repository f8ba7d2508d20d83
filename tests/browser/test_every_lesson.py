"""Every lesson in ``notebooks/``, run from a fresh kernel in JupyterLab in Chromium.

What nbval cannot see: whether the widgets and figures actually appear in the browser, work
from the keyboard and pass an accessibility audit. New lessons are covered as soon as their
notebook exists.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from axe_audit import audit
from browser_reports import ControlTiming
from lesson_controls import (
    first_other_control,
    press,
    simulation_caption,
    slider_tracks,
    sliders_in,
    timed_change,
)

pytestmark = pytest.mark.browser

NOTEBOOKS_DIR = Path(__file__).resolve().parents[2] / "notebooks"
NOTEBOOKS = sorted(NOTEBOOKS_DIR.glob("*.ipynb"))
KEY_PRESSES = 5  # per control: enough for a median, few enough to stay quick
MIN_TRACK_PX = 200  # a slider's track at least this long, whatever the length of its label


def test_there_are_lessons_to_open():
    assert NOTEBOOKS, f"no notebook found in {NOTEBOOKS_DIR}"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.stem)
def test_lesson_runs_without_errors(notebook, lessons):
    run = lessons.get(notebook.stem)
    if run.problems.errors:
        pytest.fail("\n".join(run.problems.errors) + run.diagnostics(), pytrace=False)


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.stem)
def test_lesson_shows_every_quiz_simulation_and_figure(notebook, lessons):
    run = lessons.get(notebook.stem)
    if run.problems.missing:
        pytest.fail("\n".join(run.problems.missing) + run.diagnostics(), pytrace=False)


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.stem)
def test_lesson_figures_hold_the_data_of_every_trace(notebook, lessons):
    """A trace that arrives without its x values is drawn against its point index."""
    run = lessons.get(notebook.stem)
    if run.problems.distorted:
        pytest.fail("\n".join(run.problems.distorted), pytrace=False)


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.stem)
def test_lesson_has_no_serious_accessibility_violation(notebook, lessons, axe_report):
    """axe-core over the page; serious or critical violations in course content fail."""
    run = lessons.get(notebook.stem)
    findings = audit(run.page)
    axe_report.add(run.name, findings)
    blocking = [finding.describe() for finding in findings if finding.blocking]
    if blocking:
        pytest.fail(
            f"{run.name}: accessibility violations in course content:\n" + "\n".join(blocking),
            pytrace=False,
        )


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.stem)
def test_first_control_of_each_simulation_redraws_a_figure(notebook, lessons, timing_report):
    """Keyboard first: the first slider of every simulation gets arrow-key presses; a
    simulation without sliders gets its first dropdown, tick box or toggle button changed."""
    run = lessons.get(notebook.stem)
    simulations = run.simulations()
    expected = run.expectation.total("simulations")
    if simulations.count() < expected:
        pytest.fail(
            f"{run.name}: {simulations.count()} of {expected} simulations rendered", pytrace=False
        )
    moved = 0
    for index in range(simulations.count()):
        simulation = simulations.nth(index)
        name = f"{index + 1}: {simulation_caption(simulation)}"
        sliders = sliders_in(simulation)
        if sliders:
            slider = sliders[0]
            key = "ArrowRight" if slider.room_to_grow() else "ArrowLeft"
            changes = [(slider.label, key, press(slider, key), slider.state)] * KEY_PRESSES
        else:
            control = first_other_control(simulation)
            if control is None:
                continue
            changes = [(control.label, control.action, control.act, None)] * KEY_PRESSES
        redraws = 0
        for label, action, act, state in changes:
            before = state() if state else None
            # A press may leave the figures as they were (a slider step of force that needs
            # no new motor unit), but at least one of the presses must redraw a figure.
            redraw = timed_change(
                run, simulation, act, what=f"{action} on {label!r}", may_leave_figures=True
            )
            if state:
                assert state() != before, f"{run.name}: {action} on {label!r} left it at {before}"
            if redraw is None:
                continue
            assert any(redraw.changed_plots)
            redraws += 1
            timing_report.add(
                ControlTiming(
                    run.name,
                    name,
                    label,
                    action,
                    redraw.milliseconds,
                    redraw.painted_milliseconds,
                )
            )
        assert redraws >= 1, f"{run.name}: {name}: no press redrew a figure"
        moved += 1
    if moved == 0:
        pytest.skip(f"{run.name} has no simulation with a control")


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.stem)
def test_every_slider_track_is_at_least_200_px_wide(notebook, lessons):
    """A long label must not squeeze its slider: a track a few pixels wide cannot be set with
    the mouse (ipywidgets shares one row of fixed width between label, track and value)."""
    run = lessons.get(notebook.stem)
    tracks = slider_tracks(run)
    if not tracks:
        pytest.skip(f"{run.name} has no slider")
    print(f"{run.name} slider tracks (px):", *(f"{w:.0f} {label!r}" for label, w in tracks))
    narrow = [f"{label!r}: {width:.0f} px" for label, width in tracks if width < MIN_TRACK_PX]
    assert not narrow, (
        f"{run.name}: {len(narrow)} of {len(tracks)} slider tracks under {MIN_TRACK_PX} px:\n"
        + "\n".join(narrow)
    )


#: Every sound player of the open lesson: its accessible name, and the words it is described
#: by (aria-describedby) or that are folded under it (the listening test's clips).
SOUNDS = r"""() => {
  const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  const text = (id) => (document.getElementById(id) || {}).textContent || '';
  return Array.from(panel.querySelectorAll('audio')).map((audio) => {
    const described = (audio.getAttribute('aria-describedby') || '').split(/\s+/);
    let folded = audio.nextElementSibling;
    folded = folded && folded.matches('details') ? folded.textContent : '';
    return {
      name: audio.getAttribute('aria-label') || text(audio.getAttribute('aria-labelledby')),
      words: described.filter(Boolean).map(text).join(' ') + ' ' + folded,
    };
  });
}"""


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.stem)
def test_every_sound_is_named_and_described_in_words(notebook, lessons):
    """A student who cannot hear a sound reads what it is like (WCAG 1.1.1): each player has
    a name and is described by the line "What you hear", or folds its description under it."""
    run = lessons.get(notebook.stem)
    sounds = run.page.evaluate(SOUNDS)
    if not sounds:
        pytest.skip(f"{run.name} has no sound")
    print(f"{run.name}: {len(sounds)} sound players")
    for number, sound in enumerate(sounds, start=1):
        assert sound["name"].strip(), f"{run.name}: sound player {number} has no name"
        words = sound["words"]
        assert "What you hear" in words or "what it sounds like" in words, (
            f"{run.name}: sound player {number} ({sound['name']!r}) is not described: {words!r}"
        )


#: Every simulation block's figures: their role, name, and the text they are described by.
FIGURES = r"""() => {
  const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  const text = (id) => ((document.getElementById(id) || {}).textContent || '').trim();
  return Array.from(panel.querySelectorAll('.lessons-sim .lessons-sim-figures')).map((box) => ({
    role: box.getAttribute('role'),
    name: box.getAttribute('aria-label') || '',
    words: (box.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean).map(text),
  }));
}"""


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.stem)
def test_every_figure_is_described_by_its_readout_and_caption(notebook, lessons):
    """A plotly figure is a picture to a screen reader: each simulation's figures are one
    named ``role="figure"`` described by the readout and the caption (``TextLinks``)."""
    run = lessons.get(notebook.stem)
    figures = run.page.evaluate(FIGURES)
    if not figures:
        pytest.skip(f"{run.name} has no simulation")
    print(f"{run.name}: {len(figures)} simulation figures")
    for number, figure in enumerate(figures, start=1):
        where = f"{run.name}: simulation {number} ({figure['name']!r})"
        assert figure["role"] == "figure" and figure["name"].strip(), where
        assert len(figure["words"]) == 2 and all(figure["words"]), (
            f"{where} is not described by a readout and a caption with text: {figure['words']}"
        )
