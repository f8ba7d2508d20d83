"""Safe Markdown for text that comes from question banks.

Banks are edited by instructors and shared between courses, so their text is treated as
untrusted: raw HTML is escaped rather than passed through, link targets such as
``javascript:`` are refused by markdown-it's link validator, and TeX math between ``$...$``
or ``$$...$$`` is kept away from the Markdown parser (so ``a_1 * b_2`` is not turned into
emphasis) and handed, HTML-escaped, to MathJax in ``ipywidgets.HTMLMath``.

Images load by themselves when a lesson opens, so a remote one would tell a tracker who
opened which lesson, when: only relative paths inside the course folder are shown as
images; any other image is rendered as its alt text.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from urllib.parse import unquote

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline


def _math_inline(state: StateInline, silent: bool) -> bool:
    """Parse ``$...$`` (inline) or ``$$...$$`` (display) at the current position."""
    source, start = state.src, state.pos
    if source[start] != "$":
        return False
    if start > 0 and source[start - 1] == "\\":
        return False
    display = source.startswith("$$", start)
    delimiter = "$$" if display else "$"
    content_start = start + len(delimiter)
    if content_start >= state.posMax:
        return False
    # Pandoc's rule keeps prices like "$5 and $10" as text: no space just inside "$".
    if not display and source[content_start].isspace():
        return False
    end = content_start
    while True:
        end = source.find(delimiter, end)
        if end == -1 or end >= state.posMax:
            return False
        if source[end - 1] == "\\":
            end += 1
            continue
        if not display and (source[end - 1].isspace() or source[end + 1 : end + 2].isdigit()):
            end += 1
            continue
        break
    if end == content_start:
        return False
    if not silent:
        token = state.push("math_display" if display else "math_inline", "", 0)
        token.content = source[content_start:end]
        token.markup = delimiter
    state.pos = end + len(delimiter)
    return True


def _render_math(self, tokens, index, options, env) -> str:  # markdown-it renderer signature
    token = tokens[index]
    return f"{token.markup}{html.escape(token.content, quote=False)}{token.markup}"


_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def is_course_image(source: str) -> bool:
    """Whether ``source`` is a relative path that stays inside the course (no scheme, no host)."""
    for text in (source, unquote(source)):
        if _SCHEME.match(text) or text.startswith(("/", "\\")) or "\\" in text or "//" in text:
            return False
        if ".." in text.split("/"):
            return False
    return bool(source)


def _render_image(self, tokens, index, options, env) -> str:  # markdown-it renderer signature
    token = tokens[index]
    if is_course_image(str(token.attrGet("src") or "")):
        return self.image(tokens, index, options, env)
    return html.escape(self.renderInlineAsText(token.children or [], options, env))


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    parser.enable("table")
    parser.enable("strikethrough")
    parser.inline.ruler.before("escape", "math", _math_inline)
    parser.add_render_rule("math_inline", _render_math)
    parser.add_render_rule("math_display", _render_math)
    parser.add_render_rule("image", _render_image)
    return parser


def render_markdown(text: str) -> str:
    """HTML for a block of bank text (paragraphs, lists, emphasis, links, math)."""
    return _parser().render(text).strip()


def render_inline(text: str) -> str:
    """HTML for a short piece of text without the surrounding ``<p>``."""
    return _parser().renderInline(text).strip()
