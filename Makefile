# towngraph: `make run` and `make test` set up everything they need, idempotently.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev
PIP := $(BIN)/python -m pip --quiet --disable-pip-version-check
GRAPHIQL_ASSETS := .cache/graphiql

.PHONY: install install-dev browser screenshots run stop test lint bench bundle db-start db-stop db-status schema clean

# `make run PORT=8001 HOST=0.0.0.0`; more processes with WORKERS=4.
PORT ?= 8000
HOST ?= 127.0.0.1
WORKERS ?= 1

# The runtime only (what `make run` needs), every wheel checked against its hash; `pip check`
# proves the lock is the whole runtime tree.
install: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) install --require-hashes --no-deps -r requirements.lock
	$(PIP) install --no-deps -e .
	$(BIN)/python -m pip check
	@touch $@

# The development tools on top (tests, linters, type checkers); `pip check` proves the two
# locks together are the whole tree.
install-dev: $(DEV_STAMP)

$(DEV_STAMP): $(STAMP) requirements-dev.lock
	$(PIP) install --no-deps -r requirements-dev.lock
	$(BIN)/python -m pip check
	@touch $@

# The browser tests (tests/browser/) drive Debian's Chromium with Playwright (never a browser
# download of Playwright's own); the CJK fonts make the page's Chinese readable in screenshots.
browser:
	@command -v chromium >/dev/null && fc-list :lang=zh 2>/dev/null | grep -q . || \
		(apt-get update && apt-get install -y --no-install-recommends chromium fonts-noto-cjk)

# The front-end assets: GraphiQL's, and the clerks' page's (ECharts, graphql-ws).
$(GRAPHIQL_ASSETS)/.stamp: scripts/fetch-graphiql.sh
	bash scripts/fetch-graphiql.sh $(GRAPHIQL_ASSETS)

# The managed Neo4j (resolved from Maven Central on first use), the demo county, then the API.
# Ctrl-C stops the server; Neo4j keeps running until `make db-stop` (or `make stop`: both).
run: $(STAMP) $(GRAPHIQL_ASSETS)/.stamp
	$(BIN)/towngraph serve --demo --host $(HOST) --port $(PORT) --workers $(WORKERS)

stop: $(STAMP)
	$(BIN)/towngraph stop

# The whole suite against a real Neo4j of its own (never the data of `make run`), in
# TEST_WORKERS parallel processes sharing that Neo4j (`make test TEST_WORKERS=0`: one process).
TEST_WORKERS ?= 2
test: $(DEV_STAMP) $(GRAPHIQL_ASSETS)/.stamp browser
	$(BIN)/python -m pytest -n $(TEST_WORKERS)

# PNGs of each view of the page (scripts/screenshots.py; the demo county): `make screenshots
# SHOTS=/tmp/shots`, or against a running `make run`: `... URL=http://127.0.0.1:8000`.
SHOTS ?= .cache/screenshots
screenshots: $(DEV_STAMP) $(GRAPHIQL_ASSETS)/.stamp browser
	$(BIN)/python scripts/screenshots.py $(SHOTS) $(if $(URL),--url $(URL))

lint: $(DEV_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/basedpyright --level error graph
	$(BIN)/lint-imports

# `make bench SCALE=90` measures a province (90 counties) instead of the default ten;
# `make bench BENCH_ARGS="--shapes-only --keep"` passes any flag of `python -m bench --help`.
SCALE ?= 10
BENCH_ARGS ?=
bench: $(DEV_STAMP)
	$(BIN)/python -m bench --scale $(SCALE) $(BENCH_ARGS)

db-start: $(STAMP)
	$(BIN)/towngraph db start
db-stop: $(STAMP)
	$(BIN)/towngraph db stop
db-status: $(STAMP)
	$(BIN)/towngraph db status

# Regenerates the committed SDL; tests/test_schema_sdl.py fails when it drifts.
schema: $(STAMP)
	$(BIN)/towngraph export-schema > schema.graphql

# dist/towngraph-bundle-<version>.tar.gz: everything an intranet machine without a registry needs
# (README, "Deploying on an intranet"). BUNDLE_ARCH=aarch64 builds one for ARM servers.
bundle: $(STAMP) $(GRAPHIQL_ASSETS)/.stamp
	bash scripts/bundle.sh

clean:
	rm -rf $(VENV) dist build .cache .mypy_cache .ruff_cache .pytest_cache .import_linter_cache
