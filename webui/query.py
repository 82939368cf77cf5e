"""Pure query builders: SearchParams in, Elasticsearch request bodies out (no I/O here)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from core import schema
from core.export import TIEBREAK
from webui import facets
from webui.facets import FACETS
from webui.highlight import MARK_TAGS
from webui.params import SearchParams

#: Field weights: a word in the title says more than one in the body; the unstemmed
#: `title.exact` lifts the words as typed above their stems; the release's fields of work
#: (`Gender equality`) count a little.
SEARCH_FIELDS = ["title^3", "title.exact^2", "body", "fields_of_work.text^0.5"]
#: Words are matched across fields (one in the title, one in the body counts as both) ...
MATCH_TYPE = "cross_fields"
#: ... and all of one or two words must match, half of three or more. When that finds less
#: than a page, webui.interpret widens to any word (WIDE_MATCH), all-words matches first.
MINIMUM_SHOULD_MATCH = "2<50%"
WIDE_MATCH = "1"
#: Coordination in the widened search: a release with every word gains this.
ALL_WORDS_BOOST = 1.0
PHRASE_BOOSTS = {"title": 6.0, "body": 2.0}
PHRASE_SLOP = 2
#: Adjacent word pairs (`Lukasz Nowak`): a name typed whole outranks its words apart.
SHINGLE_FIELDS = ["title.shingles^2", "body.shingles"]
SHINGLE_BOOST = 1.0
#: Typo tolerance: a second, fuzzy match without synonyms, weighted down so that it finds
#: `tajikstan` but an exact match (which scores on both clauses) always stays ahead.
FUZZY_FIELDS = ["title^3", "body"]
FUZZINESS = "AUTO:4,8"
FUZZY_PREFIX_LENGTH = 1
FUZZY_MAX_EXPANSIONS = 20
FUZZY_BOOST = 0.3
#: A mild prior for fuller releases among equally good matches: weight * log10(1 + words).
LENGTH_PRIOR = {"field": "body_words", "modifier": "log1p", "missing": 1}
LENGTH_PRIOR_WEIGHT = 2.0
#: Recency tie-break: at most RECENCY_WEIGHT points, halving every RECENCY_SCALE of age, so it
#: only reorders near-equal matches. `text_query(q, recency=False)` switches it off.
RECENCY_WEIGHT = 0.25
RECENCY_SCALE = "3650d"
HIGHLIGHT = {
    "encoder": "html",
    "pre_tags": [MARK_TAGS[0]],
    "post_tags": [MARK_TAGS[1]],
    "fields": {
        "title": {"number_of_fragments": 0},
        "body": {
            "fragment_size": 200,
            "number_of_fragments": 3,
            "order": "score",
            "no_match_size": 240,
        },
    },
}
#: What a hit fetches of its release: all but the body (the highlights quote it).
HIT_SOURCE: dict[str, list[str]] = {"excludes": ["body"]}
#: The clause of each sort params.SORTS names (a test keeps the two key sets equal).
SORTS: dict[str, list[Any]] = {
    "relevance": ["_score", {"date": {"order": "desc", "missing": "_last"}}],
    "newest": [{"date": {"order": "desc", "missing": "_last"}}, "_score"],
    "oldest": [{"date": {"order": "asc", "missing": "_last"}}, "_score"],
}


def _exact_clause(q: str, minimum_should_match: str = MINIMUM_SHOULD_MATCH) -> dict:
    return {
        "multi_match": {
            "query": q,
            "fields": SEARCH_FIELDS,
            "type": MATCH_TYPE,
            "minimum_should_match": minimum_should_match,
        }
    }


def _boost_clauses(q: str) -> list[dict]:
    """Phrase proximity and adjacent-pair boosts."""
    should: list[dict] = [
        {"match_phrase": {field: {"query": q, "slop": PHRASE_SLOP, "boost": boost}}}
        for field, boost in PHRASE_BOOSTS.items()
    ]
    should.append(
        {
            "multi_match": {
                "query": q,
                "fields": SHINGLE_FIELDS,
                "type": "most_fields",
                "boost": SHINGLE_BOOST,
            }
        }
    )
    return should


def relevance(
    q: str, minimum_should_match: str = MINIMUM_SHOULD_MATCH, all_words_boost: float = 0.0
) -> dict:
    """Relevance for free words: synonyms, typo tolerance, phrase and pair boosts (no priors)."""
    exact = _exact_clause(q, minimum_should_match)
    fuzzy = {
        "multi_match": {
            "query": q,
            "fields": FUZZY_FIELDS,
            "type": "most_fields",
            "minimum_should_match": minimum_should_match,
            "fuzziness": FUZZINESS,
            "prefix_length": FUZZY_PREFIX_LENGTH,
            "max_expansions": FUZZY_MAX_EXPANSIONS,
            # No synonyms here: fuzzy variants of every expansion would add noise and cost.
            "analyzer": schema.INDEX_ANALYZER,
            "boost": FUZZY_BOOST,
        }
    }
    should = _boost_clauses(q)
    if all_words_boost:
        every = _exact_clause(q, "100%")
        every["multi_match"]["boost"] = all_words_boost
        should.append(every)
    return {
        "bool": {
            "must": [{"bool": {"should": [exact, fuzzy], "minimum_should_match": 1}}],
            "should": should,
        }
    }


def today() -> str:
    """Today's date (UTC), the recency tie-break's origin. Written out, not `now/d` (the same
    instant): a request that says `now` is never kept by the shard request cache."""
    return datetime.now(UTC).date().isoformat()


def with_priors(relevance_query: dict, recency: bool = True) -> dict:
    """The length prior and the recency tie-break around a relevance query."""
    functions: list[dict] = []
    if LENGTH_PRIOR_WEIGHT:
        functions.append({"field_value_factor": LENGTH_PRIOR, "weight": LENGTH_PRIOR_WEIGHT})
    if recency and RECENCY_WEIGHT:
        functions.append(
            {
                "filter": {"exists": {"field": "date"}},
                "exp": {"date": {"origin": today(), "scale": RECENCY_SCALE, "decay": 0.5}},
                "weight": RECENCY_WEIGHT,
            }
        )
    if not functions:
        return relevance_query
    return {
        "function_score": {
            "query": relevance_query,
            "functions": functions,
            "score_mode": "sum",
            "boost_mode": "sum",
        }
    }


def text_query(q: str, recency: bool = True) -> dict:
    """Relevance for the words typed: synonyms, typo tolerance, phrase and pair boosts, priors."""
    return with_priors(relevance(q), recency)


def highlight_query(q: str) -> dict:
    """What the highlighter marks for free words: the words with synonyms, phrases and pairs.
    Not the fuzzy clause: expanding it per hit made highlighting ten times slower (~100 ms for
    10 hits on 10,000 releases, measured)."""
    return {"bool": {"should": [_exact_clause(q), *_boost_clauses(q)]}}


def highlight(q: str, whole: bool = False) -> dict:
    """The highlight request for q (the query language); `whole` marks full texts (the
    release page), not snippets."""
    from webui import querybuild

    plan = querybuild.plan_of(q)
    if plan is None:
        return HIGHLIGHT
    if whole:
        # One release: typo tolerance is affordable, so the fuzzy matches are marked too.
        marked = [
            querybuild.relevance(plan, recency=False),
            querybuild.highlight_query(plan.parsed),
        ]
        return {
            **HIGHLIGHT,
            "highlight_query": {"bool": {"should": marked}},
            "fields": {"title": {"number_of_fragments": 0}, "body": {"number_of_fragments": 0}},
        }
    return {**HIGHLIGHT, "highlight_query": querybuild.highlight_query(plan.parsed)}


def _date_filter(params: SearchParams) -> dict | None:
    if not (params.date_from or params.date_to):
        return None
    bounds = {}
    if params.date_from:
        bounds["gte"] = params.date_from
    if params.date_to:
        bounds["lte"] = params.date_to
    return {"range": {"date": bounds}}


def build_search(params: SearchParams, plan: Any = None) -> dict:
    """The search request: query, disjunctive facets, year histogram, highlights, paging.

    Every filter (facets and dates) sits in `post_filter`, so each aggregation can apply all
    filters but its own: a facet's selection never shrinks its own counts, and the year
    histogram keeps showing the years outside a chosen date range.
    """
    from webui import querybuild  # the query language's builders (they import this module)

    if plan is None and params.q:
        plan = querybuild.plan_of(params.q)
    parsed = plan.parsed if plan else None
    query: dict = querybuild.relevance(plan, params.recency) if plan else {"match_all": {}}
    selected = {f.key: f.filter(params.filters[f.key]) for f in FACETS if params.filters.get(f.key)}
    dates = _date_filter(params)
    if parsed and parsed.dates and plan.date_filter:  # years typed in q, as a restriction
        typed = querybuild.date_range(parsed.dates)
        dates = {"bool": {"filter": [dates, typed]}} if dates else typed

    aggs: dict[str, Any] = {}
    for facet in FACETS:
        others = [flt for key, flt in selected.items() if key != facet.key]
        if dates:
            others.append(dates)
        if facet.from_histogram(others, list(selected.values())):
            continue  # counted by the histogram's aggregation (facets.YEAR_FROM_HISTOGRAM)
        aggs[facet.key] = facet.aggregation(others)
    years = facets.histogram()
    if selected or not facets.TOP_LEVEL_TERMS:
        aggs["histogram"] = {
            "filter": {"bool": {"filter": list(selected.values())}},
            "aggs": {"years": years},
        }
    else:  # at the top level, as the facets (webui.facets.TOP_LEVEL_TERMS)
        aggs["years"] = years
    aggs = facets.grouped(aggs)
    every = list(selected.values()) + ([dates] if dates else [])
    scored = bool(parsed and parsed.has_text)
    sort = params.sort if scored else ("oldest" if params.sort == "oldest" else "newest")
    body: dict[str, Any] = {
        "query": query,
        "post_filter": {"bool": {"filter": every}},
        "aggs": aggs,
        # The tie-break makes every hit's sort values unique: the API cursor resumes after them.
        "sort": [*SORTS[sort], TIEBREAK],
        "from": params.offset,
        "size": params.size,
        "track_total_hits": True,
        "highlight": (
            {**HIGHLIGHT, "highlight_query": querybuild.highlight_query(parsed)}
            if parsed
            else HIGHLIGHT
        ),
        "_source": HIT_SOURCE,
    }
    spelling = querybuild.spelling(parsed) if parsed else None
    if spelling:
        body["suggest"] = spelling
    return body


#: The page runs as two requests in one `_msearch` (measured at 1,000,000 releases:
#: bench/results/search-levers-1M.md). The *hits* request scores and fetches the page only:
#: no exact count, so Lucene skips the matches that cannot make the page. The *counts*
#: request (facets, histogram, did-you-mean, the exact total) scores nothing, holds no `now`
#: and has size 0, so the shard request cache keeps it: a repeated search (the landing page,
#: a facet clicked back) counts nothing again until the index changes.
SPLIT_PAGE = True
COUNTS_REQUEST_CACHE = True
#: The hits request through the shard request cache too (asked for: Elasticsearch keeps only
#: size-0 requests by default): no `now` in it (`today`), so a repeated page ranks nothing
#: again until the index changes; the fetch phase (sources, highlights) still runs.
HITS_REQUEST_CACHE = True


#: The hits request of a relevance-ordered page ranks the plain relevance query first, so
#: Lucene's block-max WAND skips what cannot make the page (a function_score hides maximum
#: scores: every match was scored), then rescores the best RESCORE_WINDOW with the whole
#: scored query (priors included): inside the window each score is the old one, exactly
#: (query_weight 0). Only pages without facet or date filters: filtered, fewer releases match,
#: WAND has less to skip and re-running the query over the window (~5 ms) cost more than it
#: saved. The window: at 1,000,000 releases, pages 1 and 2 of every unfiltered query of the
#: bench's mix equal the old ones at 500 (at 200, two second pages differ; the cost is the
#: same within noise). Measured: bench/results/search-levers-1M.md.
PRIORS_RESCORE = True
RESCORE_WINDOW = 500
RESCORE_FILTERED = False
#: The first pass also leaves out the phrase and adjacent-pair boosts (`_boost_clauses`):
#: matching positions of common words was the dearest part of ranking a page (1,000,000
#: releases: `border management training` 141 -> 94 ms, `media freedom` 82 -> 44 ms). The
#: rescore adds them back with the rest of the query, so scores in the window are unchanged.
#: Measured: bench/results/search-levers-1M.md (pages 1 and 2 compared with the old ones).
BOOSTS_RESCORED = True
#: The date sort value Elasticsearch gives a release without a date (desc, missing last).
_NO_DATE = -(2**63)
_SORT_FIELDS = [{"field": "date", "format": "epoch_millis"}, "content_hash"]


def _rescorable(body: dict) -> bool:
    """Relevance order (rescoring cannot sort by anything else) over a query with priors, and
    no filters unless RESCORE_FILTERED (PRIORS_RESCORE)."""
    return (
        PRIORS_RESCORE
        and (RESCORE_FILTERED or not body["post_filter"]["bool"]["filter"])
        and body["sort"][0] == "_score"
        and "function_score" in body["query"]
    )


def _rescored(hits: dict, every: list[dict]) -> dict:
    """The hits request as a plain first pass and a rescore with the whole query. It reads one
    release either side of the page, so that a score tie across the page's edge (decided by
    index order here, by date and content_hash in the sort) is seen (`rescored_page`)."""
    scored = hits["query"]["bool"]["must"][0] if every else hits["query"]
    plain = scored["function_score"]["query"]
    if BOOSTS_RESCORED:
        plain = _without_phrase_boosts(plain)
    start = max(0, hits["from"] - 1)
    # No look past the last page Elasticsearch serves (from + size <= MAX_RESULT_WINDOW).
    stop = min(hits["from"] + hits["size"] + 1, schema.MAX_RESULT_WINDOW)
    return {
        **hits,
        "query": {"bool": {"must": [plain], "filter": every}} if every else plain,
        "sort": ["_score"],
        "from": start,
        "size": stop - start,
        "docvalue_fields": _SORT_FIELDS,
        "rescore": {
            "window_size": max(RESCORE_WINDOW, stop),
            "query": {
                "rescore_query": scored,
                "query_weight": 0.0,
                "rescore_query_weight": 1.0,
                "score_mode": "total",
            },
        },
    }


def _without_phrase_boosts(q: Any) -> Any:
    """The query with the phrase boosts left out wherever they only score: optional `should`
    clauses of a bool that has required clauses and no `minimum_should_match` (the words of a
    typed phrase are scored with their own boosts too). What matches is unchanged."""
    if isinstance(q, list):
        return [_without_phrase_boosts(item) for item in q]
    if not isinstance(q, dict):
        return q
    out = {key: _without_phrase_boosts(value) for key, value in q.items()}
    node = out.get("bool")
    optional = isinstance(node, dict) and "minimum_should_match" not in node
    if optional and node.get("should") and (node.get("must") or node.get("filter")):
        kept = [c for c in node["should"] if not _positional(c)]
        out["bool"] = {k: v for k, v in node.items() if k != "should"}
        if kept:
            out["bool"]["should"] = kept
    return out


def _positional(clause: dict) -> bool:
    """A phrase boost of `_boost_clauses` (BOOSTS_RESCORED); the adjacent pairs stay in the
    first pass (terms of the shingle fields: no positions to read)."""
    phrase = clause.get("match_phrase")
    return bool(phrase) and set(phrase) <= set(PHRASE_BOOSTS)


def rescored_page(resp: dict, offset: int, size: int) -> dict | None:
    """A rescored hits answer as the sorted request gives it: the page's hits in full sort
    order with their sort values (the API cursor resumes after them); None when a score tie
    crosses the page's edge (the sorted request decides it)."""
    hits = resp["hits"]["hits"]
    for hit in hits:
        fields = hit.pop("fields", {})
        date = fields.get("date")
        content_hash = fields.get("content_hash")
        hit["sort"] = [
            hit["_score"],
            int(date[0]) if date else _NO_DATE,
            content_hash[0] if content_hash else None,
        ]
    start = 1 if offset else 0
    page = hits[start : start + size]
    edges = [(hits[start - 1], page[0])] if start and page else []
    if len(hits) > start + size and page:
        edges.append((page[-1], hits[start + size]))
    if any(a["_score"] == b["_score"] for a, b in edges):
        return None
    page.sort(key=lambda h: (-h["_score"], -h["sort"][1], h["sort"][2] or "\uffff"))
    return {**resp, "hits": {**resp["hits"], "hits": page}}


