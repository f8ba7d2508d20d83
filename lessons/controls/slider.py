"""A slider on a native ``<input type="range">``: visible label tied to it, value text with unit.

Screen readers announce the label (``<label for>``), the value as the readout shows it with
its unit (``aria-valuetext``, e.g. "45 % of maximal excitation") and the role; the browser
gives the keyboard: arrows step, Page Up/Down jump, Home/End go to the ends. The layout is the
course's: the label on a line of its own with the value at its right, the track below it, at
least ``TRACK_MIN_WIDTH`` wide (or the whole width on a narrow screen) and as wide as the label.
"""

from __future__ import annotations

import re

import anywidget
import traitlets

from lessons.controls.keys import KEEP_KEYS_JS

#: The narrowest a track gets, however short its label: room to set a value by mouse. On a
#: screen narrower than this (400 % zoom) the track takes the whole width instead.
TRACK_MIN_WIDTH = "320px"
#: The track's height: as tall as ipywidgets' own one-row slider, so the thumb fits in it.
TRACK_HEIGHT = "28px"
#: The bar's colours: the part up to the thumb, and the rest. WCAG 1.4.11 asks 3:1 against
#: the page for what identifies a control; Chromium draws the unfilled bar #EFEFEF inside a
#: #B2B2B2 edge (1.2:1 and 2.1:1 on white, measured 2026-12-05). The blue is the palette's
#: (Okabe & Ito); the grey has 4.5:1 on white and 4.1:1 on JupyterLab's dark theme
#: (tests/figures/test_palette_accessibility.py).
TRACK_FILL_COLOUR = "#0072B2"
TRACK_REST_COLOUR = "#767676"

_ESM = (
    KEEP_KEYS_JS
    + """
function decimals(format) {
  const fixed = /\\.(\\d+)f$/.exec(format || "");
  if (fixed) return Number(fixed[1]);
  return /d$/.test(format || "") ? 0 : null;
}
function shown(value, format) {
  const places = decimals(format);
  return places === null ? String(Number(value.toPrecision(6))) : value.toFixed(places);
}
function render({ model, el }) {
  const id = uniqueId("lessons-slider");
  el.classList.add("lessons-slider");
  const label = document.createElement("label");
  label.className = "lessons-slider-label";
  label.htmlFor = id;
  label.id = `${id}-label`;
  const readout = document.createElement("span");
  readout.className = "lessons-slider-value";
  readout.setAttribute("aria-hidden", "true");
  const input = document.createElement("input");
  input.type = "range";
  input.id = id;
  input.className = "lessons-slider-track";
  keepKeys(input);
  el.append(label, readout, input);
  const fill = () => {
    const span = Number(input.max) - Number(input.min);
    const share = span > 0 ? (Number(input.value) - Number(input.min)) / span : 0;
    input.style.setProperty("--lessons-fill", `${(100 * share).toFixed(2)}%`);
  };
  const text = () => {
    const value = shown(Number(input.value), model.get("readout_format"));
    const unit = model.get("unit");
    readout.textContent = value;
    input.setAttribute("aria-valuetext", unit ? `${value} ${unit}` : value);
    fill();
  };
  const sync = () => {
    label.textContent = model.get("description");
    input.min = model.get("min");
    input.max = model.get("max");
    input.step = model.get("step");
    input.disabled = model.get("disabled");
    if (Number(input.value) !== model.get("value")) input.value = model.get("value");
    text();
  };
  const send = () => {
    model.set("value", Number(input.value));
    model.save_changes();
  };
  input.addEventListener("input", () => {
    text();
    if (model.get("continuous_update")) send();
  });
  input.addEventListener("change", send);
  for (const name of ["value", "min", "max", "step", "description", "unit", "disabled",
    "readout_format"]) {
    model.on(`change:${name}`, sync);
  }
  sync();
}
export default { render };
"""
)

