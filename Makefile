# osce-search: `make run` serves the search page, `make test` runs the suite. `make help` lists all.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
PORT ?= 5000
SEEDS ?= seeds
KIBANA_URL ?= http://127.0.0.1:5601
ES_VERSION := $(shell sed -n 's/^ES_VERSION = "\(.*\)"/\1/p' esnode/config.py)
PLUGIN_ZIP := analysis-plugin/target/osce-analysis-$(ES_VERSION).zip

.DEFAULT_GOAL := help
.PHONY: help install es-start es-stop es-status index run test lint format clean
.PHONY: docker-prep docker-up docker-down kibana-objects kibana-import
.PHONY: chromium redis test-browser snapshot restore
.PHONY: plugin eval
.PHONY: es-cluster es-cluster-stop test-reliability bench-reliability screenshots
.PHONY: bench-index bench-export
.PHONY: map-data native

help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | sort | \
	  awk 'BEGIN {FS = ":.*## "}; {printf "  make %-16s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP) native ## Create the venv and install the project with its dev tools

# The Rust text-dump extractor (native/), built into the indexer package; its build cache lives
# outside the clone so a fresh clone reuses it. Without cargo the indexer parses in Python.
NATIVE_SO := indexer/osce_native.so
NATIVE_TARGET ?= $(HOME)/.cache/osce-search/native-target/$(shell printf %s "$(CURDIR)" | md5sum | cut -c1-12)

native: ## Build the Rust extractor (native/) into indexer/osce_native.so (skipped without cargo)
	@if command -v cargo >/dev/null; then \
	  (cd native && CARGO_TARGET_DIR=$(NATIVE_TARGET) cargo build --release --quiet --locked) && \
	  cp $(NATIVE_TARGET)/release/libosce_native.so $(NATIVE_SO).tmp && mv $(NATIVE_SO).tmp $(NATIVE_SO); \
	else echo "cargo not found: indexer/osce_native.so not built, the indexer parses in Python"; fi

# ES_SECURE=1 selects the secured profile (esnode/secure.py): x-pack security and API keys.
ESNODE := esnode$(if $(filter-out 0,$(ES_SECURE)),.secure)

es-start: install ## Start (or reuse) the local node with the analysis plugin; prints ES_URL=... (ES_SECURE=1: secured)
	@$(PY) -m $(ESNODE) start

es-stop: install ## Stop the local Elasticsearch node (ES_SECURE=1: the secured one)
	@$(PY) -m $(ESNODE) stop

es-status: install ## Show the local node's URL, version, JDK and health
	@$(PY) -m $(ESNODE) status

es-cluster: install ## Start (or reuse) a 3-node cluster on loopback; prints ES_URL=url1,url2,url3
	@$(PY) -m esnode.cluster start

es-cluster-stop: install ## Stop the 3-node cluster
	@$(PY) -m esnode.cluster stop

plugin: install ## Build the analysis plugin zip (cached) at analysis-plugin/target/
	@$(PY) -m esnode plugin

index: install ## Rebuild the index from $(SEEDS) (reindex + atomic alias swap)
	@eval "$$($(PY) -m esnode start)" && export ES_URL && $(PY) -m indexer reindex $(SEEDS)

run: install ## Start Elasticsearch, index the seeds, serve http://127.0.0.1:$(PORT)
	@eval "$$($(PY) -m esnode start)" && export ES_URL && \
	  $(PY) -m indexer reindex $(SEEDS) && \
	  echo "Search page: http://127.0.0.1:$(PORT)  (Ctrl-C stops the page; make es-stop stops Elasticsearch)" && \
	  $(PY) -m webui --port $(PORT)

test: lint chromium redis ## Lint, then the whole test suite against a real node (started and stopped if needed)
	$(PY) -m pytest

REDIS_SERVER ?= /usr/bin/redis-server
redis: ## Install Debian's redis-server for the shared rate-limit tests when missing
	@test -x $(REDIS_SERVER) || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq redis-server; }

snapshot: install ## Back up the live index to the snapshot repository (osce-backups); KEEP=N prunes
	@eval "$$($(PY) -m esnode start)" && export ES_URL && \
	  $(PY) -m indexer snapshot $(if $(KEEP),--keep $(KEEP))

restore: install ## Restore the latest backup (or NAME=...) into a new index and swap the alias
	@eval "$$($(PY) -m esnode start)" && export ES_URL && $(PY) -m indexer restore $(NAME)

