#!/usr/bin/env bash
# Set up (first run only) and preview the site at http://127.0.0.1:8000/ ; it rebuilds when you save a file
# and restarts when the Python code in hooks/ changes (scripts/serve.py).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
exec .venv/bin/python scripts/serve.py --dev-addr "${ADDRESS:-127.0.0.1:8000}" "$@"
