# Two commands: `make demo` and `make test`. Both set up .venv themselves.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
DB     ?= veille.db
PYTEST_ARGS ?=

.PHONY: demo test setup browser bench train lock clean

setup: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[test]'
	touch $(STAMP)

# The browser tests drive Debian's chromium; install it when missing and we may.
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	      || echo "warning: could not install chromium; browser tests will be skipped"; \
	  else echo "note: /usr/bin/chromium missing (apt-get install chromium); browser tests will be skipped"; fi; \
	fi

demo: $(STAMP)
	$(BIN)/veille ingest data/sample --db $(DB)
	@$(BIN)/veille stats --db $(DB)
	@echo
	@echo "Store: $(DB)    Try:"
	@echo "  $(BIN)/veille articles --db $(DB)"
	@echo "  $(BIN)/veille dyad Russie 'junte malienne' --db $(DB)"
	@echo "  $(BIN)/veille export --format jsonl --out export.jsonl --db $(DB)"
	@echo "  $(BIN)/veille serve --db $(DB)      # then open http://127.0.0.1:8000/"

test: $(STAMP) browser
	@$(BIN)/python -m pytest $(PYTEST_ARGS); rc=$$?; \
	  if [ $$rc -eq 5 ]; then echo "make test: pytest collected no tests" >&2; exit 1; fi; exit $$rc

bench: $(STAMP)
	$(BIN)/python bench/accuracy.py
	$(BIN)/python bench/speed.py

# Refit the learned event-type model on tests/data/gold/train (deterministic, CPU, a few minutes).
train: $(STAMP)
	OPENBLAS_NUM_THREADS=1 $(BIN)/python -m veille.training --gold tests/data/gold/train

# Refresh the pinned versions from the current venv.
lock:
	$(BIN)/python -m pip freeze --exclude-editable | grep -v '^-e' > requirements.lock

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache
