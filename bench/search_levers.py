"""Search levers at scale, one at a time, on one built index and one query mix (issue 18).

Each lever is a set of overrides of the web UI's constants (`webui.query.SPLIT_PAGE=false`),
applied by the gunicorn app factory `lever_app` in every worker, or a change to the index
(`index:` levers, applied over the API and undone after). For each: the first sight of each
query (request cache cleared), three repeats of the mix, and requests/s with 16 clients (wrk).
`--profile` also sends every Elasticsearch request one page makes with `profile: true` and sums
where the time goes (query, collectors, aggregations, fetch: source and highlights);
`--page-costs` re-sends them with the request cache off and sums their `took` per page.

    python bench/search_levers.py --scale 1000000 --profile
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
from pathlib import Path

from elasticsearch import Elasticsearch

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import search_bench as sb  # noqa: E402
from esnode import discover_url  # noqa: E402

RESULTS = ROOT / "bench" / "results"

PAGE_FIELDS = [
    "title", "date", "place", "place_display", "source", "sources", "closed_sources",
    "fields_of_work", "countries", "origin",
]  # fmt: skip
#: name -> (what it changes, overrides of webui constants)
LEVERS: dict[str, tuple[str, dict[str, object]]] = {
    "main: one request": (
        "one search: hits, exact total, facets, histogram, did-you-mean together",
        {"query.SPLIT_PAGE": False, "facets.TOP_LEVEL_TERMS": False},
    ),
    "split, cache off": (
        "hits (no exact count) + counts (size 0, unscored) in one _msearch, request cache off",
        {"query.COUNTS_REQUEST_CACHE": False, "facets.TOP_LEVEL_TERMS": False},
    ),
    "split + request cache": (
        "as above, the counts through the shard request cache",
        {"facets.TOP_LEVEL_TERMS": False},
    ),
    "top-level terms, one request": (
        "facets no other filter narrows as top-level terms aggs (and the histogram), no split",
        {"query.SPLIT_PAGE": False},
    ),
    "split + cache + top-level terms": (
        "the three together (the code's defaults until the priors were rescored)",
        {"query.PRIORS_RESCORE": False},
    ),
    "... + lean _source": (
        "the hits fetch only the fields the page shows",
        {"query.HIT_SOURCE": {"includes": PAGE_FIELDS}},
    ),
    "priors rescored": (
        "relevance pages without filters: a plain first pass (block-max WAND), the whole query "
        "(priors included) rescored over the best 500 (the defaults before the next two)",
        {},
    ),
    "known words on demand": (
        "did-you-mean asks whether a word exists only for words a suggester offers a correction "
        "for (terminate_after 1), not a global count of every word on every page",
        {"query.HITS_REQUEST_CACHE": False},
    ),
    "... + hits request cached": (
        "the hits request through the shard request cache too (no `now`: today's date written "
        "out); the fetch phase still runs",
        {"facets.GROUP_FILTERS": False},
    ),
    "... + one filter per narrowing": (
        "facets narrowed by the same filters share one filter aggregation (the code's defaults)",
        {},
    ),
    "priors rescored, filtered too": (
        "as above, and pages with facet or date filters rescored too",
        {"query.RESCORE_FILTERED": True},
    ),
}


def _apply(overrides: dict[str, object]) -> dict[str, object]:
    """Set the constants; returns their previous values (to undo with `_apply` again)."""
    before = {}
    for name, value in overrides.items():
        module, const = name.rsplit(".", 1)
        mod = importlib.import_module(f"webui.{module}")
        before[name] = getattr(mod, const)
        setattr(mod, const, value)
    return before


def lever_app(overrides: str = "{}"):
    """gunicorn factory: `bench.search_levers:lever_app('{"query.SPLIT_PAGE": false}')`."""
    from webui import create_app

    _apply(json.loads(overrides))
    return create_app()


def measure(es: Elasticsearch, es_url: str, alias: str, overrides: dict, mix_params: list) -> dict:
    app = f"bench.search_levers:lever_app({json.dumps(json.dumps(overrides))})"
    es.indices.clear_cache(index=alias, request=True)
    web = sb.Gunicorn(es_url, alias, app=app)
    try:
        out = {"load_before": sb._load()}
        out["first_round"] = sb.latency(web.port, mix_params, 1)
        out["repeats"] = sb.latency(web.port, mix_params, 3)
        procs = {"es": sb.es_processes(es), "web": web.processes()}
        out["wrk16"] = sb.throughput(web.port, mix_params, 16, 10, procs)
        out["load_after"] = sb._load()
    finally:
        web.stop()
    stats = es.indices.stats(index=alias, metric="request_cache")["_all"]["primaries"]
    out["request_cache"] = stats["request_cache"]
    return out


def _ns(items: list[dict]) -> float:
    return sum(i.get("time_in_nanos", 0) for i in items) / 1e6


def _profile_one(es: Elasticsearch, alias: str, body: dict) -> dict:
    resp = es.search(index=alias, body={**body, "profile": True}, request_cache=False).body
    shard = resp["profile"]["shards"][0]
    search = shard["searches"][0]
    fetch = shard.get("fetch") or {}
    phases = {c["type"]: c["time_in_nanos"] / 1e6 for c in fetch.get("children", [])}
    return {
        "took": resp["took"],
        "query_ms": round(_ns(search["query"]), 2),
        "collector_ms": round(_ns(search.get("collector", [])), 2),
        "aggs_ms": {
            a["description"]: round(a["time_in_nanos"] / 1e6, 2)
            for a in shard.get("aggregations", [])
        },
        "fetch_ms": round(fetch.get("time_in_nanos", 0) / 1e6, 2),
        "fetch_phases_ms": {k: round(v, 2) for k, v in phases.items() if v >= 0.05},
    }


def _page_requests(es_url: str, alias: str, mix_params: list, overrides: dict) -> list:
    """(params, [(endpoint, body)]) for each page of the mix: every request the page sends,
    recorded in process (the web UI's constants overridden)."""
    from urllib.parse import urlencode

    from webui import create_app
    from webui.es import MeteredElasticsearch

    undo = _apply(overrides)
    app = create_app({"ES_URL": es_url, "OSCE_ALIAS": alias, "OSCE_RATE_LIMIT": "off"})
    client = app.test_client()
    calls: list[tuple[str, object]] = []
    original = MeteredElasticsearch.perform_request

    def record(self, method, path, **kwargs):  # noqa: ANN001, ANN202
        calls.append((kwargs.get("endpoint_id") or path, kwargs.get("body")))
        return original(self, method, path, **kwargs)

    MeteredElasticsearch.perform_request = record  # type: ignore[method-assign]
    out = []
    try:
        for params in mix_params:
            calls.clear()
            client.get("/api/search?" + urlencode(params, doseq=True))
            out.append((params, list(calls)))
    finally:
        MeteredElasticsearch.perform_request = original  # type: ignore[method-assign]
        _apply(undo)
    return out


def _searches(requests: list) -> list[dict]:
    """The search bodies among a page's requests (each part of an `_msearch`)."""
    out = []
    for name, body in requests:
        bodies = body[1::2] if name == "msearch" else [body]
        out += [b for b in bodies if isinstance(b, dict) and name in ("search", "msearch")]
    return out


def profile(es: Elasticsearch, es_url: str, alias: str, mix_params: list, overrides: dict) -> list:
    """Every ES request of each page, re-sent with `profile: true`."""
    out = []
    for params, requests in _page_requests(es_url, alias, mix_params, overrides):
        row: dict = {"query": params, "es_requests": [name for name, _ in requests], "parts": []}
        row["parts"] = [_profile_one(es, alias, b) for b in _searches(requests)]
        out.append(row)
    return out


def page_costs(es: Elasticsearch, es_url: str, alias: str, mix_params: list, rounds: int = 3):
    """What a page costs the node on first sight: each of its searches re-sent with the request
    cache off, `took` (median of `rounds`) per search and summed per page (the two searches of
    an `_msearch` run side by side: the sum is node time, not the page's wall time)."""
    import statistics

    pages = []
    for params, requests in _page_requests(es_url, alias, mix_params, {}):
        took = []
        for body in _searches(requests):
            runs = [
                es.search(index=alias, body=body, request_cache=False).body["took"]
                for _ in range(rounds)
            ]
            took.append(statistics.median(runs))
        pages.append({"query": sb.path_for(params), "took_ms": took, "sum_ms": sum(took)})
    sums = [p["sum_ms"] for p in pages]
    return {
        "pages": pages,
        "sum_ms": {
            "p50": statistics.median(sums),
            "max": max(sums),
            "mean": round(statistics.mean(sums), 1),
        },
        "searches_per_page_mean": round(sum(len(p["took_ms"]) for p in pages) / len(pages), 2),
        "load": sb._load(),
    }


def floor(es: Elasticsearch, es_url: str, alias: str, mix_params: list) -> dict:
    """The least any page of the mix can cost the node while it shows an exact total: each
    page's counts search stripped to its query (size 0, no aggregations, `track_total_hits`
    true), beside that counts search whole, the page's other searches (the hits search also
    without highlights, and without its rescore) and all of them, each re-sent one at a time
    with the request cache off. `took` summed per page and the node's CPU per page (process CPU
    time over the whole pass): the node has two cores, so 2,000 ms / CPU ms is the most pages a
    second it can answer, whatever the web tier does."""
    node = sb.es_processes(es)[0]
    pages = _page_requests(es_url, alias, mix_params, {})
    variants: dict[str, list[list[dict]]] = {
        "exact count only": [],
        "counts search (total, facets, histogram)": [],
        "the other searches (hits, did-you-mean)": [],
        "hits search, no highlights": [],
        "hits search, first pass alone (no rescore, no highlights)": [],
        "the page's searches": [],
    }
    for _params, requests in pages:
        searches = _searches(requests)
        counted = [b for b in searches if b.get("track_total_hits") is True]
        base = (counted or searches)[0]
        bare = {"query": base.get("query", {"match_all": {}}), "size": 0, "track_total_hits": True}
        if "post_filter" in base:  # the facet filters: the total is counted after them
            bare["post_filter"] = base["post_filter"]
        variants["exact count only"].append([bare])
        variants["counts search (total, facets, histogram)"].append([base])
        variants["the other searches (hits, did-you-mean)"].append(
            [b for b in searches if b is not base]
        )
        hits = [b for b in searches if b is not base and "highlight" in b]
        plain = [{k: v for k, v in b.items() if k != "highlight"} for b in hits]
        variants["hits search, no highlights"].append(plain)
        variants["hits search, first pass alone (no rescore, no highlights)"].append(
            [{k: v for k, v in b.items() if k != "rescore"} for b in plain]
        )
        variants["the page's searches"].append(searches)
    out: dict = {"pages": len(pages), "load_before": sb._load()}
    for name, bodies in variants.items():
        took: list[float] = []
        started = sum(node.cpu_times()[:2])
        for page in bodies:
            took.append(
                sum(es.search(index=alias, body=b, request_cache=False).body["took"] for b in page)
            )
        cpu = (sum(node.cpu_times()[:2]) - started) * 1000 / len(bodies)
        out[name] = {
            "took_sum_ms": sb.percentiles(took),
            "es_cpu_ms_per_page": round(cpu, 1),
            "most_pages_per_s_on_2_cores": round(2000 / cpu, 1) if cpu else None,
        }
    out["load_after"] = sb._load()
    return out


def ordinals_cost(es: Elasticsearch, alias: str, rounds: int = 3) -> dict:
    """What `eager_global_ordinals` would move from the first search after a refresh to the
    refresh itself: the empty page's counts request with the facets under filter aggs (they
    read global ordinals), right after the fielddata cache (global ordinals) is cleared, and
    again with them loaded. Request cache off throughout."""
    from werkzeug.datastructures import MultiDict

    from webui import facets, query
    from webui.params import parse_search

    before = facets.TOP_LEVEL_TERMS
    facets.TOP_LEVEL_TERMS = False
    try:
        _, counts = query.split_page(query.build_search(parse_search(MultiDict()), None))
    finally:
        facets.TOP_LEVEL_TERMS = before
    cold, warm = [], []
    for _ in range(rounds):
        es.indices.clear_cache(index=alias, fielddata=True, request=True)
        cold.append(es.search(index=alias, body=counts, request_cache=False)["took"])
        warm.append(es.search(index=alias, body=counts, request_cache=False)["took"])
    return {"after_clearing_ordinals_took_ms": cold, "ordinals_loaded_took_ms": warm}


def rescore_check(
    es: Elasticsearch, es_url: str, alias: str, mix_params: list, windows: list[int], rounds: int
) -> dict:
    """The priors rescored (query.PRIORS_RESCORE) against the sorted function_score, per
    window (`ranking_check`)."""
    variants = {"sorted": {"PRIORS_RESCORE": False}}
    variants.update({f"rescored {w}": {"RESCORE_WINDOW": w} for w in windows})
    return ranking_check(es, es_url, alias, mix_params, variants, rounds)


def ranking_check(
    es: Elasticsearch, es_url: str, alias: str, mix_params: list, variants: dict, rounds: int
) -> dict:
    """Variants of webui.query's constants against the first: whether pages 1 and 2 of each
    relevance query are the same releases in the same order, and the node's CPU per page
    (process CPU time, less sensitive than latency to other work on a shared machine), the
    variants taking turns over `rounds` passes of the mix, the request cache cleared before
    each pass (every page a first sight)."""
    from urllib.parse import urlencode

    from webui import create_app, query

    app = create_app({"ES_URL": es_url, "OSCE_ALIAS": alias, "OSCE_RATE_LIMIT": "off"})
    client = app.test_client()
    node = sb.es_processes(es)[0]
    base = next(iter(variants))
    before = {name: getattr(query, name) for v in variants.values() for name in v}

    def ids(params: dict, page: int) -> list[str]:
        url = "/api/search?" + urlencode({**params, "page": page}, doseq=True)
        return [h["id"] for h in client.get(url).get_json()["hits"]]

    def use(name: str) -> None:
        for const, value in {**before, **variants[name]}.items():
            setattr(query, const, value)

    relevance = [p for p in mix_params if p["q"] and not p.get("sort")]
    pages: dict[str, list] = {}
    cpu_ms: dict[str, list[float]] = {name: [] for name in variants}
    try:
        for name in variants:
            use(name)
            pages[name] = [(ids(p, 1), ids(p, 2)) for p in relevance]
        for _ in range(rounds):
            for name in variants:
                use(name)
                es.indices.clear_cache(index=alias, request=True)  # each pass a first sight
                started = sum(node.cpu_times()[:2])
                for params in mix_params:
                    client.get("/api/search?" + urlencode(params, doseq=True))
                cpu_ms[name].append((sum(node.cpu_times()[:2]) - started) * 1000 / len(mix_params))
    finally:
        for const, value in before.items():
            setattr(query, const, value)
    out: dict = {"queries": len(relevance), "load": sb._load()}
    for name in variants:
        same = [pages[name][i] == pages[base][i] for i in range(len(relevance))]
        top = [
            len(set(pages[name][i][0]) & set(pages[base][i][0]))
            for i in range(len(relevance))
            if pages[base][i][0]
        ]
        out[name] = {
            "page_1_same": sum(a[0] == b[0] for a, b in zip(pages[name], pages[base], strict=True)),
            "pages_1_and_2_same": sum(same),
            "top_10_overlap_mean": round(sum(top) / len(top), 2),
            "es_cpu_ms_per_page": [round(x, 1) for x in cpu_ms[name]],
            "es_cpu_ms_per_page_median": round(sorted(cpu_ms[name])[len(cpu_ms[name]) // 2], 1),
        }
    return out


def _trio(d: dict) -> str:
    return "{p50:.0f} / {p95:.0f} / {p99:.0f}".format(**d) if d else "n/a"


def markdown(report: dict) -> str:
    """The lever table: one row per lever, in the order measured."""
    rows = [
        "| lever | what | first sight e2e p50 / p95 / p99 ms | repeats e2e p50 / p95 / p99 ms "
        "| repeats took p50 | empty query (repeats) ms | searches/s, 16 clients | CPU cores "
        "ES / web / wrk / others | ES requests per page |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for name, r in report["levers"].items():
        wrk = r.get("wrk16") or {}
        cpu = wrk.get("cpu") or {}
        cores = " / ".join(
            f"{cpu.get(k, 0):.2f}" for k in ("es_cores", "web_cores", "wrk_cores", "other_cores")
        )
        per_page = [len(row["es_requests"]) for row in r.get("profile", [])]
        pages = (
            f"{min(per_page)}-{max(per_page)} (mean {sum(per_page) / len(per_page):.1f})"
            if per_page
            else "n/a"
        )
        empty = r["repeats"]["by_kind_e2e_ms"].get("empty", {}).get("p50", 0)
        rows.append(
            f"| {name} | {r['what']} | {_trio(r['first_round']['e2e_ms'])} "
            f"| {_trio(r['repeats']['e2e_ms'])} | {r['repeats']['took_ms'].get('p50', 0):.0f} "
            f"| {empty:.0f} | {wrk.get('rps', 0):.1f} | {cores} | {pages} |"
        )
    return "\n".join(rows) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, default=1_000_000)
    parser.add_argument("--lever", action="append", help="names from LEVERS (default: all)")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--out", default=None)
    parser.add_argument("--ordinals", action="store_true", help="measure global ordinals' cost")
    parser.add_argument(
        "--rescore-check",
        type=int,
        action="append",
        metavar="WINDOW",
        help="compare the rescored pages with the sorted ones at these windows (and ES CPU)",
    )
    parser.add_argument(
        "--boosts-check",
        action="store_true",
        help="the phrase boosts rescored (query.BOOSTS_RESCORED) against them in the first pass",
    )
    parser.add_argument(
        "--page-costs",
        action="store_true",
        help="each page's searches re-sent with the request cache off: took per search, summed",
    )
    parser.add_argument(
        "--floor",
        type=int,
        metavar="PAGES",
        help="the least a page with an exact total costs, over this many never-seen queries",
    )
    args = parser.parse_args()
    es_url = discover_url()
    es = Elasticsearch(es_url, request_timeout=300)
    alias = f"osce-bench-{args.scale}"
    if sb.reusable(es, alias, args.scale) is None:
        raise SystemExit(f"build {alias} first: bench/search_bench.py --scale {args.scale} --reuse")
    out_path = Path(args.out or RESULTS / f"search-levers-{args.scale // 1000}k.json")
    report = json.loads(out_path.read_text()) if out_path.exists() else {"levers": {}}
    web = sb.Gunicorn(es_url, alias)
    try:
        facets = json.loads(sb._get(web.port, "/api/search"))["facets"]
        mix = sb.query_mix(facets)
    finally:
        web.stop()
    report["queries"] = [sb.path_for(p) for p in mix]
    segments = es.indices.segments(index=alias)["indices"]
    report["segments"] = sum(
        len(s[0]["segments"]) for idx in segments.values() for s in idx["shards"].values()
    )
    if args.ordinals:
        report["global_ordinals"] = ordinals_cost(es, alias)
        print(json.dumps(report["global_ordinals"]), flush=True)
        out_path.write_text(json.dumps(report, indent=1))
    if args.rescore_check:
        report["rescore_check"] = rescore_check(es, es_url, alias, mix, args.rescore_check, 3)
        print(json.dumps(report["rescore_check"]), flush=True)
        out_path.write_text(json.dumps(report, indent=1))
    if args.boosts_check:
        variants = {"boosts in the first pass": {"BOOSTS_RESCORED": False}, "boosts rescored": {}}
        report["boosts_check"] = ranking_check(es, es_url, alias, mix, variants, 3)
        print(json.dumps(report["boosts_check"]), flush=True)
        out_path.write_text(json.dumps(report, indent=1))
    if args.page_costs:
        report["page_costs"] = page_costs(es, es_url, alias, mix)
        print(json.dumps(report["page_costs"]["sum_ms"]), flush=True)
        out_path.write_text(json.dumps(report, indent=1))
    if args.floor:
        unseen = sb.unseen_mix(facets)[: args.floor]
        report["floor"] = floor(es, es_url, alias, unseen)
        print(json.dumps(report["floor"]), flush=True)
        out_path.write_text(json.dumps(report, indent=1))
    checks = (
        args.ordinals or args.rescore_check or args.boosts_check or args.page_costs or args.floor
    )
    for name in args.lever or ([] if checks else list(LEVERS)):
        what, overrides = LEVERS[name]
        print(f"lever: {name}", flush=True)
        started = time.monotonic()
        result = {
            "what": what,
            "overrides": overrides,
            **measure(es, es_url, alias, overrides, mix),
        }
        if args.profile:
            result["profile"] = profile(es, es_url, alias, mix, overrides)
        result["seconds"] = round(time.monotonic() - started, 1)
        report["levers"][name] = result
        out_path.write_text(json.dumps(report, indent=1))
        out_path.with_suffix(".table.md").write_text(markdown(report))
        brief = {k: result[k] for k in ("first_round", "repeats")}
        print(
            json.dumps({k: v["e2e_ms"] for k, v in brief.items()}),
            result["wrk16"].get("rps"),
            flush=True,
        )
    print(f"wrote {out_path}")


if __name__ == "__main__":
    main()
