"""The map facet, /trends and the country pages in Debian's Chromium, at desktop and phone widths.

Expected numbers come from the JSON twins or the corpus, not typed in. Screenshots go where the
`screenshots` fixture says: a temporary directory, or docs/screenshots under `make screenshots`.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

from tests.browser.test_search_page import shown_counts, state, total_shown
from tests.web_corpus import counts, matching


def map_counts(page: Page) -> dict[str, int]:
    """Counts per State as the map's shapes name them (links only: States with matches)."""
    out = {}
    for shape in page.locator("a.state").all():
        label = shape.get_attribute("aria-label")
        name, rest = label.split(": ", 1)
        out[name] = int(re.sub(r"\D", "", rest.split(" release")[0]))
    return out


def axe_serious(page: Page) -> list:
    from axe_playwright_python.sync_playwright import Axe

    violations = Axe().run(page).response["violations"]
    return [
        (v["id"], [n["target"] for n in v["nodes"]][:3])
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]


def test_map_counts_equal_the_country_facet(page: Page) -> None:
    page.goto("/?source=ODIHR")
    expect(page.locator(".map-figure svg")).to_be_visible()
    on_map = map_counts(page)
    assert on_map, "no State is a link on the map"
    shown = shown_counts(page, "country")
    assert on_map == {name: n for name, n in shown.items() if name in on_map}
    assert on_map == {
        c: n for c, n in counts(matching({"source": ["ODIHR"]}), "country").items() if c in on_map
    }


def test_clicking_a_state_filters_results_and_url_and_back(page: Page, screenshots) -> None:
    page.goto("/?q=election")
    before = total_shown(page)
    ukraine = page.locator("a.state[data-country='Ukraine']")
    expected = map_counts(page)["Ukraine"]
    page.screenshot(path=str(screenshots / "map-desktop.png"), full_page=False)
    ukraine.click()
    page.wait_for_url(re.compile("country=Ukraine"))
    assert state(page) == {"q": ["election"], "country": ["Ukraine"]}
    assert total_shown(page) == expected < before
    expect(page.locator(".chips .chip")).to_contain_text("Ukraine")
    expect(page.locator("a.state[data-country='Ukraine']")).to_have_class(re.compile(r"\bon\b"))
    # A second State adds to the first (OR within the facet), like a second checkbox.
    page.locator("a.state[data-country='Georgia']").click()
    page.wait_for_url(re.compile("country=Georgia"))
    assert state(page)["country"] == ["Ukraine", "Georgia"]
    page.go_back()
    page.wait_for_url(lambda url: "Georgia" not in url and "country=Ukraine" in url)
    assert total_shown(page) == expected
    page.go_back()
    page.wait_for_url(lambda url: "country" not in url)
    assert total_shown(page) == before
    expect(page.locator("a.state.on")).to_have_count(0)
    page.go_forward()
    page.wait_for_url(re.compile("country=Ukraine"))
    assert total_shown(page) == expected


def test_a_small_state_is_a_dot_and_the_map_works_by_keyboard(page: Page) -> None:
    page.goto("/")
    malta = page.locator("a.state[data-country='Malta']")
    expect(malta.locator("circle.dot")).to_have_count(1)
    malta.focus()
    assert page.evaluate("document.activeElement.getAttribute('data-country')") == "Malta"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile("country=Malta"))
    assert total_shown(page) == len(matching({"country": ["Malta"]}))


def test_trends_two_lines_and_a_point_opens_that_year(page: Page, screenshots) -> None:
    page.goto("/?q=election")
    page.locator("#over-time").click()
    page.wait_for_url(re.compile(r"/trends\?q=election"))
    page.locator("#series-2").fill("media")
    page.locator(".series-form button").click()
    page.wait_for_url(re.compile("q=media"))
    expect(page.locator(".linechart polyline")).to_have_count(2)
    page.screenshot(path=str(screenshots / "trends-desktop.png"), full_page=True)
    data = page.request.get("/api/trends?q=election&q=media").json()
    point = next(p for p in data["series"][1]["points"] if p["count"])
    link = page.locator(f".series-1 a[data-year='{point['year']}']")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(f"from={point['year']}-01-01"))
    assert parse_qs(urlsplit(page.url).query)["q"] == ["media"]
    assert total_shown(page) == point["count"]
    page.go_back()
    page.wait_for_url(re.compile("/trends"))
    # The share view draws the same series, and bad series get a notice rather than an error.
    page.goto("/trends?q=election&q=%22unclosed&measure=share")
    expect(page.locator("#notices")).to_contain_text("quotation mark is not closed")
    expect(page.locator(".linechart polyline")).to_have_count(1)


def test_country_page(page: Page, screenshots) -> None:
    page.goto("/?country=Poland")
    page.locator(".chips a.about").click()
    page.wait_for_url(re.compile("/country/Poland$"))
    expect(page.locator("h1")).to_have_text("Poland")
    data = page.request.get("/api/country/Poland").json()
    expect(page.locator(".recent .hit")).to_have_count(len(data["recent"]))
    page.screenshot(path=str(screenshots / "country-desktop.png"), full_page=True)
    year = next(y for y in data["years"] if y["count"])
    page.locator(f".country-years a.bar[data-year='{year['year']}']").click()
    page.wait_for_url(re.compile(f"from={year['year']}-01-01"))
    assert state(page)["country"] == ["Poland"]
    assert total_shown(page) == year["count"]
    assert page.goto("/country/Atlantis").status == 404


@pytest.mark.parametrize(
    "path",
    ["/?q=election&country=Ukraine", "/trends?q=election&q=media", "/country/Ukraine"],
)
def test_axe_desktop_and_phone(page: Page, phone_page: Page, path: str) -> None:
    for p in (page, phone_page):
        p.goto(path)
        bad = axe_serious(p)
        assert not bad, (path, bad)


def test_phone_width_map_collapses_to_a_ranked_list(phone_page: Page, screenshots) -> None:
    page = phone_page
    page.goto("/?q=election")
    expect(page.locator(".map-figure")).to_be_hidden()
    ranked = page.locator(".map-rank a")
    expect(ranked.first).to_be_visible()
    names = [a.locator(".v").text_content() for a in ranked.all()]
    numbers = [int(re.sub(r"\D", "", a.locator(".n").text_content())) for a in ranked.all()]
    assert numbers == sorted(numbers, reverse=True) and names
    page.screenshot(path=str(screenshots / "map-phone.png"), full_page=False)
    ranked.first.click()
    page.wait_for_url(re.compile("country="))
    for path, name in (("/trends?q=election&q=media", "trends"), ("/country/Ukraine", "country")):
        page.goto(path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{path} scrolls sideways at phone width ({width}px)"
        page.screenshot(path=str(screenshots / f"{name}-phone.png"), full_page=False)


def test_map_and_trends_work_without_javascript(browser, live_server: str) -> None:
    ctx = browser.new_context(java_script_enabled=False, base_url=live_server)
    page = ctx.new_page()
    try:
        page.goto("/?q=election")
        page.locator("a.state[data-country='Ukraine']").click()
        page.wait_for_url(re.compile("country=Ukraine"))
        page.goto("/trends?q=election")
        page.locator("#measure").select_option("share")
        page.locator(".series-form button").click()
        page.wait_for_url(re.compile("measure=share"))
        expect(page.locator(".linechart polyline")).to_have_count(1)
    finally:
        ctx.close()
