"""The 57 OSCE participating States: canonical names, common variants and capitals."""

from __future__ import annotations

import re
from functools import lru_cache

#: canonical name -> (variants, capitals). Canonical names follow osce.org's own list.
STATES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "Albania": ((), ("Tirana",)),
    "Andorra": ((), ("Andorra la Vella",)),
    "Armenia": ((), ("Yerevan",)),
    "Austria": ((), ("Vienna",)),
    "Azerbaijan": ((), ("Baku",)),
    "Belarus": ((), ("Minsk",)),
    "Belgium": ((), ("Brussels",)),
    "Bosnia and Herzegovina": (("Bosnia-Herzegovina", "Bosnia & Herzegovina"), ("Sarajevo",)),
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
    "Kazakhstan": ((), ("Astana", "Nur-Sultan")),
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
    "Netherlands": (("the Netherlands", "Holland"), ("Amsterdam", "The Hague")),
    "North Macedonia": (("former Yugoslav Republic of Macedonia", "Macedonia"), ("Skopje",)),
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
    "Türkiye": (("Turkey", "Turkiye"), ("Ankara",)),
    "Turkmenistan": ((), ("Ashgabat",)),
    "Ukraine": ((), ("Kyiv", "Kiev")),
    "United Kingdom": (
        ("UK", "Great Britain", "United Kingdom of Great Britain and Northern Ireland"),
        ("London",),
    ),
    "United States of America": (("United States", "USA", "U.S."), ("Washington",)),
    "Uzbekistan": ((), ("Tashkent",)),
}


#: Names of processes and documents that contain a capital but are not about that State.
NOT_PLACES = (
    "Minsk Group",
    "Minsk Process",
    "Minsk Conference",
    "Vienna Document",
    "Vienna Convention",
    "Helsinki Final Act",
    "Helsinki Document",
    "Helsinki Commission",
    "Charter of Paris",
    "Paris Charter",
    "Istanbul Convention",
    "Copenhagen Document",
    "Copenhagen Criteria",
    "Moscow Mechanism",
    "Astana Declaration",
    "Ljubljana Guidelines",
    "Hague Recommendations",
    "Bonn Powers",
    "Washington Post",
)
_NOT_PLACES_RE = re.compile("|".join(re.escape(p) for p in NOT_PLACES), re.IGNORECASE)


@lru_cache(maxsize=1)
def _pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    lookup: dict[str, str] = {}
    for canonical, (variants, capitals) in STATES.items():
        for name in (canonical, *variants, *capitals):
            lookup[name.casefold()] = canonical
    names = sorted(lookup, key=len, reverse=True)
    alternatives = "|".join(re.escape(n) for n in names)
    # Case-sensitive on the first letter: "georgia" in prose is rare, "Turkey" the bird rarer.
    pattern = re.compile(rf"(?<![\w.])(?:{alternatives})(?![\w])", re.IGNORECASE)
    return pattern, lookup


def find_countries(*texts: str) -> list[str]:
    """Canonical names of the participating States named in the texts, in order of first mention."""
    pattern, lookup = _pattern()
    found: dict[str, None] = {}
    for text in texts:
        for match in pattern.finditer(_NOT_PLACES_RE.sub(" ", text or "")):
            word = match.group(0)
            if not word[0].isupper():
                continue
            found.setdefault(lookup[word.casefold()], None)
    return list(found)
