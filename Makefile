# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py

.PHONY: bench loadtest run test install install-test lock messages messages-update migrate demo admin-password lint check-migrations clean audit

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Installs come only from the lock files, every package pinned with its hashes; pip resolves
# nothing new. The project itself runs from the checkout, so it is not installed.
$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r requirements.txt
	touch $@

$(VENV)/.installed-test: requirements-test.txt $(VENV)/.installed
	$(BIN)/pip install --quiet --require-hashes -r requirements-test.txt
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

# Regenerates both lock files from pyproject.toml for Python 3.11 to 3.13 on every platform,
# keeping current pins. `make lock UPGRADE=wagtail` moves one package (and what it needs) to
# its newest allowed release; `make lock UPGRADE=--all` moves them all.
UV_VERSION := 0.13.9
UPGRADE ?=
UV_COMPILE := $(BIN)/uv pip compile --quiet --custom-compile-command "make lock" --universal --python-version 3.11 --generate-hashes \
	$(if $(filter --all,$(UPGRADE)),--upgrade,$(addprefix --upgrade-package ,$(UPGRADE)))
lock: | $(BIN)/python
	$(BIN)/pip install --quiet uv==$(UV_VERSION)
	$(UV_COMPILE) pyproject.toml -o requirements.txt
	$(UV_COMPILE) --extra test -c requirements.txt pyproject.toml -o requirements-test.txt

messages: install
	$(MANAGE) compilemessages --ignore=.venv --verbosity 0

migrate: install
	$(MANAGE) migrate --noinput --verbosity 0
	$(MANAGE) update_translation_fields --verbosity 0

demo: migrate
	$(MANAGE) load_demo

run: messages demo
	$(MANAGE) ensure_admin
	$(MANAGE) runserver 127.0.0.1:$(PORT)

admin-password: migrate
	$(MANAGE) ensure_admin --new-password

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

check-migrations: install-test
	DJANGO_SETTINGS_MODULE=portal.settings.test $(MANAGE) makemigrations --check --dry-run

# The suite runs on every core through pytest-xdist, each worker with its own test database;
# the browser tests run in a second pytest process of their own (commit c0700e1).
TEST_WORKERS ?= auto
PYTEST := $(BIN)/pytest -n $(TEST_WORKERS) --durations=10
test: install-test messages lint check-migrations
	DJANGO_SETTINGS_MODULE=portal.settings.test $(MANAGE) check
	$(PYTEST) -m "not browser"
	$(PYTEST) -m browser

clean:
	rm -rf $(VENV) staticfiles db.sqlite3

# After adding interface strings: refresh both catalogues, then translate the new Vietnamese
# entries in locale/vi/LC_MESSAGES/django.po. English msgids are the English text.
messages-update: install
	$(MANAGE) makemessages -l vi -l en --ignore=.venv --ignore=node_modules --ignore=tests --ignore=locale \
		--ignore='*/templates/wagtailadmin/*' --no-obsolete
	msgfilter --keep-header -i locale/en/LC_MESSAGES/django.po -o - sed -e d \
		| msgen - | msgattrib --clear-fuzzy -o locale/en/LC_MESSAGES/django.po

# Nu HTML checker, axe-core and Lighthouse over the demo site in both languages (see README,
# "Discovery, feeds, API and audits"). Needs Java, Node and Debian's chromium.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

audit: install-test messages node_modules/.package-lock.json
	$(BIN)/python audit/run_audit.py

# Speed and load (loopback only, bounded in time): see README "Hardening, speed and recovery".
bench: install messages
	$(BIN)/python bench/wrk_bench.py

loadtest: install messages
	$(BIN)/python bench/loadtest.py
