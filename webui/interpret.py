"""Running a typed query: the decisions that need the index, around webui.querybuild's builders.

1. Facet prefixes (`source:odihr`) become the facets' own filters, with the values as indexed
   (`ODIHR`), so they show in the filter bar and the counts.
2. Years typed (`ceasefire 2017`) restrict dates when the rest of the query finds releases in
   that span, and only favour them otherwise (`years=all` is the way out).
3. A word no release holds is corrected to a word some release does hold, and the correction
   is run ("showing results for ... search instead for ..."; `correct=off` is the way out).
4. When fewer than a page of releases have every plain word, releases with any of them follow
   (those with all first); when nothing matches all clauses, the best query with one clause
   left out is run instead.
5. `mode` (hybrid by default when the index holds vectors, keyword, semantic): the same request,
   with a kNN side fused in or alone (webui.hybrid); exact-looking queries stay keyword in
   hybrid. The decisions above count keyword matches in every mode.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from typing import Any

from elasticsearch import ApiError, TransportError
from elasticsearch.exceptions import HTTP_EXCEPTIONS
from flask import current_app

from core.schema import INDEX_ANALYZER, fold
from core.states import canonical_state
from webui import degraded, fusion, hybrid, query, querybuild, results
from webui.cursor import first_next
from webui.es import alias, get_es
from webui.facets import BY_KEY
from webui.params import SearchParams
from webui.querylang import Not, Or, ParsedQuery, Phrase, Word, parse, unparse
from webui.vectors import encoder

log = logging.getLogger(__name__)

#: Facet values a typed prefix may stand for (`source:mission` -> every Mission it is part of).
MAX_VALUES = 10
_WILDCARD_RE = re.compile(r"([*?\\])")


def _as_indexed(key: str, value: str) -> str:
    """A State by any of its names is the indexed one ("country:turkey" is Türkiye)."""
    return (canonical_state(value) or value) if key == "country" else value


def _resolve_request(filters: dict[str, list[str]]) -> dict:
    aggs: dict[str, Any] = {}
    for key, values in filters.items():
        fld = BY_KEY[key].field
        for i, typed in enumerate(values):
            value = _as_indexed(key, typed)
            exact = {"term": {fld: {"value": value, "case_insensitive": True}}}
            pattern = "*" + _WILDCARD_RE.sub(r"\\\1", value) + "*"
            part = {"wildcard": {fld: {"value": pattern, "case_insensitive": True}}}
            terms = {"terms": {"field": fld, "size": 200}}  # every value of the matches
            aggs[f"{key}-{i}-part"] = {
                "filter": {"bool": {"should": [exact, part]}},
                "aggs": {"v": terms},
            }
    return {"size": 0, "aggs": aggs}


def resolve_filters(filters: dict[str, list[str]]) -> dict[str, list[str]]:
    """Typed facet values -> values as indexed: the same value ignoring case and accents (a
    State by any of its names), else every value containing it; a value matching nothing stays
    as typed (its chip shows 0 and removes it)."""
    if not filters:
        return {}
    # An alias over no index (or a wildcard matching none) answers without aggregations.
    aggs = get_es().search(index=alias(), body=_resolve_request(filters)).body.get("aggregations")
    aggs = aggs or {}
    out: dict[str, list[str]] = {}
    for key, values in filters.items():
        found: list[str] = []
        for i, value in enumerate(values):
            # The buckets hold every value of the matching releases (countries are many per
            # release): keep those that are the value typed, else contain it.
            typed = fold(_as_indexed(key, value))
            part_agg = aggs.get(f"{key}-{i}-part", {}).get("v", {})
            names = [str(b["key"]) for b in part_agg.get("buckets", [])]
            exact = [n for n in names if fold(n) == typed]
            part = [n for n in names if typed in fold(n)]
            found.extend(exact or part or [value])
        out[key] = list(dict.fromkeys(found))[:MAX_VALUES]
    return out


def understood(parsed: ParsedQuery, filters: dict[str, list[str]], date_filter: bool) -> dict:
    """What the parser took from q, for the API and the page's notices."""
    fields: dict[str, list[str]] = {}
    for c in parsed.clauses:
        if isinstance(c, Word | Phrase) and c.field:
            fields.setdefault(c.field, []).append(c.text)
    dates = None
    if parsed.dates:
        dates = {
            "text": parsed.dates.text,
            "from": parsed.dates.date_from,
            "to": parsed.dates.date_to,
            "applied": "filter" if date_filter else "boost",
        }
    return {
        "words": parsed.plain_words,
        "phrases": [c.text for c in parsed.clauses if isinstance(c, Phrase) and not c.field],
        "excluded": [unparse(c.node) for c in parsed.clauses if isinstance(c, Not)],
        "any_of": [[unparse(n) for n in c.nodes] for c in parsed.clauses if isinstance(c, Or)],
        "prefixes": [c.text for c in parsed.clauses if isinstance(c, Word) and c.prefix],
        "fields": fields,
        "filters": filters,
        "dates": dates,
        "correction": None,
        "dropped": [],
        "widened": False,
    }


