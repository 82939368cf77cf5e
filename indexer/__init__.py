"""The write side: crawled files in, release documents into Elasticsearch."""
