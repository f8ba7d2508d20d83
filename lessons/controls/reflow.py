"""Course blocks reflow into a narrow window (WCAG 1.4.10: 320 CSS px wide, or 400 % zoom).

At 320 px JupyterLab leaves about 200 px for a cell's output, and ipywidgets' defaults do not
fit it: a row of controls (an ``HBox``) stays on one line; a button or a label keeps one line
and cuts its words short with an ellipsis ("Lock in my pr…"); a row of toggle buttons and a
tick box keep their width; and a caption naming a model (``lessons.physiology.
recording_window``) cannot break that name. ``ReflowStyle`` is an invisible widget whose
stylesheet, scoped to the course's own blocks, lets those rows wrap and those words break
onto more lines; at normal widths nothing changes, since nothing needs to wrap. Each block
(a simulation, a quiz, a prediction, a written answer, the dashboard, class results) holds
one, so the rules arrive with the first block a lesson shows. The browser suite's reflow
test (tests/browser/test_reflow_320px.py) checks every lesson at 320 px.
"""

from __future__ import annotations

import anywidget

#: The course's blocks: the rules below apply inside them only, never to other widgets.
BLOCKS = (
    ".lessons-sim",
    ".lessons-quiz-lesson",
    ".lessons-prediction",
    ".lessons-written",
    ".lessons-progress-dashboard",
    ".lessons-class-results",
)
_IN_BLOCK = ":is(" + ", ".join(BLOCKS) + ")"

REFLOW_CSS = f"""
.lessons-reflow-style {{ display: none !important; }}
{_IN_BLOCK} .widget-hbox {{ flex-wrap: wrap; }}
{_IN_BLOCK} .widget-inline-hbox {{ flex-wrap: wrap; max-width: 100%; height: auto; }}
{_IN_BLOCK} .widget-inline-hbox > .widget-label {{
  max-width: 100%;
  height: auto;
  min-height: var(--jp-widgets-inline-height, 28px);
  line-height: 1.4;
  padding-top: 4px;
  padding-bottom: 4px;
  box-sizing: border-box;
  white-space: normal;
  overflow-wrap: anywhere;
}}
{_IN_BLOCK} .widget-inline-hbox > select,
{_IN_BLOCK} .widget-inline-hbox > input {{ min-width: 0; max-width: 100%; }}
{_IN_BLOCK} .jupyter-button {{
  max-width: 100%;
  height: auto;
  min-height: var(--jp-widgets-inline-height, 28px);
  line-height: 1.3;
  padding-top: 3px;
  padding-bottom: 3px;
  white-space: normal;
  overflow-wrap: anywhere;
  text-overflow: clip;
}}
{_IN_BLOCK} .widget-toggle-buttons {{ flex-wrap: wrap; max-width: 100%; height: auto; }}
{_IN_BLOCK} .widget-toggle-buttons > div {{
  display: flex;
  flex-wrap: wrap;
  row-gap: 4px;
  min-width: 0;
  max-width: 100%;
}}
{_IN_BLOCK} :is(.lessons-sim-caption, .lessons-sim-readout) .widget-html-content {{
  min-width: 0;
  overflow-wrap: anywhere;
}}
{_IN_BLOCK} .widget-checkbox {{ max-width: 100%; height: auto; }}
{_IN_BLOCK} .widget-checkbox .widget-label-basic,
{_IN_BLOCK} .widget-checkbox .widget-label-basic span {{
  white-space: normal;
  overflow-wrap: anywhere;
}}
"""

_ESM = """
function render({ el }) {
  el.classList.add("lessons-reflow-style");
  el.setAttribute("aria-hidden", "true");
}
export default { render };
"""


class ReflowStyle(anywidget.AnyWidget):
    """Invisible: carries :data:`REFLOW_CSS` into the page with the block it is placed in."""

    _esm = _ESM
    _css = REFLOW_CSS