def _count(params: SearchParams, plan: querybuild.Plan | None) -> int:
    body = query.build_search(params, plan)
    count_body = {"query": {"bool": {"must": [body["query"]], "filter": [body["post_filter"]]}}}
    return get_es().count(index=alias(), body=count_body)["count"]


def _dates_restrict(params: SearchParams, parsed: ParsedQuery) -> bool:
    """Whether the typed years should restrict: the rest of the query finds releases there."""
    if not parsed.dates or params.years_all:
        return False
    found = _count(params, querybuild.Plan(parsed, date_filter=True))
    return found >= max(1, querybuild.DATE_FILTER_MIN)


def _timeout() -> dict:
    """`OSCE_SEARCH_TIMEOUT` (e.g. `5s`): shards still busy then answer with what they have,
    and the answer is flagged partial, instead of the whole search failing."""
    value = current_app.config.get("OSCE_SEARCH_TIMEOUT")
    return {"timeout": value} if value else {}


def _answer(item: dict, meta: Any) -> dict:
    """One `_msearch` answer, or the error `search` would have raised for it."""
    if "error" not in item:
        return item
    status = int(item.get("status") or 500)
    error = HTTP_EXCEPTIONS.get(status, ApiError)
    reason = item["error"].get("type") if isinstance(item["error"], dict) else item["error"]
    raise error(str(reason), meta=replace(meta, status=status), body=item)


def keyword_search(body: dict, extra: dict | None = None) -> dict:
    """A build_search body run as its hits and its counts side by side (query.SPLIT_PAGE), the
    counts through the shard request cache; one response as `search` gives."""
    extra = extra or {}
    es = get_es()
    if not query.SPLIT_PAGE:
        return es.search(index=alias(), body=body, **extra).body
    hits, counts = query.split_page(body)
    searches = [
        {"request_cache": query.HITS_REQUEST_CACHE},
        {**hits, **extra},
        {"request_cache": query.COUNTS_REQUEST_CACHE},
        {**counts, **extra},
    ]
    try:
        answer = es.msearch(index=alias(), searches=searches)
        first, second = (_answer(item, answer.meta) for item in answer.body["responses"])
    except ApiError as exc:
        if exc.meta.status != 429:
            raise
        # Rejected as two searches (a full search queue): one request needs half the shard
        # tasks, and answers with what its shards could do (flagged partial) or fails as before.
        return es.search(index=alias(), body=body, **extra).body
    if "rescore" in hits:
        page = query.rescored_page(first, body["from"], body["size"])
        if page is None:  # a score tie across the page's edge: the sorted request decides
            sorted_hits, _ = query.split_page(body, rescore=False)
            page = es.search(index=alias(), body={**sorted_hits, **extra}).body
        first = page
    return query.merge_page(first, second)


def _fixes(resp: dict, parsed: ParsedQuery) -> dict[str, str]:
    """Did-you-mean: the words offered a correction that no release holds, asked in one
    `_msearch` (through the request cache) only when a suggester offered one."""
    checks = querybuild.known_checks(resp, parsed)
    if not checks:
        return {}
    searches = [part for _, body in checks for part in ({"request_cache": True}, body)]
    try:
        answers = get_es().msearch(index=alias(), searches=searches).body["responses"]
    except (ApiError, TransportError) as exc:  # the page stands without its did-you-mean
        log.warning("spelling check failed: %s", exc)
        return {}
    fixes = querybuild.corrections(resp, querybuild.unknown_words(checks, answers))
    return {word: fix for word, fix in fixes.items() if not _same_word(word, fix)}


