# voiceapp: two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
export FLASK_APP := voiceapp

.PHONY: run test install translations db seed serve clean bench

$(BIN)/activate: pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed ($(PYTHON) not found)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(BIN)/activate

install: $(BIN)/activate

translations: install
	$(BIN)/pybabel compile -q -d translations -f

db: install
	$(BIN)/flask db upgrade

seed: db
	$(BIN)/flask seed

run: translations seed
	$(BIN)/flask run --host 127.0.0.1 --port 5000

test: translations
	$(BIN)/python -m pytest --cov=voiceapp --cov-report=term:skip-covered $(PYTEST_ARGS)

bench: install
	$(BIN)/python benchmarks/safeguarding_corpus.py

clean:
	rm -rf $(VENV) instance *.egg-info .coverage
