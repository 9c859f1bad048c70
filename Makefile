# Samordna — the two commands a new user needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: install run test test-fast lint bench messages clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit("Samordna kräver Python 3.11 eller senare") if sys.version_info < (3, 11) else None'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

# The compiled catalogues (.mo) are committed, so a new machine needs no gettext;
# run `make messages` after editing a .po file.
messages:
	for po in src/samordna/locale/*/LC_MESSAGES/django.po; do msgfmt --check -o "$${po%.po}.mo" "$$po"; done

run: install
	$(BIN)/samordna demo
	$(BIN)/samordna serve

test: install lint
	$(BIN)/python -m pytest

# Everything but the browser tests, on both cores: the everyday loop.
test-fast: install
	$(BIN)/python -m pytest -n 2 -m "not browser"

lint: install
	$(BIN)/ruff check src tests tools
	$(BIN)/ruff format --check src tests tools
	$(BIN)/mypy
	$(BIN)/lint-imports

bench: install
	$(BIN)/python tools/bench.py

clean:
	rm -rf $(VENV) samordna.sqlite3
