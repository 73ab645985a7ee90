# rasad — the two set-up commands of the README, and a few helpers.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= rasad.db

.PHONY: demo test install install-dev lint bench eval browser-deps clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install -q -e .

install-dev: $(BIN)/python
	$(BIN)/pip install -q -e ".[dev]"

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
	rm -rf $(VENV) $(DB) .pytest_cache .mypy_cache .ruff_cache
