"""Search benchmarks at scale, side by side with SQLite FTS5 (issue 9).

For each scale: generate (cached) synthetic releases, reindex them, serve the API with gunicorn,
measure Elasticsearch `took` and end-to-end `/api/search` latency for a fixed query mix, requests/s
under concurrent clients (wrk on loopback), memory, and the same mix on SQLite FTS5.
Results: bench/results/search-<N>.json, PNG plots, and the table in bench/README.md.

    python bench/search_bench.py --scale 10000 --scale 100000
    python bench/search_bench.py --scale 1000000 --reuse --no-peer   # iterate on a built index

`--reuse` keeps the benchmark's index between runs (a 1M build costs minutes of both cores): it
is used when its alias holds the scale's count at the code's mapping version, else rebuilt.
`--no-peer` skips the SQLite rebuild and carries the peer's figures over from the last results
file, marked as such.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

import psutil
from elasticsearch import Elasticsearch

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import index_bench, peer_sqlite  # noqa: E402
from core import schema  # noqa: E402
from esnode import discover_url  # noqa: E402
from indexer.bulk import parse_all  # noqa: E402

RESULTS = ROOT / "bench" / "results"
PY = sys.executable

ONE_WORD = ["elections", "Ukraine", "trafficking", "ceasefire", "journalists", "police"]
MULTI_WORD = [
    "media freedom",
    "border management training",
    "election observation mission",
    "human rights defenders",
    "national minorities education",
]
PHRASES = ['"election observation"', '"rule of law"', '"freedom of expression"']
MISSPELLED = ["electons", "trafficing", "tajikstan", "journalsts", "cesefire"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def percentiles(values: list[float]) -> dict:
    if not values:
        return {}
    ordered = sorted(values)

    def pct(p: float) -> float:
        return round(ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))], 2)

    return {
        "p50": pct(50),
        "p95": pct(95),
        "p99": pct(99),
        "mean": round(statistics.mean(values), 2),
        "n": len(values),
    }


def corpus(n: int) -> Path:
    """The synthetic releases `make bench-index` uses (generated once per machine)."""
    return index_bench.corpus(n, seed=0)[0]


def reindex(es_url: str, alias: str, path: Path, embeddings: str = "off") -> dict:
    with tempfile.NamedTemporaryFile(suffix=".json") as rep:
        started = time.monotonic()
        subprocess.run(
            [
                PY,
                "-m",
                "indexer",
                "reindex",
                str(path),
                "--alias",
                alias,
                "--es-url",
                es_url,
                "--report",
                rep.name,
                "--embeddings",
                embeddings,
            ],
            check=True,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
        )
        wall = time.monotonic() - started
        report = json.loads(Path(rep.name).read_text())
    return {
        "indexed": report["indexed"],
        "seconds": round(wall, 2),
        "docs_per_s": round(report["indexed"] / wall, 1),
        "embeddings": embeddings,
    }


BUILDS = ROOT / ".cache" / "bench-search"


def reusable(es: Elasticsearch, alias: str, n: int) -> dict | None:
    """The build figures of the alias's index when it holds n releases at the code's mapping
    version (recorded by the run that built it), else None."""
    record = BUILDS / f"{alias}.json"
    try:
        (index,) = es.indices.get_alias(name=alias).keys()
    except Exception:  # no alias (NotFoundError), or several indices behind it
        return None
    meta = es.indices.get_mapping(index=index)[index]["mappings"].get("_meta") or {}
    if meta.get("mapping_version") != schema.MAPPING_VERSION or not record.exists():
        return None
    if es.count(index=alias)["count"] != n:
        return None
    built = json.loads(record.read_text())
    return built if built.get("index") == index else None


def build(es: Elasticsearch, es_url: str, alias: str, path: Path, embeddings: str) -> dict:
    """Reindex and record which index the figures belong to (for `--reuse`)."""
    figures = reindex(es_url, alias, path, embeddings)
    (index,) = es.indices.get_alias(name=alias).keys()
    BUILDS.mkdir(parents=True, exist_ok=True)
    (BUILDS / f"{alias}.json").write_text(json.dumps({**figures, "index": index}))
    return figures


def query_mix(facets: dict) -> list[dict]:
    """The fixed mix: words, phrases, misspellings, 1–3 facet filters, date range, date sort."""
    top = {k: [v["value"] for v in facets.get(k, [])] for k in facets}
    fow, country, source, year = (
        top.get(k) or [""] for k in ("fields_of_work", "country", "source", "year")
    )
    mix: list[dict] = [{"q": q} for q in ONE_WORD + MULTI_WORD + PHRASES + MISSPELLED]
    mix += [
        {"q": "elections", "fields_of_work": [fow[0]]},
        {"q": "training", "country": country[:2]},
        {"q": "cooperation", "fields_of_work": [fow[0]], "country": [country[0]]},
        {
            "q": "security",
            "fields_of_work": fow[:2],
            "country": [country[-1]],
            "source": [source[0]],
        },
        {"q": "ceasefire", "from": "2014-01-01", "to": "2016-12-31"},
        {"q": "media", "from": "2020-01-01"},
        {"q": "elections", "sort": "newest"},
        {"q": "human rights", "sort": "oldest", "year": [year[0]]},
        {"q": ""},
        {"q": "", "country": [country[1 % len(country)]], "sort": "newest"},
    ]
    return mix


def unseen_mix(facets: dict, size: int = 2000) -> list[dict]:
    """Queries a run sees once each (no request cache to answer them): two words of the mix's
    vocabulary and the corpus' top countries, every pair in both orders, some under a facet
    filter, in a fixed shuffled order: the first sight of searches, under load."""
    import random

    words = sorted(
        {w.strip('"').lower() for q in ONE_WORD + MULTI_WORD + PHRASES for w in q.split()}
        - {"of", "the"}
    )
    words += [v["value"] for v in facets.get("country", [])[:20]]
    fow = [v["value"] for v in facets.get("fields_of_work", [])[:3]]
    pairs = [(a, b) for a in words for b in words if a != b]
    random.Random(0).shuffle(pairs)
    mix: list[dict] = []
    for i, (a, b) in enumerate(pairs[:size]):
        params: dict = {"q": f"{a} {b}"}
        if fow and i % 4 == 3:
            params["fields_of_work"] = [fow[i % len(fow)]]
        mix.append(params)
    return mix


def path_for(params: dict) -> str:
    return "/api/search?" + urlencode(params, doseq=True)


class Gunicorn:
    """The web UI under gunicorn on loopback, as it would be deployed."""

    def __init__(
        self,
        es_url: str,
        alias: str,
        workers: int = 2,
        threads: int = 4,
        app: str = "webui:create_app()",
    ) -> None:
        self.port = _free_port()
        env = {**os.environ, "ES_URL": es_url, "OSCE_ALIAS": alias, "OSCE_RATE_LIMIT": "off"}
        self.proc = subprocess.Popen(
            [
                PY,
                "-m",
                "gunicorn",
                "-w",
                str(workers),
                "--threads",
                str(threads),
                "-b",
                f"127.0.0.1:{self.port}",
                "--log-level",
                "warning",
                app,
            ],
            cwd=ROOT,
            env=env,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                conn.request("GET", "/healthz")
                if conn.getresponse().status == 200:
                    return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("gunicorn did not start")

    def processes(self) -> list[psutil.Process]:
        parent = psutil.Process(self.proc.pid)
        return [parent, *parent.children()]

    def worker_rss_mb(self) -> list[float]:
        parent = psutil.Process(self.proc.pid)
        return [round(c.memory_info().rss / 2**20, 1) for c in parent.children()]

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=30)


def latency(port: int, mix: list[dict], rounds: int) -> dict:
    """Sequential requests over one keep-alive connection: end-to-end and `took` per request.
    One round of the mix is the first sight of each query (cold caches); more, the repeats."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    e2e, took, overhead, errors = [], [], [], 0
    per_kind: dict[str, list[float]] = {}
    for _ in range(rounds):
        for params in mix:
            started = time.perf_counter()
            conn.request("GET", path_for(params))
            resp = conn.getresponse()
            body = resp.read()
            ms = (time.perf_counter() - started) * 1000
            if resp.status != 200:
                errors += 1
                continue
            data = json.loads(body)
            e2e.append(ms)
            took.append(data["took_ms"])
            overhead.append(ms - data["took_ms"])
            kind = "facets" if len(params) > 1 else ("empty" if not params["q"] else "text")
            per_kind.setdefault(kind, []).append(ms)
    return {
        "e2e_ms": percentiles(e2e),
        "took_ms": percentiles(took),
        "overhead_ms": percentiles(overhead),
        "errors": errors,
        "by_kind_e2e_ms": {k: percentiles(v) for k, v in per_kind.items()},
    }


