"""Turn bench/results/*.json into PNG plots and the table in bench/README.md.

python bench/report.py
"""

from __future__ import annotations

import json
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
README = ROOT / "bench" / "README.md"
MARK_START, MARK_END = "<!-- results:start -->", "<!-- results:end -->"


def _load(name: str) -> dict | None:
    path = RESULTS / name
    return json.loads(path.read_text()) if path.exists() else None


def _scales() -> list[dict]:
    found = [json.loads(p.read_text()) for p in RESULTS.glob("search-[0-9]*.json")]
    return sorted(found, key=lambda r: r["scale"])


def plot_latency(scales: list[dict]) -> Path:
    fig, ax = plt.subplots(figsize=(8, 4.5))
    labels = [f"{r['scale']:,}" for r in scales]
    series = {
        "API end-to-end p50": [r["latency"]["e2e_ms"]["p50"] for r in scales],
        "API end-to-end p99": [r["latency"]["e2e_ms"]["p99"] for r in scales],
        "API first sight p50": [
            r.get("latency_first_round", r["latency"])["e2e_ms"]["p50"] for r in scales
        ],
        "ES took p50": [r["latency"]["took_ms"]["p50"] for r in scales],
        "SQLite FTS5 p50": [r["peer_sqlite"]["latency_ms"]["p50"] for r in scales],
        "SQLite FTS5 p99": [r["peer_sqlite"]["latency_ms"]["p99"] for r in scales],
    }
    width = 0.8 / len(series)
    for i, (name, values) in enumerate(series.items()):
        xs = [j + i * width for j in range(len(scales))]
        ax.bar(xs, values, width, label=name)
    ax.set_xticks([j + 0.4 - width / 2 for j in range(len(scales))], labels)
    ax.set_xlabel("releases indexed")
    ax.set_yscale("log")
    ax.set_ylabel("ms, log scale (lower is better)")
    ax.set_title("Search latency: query mix with highlights and all facets")
    ax.legend(fontsize=8)
    out = RESULTS / "latency.png"
    fig.tight_layout()
    fig.savefig(out, dpi=110)
    plt.close(fig)
    return out


def limit(r: dict) -> str:
    """What limits a scale's throughput, from the CPU and disk measured under 16 clients."""
    runs = [t for t in r.get("throughput", []) if "cpu" in t]
    if not runs:
        return "not measured (run before CPU metering)"
    c = runs[-1]["cpu"]
    cores = c.get("cores") or 2
    names = [
        n[: -len("_cores")] for n in c if n.endswith("_cores") and n[:-6] in ("es", "web", "wrk")
    ]
    used = {n: c[f"{n}_cores"] for n in names}
    split = ", ".join(f"{n} {v:.2f}" for n, v in used.items()) + f", others {c['other_cores']:.2f}"
    heap = r["memory"]["heap_used_mb"] / r["memory"]["heap_max_mb"]
    if c.get("iowait_cores", 0) > 0.2 or c.get("es_read_mb_s", 0) > 20:
        why = f"disk (ES reads {c.get('es_read_mb_s', 0):.0f} MB/s, iowait {c['iowait_cores']:.2f})"
    elif c["machine_busy_cores"] >= 0.85 * cores:
        top = max(used, key=used.get)
        label = {"es": "Elasticsearch", "web": "the gunicorn workers", "wrk": "the load client"}
        why = f"CPU of {label.get(top, top)}"
    elif heap > 0.85:
        why = "ES heap"
    else:
        why = "not saturated (waits: threads, round trips)"
    return f"{why}; cores busy: {split} of {cores}; heap {heap:.0%}"


def plot_throughput(scales: list[dict]) -> Path:
    fig, (ax, size_ax) = plt.subplots(1, 2, figsize=(11, 4))
    with_rps = [r for r in scales if any("rps" in t for t in r["throughput"])]
    size_ax.plot(
        [r["scale"] for r in with_rps],
        [max(t.get("rps", 0) for t in r["throughput"]) for r in with_rps],
        marker="o",
    )
    size_ax.set_xscale("log")
    size_ax.set_xlabel("releases indexed (log)")
    size_ax.set_ylabel("searches/s, best of 4 / 16 clients")
    size_ax.set_title("Throughput vs corpus size")
    for r in scales:
        runs = [t for t in r["throughput"] if "rps" in t]
        ax.plot(
            [t["connections"] for t in runs],
            [t["rps"] for t in runs],
            marker="o",
            label=f"{r['scale']:,} releases",
        )
    ax.set_xlabel("concurrent clients (wrk)")
    ax.set_ylabel("searches/s")
    ax.set_title("Throughput under gunicorn (2 workers x 4 threads), 2 cores")
    ax.legend()
    out = RESULTS / "throughput.png"
    fig.tight_layout()
    fig.savefig(out, dpi=110)
    plt.close(fig)
    return out


def plot_index(index: dict) -> Path:
    names, values = [], []
    for label, key in (
        ("raw _bulk (baseline)", "baseline_docs_per_s"),
        ("reindex from files", "reindex"),
        ("reindex pre-parsed", "reindex_pre_parsed"),
        ("reindex --from-live", "reindex_from_live"),
    ):
        value = _docs_per_s(index, key)
        if value:
            names.append(label)
            values.append(value)
    fig, ax = plt.subplots(figsize=(7, 4))
    ax.barh(names, values, color="#2c6fab")
    for y, v in enumerate(values):
        ax.text(v, y, f" {v:,.0f}", va="center")
    ax.set_xlabel("documents/s (higher is better)")
    ax.set_title(f"Indexing {index.get('count', 0):,} synthetic releases, 2 cores")
    out = RESULTS / "index.png"
    fig.tight_layout()
    fig.savefig(out, dpi=110)
    plt.close(fig)
    return out


