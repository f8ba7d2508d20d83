"""Keys pressed on a course control stay with it, not with JupyterLab's notebook shortcuts.

In command mode JupyterLab takes the arrow keys (select the cell above or below), Enter (edit
the cell), Space and letters as its own shortcuts, and moves the focus away: on a dropdown of
ipywidgets, ArrowDown left the lesson instead of choosing the next entry. ``keepKeys`` keeps
them with one control (the course's slider and radio group), ``keepKeysIn`` with every
control of a block (a simulation, a question): the block carries JupyterLab's
``data-lm-suppress-shortcuts`` and stops keys other than Tab and Escape at its edge. ``KeyScope``
is an invisible widget that does the latter for the question it is placed in, and keeps the
focus in it when its Check button is disabled (the feedback takes the focus).
"""

from __future__ import annotations

import anywidget

#: Course blocks whose controls keep their keys.
BLOCKS = ".lessons-sim, .lessons-quiz, .lessons-prediction, .lessons-written"

#: Prefixed to each control's ESM (which must not define ``made``: the counter for ids).
KEEP_KEYS_JS = """
let made = 0;
function uniqueId(prefix) {
  made += 1;
  return `${prefix}-${Math.random().toString(36).slice(2, 8)}-${made}`;
}
function keepKeys(element) {
  if (element.hasAttribute("data-lessons-keys")) return;
  element.setAttribute("data-lessons-keys", "");
  element.setAttribute("data-lm-suppress-shortcuts", "true");
  element.addEventListener("keydown", (event) => {
    if (event.key !== "Tab" && event.key !== "Escape") event.stopPropagation();
  });
}
function whenInBlock(el, use) {
  let tries = 0;
  const attach = () => {
    const block = el.closest(BLOCKS);
    if (block) return use(block);
    if (++tries < 600) requestAnimationFrame(attach);
  };
  attach();
}
""".replace("BLOCKS", repr(BLOCKS))

#: Where the focus goes when the control that had it is disabled (Check, once answered).
FEEDBACK = ".lessons-quiz-feedback, .lessons-prediction-status, .lessons-written-status"

_ESM = (
    KEEP_KEYS_JS
    + f"const FEEDBACK = {FEEDBACK!r};\n"
    + """
// A question disables its Check button once answered: the browser then drops the focus to
// the page's top, and the next Tab starts over in JupyterLab's menus. Instead the focus goes
// to the block's feedback (read out at once by a screen reader), and Tab goes on from there.
function keepFocus(block) {
  let last = null;
  block.addEventListener("focusin", (event) => { last = event.target; });
  const rescue = () => {
    const active = document.activeElement;
    if (!last || (active !== last && active !== document.body)) return;
    if (last.isConnected && !last.disabled) return;
    const place = block.querySelector(FEEDBACK) || block;
    if (!place.hasAttribute("tabindex")) place.setAttribute("tabindex", "-1");
    last = null;
    place.focus({ preventScroll: true });
  };
  new MutationObserver(rescue).observe(block, {
    subtree: true, childList: true, attributes: true, attributeFilter: ["disabled"],
  });
}
function render({ el }) {
  el.classList.add("lessons-key-scope");
  whenInBlock(el, (block) => {
    keepKeys(block);
    keepFocus(block);
  });
}
export default { render };
"""
)


class KeyScope(anywidget.AnyWidget):
    """Invisible: placed in a simulation or question block, keeps its controls' keys."""

    _esm = _ESM
    _css = ".lessons-key-scope { display: none !important; }"
