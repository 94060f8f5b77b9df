# Khabar: `make run` and `make test` set everything up from nothing (via `make setup`).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
EXAMPLES := examples/ant-sample.jsonl.gz

.PHONY: setup run test bench eval clean-venv

setup: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -c constraints.txt -e '.[dev,spark,eval]'
	touch $(STAMP)

run: setup
	$(VENV)/bin/khabar batch $(EXAMPLES) --out build/examples.jsonl

test: setup
	$(VENV)/bin/pytest -n 2 -q tests

bench: setup
	$(PY) benchmarks/run.py

eval: setup
	$(PY) eval/run.py

clean-venv:
	rm -rf $(VENV)
