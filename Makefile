# Two commands for a fresh machine (see README):
#   make demo   set up .venv, install khabar, and analyse a bundled example article
#   make test   set up .venv if needed, and run the test suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test lint

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

demo: $(BIN)/.installed
	$(BIN)/khabar run examples/ar_visit.txt --published 2023-09-05 --format table

test: $(BIN)/.installed
	$(BIN)/python -m pytest -n 2

lint: $(BIN)/.installed
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts
	$(BIN)/mypy
