#!/usr/bin/env bash
# Builds Loket Vokasi as one folder that runs without Python (packaging/loket.spec) into
# dist/loket-vokasi/, then starts the built programs to prove they work without the source
# tree: from an empty folder, with a minimal environment and a temporary LOKET_HOME,
#   loket --version                 prints "Loket Vokasi <version of pyproject.toml>"
#   loket init / demo / check       set-up, demo data and checks (migrations run from the folder)
#   loket certificates print        a finished demo cohort's certificates as PDF
#   loket screenshots DIR           every main screen as PNG (Qt, QtCharts, QtPdf, translations)
#   loket-vokasi                    the window program, until its first window is painted
# and that every library in the folder finds the libraries it links (Linux).
# Every exit code is checked; the time and the size are printed. Run by scripts/test.sh (CI);
# LOKET_SKIP_INSTALLER=1 skips it there. Windows: docs/installer.md.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
began=$(date +%s)

step() { echo "-- installer: $*"; }
fail() { echo "installer: FAILED: $*" >&2; exit 1; }

bash scripts/bootstrap.sh  # .venv with the dev extra, which holds pyinstaller
.venv/bin/python -c 'import PyInstaller' 2>/dev/null \
  || .venv/bin/python -m pip install --quiet 'pyinstaller>=6'
started=$(date +%s)

step "building dist/loket-vokasi/ ($(.venv/bin/python -m PyInstaller --version))"
build_log=build/pyinstaller.log
mkdir -p build
if ! .venv/bin/python -m PyInstaller --noconfirm --distpath dist --workpath build/pyinstaller \
    packaging/loket.spec >"$build_log" 2>&1; then
  tail -n 40 "$build_log" >&2
  fail "PyInstaller did not build (whole log: $build_log)"
fi
built=$(date +%s)
app="$root/dist/loket-vokasi"
[ -x "$app/loket" ] && [ -x "$app/loket-vokasi" ] || fail "dist/loket-vokasi/ lacks loket or loket-vokasi"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/home"
# The packaged program alone: no venv, no PYTHONPATH, started from an empty folder.
run() {
  (cd "$work" && env -i PATH=/usr/bin:/bin HOME="$work" LANG=C.UTF-8 LOKET_HOME="$work/home" \
    QT_QPA_PLATFORM=offscreen "$@")
}

step "loket --version"
want="Loket Vokasi $(.venv/bin/python -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')"
got=$(run "$app/loket" --version) || fail "loket --version exited with $?"
[ "$got" = "$want" ] || fail "loket --version printed '$got', expected '$want'"

step "loket init, demo, check"
echo 'Rahasia2026' | run "$app/loket" init --office JKT --device 1 --admin admin --password-stdin \
  >"$work/init.txt" || fail "loket init exited with $? ($(cat "$work/init.txt"))"
run "$app/loket" demo >"$work/demo.txt" || fail "loket demo exited with $? ($(cat "$work/demo.txt"))"
run "$app/loket" check >"$work/check.txt" || fail "loket check exited with $? ($(cat "$work/check.txt"))"

step "loket certificates print (reportlab, zxing-cpp, the fonts)"
cohort=$(run "$app/loket" cohorts list --json | .venv/bin/python -c '
import json, sys
rows = json.load(sys.stdin)["cohorts"]
print(next(r["code"] for r in rows if r["office"] == "JKT" and r["status"] in ("selesai", "finished")))') \
  || fail "no finished cohort of this office in the demo data"
run "$app/loket" certificates print --cohort "$cohort" --out "$work/certificates" \
  >"$work/certificates.txt" || fail "loket certificates print exited with $? ($(cat "$work/certificates.txt"))"
n_pdf=$(find "$work/certificates" -name '*.pdf' -size +1k | wc -l)
[ "$n_pdf" -gt 0 ] || fail "no certificate PDF written"

step "loket screenshots"
run "$app/loket" screenshots "$work/shots" >"$work/shots.txt" \
  || fail "loket screenshots exited with $? ($(tail -n 5 "$work/shots.txt"))"
n_png=0
for png in "$work"/shots/*.png; do
  [ -f "$png" ] || continue
  [ "$(head -c 4 "$png" | od -An -c | tr -d ' ')" = "211PNG" ] || fail "$png is not a PNG"
  n_png=$((n_png + 1))
done
[ "$n_png" -ge 10 ] || fail "only $n_png screenshots written"
[ -f "$work/shots/about.png" ] || fail "no about.png (the About box reads the libraries' metadata)"

step "loket-vokasi (the window, to its first paint)"
run env LOKET_EXIT_ON_FIRST_WINDOW=1 "$app/loket-vokasi" 2>"$work/window.txt" \
  || fail "loket-vokasi exited with $? ($(tail -n 5 "$work/window.txt"))"
grep -q '^first-paint ' "$work/window.txt" || fail "loket-vokasi painted no window"

if [ "$(uname -s)" = Linux ] && command -v ldd >/dev/null; then
  step "every library finds what it links"
  missing=$(find "$app/_internal" -type f \( -name '*.so' -o -name '*.so.*' \) -print0 \
    | xargs -0 -n 50 ldd 2>/dev/null | grep 'not found' | sort -u || true)
  [ -z "$missing" ] || fail "libraries not found: $missing"
fi

size=$(du -sh "$app" | cut -f1)
echo "installer: OK — dist/loket-vokasi/ ($size): built in $((built - started)) s, checked in" \
  "$(($(date +%s) - built)) s, $(($(date +%s) - began)) s in all ($n_png screenshots," \
  "$n_pdf certificates)"
