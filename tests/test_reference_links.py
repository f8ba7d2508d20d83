"""A reference's link is only ever http(s) (issue 14, item 6).

A ``url: "javascript:alert(1)"`` in data/references/ became a live link through
``display.show_references``, in the lessons and on the static site.
"""

from __future__ import annotations

import pytest

from lessons import display
from lessons.content import references as bibliography
from lessons.content.references import Reference, ReferenceError, is_web_url, load_references

ENTRY = "evil:\n  authors: A\n  year: 2000\n  title: T\n  source: S\n  url: {url}\n"


@pytest.mark.parametrize(
    "url",
    [
        '"javascript:alert(1)"',
        '"JavaScript:alert(1)"',
        '" javascript:alert(1)"',
        '"data:text/html,<script>alert(1)</script>"',
        '"vbscript:msgbox(1)"',
        '"//example.org/no-scheme"',
        '"https:no-host"',
        '"ftp://example.org/file"',
    ],
)
def test_a_link_that_is_not_http_is_refused_with_file_and_key(tmp_path, url):
    (tmp_path / "bad.yaml").write_text(ENTRY.format(url=url))
    with pytest.raises(ReferenceError, match=r"bad\.yaml: entry 'evil' has url .*only http"):
        load_references(tmp_path)


def test_http_and_https_links_load(tmp_path):
    (tmp_path / "a.yaml").write_text(ENTRY.format(url="https://example.org/a?b=1"))
    assert load_references(tmp_path)["evil"].link() == "https://example.org/a?b=1"


def test_every_link_of_the_course_bibliography_is_web():
    for reference in bibliography.references().values():
        assert reference.link() is None or is_web_url(reference.link()), reference.key


def test_show_references_never_renders_a_script_link(monkeypatch):
    # Even a Reference made in code, past the loader, does not become a live link.
    evil = Reference("evil", "A", 2000, "T <b>", "S", url="javascript:alert(1)")
    monkeypatch.setattr(display, "cite", lambda *keys: [evil])
    page = display.show_references("evil").data
    assert "javascript:" not in page
    assert "href" not in page
    assert "T &lt;b&gt;" in page
