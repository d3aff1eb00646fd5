#!/usr/bin/env bash
# One command: set up everything the tests need and run them (the command CI runs).
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test || exit 1
export QT_QPA_PLATFORM=offscreen
# The suite runs on SQLite and on PostgreSQL: start a throwaway server unless one is given.
if [ -z "${SOTTTT_TEST_PG_URL:-}" ]; then
  if server="$(bash scripts/pg_test_server.sh start)"; then
    eval "$server"
    trap 'bash scripts/pg_test_server.sh stop "$SOTTTT_TEST_PG_DIR"' EXIT
  else
    echo "warning: no PostgreSQL server; its half of the tests is skipped" >&2
  fi
fi
.venv/bin/python -m pytest "$@"
status=$?
if [ "$status" = 5 ]; then
  echo "pytest collected no tests: that is a failure." >&2
  exit 1
fi
exit "$status"
