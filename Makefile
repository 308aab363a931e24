# Proeftuin — `make run` serves the demo, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
UV_VERSION := 0.13.8
HOST ?= 127.0.0.1:8000
# Local development: a fixed development key and plain http (DEVELOPMENT=1), no MFA requirement
# for the demo accounts. DEBUG stays off so the demo shows the real error pages; DEBUG=1 make run
# shows Django's debug pages instead.
DEV_ENV := DEVELOPMENT=1 MFA_REQUIRED_FOR_FACILITATORS=0 SITE_URL=http://$(HOST)
# On PostgreSQL with row-level security, migrations run as the owner of the tables
# (DATABASE_OWNER_URL); everything else runs as the application role of DATABASE_URL.
MIGRATE_ENV := $(if $(DATABASE_OWNER_URL),DATABASE_URL='$(DATABASE_OWNER_URL)')

# Backups (PostgreSQL only): `make backup` dumps the whole database, every gemeente, as the backup
# role (BACKUP_URL: proeftuin_backup, BYPASSRLS, read-only) into var/backups/<UTC time>.dump;
# `make restore` restores a dump (DUMP, default the newest) as the owner into the database of
# RESTORE_URL (default DATABASE_OWNER_URL), replacing what is there.
BACKUP_DIR ?= var/backups
RESTORE_URL ?= $(DATABASE_OWNER_URL)
export RESTORE_URL
DUMP ?= $(lastword $(sort $(wildcard $(BACKUP_DIR)/*.dump)))

.PHONY: install anonimisering-cache migrate run demo test test-fast lint format messages clean backup restore \
	bench bench-pages bench-mix bench-anonimisering bench-logboek

# Bytecode is compiled at install (as in the Dockerfile): with PYTHONDONTWRITEBYTECODE set, or a
# read-only environment, every process would otherwise compile each module it imports again.
$(BIN)/.installed: pyproject.toml uv.lock
	@$(PYTHON) -c 'import sys; sys.exit("Proeftuin needs Python 3.11 or newer") if sys.version_info < (3, 11) else None'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || { echo "Could not make a virtual environment; on Debian/Ubuntu: apt install python3-venv"; exit 1; }
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(BIN)/uv sync --frozen --inexact --compile-bytecode --python $(BIN)/python
	@touch $@

install: $(BIN)/.installed

# The anonymisation gate's lookup cache (deduce): built once here, with a message, never at the
# first casus; a no-op when it is there.
anonimisering-cache: install
	@mkdir -p var
	DEVELOPMENT=1 $(BIN)/python manage.py anonimisering_cache

migrate: install anonimisering-cache
	@mkdir -p var/static
	$(DEV_ENV) $(MIGRATE_ENV) $(BIN)/python manage.py migrate --no-input

run: migrate
	$(DEV_ENV) $(BIN)/python manage.py demo
	@echo "Proeftuin runs on http://$(HOST)/ (stop with Ctrl-C)"
	$(DEV_ENV) $(BIN)/python manage.py runserver $(HOST)

demo: install anonimisering-cache
	$(DEV_ENV) $(BIN)/python manage.py demo

# The whole suite, one process per core (pytest-xdist: a test database and, with REDIS_URL, a
# Redis database per process); TEST_WORKERS=0 runs it in this one process.
TEST_WORKERS ?= auto
test: install anonimisering-cache
	@mkdir -p var/static
	DEVELOPMENT=1 $(BIN)/pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

# The suite to run all day: everything but the browser journeys and the slow tests, on SQLite
# with in-process tasks, one process per core (pytest-xdist). `--lf` and `--ff` work as usual.
test-fast: install anonimisering-cache
	@mkdir -p var/static
	env -u DATABASE_URL -u DATABASE_OWNER_URL -u REDIS_URL DEVELOPMENT=1 \
	    $(BIN)/pytest -n auto -m "not browser and not slow" $(PYTEST_ARGS)

# Benchmarks (bench/README.md). `make bench` runs all three parts:
# - bench-pages: the key pages under load (PostgreSQL, Redis and wrk on this machine) at the demo
#   and the landelijk scale against a bare view; BENCH_ARGS e.g. --scales demo --duration 5;
# - bench-anonimisering: the anonymisation gate's construction, warm detect() and the web tier's
#   memory under gunicorn, then its recall and precision on the Dutch test set;
# - bench-logboek: the Logboek Oogst of the demo at ≥ 40 pages: task time against WeasyPrint's own,
#   pages, size, peak memory, and the query count at two data sizes (SQLite in a temp folder).
bench: bench-anonimisering bench-pages bench-logboek

bench-pages: install anonimisering-cache
	$(BIN)/python bench/pages.py $(BENCH_ARGS)

# bench-mix: many members of many gemeenten in all four roles reading random key pages at the
# landelijk scale, without and with a writer (RSVPs, voortgang), against the bare view (issue 20);
# BENCH_ARGS e.g. --duration 60.
bench-mix: install anonimisering-cache
	$(BIN)/python bench/mix.py $(BENCH_ARGS)

bench-logboek: install anonimisering-cache
	DEVELOPMENT=1 $(BIN)/python bench/logboek.py $(BENCH_ARGS)

bench-anonimisering: install anonimisering-cache
	DEVELOPMENT=1 $(BIN)/python bench/anonimisering.py
	DEVELOPMENT=1 $(BIN)/python bench/anonimisering_kwaliteit.py

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: install
	DEVELOPMENT=1 $(BIN)/python manage.py makemessages --locale nl --no-obsolete --ignore '.venv/*' --ignore 'var/*' --ignore 'tests/*'
	DEVELOPMENT=1 $(BIN)/python manage.py compilemessages --locale nl --ignore '.venv/*'

backup:
	@test -n "$$BACKUP_URL" || { echo "Set BACKUP_URL, e.g. postgres://proeftuin_backup:…@host:5432/proeftuin" >&2; exit 1; }
	@mkdir -p $(BACKUP_DIR)
	@file="$(BACKUP_DIR)/$$(date -u +%Y%m%dT%H%M%SZ).dump"; \
	    umask 077 && pg_dump --format=custom --file="$$file.partial" --dbname="$$BACKUP_URL" \
	    && mv "$$file.partial" "$$file" && echo "Backup written to $$file"

restore:
	@test -n "$(RESTORE_URL)" || { echo "Set RESTORE_URL (or DATABASE_OWNER_URL): the owner's URL of the database to restore into" >&2; exit 1; }
	@test -n "$(DUMP)" && test -f "$(DUMP)" || { echo "No dump to restore: set DUMP=$(BACKUP_DIR)/<time>.dump" >&2; exit 1; }
	@echo "Restoring $(DUMP)"
	@pg_restore --clean --if-exists --no-owner --exit-on-error --single-transaction \
	    --dbname="$$RESTORE_URL" "$(DUMP)"
	@echo "Restored $(DUMP)"

clean:
	rm -rf $(VENV) var
