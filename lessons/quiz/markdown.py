"""Safe Markdown for text that comes from question banks.

Banks are edited by instructors and shared between courses, so their text is treated as
untrusted: raw HTML is escaped rather than passed through, link targets such as
``javascript:`` are refused by markdown-it's link validator, and TeX math between ``$...$``
or ``$$...$$`` is kept away from the Markdown parser (so ``a_1 * b_2`` is not turned into
emphasis) and handed, HTML-escaped, to MathJax in ``ipywidgets.HTMLMath``.
"""

from __future__ import annotations

import html
from functools import lru_cache

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


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    parser.enable("table")
    parser.enable("strikethrough")
    parser.inline.ruler.before("escape", "math", _math_inline)
    parser.add_render_rule("math_inline", _render_math)
    parser.add_render_rule("math_display", _render_math)
    return parser


def render_markdown(text: str) -> str:
    """HTML for a block of bank text (paragraphs, lists, emphasis, links, math)."""
    return _parser().render(text).strip()


def render_inline(text: str) -> str:
    """HTML for a short piece of text without the surrounding ``<p>``."""
    return _parser().renderInline(text).strip()
