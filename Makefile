# Set-up is two commands: `make report` and `make test`. Everything installs into .venv.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip --disable-pip-version-check -q
# An editable install leaves the package uncompiled; compile it as pip does a wheel's,
# so a run never compiles source (where PYTHONDONTWRITEBYTECODE is set, every run would).
COMPILE := $(BIN)/python -m compileall -q factcheck

.PHONY: report test lint bench bench-extractors clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade pip

# Stamp files so a second `make` does not reinstall.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(PIP) install -e .
	$(COMPILE)
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(PIP) install -e '.[test]'
	$(COMPILE)
	touch $@ $(VENV)/.installed

report: $(VENV)/.installed
	$(BIN)/factcheck check --rules rules --sources seeds

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest

$(VENV)/.installed-bench: pyproject.toml | $(BIN)/python
	$(PIP) install -e '.[test,bench]'
	$(COMPILE)
	touch $@ $(VENV)/.installed $(VENV)/.installed-test

# Extractors vs peers on the external Recognizers-Text suite (../shared/benchmarks).
bench-extractors: $(VENV)/.installed-bench
	$(BIN)/python benchmarks/extractors.py --json build/bench-extractors.json

# Speed, memory and accuracy at scale (issue 7): a table, and build/bench.json.
bench: $(VENV)/.installed-bench
	$(BIN)/python benchmarks/bench.py --json build/bench.json

lint: $(VENV)/.installed-test
	$(PIP) install -e '.[dev]'
	$(BIN)/ruff check factcheck tests
	$(BIN)/mypy factcheck

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
