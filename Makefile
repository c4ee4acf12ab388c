# Two commands for a fresh clone: `make run` and `make test` (see README.md).
# The interpreter the venv is built on (`make setup PYTHON=python3.12` picks another). By
# default the distribution's /usr/bin/python3 when it is Python 3.11+ with venv, else python3
# from PATH: distribution builds are optimised (profile-guided and link-time, libpython linked
# in) and run the tagger 25-35% faster than a default pyenv or source build of the same
# version (README, Benchmarks). An existing .venv keeps its interpreter until `make clean`.
SYSTEM_PYTHON := /usr/bin/python3
ifeq ($(origin PYTHON),undefined)
PYTHON := $(shell $(SYSTEM_PYTHON) -c 'import sys, ensurepip; sys.exit(sys.version_info < (3, 11))' \
	>/dev/null 2>&1 && echo $(SYSTEM_PYTHON) || echo python3)
endif
VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 8501

COMPILED := build/compiled/.attempted
TAGGING  := ingest/gazetteer.py ingest/triggers.py ingest/dates.py ingest/tagger.py

.PHONY: run test setup dev-setup store ingest bench lint clean print-python

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-installed: $(VENV)/.installed requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

# The tagger's hot modules compiled with Cython (about 20% faster); rebuilt when they change.
# Without a C compiler this says so in one line and the pure-Python tagger runs instead.
$(COMPILED): $(VENV)/.installed $(TAGGING)
	$(PY) -m ingest compile
	mkdir -p $(@D) && touch $@

setup: $(VENV)/.installed $(COMPILED)

dev-setup: $(VENV)/.dev-installed $(COMPILED)

# Build the store from the bundled samples only when there is none.
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
	$(PY) -m ruff check ingest tests dashboard.py

clean:
	rm -rf $(VENV) build .pytest_cache data/tracker.db data/tracker.db-*

# The interpreter a new venv would be built on (.ci/run installs its headers when missing).
print-python:
	@echo $(PYTHON)
