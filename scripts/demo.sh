#!/usr/bin/env bash
# The main job end to end on the bundled example articles, with the default SQLite store.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
. .venv/bin/activate
db="${FUENTES_DB:-fuentes.db}"
fuentes ingest examples/articles --db "$db" || true   # non-zero only if some input was rejected
fuentes articles --db "$db"
fuentes export --db "$db" --format jsonl --output examples-export.jsonl
echo "export written to examples-export.jsonl"
