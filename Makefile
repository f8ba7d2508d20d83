# The course's commands. `make course` opens it; `make test` runs every test.
# Both create the virtual environment in .venv first when it is missing or stale.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8888

.PHONY: course test unit notebooks site lint format bench clean-venv

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (3.10 reached its end of life in October 2026); found " + sys.version.split()[0])'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

# Jupyter refuses to run as root unless told; containers and CI machines often are root.
ALLOW_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root,)

## course: open the course in JupyterLab on lesson 00 (localhost only, token authentication on)
# ./start adds the course's Jupyter settings (jupyter-config/, the same as on Binder): lesson 00
# as the start page, at the URL the server prints, and no "Jupyter news" pop-up.
course: $(STAMP)
	./start $(BIN)/jupyter lab --ServerApp.ip=127.0.0.1 --ServerApp.port=$(PORT) $(ALLOW_ROOT)

## test: lint, the package's layers (import-linter), fair quiz options, unit tests, notebooks (nbval)
test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/python -m lessons.quiz lint
	$(BIN)/python -m pytest

## notebooks: re-execute every lesson in place (no widget state saved)
notebooks: $(STAMP)
	$(BIN)/python -m lessons.notebook_tools execute notebooks/*.ipynb notebooks/instructor/*.ipynb

## site: the static course site, every lesson with its figures, in _build/site (works offline)
site: $(STAMP)
	$(BIN)/python -m lessons.site build --out _build/site

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check lessons tests benchmarks

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format lessons tests benchmarks

## bench: every performance figure in one table (not part of `make test`)
bench: $(STAMP)
	$(BIN)/python benchmarks/run_all.py

clean-venv:
	rm -rf $(VENV)
