# Two commands do everything on a fresh machine: `make run` and `make test`.
# `make run` installs the runtime lock only (requirements.lock); `make test` adds the dev
# lock (requirements-dev.lock: pytest, the notebook kernel, matplotlib for --png).
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev

.PHONY: run test install install-dev docs clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(STAMP): pyproject.toml requirements.lock | $(BIN)/python
	$(BIN)/pip install -q -r requirements.lock
	$(BIN)/pip install -q --no-deps -e .
	touch $(STAMP)

$(DEV_STAMP): $(STAMP) requirements-dev.lock
	$(BIN)/pip install -q -r requirements-dev.lock
	touch $(DEV_STAMP)

install: $(STAMP)

install-dev: $(DEV_STAMP)

## Build the knowledge graph from seeds/ into output/
run: $(STAMP)
	$(BIN)/kg build seeds --out output

## Run the test suite (installs the dev lock first)
test: $(DEV_STAMP)
	$(BIN)/python -m pytest -q

## Rewrite the README's generated regions, docs/view-seed.png and the notebook's outputs from
## the current build of seeds/ (needs chromium for the screenshot)
docs: $(DEV_STAMP)
	$(BIN)/python scripts/make_docs.py

clean:
	rm -rf $(VENV) output/*.ttl output/*.html
