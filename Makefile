# U_CAN CMS — `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

export UV_PYTHON_DOWNLOADS := never
PYTHON ?= python3
# uv from PATH when present, otherwise the copy `make install` puts next to $(PYTHON).
UV := $(shell command -v uv >/dev/null 2>&1 && echo uv || echo $(PYTHON) -m uv)
MANAGE := .venv/bin/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: help
help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

.PHONY: uv
# The last fallback is for Debian's and Ubuntu's system Python, which refuses user installs
# (PEP 668); uv is a self-contained tool and touches nothing of the system's packages.
uv: ## Install uv with pip if it is missing
	@command -v uv >/dev/null 2>&1 || $(PYTHON) -m uv --version >/dev/null 2>&1 \
		|| $(PYTHON) -m pip install --quiet --user uv 2>/dev/null \
		|| $(PYTHON) -m pip install --quiet uv 2>/dev/null \
		|| $(PYTHON) -m pip install --quiet --user --break-system-packages uv

.PHONY: install
install: uv ## Install the locked Python dependencies into .venv
	$(UV) sync --locked

.PHONY: run
# The API's absolute URLs (detail_url, find/'s redirects) name the address served, PORT=8701
# included, unless the environment sets them.
run: SERVED_URLS = WAGTAILADMIN_BASE_URL="$${WAGTAILADMIN_BASE_URL:-http://$(HOST):$(PORT)}" \
	WAGTAILAPI_BASE_URL="$${WAGTAILAPI_BASE_URL:-$${WAGTAILADMIN_BASE_URL:-http://$(HOST):$(PORT)}}"
run: install ## Install, migrate, load the demo content, serve http://127.0.0.1:8000 (or PORT=…) and run the worker
	$(MANAGE) migrate --no-input
	$(MANAGE) load_demo
	$(MANAGE) create_admin
	@echo "Admin: http://$(HOST):$(PORT)/admin/   API: http://$(HOST):$(PORT)/api/v2/"
	@# The background worker (publish notifications, CDN purges) stops with the server.
	export $(SERVED_URLS); \
		$(MANAGE) db_worker --backend background --queue-name '*' & \
		trap 'kill $$! 2>/dev/null' EXIT; \
		$(MANAGE) runserver $(HOST):$(PORT)

.PHONY: browser
# Debian's Chromium for the browser journeys (tests/browser), when root can install it; never a
# browser download. Without it and outside CI, the journeys skip and say how to install it.
browser: ## Install Debian's chromium and chromium-driver for the browser tests, if missing
	@if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		export DEBIAN_FRONTEND=noninteractive; \
		apt-get install -y -qq chromium chromium-driver >/dev/null 2>&1 \
			|| { apt-get update -qq && apt-get install -y -qq chromium chromium-driver >/dev/null; }; \
	else \
		echo "Chromium is missing: the browser tests will skip (apt-get install chromium chromium-driver)"; \
	fi

.PHONY: test test-slow test-all
# The slow drills (`-m slow`: native stacks, backup and restore, the failure drill, the browser
# journeys, the admin walk of every role) are left out of `make test`; CI runs them as well.
PYTEST_ARGS ?= -n 2
test: install ## Install and run the tests, all but the slow drills (SQLite unless DATABASE_URL is set)
	.venv/bin/pytest $(PYTEST_ARGS) -m "not slow"

# --dist loadfile keeps the tests of a file on one worker, so each native stack starts once.
test-slow: install browser ## Run only the slow drills (Chromium too, as root)
	.venv/bin/pytest $(PYTEST_ARGS) --dist loadfile -m slow

test-all: install browser ## Run every test, the slow drills too (Chromium too, as root)
	.venv/bin/pytest $(PYTEST_ARGS)

.PHONY: bench
bench: install ## Benchmark the API against stock Wagtail, bare WSGI, nginx and Varnish (bench/results.md)
	.venv/bin/python bench/run.py $(BENCH_ARGS)

.PHONY: backup
BACKUP_DIR ?= backups
backup: install ## Back up the database (pg_dump or SQLite copy) and media to backups/ (BACKUP_DIR=…)
	$(MANAGE) backup --directory $(BACKUP_DIR)

.PHONY: restore
restore: install ## Restore a backup: make restore FILE=backups/ucan-….tar.gz [FORCE=1]
	@test -n "$(FILE)" || { echo "Name the archive: make restore FILE=backups/ucan-….tar.gz"; exit 2; }
	$(MANAGE) restore "$(FILE)" $(if $(FORCE),--force,)

.PHONY: bench-publish
bench-publish: install ## Publish to visible through Varnish, beside webhook delivery (bench/results-publish.md)
	.venv/bin/python bench/publish_to_visible.py $(BENCH_ARGS)

.PHONY: bench-scale
bench-scale: install ## Queries and latency of the API at 20 vs 2,000 partners (bench/results-scale.md)
	.venv/bin/python bench/scale.py $(BENCH_ARGS)

.PHONY: types
# npm's openapi-typescript and typescript, pinned in contract/ts/package-lock.json; node from the
# machine (v20). The generated types are not committed: they are made from the document each time.
types: install ## Generate TypeScript types from the OpenAPI document and compile a strict consumer
	$(MANAGE) openapi_document --output build/openapi.json
	cd contract/ts && npm ci --no-audit --no-fund --ignore-scripts --silent
	cd contract/ts && npx openapi-typescript ../../build/openapi.json --output generated/api.d.ts
	cd contract/ts && npx tsc --strict --noEmit -p .

.PHONY: lint
lint: install ## Check style with ruff
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .

.PHONY: format
format: install ## Reformat the code with ruff
	.venv/bin/ruff check --fix .
	.venv/bin/ruff format .

.PHONY: clean
clean: ## Remove the local database, media and virtual environment
	rm -rf .venv db.sqlite3 media static
