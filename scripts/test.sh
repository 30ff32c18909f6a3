#!/usr/bin/env bash
# Install everything and run the whole test suite, on SQLite and (when available) PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
FUENTES_EXTRAS="${FUENTES_EXTRAS:-postgres,test,ftm,spark}" bash scripts/install.sh
. .venv/bin/activate
if [ -z "${FUENTES_TEST_PG:-}" ] && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  eval "$(bash .ci/start-postgres.sh)"
fi
python -m pytest -q -p no:cacheprovider "$@"
