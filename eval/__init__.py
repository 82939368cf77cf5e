"""Relevance evaluation: a judged collection, a vanilla baseline and our ranking, side by side.

`make eval` (or `python -m eval`) indexes eval/releases twice, runs eval/queries.json against
both and writes nDCG@10, MRR, P@5 and Recall@100 to bench/results/relevance.json.
"""
