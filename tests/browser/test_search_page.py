"""The search page in Debian's Chromium: what a person does, step by step.

Expected numbers come from the corpus (tests.web_corpus), not typed in.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

from tests.web_corpus import counts, matching, releases


def state(page: Page) -> dict[str, list[str]]:
    """The page's state as the URL holds it."""
    return parse_qs(urlsplit(page.url).query)


def facet_link(page: Page, facet: str, value: str):
    return page.locator(f"[data-facet='{facet}'] a.fv").filter(
        has=page.locator("span.v", has_text=re.compile(f"^{re.escape(value)}$"))
    )


def shown_counts(page: Page, facet: str) -> dict[str, int]:
    """Facet values and counts as displayed (top values and those behind "show more")."""
    out = {}
    for link in page.locator(f"[data-facet='{facet}'] a.fv").all():
        value = link.locator(".v").text_content().strip()
        digits = re.sub(r"\D", "", link.locator(".n").text_content())
        out[value] = int(digits)
    return out


def total_shown(page: Page) -> int:
    text = page.locator("#count").text_content()
    return 0 if text.strip().startswith("No") else int(re.sub(r"\D", "", text.split("release")[0]))


def test_search_shows_highlighted_results(page: Page, screenshots) -> None:
    page.goto("/")
    expect(page.locator("#count")).to_contain_text(f"{len(releases())} releases")
    page.locator("#q").fill("election")
    page.locator("#q").press("Enter")
    page.wait_for_url(re.compile(r"q=election"))
    api = page.request.get("/api/search?q=election").json()
    assert total_shown(page) == api["total"] > 0
    expect(page.locator(".hit")).to_have_count(min(api["total"], 10))
    expect(page.locator(".hit").first.locator("mark").first).to_be_visible()
    assert page.locator(".hit mark").count() >= api["total"]
    page.screenshot(path=str(screenshots / "search-desktop.png"), full_page=True)


def test_two_values_in_one_facet_and_one_in_another(page: Page) -> None:
    page.goto("/")
    facet_link(page, "fields_of_work", "Elections").click()
    page.wait_for_url(re.compile("fields_of_work=Elections"))
    facet_link(page, "fields_of_work", "Media freedom and development").click()
    page.wait_for_url(re.compile("Media"))
    facet_link(page, "source", "ODIHR").click()
    page.wait_for_url(re.compile("source=ODIHR"))

    fow, src = ["Elections", "Media freedom and development"], ["ODIHR"]
    assert state(page)["fields_of_work"] == fow and state(page)["source"] == src
    both = matching({"fields_of_work": fow, "source": src})
    assert total_shown(page) == len(both)
    titles = sorted(t.strip() for t in page.locator(".hit h2").all_text_contents())
    assert titles == sorted(r.title for r in both)
    # Disjunctive counts: a facet's own selection does not shrink its counts.
    fow_counts = {k: v for k, v in shown_counts(page, "fields_of_work").items() if v}
    assert fow_counts == counts(matching({"source": src}), "fields_of_work")
    assert shown_counts(page, "source") == counts(matching({"fields_of_work": fow}), "source")
    assert shown_counts(page, "country") == counts(both, "country")
    elections = facet_link(page, "fields_of_work", "Elections")
    expect(elections).to_have_attribute("aria-current", "true")


def test_remove_a_filter_from_the_bar_and_clear_all(page: Page) -> None:
    page.goto("/?q=OSCE&fields_of_work=Elections&source=ODIHR&from=2016-01-01")
    chips = page.locator(".chips .chip")
    expect(chips).to_have_count(3)
    chips.filter(has_text="Elections").click()
    page.wait_for_url(lambda url: "Elections" not in url)
    assert state(page) == {"q": ["OSCE"], "source": ["ODIHR"], "from": ["2016-01-01"]}
    expect(page.locator(".chips .chip")).to_have_count(2)
    page.locator(".chips .clear").click()
    page.wait_for_url(lambda url: "source" not in url)
    assert state(page) == {"q": ["OSCE"]}
    expect(page.locator(".chips")).to_have_count(0)


