"""Reflow (WCAG 1.4.10): at 320 CSS px wide, 1280 px at 400 % zoom, lesson text needs no
horizontal scrolling and the controls wrap.

The window is narrowed to 320 px with the lesson open after Run All; the test then looks at
the notebook's content region only, with JupyterLab's file browser closed (Ctrl+B): its side
bar and tool bars are not the course's. Every line of text the course writes (Markdown
paragraphs, list items and headings, readouts, captions, question prompts and feedback) and
every control (sliders, radio groups, tick boxes, dropdowns, buttons) must end inside the
region, no text block may scroll sideways, and no control's label or button may be cut
short. Figures, tables and code are two-dimensional content, which WCAG exempts.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

NOTEBOOKS = sorted((Path(__file__).resolve().parents[2] / "notebooks").glob("*.ipynb"))
NARROW = {"width": 320, "height": 800}
SLACK_PX = 1  # sub-pixel rounding

OVERFLOWS = """(slack) => {
  const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  const region = panel.querySelector('.jp-WindowedPanel-outer') || panel;
  const right = region.getBoundingClientRect().right + slack;
  // JupyterLab's heading anchors (the pilcrow shown on hover) are its own, not lesson text.
  const anchors = Array.from(region.querySelectorAll('.jp-InternalAnchorLink'));
  anchors.forEach((a) => { a.style.display = 'none'; });
  const text = Array.from(region.querySelectorAll(
    '.jp-RenderedMarkdown p, .jp-RenderedMarkdown li, .jp-RenderedMarkdown h1, ' +
    '.jp-RenderedMarkdown h2, .jp-RenderedMarkdown h3, .lessons-sim-readout, ' +
    '.lessons-sim-caption, .lessons-quiz p, .lessons-quiz-feedback'))
    .filter((e) => !e.closest('table, pre, .js-plotly-plot'));
  const controls = Array.from(region.querySelectorAll(
    '.lessons-slider, .lessons-radio-group, .widget-checkbox, .widget-dropdown, ' +
    '.widget-toggle-buttons, .widget-button, .lessons-quiz .jupyter-button'));
  const labels = Array.from(region.querySelectorAll(
    '.widget-label, .widget-label-basic span, .jupyter-button, .lessons-slider-label, ' +
    '.lessons-slider-value'))
    .filter((e) => e.closest('.lessons-sim, .lessons-quiz-lesson, .lessons-prediction, ' +
      '.lessons-written, .lessons-progress-dashboard, .lessons-class-results'));
  const name = (e) => `${e.className}`.split(' ').slice(-1)[0] + ': ' +
    (e.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 50);
  const visible = (e) => e.getClientRects().length > 0;
  const found = {
    regionWidth: region.clientWidth,
    regionScrolls: region.scrollWidth - region.clientWidth,
    text: text.filter(visible).filter((e) => e.getBoundingClientRect().right > right ||
      e.scrollWidth > e.clientWidth + slack).map(name),
    controls: controls.filter(visible)
      .filter((e) => e.getBoundingClientRect().right > right).map(name),
    // A control's words cut short ("Lock in my pr...") are lost, however narrow the window.
    clipped: labels.filter(visible)
      .filter((e) => e.scrollWidth > e.clientWidth + slack).map(name),
  };
  anchors.forEach((a) => { a.style.display = ''; });
  return found;
}"""


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[path.stem for path in NOTEBOOKS])
def test_lesson_reflows_at_320_px(notebook, lessons):
    run = lessons.get(notebook.stem)
    size = run.page.viewport_size
    # JupyterLab's file browser takes 250 px of the 320: a student closes it (Ctrl+B), as in
    # JupyterLab's own advice for small screens; the course does not control that chrome.
    side_panel = run.page.locator("#jp-left-stack")
    closed = side_panel.is_visible()
    if closed:
        # A course block keeps its keys from JupyterLab: leave it first, as a student would.
        run.page.evaluate("() => document.activeElement && document.activeElement.blur()")
        run.page.keyboard.press("Control+b")
        side_panel.wait_for(state="hidden")
    run.page.set_viewport_size(NARROW)
    try:
        # JupyterLab lays out a cell only once it is on screen: scroll through the lesson.
        cells = run.notebook().locator(".jp-Cell")
        for index in range(cells.count()):
            cells.nth(index).scroll_into_view_if_needed()
        run.page.wait_for_timeout(300)
        found = run.page.evaluate(OVERFLOWS, SLACK_PX)
    finally:
        run.page.set_viewport_size(size)
        if closed:
            run.page.keyboard.press("Control+b")
    print(f"{run.name}: notebook region {found['regionWidth']} px wide at 320 px")
    assert not found["text"], f"{run.name}: text wider than the region: {found['text']}"
    assert not found["controls"], (
        f"{run.name}: controls that do not wrap into the region: {found['controls']}"
    )
    assert not found["clipped"], f"{run.name}: control labels cut short: {found['clipped']}"
