#!/usr/bin/env bash
# Everything CI checks, in order: lint, types, layers, dependencies, the packaged program,
# then the whole test suite.
# pytest's exit code 5 ("no tests collected") is a failure here, not a pass.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh || exit 1

export QT_QPA_PLATFORM=offscreen
# The sync-server tests use PostgreSQL in CI (and when LOKET_WITH_PG=1), SQLite otherwise.
if [ -z "${LOKET_TEST_PG:-}" ] && { [ "${CI:-}" = "true" ] || [ "${LOKET_WITH_PG:-}" = "1" ]; }; then
  LOKET_TEST_PG=$(bash scripts/postgres.sh) || { echo "PostgreSQL could not be started" >&2; exit 1; }
  export LOKET_TEST_PG
fi
status=0
echo "== ruff"; .venv/bin/ruff check app tests bench main.py || status=1
echo "== mypy"; .venv/bin/mypy || status=1
echo "== import-linter (the layers of docs/architecture.md)"; .venv/bin/lint-imports --no-cache || status=1
echo "== deptry (every imported package declared in pyproject.toml)"; .venv/bin/deptry . || status=1
# The one-folder program (packaging/loket.spec), built and started from its folder: about
# 3 minutes on the CI machine (docs/installer.md). LOKET_SKIP_INSTALLER=1 leaves it out.
if [ "${LOKET_SKIP_INSTALLER:-}" = "1" ]; then
  echo "== installer: skipped (LOKET_SKIP_INSTALLER=1)"
else
  echo "== installer (scripts/build_installer.sh: build dist/loket-vokasi/, start the built program)"
  bash scripts/build_installer.sh || status=1
fi
echo "== pytest"
# Two workers (the CI machines' two cores), whole files per worker so a module's office
# template and server are made once; LOKET_TEST_WORKERS=0 runs in this process only.
workers=${LOKET_TEST_WORKERS:-2}
if [ "$workers" = "0" ]; then
  .venv/bin/python -m pytest "$@"
else
  .venv/bin/python -m pytest -n "$workers" --dist loadfile "$@"
fi
rc=$?
if [ $rc -eq 5 ]; then
  echo "pytest collected no tests: failing on purpose" >&2
  rc=1
fi
[ $rc -ne 0 ] && status=$rc
exit $status
