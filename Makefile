# The two commands a new user needs: `make demo` and `make test`. Both set themselves up.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_DIR := .demo
DEMO_DB := sqlite:///$(CURDIR)/$(DEMO_DIR)/demo.db
# The seed is from October 2016; the demo looks at it from mid-December 2017,
# when its "in 2017" item falls due. `make demo DEMO_TODAY=` uses the real date.
DEMO_TODAY ?= 2017-12-15
DEMO_ENV := TRACKER_DB_URL=$(DEMO_DB) $(if $(DEMO_TODAY),TRACKER_TODAY=$(DEMO_TODAY))

.PHONY: demo test setup lint db-upgrade seed clean

$(BIN)/tracker: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $@

setup: $(BIN)/tracker

demo: setup
	rm -rf $(DEMO_DIR) && mkdir -p $(DEMO_DIR)
	$(DEMO_ENV) $(BIN)/tracker ingest seeds/
	@echo; echo "== Meetings"; $(DEMO_ENV) $(BIN)/tracker meetings list
	@echo; echo "== Items"; $(DEMO_ENV) $(BIN)/tracker items list
	@echo; echo "== Reminders ($(or $(DEMO_TODAY),today))"; $(DEMO_ENV) $(BIN)/tracker remind

test: setup
	$(BIN)/python -m pytest

db-upgrade: setup
	$(BIN)/tracker db upgrade

seed: setup
	$(BIN)/tracker ingest seeds/

clean:
	rm -rf $(VENV) $(DEMO_DIR) build .pytest_cache .hypothesis
