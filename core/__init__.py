"""What the write side (indexer/) and the read side (webui/) share.

`core.export` walks a whole result set through a point-in-time and writes CSV, JSON Lines, RIS
or BibTeX rows; `core.citation` formats one release as a reference. Imports nothing from
indexer/, webui/ or esnode/.
"""
