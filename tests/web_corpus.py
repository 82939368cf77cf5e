"""A richer corpus for the web tests: the three seeds plus small releases written here.

Enough spread for every facet (OR within, AND across), a year histogram over a decade, a place
facet longer than ten values ("show more"), a hostile title, and words to misspell.
Expected numbers in tests are computed from `RELEASES`, never typed in by hand.
"""

from __future__ import annotations

from collections import Counter
from functools import cache
from pathlib import Path

from elasticsearch import Elasticsearch

from core.release import Release
from core.schema import place_display
from indexer import aliases
from indexer.bulk import parse_all

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
ORIGIN = "https://www.osce.org/"


def _r(
    slug: str,
    title: str,
    date: str,
    place: str,
    source: str,
    fields: list[str],
    countries: list[str],
    body: list[str],
    kind: str = "Press release",
) -> Release:
    return Release(
        path=f"web-corpus/{slug}.txt",
        type=kind,
        title=title,
        date=date,
        place=place,
        source=source,
        fields_of_work=fields,
        countries=countries,
        body=body,
        origin=f"{ORIGIN}{slug}" if kind == "Press release" else None,
    )


WRITTEN: list[Release] = [
    _r(
        "odihr/election-observation-georgia",
        "ODIHR deploys election observation mission to Georgia",
        "2016-09-01",
        "TBILISI",
        "ODIHR",
        ["Elections", "Democratization"],
        ["Georgia"],
        [
            "The OSCE Office for Democratic Institutions and Human Rights opened an election "
            "observation mission in Tbilisi ahead of the parliamentary elections.",
            "The mission will assess the election campaign, media coverage and the counting.",
        ],
    ),
    _r(
        "odihr/preliminary-findings-ukraine",
        "Preliminary findings on the presidential election in Ukraine",
        "2019-04-01",
        "KYIV",
        "ODIHR",
        ["Elections", "Human rights"],
        ["Ukraine"],
        [
            "Observers found the election competitive and fundamental freedoms respected, "
            "though the campaign was marred by allegations of vote buying.",
        ],
    ),
    _r(
        "rfom/journalists-safety-vienna",
        "Media freedom representative calls for safety of journalists",
        "2018-05-03",
        "VIENNA",
        "Representative on Freedom of the Media",
        ["Media freedom and development"],
        ["Austria"],
        [
            "On World Press Freedom Day the Representative on Freedom of the Media called on "
            "all participating States to protect journalists from violence and harassment.",
        ],
    ),
    _r(
        "rfom/election-coverage-skopje",
        "Media coverage of the election campaign in North Macedonia reviewed",
        "2020-07-10",
        "SKOPJE",
        "Representative on Freedom of the Media",
        ["Media freedom and development", "Elections"],
        ["North Macedonia"],
        [
            "Broadcasters gave balanced election coverage, the review found, but online "
            "harassment of journalists remained a concern.",
        ],
    ),
    _r(
        "odihr/election-warsaw-seminar",
        "Election officials from twenty States meet in Warsaw",
        "2022-03-15",
        "WARSAW",
        "ODIHR",
        ["Elections"],
        ["Poland"],
        [
            "Election administrators discussed voter registration, accessibility of polling "
            "stations and the security of election technology.",
        ],
    ),
    _r(
        "secretariat/border-management-dushanbe",
        "Border management staff college graduates new class",
        "2015-06-20",
        "DUSHANBE",
        "Secretariat",
        ["Border management"],
        ["Tajikistan", "Afghanistan"],
        [
            "The OSCE Border Management Staff College in Dushanbe graduated officers from "
            "Central Asia after a course on border security and cross-border co-operation.",
        ],
    ),
    _r(
        "secretariat/gender-equality-bishkek",
        "Women in policing: OSCE supports gender equality in Kyrgyzstan",
        "2017-11-08",
        "BISHKEK",
        "Secretariat",
        ["Gender equality", "Policing"],
        ["Kyrgyzstan"],
        [
            "The OSCE supported a network of women police officers in Bishkek working for "
            "gender equality in the police service.",
        ],
    ),
    _r(
        "secretariat/countering-terrorism-valletta",
        "Conference on countering terrorism opens in Valletta",
        "2023-10-05",
        "VALLETTA",
        "Secretariat",
        ["Countering terrorism"],
        ["Malta"],
        [
            "Experts discussed countering terrorism online and the role of civil society in "
            "preventing violent extremism.",
        ],
    ),
    _r(
        "hcnm/minorities-education-riga",
        "High Commissioner on National Minorities visits Riga schools",
        "2019-02-12",
        "RIGA",
        "High Commissioner on National Minorities",
        ["National minority issues", "Education"],
        ["Latvia"],
        [
            "The High Commissioner discussed minority language education with teachers, "
            "parents and the Ministry of Education in Riga.",
        ],
    ),
    _r(
        "chair/ministerial-council-lodz",
        "Ministerial Council closes in Lodz",
        "2022-12-02",
        "LODZ",
        "OSCE Chairpersonship",
        ["Conflict prevention and resolution"],
        ["Poland", "Ukraine"],
        [
            "The Chairperson-in-Office closed the Ministerial Council in Lodz, saying the war "
            "against Ukraine had brought conflict back to the OSCE area.",
        ],
    ),
    _r(
        "odihr/human-rights-defenders-helsinki",
        "Human rights defenders meet in Helsinki",
        "2024-05-20",
        "HELSINKI",
        "ODIHR",
        ["Human rights"],
        ["Finland"],
        [
            "Human rights defenders from across the region shared experience of protection "
            "programmes and the safety of defenders.",
        ],
    ),
    _r(
        "secretariat/news-environment-belgrade",
        "Environmental activities: Aarhus Centres meet in Belgrade",
        "2021-06-11",
        "BELGRADE",
        "Secretariat",
        ["Environmental activities"],
        ["Serbia"],
        ["Aarhus Centres discussed public participation in environmental decision-making."],
        kind="News and announcement",
    ),
    Release(
        path="web-corpus/hostile.txt",
        type="Press release",
        title="<script>alert(1)</script> Vienna talks on media",
        date="2020-01-02",
        place="VIENNA",
        source="Secretariat",
        fields_of_work=["Media freedom and development"],
        countries=["Austria"],
        body=['Talks in Vienna <img src=x onerror="alert(2)"> ended & resumed.'],
    ),
]


