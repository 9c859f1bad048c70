# Samordna — the two commands a new user needs: `make run` and `make test`.
PYTHON ?= python3
# The packages are installed by uv (fetches in parallel: ~20 s where pip takes ~60 s), with pip
# as the fallback where uv cannot reach the index pip is configured for.
VENV := .venv
BIN := $(VENV)/bin
# The venv is made without pip (ensurepip takes ~6 s): Python's own pip installs uv into it.
# Where that pip is missing, the venv gets its own pip first.
PIP := $(BIN)/python -m ensurepip --upgrade >/dev/null && $(BIN)/python -m pip
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
# Python's bytecode (and pytest's rewritten test modules) kept between runs even where the
# environment says not to (PYTHONDONTWRITEBYTECODE): uv installs without compiling, and each
# test process, server worker and command imports ~500 modules.
export PYTHONDONTWRITEBYTECODE :=
# The Debian packages: installed when missing (as root), otherwise the command to run, exit 2.
SYSTEM := $(PYTHON) tools/system_packages.py

.PHONY: install run test test-fast check lint lint-types lint-rest docs bench bench-load messages clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit("Samordna kräver Python 3.11 eller senare") if sys.version_info < (3, 11) else None'
	test -x $(BIN)/python || $(PYTHON) -m venv --without-pip $(VENV)
	$(PYTHON) -m pip --python $(BIN)/python install --quiet 'uv>=0.5' \
	  || { $(PIP) install --quiet 'uv>=0.5'; }
	$(BIN)/uv pip install --quiet --python $(BIN)/python -e '.[dev]' \
	  || { $(PIP) install --quiet -e '.[dev]'; }
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

# The compiled catalogues (.mo) are committed, so a new machine needs no gettext;
# run `make messages` after editing a .po file.
messages:
	$(SYSTEM) messages
	for po in src/samordna/locale/*/LC_MESSAGES/django.po; do msgfmt --check -o "$${po%.po}.mo" "$$po"; done

run: install
	$(SYSTEM) run
	$(BIN)/samordna demo
	$(BIN)/samordna serve

# The whole suite in one run on both cores, at full Hypothesis strength (profile `ci`): the
# browser tests (each worker its own chromium, live server and demo) among the others, so both
# cores stay busy to the end. A missing chromium fails the browser tests rather than skip them.
# Lint is its own target (`make lint`); CI (.ci/run) runs both, `make check` does too.
test: install
	$(SYSTEM) test
	SAMORDNA_BROWSER_REQUIRED=1 $(BIN)/python -m pytest -n 2 --dist loadgroup --hypothesis-profile=ci

# Everything but the browser tests, on both cores, fewer Hypothesis examples: the everyday loop.
test-fast: install
	$(SYSTEM) test
	$(BIN)/python -m pytest -n 2 --dist loadgroup -m "not browser" --hypothesis-profile=fast

# What CI asks of a change: lint, then the whole suite.
check: lint test

# mypy (the longest, ~30 s without its cache) beside the others, on the second core.
lint: install
	$(MAKE) --no-print-directory --output-sync=target -j2 lint-types lint-rest

lint-types: install
	$(BIN)/mypy

lint-rest: install
	$(BIN)/ruff check src tests tools
	$(BIN)/ruff format --check src tests tools
	$(BIN)/lint-imports
	$(BIN)/python tools/cli_docs.py --check

# The usage blocks in docs/kommandon/ from the commands' real --help; the glossary's code tables.
docs: install
	$(BIN)/python tools/cli_docs.py
	$(BIN)/python tools/ordlista.py

bench: install
	$(BIN)/python tools/bench.py

# The load test alone (50 users on SQLite-WAL, and PostgreSQL with SAMORDNA_BENCH_DATABASE_URL).
bench-load: install
	$(BIN)/python tools/bench.py load_run

clean:
	rm -rf $(VENV) samordna.sqlite3
