#!/usr/bin/env bash
# Set up everything the tests need (Python packages, Debian's Chromium and tools, npm tools) and run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
export NO_MKDOCS_2_WARNING=1
exec .venv/bin/python -m pytest "$@"