CHROMIUM ?= /usr/bin/chromium
chromium: ## Install Debian's Chromium for the browser tests when missing (never a Playwright download)
	@test -x $(CHROMIUM) || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium; }

test-browser: install chromium ## Only the browser tests (Playwright driving Debian's Chromium)
	$(PY) -m pytest -q tests/browser

screenshots: install chromium ## The browser tests, writing the README's docs/screenshots/*.png
	OSCE_SCREENSHOTS_DIR=docs/screenshots $(PY) -m pytest -q tests/browser

eval: install ## Score baseline, ours (and FTS5 on eval/archive, per kind/split) -> bench/results/relevance.json; keyword/semantic/hybrid per kind -> semantic_eval.json
	@eval "$$($(PY) -m esnode start)" && export ES_URL && $(PY) -m eval && $(PY) -m eval.modes
test-reliability: install redis ## Faults, overload, hostile input, security (part of `make test`); prints the summary table
	$(PY) -m pytest tests/reliability

bench-reliability: install redis ## The reliability suite, recording its table in bench/results/reliability.json
	OSCE_RELIABILITY_RESULTS=bench/results/reliability.json $(PY) -m pytest tests/reliability
	$(PY) -m tests.reliability.summary bench/results/reliability.json
bench-index: install ## Reindex 100,000 synthetic releases vs raw _bulk -> bench/results/index.json
	@eval "$$($(PY) -m esnode start)" && export ES_URL && $(PY) bench/index_bench.py $(BENCH_ARGS)
bench-export: install ## Stream 25,000-row exports through one gunicorn worker: rows/s and RSS -> bench/results/export.json
	@eval "$$($(PY) -m esnode start)" && export ES_URL && $(PY) bench/export_bench.py $(BENCH_ARGS)

lint: install ## ruff lint and format check; import-linter's contracts (pyproject.toml)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(VENV)/bin/lint-imports

format: install ## Apply ruff's formatting and safe fixes
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

clean: es-stop ## Stop the node and remove the venv and caches in this clone
	rm -rf $(VENV) .cache .pytest_cache .ruff_cache

docker-prep: ## Build what the Docker images copy: the analysis plugin zip (via es-start)
	@test -f $(PLUGIN_ZIP) || $(MAKE) es-start
	@test -f $(PLUGIN_ZIP) || { echo "error: $(PLUGIN_ZIP) is missing: build the analysis plugin first" >&2; exit 1; }
	@echo "ready for docker compose: $(PLUGIN_ZIP)"

docker-up: docker-prep ## Build and start the whole stack with Docker Compose (loopback ports)
	docker compose up -d --build

docker-down: ## Stop the Docker Compose stack (volumes are kept; add -v by hand to drop them)
	docker compose down

kibana-objects: install ## Regenerate kibana/osce-releases.ndjson from kibana/build.py
	$(PY) kibana/build.py

kibana-import: install ## Import the Kibana saved objects into $(KIBANA_URL) (waits for Kibana)
	$(PY) -m indexer kibana-import --kibana-url $(KIBANA_URL)
.PHONY: bench-parse bench-search bench-semantic bench
bench-search: install ## Search latency/throughput at 10k and 100k (BENCH_SCALE=...) vs SQLite FTS5 -> bench/results/
	@command -v wrk >/dev/null || { if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq wrk; }
	@eval "$$($(PY) -m esnode start)" && export ES_URL && $(PY) bench/search_bench.py $(BENCH_ARGS)
	$(PY) bench/peer_relevance.py
	$(PY) bench/report.py

bench-semantic: install ## Embedding throughput, cache hit rate, size with/without vectors, latency per mode (BENCH_SEMANTIC_VECTORS=title on a busy machine) -> bench/results/semantic-N.json
	@eval "$$($(PY) -m esnode start)" && export ES_URL && $(PY) bench/semantic_bench.py

bench: bench-parse bench-index bench-search bench-export bench-semantic bench-reliability ## Every benchmark; numbers in bench/results/, table in bench/README.md

bench-parse: install ## Parse benchmark (10,000 mixed files, one core) + fixture accuracy -> bench/results/parse.json
	$(PY) bench/parse_bench.py --files 10000 --out bench/results/parse.json
MAP_DATA := webui/static/map/participating-states.json
map-data: ## Regenerate the map of the participating States (Natural Earth via npm's world-atlas, pinned)
	cd tools/map && npm ci --no-audit --no-fund --loglevel=error && node build.mjs ../../$(MAP_DATA)
