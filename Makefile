# Developer entry points. A fresh clone needs only `make demo` or `make test`: both install what they need.
# Python (3.11+ to develop) goes into .venv; Node 20+ packages into node_modules, only for the targets that use them.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NPM_STAMP := node_modules/.installed
GEN_PKG := generated/memsy_openapi_client
export REDOCLY_TELEMETRY := off
export REDOCLY_SUPPRESS_UPDATE_NOTICE := true
export NO_UPDATE_NOTIFIER := 1
REDOCLY := node_modules/.bin/redocly

.PHONY: help install generate check lint-contract check-generated lint typecheck test demo breaking ts-client languages docs fuzz bench

help:
	@echo "make demo            run the SDK end to end against memsy.local (needs only Python)"
	@echo "make test            run the test suite"
	@echo "make check           contract lint, generated-code drift, ruff, mypy --strict"
	@echo "make lint            ruff check and ruff format --check"
	@echo "make typecheck       mypy --strict"
	@echo "make lint-contract   openapi-spec-validator and redocly lint of openapi.yaml"
	@echo "make generate        regenerate $(GEN_PKG), memsy/_generated, docs/api.md and memsy 0.3.5's module paths"
	@echo "make check-generated regenerate everything generated and fail on any difference"
	@echo "make breaking        review of the contract change since BASE (default main~1): levels, operations, version"
	@echo "make ts-client       generate, type-check and run a TypeScript client against memsy.local"
	@echo "make languages       generate, compile and run clients in other languages against memsy.local (clients/)"
	@echo "make docs            the API reference, one self-contained HTML file (.build/docs/reference.html)"
	@echo "make fuzz            a long schemathesis run against memsy.local (FUZZ_EXAMPLES=200)"
	@echo "make bench           benchmarks against raw httpx and memsy 0.3.5 (writes bench/results.md)"
	@echo "make install         .venv (Python 3.11+) and node_modules (Node 20+); each target installs what it needs"

# The Python side: this checkout, editable, with the dev tools, in .venv.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

# The Node side (redocly, openapi-typescript, tsc), for the contract lint and the TypeScript client only.
$(NPM_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NPM_STAMP)

install: $(STAMP) $(NPM_STAMP)

generate: $(STAMP)
	PATH="$(abspath $(BIN)):$$PATH" $(BIN)/openapi-python-client generate --path openapi.yaml \
	  --config generator-config.yaml --custom-template-path generator-templates --meta none \
	  --output-path $(GEN_PKG) --overwrite --fail-on-warning
	rm -rf $(GEN_PKG)/.ruff_cache generated/.ruff_cache
	PATH="$(abspath $(BIN)):$$PATH" $(BIN)/python scripts/generate_sdk.py

lint-contract: $(STAMP) $(NPM_STAMP)
	$(BIN)/openapi-spec-validator openapi.yaml
	$(REDOCLY) lint openapi.yaml --format=stylish

# Regenerates in place: a hand edit of a generated file, or a contract or overlay change without regeneration,
# shows up as a diff.
# memsy 0.3.5's module paths (scripts/generate_compat.py) are generated too, at their own paths.
COMPAT := memsy/async_client.py memsy/async_control.py memsy/resources/ memsy/control_resources/
GENERATED := generated/ memsy/_generated/ docs/api.md $(COMPAT)
check-generated: generate
	git diff --exit-code --stat -- $(GENERATED)
	@untracked="$$(git status --porcelain --untracked-files=all -- $(GENERATED))"; \
	  if [ -n "$$untracked" ]; then echo "generated files differ from a fresh generation:"; echo "$$untracked"; exit 1; fi

lint: $(STAMP)
	$(BIN)/ruff check memsy tests examples bench scripts/generate_sdk.py scripts/generate_compat.py
	$(BIN)/ruff format --check memsy tests examples bench scripts/generate_sdk.py scripts/generate_compat.py

typecheck: $(STAMP)
	$(BIN)/mypy

check: lint-contract check-generated lint typecheck

test: $(STAMP) $(NPM_STAMP)
	$(BIN)/python -m pytest -q

demo: $(STAMP)
	$(BIN)/memsy-local run -- $(BIN)/python examples/quickstart.py

# The contract's base for review: the previous commit of main (HEAD~1 where there is no main branch).
BASE ?= $(shell git rev-parse --verify --quiet main~1 >/dev/null && echo main~1 || echo HEAD~1)
# Contract review since the merge base of BASE and HEAD: every change with each operation it reaches, and the
# info.version bump it requires (fails when the bump is not enough). Report: .build/contract-review.md.
breaking: $(STAMP) $(NPM_STAMP)
	@$(BIN)/python scripts/contract_review.py --base $(BASE) --report .build/contract-review.md

TS_BUILD := .build/ts-client
# A TypeScript client generated from the contract, compiled with tsc --strict and run against memsy.local.
ts-client: $(STAMP) $(NPM_STAMP)
	rm -rf $(TS_BUILD) && mkdir -p $(TS_BUILD)
	node_modules/.bin/openapi-typescript openapi.yaml --redocly clients/typescript/redocly.yaml --default-non-nullable false --output $(TS_BUILD)/schema.d.ts
	node_modules/.bin/tsc -p clients/typescript/tsconfig.json
	cp clients/typescript/package.json $(TS_BUILD)/out/package.json
	$(BIN)/memsy-local run -- node $(TS_BUILD)/out/clients/typescript/smoke.js

# Clients in other languages from the contract (clients/<language>/): generated with openapi-generator, compiled,
# and each smoke program run against memsy.local. Needs Debian's golang-go, php-cli, php-mbstring,
# php-guzzlehttp-guzzle, ruby and ruby-typhoeus (.ci/run installs them). Generated code goes to .build/languages.
languages: $(STAMP) $(NPM_STAMP)
	@$(BIN)/memsy-local run -- $(BIN)/python clients/languages.py

DOCS := .build/docs
# The API reference, readable offline: one self-contained HTML file (the page embeds Redoc, nothing from a CDN).
# The HTTP reference (offline HTML); the SDK's reference, docs/api.md, is written by make generate and committed.
docs: $(STAMP) $(NPM_STAMP)
	@$(BIN)/python scripts/reference_html.py --output $(DOCS)/reference.html
	@echo "SDK reference: docs/api.md (make generate)"

# A longer schemathesis run than the test suite's (examples per operation).
FUZZ_EXAMPLES ?= 200
fuzz: $(STAMP)
	MEMSY_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest -q tests/test_fuzz.py

# Benchmarks: the SDK against raw httpx and the published memsy 0.3.5 (writes bench/results.md).
bench: $(STAMP)
	$(BIN)/python -m bench
