"""The declared facets: request key, indexed field, label, display order. Nothing else filters."""

from __future__ import annotations

from dataclasses import dataclass

from indexer.schema import FACET_FIELDS


@dataclass(frozen=True)
class Facet:
    key: str  # request parameter and JSON key
    field: str  # keyword field in the index
    label: str
    size: int = 50  # buckets fetched; the page shows 10 and "show more"
    numeric: bool = False


FACETS: tuple[Facet, ...] = (
    Facet("fields_of_work", FACET_FIELDS["fields_of_work"], "Field of work"),
    Facet("country", FACET_FIELDS["country"], "Country", size=60),
    Facet("place", FACET_FIELDS["place"], "Place"),
    Facet("source", FACET_FIELDS["source"], "Source"),
    Facet("year", FACET_FIELDS["year"], "Year", size=40, numeric=True),
    Facet("type", FACET_FIELDS["type"], "Type"),
)
BY_KEY = {f.key: f for f in FACETS}
