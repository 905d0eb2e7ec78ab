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
ifneq ($(SINCE),)
export SINCE
endif
export NO_MKDOCS_2_WARNING := true

.PHONY: help setup browser tools serve build check schema test pdf offline company bench audit clean

help:
	@echo "make serve    set up, build and serve with live reload on http://127.0.0.1:8000"
	@echo "make test     set up and run the whole test suite, browser tests included"
	@echo "make build    strict build of the site into site/ (SINCE=v1.0: list what changed since that edition)"
	@echo "make check    validate data/ without building"
	@echo "make schema   publish the data schema to schema/ for editors"
	@echo "make pdf      the whole handbook as site/handbook.pdf"
	@echo "make offline  a zip of the site that works from file://"
	@echo "make company NAME=mycompany   a company's starting folder (see Host your company's handbook)"
	@echo "make bench    build-time and size benchmark"
	@echo "make audit    Lighthouse scores and screenshots of the main pages, into .build/audit/"

$(STAMP): requirements.txt requirements-dev.txt package.json pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	npm ci --silent --no-audit --no-fund --ignore-scripts
	touch $(STAMP)

setup: $(STAMP)

# Browser tests and the PDF use the system's Chromium (Playwright cannot download one here).
# Netlify's build (NETLIFY=true) has no root for apt: there Playwright downloads its own Chromium,
# which the PDF script drives when no `chromium` is on the PATH.
ifeq ($(NETLIFY),true)
browser: setup
	$(BIN)/python -m playwright install chromium
else
browser:
	@command -v chromium >/dev/null || { \
	  echo "installing Debian's chromium (needs root)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
endif

serve: setup
	$(BIN)/mkdocs serve --strict -f $(CONFIG) -a 127.0.0.1:8000

check: setup
	$(BIN)/python -m handbook.check --config $(CONFIG)

schema: setup
	$(BIN)/python -m handbook.data.schema_export

# Build into a scratch folder and swap it in only when the build succeeded,
# so a failed build never leaves site/ half written.
build: setup
	rm -rf .build/site
	$(BIN)/mkdocs build --strict --quiet -f $(CONFIG) -d $(CURDIR)/.build/site
	rm -rf site && mkdir -p .build && mv .build/site site
	@echo "built site/ ($$(find site -name '*.html' | wc -l) HTML files)"

# The HTML checker (npm vnu-jar) runs on Java: Debian's headless JRE when java is missing.
tools:
	@command -v java >/dev/null || { \
	  echo "installing Debian's default-jre-headless (needs root)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; }

test: setup browser tools
	$(BIN)/python -m pytest

# The whole handbook as one PDF: a second build with the combined page print_page/ (print-site),
# which Chromium prints (scripts/pdf.py).
pdf: build browser
	rm -rf .build/print
	PRINT_PAGE=true $(BIN)/mkdocs build --strict --quiet -f $(CONFIG) -d $(CURDIR)/.build/print
	$(BIN)/python scripts/pdf.py .build/print site/handbook.pdf

# The offline build, zipped into one folder that opens from file://; the site links to it.
offline: build
	$(BIN)/python scripts/offline_zip.py site/handbook-offline.zip --config $(CONFIG)

# A company's starting folder, NAME/, which builds as it is: `make build CONFIG=NAME/mkdocs.yml`.
company: setup
	@test -n "$(NAME)" || { echo "Usage: make company NAME=mycompany"; exit 2; }
	$(BIN)/python scripts/new_company.py $(NAME)

# Prints figures, checks nothing: build time against plain MkDocs at 1x, 10x and 100x data,
# live reload, PDF, page weight and requests. Takes a few minutes; works in a temporary folder.
bench: setup browser
	$(BIN)/python scripts/bench.py

# Prints figures, checks nothing: Lighthouse (npm, pinned in package.json) with the desktop and mobile
# presets on the home, a level, a transition and the self-assessment page, and screenshots of them
# at 1280 and 390 px, light and dark, into .build/audit/. About 3 minutes.
audit: setup browser
	rm -rf .build/audit
	$(BIN)/python scripts/audit.py $(CONFIG) .build/audit

clean:
	rm -rf site .build
