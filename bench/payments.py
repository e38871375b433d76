"""Paying at the counter in a busy office (issue #11): how long one payment takes — the
check against paying twice, the overpayment lookup and the receipt number included — when
the office already holds tens of thousands of payments, and how long a cohort's receipts
take to print.

A demo office in a temporary LOKET_HOME, grown with `--payments` synthetic paid
entitlements (a quarter of them in this counter's own receipt series, the rest another
counter's), then a cohort of `--people` people with a week approved. Measured, each next to
a floor in the same run on the same file:

- `payments.pay`, once per approved entitlement of that cohort (one transaction each, as
  the counter pays). Floor: one bare INSERT + COMMIT through plain sqlite3 with the app's
  pragmas (WAL, synchronous=FULL).
- `entitlements.list_entitlements` of the cohort (the payment page's table).
- `receipt_documents.print_cohort_receipts` into one file, per receipt. Floor: a bare
  reportlab page with the same words (canvas, one font), per page.

    python bench/payments.py [--payments 20000] [--people 30]

Prints the figures and, as the last line, one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import tempfile
import time
from datetime import timedelta
from pathlib import Path


def _p95(values: list[float]) -> float:
    return sorted(values)[max(0, int(len(values) * 0.95) - 1)]


def _floor_insert(path: Path) -> float:
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=FULL")
    con.execute("CREATE TABLE IF NOT EXISTS bench_floor (id TEXT PRIMARY KEY, v INTEGER)")
    start = time.perf_counter()
    con.execute("BEGIN IMMEDIATE")
    con.execute("INSERT INTO bench_floor VALUES (?, ?)", (str(time.time_ns()), 1))
    con.execute("COMMIT")
    took = (time.perf_counter() - start) * 1000
    con.close()
    return took


def _floor_pages(out: Path, words: list[tuple[str, str]]) -> float:
    """ms per page of a bare reportlab canvas writing the same words."""
    from reportlab.lib.pagesizes import A5, landscape
    from reportlab.pdfgen.canvas import Canvas

    from app.documents.fonts import REGULAR, register

    register()
    start = time.perf_counter()
    canvas = Canvas(str(out), pagesize=landscape(A5), initialFontName=REGULAR)
    for number, name in words:
        canvas.setFont(REGULAR, 11)
        y = 380.0
        for line in ("KUITANSI", number, "Telah terima dari BPJS Ketenagakerjaan", name,
                     "Uang sejumlah Dua Ratus Lima Puluh Ribu Rupiah", "Rp250.000"):  # fmt: skip
            canvas.drawString(40, y, line)
            y -= 24
        canvas.showPage()
    canvas.save()
    return (time.perf_counter() - start) * 1000 / max(1, len(words))


def _grow(path: Path, payments: int, device_id: str, office: str, device_no: int) -> None:
    """Synthetic paid entitlements on an existing enrolment (periods X1, X2, ...)."""
    con = sqlite3.connect(path)
    con.execute("DROP TRIGGER IF EXISTS trg_payment_no_update")  # none are updated here
    enr = con.execute("SELECT id, cohort_id, participant_id, office_code FROM enrollment LIMIT 1")
    eid, cid, pid, code = enr.fetchone()
    now = "2026-01-05 02:00:00.000000"
    ents, pays = [], []
    for n in range(payments):
        ent = f"bench-ent-{n:06d}"
        ents.append((ent, code, now, now, 1, "0", None, cid, eid, pid, "transport", f"X{n}",
                     "2026-01-05", "2026-01-09", 5, 50_000, 250_000, "bench", now, 250_000,
                     "bench", now))  # fmt: skip
        mine = n % 4 == 0
        seq = n // 4 + 1001 if mine else n + 1
        series = f"KW/{office}-{device_no if mine else 9}/2026/{seq:04d}"
        pays.append((f"bench-pay-{n:06d}", code, now, now, 1, "0", None, ent, cid, 1, 250_000,
                     0, "cash", None, series, "bench", "Bench", now, "2026-01-05",
                     device_id if mine else "other-device"))  # fmt: skip
    cols_e = [r[1] for r in con.execute("PRAGMA table_info(entitlement)")]
    cols_p = [r[1] for r in con.execute("PRAGMA table_info(payment)")]
    order_e = ["id", "office_code", "created_at", "updated_at", "version", "hlc", "deleted_at",
               "cohort_id", "enrollment_id", "participant_id", "kind", "period", "period_start",
               "period_end", "days", "rate", "amount", "computed_by", "computed_at",
               "approved_amount", "approved_by", "approved_at"]  # fmt: skip
    order_p = ["id", "office_code", "created_at", "updated_at", "version", "hlc", "deleted_at",
               "entitlement_id", "cohort_id", "round", "amount", "deduction", "method",
               "reference", "receipt_number", "paid_by", "paid_by_name", "paid_at", "paid_on",
               "device_id"]  # fmt: skip
    assert set(order_e) == set(cols_e) and set(order_p) == set(cols_p)
    con.executemany(
        f"INSERT INTO entitlement ({','.join(order_e)}) VALUES ({','.join('?' * len(order_e))})",
        ents,
    )
    con.executemany(
        f"INSERT INTO payment ({','.join(order_p)}) VALUES ({','.join('?' * len(order_p))})",
        pays,
    )
    con.commit()
    con.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--payments", type=int, default=20_000)
    parser.add_argument("--people", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["LOKET_HOME"] = tmp
        from app import config
        from app.db import Database, upgrade
        from app.services import entitlements, payments, receipt_documents
        from app.services.attendance import all_present, lock_day
        from app.services.auth import login
        from app.services.cohorts import CohortPlan, create_cohort
        from app.services.demo import DEMO_PASSWORD, create_demo_office
        from app.services.enrolment import enrol
        from app.services.office import require_device
        from app.services.participants import register

        upgrade(config.db_path(), config.backups_dir())
        db = Database(config.db_path())
        demo = create_demo_office(db)
        clerk = login(
            db, next(lg for lg in demo.logins if lg.role == "counter").username, DEMO_PASSWORD
        ).actor
        spv = login(
            db, next(lg for lg in demo.logins if lg.role == "supervisor").username, DEMO_PASSWORD
        ).actor
        device = require_device(db)
        _grow(config.db_path(), args.payments, device.device_id, device.office_code,
              device.device_no)  # fmt: skip
        today = db.clock().astimezone().date()
        start = today - timedelta(days=today.weekday() + 7)  # last week's Monday
        week = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
        plan = CohortPlan(
            "BLK Jakarta Timur", "LAS", start, start + timedelta(days=20), week,
            capacity=args.people, transport_rate=50_000, pocket_rate=100_000,
        )  # fmt: skip
        cid = create_cohort(db, clerk, plan).id
        people = []
        for n in range(args.people):
            day, month = 1 + n % 28, 1 + (n // 28) % 12
            raw = {
                "nik": f"317101{day:02d}{month:02d}92{n + 1:04d}",
                "nama": f"Peserta Bayar {n + 1}",
                "tanggal_lahir": f"{day:02d}/{month:02d}/1992",
                "jenis_kelamin": "L" if n % 2 else "P",
                "telepon": f"0813-6666-{n + 1:04d}",
                "persetujuan": "Y",
            }
            saved = register(db, clerk, raw, confirm_warnings=True).saved
            assert saved is not None
            people.append(saved.id)
        enrol(db, clerk, cid, people, confirm_unknown=True)
        for d in range(7):
            all_present(db, clerk, cid, start + timedelta(days=d))
            lock_day(db, spv, cid, start + timedelta(days=d))
        entitlements.approve(db, spv, cid, "W1")
        rows = entitlements.list_entitlements(db, cid, "W1")
        service: list[float] = []
        floor: list[float] = []
        for row in rows:
            began = time.perf_counter()
            payments.pay(db, clerk, row.id, "cash")
            service.append((time.perf_counter() - began) * 1000)
            floor.append(_floor_insert(config.db_path()))
        lists: list[float] = []
        for _ in range(10):
            began = time.perf_counter()
            entitlements.list_entitlements(db, cid)
            lists.append((time.perf_counter() - began) * 1000)
        out = Path(tmp) / "kuitansi.pdf"
        began = time.perf_counter()
        printed = receipt_documents.print_cohort_receipts(db, clerk, cid, out, one_file=True)
        batch_ms = (time.perf_counter() - began) * 1000 / len(printed.numbers)
        words = [(n, "Peserta") for n in printed.numbers]
        page_floor = _floor_pages(Path(tmp) / "floor.pdf", words)
        db.dispose()

    result = {
        "existing_payments": args.payments,
        "paid": len(service),
        "pay_p50_ms": round(statistics.median(service), 1),
        "pay_p95_ms": round(_p95(service), 1),
        "floor_p50_ms": round(statistics.median(floor), 1),
        "floor_p95_ms": round(_p95(floor), 1),
        "list_p50_ms": round(statistics.median(lists), 1),
        "batch_receipt_ms": round(batch_ms, 2),
        "bare_page_ms": round(page_floor, 2),
    }
    print(f"pay one entitlement (of {len(service)}): p50 {result['pay_p50_ms']} ms, "
          f"p95 {result['pay_p95_ms']} ms; floor (bare insert + commit) p50 "
          f"{result['floor_p50_ms']} ms, p95 {result['floor_p95_ms']} ms")  # fmt: skip
    print(f"payment page table (the cohort, every period): p50 {result['list_p50_ms']} ms")
    print(f"batch receipts: {result['batch_receipt_ms']} ms/receipt (records the prints); "
          f"bare reportlab page {result['bare_page_ms']} ms")  # fmt: skip
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