_CSS = f"""
.lessons-slider {{
  display: grid;
  grid-template-columns: minmax(0, 1fr) auto;
  align-items: baseline;
  column-gap: 0.75em;
  width: max-content;
  min-width: min({TRACK_MIN_WIDTH}, 100%);
  max-width: 100%;
  box-sizing: border-box;
  margin: 2px 16px 6px 0;
  font-size: var(--jp-widgets-font-size, 13px);
  color: var(--jp-widgets-label-color, var(--jp-ui-font-color1, #1a1a1a));
}}
.lessons-slider-label {{ grid-column: 1; overflow-wrap: anywhere; }}
.lessons-slider-value {{ grid-column: 2; font-variant-numeric: tabular-nums; }}
.lessons-slider-track {{
  grid-column: 1 / -1;
  width: 100%;
  min-width: 0;
  height: {TRACK_HEIGHT};
  margin: 4px 0 0;
  -webkit-appearance: none;
  appearance: none;
  background: transparent;
  cursor: pointer;
}}
.lessons-slider-track:disabled {{ cursor: default; opacity: 0.5; }}
.lessons-slider-track::-webkit-slider-runnable-track {{
  height: 6px;
  border-radius: 3px;
  background: linear-gradient(to right, {TRACK_FILL_COLOUR} var(--lessons-fill, 0%),
    {TRACK_REST_COLOUR} var(--lessons-fill, 0%));
}}
.lessons-slider-track::-moz-range-track {{
  height: 6px;
  border-radius: 3px;
  background: {TRACK_REST_COLOUR};
}}
.lessons-slider-track::-moz-range-progress {{
  height: 6px;
  border-radius: 3px;
  background: {TRACK_FILL_COLOUR};
}}
.lessons-slider-track::-webkit-slider-thumb {{
  -webkit-appearance: none;
  appearance: none;
  width: 18px;
  height: 18px;
  margin-top: -6px;
  border-radius: 50%;
  background: {TRACK_FILL_COLOUR};
  border: 2px solid #FFFFFF;
  box-shadow: 0 0 0 1px {TRACK_FILL_COLOUR};
}}
.lessons-slider-track::-moz-range-thumb {{
  width: 18px;
  height: 18px;
  border-radius: 50%;
  background: {TRACK_FILL_COLOUR};
  border: 2px solid #FFFFFF;
  box-shadow: 0 0 0 1px {TRACK_FILL_COLOUR};
}}
.lessons-slider-track:focus-visible {{
  outline: 2px solid {TRACK_FILL_COLOUR};
  outline-offset: 2px;
}}
"""

_UNIT = re.compile(r"\(([^()]*)\)\s*:?\s*$")


def unit_of(description: str) -> str:
    """The unit a label names in its closing brackets, for the value text: "Drive (% of
    maximal excitation)" gives "% of maximal excitation", "Longest cramp (minutes; 0 = no
    cramp)" gives "minutes"; brackets that explain ("1 = smallest") give none."""
    found = _UNIT.search(description)
    if not found:
        return ""
    unit = found.group(1).split(";")[0].strip()
    return "" if "=" in unit else unit


class CourseSlider(anywidget.AnyWidget):
    """A slider of floats: ``value`` (observe it with ``names="value"``), ``min``, ``max``,
    ``step``, ``description`` (the visible label), ``unit`` (for the value text; by default
    the label's closing brackets) and ``readout_format`` (``".1f"``, ``"d"``, ...)."""

    _esm = _ESM
    _css = _CSS

    value = traitlets.Float(0.0).tag(sync=True)
    min = traitlets.Float(0.0).tag(sync=True)
    max = traitlets.Float(100.0).tag(sync=True)
    step = traitlets.Float(1.0).tag(sync=True)
    description = traitlets.Unicode("").tag(sync=True)
    unit = traitlets.Unicode("").tag(sync=True)
    readout_format = traitlets.Unicode(".0f").tag(sync=True)
    continuous_update = traitlets.Bool(True).tag(sync=True)
    disabled = traitlets.Bool(False).tag(sync=True)

    def __init__(self, *, unit: str | None = None, **kwargs: object) -> None:
        description = str(kwargs.get("description", ""))
        super().__init__(unit=unit_of(description) if unit is None else unit, **kwargs)

    @traitlets.validate("value")
    def _clamp(self, proposal: dict) -> float:
        """Like ipywidgets' sliders: a value outside the range goes to the nearest end."""
        return min(max(proposal["value"], self.min), self.max)

    @traitlets.validate("min")
    def _validate_min(self, proposal: dict) -> float:
        """A new minimum above the value takes the value with it, as with ipywidgets."""
        low = proposal["value"]
        if low > self.max:
            raise traitlets.TraitError(f"{self!r}: min {low} above max {self.max}")
        if low > self.value:
            self.value = low
        return low

    @traitlets.validate("max")
    def _validate_max(self, proposal: dict) -> float:
        high = proposal["value"]
        if high < self.min:
            raise traitlets.TraitError(f"{self!r}: max {high} below min {self.min}")
        if high < self.value:
            self.value = high
        return high

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.description!r} = {self.value!r}>"


class IntCourseSlider(CourseSlider):
    """A slider of whole numbers (a motor unit's rank, a count)."""

    value = traitlets.Int(0).tag(sync=True)
    min = traitlets.Int(0).tag(sync=True)
    max = traitlets.Int(100).tag(sync=True)
    step = traitlets.Int(1).tag(sync=True)
    readout_format = traitlets.Unicode("d").tag(sync=True)

    @traitlets.validate("value")
    def _clamp(self, proposal: dict) -> int:
        return int(min(max(proposal["value"], self.min), self.max))
