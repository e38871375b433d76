#!/usr/bin/env bash
# Refresh the Indonesian catalogue from the source strings in app/ui, then compile it.
# After running: translate the entries marked type="unfinished" in resources/i18n/loket_id.ts
# (pyside6-linguist, or a text editor), run this script again, and commit the .ts and .qm.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.venv/bin
[ -x "$bin/pyside6-lupdate" ] || bin=$(dirname "$(command -v pyside6-lupdate)")
mapfile -t sources < <(find app/ui -name '*.py' | sort)
"$bin/pyside6-lupdate" -no-obsolete -locations none -source-language en -target-language id_ID \
    "${sources[@]}" -ts resources/i18n/loket_id.ts
for ts in resources/i18n/*_id.ts; do
    "$bin/pyside6-lrelease" "$ts" -qm "${ts%.ts}.qm"
done
