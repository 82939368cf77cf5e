"""The 57 OSCE participating States (osce.org's own names), their common variants and capitals.

One table for both sides: the indexer finds States in text with it (indexer.gazetteer), the web
UI reads a typed `country:turkey` as the indexed "Türkiye" (webui.interpret.resolve_filters).
"""

from __future__ import annotations

from functools import lru_cache

from core.schema import fold

#: canonical name -> (variants, capitals). Canonical names follow osce.org's own list.
STATES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "Albania": ((), ("Tirana",)),
    "Andorra": ((), ("Andorra la Vella",)),
    "Armenia": ((), ("Yerevan",)),
    "Austria": ((), ("Vienna",)),
    "Azerbaijan": ((), ("Baku",)),
    "Belarus": ((), ("Minsk",)),
    "Belgium": ((), ("Brussels",)),
    "Bosnia and Herzegovina": (
        ("Bosnia-Herzegovina", "Bosnia & Herzegovina", "Bosnia"),
        ("Sarajevo",),
    ),
    "Bulgaria": ((), ("Sofia",)),
    "Canada": ((), ("Ottawa",)),
    "Croatia": ((), ("Zagreb",)),
    "Cyprus": ((), ("Nicosia",)),
    "Czechia": (("Czech Republic",), ("Prague",)),
    "Denmark": ((), ("Copenhagen",)),
    "Estonia": ((), ("Tallinn",)),
    "Finland": ((), ("Helsinki",)),
    "France": ((), ("Paris",)),
    "Georgia": ((), ("Tbilisi",)),
    "Germany": ((), ("Berlin",)),
    "Greece": ((), ("Athens",)),
    "Holy See": (("Vatican",), ()),
    "Hungary": ((), ("Budapest",)),
    "Iceland": ((), ("Reykjavik", "Reykjavík")),
    "Ireland": ((), ("Dublin",)),
    "Italy": ((), ("Rome",)),
    "Kazakhstan": ((), ("Astana", "Nur-Sultan", "Nur Sultan")),
    "Kyrgyzstan": (("Kyrgyz Republic",), ("Bishkek",)),
    "Latvia": ((), ("Riga",)),
    "Liechtenstein": ((), ("Vaduz",)),
    "Lithuania": ((), ("Vilnius",)),
    "Luxembourg": ((), ()),
    "Malta": ((), ("Valletta",)),
    "Moldova": (("Republic of Moldova",), ("Chisinau", "Chișinău", "Chişinău")),
    "Monaco": ((), ()),
    "Mongolia": ((), ("Ulaanbaatar", "Ulan Bator")),
    "Montenegro": ((), ("Podgorica",)),
    "Netherlands": (("The Netherlands", "Holland"), ("Amsterdam", "The Hague")),
    "North Macedonia": (("Republic of North Macedonia", "Macedonia"), ("Skopje",)),
    "Norway": ((), ("Oslo",)),
    "Poland": ((), ("Warsaw",)),
    "Portugal": ((), ("Lisbon",)),
    "Romania": ((), ("Bucharest",)),
    "Russian Federation": (("Russia",), ("Moscow",)),
    "San Marino": ((), ()),
    "Serbia": ((), ("Belgrade",)),
    "Slovakia": (("Slovak Republic",), ("Bratislava",)),
    "Slovenia": ((), ("Ljubljana",)),
    "Spain": ((), ("Madrid",)),
    "Sweden": ((), ("Stockholm",)),
    "Switzerland": ((), ("Bern", "Berne")),
    "Tajikistan": ((), ("Dushanbe",)),
    "Türkiye": (("Turkey", "Turkiye", "Republic of Türkiye"), ("Ankara",)),
    "Turkmenistan": ((), ("Ashgabat",)),
    "Ukraine": ((), ("Kyiv", "Kiev")),
    "United Kingdom": (
        (
            "UK",
            "Great Britain",
            "Britain",
            "United Kingdom of Great Britain and Northern Ireland",
            "Northern Ireland",
        ),
        ("London",),
    ),
    "United States of America": (
        ("United States", "USA", "US", "U.S.", "U.S.A."),
        ("Washington",),
    ),
    "Uzbekistan": ((), ("Tashkent",)),
}


@lru_cache(maxsize=1)
def _by_folded_name() -> dict[str, str]:
    names: dict[str, str] = {}
    for state, (variants, _capitals) in STATES.items():
        for name in (state, *variants):
            names.setdefault(fold(name), state)
    return names


def canonical_state(name: str) -> str | None:
    """The State a typed name or variant stands for ("turkey" -> "Türkiye"), else None."""
    return _by_folded_name().get(fold(name.strip()))