def _docs_per_s(index: dict, key: str) -> float | None:
    value = index.get(key)
    if isinstance(value, dict):
        return value.get("docs_per_s") or value.get("mean_docs_per_s")
    return value if isinstance(value, int | float) else None


def table(scales: list[dict], index: dict | None, rel: dict | None) -> str:
    rows = [
        "| figure | " + " | ".join(f"{r['scale']:,}" for r in scales) + " |",
        "|---|" + "---|" * len(scales),
    ]

    def row(name: str, fn) -> None:
        rows.append(f"| {name} | " + " | ".join(fn(r) for r in scales) + " |")

    row("reindex (docs/s)", lambda r: f"{r['index']['docs_per_s']:,.0f}")
    row(
        "ES `took` p50 / p95 / p99 (ms)",
        lambda r: "{p50:.0f} / {p95:.0f} / {p99:.0f}".format(**r["latency"]["took_ms"]),
    )
    row(
        "`/api/search` end-to-end p50 / p95 / p99 (ms)",
        lambda r: "{p50:.1f} / {p95:.1f} / {p99:.1f}".format(**r["latency"]["e2e_ms"]),
    )
    row(
        "first sight of each query p50 / p95 / p99 (ms)",
        lambda r: (
            "{p50:.1f} / {p95:.1f} / {p99:.1f}".format(**r["latency_first_round"]["e2e_ms"])
            if "latency_first_round" in r
            else "n/a"
        ),
    )
    row(
        "empty query p50 (ms)",
        lambda r: f"{r['latency']['by_kind_e2e_ms'].get('empty', {}).get('p50', 0):.1f}",
    )
    row("web overhead p50 (ms)", lambda r: f"{r['latency']['overhead_ms']['p50']:.1f}")
    row(
        "searches/s, 4 / 16 clients",
        lambda r: " / ".join(f"{t.get('rps', 0):.0f}" for t in r["throughput"]),
    )
    row(
        "searches/s, 16 clients, queries never seen (p50 / p99 ms)",
        lambda r: (
            "{rps:.0f} ({p50_ms:.0f} / {p99_ms:.0f})".format(**r["throughput_unseen"])
            if "rps" in r.get("throughput_unseen", {})
            else "n/a"
        ),
    )
    row("what limits it (16 clients)", limit)
    row("run", lambda r: r.get("run", "2026-11-23 (before issue 18)"))
    row(
        "errors (sequential + load)",
        lambda r: str(
            r["latency"]["errors"]
            + sum(t.get("errors", 0) + t.get("non2xx", 0) for t in r["throughput"])
        ),
    )
    row(
        "ES heap used / max (MB)",
        lambda r: "{heap_used_mb:.0f} / {heap_max_mb:.0f}".format(**r["memory"]),
    )
    row("index size (MB)", lambda r: f"{r['memory']['index_size_bytes'] / 2**20:.0f}")
    row(
        "web worker RSS (MB)",
        lambda r: ", ".join(f"{m:.0f}" for m in r["memory"]["web_worker_rss_mb"]),
    )
    row(
        "SQLite FTS5: build (s)",
        lambda r: (
            f"{r['peer_sqlite']['build_s']:.1f}"
            + (" *" if "carried_over" in r["peer_sqlite"] else "")
        ),
    )
    row("SQLite FTS5: size (MB)", lambda r: f"{r['peer_sqlite']['size_bytes'] / 2**20:.0f}")
    row(
        "SQLite FTS5: latency p50 / p95 / p99 (ms)",
        lambda r: "{p50:.1f} / {p95:.1f} / {p99:.1f}".format(**r["peer_sqlite"]["latency_ms"]),
    )
    out = "\n".join(rows)
    if any("carried_over" in r["peer_sqlite"] for r in scales):
        out += "\n\n\\* SQLite figures carried over from an earlier run (`--no-peer`)."
    if rel:
        out += (
            "\n\nRelevance on the judged set of `eval/` (46 releases, 34 queries):\n\n"
            "| system | nDCG@10 | MRR | P@5 | Recall@100 |\n|---|---|---|---|---|\n"
        )
        for name, mean in (
            ("ours", rel["ours_mean"]),
            ("vanilla ES baseline", rel["baseline_mean"]),
            ("SQLite FTS5 peer", rel["mean"]),
        ):
            out += (
                f"| {name} | "
                + " | ".join(f"{mean[m]:.3f}" for m in ("nDCG@10", "MRR", "P@5", "Recall@100"))
                + " |\n"
            )
    return out


def main() -> None:
    scales = _scales()
    index = _load("index.json")
    rel = _load("relevance-peer.json")
    plots = []
    if scales:
        plots += [plot_latency(scales), plot_throughput(scales)]
    if index:
        try:
            plots.append(plot_index(index))
        except (KeyError, TypeError) as exc:
            print(f"index plot skipped: {exc}")
    body = table(scales, index, rel) if scales else "(no search results yet: run `make bench`)"
    body += "\n\nPlots: " + ", ".join(f"`{p.relative_to(ROOT)}`" for p in plots)
    text = README.read_text() if README.exists() else f"# Benchmarks\n\n{MARK_START}\n{MARK_END}\n"
    start, end = text.index(MARK_START) + len(MARK_START), text.index(MARK_END)
    README.write_text(text[:start] + "\n" + body + "\n" + text[end:])
    print(body)


if __name__ == "__main__":
    main()
