"""What the write side (indexer/) and the read side (webui/) share: the record, the index, settings.

`core.release` (the Release record), `core.schema` (alias, analysis, mapping, document builder,
ids, hit window), `core.settings` (the environment, read once into one typed object). It imports
nothing from indexer/, webui/ or esnode/ (import-linter contracts in pyproject.toml).
"""
