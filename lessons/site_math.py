"""Math on the static site, rendered to MathML when the site is built.

nbconvert leaves ``$...$`` in the page for MathJax to typeset in the browser, which needs
MathJax's scripts (a CDN, or an optional package): without them a reader sees raw TeX. Here
the TeX is converted to MathML at build time by ``latex2mathml`` (pure Python, pinned in the
``test`` extra with the rest of the site build), and browsers draw MathML themselves: the page
needs no script and no network to show its equations.
"""

from __future__ import annotations

from jinja2 import pass_context
from latex2mathml.converter import convert
from nbconvert import HTMLExporter
from nbconvert.filters.markdown_mistune import IPythonRenderer, MarkdownWithMath


def tex_to_mathml(tex: str, display: str = "inline") -> str:
    """MathML for ``tex`` (``display`` is ``"inline"`` or ``"block"``).

    TeX that latex2mathml cannot read stops the build with the formula named, so a page never
    ships with an equation shown as source.
    """
    try:
        return convert(tex.strip(), display=display)
    except Exception as error:  # latex2mathml raises its own exception types
        raise ValueError(f"the site cannot render the math {tex!r}: {error}") from error


class MathMLRenderer(IPythonRenderer):
    """nbconvert's Markdown renderer, with math written as MathML instead of TeX."""

    def block_math(self, body: str) -> str:
        return tex_to_mathml(body, "block")

    def inline_math(self, body: str) -> str:
        return tex_to_mathml(body, "inline")

    def latex_environment(self, name: str, body: str) -> str:
        return tex_to_mathml(f"\\begin{{{name}}}{body}\\end{{{name}}}", "block")


class MathMLHTMLExporter(HTMLExporter):
    """nbconvert's HTML exporter whose Markdown cells carry MathML (see the module doc)."""

    @pass_context
    def markdown2html(self, context, source: str) -> str:
        cell = context.get("cell", {})
        renderer = MathMLRenderer(
            escape=False,
            attachments=cell.get("attachments", {}),
            embed_images=self.embed_images,
            path=context.get("resources", {}).get("metadata", {}).get("path", ""),
            anchor_link_text=self.anchor_link_text,
            exclude_anchor_links=self.exclude_anchor_links,
            **self.lexer_options,
        )
        return MarkdownWithMath(renderer=renderer).render(source)
