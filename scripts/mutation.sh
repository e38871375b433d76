#!/usr/bin/env bash
# Mutation run over the rules the tests must pin down (docs/testing.md): app/domain, the unit
# of work, the import, the server's policy and the local pull. By hand only: not in CI and
# not in `make test` (it takes tens of minutes on 2 cores).
#
#   bash scripts/mutation.sh            every module, one after the other, from scratch
#   bash scripts/mutation.sh uow        one group: domain, uow, import, policy, local_apply
#   KEEP=1 bash scripts/mutation.sh     reuse mutants/ (results of unchanged functions kept)
#   CHILDREN=1 bash scripts/mutation.sh one worker instead of two
#
# What is mutated and which tests run is [tool.mutmut] in pyproject.toml. It runs under
# `nice -n 10`, so a developer's own work on the same machine keeps the CPU first.
# Prints each group's time, then the score per module and the surviving mutants
# (also written to mutants/score.txt); `.venv/bin/mutmut show NAME` shows one mutant.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=.venv/bin
if [ ! -x "$VENV/mutmut" ]; then
    "$VENV/pip" install -q -e '.[dev]'
fi

declare -A MODULES=(
    [domain]='app.domain.*'
    [uow]='app.services.uow.*'
    [import]='app.services.participant_import.*'
    [policy]='app.server.policy.*'
    [local_apply]='app.sync.local_apply.*'
)
# The tests each group is mutated against (tests/unit/mutation_groups.py keeps only these):
# the ones written for it. A service test that registers someone reaches every intake rule,
# and a surviving mutant would run all of them, each with its own office.
declare -A TESTS=(
    [domain]='test_audit_chain test_audit_tamper test_auth test_domain_rules test_eligibility
        test_eligibility_boundaries test_intake_dates_and_facts test_names test_nik
        test_participant_fields test_phone_kpj_dates test_refusal_sentences test_role_matrix
        test_roles test_safe_text test_domain_edges test_domain_edges_eligibility test_domain_edges_parsers
        test_cohort_rules'
    [uow]='test_unit_of_work test_audit_chain test_audit_tamper test_auth test_roles
        test_role_matrix test_settings test_pending_changes'
    [import]='test_participant_import test_import_csv_hostile test_import_headers
        test_import_hostile_values test_participant_export_labels test_role_matrix
        test_import_edges'
    [policy]='test_pending_changes test_server_policy test_server_policy_edges'
    [local_apply]='test_pending_changes test_local_apply test_local_apply_edges'
)
ORDER=(domain uow import policy local_apply)
if [ "$#" -gt 0 ]; then
    ORDER=("$@")
fi
for group in "${ORDER[@]}"; do
    if [ -z "${MODULES[$group]+x}" ]; then
        echo "unknown group: $group (one of: ${!MODULES[*]})" >&2
        exit 2
    fi
done

if [ -z "${KEEP:-}" ]; then
    rm -rf mutants
fi
mkdir -p mutants
: > mutants/times.txt
for group in "${ORDER[@]}"; do
    files=""
    for name in ${TESTS[$group]}; do
        if [ -f "tests/unit/$name.py" ]; then
            files="$files tests/unit/$name.py"
        fi
    done
    # Which test reaches which function is measured again for each group's tests.
    rm -f mutants/mutmut-stats.json
    start=$(date +%s)
    # mutmut draws a spinner on stdout; the log keeps it, the summary below is what counts.
    MUTATION_TESTS="$files" nice -n 10 "$VENV/mutmut" run --max-children "${CHILDREN:-2}" \
        "${MODULES[$group]}" > "mutants/run-$group.log" 2>&1 || {
        tail -c 3000 "mutants/run-$group.log" >&2
        exit 1
    }
    took=$(( $(date +%s) - start ))
    printf '%-12s %4d min %02d s\n' "$group" $((took / 60)) $((took % 60)) | tee -a mutants/times.txt
    # Kept per group: the next group's new measurements may mark other modules unchecked.
    "$VENV/mutmut" results --all true 2>/dev/null \
        | grep -F "$(echo "${MODULES[$group]}" | sed 's/\*$//')" > "mutants/results-$group.txt" || true
done

cat mutants/results-*.txt > mutants/results.txt
"$VENV/python" - <<'PY' | tee mutants/score.txt
"""Killed / total per module from `mutmut results --all true` (mutants/results.txt).
Killed: a test failed, or the mutant made a test hang (timeout). Not killed: survived, or no
selected test reaches it ("no tests"). Mutants not run in this pass are left out."""
import re
from collections import Counter, defaultdict

per: dict[str, Counter[str]] = defaultdict(Counter)
survivors: list[str] = []
for line in open("mutants/results.txt", encoding="utf-8"):
    m = re.match(r"\s*(\S+): (.+)$", line)
    if not m:
        continue
    name, status = m.groups()
    if status == "not checked":
        continue
    module = re.split(r"\.x[_ǁ]", name)[0]
    per[module][status] += 1
    if status in ("survived", "no tests"):
        survivors.append(f"{status:9} {name}")

total_k = total_n = 0
print(f"{'module':40} {'killed':>7} {'total':>6} {'score':>6}   other")
for module in sorted(per):
    c = per[module]
    killed = c["killed"] + c["timeout"]
    n = sum(c.values())
    total_k, total_n = total_k + killed, total_n + n
    other = ", ".join(f"{k} {v}" for k, v in sorted(c.items()) if k not in ("killed", "timeout"))
    print(f"{module:40} {killed:7} {n:6} {killed / n:6.1%}   {other}")
if total_n:
    print(f"{'all':40} {total_k:7} {total_n:6} {total_k / total_n:6.1%}")
print()
print("\n".join(sorted(survivors)))
PY
