"""The static course site in Chromium: its pages draw their figures without a kernel or network.

Builds the site for two lessons with figures (lesson 00 and lesson 05), opens the pages from
disk and checks that every plotly chart has data and drawn traces, and that the index links
to every lesson page that was built.
"""

from __future__ import annotations

import pytest

from lessons.site import build_site

pytestmark = pytest.mark.browser

LESSONS = ("00_welcome.ipynb", "05_twitch_fibrillation_cramp.ipynb")

# Points are counted from plotly's computed data (calcdata): the page stores arrays as
# base64-packed typed arrays, which only plotly itself decodes.
CHART_STATE = """() => Array.from(document.querySelectorAll('.js-plotly-plot')).map(plot => ({
    traces: (plot.data || []).length,
    points: (plot.calcdata || []).reduce(
        (sum, trace) => sum + trace.filter(point => point && point.x !== false).length, 0),
    drawn: plot.querySelectorAll('g.trace, g.trace.bars, g.barlayer path').length,
}))"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("site") / "site", notebooks=list(LESSONS))


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.requests = requests
    yield page
    context.close()


@pytest.mark.parametrize("lesson", LESSONS)
def test_site_page_draws_every_figure_offline(site, page, lesson):
    html = site / lesson.replace(".ipynb", ".html")
    assert html.exists(), f"{html.name} was not built"
    page.goto(html.as_uri())
    page.wait_for_function(
        "() => document.querySelectorAll('.js-plotly-plot .main-svg').length > 0",
        timeout=30_000,
    )
    charts = page.evaluate(CHART_STATE)
    assert charts, f"{html.name}: no plotly chart"
    for number, chart in enumerate(charts, start=1):
        assert chart["traces"] > 0 and chart["points"] > 0, f"{html.name}: chart {number} empty"
        assert chart["drawn"] > 0, f"{html.name}: chart {number} has data but nothing drawn"
    remote = [url for url in page.requests if url.startswith(("http://", "https://"))]
    assert not remote, f"{html.name} fetched from the network: {remote[:3]}"


def test_site_index_links_to_the_built_lessons(site, page):
    page.goto((site / "index.html").as_uri())
    links = page.eval_on_selector_all("a[href$='.html']", "links => links.map(a => a.href)")
    for lesson in LESSONS:
        assert any(link.endswith(lesson.replace(".ipynb", ".html")) for link in links), lesson
