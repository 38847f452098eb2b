# Two commands do all the set-up on a fresh machine with Python 3.11, system packages included
# (scripts/system-packages installs the Debian packages that are missing, as root):
#   make site   builds the site and the PDFs from content/ into site/, the English edition
#               (mkdocs.en.yml) into site/en/
#   make test   runs linting, type checks and all tests (unit, golden, browser)
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
# Reproducible output: "today" is the time of the last commit unless the caller sets it.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)
export SOURCE_DATE_EPOCH

.PHONY: site test serve check lint audit bench clean system-site system-test

site: system-site $(VENV)/.installed
	$(BIN)/ivpgen build --strict
	$(BIN)/ivpgen build --strict -f mkdocs.en.yml

# The browser tests run over every page of the example plan and of the plan with
# neighbourhoods (tests/fixtures/wijken), and over one page of each kind of the example's
# English edition: every feature must hold for each. Tests run on every core (pytest-xdist).
test: system-test $(VENV)/.installed-test
	$(BIN)/ruff check ivpgen tests benchmarks
	$(BIN)/mypy
	$(BIN)/pytest -n auto
	IVPGEN_E2E_PAGES=kinds IVPGEN_E2E_CONFIG=mkdocs.en.yml $(BIN)/pytest -n auto -m browser tests/e2e/test_pages.py
	IVPGEN_E2E_CONFIG=tests/fixtures/wijken/mkdocs.yml $(BIN)/pytest -n auto -m browser tests/e2e/test_pages.py

serve: $(VENV)/.installed
	$(BIN)/ivpgen serve

check: $(VENV)/.installed
	$(BIN)/ivpgen check --strict
	$(BIN)/ivpgen check --strict -f mkdocs.en.yml

lint: $(VENV)/.installed-test
	$(BIN)/ruff check ivpgen tests benchmarks
	$(BIN)/mypy

system-site:
	@scripts/system-packages site

system-test:
	@scripts/system-packages test

$(VENV)/.created:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	touch $@

$(VENV)/.installed: $(VENV)/.created pyproject.toml constraints.txt
	$(BIN)/pip install -q -c constraints.txt -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.created pyproject.toml constraints.txt
	$(BIN)/pip install -q -c constraints.txt -e '.[test]'
	touch $@ $(VENV)/.installed

# The build benchmark against plain MkDocs at S, M and L: writes benchmarks/results.md (minutes).
bench: system-site $(VENV)/.installed
	$(BIN)/python benchmarks/bench.py

# A readable accessibility report of site/ (axe-core, Nu HTML Checker, page weight, other hosts).
audit: site $(VENV)/.installed-test
	$(BIN)/python -m tests.e2e.audit site audit/toegankelijkheid.md

clean:
	rm -rf site audit .cache .pytest_cache .mypy_cache .ruff_cache
