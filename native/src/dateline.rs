//! Mirrors indexer/extract/dateline.py (owned by the text-dump port).
