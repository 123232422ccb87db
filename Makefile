# frontline-map: every set-up step lives here. `make app` and `make test` work on a fresh clone.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: app test lint bench data fuzz clean-venv

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,data]'
	touch $(STAMP)

app: $(STAMP)  ## open the dashboard on http://localhost:8501 with the bundled seeds
	$(BIN)/streamlit run app.py --server.port 8501 --server.headless true \
		--browser.gatherUsageStats false

test: $(STAMP)  ## lint, then every test (fails if none is collected)
	$(BIN)/ruff check geo tests scripts bench app.py
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check geo tests scripts bench app.py

$(VENV)/.bench-installed: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,data,bench]'
	touch $@

bench: $(VENV)/.bench-installed  ## speed, memory and quality figures (reads ../shared/eval/dev)
	$(BIN)/python -m bench

fuzz: $(STAMP)  ## fuzz the reader and claim parser for FUZZ_MINUTES (default 2)
	$(BIN)/python scripts/fuzz.py

data: $(STAMP)  ## rebuild data/ from the raw files in ../shared/data
	$(BIN)/python scripts/build_data.py --shared $(SHARED) --out data

clean-venv:
	rm -rf $(VENV)
