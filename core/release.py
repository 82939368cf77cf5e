"""The Release record every extractor produces and every later stage consumes."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Release:
    """One press release as extracted from a file; `valid` is False when the file held none."""

    path: str
    valid: bool = True
    error: str | None = None
    type: str | None = None
    title: str | None = None
    date: str | None = None  # ISO YYYY-MM-DD
    place: str | None = None  # as written in the file
    source: str | None = None  # the first of `sources`
    sources: list[str] = field(default_factory=list)  # every source in file order
    closed_sources: list[str] = field(default_factory=list)  # those the file marks closed
    fields_of_work: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)  # paragraphs, dateline removed
    origin: str | None = None  # the page's address on osce.org when the file says it
    format: str = "text"  # "text" dump or "html" page
    places: list[str] = field(default_factory=list)  # the place's cities, display form
    dateline_place: str | None = None  # the dateline's place: its cities name States too
    crawled_at: str | None = None  # a WARC record's date (ISO), when the page came from one

    @classmethod
    def invalid(cls, path: str, error: str, fmt: str = "text") -> Release:
        return cls(path=path, valid=False, error=error, format=fmt)

    @property
    def body_text(self) -> str:
        return "\n".join(self.body)

    def to_parse_json(self, doc_id: str | None) -> dict:
        """The `python -m indexer parse` contract (DESIGN.md §3)."""
        return {
            "path": self.path,
            "valid": self.valid,
            "error": self.error,
            "id": doc_id,
            "type": self.type,
            "title": self.title,
            "date": self.date,
            "place": self.place,
            "source": self.source,
            "sources": self.all_sources,
            "closed_sources": self.closed_sources,
            "fields_of_work": self.fields_of_work,
            "countries": self.countries,
            "body": self.body_text if self.valid else None,
            "origin": self.origin,
        }

    @property
    def all_sources(self) -> list[str]:
        """Every source; a release built with `source` alone (older callers) has that one."""
        return self.sources or ([self.source] if self.source else [])
