#!/usr/bin/env bash
# Set up everything the tests need (Python packages, Debian's Chromium and tools, npm tools) and run every test.
# `scripts/test.sh --fast` runs only the pure tests (no build, no browser) in seconds; other arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--fast" ]; then
  shift
  scripts/setup.sh unit
  exec .venv/bin/python -m pytest -m unit -q "$@"
fi
scripts/setup.sh test
export NO_MKDOCS_2_WARNING=1
exec .venv/bin/python -m pytest "$@"
