"""A radio group as the ARIA authoring practices describe it: one tab stop, arrows choose.

Native ``<input type="radio">`` elements sharing one ``name`` inside ``role="radiogroup"``:
the browser makes the group a single tab stop (the checked option, or the first when none is)
and moves the choice with the arrow keys. ``aria-labelledby`` names the group by the question
it answers (an element id the caller puts on the prompt); ``description`` is the fallback
name. ``value`` is the chosen option's value (``None``: nothing chosen), as with ipywidgets'
``RadioButtons``.
"""

from __future__ import annotations

import anywidget
import traitlets

from lessons.controls.keys import KEEP_KEYS_JS

_ESM = (
    KEEP_KEYS_JS
    + """
function render({ model, el }) {
  const name = uniqueId("lessons-radio");
  el.classList.add("lessons-radio-group");
  const group = document.createElement("div");
  group.setAttribute("role", "radiogroup");
  group.className = "lessons-radio-options";
  keepKeys(group);
  el.append(group);
  let inputs = [];
  const build = () => {
    const labelledby = model.get("labelledby");
    if (labelledby) group.setAttribute("aria-labelledby", labelledby);
    else group.removeAttribute("aria-labelledby");
    group.setAttribute("aria-label", model.get("description"));
    if (labelledby) group.removeAttribute("aria-label");
    group.replaceChildren();
    inputs = model.get("options").map(([text, value], index) => {
      const label = document.createElement("label");
      label.className = "lessons-radio-option";
      const input = document.createElement("input");
      input.type = "radio";
      input.name = name;
      input.value = String(index);
      input.addEventListener("change", () => {
        if (!input.checked) return;
        model.set("value", value);
        model.save_changes();
      });
      const span = document.createElement("span");
      span.textContent = text;
      label.append(input, span);
      group.append(label);
      return input;
    });
    sync();
  };
  const sync = () => {
    const chosen = model.get("value");
    const options = model.get("options");
    inputs.forEach((input, index) => {
      input.checked = chosen !== null && options[index][1] === chosen;
      input.disabled = model.get("disabled");
    });
  };
  model.on("change:options", build);
  model.on("change:labelledby", build);
  model.on("change:description", build);
  model.on("change:value", sync);
  model.on("change:disabled", sync);
  build();
}
export default { render };
"""
)

_CSS = """
.lessons-radio-group { max-width: 100%; box-sizing: border-box; }
.lessons-radio-options { display: flex; flex-direction: column; gap: 4px; margin: 4px 0; }
.lessons-radio-option {
  display: flex;
  align-items: baseline;
  gap: 0.5em;
  overflow-wrap: anywhere;
  font-size: var(--jp-widgets-font-size, 13px);
  color: var(--jp-widgets-label-color, var(--jp-ui-font-color1, #1a1a1a));
  cursor: pointer;
}
.lessons-radio-option input { margin: 0; flex: none; accent-color: #0072B2; }
.lessons-radio-option input:focus-visible { outline: 2px solid #0072B2; outline-offset: 2px; }
"""


class RadioGroup(anywidget.AnyWidget):
    """Options as ``(label, value)`` pairs; ``value`` one of the values, or ``None``."""

    _esm = _ESM
    _css = _CSS

    options = traitlets.List(traitlets.Tuple(traitlets.Unicode(), traitlets.Unicode())).tag(
        sync=True
    )
    value = traitlets.Unicode(None, allow_none=True).tag(sync=True)
    description = traitlets.Unicode("").tag(sync=True)
    labelledby = traitlets.Unicode("").tag(sync=True)
    disabled = traitlets.Bool(False).tag(sync=True)

    @traitlets.validate("value")
    def _one_of_the_options(self, proposal: dict) -> str | None:
        value = proposal["value"]
        if value is not None and value not in {option for _, option in self.options}:
            raise traitlets.TraitError(f"{value!r} is not one of the options of {self!r}")
        return value

    @property
    def label(self) -> str | None:
        """The chosen option's label (``None``: nothing chosen)."""
        return next((text for text, value in self.options if value == self.value), None)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.description!r} = {self.value!r}>"
