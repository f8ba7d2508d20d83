"""plotly's widget code, sent to the page once per kernel instead of once per figure.

A plotly ``FigureWidget`` is an anywidget: it carries its JavaScript (about 5 MB) in its own
state, so every figure sends it to the page again. A lesson of six figures sent 31 MB on Run
All, which a class on Binder or a hub pays for on every run. Here the first figure of a kernel
carries the code and also leaves the widget's definition on ``globalThis`` under a key made
from the code's hash; every later figure carries a few hundred bytes that wait for that
definition and use it. A reloaded page restores every figure of the kernel, the first one
included, so the later ones still find the code.
"""

from __future__ import annotations

import functools
import hashlib
import re
import warnings
from pathlib import Path

import plotly

#: ``export{... NAME as default ...}``: the bundle's export of its widget definition.
_DEFAULT_EXPORT = re.compile(r"export\{[^{}]*?\b([\w$]+) as default\b[^{}]*\}")

#: How long a later figure waits for the first one's code before it gives up (ms).
WAIT_MS = 120_000

_BORROWING = """\
const KEY = "{key}";
function published() {{
  return new Promise((resolve, reject) => {{
    const started = Date.now();
    (function look() {{
      if (globalThis[KEY]) return resolve(globalThis[KEY]);
      if (Date.now() - started > {wait_ms}) {{
        return reject(new Error("plotly's widget code never arrived; run the cell again"));
      }}
      setTimeout(look, 20);
    }})();
  }});
}}
export default async () => (await published())();
"""


def plotly_widget_code() -> str:
    """The widget JavaScript that plotly ships (its ``FigureWidget._esm``), read from disk
    each time: the kernel keeps one 5 MB copy, the one :func:`publishing_code` returns."""
    return (Path(plotly.__file__).parent / "package_data" / "widgetbundle.js").read_text()


@functools.cache
def _key() -> str:
    digest = hashlib.sha256(plotly_widget_code().encode()).hexdigest()[:16]
    return f"__lessonsPlotlyWidget_{digest}"


@functools.cache
def publishing_code() -> str | None:
    """plotly's code, which also publishes its widget definition on ``globalThis``; ``None``
    if the code's default export cannot be found (another plotly version)."""
    code = plotly_widget_code()
    exports = list(_DEFAULT_EXPORT.finditer(code))
    if not exports:
        return None
    last = exports[-1]  # earlier matches sit inside strings of the bundle (worker sources)
    publish = f'globalThis["{_key()}"]={last.group(1)};'
    return code[: last.start()] + publish + code[last.start() :]


def borrowing_code() -> str:
    """A small module whose widget is the one the first figure published."""
    return _BORROWING.format(key=_key(), wait_ms=WAIT_MS)


class WidgetCode:
    """Hands out the code for each new figure: the full code for the first, then the stub."""

    def __init__(self) -> None:
        self.published = False

    def for_next_figure(self) -> str:
        full = publishing_code()
        if full is None:
            warnings.warn(
                "plotly's widget code has no default export to share: each figure sends its "
                "own copy (about 5 MB)",
                stacklevel=2,
            )
            return plotly_widget_code()
        if self.published:
            return borrowing_code()
        self.published = True
        return full


#: One per kernel process: a new kernel (a restart) sends the full code again, once.
KERNEL_WIDGET_CODE = WidgetCode()
