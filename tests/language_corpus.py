"""A small corpus for the query language against the real node: the web corpus plus releases
holding the words the issue misspells, a ceasefire in two years, a phrase and its words apart."""

from __future__ import annotations

from functools import cache

from elasticsearch import Elasticsearch

from core.release import Release
from indexer import aliases
from tests import web_corpus


def _r(slug: str, title: str, date: str, source: str, countries: list[str], body: list[str]):
    return Release(
        path=f"language-corpus/{slug}.txt",
        type="Press release",
        title=title,
        date=date,
        place="VIENNA",
        source=source,
        fields_of_work=["Conflict prevention and resolution"],
        countries=countries,
        body=body,
    )


SMM = "OSCE Special Monitoring Mission to Ukraine"
EXTRA: list[Release] = [
    _r(
        "ceasefire-2017",
        "Monitors report calm as ceasefire holds in eastern Ukraine",
        "2017-03-10",
        SMM,
        ["Ukraine"],
        [
            "The ceasefire held along the contact line, monitors said, as negotiations in the "
            "Trilateral Contact Group continued.",
        ],
    ),
    _r(
        "ceasefire-2018",
        "Ceasefire violations: ceasefire broken again, ceasefire must hold",
        "2018-06-01",
        SMM,
        ["Ukraine"],
        [
            "The ceasefire was violated again; the Mission recorded ceasefire violations and "
            "called for the ceasefire to be respected and for a negotiation on disengagement.",
        ],
    ),
    _r(
        "ceasefire-armenia",
        "Co-Chairs urge Armenia and Azerbaijan to respect the cease-fire",
        "2016-04-05",
        "OSCE Minsk Group",
        ["Armenia", "Azerbaijan"],
        ["The Co-Chairs called on the sides to respect the ceasefire and resume talks."],
    ),
    _r(
        "serbia-media",
        "Journalists trained on media freedom in Belgrade",
        "2019-10-02",
        "OSCE Mission to Serbia",
        ["Serbia"],
        ["The Mission trained journalists on media freedom and the safety of reporters."],
    ),
    _r(
        "freedom-apart",
        "Freedom of assembly and the media in the region",
        "2021-02-11",
        "ODIHR",
        ["Moldova"],
        [
            "Freedom of peaceful assembly was discussed; the media covered the meetings and "
            "human rights defenders spoke.",
        ],
    ),
    _r(
        "election-mentions-georgia",
        "Election observers from many States arrive in Chisinau",
        "2020-10-20",
        "ODIHR",
        ["Moldova", "Georgia"],
        ["Observers from Georgia, Poland and Austria joined the election observation mission."],
    ),
]


@cache
def _all() -> tuple[Release, ...]:
    return tuple(web_corpus.releases()) + tuple(EXTRA)


def releases() -> list[Release]:
    return list(_all())


_BUILT: dict[int, str] = {}


def build_alias(es: Elasticsearch, make_alias) -> str:
    """Index the corpus once per session and return its alias."""
    if id(es) not in _BUILT:
        alias = make_alias("osce-langtest")
        aliases.reindex(es, releases(), alias)
        _BUILT[id(es)] = alias
    return _BUILT[id(es)]


def by_title() -> dict[str, Release]:
    return {r.title: r for r in releases()}
