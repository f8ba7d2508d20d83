"""JavaScript shared by the course's controls: keys pressed on a control stay with it."""

#: JupyterLab's notebook takes arrow keys, Home, End, Space and Enter as its own shortcuts
#: (move between cells, edit a cell) and moves the focus away; ``keepKeys(element)`` keeps
#: them with the control, as ipywidgets' own text boxes do. Tab and Escape still leave it.
#: (Prefixed to each control's ESM, which must also define ``made``: a counter for ids.)
KEEP_KEYS_JS = """
let made = 0;
function keepKeys(element) {
  element.setAttribute("data-lm-suppress-shortcuts", "true");
  element.addEventListener("keydown", (event) => {
    if (event.key !== "Tab" && event.key !== "Escape") event.stopPropagation();
  });
}
function uniqueId(prefix) {
  made += 1;
  return `${prefix}-${Math.random().toString(36).slice(2, 8)}-${made}`;
}
"""
