//! Mirrors indexer/extract/labels.py (owned by the text-dump port).
