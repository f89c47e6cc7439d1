#!/usr/bin/env bash
# Set up (first run only) and preview the site at http://127.0.0.1:8000/ ; it rebuilds when you save a file.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
exec .venv/bin/mkdocs serve --dev-addr "${ADDRESS:-127.0.0.1:8000}" "$@"
