# towngraph: `make run` and `make test` set up everything they need, idempotently.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
GRAPHIQL_ASSETS := .cache/graphiql

.PHONY: install run stop test lint bench db-start db-stop db-status schema clean

# `make run PORT=8001 HOST=0.0.0.0`; more processes with WORKERS=4.
PORT ?= 8000
HOST ?= 127.0.0.1
WORKERS ?= 1

install: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@touch $@

$(GRAPHIQL_ASSETS)/.stamp: scripts/fetch-graphiql.sh
	bash scripts/fetch-graphiql.sh $(GRAPHIQL_ASSETS)

# The managed Neo4j (resolved from Maven Central on first use), the demo county, then the API.
# Ctrl-C stops the server; Neo4j keeps running until `make db-stop` (or `make stop`: both).
run: $(STAMP) $(GRAPHIQL_ASSETS)/.stamp
	$(BIN)/towngraph serve --demo --host $(HOST) --port $(PORT) --workers $(WORKERS)

stop: $(STAMP)
	$(BIN)/towngraph stop

# The whole suite against a real Neo4j of its own (never the data of `make run`).
test: $(STAMP) $(GRAPHIQL_ASSETS)/.stamp
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/basedpyright --level error graph
	$(BIN)/lint-imports

bench: $(STAMP)
	$(BIN)/python -m bench

db-start: $(STAMP)
	$(BIN)/towngraph db start
db-stop: $(STAMP)
	$(BIN)/towngraph db stop
db-status: $(STAMP)
	$(BIN)/towngraph db status

# Regenerates the committed SDL; tests/test_schema_sdl.py fails when it drifts.
schema: $(STAMP)
	$(BIN)/towngraph export-schema > schema.graphql

clean:
	rm -rf $(VENV) .cache .mypy_cache .ruff_cache .pytest_cache .import_linter_cache
