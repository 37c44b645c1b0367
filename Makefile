# The two commands a fresh machine needs: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
DEMO_DB ?= demo.db
DEMO_PORT ?= 8000

.PHONY: demo test install lint clean audit fuzz

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev,postgres]'
	touch $@

install: $(VENV)/.installed

## demo: install, ingest the bundled sample of real Arabic pages, show the summary, a search and
## the stories, then serve the Arabic web UI on http://127.0.0.1:8000 (Ctrl-C stops it)
demo: install
	$(PY) -m marsad ingest src/marsad/data/sample --db $(DEMO_DB)
	$(PY) -m marsad search "الحوثيين" --db $(DEMO_DB) --limit 3
	$(PY) -m marsad stories --db $(DEMO_DB) --limit 5
	$(PY) -m marsad serve --db $(DEMO_DB) --host 127.0.0.1 --port $(DEMO_PORT)

## test: install, then run the whole test suite (what CI runs)
test: install
	$(PY) -m pytest

## audit: pip-audit of the installed dependencies against the OSV vulnerability database.
## Skips, saying why, where that database cannot be reached (a machine whose only network is
## the package registries); a known vulnerability fails it.
OSV_HOST ?= api.osv.dev
audit: install
	@if $(PY) -c "import socket; socket.getaddrinfo('$(OSV_HOST)', 443)" 2>/dev/null; then \
	  $(VENV)/bin/pip-audit --vulnerability-service osv --skip-editable --progress-spinner off; \
	else \
	  echo "audit skipped: $(OSV_HOST) (the vulnerability database) does not resolve, no network to it here"; \
	fi

## fuzz: atheris targets in fuzz/, FUZZ_SECONDS each (writes fuzz/RESULTS.md)
FUZZ_SECONDS ?= 150
fuzz: install
	$(PY) -m pip install --quiet -e '.[fuzz]'
	$(PY) fuzz/run_all.py --seconds $(FUZZ_SECONDS)

lint: install
	$(VENV)/bin/ruff check src tests bench tools

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