def _same_word(word: str, fix: str) -> bool:
    """Whether the index analyses a correction as the word itself (`elections` -> `election`,
    one stem): an inflection no release happens to hold is no misspelling, and the corrected
    search would find the same releases again. A failed check keeps the correction."""
    es, index = get_es(), alias()
    try:
        answers = [
            es.indices.analyze(index=index, analyzer=INDEX_ANALYZER, text=w) for w in (word, fix)
        ]
        stems = [[t["token"] for t in answer["tokens"]] for answer in answers]
    except (ApiError, TransportError) as exc:
        log.warning("spelling check failed: %s", exc)
        return False
    return bool(stems[0]) and stems[0] == stems[1]


def _search(
    params: SearchParams,
    plan: querybuild.Plan | None,
    mode: str = "keyword",
    vector: list[float] | None = None,
) -> dict:
    body = query.build_search(params, plan)
    if mode == "keyword" or vector is None or plan is None:
        return keyword_search(body, _timeout())
    return hybrid.search(get_es(), alias(), body, params, vector, mode, _timeout())


def _found(resp: dict) -> int:
    """Keyword matches: what widening, relaxing and corrections decide on, in every mode."""
    found = resp.get(hybrid.KEYWORD_TOTAL, resp["hits"]["total"]["value"])
    return resp["hits"]["total"]["value"] if found is None else found


def resolve_mode(params: SearchParams, parsed: ParsedQuery) -> tuple[str, str | None, list | None]:
    """The mode that will run, why it is not the one asked for (if so), and q's vector."""
    asked = params.mode
    if not params.q or asked == "keyword":
        return "keyword", None, None
    enc = encoder()
    if not enc.enabled:
        return "keyword", (None if asked is None else "semantic search is switched off"), None
    if not enc.index_has_vectors(get_es(), alias()):
        return "keyword", (None if asked is None else "this index holds no vectors"), None
    if (asked or "hybrid") == "hybrid" and fusion.exact_looking(parsed):
        note = (
            "exact words (quotes, OR, fields, prefixes, names, acronyms or years): keyword ranking"
        )
        return "keyword", note, None
    text = fusion.semantic_text(parsed)
    if not text:
        return "keyword", (None if asked is None else "no words to match by meaning"), None
    vector = enc.vector(text)  # the first call loads the model
    if vector is None:
        return "keyword", "semantic search is unavailable (the server log says why)", None
    return asked or "hybrid", None, vector


def _relax(params: SearchParams, plan: querybuild.Plan) -> tuple[str, ParsedQuery] | None:
    """The query with one clause left out that finds the most releases (None: none finds any)."""
    options = querybuild.relaxations(plan.parsed)
    if not options:
        return None
    base = query.build_search(params, plan)
    aggs = {
        f"drop{i}": {"filter": querybuild.relevance(replace(plan, parsed=p), params.recency)}
        for i, (_, p) in enumerate(options)
    }
    body = {"size": 0, "query": base["post_filter"], "aggs": aggs}
    found = get_es().search(index=alias(), body=body).body["aggregations"]
    counts = [found[f"drop{i}"]["doc_count"] for i in range(len(options))]
    best = max(range(len(options)), key=lambda i: counts[i])
    return options[best] if counts[best] else None


def _understand(
    params: SearchParams,
) -> tuple[SearchParams, ParsedQuery, dict, bool, querybuild.Plan | None]:
    """q parsed: the state the links keep (facet prefixes moved into the filters), the parsed
    query, the prefixes' filters, whether typed years restrict dates, and the plan to run."""
    typed = parse(params.q)
    filters = resolve_filters(typed.filters)
    merged = {k: list(v) for k, v in params.filters.items()}
    for key, values in filters.items():
        merged[key] = list(dict.fromkeys(merged.get(key, []) + values))
    parsed = replace(typed, filters={})
    state = replace(params, q=parsed.text(), filters=merged)
    date_filter = _dates_restrict(state, parsed)
    searchable = parsed.clauses or parsed.dates
    plan = querybuild.Plan(parsed, date_filter=date_filter) if searchable else None
    return state, parsed, filters, date_filter, plan


