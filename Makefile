# rasad — the two set-up commands of the README, and a few helpers.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= rasad.db
# Every transitive version, generated from pyproject.toml by `make lock` (uv pip compile).
LOCK := requirements.lock
UV_VERSION := 0.13.10
LOCK_VENV := .lock-venv

.PHONY: demo test install install-dev lint bench eval browser-deps clean lock

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install -q -c $(LOCK) -e .

install-dev: $(BIN)/python
	$(BIN)/pip install -q -c $(LOCK) -e ".[dev]"

## Regenerate $(LOCK) after any change to the dependencies of pyproject.toml (all extras, Python 3.11,
## every platform).  Self-contained: uv, pinned, is installed into its own throw-away virtualenv.
lock:
	$(PY) -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/python -m pip install -q "uv==$(UV_VERSION)"
	$(LOCK_VENV)/bin/uv pip compile --quiet --universal --python-version 3.11 \
		--extra dev --extra scale --extra semantic --annotation-style line -o $(LOCK) pyproject.toml
	rm -rf $(LOCK_VENV)

## The main job on the bundled examples: install, ingest into the default store, show what was found.
demo: install
	$(BIN)/rasad ingest --db $(DB) examples
	$(BIN)/rasad stats --db $(DB)
	$(BIN)/rasad timeline --db $(DB)
	$(BIN)/rasad quotes --db $(DB)

## Install with test extras and run the whole suite (golden tests read ../shared).
test: install-dev browser-deps
	$(BIN)/ruff check rasad tests bench scripts
	$(BIN)/mypy rasad
	$(BIN)/python -m pytest -q

## Debian's chromium for the browser tests (root only; elsewhere they skip with a reason).
browser-deps:
	@if [ ! -x /usr/bin/chromium ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
		|| echo "could not install chromium"; \
	fi

lint: install-dev
	$(BIN)/ruff check rasad tests bench scripts
	$(BIN)/mypy rasad

eval: install
	$(BIN)/rasad eval ../shared/eval/gold

bench: install-dev
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) $(LOCK_VENV) $(DB) .pytest_cache .mypy_cache .ruff_cache