@cache
def _all() -> tuple[Release, ...]:
    return tuple(r for r in parse_all([SEEDS]) if r.valid) + tuple(WRITTEN)


def releases() -> list[Release]:
    """Seeds and written releases, in a fixed order."""
    return list(_all())


_BUILT: dict[tuple[int, str], str] = {}


def build_alias(es: Elasticsearch, make_alias) -> str:
    """Index the corpus once per session (memoised per client) and return its alias."""
    key = (id(es), "web")
    if key not in _BUILT:
        alias = make_alias("osce-webtest")
        aliases.reindex(es, releases(), alias)
        _BUILT[key] = alias
    return _BUILT[key]


def values_of(r: Release, key: str) -> list[str]:
    """A release's values for a facet, as the API names them."""
    return {
        "fields_of_work": r.fields_of_work,
        "source": [r.source] if r.source else [],
        "place": [place_display(r.place)] if r.place else [],
        "country": r.countries,
        "type": [r.type] if r.type else [],
        "year": [r.date[:4]] if r.date else [],
    }[key]


def matching(filters: dict[str, list[str]]) -> list[Release]:
    """Releases passing every facet filter (OR within a facet, AND across)."""
    return [
        r for r in releases() if all(set(values_of(r, k)) & set(v) for k, v in filters.items() if v)
    ]


def counts(docs: list[Release], key: str) -> dict[str, int]:
    return dict(Counter(v for r in docs for v in values_of(r, key)))