def test_date_histogram_click_filters_that_year(page: Page) -> None:
    page.goto("/")
    year = "2019"
    bar = page.locator(f"a.bar[data-year='{year}']")
    expected = sum(r.date.startswith(year) for r in releases())
    expect(bar).to_have_attribute("aria-label", f"{year}: {expected} releases")
    bar.click()
    page.wait_for_url(re.compile(f"from={year}-01-01"))
    assert state(page)["to"] == [f"{year}-12-31"]
    assert total_shown(page) == expected
    dates = page.locator(".hit time").all_text_contents()
    assert len(dates) == expected and all(d.startswith(year) for d in dates)
    expect(page.locator("#from")).to_have_value(f"{year}-01-01")
    expect(page.locator(f"a.bar[data-year='{year}']")).to_have_class(re.compile(r"\bon\b"))


def test_did_you_mean_on_a_misspelling(page: Page) -> None:
    # Showing results for the correction, with the way back to the words as typed.
    page.goto("/?q=electoin")
    notice = page.locator("#corrected")
    expect(notice).to_contain_text("Showing results for election")
    assert total_shown(page) > 0
    expect(page.locator(".hit mark").first).to_be_visible()
    notice.get_by_role("link", name="electoin").click()
    page.wait_for_url(re.compile(r"correct=off"))
    suggestion = page.locator("#didyoumean a")
    expect(suggestion).to_have_text("election")
    suggestion.click()
    page.wait_for_url(re.compile(r"q=election\b"))
    assert total_shown(page) > 0


def test_autocomplete_with_the_keyboard(page: Page) -> None:
    page.goto("/")
    box = page.locator("#q")
    box.focus()
    box.press_sequentially("Media", delay=30)
    options = page.locator("#q-suggestions [role=option]")
    expect(options.first).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    titles = options.all_text_contents()
    assert titles[0].startswith("Media") and all("media" in t.lower() for t in titles)
    box.press("ArrowDown")
    box.press("ArrowDown")
    second = options.nth(1) if options.count() > 1 else options.first
    expect(box).to_have_attribute("aria-activedescendant", second.get_attribute("id"))
    expect(second).to_have_attribute("aria-selected", "true")
    wanted = second.locator("span").first.text_content()
    box.press("Escape")
    expect(box).to_have_attribute("aria-expanded", "false")
    box.press("ArrowDown")  # reopens
    expect(options.first).to_be_visible()
    box.press("ArrowDown")
    box.press("ArrowDown")
    box.press("Enter")
    page.wait_for_url(re.compile(r"/release/[0-9a-f]{20}"))
    expect(page.locator("h1")).to_have_text(wanted)


def test_release_page(page: Page, screenshots) -> None:
    page.goto("/?q=journalists")
    first = page.locator(".hit h2 a").first
    title = first.text_content().strip()
    first.click()
    page.wait_for_url(re.compile(r"/release/[0-9a-f]{20}\?q=journalists"))
    expect(page.locator("h1")).to_have_text(title)
    expect(page.locator(".fulltext mark").first).to_have_text(re.compile("journalists", re.I))
    origin = page.locator(".origin a")
    expect(origin).to_have_attribute("href", re.compile(r"^https://www\.osce\.org/"))
    expect(page.locator(".docmeta")).to_contain_text("Date")
    expect(page.locator(".related li a").first).to_be_visible()
    twin = page.locator("link[rel=alternate][type='application/json']").get_attribute("href")
    assert page.request.get(twin).json()["title"] == title
    page.screenshot(path=str(screenshots / "release-desktop.png"), full_page=True)
    page.locator(".crumbs a").click()
    page.wait_for_url(re.compile(r"/\?q=journalists$"))


