# One task file. `make demo` and `make test` are the README's two set-up commands.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench eval clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	# bytecode for the editable sources, written even where PYTHONDONTWRITEBYTECODE is set: each
	# `waishi` command otherwise compiles ~100 modules at start-up (1.05 s -> 0.75 s a command)
	$(BIN)/python -m compileall -q src >/dev/null
	touch $(STAMP)

DEMO_DB := build/demo.db
PORT ?= 8765

# A fresh store from examples/, a one-line summary, then the dashboard (Ctrl+C stops it).
demo: $(STAMP)
	mkdir -p build
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/waishi ingest examples/ --db $(DEMO_DB) --quiet
	$(BIN)/waishi serve --db $(DEMO_DB) --port $(PORT)

test: $(STAMP)
	$(BIN)/python -m pytest

# ruff (with McCabe complexity at 15), mypy over all of src/, import-linter's layer and cycle contracts
lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports

# every bench, figures into docs/benchmarks.md; BENCH_QUICK=1 for small sizes
bench: $(STAMP)
	$(BIN)/python bench/report.py $(if $(BENCH_QUICK),--quick)

eval: $(STAMP)
	$(BIN)/python ../shared/eval/score.py --gold ../shared/eval/dev/gold --texts ../shared/eval/dev/texts \
	  --cmd '$(BIN)/waishi extract {file} --format json' -v

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
