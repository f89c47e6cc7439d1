#!/usr/bin/env bash
# Set up this checkout on a Debian machine with Python 3.11: `scripts/setup.sh` for building and serving,
# `scripts/setup.sh test` for everything the tests need too (more Debian packages, npm tools), `scripts/setup.sh unit`
# for the pure tests only (the Python test packages and npm tools, no browser).
# Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

with_tests=${1:-}

python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
requirements=requirements.txt
[ "$with_tests" = test ] || [ "$with_tests" = unit ] && requirements=requirements-test.txt
digest=$(cat requirements.txt requirements-test.txt pyproject.toml | sha256sum | cut -c1-16)
stamp=".venv/.installed-$digest-$with_tests"
# What `test` installed covers `unit` too.
if [ ! -e "$stamp" ] && { [ "$with_tests" != unit ] || [ ! -e ".venv/.installed-$digest-test" ]; }; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$requirements"
  # The guideline package (hooks/guideline/), installed in place: MkDocs, the tests and the scripts import it alike.
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
  touch "$stamp"
fi

# Debian packages. The build needs Voikko (Finnish base forms for search, and the spell check). The tests also
# need Chromium for the browser tests, poppler and zbar for the printed PDFs, Hunspell for the Swedish spell
# check, Java for the HTML checker.
packages=(libvoikko1 voikko-fi)
[ "$with_tests" = test ] && packages+=(chromium poppler-utils fonts-liberation zbar-tools hunspell hunspell-sv
                                       default-jre-headless)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing Debian packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

[ "$with_tests" = test ] || [ "$with_tests" = unit ] || exit 0

if [ ! -d node_modules/axe-core ] || [ ! -d node_modules/vnu-jar ] || [ ! -d node_modules/lighthouse ] ||
   [ ! -d node_modules/scorm-again ] || [ ! -d node_modules/gift-pegjs ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
