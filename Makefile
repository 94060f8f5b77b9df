# Khabar: `make run` and `make test` set everything up from nothing (via `make setup`).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
EXAMPLES := examples/ant-sample.jsonl.gz

.PHONY: setup run test bench eval clean-venv browser

setup: $(STAMP) browser

# Headless Chromium and its driver for the browser tests, from Debian (never a browser download).
browser:
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q && \
	  $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium chromium-driver; \
	fi

$(STAMP): pyproject.toml constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -c constraints.txt -e '.[dev,spark,eval]'
	touch $(STAMP)

run: setup
	rm -f build/khabar.db build/khabar.db-wal build/khabar.db-shm
	$(PY) scripts/seed_jsonl.py build/seed.jsonl
	$(VENV)/bin/khabar ingest $(EXAMPLES) build/seed.jsonl --db build/khabar.db --quiet
	$(VENV)/bin/khabar serve --db build/khabar.db --host 127.0.0.1 --port 8000

test: setup
	$(VENV)/bin/pytest -n 2 -q tests

bench: setup
	$(PY) benchmarks/run.py

eval: setup
	$(PY) eval/run.py

clean-venv:
	rm -rf $(VENV)
