"""Ties a simulation's figures and sounds to the text that carries their message.

A figure of plotly is a picture to a screen reader; what it shows is said in words by the
simulation's readout (updated with every move of a control) and caption. ``TextLinks`` is an
invisible widget placed in a simulation block: in the page it marks the block's figures as one
``role="figure"`` named after the simulation and described by the readout and the caption
(``aria-describedby``), makes the readout a polite live region (a screen reader reads the new
numbers after a move), and gives every audio player a name (the label next to it) and, as
its description, the words that say what it plays ("What you hear: ...") and the readout.
It only adds attributes to the course's own boxes: the plotly and audio DOM inside them
stays as their libraries draw it. It also keeps the block's keys with its controls
(``lessons.controls.keys``).
"""

from __future__ import annotations

import anywidget
import traitlets

from lessons.controls.keys import KEEP_KEYS_JS

#: The classes a simulation block gives its parts (lessons.sims.app.SimulationApp).
BLOCK_CLASS = "lessons-sim"
FIGURES_CLASS = "lessons-sim-figures"
READOUT_CLASS = "lessons-sim-readout"
CAPTION_CLASS = "lessons-sim-caption"
#: The line under a sound player that says in words what it plays.
HEARING_CLASS = "lessons-sim-hearing"

_ESM = (
    KEEP_KEYS_JS
    + f"""
function idFor(element, prefix) {{
  if (!element.id) element.id = uniqueId(prefix);
  return element.id;
}}
function link(block, title) {{
  const part = (name) => Array.from(block.children).find((c) => c.classList.contains(name));
  const readout = part("{READOUT_CLASS}");
  const caption = part("{CAPTION_CLASS}");
  const described = [readout, caption].filter(Boolean).map((e) => idFor(e, "lessons-sim-text"));
  if (readout) readout.setAttribute("aria-live", "polite");
  const figures = part("{FIGURES_CLASS}");
  if (figures) {{
    figures.setAttribute("role", "figure");
    figures.setAttribute("aria-label", title);
    figures.setAttribute("aria-describedby", described.join(" "));
  }}
  for (const audio of block.querySelectorAll("audio")) {{
    const box = audio.parentElement;
    const label = box && box.querySelector(".widget-html, .widget-label");
    if (label && !label.contains(audio)) {{
      audio.setAttribute("aria-labelledby", idFor(label, "lessons-sim-sound"));
    }} else {{
      audio.setAttribute("aria-label", `${{title}}: sound`);
    }}
    const hearing = box && box.querySelector(".{HEARING_CLASS}");
    const words = [hearing, readout].filter(Boolean).map((e) => idFor(e, "lessons-sim-text"));
    if (words.length) audio.setAttribute("aria-describedby", words.join(" "));
  }}
}}
function render({{ model, el }}) {{
  el.classList.add("lessons-sim-text-links");
  el.setAttribute("aria-hidden", "true");
  whenInBlock(el, (block) => {{
    keepKeys(block);
    link(block, model.get("title"));
  }});
}}
export default {{ render }};
"""
)

_CSS = ".lessons-sim-text-links { display: none !important; }"


class TextLinks(anywidget.AnyWidget):
    """Invisible; ``title`` names the figures ("Twitch explorer: ...")."""

    _esm = _ESM
    _css = _CSS

    title = traitlets.Unicode("").tag(sync=True)
