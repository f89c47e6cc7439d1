#!/usr/bin/env bash
# Build the site for publishing into site/. The build goes to a temporary folder first and replaces site/
# only when it succeeds, so a failed build (a broken link found at the end, say) never leaves a half site.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
# Every source checked first, mkdocs.yml too, which MkDocs would read before any hook could run: all problems at
# once, in Finnish and Swedish, with the file and the line (guideline/adapter/preflight.py).
.venv/bin/python -m guideline.adapter.preflight "$@"
next=$(mktemp -d "${TMPDIR:-/tmp}/site.XXXXXX")
trap 'rm -rf "$next"' EXIT
.venv/bin/mkdocs build --strict --site-dir "$next/site" "$@"
rm -rf site
mv "$next/site" site
echo "Built into site/: copy its contents to the web server."
