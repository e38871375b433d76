#!/usr/bin/env bash
# Installs what is needed, then starts the desktop program.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  if command -v xvfb-run >/dev/null 2>&1; then
    echo "No screen found: starting on a virtual screen (xvfb-run)." >&2
    exec xvfb-run -a .venv/bin/python main.py "$@"
  fi
fi
exec .venv/bin/python main.py "$@"
