#!/usr/bin/env bash
# One command: set up, create the demo database (first time only) and start the application.
#   bash scripts/demo.sh            # scale 1: one year of a Department
#   DEMO_SCALE=500 bash scripts/demo.sh   # one million parties, for trying the speed
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
DEMO_DB="${DEMO_DB:-$PWD/demo/sotttt-demo.sqlite3}"
if [ ! -f "$DEMO_DB" ]; then
  .venv/bin/sotttt-desktop --db "$DEMO_DB" init --demo --scale "${DEMO_SCALE:-1}"
fi
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ "$(uname)" = Linux ]; then
  echo "No display: starting on a virtual screen (xvfb-run)." >&2
  exec xvfb-run -a .venv/bin/sotttt-desktop --db "$DEMO_DB" "$@"
fi
exec .venv/bin/sotttt-desktop --db "$DEMO_DB" "$@"
