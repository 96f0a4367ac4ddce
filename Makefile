# Every target creates the virtual environment it needs; only Python is assumed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test app eval bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/lexalign check corpora/ruritania_cma2023.txt --format html --output out/demo_report.html
	@echo "Report written to out/demo_report.html"

test: $(STAMP)
	$(BIN)/python -m pytest -q -n 2

app: $(STAMP)
	$(BIN)/streamlit run app.py

eval: $(STAMP)
	$(BIN)/lexalign eval ../shared/eval/dev/gold --laws ../shared/eval/dev/laws

bench: $(STAMP)
	$(BIN)/python benchmarks/speed.py
	$(BIN)/python benchmarks/baselines.py
	$(BIN)/python benchmarks/batch_bench.py

clean:
	rm -rf $(VENV) out
