# Two commands for a fresh clone: `make run` and `make test` (see README.md).
# The venv is built on the distribution's /usr/bin/python3 when it is Python 3.11+ with venv
# (an optimised build), else on python3 from PATH; `make setup PYTHON=python3.12` picks another.
SYSTEM_PYTHON := /usr/bin/python3
ifeq ($(origin PYTHON),undefined)
PYTHON := $(shell $(SYSTEM_PYTHON) -c 'import sys, ensurepip; sys.exit(sys.version_info < (3, 11))' \
	>/dev/null 2>&1 && echo $(SYSTEM_PYTHON) || echo python3)
endif
VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 8501

.PHONY: run test setup dev-setup store ingest bench lint clean print-python

$(VENV)/.installed: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.dev-installed: $(VENV)/.installed requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

setup: $(VENV)/.installed

dev-setup: $(VENV)/.dev-installed

# Build the store from the bundled samples only when there is none (the page never writes).
store: setup
	$(PY) -m ingest run --offline --if-empty

run: store
	$(PY) -m streamlit run dashboard.py --server.port $(PORT) --server.headless true --browser.gatherUsageStats false

ingest: setup
	$(PY) -m ingest run

test: dev-setup
	$(PY) -m pytest

bench: dev-setup
	$(PY) tests/benchmarks/run.py

lint: dev-setup
	$(PY) -m ruff check ingest views tests dashboard.py
	$(PY) -m mypy

clean:
	rm -rf $(VENV) build .pytest_cache .mypy_cache data/tracker.db data/tracker.db-*

# The interpreter a new venv would be built on.
print-python:
	@echo $(PYTHON)
