"""`loket certificates print|list|revoke|verify`: training certificates of a finished cohort's
graduates as PDFs, their states, revocation by a supervisor, and checking a certificate's
code as an employer would (issue #12, DESIGN §6)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app import formats
from app.cli.context import open_office
from app.cli.output import Report, aligned
from app.cli.stipend_cli import _supervisor
from app.texts import Text, current_language

PRINTED = Text(
    "{n} sertifikat dicetak ke {path} ({issued} baru terbit, {copies} di antaranya SALINAN).",
    "{n} certificates printed to {path} ({issued} newly issued, {copies} of them copies, SALINAN).",
)
REVOKED = Text(
    "Sertifikat {number} dicabut pada {day}, disetujui {by}. Alasan: {reason}",
    "Certificate {number} revoked on {day}, approved by {by}. Reason: {reason}",
)
LIST_TOTAL = Text(
    "Angkatan {code} ({module}): {graduates} lulusan — {issued} terbit, {revoked} dicabut, "
    "{not_issued} belum terbit.",
    "Cohort {code} ({module}): {graduates} graduates — {issued} issued, {revoked} revoked, "
    "{not_issued} not issued.",
)
NOT_FINISHED = Text(
    "Angkatan {code} belum selesai: sertifikat terbit setelah angkatan selesai.",
    "Cohort {code} is not finished: certificates are issued once it is.",
)
NO_GRADUATES = Text("Angkatan {code} tidak memiliki lulusan.", "Cohort {code} has no graduates.")
REVOKED_LINE = Text(
    "    dicabut {day}: {reason}",
    "    revoked {day}: {reason}",
)
OTHERS = Text(
    "    +{n} sertifikat lain untuk pelatihan yang sama (diterbitkan di loket lain)",
    "    +{n} more certificates for the same training (issued at another counter)",
)
EMPTY_CODE = Text(
    "Tidak ada kode sertifikat untuk diperiksa.", "There is no certificate code to check."
)
L_NUMBER = Text("Nomor", "Number")
L_NAME = Text("Nama", "Name")
L_BIRTH = Text("Tanggal lahir", "Date of birth")
L_MODULE = Text("Pelatihan", "Training")
L_DATES = Text("Tanggal pelatihan", "Training dates")
L_RESULT = Text("Hasil", "Result")
L_ISSUED = Text("Diterbitkan", "Issued")
L_OFFICE = Text("Kantor penerbit", "Issuing office")
L_REVOKED = Text("Dicabut", "Revoked")
MAX_STDIN = 10_000  # a code is a few hundred characters; a pasted page is not one


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    certs = sub.add_parser(
        "certificates", help="training certificates (sertifikat): print, list, revoke, verify"
    )
    csub = certs.add_subparsers(dest="certificates_command", metavar="ACTION", required=True)
    prn = csub.add_parser(
        "print",
        parents=[common],
        help="print certificates as PDF (issues the missing ones; SALINAN after the first)",
        description="--cohort: one PDF per graduate into the folder --out (--one-file: all in "
        "the file --out); the missing certificates are issued first. --certificate: a reprint "
        "of that certificate into the file --out.",
    )
    src = prn.add_mutually_exclusive_group(required=True)
    src.add_argument("--cohort", metavar="CODE")
    src.add_argument("--certificate", metavar="NUMBER")
    prn.add_argument("--out", type=Path, required=True, metavar="DIR_OR_FILE")
    prn.add_argument("--one-file", action="store_true")
    prn.set_defaults(handler=cmd_print)
    lst = csub.add_parser(
        "list", parents=[common], help="a cohort's graduates and their certificates' states"
    )
    lst.add_argument("--cohort", required=True, metavar="CODE")
    lst.set_defaults(handler=cmd_list)
    rev = csub.add_parser(
        "revoke",
        parents=[common],
        help="revoke a certificate (supervisor, with a reason); it is never undone",
    )
    rev.add_argument("number", metavar="NUMBER")
    rev.add_argument("--reason", required=True)
    rev.add_argument("--supervisor", required=True, help="supervisor username")
    rev.add_argument("--password-stdin", action="store_true")
    rev.set_defaults(handler=cmd_revoke)
    ver = csub.add_parser(
        "verify",
        parents=[common],
        help="check a certificate's QR code (the code or the page URL); exit 1 if not valid",
        description="Prints the certificate's details and `valid`, or why it is not: bad "
        "signature, unknown key, revoked (with the date), unreadable. `-` reads the code "
        "from stdin.",
    )
    ver.add_argument("code", metavar="PAYLOAD_OR_URL")
    ver.set_defaults(handler=cmd_verify)


def cmd_print(args: argparse.Namespace) -> Report:
    from app.services.certificate_documents import print_certificate, print_certificates
    from app.services.cohort_lists import find_cohort_id

    out_path: Path = args.out.resolve()
    db, actor = open_office()
    try:
        if args.certificate:
            printed = print_certificate(db, actor, args.certificate, out_path)
        else:
            printed = print_certificates(
                db, actor, find_cohort_id(db, args.cohort), out_path, one_file=args.one_file
            )
    finally:
        db.dispose()
    line = PRINTED.render(
        n=len(printed.numbers), path=out_path, issued=printed.issued, copies=printed.copies
    )
    data = {
        "files": [str(p) for p in printed.paths],
        "certificates": list(printed.numbers),
        "printed": len(printed.numbers),
        "issued": printed.issued,
        "copies": printed.copies,
    }
    return Report(data=data, lines=[line])


def cmd_list(args: argparse.Namespace) -> Report:
    from app.services.certificates import State, cohort_certificates
    from app.services.cohort_lists import find_cohort_id

    db, _actor = open_office()
    try:
        found = cohort_certificates(db, find_cohort_id(db, args.cohort))
    finally:
        db.dispose()
    entries = [
        {
            "participant_id": r.participant_id,
            "enrollment_id": r.enrollment_id,
            "name": r.name,
            "nik": r.nik_masked,
            "number": r.number,
            "state": r.state,
            "issued_on": r.issued_on,
            "prints": r.prints,
            "revoked_on": r.revoked_on,
            "revoke_reason": r.revoke_reason,
            "others": r.others,
        }
        for r in found.rows
    ]
    lines: list[str] = []
    if not found.finished:
        lines.append(NOT_FINISHED.render(code=found.code))
    for r in found.rows:
        lines.append(
            f"{r.number or '-':<24} {r.nik_masked}  {r.name[:32]:<32} "
            f"{r.state_label():<12} {formats.date_text(r.issued_on) or '-':<10} {r.prints}x"
        )
        if r.revoked_on is not None:
            lines.append(
                REVOKED_LINE.render(day=formats.date_text(r.revoked_on), reason=r.revoke_reason)
            )
        if r.others:
            lines.append(OTHERS.render(n=r.others))
    if found.rows:
        lines.append(
            LIST_TOTAL.render(
                code=found.code,
                module=found.module,
                graduates=len(found.rows),
                issued=found.count(State.ISSUED),
                revoked=found.count(State.REVOKED),
                not_issued=found.count(State.NOT_ISSUED),
            )
        )
    else:
        lines.append(NO_GRADUATES.render(code=found.code))
    data = {
        "cohort": found.code,
        "cohort_id": found.cohort_id,
        "module": found.module,
        "finished": found.finished,
        "certificates": entries,
    }
    return Report(data=data, lines=lines)


def cmd_revoke(args: argparse.Namespace) -> Report:
    from app.services.certificates import revoke

    db, actor = open_office()
    try:
        done = revoke(db, actor, _supervisor(db, args), args.number, args.reason)
    finally:
        db.dispose()
    line = REVOKED.render(
        number=done.number,
        day=formats.date_text(done.revoked_on),
        by=done.approved_by,
        reason=done.reason,
    )
    data = {
        "number": done.number,
        "revoked_on": done.revoked_on,
        "reason": done.reason,
        "approved_by": done.approved_by,
        "requested_by": done.requested_by,
    }
    return Report(data=data, lines=[line])


def _code(raw: str) -> str:
    """The code to check: as given, or the first MAX_STDIN characters of stdin for `-`."""
    from app.errors import ValidationError

    text = sys.stdin.read(MAX_STDIN) if raw == "-" else raw
    if not text.strip():
        raise ValidationError(EMPTY_CODE, field="code")
    return text


def _office(code: str | None) -> str:
    """`DKI Jakarta (JKT)`: the issuing office as an employer reads it."""
    from app.domain.offices import OFFICES_BY_CODE

    found = OFFICES_BY_CODE.get(code or "")
    return f"{found.name} ({found.code})" if found else code or "-"


def cmd_verify(args: argparse.Namespace) -> Report:
    from app.domain.certificates import STATUS_TEXT
    from app.services.certificates import verify

    text = _code(args.code)
    db, _actor = open_office()
    try:
        verdict = verify(db, text)
    finally:
        db.dispose()
    lang = current_language()
    reason = verdict.reason(lang)
    lines = [f"{STATUS_TEXT[verdict.status].render()} ({verdict.status.value})", reason]
    data: dict[str, Any] = {
        "status": verdict.status.value,
        "valid": verdict.valid,
        "label": STATUS_TEXT[verdict.status].render(),
        "reason": reason,
        "revoked_on": verdict.revoked_on,
        "office": verdict.office_code,
    }
    claims = verdict.claims
    if claims is not None:
        data.update(
            number=claims.number,
            name=claims.name,
            birth_date=claims.birth_date,
            module=claims.module,
            start=claims.start,
            end=claims.end,
            result=claims.result,
            issued=claims.issued,
            key_id=claims.key_id,
        )
        facts = [
            (L_NUMBER, claims.number),
            (L_NAME, claims.name),
            (L_BIRTH, formats.long_date(claims.birth_date, lang)),
            (L_MODULE, claims.module),
            (
                L_DATES,
                f"{formats.long_date(claims.start, lang)} – {formats.long_date(claims.end, lang)}",
            ),
            (L_RESULT, claims.result.upper()),
            (L_ISSUED, formats.long_date(claims.issued, lang)),
            (L_OFFICE, _office(verdict.office_code)),
        ]
        if verdict.revoked_on is not None:
            facts.append((L_REVOKED, formats.long_date(verdict.revoked_on, lang)))
        lines += aligned(facts)
    return Report(data=data, lines=lines, ok=verdict.valid)
