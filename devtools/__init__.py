"""Development tools outside what the wheel ships: synthetic corpora for tests and benchmarks.

`python -m devtools.synth` (releases in the crawl's text-dump format, at any scale) and
`devtools.synth_crawl` (a mixed crawl folder with every kind of damage, for the parser's tests).
"""
