# The two commands of the README: `make run` (a seeded service on SQLite) and `make test`.
# Both create the virtual environment and install the pinned requirements on first use.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

CHROMIUM ?= /usr/bin/chromium
LOADTEST_DATABASE_URL ?= sqlite:///$(CURDIR)/.loadtest/db.sqlite3

.PHONY: run test install lint typecheck check clean loadtest bench messages browser

run: $(INSTALLED)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_seed_data
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: $(INSTALLED)
	$(BIN)/pytest $(PYTEST_ARGS)

install: $(INSTALLED)

$(INSTALLED): requirements.txt requirements-dev.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=python3.11).")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $(INSTALLED)

# Debian's Chromium, which the browser tests (tests/browser) drive headless; installed with apt (as root) only when
# missing. Without it `make test` skips those tests.
browser:
	@test -x $(CHROMIUM) || { \
		test "$$(id -u)" = 0 || { echo "No Chromium at $(CHROMIUM): run 'apt-get install chromium' as root." >&2; exit 1; }; \
		echo "Installing Debian's chromium"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-liberation >/dev/null; \
	}
	@$(CHROMIUM) --version 2>/dev/null

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# mypy with django-stubs, strict on the services, the kernel and the row shapers (pyproject.toml).
typecheck: $(INSTALLED)
	$(BIN)/mypy

check: $(INSTALLED)
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/python manage.py spectacular --validate --fail-on-warn --file /dev/null

# The Indonesian catalog from the strings the code marks for translation, then compiled; commit both files
# (locale/id/LC_MESSAGES/django.po and .mo). Needs GNU gettext (xgettext, msgfmt); running the service does not.
# tests/test_translation_files.py reads the code with the same --ignore patterns.
messages: $(INSTALLED)
	$(BIN)/python manage.py makemessages --locale id --no-obsolete --add-location file \
		--ignore 'tests/*' --ignore 'benchmark/*' --ignore 'staticfiles/*'
	$(BIN)/python manage.py compilemessages --locale id --ignore '.venv/*'

# A load run against a seeded database of its own (LOADTEST_DATABASE_URL); LOADTEST_ARGS='--duration 60'.
loadtest: export DATABASE_URL = $(LOADTEST_DATABASE_URL)
loadtest: $(INSTALLED)
	mkdir -p .loadtest
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_seed_data
	$(BIN)/python manage.py loadtest $(LOADTEST_ARGS)

# Time every list, filter, search, deep page, as_of, valid_at, detail, 304 and feed request of the configured
# database beside its floor (BENCH_ARGS='--only statements'); results in benchmark/results.json.
bench: $(INSTALLED)
	$(BIN)/python manage.py benchmark $(BENCH_ARGS)

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache .ruff_cache .mypy_cache .cache .loadtest .browser-failures
