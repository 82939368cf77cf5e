"""`python -m indexer reindex|index|rollback|status`: reports, dry runs, exit codes."""

from __future__ import annotations

import json

import pytest
from elasticsearch import Elasticsearch

from devtools import synth
from indexer import aliases, lock
from indexer.__main__ import EXIT_FAILED, EXIT_LOCKED, EXIT_UNUSABLE, main, progress_bar
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def extra(tmp_path_factory):
    out = tmp_path_factory.mktemp("extra")
    synth.write_corpus(out, 40, seed=9)
    (out / "nav_only.txt").write_text("-\nOur work\n-\nFields of work\n- Elections\n")
    return out


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_reindex_status_rollback_round_trip(es: Elasticsearch, es_url, make_alias, extra,
                                            tmp_path, capsys) -> None:  # fmt: skip
    alias = make_alias("osce-cli")
    common = ("--es-url", es_url, "--alias", alias)
    code, out, _ = run(capsys, "reindex", str(SEEDS), *common, "--workers", "1")
    assert code == 0
    first = aliases.alias_indices(es, alias)

    report_file = tmp_path / "report.json"
    code, out, err = run(capsys, "reindex", str(SEEDS), str(extra), *common,
                         "--report", str(report_file))  # fmt: skip
    assert code == 0
    # Not a terminal: one plain summary line, skips on stderr.
    assert out.count("\n") == 1 and out.startswith("43 indexed, 0 duplicates collapsed, 1 skipped")
    assert "skipped" in err and "nav_only.txt" in err
    report = json.loads(report_file.read_text())
    assert report["ok"] and (report["indexed"], report["duplicates"]) == (43, 0)
    assert report["skipped"][0]["reason"].startswith("no release found")
    assert report["seconds"] > 0 and report["docs_per_s"] > 0
    second = aliases.alias_indices(es, alias)

    code, out, _ = run(capsys, "status", *common, "--json")
    status = json.loads(out)
    assert status["index"] == second[0] and status["docs"] == 43
    assert status["mapping_version"] == status["code_mapping_version"]
    assert status["last_reindex"]["indexed"] == 43 and status["last_reindex"]["replaced"] == first
    assert status["rollback_to"] == first and status["lock"] is None
    code, out, _ = run(capsys, "status", *common)
    assert f"index:           {second[0]}" in out and "last reindex:" in out and "43 indexed" in out

    code, out, _ = run(capsys, "rollback", *common)
    assert code == 0 and f"rolled back from {second[0]} to {first[0]}" in out
    assert aliases.alias_indices(es, alias) == first and es.count(index=alias)["count"] == 3
    assert not es.indices.exists(index=second[0])
    code, _, err = run(capsys, "rollback", *common)
    assert code == EXIT_FAILED and "nothing to roll back to" in err


def test_dry_runs_write_nothing(es, es_url, make_alias, extra, tmp_path, capsys) -> None:
    alias = make_alias("osce-cli")
    common = ("--es-url", es_url, "--alias", alias, "--workers", "1")
    assert run(capsys, "index", str(SEEDS), *common)[0] == 0
    before = aliases.versioned_indices(es, alias)
    plan_file = tmp_path / "plan.json"
    code, out, _ = run(capsys, "reindex", str(extra), *common, "--dry-run",
                       "--report", str(plan_file))  # fmt: skip
    assert code == 0 and "dry run: would index 40 documents" in out
    plan = json.loads(plan_file.read_text())
    assert (plan["new"], plan["unchanged"], plan["removed"], plan["docs_after"]) == (40, 0, 3, 40)
    code, out, _ = run(capsys, "index", str(SEEDS), str(extra), *common, "--dry-run")
    assert code == 0 and "(40 new, 3 unchanged; 0 duplicates, 1 skipped)" in out
    assert aliases.versioned_indices(es, alias) == before
    assert es.count(index=alias)["count"] == 3


