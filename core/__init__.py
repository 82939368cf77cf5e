"""What the write side (indexer/) and the read side (webui/) share: the record, the index, settings.

`core.release` (the Release record), `core.schema` (alias, analysis, mapping, document builder,
ids, hit window), `core.settings` (the environment, read once into one typed object),
`core.export` (a whole result set walked through a point-in-time, as CSV, JSON Lines, RIS or
BibTeX rows), `core.citation` (one release as a reference) and `core.states` (the 57
participating States, their variants and capitals). It imports nothing from
indexer/, webui/ or esnode/ (import-linter contracts in pyproject.toml).
"""