#: wrk's two threads take turns through the paths (thread 0 the even ones, thread 1 the odd):
#: a list of queries never seen is then asked once each, not once per thread.
WRK_LUA = """
local paths = {%s}
local threads = 0
setup = function(thread)
  thread:set("id", threads)
  threads = threads + 1
end
local i = -1
request = function()
  i = i + 1
  return wrk.format("GET", paths[((i * 2 + id) %% #paths) + 1])
end
done = function(s, latency, requests)
  local e = s.errors
  io.write(string.format('WRKJSON {"requests": %%d, "duration_us": %%d, "errors": %%d, ' ..
    '"non2xx": %%d, "p50_ms": %%.2f, "p95_ms": %%.2f, "p99_ms": %%.2f}\\n', s.requests, s.duration,
    e.connect + e.read + e.write + e.timeout, e.status, latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
"""


class CpuMeter:
    """CPU seconds and disk reads of the processes under load, and of the whole machine (the
    rest is other work on a shared machine): what limits a throughput figure."""

    def __init__(self, procs: dict[str, list[psutil.Process]]) -> None:
        self.procs = procs
        self.before = self._sample()

    def _sample(self) -> dict:
        out: dict = {"time": time.monotonic(), "machine": psutil.cpu_times()}
        for name, group in self.procs.items():
            cpu, reads = 0.0, 0
            for proc in group:
                try:
                    t = proc.cpu_times()
                    cpu += t.user + t.system
                    reads += proc.io_counters().read_bytes
                except psutil.Error:
                    continue
            out[name] = (cpu, reads)
        return out

    def result(self) -> dict:
        after = self._sample()
        wall = after["time"] - self.before["time"]
        m0, m1 = self.before["machine"], after["machine"]
        busy = (sum(m1) - m1.idle - m1.iowait) - (sum(m0) - m0.idle - m0.iowait)
        out: dict = {"wall_s": round(wall, 2), "cores": os.cpu_count()}
        out["machine_busy_cores"] = round(busy / wall, 2)
        out["iowait_cores"] = round((m1.iowait - m0.iowait) / wall, 2)
        for name in self.procs:
            cpu = after[name][0] - self.before[name][0]
            out[f"{name}_cores"] = round(cpu / wall, 2)
            out[f"{name}_read_mb_s"] = round(
                (after[name][1] - self.before[name][1]) / wall / 2**20, 2
            )
        ours = sum(out[f"{name}_cores"] for name in self.procs)
        out["other_cores"] = round(max(0.0, out["machine_busy_cores"] - ours), 2)
        return out