def unscored(q: dict) -> dict:
    """The query's matches without its priors (they only score): no `now`, so cacheable."""
    inner = q.get("function_score", {}).get("query") if "function_score" in q else None
    return {"bool": {"filter": [inner or q]}}


def split_page(body: dict, rescore: bool = True) -> tuple[dict, dict]:
    """A build_search body -> (hits request, counts request); `merge_page` joins the answers
    into the response the single request gave. A relevance page's hits request is rescored
    (PRIORS_RESCORE; its answer goes through `rescored_page`) unless `rescore` is off."""
    every = body["post_filter"]["bool"]["filter"]
    hits = {k: v for k, v in body.items() if k not in ("aggs", "suggest", "post_filter")}
    hits["query"] = {"bool": {"must": [body["query"]], "filter": every}} if every else body["query"]
    hits["track_total_hits"] = False
    if rescore and _rescorable(body):
        hits = _rescored(hits, every)
    counts: dict[str, Any] = {
        "size": 0,
        "query": unscored(body["query"]),
        "post_filter": body["post_filter"],
        "aggs": body["aggs"],
        "track_total_hits": True,
    }
    if "suggest" in body:
        counts["suggest"] = body["suggest"]
    return hits, counts


def merge_page(hits: dict, counts: dict) -> dict:
    """One search response from the two: the hits of one, the total and aggregations of the
    other; `took` is the slower (they run side by side), failures and time-outs of either."""
    resp = {**hits, "hits": {**hits["hits"], "total": counts["hits"]["total"]}}
    resp["aggregations"] = counts.get("aggregations", {})
    if "suggest" in counts:
        resp["suggest"] = counts["suggest"]
    resp["took"] = max(hits.get("took") or 0, counts.get("took") or 0)
    resp["timed_out"] = bool(hits.get("timed_out") or counts.get("timed_out"))
    shards = dict(hits.get("_shards") or {})
    more = counts.get("_shards") or {}
    if more.get("failed"):
        shards["failed"] = int(shards.get("failed") or 0) + int(more["failed"])
        shards["failures"] = [*(shards.get("failures") or []), *(more.get("failures") or [])]
    resp["_shards"] = shards
    return resp


