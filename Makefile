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
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/waishi extract examples/*.txt --format table

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

# every bench, figures into docs/benchmarks.md; BENCH_QUICK=1 for small sizes
bench: $(STAMP)
	$(BIN)/python bench/report.py $(if $(BENCH_QUICK),--quick)

eval: $(STAMP)
	$(BIN)/python ../shared/eval/score.py --gold ../shared/eval/dev/gold --texts ../shared/eval/dev/texts \
	  --cmd '$(BIN)/waishi extract {file} --format json' -v

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
