#!/usr/bin/env bash
# Everything CI checks, in order: lint, types, then the whole test suite.
# pytest's exit code 5 ("no tests collected") is a failure here, not a pass.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh || exit 1

export QT_QPA_PLATFORM=offscreen
status=0
echo "== ruff"; .venv/bin/ruff check app tests bench main.py || status=1
echo "== mypy"; .venv/bin/mypy || status=1
echo "== pytest"
.venv/bin/python -m pytest "$@"
rc=$?
if [ $rc -eq 5 ]; then
  echo "pytest collected no tests: failing on purpose" >&2
  rc=1
fi
[ $rc -ne 0 ] && status=$rc
exit $status
