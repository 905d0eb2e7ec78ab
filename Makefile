# The handbook's commands. `make serve` to read and edit, `make test` to check everything.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The site's configuration: a company builds its own with `make build CONFIG=company/mkdocs.yml`.
CONFIG ?= mkdocs.yml
# The earlier edition the "What changed" page compares with: `make build SINCE=v1.0` (a git tag,
# branch or commit, or a folder of that edition's data). mkdocs.yml reads it as the handbook plugin's `since`.
SINCE ?=
# Make variables are data, never shell or make code: each is kept as written (make expands nothing in it),
# checked before any target runs (scripts/make_vars.py: NAME=';touch x' or NAME=site get one clear line)
# and handed to commands in single quotes: $(call quote,CONFIG).
quote = '$(subst ','\'',$(value $(1)))'
override NAME := $(value NAME)
override CONFIG := $(value CONFIG)
override SINCE := $(value SINCE)
override FILE := $(value FILE)
override PYTEST_ARGS := $(value PYTEST_ARGS)
MAKE_VARS_PROBLEM := $(shell $(PYTHON) scripts/make_vars.py NAME=$(call quote,NAME) CONFIG=$(call quote,CONFIG) SINCE=$(call quote,SINCE))
ifneq ($(MAKE_VARS_PROBLEM),)
$(error $(MAKE_VARS_PROBLEM))
endif
ifneq ($(SINCE),)
export SINCE
endif
export NO_MKDOCS_2_WARNING := true
# The PDF and the offline zip of the last `make pdf` / `make offline` of this CONFIG: `make build` puts them
# back into the new site/, so that `make pdf` then `make offline` (or the other order) keeps both files.
DOWNLOADS := .build/downloads/$(subst /,_,$(subst .,_,$(CONFIG)))
# Recipes read both from the environment ("$$CONFIG"), so no character of a name can end a quote.
export CONFIG DOWNLOADS

.PHONY: help setup browser tools serve build check schema test test-fast lint pdf offline company import bench audit clean

help:
	@echo "make serve    set up, build and serve with live reload on http://127.0.0.1:8000"
	@echo "make test     set up and run the whole test suite, browser tests included"
	@echo "make test-fast  the tests that need no Chromium and no site build (under a minute)"
	@echo "make lint     ruff (Python) and eslint (JavaScript)"
	@echo "make build    strict build of the site into site/ (SINCE=v1.0: list what changed since that edition)"
	@echo "make check    validate data/ without building"
	@echo "make schema   publish the data schema to schema/ for editors"
	@echo "make pdf      the whole handbook as site/handbook.pdf"
	@echo "make offline  a zip of the site that works from file://"
	@echo "make company NAME=mycompany   a company's starting folder (see Host your company's handbook)"
	@echo "make import FILE=ladder.csv NAME=mycompany   a company's ladder from its spreadsheet (.csv or .xlsx)"
	@echo "make bench    build-time and size benchmark (QUICK=1: the 1x/5x scaling check, under a minute)"
	@echo "make audit    Lighthouse scores and screenshots of the main pages, into .build/audit/"

$(STAMP): requirements.txt requirements-dev.txt package.json pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	npm ci --silent --no-audit --no-fund --ignore-scripts
	touch $(STAMP)

setup: $(STAMP)

# Browser tests and the PDF use the system's Chromium headless shell (scripts/pdf.py says why), `make audit`'s
# Lighthouse the full Chromium readers have; Playwright cannot download either here. Netlify's build
# (NETLIFY=true) has no root for apt: there Playwright downloads its own, which the PDF script drives.
ifeq ($(NETLIFY),true)
browser: setup
	$(BIN)/python -m playwright install chromium