def build_suggest(prefix: str, size: int = 8) -> dict:
    """Title completions for the search box."""
    # The completion suggester refuses U+001F (and other controls): a 400 the fuzzers found.
    prefix = "".join(ch for ch in prefix if ch >= " " and ch != "\x7f")
    completion: dict[str, Any] = {"field": "title.suggest", "size": size, "skip_duplicates": True}
    if len(prefix) > 3:
        completion["fuzzy"] = {"fuzziness": "AUTO"}
    return {
        "_source": ["title", "date"],
        "suggest": {"titles": {"prefix": prefix, "completion": completion}},
        # Titles whose later words start with what was typed ("minsk gr" -> "... Minsk Group").
        "query": {"match_bool_prefix": {"title": {"query": prefix, "operator": "and"}}},
        "size": size,
    }


#: Words too common in press releases to say two releases are alike.
RELATED_STOP_WORDS = [
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "he", "her",
    "his", "in", "is", "it", "its", "of", "on", "or", "osce", "said", "she", "that", "the",
    "their", "this", "to", "was", "were", "which", "will", "with",
]  # fmt: skip


def build_related(
    doc_id: str,
    size: int = 5,
    fields_of_work: list[str] | None = None,
    countries: list[str] | None = None,
) -> dict:
    """Releases like this one: shared distinctive words, nudged by shared fields and countries."""
    should: list[dict] = [
        {
            "more_like_this": {
                "fields": ["title", "body"],
                "like": [{"_id": doc_id}],
                "min_term_freq": 1,
                "min_doc_freq": 1,
                "max_query_terms": 40,
                "min_word_length": 3,
                "stop_words": RELATED_STOP_WORDS,
                "minimum_should_match": "10%",
            }
        }
    ]
    if fields_of_work:
        should.append({"terms": {"fields_of_work": fields_of_work, "boost": 0.5}})
    if countries:
        should.append({"terms": {"countries": countries, "boost": 0.5}})
    return {
        "query": {
            "bool": {
                "should": should,
                "minimum_should_match": 1,
                "must_not": [{"ids": {"values": [doc_id]}}],
            }
        },
        "size": size,
        "_source": ["title", "date", "place_display", "source"],
    }