def test_back_button_restores_state(page: Page) -> None:
    page.goto("/?q=OSCE")
    facet_link(page, "source", "Secretariat").click()
    page.wait_for_url(re.compile("source=Secretariat"))
    page.locator("#sort").select_option("newest")
    page.locator(".sort button").click()
    page.wait_for_url(re.compile("sort=newest"))
    filtered = total_shown(page)
    page.locator(".pager a[rel=next], .hit h2 a").first.click()
    page.go_back()
    page.wait_for_url(re.compile("sort=newest"))
    expect(page.locator("#sort")).to_have_value("newest")
    page.go_back()
    page.wait_for_url(lambda url: "sort=" not in url and "source=Secretariat" in url)
    expect(page.locator("#sort")).to_have_value("relevance")
    expect(page.locator(".chips .chip")).to_have_count(1)
    page.go_back()
    page.wait_for_url(lambda url: "source" not in url)
    expect(page.locator("#q")).to_have_value("OSCE")
    assert total_shown(page) > filtered
    page.go_forward()
    page.wait_for_url(re.compile("source=Secretariat"))
    assert total_shown(page) == filtered


def test_works_without_javascript(browser, live_server: str) -> None:
    ctx = browser.new_context(java_script_enabled=False, base_url=live_server)
    page = ctx.new_page()
    try:
        page.goto("/")
        page.locator("#q").fill("election")
        page.locator(".searchbox button").click()
        page.wait_for_url(re.compile("q=election"))
        facet_link(page, "source", "ODIHR").click()
        page.wait_for_url(re.compile("source=ODIHR"))
        assert (
            total_shown(page)
            == page.request.get("/api/search?q=election&source=ODIHR").json()["total"]
        )
        page.locator("#from").fill("2019-01-01")
        page.locator(".daterange button").click()
        page.wait_for_url(re.compile("from=2019-01-01"))
        assert state(page)["source"] == ["ODIHR"] and state(page)["q"] == ["election"]
        page.goto("/")
        more = page.locator("[data-facet='place'] details.more")
        expect(more.locator("a.fv").first).to_be_hidden()
        more.locator("summary").click()
        expect(more.locator("a.fv").first).to_be_visible()
    finally:
        ctx.close()


def test_phone_width(phone_page: Page, screenshots) -> None:
    page = phone_page
    page.goto("/?q=election&fields_of_work=Elections")
    expect(page.locator(".hit").first).to_be_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page scrolls sideways at phone width ({width}px)"
    page.screenshot(path=str(screenshots / "search-phone.png"), full_page=False)


@pytest.mark.parametrize(
    "path",
    [
        "/?q=election&fields_of_work=Elections",
        "/?q=electoin",
        "/?from=2019-01-01&to=2019-12-31&size=2",
    ],
)
def test_axe_finds_no_serious_violations(page: Page, path: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page.goto(path)
    results = Axe().run(page)
    bad = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert not bad, bad


def test_axe_on_release_page_and_phone(page: Page, phone_page: Page) -> None:
    from axe_playwright_python.sync_playwright import Axe

    hits = page.request.get("/api/search?q=Vienna").json()["hits"]
    hit = next(h for h in hits if "<script>" in h["title"])
    for p in (page, phone_page):
        p.goto(hit["url"] + "?q=Vienna")
        violations = Axe().run(p).response["violations"]
        bad = [v["id"] for v in violations if v["impact"] in ("serious", "critical")]
        assert not bad, bad
    # A hostile title is shown as text.
    expect(page.locator("h1")).to_contain_text("<script>alert(1)</script>")


def test_keyboard_only(page: Page) -> None:
    """Skip link first, then every control reachable and usable with Tab and Enter."""
    page.goto("/?q=election")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    seen = set()
    for _ in range(60):
        page.keyboard.press("Tab")
        el = "document.activeElement"
        seen.add(page.evaluate(f"{el}.id || {el}.getAttribute('class') || {el}.tagName"))
    assert {"sort", "from", "to", "fv", "bar"} <= seen, seen
    facet_link(page, "source", "ODIHR").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile("source=ODIHR"))
    bar = page.locator("a.bar").first
    bar.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile("from="))
