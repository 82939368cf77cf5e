"""The search page's view model (webui.page): pure functions, no cluster needed."""

from __future__ import annotations

from urllib.parse import parse_qs

from werkzeug.datastructures import MultiDict

from webui import page
from webui.params import MAX_WINDOW, parse_search


def params(**args):
    return parse_search(MultiDict([(k, v) for k, vs in args.items() for v in vs]))


def qs(href: str) -> dict[str, list[str]]:
    assert href.startswith("?")
    return parse_qs(href[1:])


def test_toggle_adds_and_removes_within_a_facet_and_resets_paging() -> None:
    p = params(q=["vienna"], source=["ODIHR"], page=["3"])
    added = qs(page.toggle_href(p, "source", "Secretariat"))
    assert added == {"q": ["vienna"], "source": ["ODIHR", "Secretariat"]}
    removed = qs(page.toggle_href(p, "source", "ODIHR"))
    assert removed == {"q": ["vienna"]}


def test_chips_remove_one_filter_each_and_clear_all_keeps_words_and_sort() -> None:
    p = params(q=["x"], sort=["newest"], country=["Austria"], year=["2020"], to=["2021-01-01"])
    chips = page.chips(p)
    assert [(c.label, c.value) for c in chips] == [
        ("Country", "Austria"),
        ("Year", "2020"),
        ("To", "2021-01-01"),
    ]
    assert "country" not in qs(chips[0].remove) and qs(chips[0].remove)["year"] == ["2020"]
    assert "to" not in qs(chips[2].remove)
    assert qs(page.clear_all_href(p)) == {"q": ["x"], "sort": ["newest"]}


def test_pager_never_reaches_past_the_window() -> None:
    p = params(size=["100"])
    pg = page.pager(p, total=1_000_000)
    assert pg.last == MAX_WINDOW // 100 and pg.capped
    assert max(n for n in pg.pages if n) * 100 <= MAX_WINDOW
    last = page.pager(params(size=["100"], page=[str(pg.last)]), total=1_000_000)
    assert last.next is None and last.prev
    small = page.pager(params(size=["10"]), total=25)
    assert small.pages == [1, 2, 3] and not small.capped and small.prev is None


def test_pager_marks_gaps() -> None:
    pg = page.pager(params(page=["10"]), total=500)
    assert pg.pages[:2] == [1, None] and pg.pages[-2:] == [None, 50]
    assert 10 in pg.pages and qs(pg.hrefs[10])["page"] == ["10"]


def test_split_values_keeps_selected_values_visible() -> None:
    values = [{"value": str(i), "count": 20 - i, "selected": i == 15} for i in range(15)]
    top, more = page.split_values(values)
    assert len(top) == page.TOP_VALUES + 0 and len(more) == 5
    values[14]["selected"] = True
    top, more = page.split_values(values)
    assert top[-1]["value"] == "14" and all(not v["selected"] for v in more)


def test_year_chart_bars_link_to_that_year_and_mark_the_range() -> None:
    hist = [
        {"year": "2019", "count": 4},
        {"year": "2020", "count": 0},
        {"year": "2021", "count": 2},
    ]
    chart = page.year_chart(params(**{"from": ["2021-01-01"]}), hist)
    assert chart and [b.year for b in chart.bars] == ["2019", "2020", "2021"]
    tallest = chart.bars[0]
    assert tallest.y == 0 and tallest.height == chart.height - page.CHART_PAD
    assert qs(tallest.href)["from"] == ["2019-01-01"] and qs(tallest.href)["to"] == ["2019-12-31"]
    assert [b.selected for b in chart.bars] == [False, False, True]
    assert chart.bars[1].label == "2020: 0 releases" and chart.bars[2].label.endswith("2 releases")
    assert page.year_chart(params(), []) is None


def test_snippet_edges() -> None:
    assert page.snippet_edges("The <mark>mission</mark> ended.") == (False, False)
    assert page.snippet_edges("of the <mark>mission</mark> and") == (True, True)
