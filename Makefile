# Two commands do all the set-up on a fresh machine:
#   make run   builds everything and serves the site with demo content on http://127.0.0.1:8000/
#   make test  installs what the tests need and runs the whole suite
# (against PostgreSQL and Redis when they answer on 127.0.0.1, else on SQLite).

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/test
TEST_REDIS_URL ?= redis://127.0.0.1:6379/9

.PHONY: run test install lint audit messages bench chromium wrk

$(VENV)/.runtime: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt tests/browser/package-lock.json
	$(BIN)/pip install --quiet -r requirements-dev.txt
	cd tests/browser && npm ci --silent --no-audit --no-fund
	touch $@

install: $(VENV)/.runtime

run: $(VENV)/.runtime
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo
	@# Scheduled publishing: Wagtail publishes pages whose go-live time has come.
	@trap 'kill 0' EXIT INT TERM; \
	  ( while sleep 60; do $(MANAGE) publish_scheduled >/dev/null 2>&1; done ) & \
	  $(MANAGE) runserver 127.0.0.1:8000

chromium:
	@# Browser tests drive Debian's chromium, never a downloaded build.
	@test -x /usr/bin/chromium || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get install -y chromium || { apt-get update && apt-get install -y chromium; }; \
	  elif command -v sudo >/dev/null; then sudo apt-get install -y chromium; fi; } || true
	@test -x /usr/bin/chromium || { echo "Debian's chromium is not installed."; [ "$$CI" != true ]; }

wrk:
	@# bench/run.py loads the server with Debian's wrk (the benchmark's smoke run is part of the tests).
	@command -v wrk >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get install -y wrk || { apt-get update && apt-get install -y wrk; }; \
	  elif command -v sudo >/dev/null; then sudo apt-get install -y wrk; fi; } || true
	@command -v wrk >/dev/null || { echo "Debian's wrk is not installed."; [ "$$CI" != true ]; }

lint: $(VENV)/.dev
	$(BIN)/ruff check .

# Known advisories against every pinned package (pip-audit and its advisory service, per release).
# When that service cannot be reached (pip-audit stops on a connection error, or it knew not one of the
# pins: an answer from something else on the way), the audit says it did not run; AUDIT_REQUIRED=true
# makes that a failure. An advisory found fails, and so does a pin it could not audit (as --strict).
define AUDIT
import json, os, re, subprocess, sys, tempfile
bin, required = sys.argv[1], os.environ.get("AUDIT_REQUIRED") == "true"
unreachable = re.compile(
    "vulnerability feed|network may be blocking|ConnectionError|ConnectTimeout|ReadTimeout|ProxyError"
    "|SSLError|NameResolution|name resolution|Max retries|Failed to establish|Connection refused"
    "|Connection reset|unreachable"
)
def not_run(why):
    print(f"pip-audit NOT RUN: its advisory service could not be reached ({why}).")
    sys.exit(1 if required else 0)
with tempfile.TemporaryDirectory() as folder:
    report = os.path.join(folder, "audit.json")
    command = [bin + "/pip-audit", "-r", "requirements.txt", "--no-deps", "--disable-pip"]
    command += ["--progress-spinner", "off", "--format", "json", "--output", report]
    run = subprocess.run(command, capture_output=True, text=True)
    text = open(report).read() if os.path.exists(report) else ""
said = (run.stdout + run.stderr).strip()
if not text.strip():
    errors = [line for line in said.splitlines() if unreachable.search(line)]
    if errors:
        not_run(errors[-1][:300])
    sys.exit(f"pip-audit failed (exit {run.returncode}):\n{said}")
pins = json.loads(text)["dependencies"]
skipped = [pin for pin in pins if "skip_reason" in pin]
if pins and len(skipped) == len(pins):
    not_run(f"it knew none of the {len(pins)} pinned packages: {skipped[0]['skip_reason']}")
for pin in skipped:
    print(f"NOT AUDITED {pin['name']}: {pin['skip_reason']}")
found = [(pin, vuln) for pin in pins for vuln in pin.get("vulns", [])]
for pin, vuln in found:
    fixed = ", ".join(vuln["fix_versions"]) or "no release yet"
    print(f"{pin['name']} {pin['version']}: {vuln['id']} {' '.join(vuln['aliases'])} (fixed in {fixed})")
if found or skipped:
    sys.exit(f"pip-audit: {len(found)} known vulnerabilities, {len(skipped)} pins not audited")
print(f"pip-audit: no known vulnerabilities in the {len(pins)} pinned packages.")
endef
export AUDIT
audit: $(VENV)/.dev
	@$(BIN)/python -c "$$AUDIT" $(BIN)

PYTEST := $(BIN)/python -m pytest -n 2 --dist loadgroup

# Every test against PostgreSQL and Redis, production's parts (the browser tests drive the demo site on
# SQLite, as `make run` serves it), then the tests marked `embedded` (their outcome depends on the
# database or cache engine) against SQLite and the in-process cache. Without PostgreSQL on
# 127.0.0.1 every test runs on SQLite; in CI that is a failure. The first pass includes the benchmarks'
# smoke runs (tests/test_bench.py: every bench script with --smoke, on SQLite, two at a time).
test: $(VENV)/.dev chromium wrk lint audit
	@if $(BIN)/python -c "import socket; socket.create_connection(('127.0.0.1', 5432), 2)" 2>/dev/null; then \
	  echo "== every test against PostgreSQL and Redis =="; \
	  DATABASE_URL=$(TEST_DATABASE_URL) REDIS_URL=$(TEST_REDIS_URL) $(PYTEST) && \
	  echo "== the tests that depend on the engine, again against SQLite and the in-process cache ==" && \
	  $(PYTEST) -m embedded; \
	else echo "PostgreSQL does not answer on 127.0.0.1:5432: every test on SQLite."; \
	  $(PYTEST) && [ "$$CI" != true ]; fi

messages: $(VENV)/.dev
	$(MANAGE) makemessages -l nl -l en --ignore=.venv --ignore=tests --ignore=bench
	$(MANAGE) compilemessages --ignore=.venv

bench: $(VENV)/.dev wrk
	$(BIN)/python bench/run.py
	$(BIN)/python bench/surveys.py
	$(BIN)/python bench/learning.py
	$(BIN)/python bench/loop.py
