"""`loket entitlements compute|approve`: stipend entitlements from attendance and a
supervisor's approval of a period (issue #11, docs/stipends.md)."""

from __future__ import annotations

import argparse
from typing import Any

from app import formats
from app.cli.context import open_office
from app.cli.output import Report
from app.cli.stipend_cli import (
    APPROVED,
    CHANGE_LINE,
    COMPUTED,
    OVERPAID_LINE,
    _kind,
    _period,
    _supervisor,
)


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    ent = sub.add_parser("entitlements", help="stipend entitlements (hak uang transport/saku)")
    esub = ent.add_subparsers(dest="entitlements_command", metavar="ACTION", required=True)
    compute = esub.add_parser(
        "compute",
        parents=[common],
        help="compute a cohort's entitlements from its attendance",
        description="Recomputing after an attendance correction changes only what is unpaid "
        "and prints what changed; a paid entitlement now too high is an overpayment.",
    )
    compute.add_argument("--cohort", required=True, metavar="CODE")
    compute.set_defaults(handler=cmd_compute)
    approve = esub.add_parser(
        "approve",
        parents=[common],
        help="approve a period's entitlements as one batch (supervisor)",
        description="Every held day of the period must be approved in the attendance grid "
        "and the period over. Without --period: every period that is ready.",
    )
    approve.add_argument("--cohort", required=True, metavar="CODE")
    approve.add_argument("--period", metavar="P", help='"1", "W1" or "ALL"')
    approve.add_argument("--supervisor", required=True, help="supervisor username")
    approve.add_argument("--password-stdin", action="store_true")
    approve.set_defaults(handler=cmd_approve)


def cmd_compute(args: argparse.Namespace) -> Report:
    from app.services.cohort_lists import find_cohort_id
    from app.services.entitlements import compute

    db, actor = open_office()
    try:
        out = compute(db, actor, find_cohort_id(db, args.cohort))
    finally:
        db.dispose()

    def item(c: Any) -> dict[str, Any]:
        return {"id": c.entitlement_id, "participant": c.name, "kind": c.kind,
                "period": c.period, "old": c.old, "new": c.new, "note": c.note}  # fmt: skip

    lines = [
        COMPUTED.render(
            code=out.cohort_code, created=out.created, changed=out.changed, unchanged=out.unchanged
        )
    ]
    for c in out.changes:
        old = "-" if c.old is None else formats.rupiah(c.old)
        line = CHANGE_LINE.render(
            name=c.name, kind=_kind(c.kind), period=c.period, old=old, new=formats.rupiah(c.new)
        )
        lines.append(line + (f" ({c.note})" if c.note else ""))
    for c in out.overpaid:
        lines.append(
            OVERPAID_LINE.render(name=c.name, kind=_kind(c.kind), period=c.period, note=c.note)
        )
    data = {
        "cohort": out.cohort_code,
        "created": out.created,
        "changed": out.changed,
        "unchanged": out.unchanged,
        "changes": [item(c) for c in out.changes],
        "overpaid": [item(c) for c in out.overpaid],
    }
    return Report(data=data, lines=lines)


def cmd_approve(args: argparse.Namespace) -> Report:
    from app.services.cohort_lists import find_cohort_id
    from app.services.entitlements import approve

    period = _period(args.period)
    db, _actor = open_office()
    try:
        supervisor = _supervisor(db, args)
        t = approve(db, supervisor, find_cohort_id(db, args.cohort), period)
    finally:
        db.dispose()
    line = APPROVED.render(
        by=supervisor.username,
        count=t.count,
        people=t.people,
        transport=formats.rupiah(t.transport),
        pocket=formats.rupiah(t.pocket),
        total=formats.rupiah(t.total),
    )
    data = {"cohort": t.cohort_code, "period": t.period, "approved_by": supervisor.username,
            "people": t.people, "count": t.count, "transport": t.transport,
            "pocket": t.pocket, "total": t.total}  # fmt: skip
    return Report(data=data, lines=[line])
