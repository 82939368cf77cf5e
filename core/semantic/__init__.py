"""Dense vectors for releases and queries: a pinned offline model, its cache, the text recipe.

Shared by the write side (vectors at index time) and the read side (the query's vector).
"""