def search_body(params: SearchParams) -> tuple[SearchParams, dict]:
    """The query as typed, understood (facet prefixes as filters, years as dates), without the
    spelling and relaxing steps: what a cursor's later pages and a whole-set export walk."""
    if not params.q:
        return params, query.build_search(params, None)
    state, _, _, _, plan = _understand(params)
    return state, query.build_search(state, plan)


def count_query(params: SearchParams) -> dict:
    """The query (every filter applied) that counts what a search finds: trends and country
    pages count with the search page's own language."""
    _, body = search_body(params)
    return {"bool": {"must": [body["query"]], "filter": [body["post_filter"]]}}


def run(params: SearchParams) -> tuple[SearchParams, dict]:
    """The search as the page shows it: (the state the page's links keep, the search JSON)."""
    if not params.q:
        resp = _search(params, None)
        data = results.search_json(resp, params)
        data.update(understood=None, corrected=None, next=first_next(params, resp, data["total"]))
        data.update(degraded.partial(resp), mode="keyword", mode_note=None)
        return params, data
    state, parsed, filters, date_filter, plan = _understand(params)
    mode, mode_note, vector = resolve_mode(state, parsed)

    def vector_of(p: ParsedQuery) -> list[float] | None:
        # A corrected or relaxed query is embedded anew (cached: paging embeds it once).
        return encoder().vector(fusion.semantic_text(p)) if vector is not None else None

    resp = _search(state, plan, mode, vector)
    ran = (state, plan)
    about = understood(parsed, filters, date_filter)
    corrected: str | None = None
    suggestion: str | None = None

    fixes = _fixes(resp, parsed) if plan else {}
    if fixes and plan:
        fixed = parsed.map_words(lambda w: fixes.get(fold(w), w))
        fixed_plan = replace(plan, parsed=fixed)
        if params.literal or mode == "semantic":
            # Asked for as typed: offer the correction only if it finds something.
            if _count(state, fixed_plan):
                suggestion = fixed.text()
        else:
            fixed_state = replace(state, q=fixed.text())
            second = _search(fixed_state, fixed_plan, mode, vector_of(fixed))
            if _found(second):
                resp, plan, corrected = second, fixed_plan, fixed.text()
                ran = (fixed_state, fixed_plan)
                about["correction"] = "spelling"
    few = 0 < _found(resp) < querybuild.WIDEN_BELOW
    # Semantic mode ranks by meaning alone: no "any of the words", no clause left out.
    if plan and mode != "semantic" and len(plan.parsed.plain_words) > 1 and few:
        # Few releases have every word: the others with some of them follow.
        wide = plan.widened()
        wide_state = replace(state, q=plan.parsed.text())
        found = _search(wide_state, wide, mode, vector_of(plan.parsed))
        if _found(found) > _found(resp):
            resp, plan, ran = found, wide, (wide_state, wide)
            about["widened"] = True
    if plan and mode != "semantic" and not _found(resp):
        relaxed = _relax(state, plan)
        if relaxed:
            dropped, rest = relaxed
            plan = replace(plan, parsed=rest)
            rest_state = replace(state, q=rest.text())
            resp = _search(rest_state, plan, mode, vector_of(rest))
            ran = (rest_state, plan)
            corrected = rest.text()
            about["correction"] = "relaxed"
            about["dropped"] = [dropped]
    if hybrid.PAGE in resp:  # the fused page's releases, fetched once, for the search that ran
        hybrid.fetch_page(get_es(), alias(), query.build_search(*ran), resp)
    data = results.search_json(resp, state)
    data.update(suggestion=suggestion, understood=about, corrected=corrected)
    data.update(degraded.partial(resp), mode=mode, mode_note=mode_note)
    # Later pages walk the query as typed (search_body), in keyword order: no cursor when another
    # query ran, nor when vectors ranked the page (page= pages through a hybrid ranking).
    ran_other = corrected or about.get("widened") or mode != "keyword"
    data["next"] = None if ran_other else first_next(params, resp, data["total"])
    return state, data
