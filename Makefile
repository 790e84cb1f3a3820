# The two commands a new user needs: `make demo` and `make test`. Both set themselves up.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_DIR := .demo
DEMO_DB := sqlite:///$(CURDIR)/$(DEMO_DIR)/demo.db
# The demo reads the seed as of the real date (its 2017 item is long overdue);
# `make demo DEMO_TODAY=2017-12-15` shows it as it looked when it fell due.
DEMO_TODAY ?=
DEMO_ENV := TRACKER_DB_URL=$(DEMO_DB) $(if $(DEMO_TODAY),TRACKER_TODAY=$(DEMO_TODAY))

# The weekly report of the seed's week, seen from REPORT_TODAY, as build/report-demo.png.
REPORT_WEEK ?= 2016-W40
REPORT_TODAY ?= 2017-12-15
REPORT_ENV := TRACKER_DB_URL=sqlite:///$(CURDIR)/build/report-demo.db $(if $(REPORT_TODAY),TRACKER_TODAY=$(REPORT_TODAY))
# Debian's browser for the HTML report tests and screenshot (Playwright drives it, never downloads one).
CHROMIUM := /usr/bin/chromium

.PHONY: agreement score demo test setup lint dbapi-sql db-upgrade seed clean browser libical report-demo bench

# setuptools prints an "Editable installation ... be careful with folders in your working
# directory" box for every editable install that maps a folder (tracker._migrations = alembic/):
# information, not a fault, yet it alarmed new users (issue #14). Only that notice is filtered;
# errors and every other warning still show.
QUIET_EDITABLE := PYTHONWARNINGS='ignore:Editable installation'

# uv installs the same packages from the same index in a third of pip's time (about 25 s against 90 s
# for a clean clone); where uv cannot be had, pip does it as before.
# Bytecode is compiled at install (uv's --compile-bytecode; pip does it by default), and tracker's own once:
# where PYTHONDONTWRITEBYTECODE is set (as in this team's shells and CI), Python never caches it, and every
# `tracker` process compiled some 500 modules again (about 1 s of CPU; items list's start-up fell 1.6 -> 0.65 s
# of CPU on a loaded machine).
$(BIN)/tracker: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	@$(BIN)/pip install --quiet uv || echo "make: cannot install uv; installing with pip (slower)" >&2
	if [ -x $(BIN)/uv ]; then \
	$(QUIET_EDITABLE) $(BIN)/uv pip install --quiet --compile-bytecode --python $(BIN)/python -e '.[dev]'; \
	else $(BIN)/pip install --quiet --upgrade pip && \
	$(QUIET_EDITABLE) $(BIN)/pip install --quiet -e '.[dev]'; fi
	env -u PYTHONDONTWRITEBYTECODE $(BIN)/python -m compileall -q tracker
	@touch $@

setup: $(BIN)/tracker

demo: setup
	rm -rf $(DEMO_DIR) && mkdir -p $(DEMO_DIR)
	$(DEMO_ENV) $(BIN)/tracker ingest seeds/
	@echo; echo "== Meetings"; $(DEMO_ENV) $(BIN)/tracker meetings list
	@echo; echo "== Items"; $(DEMO_ENV) $(BIN)/tracker items list
	@echo; echo "== Reminders ($(or $(DEMO_TODAY),today))"; $(DEMO_ENV) $(BIN)/tracker remind

# Static checks, run by CI beside the tests (.ci/run); every check runs and any failure fails the target.
# ruff: lint and format; mypy: tracker/ as [tool.mypy] says (strict on domain, temporal, storage);
# vulture: dead code, as [tool.vulture] and vulture_whitelist.py say.
LINT_PATHS := tracker tests bench alembic vulture_whitelist.py
lint: setup
	@status=0; \
	echo "== ruff check"; $(BIN)/ruff check $(LINT_PATHS) || status=1; \
	echo "== ruff format --check"; $(BIN)/ruff format --check $(LINT_PATHS) || status=1; \
	echo "== mypy"; $(BIN)/mypy || status=1; \
	echo "== vulture"; $(BIN)/vulture && echo "no dead code found" || status=1; \
	exit $$status

# Two cores, two workers: every test makes its own databases and folders, so they run in parallel.
# loadgroup hands tests out one by one (slow ones first, see tests/conftest.py) and keeps each
# xdist_group on one worker: a module whose fixture starts servers or long ingests runs them once.
test: setup browser libical
	$(BIN)/python -m pytest -n auto --dist loadgroup

# The SQL of the SQLAlchemy-free start-up path, rendered from storage's Core statements (tracker/speed/dbapi.py);
# tests/speed/test_dbapi.py fails until this is run after a change to the tables or those statements.
dbapi-sql: setup
	$(BIN)/python -m tracker.speed.dbapi_render

# Installs chromium when missing; where it cannot (no root), the browser tests skip, except in CI.
browser:
	@test -x $(CHROMIUM) || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) \
		|| { echo "make: cannot install chromium; the browser tests will be skipped" >&2; test "$$CI" != true; }

# Installs Debian's libical (the calendar core of Evolution and GNOME Calendar) when missing: the tests read
# every calendar with it through its C API (tests/exporters/libical.py). Skipped locally when it cannot, not in CI.
LIBICAL := /usr/lib/$(shell $(PYTHON) -c 'import sysconfig; print(sysconfig.get_config_var("MULTIARCH") or "")')/libical.so.3
libical:
	@test -e $(LIBICAL) || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libical3 \
		|| DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libical3t64) \
		|| { echo "make: cannot install libical3; the libical checks will be skipped" >&2; test "$$CI" != true; }

report-demo: setup browser
	mkdir -p build && rm -f build/report-demo.db*
	$(REPORT_ENV) $(BIN)/tracker ingest seeds/
	$(REPORT_ENV) $(BIN)/tracker report weekly --week $(REPORT_WEEK) --format html -o build/report-demo.html
	$(BIN)/python tests/reports/report_browser.py build/report-demo.html build/report-demo.png

# Every benchmark under bench/, each bounded to about two minutes, as ONE table, also written to
# bench/RESULTS.md with the machine it ran on. Never part of `make test`.
bench: setup
	$(QUIET_EDITABLE) $(BIN)/pip install --quiet -e '.[dev,bench]'
	@command -v task >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq taskwarrior) \
		|| echo "make: cannot install taskwarrior; its rows will say so" >&2
	TRACKER_SHARED=$(abspath $(SHARED)) $(BIN)/python bench/run.py --results bench/RESULTS.md

db-upgrade: setup
	$(BIN)/tracker db upgrade

seed: setup
	$(BIN)/tracker ingest seeds/

clean:
	rm -rf $(VENV) $(DEMO_DIR) build .pytest_cache .hypothesis .mypy_cache .ruff_cache

# Extraction scores on the shared dev corpus and on every in-repo set, held-out ones marked (issue #11).
SHARED ?= $(or $(TRACKER_SHARED),../shared)
score: setup
	@$(BIN)/python tests/corpus/score_sets.py $(SHARED)

# Two annotators' agreement on blind8-20, held out when read twice (tests/corpus/agreement/README.md): the ceiling for an extractor.
agreement: setup
	@for n in 8 9 10 11 12 13 14 15 16 17 18 19 20; do echo "== blind$$n: second reading vs gold"; $(BIN)/python $(SHARED)/extraction/score.py --corpus tests/corpus/blind$$n --cmd "$(BIN)/python tests/corpus/agreement/second_reading.py" | tail -1; done
	@echo "== the extractor on the items both readings have, and on its extras"; $(BIN)/python tests/corpus/agreement/consensus.py $(SHARED)
