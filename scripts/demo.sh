#!/usr/bin/env bash
# The main job end to end on the bundled example articles, with the default SQLite store.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
. .venv/bin/activate
db="${FUENTES_DB:-fuentes.db}"
fuentes run examples/articles --db "$db" --saved-at 2026-03-09T20:00:00-06:00
fuentes articles --db "$db"
fuentes provenance --db "$db"
fuentes export --db "$db" --format jsonl --output examples-export.jsonl
echo "export written to examples-export.jsonl"
