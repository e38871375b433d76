#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages that Qt (offscreen and on a real screen) and the tests
# need, only those missing, and only when running as root with apt-get. Elsewhere it lists
# what is missing and goes on (a developer may have them from another source).
set -euo pipefail

PACKAGES=(
  # Qt 6 runtime libraries (PySide6 wheels bring Qt itself, not these)
  libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
  libxcb-randr0 libxcb-shape0 libxcb-xfixes0 libxcb-xkb1 libx11-xcb1
  fonts-dejavu-core
  # a virtual screen for running the window on a machine without one (xvfb-run -a make run)
  xvfb xauth
  # reading back PDFs and QR codes in tests
  poppler-utils zbar-tools
  # the certificate verification page, opened in a real headless browser by the tests
  chromium chromium-driver
)

command -v dpkg-query >/dev/null 2>&1 || { echo "system-deps: not a Debian system, skipped"; exit 0; }

missing=()
for pkg in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done
if ! python3 -c "import ensurepip, venv" >/dev/null 2>&1; then
  missing+=(python3-venv)
fi
((${#missing[@]})) || exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "system-deps: missing ${missing[*]} (run as root or: sudo apt-get install ${missing[*]})"
fi
