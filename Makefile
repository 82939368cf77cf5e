# osce-search: `make run` serves the search page, `make test` runs the suite. `make help` lists all.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
PORT ?= 5000
SEEDS ?= seeds

.DEFAULT_GOAL := help
.PHONY: help install es-start es-stop es-status index run test lint format clean bench-index

help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | sort | \
	  awk 'BEGIN {FS = ":.*## "}; {printf "  make %-16s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP) ## Create the venv and install the project with its dev tools

es-start: install ## Start (or reuse) the local Elasticsearch node; prints ES_URL=...
	@$(PY) -m esnode start

es-stop: install ## Stop the local Elasticsearch node
	@$(PY) -m esnode stop

es-status: install ## Show the local node's URL, version, JDK and health
	@$(PY) -m esnode status

index: install ## Rebuild the index from $(SEEDS) (reindex + atomic alias swap)
	@eval "$$($(PY) -m esnode start)" && export ES_URL && $(PY) -m indexer reindex $(SEEDS)

run: install ## Start Elasticsearch, index the seeds, serve http://127.0.0.1:$(PORT)
	@eval "$$($(PY) -m esnode start)" && export ES_URL && \
	  $(PY) -m indexer reindex $(SEEDS) && \
	  echo "Search page: http://127.0.0.1:$(PORT)  (Ctrl-C stops the page; make es-stop stops Elasticsearch)" && \
	  $(PY) -m webui --port $(PORT)

test: install ## Run the whole test suite against a real node (started and stopped if needed)
	$(PY) -m pytest

bench-index: install ## Reindex 100,000 synthetic releases vs raw _bulk -> bench/results/index.json
	@eval "$$($(PY) -m esnode start)" && export ES_URL && $(PY) bench/index_bench.py $(BENCH_ARGS)

lint: install ## ruff lint and format check
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: install ## Apply ruff's formatting and safe fixes
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

clean: es-stop ## Stop the node and remove the venv and caches in this clone
	rm -rf $(VENV) .cache .pytest_cache .ruff_cache
