# Two commands for a fresh clone: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 8501

COMPILED := build/compiled/.attempted
TAGGING  := ingest/gazetteer.py ingest/triggers.py ingest/dates.py ingest/tagger.py

.PHONY: run test setup dev-setup store ingest bench lint clean

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-installed: $(VENV)/.installed requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

# The tagger's hot modules compiled with Cython (about 10% faster); rebuilt when they change.
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
