"""Bank text is rendered as Markdown without letting HTML or scripts through, math intact."""

from __future__ import annotations

from lessons.quiz.markdown import render_inline, render_markdown


def test_raw_html_and_scripts_are_escaped() -> None:
    rendered = render_markdown('Hi <script>alert("x")</script> <img src=x onerror=alert(1)>')
    assert "<script" not in rendered and "<img" not in rendered
    assert "&lt;script&gt;" in rendered and "&lt;img" in rendered


def test_javascript_links_are_not_turned_into_links() -> None:
    assert "href" not in render_markdown("[click](javascript:alert(1))")
    assert 'href="https://example.org"' in render_markdown("[ok](https://example.org)")


def test_markdown_is_rendered() -> None:
    assert render_inline("**bold** and *it*") == "<strong>bold</strong> and <em>it</em>"


def test_inline_and_display_math_pass_through_untouched_by_markdown() -> None:
    rendered = render_markdown(r"Force $F_1 * k_2 < F_3$ and $$\tau_{c} = 2 * a_b$$")
    assert r"$F_1 * k_2 &lt; F_3$" in rendered
    assert r"$$\tau_{c} = 2 * a_b$$" in rendered
    assert "<em>" not in rendered


def test_multiline_display_math() -> None:
    rendered = render_markdown("Before\n$$\nx_1 * y_2\n$$\nafter")
    assert "$$\nx_1 * y_2\n$$" in rendered


def test_dollar_amounts_and_code_are_not_math() -> None:
    assert render_inline("costs $5 and $10, *really*") == "costs $5 and $10, <em>really</em>"
    assert render_inline("`$x_1$` in code") == "<code>$x_1$</code> in code"