def test_index_upserts_and_records_it(es, es_url, make_alias, extra, capsys) -> None:
    alias = make_alias("osce-cli")
    common = ("--es-url", es_url, "--alias", alias)
    assert run(capsys, "index", str(SEEDS), *common, "--workers", "1")[0] == 0
    code, out, _ = run(capsys, "index", str(extra), *common, "--threads", "2")
    assert code == 0 and out.startswith("40 indexed")
    assert es.count(index=alias)["count"] == 43
    status = aliases.status(es, alias)
    assert status["last_index"]["indexed"] == 40 and status["last_reindex"] is None


def test_exit_codes(es, es_url, make_alias, capsys) -> None:
    alias = make_alias("osce-cli")
    common = ("--es-url", es_url, "--alias", alias, "--workers", "1")
    code, _, err = run(capsys, "reindex", str(SEEDS), "--es-url", "http://127.0.0.1:1",
                       "--alias", alias)  # fmt: skip
    assert code == EXIT_UNUSABLE and "not usable" in err
    assert run(capsys, "status", "--es-url", "http://127.0.0.1:1")[0] == EXIT_UNUSABLE
    with lock.AliasLock(es, alias).held():
        code, _, err = run(capsys, "reindex", str(SEEDS), *common)
        assert code == EXIT_LOCKED and "holds the lock" in err
        code, out, _ = run(capsys, "status", "--es-url", es_url, "--alias", alias)
        assert "lock:            held by reindex" in out
    code, _, err = run(capsys, "reindex", "/no/such/dir", *common)
    assert code == EXIT_FAILED and "empty index" in err
    assert aliases.alias_indices(es, alias) == []


def test_progress_bar_on_a_terminal(capsys) -> None:
    with progress_bar(400, enabled=True) as update:
        for _ in range(400):
            update(1, 1)
    err = capsys.readouterr().err
    assert "400/400" in err and "file" in err and "docs/s" in err
    with progress_bar(10, enabled=False) as update:
        assert update is None


def test_min_ratio_guard_from_the_command_line(es, es_url, make_alias, extra, capsys) -> None:
    alias = make_alias("osce-cli")
    common = ("--es-url", es_url, "--alias", alias, "--workers", "1")
    assert run(capsys, "reindex", str(extra), *common)[0] == 0
    code, _, err = run(capsys, "reindex", str(SEEDS), *common, "--min-ratio", "0.5")
    assert code == EXIT_FAILED and "fewer than 50% of the live 40" in err
    assert es.count(index=alias)["count"] == 40
    assert run(capsys, "reindex", str(SEEDS), *common)[0] == 0  # off by default: the contract
    assert es.count(index=alias)["count"] == 3


def test_rebuild_from_the_live_index(es, es_url, make_alias, extra, capsys) -> None:
    """After an analyzer change: same documents, new index, nothing parsed again."""
    alias = make_alias("osce-cli")
    common = ("--es-url", es_url, "--alias", alias)
    code, _, err = run(capsys, "reindex", "--from-live", *common)
    assert code == EXIT_FAILED and "nothing to rebuild from" in err
    assert run(capsys, "reindex", str(SEEDS), str(extra), *common, "--workers", "1")[0] == 0
    before = aliases.alias_indices(es, alias)
    ids = sorted(h["_id"] for h in es.search(index=alias, size=100, source=False)["hits"]["hits"])
    code, out, _ = run(capsys, "reindex", "--from-live", *common)
    assert code == 0 and out.startswith("43 indexed")
    assert aliases.alias_indices(es, alias) != before
    after = sorted(h["_id"] for h in es.search(index=alias, size=100, source=False)["hits"]["hits"])
    assert after == ids
    status = aliases.status(es, alias)
    assert status["last_reindex"]["sources"] == [f"{alias} (--from-live)"]
    assert run(capsys, "reindex", str(SEEDS), "--from-live", *common)[0] == 1
