# towngraph: `make run` and `make test` set up everything they need, idempotently.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
GRAPHIQL_ASSETS := .cache/graphiql

.PHONY: install run test lint bench db-start db-stop db-status schema clean

install: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@touch $@

$(GRAPHIQL_ASSETS)/.stamp: scripts/fetch-graphiql.sh
	bash scripts/fetch-graphiql.sh $(GRAPHIQL_ASSETS)

# The managed Neo4j (resolved from Maven Central on first use), the demo county, then the API.
run: $(STAMP) $(GRAPHIQL_ASSETS)/.stamp
	$(BIN)/towngraph serve --demo --host 127.0.0.1 --port 8000

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
