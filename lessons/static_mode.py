"""Static snapshots for the course site: figures and quizzes that need no kernel.

The course site (``python -m lessons.site build``) executes the lessons with
``LESSONS_STATIC=1``. Widgets cannot run without a kernel, so under that variable a simulation
shows its figures as plain plotly HTML and a quiz shows its questions without answers, each
with a link to the live version (``LESSONS_LIVE_URL``, by default the course on Binder).
Without the variable nothing changes: the committed notebooks and nbval never see this mode.
"""

from __future__ import annotations

import html
import os
from urllib.parse import quote, urlsplit

STATIC_ENV = "LESSONS_STATIC"
LIVE_URL_ENV = "LESSONS_LIVE_URL"
LIVE_NOTE_CLASS = "lessons-live-note"

#: The course's GitHub repository, as in the README's Binder badge (a test checks they agree).
REPOSITORY = "muscle-twitch-course/how-muscles-twitch"
BINDER_BASE = "https://mybinder.org/v2/gh"

_ON = {"1", "true", "yes"}
_OFF = {"", "0", "false", "no"}


def static_mode() -> bool:
    """True when ``LESSONS_STATIC`` asks for static snapshots instead of live widgets."""
    raw = os.environ.get(STATIC_ENV, "")
    value = raw.strip().lower()
    if value in _ON:
        return True
    if value in _OFF:
        return False
    raise ValueError(
        f"{STATIC_ENV}={raw!r} is not understood: use 1 (static snapshots) or 0 (live widgets)"
    )


def binder_url(notebook: str = "00_welcome.ipynb", ref: str = "main") -> str:
    """The Binder link that opens ``notebooks/<notebook>`` in JupyterLab, at git ``ref``.

    ``ref`` is a branch or a release tag; a tag pins a semester's class to one version.
    """
    if not ref or any(character.isspace() for character in ref):
        raise ValueError(f"ref={ref!r} must be a git branch or tag name without spaces")
    if not notebook.endswith(".ipynb") or "/" in notebook:
        raise ValueError(
            f"notebook={notebook!r} must be a notebook file name such as 00_welcome.ipynb"
        )
    return f"{BINDER_BASE}/{REPOSITORY}/{quote(ref, safe='')}?urlpath=lab/tree/notebooks/{notebook}"


def live_url() -> str:
    """Where the live version of the current lesson is: ``LESSONS_LIVE_URL`` or Binder."""
    url = os.environ.get(LIVE_URL_ENV, "").strip()
    if not url:
        return binder_url()
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ("", "http", "https"):
        raise ValueError(
            f"{LIVE_URL_ENV}={url!r}: allowed are http(s) links and relative links, not {scheme!r}"
        )
    return url


def live_note_html(headline: str, action: str) -> str:
    """A short paragraph saying what to do in the live version, with the link to it."""
    return (
        f'<p class="{LIVE_NOTE_CLASS}"><strong>{html.escape(headline)}</strong> '
        f'<a href="{html.escape(live_url(), quote=True)}" target="_blank" rel="noopener">'
        f"Open the live lesson</a> to {html.escape(action)}.</p>"
    )
