# Two commands on a fresh machine: `make serve` and `make test`. Everything else is a building block.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1:8000
# `make test` runs in this many processes (pytest-xdist), one per core by default; each build it tests goes to one.
TEST_WORKERS ?= auto
export NO_MKDOCS_2_WARNING := 1  # the build prints a banner about Material's end of life otherwise
export PUPPETEER_SKIP_DOWNLOAD := 1  # pa11y's puppeteer would fetch a browser build; it uses Debian's Chromium

.PHONY: serve build build-zensical check check-changes stale schemas test test-tools test-fast validate java ledger audit bench bench-cards bench-compat bench-languages bench-weight interpreters lock clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11, 5) and "Python >= 3.11.5 is required (found " + sys.version.split()[0] + "); set PYTHON=/path/to/python3")'
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(BIN)/python requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

# After Zensical's packages, since the tests build with it too: one pip at a time in .venv.
$(VENV)/.installed-test: $(VENV)/.installed-zensical requirements-test.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	@touch $@

$(VENV)/.installed-zensical: $(VENV)/.installed requirements-zensical.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-zensical.txt
	@touch $@

# cffconvert validates CITATION.cff in the tests; its release pins jsonschema < 4, hence a virtual environment of its own.
.venv-cff/.installed: requirements-cff.txt
	$(PYTHON) -m venv .venv-cff
	.venv-cff/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-cff.txt
	@touch $@

# The Rust examples' crates, downloaded once from crates.io as Cargo.lock pins them; builds then run --offline.
CARGO := $(or $(shell command -v cargo),$(HOME)/.cargo/bin/cargo)
CARGO_FETCHED := .cache/cargo-fetched
$(CARGO_FETCHED): examples/Cargo.toml examples/Cargo.lock $(wildcard examples/*/Cargo.toml examples/*/*/Cargo.toml)
	$(CARGO) fetch --locked --manifest-path examples/Cargo.toml
	@mkdir -p $(dir $@) && touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	@touch $@

serve: $(VENV)/.installed  ## Serve the site with live reload at http://$(HOST)
	$(BIN)/mkdocs serve --livereload --dev-addr $(HOST)

build: $(VENV)/.installed  ## Build into a temporary folder; replace site/ only when the build succeeds
	@rm -rf .site-tmp
	$(BIN)/mkdocs build --strict --site-dir .site-tmp || { rm -rf .site-tmp; exit 1; }
	@rm -rf site && mv .site-tmp site
	@echo "Built site/"

build-zensical: $(VENV)/.installed-zensical  ## The same site built by Zensical into site-zensical/ (see README)
	$(BIN)/python -m macros.generate
	@rm -rf .site-zensical-tmp
	$(BIN)/zensical build --config-file zensical.yml --clean --strict >/dev/null || { rm -rf .site-zensical-tmp; exit 1; }
	@rm -rf site-zensical && mv .site-zensical-tmp site-zensical
	@echo "Built site-zensical/"

check: $(VENV)/.installed  ## Validate data/, lint YAML style, check the schemas and the JSON export; exit non-zero on any problem
	@status=0; valid=; \
	$(BIN)/python -m content check data && valid=1 || status=1; \
	$(BIN)/python -m content lint data/ mkdocs.yml || status=1; \
	$(BIN)/python -m content schema --check || status=1; \
	if [ -n "$$valid" ]; then { $(BIN)/python -m macros.generate && $(BIN)/python -m content export; } || status=1; fi; \
	exit $$status

check-changes: $(VENV)/.installed  ## Entries whose short answer, edge or scores changed since BASE (main) without a new change note
	$(BIN)/python -m content changes data --base $(or $(BASE),main)

stale: $(VENV)/.installed  ## List entries not reviewed for six months or more (STALE_MONTHS=6), then facts past their review interval
	$(BIN)/python -m content stale data --months $(or $(STALE_MONTHS),6)

schemas: $(VENV)/.installed  ## Regenerate schemas/ from content/models.py and content/export.py
	$(BIN)/python -m content schema

# What the tests need. `make test` installs these side by side: pip in .venv, pip in .venv-cff, npm and cargo
# do not share files.
test-tools: $(VENV)/.installed-test .venv-cff/.installed node_modules/.installed $(CARGO_FETCHED)
	@:

test:  ## Run the whole test suite, against the site as shipped and with every theme workaround off
	@$(MAKE) --no-print-directory --jobs=4 test-tools
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadgroup $(PYTEST_ARGS)

test-fast: $(VENV)/.installed-test  ## The tests that need neither a build nor Chromium (seconds)
	$(BIN)/python -m pytest -m "not build and not browser"

validate: java build $(VENV)/.installed-test node_modules/.installed  ## Third-party validators on the built site; a summary line per tool
	$(BIN)/python -m tools.validate

java:  # the Nu HTML Checker (make validate) runs on Java 11 or later; first, so vnu-jar's install finds it
	@command -v java >/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Debian's default-jre-headless for the Nu HTML Checker"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; \
	  else \
	    echo "java not found: install Java 11 or later (Debian: apt-get install default-jre-headless)"; exit 1; \
	  fi; }

ledger: build  ## Add the links this build publishes to published-links.txt (never removes any)
	$(BIN)/python -m content ledger update site

audit: build node_modules/.installed  ## Lighthouse on every page (AUDIT_RUNS=5); writes audit/report.json and audit/summary.md
	$(BIN)/python -m tools.audit

bench: build $(VENV)/.installed-test  ## Search speed in the browser and build cost at 100/1,000/5,000 entries
	$(BIN)/python -m tools.bench

bench-cards: $(VENV)/.installed  ## What the link-preview cards add to a clean and an incremental build
	$(BIN)/python -m tools.cards_cost

bench-compat: $(VENV)/.installed-test  ## What each theme workaround of compat/manifest.yml gains, measured in Chromium
	$(BIN)/python -m tools.compat_bench

bench-weight: $(VENV)/.installed-test  ## Bytes each page transfers beside the same page in the default theme, and the search index size
	$(BIN)/python -m tools.weigh

bench-languages: $(VENV)/.installed-test $(CARGO_FETCHED)  ## Time the CPU-bound examples in Python and Rust; rewrite data/benchmarks.yml
	$(BIN)/python -m tools.bench_languages $(BENCH_ARGS)

interpreters:  ## Debian unstable's CPython 3.13-3.15 with their libraries into .cache/interpreters/ (apt-get download, dpkg -x)
	$(PYTHON) -m tools.fetch_interpreters

lock: $(BIN)/python  ## Recompile the pinned requirements files from the *.in files
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile --quiet --python-version 3.11.7 requirements.in -o requirements.txt
	$(BIN)/uv pip compile --quiet --python-version 3.11.7 requirements-test.in -o requirements-test.txt
	$(BIN)/uv pip compile --quiet --python-version 3.11.7 requirements-zensical.in -o requirements-zensical.txt
	$(BIN)/uv pip compile --quiet --python-version 3.11.7 requirements-cff.in -o requirements-cff.txt

clean:
	rm -rf site .site-tmp site-zensical .site-zensical-tmp .pytest_cache audit .cache
