"""docker-compose.yml, the Dockerfiles and .env.example, validated without a Docker engine.

When a compose CLI is installed (`docker compose` or `docker-compose`), its own `config` check runs
too; the structural checks below always run: every Dockerfile, build context, copied path and
mounted folder exists, health checks gate start-up order, ports stay on loopback, settings come
from .env.example, versions match the local node's.
"""

from __future__ import annotations

import fnmatch
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import dockerfile
import pytest
import yaml

from core import schema
from esnode.config import ES_VERSION

ROOT = Path(__file__).resolve().parent.parent
COMPOSE_FILE = ROOT / "docker-compose.yml"
ENV_EXAMPLE = ROOT / ".env.example"
PLUGIN_ZIP = f"analysis-plugin/target/osce-analysis-{ES_VERSION}.zip"

#: The compose specification's keys we may use (top level and per service).
TOP_LEVEL_KEYS = {"version", "name", "services", "volumes", "networks", "secrets", "configs"}
SERVICE_KEYS = {
    "build", "image", "command", "entrypoint", "environment", "env_file", "ports", "volumes",
    "depends_on", "healthcheck", "restart", "ulimits", "networks", "user", "working_dir",
    "container_name", "labels", "mem_limit", "profiles", "pull_policy", "stop_grace_period",
}  # fmt: skip
HEALTHCHECK_KEYS = {"test", "interval", "timeout", "retries", "start_period", "start_interval"}
CONDITIONS = {"service_started", "service_healthy", "service_completed_successfully"}
VAR = re.compile(r"\$\{([A-Z_][A-Z0-9_]*)(?::?-([^}]*))?\}")


def env_example() -> dict[str, str]:
    values = {}
    for line in ENV_EXAMPLE.read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            key, _, value = line.partition("=")
            values[key.strip()] = value.strip()
    return values


def interpolate(text: str, env: dict[str, str]) -> str:
    return VAR.sub(lambda m: env.get(m.group(1), m.group(2) or ""), text)


@pytest.fixture(scope="module")
def compose() -> dict:
    data = yaml.safe_load(interpolate(COMPOSE_FILE.read_text(), env_example()))
    assert isinstance(data, dict)
    return data


@pytest.fixture(scope="module")
def services(compose) -> dict[str, dict]:
    return {name: spec for name, spec in compose["services"].items()}


def compose_cli() -> list[str] | None:
    """`docker compose` when the plugin is installed, else `docker-compose`, else None."""
    if shutil.which("docker"):
        probe = subprocess.run(["docker", "compose", "version"], capture_output=True, timeout=30)
        if probe.returncode == 0:
            return ["docker", "compose"]
    if shutil.which("docker-compose"):
        return ["docker-compose"]
    return None


