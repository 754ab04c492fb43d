# Set-up is two commands: `make report` and `make test`, on a machine with Python 3.11+
# and pip. uv is bootstrapped from PyPI into .venv-tools/ (a small environment of its
# own); it then builds .venv exactly from the committed uv.lock.
PYTHON     ?= python3
UV_VERSION := 0.13.9
TOOLS      := .venv-tools
UV         := $(TOOLS)/bin/uv
VENV       := .venv
BIN        := $(VENV)/bin
# Never download a Python: use the one that runs make, whatever its path.
PYTHON_EXE := $(shell $(PYTHON) -c 'import sys; print(sys.executable)')
# --compile-bytecode: uv installs no .pyc files, and where PYTHONDONTWRITEBYTECODE is set
# Python never writes them, so every run would compile pydantic and the rest from source
# (a cold lint took 0.76 s instead of 0.47 s on a fresh clone).
SYNC       := UV_PYTHON_DOWNLOADS=never $(UV) sync --locked --compile-bytecode --python $(PYTHON_EXE) --quiet
# An editable install leaves the package uncompiled; compile it as pip does a wheel's,
# so a run never compiles source (where PYTHONDONTWRITEBYTECODE is set, every run would).
# Then the same for what factcheck compiles from its own text at run time: regular
# expressions and dataclass methods (see factcheck/pycache.py).
COMPILE    := $(BIN)/python -m compileall -q factcheck && $(BIN)/python -m factcheck.regexes -q \
	&& $(BIN)/python -m factcheck.dataclass -q

.PHONY: report test check lint lock bench bench-extractors clean env-runtime env-test

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install --disable-pip-version-check -q 'uv==$(UV_VERSION)'

# Runtime only; --inexact keeps the test tools when they are already there.
env-runtime: $(UV)
	$(SYNC) --no-default-groups --inexact
	$(COMPILE)

# Runtime, test and dev tools (the default groups in pyproject.toml).
env-test: $(UV)
	$(SYNC)
	$(COMPILE)

report: env-runtime
	$(BIN)/factcheck check --rules rules --sources seeds

# Every check the house style promises, then the whole suite. Each step prints its name
# so the log shows it ran.
check: env-test
	@echo "== ruff check";          $(BIN)/ruff check factcheck tests benchmarks
	@echo "== ruff format --check"; $(BIN)/ruff format --check factcheck tests benchmarks
	@echo "== mypy --strict";       $(BIN)/mypy factcheck tests
	@echo "== lint-imports";        $(BIN)/lint-imports

test: check
	@echo "== pytest"; $(BIN)/python -m pytest

lint: check

# Refresh uv.lock after changing dependencies in pyproject.toml (or to take new releases).
lock: $(UV)
	UV_PYTHON_DOWNLOADS=never $(UV) lock --upgrade --python $(PYTHON_EXE)

# Extractors vs peers on the external Recognizers-Text suite (../shared/benchmarks).
bench-extractors: $(UV)
	$(SYNC) --extra bench
	$(COMPILE)
	$(BIN)/python benchmarks/extractors.py --json build/bench-extractors.json

# Speed, memory and accuracy at scale: a table, and build/bench.json.
bench: $(UV)
	$(SYNC) --extra bench
	$(COMPILE)
	$(BIN)/python benchmarks/bench.py --json build/bench.json

clean:
	rm -rf $(VENV) $(TOOLS) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
