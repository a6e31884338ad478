# Two commands on a fresh machine: `make serve` and `make test`. Everything else builds on them.
VENV   ?= .venv
PYTHON ?= python3
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | cksum | cut -d' ' -f1)
REMOTE ?= origin
CHROMIUM ?= /usr/bin/chromium
export NO_MKDOCS_2_WARNING = 1
export CHROMIUM

.PHONY: serve build test verify export bench deploy clean distclean install chromium

install: $(STAMP)

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	rm -f $(VENV)/.installed-*
	touch $@

serve: $(STAMP)  ## live preview on http://127.0.0.1:8000, rebuilt when a seed changes (only what changed)
	$(BIN)/mkdocs serve --dirty --dev-addr 127.0.0.1:8000

build: $(STAMP)  ## the static site in site/, failing on any warning
	$(BIN)/mkdocs build --strict

verify: $(STAMP)  ## build the site, check that every word of every seed is on its page, in order, and audit its terms and links
	$(BIN)/mkdocs build --quiet
	PYTHONPATH=hooks $(BIN)/python -m seedsite.verify site seeds
	PYTHONPATH=hooks $(BIN)/python -m seedsite.audit site seeds

export: $(STAMP)  ## the pages as a plain docs folder in export/ that MkDocs, ProperDocs and Zensical build without hooks
	PYTHONPATH=hooks $(BIN)/python -m seedsite.export . --out export

test: $(STAMP) chromium  ## every test
	$(BIN)/python -m pytest

bench: $(STAMP)  ## time the build against the floor, encyclopedia and news shapes at 250 to 2,225 articles (~40 min); results in bench/results/
	$(BIN)/python bench/bench.py $(BENCH_ARGS)

# The browser tests drive a real Chromium: Debian's package, installed here when it is missing.
chromium:
	@test -x "$(CHROMIUM)" || { \
	  command -v apt-get >/dev/null || { echo "$(CHROMIUM) not found: install Chromium, or set CHROMIUM=/path/to/it" >&2; exit 1; }; \
	  sudo=$$(test "$$(id -u)" = 0 || echo sudo); \
	  echo "Installing Chromium for the browser tests (apt-get install chromium)"; \
	  $$sudo apt-get update && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y chromium; }
	@test -x "$(CHROMIUM)" || { echo "$(CHROMIUM) still not found: set CHROMIUM=/path/to/chromium" >&2; exit 1; }

# For canonical URLs and the sitemap: make deploy SITE_URL=https://<owner>.github.io/<repo>/
deploy: $(STAMP)  ## build and push the site to the gh-pages branch of $(REMOTE) (GitHub Pages)
	$(BIN)/mkdocs gh-deploy --strict --force --remote-name $(REMOTE)

clean:  ## remove build output
	rm -rf site export test-output .pytest_cache .hypothesis bench/work .cache

distclean: clean  ## also remove the virtual environment
	rm -rf $(VENV)