def test_compose_cli_accepts_the_file():
    cli = compose_cli()
    if cli is None:
        pytest.skip("no compose CLI here; the structural checks below still run")
    done = subprocess.run(
        [*cli, "--env-file", str(ENV_EXAMPLE), "-f", str(COMPOSE_FILE), "config", "-q"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr


def test_structure_follows_the_compose_spec(compose, services):
    assert set(compose) - {k for k in compose if k.startswith("x-")} <= TOP_LEVEL_KEYS
    assert set(services) == {
        "elasticsearch", "kibana", "indexer", "kibana-setup", "webui", "redis",
    }  # fmt: skip
    for name, spec in services.items():
        assert isinstance(spec, dict), name
        assert set(spec) <= SERVICE_KEYS, f"{name}: unknown keys {set(spec) - SERVICE_KEYS}"
        assert "image" in spec or "build" in spec, name
        if "healthcheck" in spec:
            check = spec["healthcheck"]
            assert set(check) <= HEALTHCHECK_KEYS and check["test"][0] in {"CMD", "CMD-SHELL"}
        for key in ("environment",):
            assert isinstance(spec.get(key, {}), dict), f"{name}.{key} must be a mapping"


def test_every_build_context_and_dockerfile_exists(services):
    built = {n: s["build"] for n, s in services.items() if "build" in s}
    assert {"elasticsearch", "webui", "indexer"} <= set(built)
    for name, build in built.items():
        context = (ROOT / build["context"]).resolve()
        assert context.is_dir(), f"{name}: no build context {context}"
        assert (context / build["dockerfile"]).is_file(), f"{name}: no {build['dockerfile']}"


def instructions(path: Path) -> list[dockerfile.Command]:
    """The Dockerfile as Docker's own (Go) parser reads it: a syntax error fails here."""
    return list(dockerfile.parse_file(str(path)))


def dockerfile_copies(path: Path) -> list[str]:
    """Sources of every COPY, with ARG defaults substituted."""
    commands = instructions(path)
    args = dict(c.value[0].split("=", 1) for c in commands if c.cmd == "ARG" and "=" in c.value[0])
    return [
        re.sub(r"\$\{(\w+)\}", lambda m: args[m.group(1)], src)
        for c in commands
        if c.cmd == "COPY"
        for src in c.value[:-1]
    ]


def dockerignored(path: str) -> bool:
    """Docker's rule, closely enough: the last .dockerignore pattern matching the path or a parent
    folder decides, and a `!` pattern brings the path back into the build context."""
    ignored = False
    prefixes = [path] + ["/".join(path.split("/")[:i]) for i in range(1, path.count("/") + 1)]
    for raw in (ROOT / ".dockerignore").read_text().splitlines():
        pattern = raw.strip()
        if not pattern or pattern.startswith("#"):
            continue
        negate = pattern.startswith("!")
        pattern = pattern.lstrip("!").rstrip("/")
        candidates = [pattern, pattern.removeprefix("**/")]
        if any(fnmatch.fnmatchcase(p, c) for p in prefixes for c in candidates):
            ignored = not negate
    return ignored


@pytest.mark.parametrize("service", ["elasticsearch", "webui", "indexer"])
def test_every_copied_path_exists_and_reaches_the_build_context(services, service):
    build = services[service]["build"]
    for src in dockerfile_copies(ROOT / build["context"] / build["dockerfile"]):
        assert not dockerignored(src.rstrip("/")), f"{src} is excluded by .dockerignore"
        if src == PLUGIN_ZIP:  # built on the host first, by `make docker-prep`
            assert "docker-prep:" in (ROOT / "Makefile").read_text()
            continue
        assert (ROOT / build["context"] / src).exists(), f"{service}: COPY {src} does not exist"


def test_dockerignore_keeps_secrets_and_caches_out():
    for path in (".env", ".venv/bin/python", ".git/config", ".cache/es/bin/elasticsearch"):
        assert dockerignored(path), path
    for path in ("pyproject.toml", "README.md", "core/schema.py", "seeds/a.txt", PLUGIN_ZIP):
        assert not dockerignored(path), path


def test_web_image_ships_only_the_web_side_and_the_core():
    """The web image copies webui/ and core/ (no indexer, no esnode) and installs no extractor."""
    copied = set(dockerfile_copies(ROOT / "docker/webui/Dockerfile"))
    assert copied == {"pyproject.toml", "README.md", "core/", "webui/"}
    run = [c for c in instructions(ROOT / "docker/webui/Dockerfile") if c.cmd == "RUN"]
    assert any('pip install ".[web]"' in c.value[0] for c in run)
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    base = " ".join(project["dependencies"] + project["optional-dependencies"]["web"])
    for extractor in ("beautifulsoup4", "lxml", "charset-normalizer"):
        assert extractor not in base, f"the web image would install {extractor}"


def test_bind_mounts_exist_and_named_volumes_are_declared(compose, services):
    declared = set(compose.get("volumes") or {})
    used = set()
    for name, spec in services.items():
        for volume in spec.get("volumes", []):
            source = volume.split(":")[0]
            if source.startswith((".", "/")):
                assert (ROOT / source).exists(), f"{name}: mounts missing {source}"
            else:
                assert source in declared, f"{name}: volume {source} is not declared"
                used.add(source)
    assert used == declared == {"esdata", "kibanadata", "doccache"}


def test_start_order_waits_on_health_checks(services):
    for name, spec in services.items():
        for dep, rule in (spec.get("depends_on") or {}).items():
            assert dep in services, f"{name} depends on unknown {dep}"
            assert rule["condition"] in CONDITIONS
            if rule["condition"] == "service_healthy":
                assert "healthcheck" in services[dep], f"{dep} has no health check"
            if rule["condition"] == "service_completed_successfully":
                assert services[dep].get("restart") == "no", f"{dep} must be one-shot"
    assert services["indexer"]["depends_on"]["elasticsearch"]["condition"] == "service_healthy"
    assert services["kibana"]["depends_on"]["elasticsearch"]["condition"] == "service_healthy"
    assert services["webui"]["depends_on"]["indexer"]["condition"] == (
        "service_completed_successfully"
    )
    assert services["kibana-setup"]["depends_on"]["kibana"]["condition"] == "service_healthy"
    assert services["webui"]["depends_on"]["redis"]["condition"] == "service_healthy"
    for name in ("elasticsearch", "kibana", "webui", "redis"):
        assert "healthcheck" in services[name], name


def test_webui_is_ready_only_when_it_can_serve_and_shares_one_rate_limit(services):
    """Readiness (/readyz: cluster, alias, mapping) gates traffic, not liveness (/healthz);
    the rate limit's counters live in the stack's Redis, which publishes no port."""
    check = " ".join(services["webui"]["healthcheck"]["test"])
    assert "/readyz" in check and "/healthz" not in check
    env = services["webui"]["environment"]
    assert env["OSCE_RATE_LIMIT_STORAGE"] == "redis://redis:6379/0"
    assert services["redis"]["healthcheck"]["test"] == ["CMD", "redis-cli", "ping"]
    assert "ports" not in services["redis"]


def test_ports_are_published_on_loopback_only(services):
    published = [p for spec in services.values() for p in spec.get("ports", [])]
    assert len(published) == 3
    for port in published:
        assert str(port).startswith("127.0.0.1:"), f"{port} is published beyond loopback"


def test_settings_come_from_env_example():
    env = env_example()
    used = {m.group(1): m.group(2) for m in VAR.finditer(COMPOSE_FILE.read_text())}
    assert set(used) <= set(env), f"not in .env.example: {set(used) - set(env)}"
    for key, default in used.items():
        assert default == env[key], f"{key}: compose default {default!r} != .env.example"
    unused = set(env) - set(used) - {"COMPOSE_PROJECT_NAME"}
    assert not unused, f".env.example settings nothing reads: {unused}"
    assert env["OSCE_ALIAS"] == schema.ALIAS


def test_stack_versions_match_the_local_node(services):
    env = env_example()
    assert env["STACK_VERSION"] == ES_VERSION
    assert services["kibana"]["image"] == f"docker.elastic.co/kibana/kibana:{ES_VERSION}"
    dockerfile = (ROOT / "docker/elasticsearch/Dockerfile").read_text()
    assert "FROM docker.elastic.co/elasticsearch/elasticsearch:${STACK_VERSION}" in dockerfile
    assert set(re.findall(r"ARG STACK_VERSION=(\S+)", dockerfile)) == {ES_VERSION}
    assert "elasticsearch-plugin install --batch file:///" in dockerfile


def test_elasticsearch_runs_single_node_without_security(services):
    env = services["elasticsearch"]["environment"]
    assert env["discovery.type"] == "single-node"
    assert env["xpack.security.enabled"] == "false"  # documented: loopback-only local stack
    assert services["kibana"]["environment"]["ELASTICSEARCH_HOSTS"] == (
        '["http://elasticsearch:9200"]'
    )


def test_python_services_read_the_web_ui_settings(services):
    for name in ("indexer", "webui", "kibana-setup"):
        assert services[name]["environment"]["ES_URL"] == "http://elasticsearch:9200"
        assert services[name]["environment"]["OSCE_ALIAS"] == schema.ALIAS
    assert services["webui"]["environment"]["OSCE_RATE_LIMIT"] == env_example()["OSCE_RATE_LIMIT"]
    assert services["indexer"]["command"][:2] == ["reindex", "/data"]
    assert services["indexer"]["volumes"] == ["./seeds:/data:ro", "doccache:/cache"]
    setup = services["kibana-setup"]["command"]
    assert setup[0] == "kibana-import" and "http://kibana:5601" in setup
    assert "/app/kibana/osce-releases.ndjson" in setup


def test_python_images_run_as_a_non_root_user():
    for name in ("webui", "indexer"):
        commands = instructions(ROOT / "docker" / name / "Dockerfile")
        users = [c.value[0] for c in commands if c.cmd == "USER"]
        assert users and users[-1] not in {"root", "0"}, f"{name} runs as root"
        assert commands[0].cmd == "FROM" and commands[0].value[0].startswith("python:3.")


def test_webui_image_runs_gunicorn_with_a_health_check():
    commands = {c.cmd: c for c in instructions(ROOT / "docker/webui/Dockerfile")}
    check = commands["HEALTHCHECK"]
    assert check.value[0] == "CMD" and "/readyz" in check.value[1]
    cmd = " ".join(commands["CMD"].value)
    assert "exec gunicorn" in cmd and "'webui:create_app()'" in cmd and "0.0.0.0:8000" in cmd
    env = " ".join(" ".join(c.value) for c in instructions(ROOT / "docker/webui/Dockerfile")
                   if c.cmd == "ENV")  # fmt: skip
    assert "PROMETHEUS_MULTIPROC_DIR" in env and 'mkdir -p "$PROMETHEUS_MULTIPROC_DIR"' in cmd


def test_indexer_image_is_a_one_shot_reindex():
    commands = {c.cmd: c for c in instructions(ROOT / "docker/indexer/Dockerfile")}
    assert commands["ENTRYPOINT"].value == ("python", "-m", "indexer")
    assert commands["CMD"].value == ("reindex", "/data")
    # kibana-setup reads the saved objects where this image puts them
    assert commands["WORKDIR"].value == ("/app",)
    copies = instructions(ROOT / "docker/indexer/Dockerfile")
    assert any(c.cmd == "COPY" and c.value == ("kibana/", "kibana/") for c in copies)
    assert (ROOT / "kibana" / "osce-releases.ndjson").is_file()


def test_elasticsearch_image_installs_the_plugin_zip():
    commands = instructions(ROOT / "docker/elasticsearch/Dockerfile")
    (copy,) = [c for c in commands if c.cmd == "COPY"]
    (run,) = [c for c in commands if c.cmd == "RUN"]
    assert f"bin/elasticsearch-plugin install --batch file://{copy.value[-1]}" in run.value[0]
    assert any(c.cmd == "HEALTHCHECK" for c in commands)


def test_gunicorn_loads_the_app_factory_named_in_the_dockerfile(tmp_path):
    """`gunicorn --check-config` imports the app exactly as the image will (no server starts)."""
    env = {
        **os.environ,
        "ES_URL": "http://127.0.0.1:9",  # never contacted: the app connects lazily
        "OSCE_RATE_LIMIT": "120/minute",
        "PYTHONPATH": str(ROOT),
    }
    done = subprocess.run(
        [sys.executable, "-m", "gunicorn", "--check-config", "webui:create_app()"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