else
browser:
	@command -v chromium-headless-shell >/dev/null && command -v chromium >/dev/null || { \
	  echo "installing Debian's chromium-headless-shell and chromium (needs root)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium-headless-shell chromium >/dev/null; }
endif

serve: setup
	$(BIN)/mkdocs serve --strict -f $(call quote,CONFIG) -a 127.0.0.1:8000

check: setup
	$(BIN)/python -m handbook.check --config $(call quote,CONFIG)

schema: setup
	$(BIN)/python -m handbook.data.schema_export

# Build into a scratch folder and swap it in only when the build ran to its end (scripts/build_site.py writes
# the marker then), so a failed build of any kind, even one a company's code ended with sys.exit(0), leaves site/ as it was.
build: setup
	rm -rf .build/site .build/site.complete
	$(BIN)/python scripts/build_site.py $(call quote,CONFIG) $(call quote,CURDIR)/.build/site
	@test -f .build/site.complete || { echo "make build: the build did not finish; site/ was left as it was" >&2; exit 1; }
	if [ -d "$$DOWNLOADS" ]; then cp -p "$$DOWNLOADS"/* .build/site/ 2>/dev/null || true; fi
	rm -rf site && mv .build/site site && rm .build/site.complete
	@echo "built site/ ($$(find site -name '*.html' | wc -l) HTML files)"

# The HTML checker (npm vnu-jar) runs on Java: Debian's headless JRE when java is missing.
tools:
	@command -v java >/dev/null || { \
	  echo "installing Debian's default-jre-headless (needs root)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; }

# The lanes (CONTRIBUTING.md). `make test`: everything, the pure JavaScript in Node first, then pytest on both
# cores, a test module per worker at a time (--dist loadscope keeps a module's fixtures on one worker), in the
# order tests/conftest.py gives them, longest first (--no-loadscope-reorder).
# `make test-fast`: no Chromium and no site build (markers in pyproject.toml, set by tests/conftest.py).
# PYTEST_ARGS passes more, e.g. `make test PYTEST_ARGS="-k placement -n 0"`.
PYTEST_ARGS ?=
# PYTEST_ARGS (say -k name, or -n 0 for one process) reaches pytest through PYTEST_ADDOPTS, which pytest
# splits itself: no shell reads it.
test: setup browser tools
	node --test tests/js/
	PYTEST_ADDOPTS=$(call quote,PYTEST_ARGS) $(BIN)/python -m pytest -n 2 --dist loadscope --no-loadscope-reorder

test-fast: setup
	node --test tests/js/
	PYTEST_ADDOPTS=$(call quote,PYTEST_ARGS) $(BIN)/python -m pytest -m "not browser and not slow"

lint: setup
	$(BIN)/ruff check .
	node_modules/.bin/eslint .

# The whole handbook as one PDF: a second build with the combined page print_page/ (print-site),
# which Chromium prints (scripts/pdf.py).
pdf: build browser
	rm -rf .build/print
	PRINT_PAGE=true $(BIN)/mkdocs build --strict --quiet -f "$$CONFIG" -d $(CURDIR)/.build/print
	mkdir -p "$$DOWNLOADS"
	$(BIN)/python scripts/pdf.py .build/print "$$DOWNLOADS/handbook.pdf"
	cp -p "$$DOWNLOADS/handbook.pdf" site/handbook.pdf

# The offline build, zipped into one folder that opens from file://; the site links to it.
offline: build
	mkdir -p "$$DOWNLOADS"
	$(BIN)/python scripts/offline_zip.py "$$DOWNLOADS/handbook-offline.zip" --config "$$CONFIG"
	cp -p "$$DOWNLOADS/handbook-offline.zip" site/handbook-offline.zip

# A company's starting folder, NAME/, which builds as it is: `make build CONFIG=NAME/mkdocs.yml`.
company:
	@test -n $(call quote,NAME) || { echo "Usage: make company NAME=mycompany"; exit 2; }
	$(PYTHON) scripts/new_company.py $(call quote,NAME)

# A company's ladder from its spreadsheet: NAME/data/ladder.yml, transitions.yml and staff.yml, written or
# updated (what was written by hand is kept). FILE and NAME reach the script as written,
# in single quotes, never read by the shell; the script checks both.
import: setup
	@test -n $(call quote,FILE) -a -n $(call quote,NAME) || { echo "Usage: make import FILE=ladder.csv NAME=mycompany"; exit 2; }
	$(BIN)/python scripts/import_ladder.py $(call quote,FILE) $(call quote,NAME)

# Prints figures, checks nothing: build time against plain MkDocs at 1x, 10x and 100x data,
# live reload, PDF, page weight and requests. Takes a few minutes; works in a temporary folder.
# QUICK=1: only the scaling check (1x and 5x data, a build each, well under a minute). QUICK only
# chooses the flag; its value never reaches the shell.
bench: setup browser
	$(BIN)/python scripts/bench.py $(if $(filter 1,$(QUICK)),--quick)

# Prints figures, checks nothing: Lighthouse (npm, pinned in package.json) with the desktop and mobile
# presets on the home, a level, a transition and the self-assessment page, and screenshots of them
# at 1280 and 390 px, light and dark, into .build/audit/. About 3 minutes.
audit: setup browser
	rm -rf .build/audit
	$(BIN)/python scripts/audit.py $(call quote,CONFIG) .build/audit

clean:
	rm -rf site .build