def es_processes(es: Elasticsearch) -> list[psutil.Process]:
    """The node's JVM, when it runs on this machine (its pid from the nodes info API)."""
    out = []
    for node in es.nodes.info(metric="process")["nodes"].values():
        try:
            out.append(psutil.Process(node["process"]["id"]))
        except (psutil.Error, KeyError):
            continue
    return out


def throughput(
    port: int,
    mix: list[dict],
    connections: int,
    seconds: int,
    procs: dict[str, list[psutil.Process]] | None = None,
) -> dict:
    """Requests/s with N concurrent clients (wrk, loopback only, bounded in time), and the CPU
    of each process meanwhile (`procs`: name -> processes; wrk's own is added)."""
    if not shutil.which("wrk"):
        return {"skipped": "wrk is not installed (apt-get install wrk)"}
    paths = ",".join(json.dumps(path_for(p)) for p in mix)
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as lua:
        lua.write(WRK_LUA % paths)
    wrk = subprocess.Popen(
        [
            "wrk",
            "-t",
            "2",
            "-c",
            str(connections),
            "-d",
            f"{seconds}s",
            "--timeout",
            "10s",
            "-s",
            lua.name,
            f"http://127.0.0.1:{port}",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    meter = CpuMeter({**(procs or {}), "wrk": [psutil.Process(wrk.pid)]})
    time.sleep(max(0.0, seconds - 0.5))
    cpu = meter.result()  # before wrk exits (its own CPU is read while it lives)
    stdout, stderr = wrk.communicate(timeout=seconds + 60)
    os.unlink(lua.name)
    line = next((x for x in stdout.splitlines() if x.startswith("WRKJSON ")), None)
    if not line:
        return {"error": stdout[-500:] + stderr[-500:]}
    data = json.loads(line[len("WRKJSON ") :])
    data["rps"] = round(data["requests"] / (data["duration_us"] / 1e6), 1)
    data["connections"] = connections
    data["cpu"] = cpu
    return data


def es_memory(es: Elasticsearch, alias: str) -> dict:
    stats = es.nodes.stats(metric="jvm")["nodes"]
    heap = [n["jvm"]["mem"] for n in stats.values()]
    store = es.indices.stats(index=alias, metric="store")["_all"]["primaries"]["store"]
    return {
        "heap_used_mb": round(sum(h["heap_used_in_bytes"] for h in heap) / 2**20, 1),
        "heap_max_mb": round(sum(h["heap_max_in_bytes"] for h in heap) / 2**20, 1),
        "index_size_bytes": store["size_in_bytes"],
    }


def peer(path: Path, mix: list[dict], rounds: int, work: Path) -> dict:
    db_path = work / "peer.db"
    build = peer_sqlite.build(db_path, parse_all([path]))
    conn = sqlite3.connect(db_path)
    times = []
    for _ in range(rounds):
        for params in mix:
            started = time.perf_counter()
            peer_sqlite.search(conn, params)
            times.append((time.perf_counter() - started) * 1000)
    conn.close()
    return {**build, "latency_ms": percentiles(times)}


def _run_label() -> str:
    """When and on which commit (dirty or not) a run was made."""
    rev = subprocess.run(
        ["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    return f"{time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC, {rev or 'unknown commit'}"


def _load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def run_scale(
    n: int,
    rounds: int,
    wrk_seconds: int,
    reuse: bool = False,
    with_peer: bool = True,
    embeddings: str = "off",
) -> dict:
    es_url = discover_url()
    es = Elasticsearch(es_url, request_timeout=300)
    alias = f"osce-bench-{n}"
    path = corpus(n)
    result: dict = {"scale": n, "es_url": es_url, "cores": os.cpu_count(), "run": _run_label()}
    result["load_before"] = _load()
    built = reusable(es, alias, n) if reuse else None
    if built:
        print(f"[{n}] reusing {built['index']}", flush=True)
        result["index"] = {**{k: v for k, v in built.items() if k != "index"}, "reused": True}
    else:
        print(f"[{n}] reindex", flush=True)
        result["index"] = build(es, es_url, alias, path, embeddings)
    es.indices.clear_cache(index=alias, request=True)  # the first round sees every query anew
    web = Gunicorn(es_url, alias)
    try:
        facets = json.loads(_get(web.port, "/api/search"))["facets"]
        mix = query_mix(facets)
        result["queries"] = [path_for(p) for p in mix]
        # The first sight of each query (cold request cache), then the repeats a running
        # service sees for its popular queries.
        print(f"[{n}] first round, then latency ({rounds} rounds of {len(mix)})", flush=True)
        result["latency_first_round"] = latency(web.port, mix, 1)
        result["latency"] = latency(web.port, mix, rounds)
        procs = {"es": es_processes(es), "web": web.processes()}
        result["throughput"] = [throughput(web.port, mix, c, wrk_seconds, procs) for c in (4, 16)]
        # The same load of queries never seen before (each asked once: the request cache
        # cannot answer), what a first sight costs when 16 clients search at once.
        es.indices.clear_cache(index=alias, request=True)
        unseen = unseen_mix(facets)
        result["throughput_unseen"] = throughput(web.port, unseen, 16, wrk_seconds, procs)
        result["throughput_unseen"]["queries"] = len(unseen)
        result["memory"] = {**es_memory(es, alias), "web_worker_rss_mb": web.worker_rss_mb()}
    finally:
        web.stop()
    result["load_after"] = _load()
    if with_peer:
        print(f"[{n}] sqlite fts5 peer", flush=True)
        with tempfile.TemporaryDirectory() as work:
            result["peer_sqlite"] = peer(path, mix, rounds, Path(work))
    else:
        result["peer_sqlite"] = earlier_peer(n)
    if not reuse:
        es.indices.delete(index=f"{alias}-*", ignore_unavailable=True)
    return result


def earlier_peer(n: int) -> dict:
    """The SQLite figures of the last results file at this scale, marked as carried over."""
    out = RESULTS / f"search-{n}.json"
    before = json.loads(out.read_text()).get("peer_sqlite") if out.exists() else None
    if not before:
        return {"skipped": "--no-peer and no earlier run"}
    return {**before, "carried_over": "from an earlier run (--no-peer)"}


def _get(port: int, path: str) -> bytes:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", path)
    return conn.getresponse().read()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, action="append")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--wrk-seconds", type=int, default=15)
    parser.add_argument(
        "--reuse", action="store_true", help="keep the index; reuse it when it fits (see above)"
    )
    parser.add_argument("--no-peer", action="store_true", help="skip the SQLite FTS5 peer")
    parser.add_argument(
        "--embeddings", choices=("on", "off"), default="off", help="vectors in the built index"
    )
    args = parser.parse_args()
    scales = args.scale or [
        int(s) for s in os.environ.get("BENCH_SCALE", "10000,100000").split(",")
    ]
    RESULTS.mkdir(parents=True, exist_ok=True)
    for n in scales:
        result = run_scale(
            n, args.rounds, args.wrk_seconds, args.reuse, not args.no_peer, args.embeddings
        )
        out = RESULTS / f"search-{n}.json"
        out.write_text(json.dumps(result, indent=2))
        print(
            json.dumps(
                {k: result[k] for k in ("index", "latency", "throughput", "memory")}, indent=1
            ),
            flush=True,
        )
        print(f"wrote {out}")


if __name__ == "__main__":
    main()
