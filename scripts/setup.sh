#!/usr/bin/env bash
# Shared by demo.sh and test.sh: system packages (Debian/Ubuntu, when root or sudo is available)
# and the project's virtual environment in .venv. Safe to run again: it only adds what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

EXTRA="${1:-}"   # pip extra to install, e.g. "test"
PACKAGES=(libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxkbcommon-x11-0 libegl1 libgl1
          libfontconfig1 libdbus-1-3 fonts-liberation2 poppler-utils xvfb)
[ "$EXTRA" = test ] && PACKAGES+=(postgresql)   # the tests run on PostgreSQL too

if command -v dpkg >/dev/null 2>&1; then
  missing=()
  for package in "${PACKAGES[@]}"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
  if (( ${#missing[@]} )); then
    if [ "$(id -u)" = 0 ]; then
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
    elif command -v sudo >/dev/null 2>&1; then
      sudo apt-get update -qq
      sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
    else
      echo "warning: missing system packages (install them as root): ${missing[*]}" >&2
    fi
  fi
fi

PYTHON="${PYTHON:-python3}"
"$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
  echo "Python 3.11 or newer is required (found $("$PYTHON" --version 2>&1))." >&2; exit 1; }
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
if [ -n "$EXTRA" ]; then
  .venv/bin/python -m pip install -q -e ".[$EXTRA]"
else
  .venv/bin/python -m pip install -q -e .
fi
