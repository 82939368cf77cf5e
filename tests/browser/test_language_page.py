"""The query language on the page, in Debian's Chromium: what was understood, and the way out."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.browser.test_search_page import state, total_shown


def test_few_in_the_span_come_first(page: Page) -> None:
    page.goto("/?q=ceasefire+2017")
    notice = page.locator("#understood")
    expect(notice).to_contain_text("Releases from 2017 first")
    notice.get_by_role("link", name="only releases from 2017").click()
    page.wait_for_url(re.compile(r"from=2017-01-01"))
    dates = page.locator(".hit time").all_text_contents()
    assert dates and all(d.startswith("2017") for d in dates)


def test_understood_year_and_its_way_out(page: Page, screenshots, monkeypatch) -> None:
    from webui import querybuild

    monkeypatch.setattr(querybuild, "DATE_FILTER_MIN", 1)  # the small corpus: one is a page
    page.goto("/?q=ceasefire+2017")
    notice = page.locator("#understood")
    expect(notice).to_contain_text("Showing releases from 2017")
    dates = page.locator(".hit time").all_text_contents()
    assert dates and all(d.startswith("2017") for d in dates)
    only_2017 = total_shown(page)
    page.screenshot(path=str(screenshots / "search-understood.png"), full_page=True)
    notice.get_by_role("link", name="search all years").click()
    page.wait_for_url(re.compile(r"years=all"))
    assert state(page)["q"] == ["ceasefire 2017"]
    assert total_shown(page) > only_2017
    expect(page.locator("#understood")).to_contain_text("Searching all years")
    # And back to the restriction in one click.
    page.locator("#understood").get_by_role("link").click()
    page.wait_for_url(lambda url: "years=all" not in url)
    assert total_shown(page) == only_2017


def test_showing_results_for_and_search_instead_for(page: Page) -> None:
    page.goto("/?q=electon+observaton")
    notice = page.locator("#corrected")
    expect(notice).to_contain_text("Showing results for election observation")
    expect(notice).to_contain_text("search instead for electon observaton")
    assert total_shown(page) > 0
    expect(page.locator(".hit mark").first).to_be_visible()
    notice.get_by_role("link", name="electon observaton").click()
    page.wait_for_url(re.compile(r"correct=off"))
    expect(page.locator("#corrected")).to_have_count(0)
    expect(page.locator("#didyoumean a")).to_have_text("election observation")


def test_facet_prefix_becomes_a_removable_chip(page: Page) -> None:
    page.goto("/?q=source%3AODIHR+election")
    chip = page.locator(".chips a.chip", has_text="ODIHR")
    expect(chip).to_be_visible()
    expect(page.locator("#q")).to_have_value("election")
    with_filter = total_shown(page)
    chip.click()
    page.wait_for_url(lambda url: "source=" not in url)
    assert total_shown(page) >= with_filter


def test_help_page_from_the_box(page: Page, screenshots) -> None:
    page.goto("/")
    page.get_by_role("link", name="Search help").click()
    page.wait_for_url(re.compile(r"/help$"))
    expect(page.locator("h1")).to_contain_text("Searching")
    expect(page.locator("table.syntax tbody tr")).to_have_count(16)
    page.screenshot(path=str(screenshots / "help.png"), full_page=True)
    page.get_by_role("link", name="election -Georgia").click()
    page.wait_for_url(re.compile(r"q=election"))
    titles = " ".join(page.locator(".hit h2").all_text_contents())
    assert total_shown(page) > 0 and "Georgia" not in titles
