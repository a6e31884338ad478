# Two commands on a fresh machine: `make serve` and `make test`. Everything else builds on them.
VENV   ?= .venv
PYTHON ?= python3
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | cksum | cut -d' ' -f1)
export NO_MKDOCS_2_WARNING = 1

.PHONY: serve build test verify bench deploy clean distclean install

install: $(STAMP)

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	rm -f $(VENV)/.installed-*
	touch $@

serve: $(STAMP)  ## live preview on http://127.0.0.1:8000, rebuilt when a seed changes
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(STAMP)  ## the static site in site/, failing on any warning
	$(BIN)/mkdocs build --strict

test: $(STAMP)  ## every test
	$(BIN)/python -m pytest

clean:  ## remove build output
	rm -rf site test-output .pytest_cache .hypothesis bench/work

distclean: clean  ## also remove the virtual environment
	rm -rf $(VENV)
