"""The provider list at scale: `list_providers` over N providers, each offering three modules,
a third of them with a decision, against the floor of one bare SELECT of the same providers.

The list refreshes on every search keystroke (after 200 ms), so it must stay well under a
keystroke's patience. An office set up in a temporary LOKET_HOME is filled through the
service that registers providers (`add_provider`) in one transaction.

    python bench/provider_list.py [--providers 2000] [--runs 15]

Prints the medians and, as the last line, one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

FLOWERS = ("Melati", "Mawar", "Kenanga", "Anggrek", "Cempaka", "Teratai", "Kamboja", "Dahlia",
           "Flamboyan", "Bougenvil")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--providers", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["LOKET_HOME"] = tmp
        from app import config
        from app.db import Database, upgrade
        from app.domain.ids import stable_id
        from app.models import ProviderDecision, ProviderModule
        from app.services.auth import login
        from app.services.office import initialise
        from app.services.providers import add_provider, list_providers
        from app.services.uow import unit_of_work

        upgrade(config.db_path(), config.backups_dir())
        db = Database(config.db_path())
        initialise(db, office_code="JKT", device_no=1, admin_username="admin",
                   admin_full_name="Admin", admin_password="Bench2026x", actor_label="bench")
        admin = login(db, "admin", "Bench2026x").actor
        with unit_of_work(db, admin) as uow:
            for i in range(args.providers):
                flower = FLOWERS[i % len(FLOWERS)]
                values = {"name": f"LPK {flower} {i:05d}",
                          "name_key": f"lpk {flower.lower()} {i:05d}",
                          "provider_type": "lpk", "licence_number": f"{i}/LPK/2020",
                          "licence_expires_on": date(2027, 1, 1 + i % 28),
                          "operating_since": date(2020, 1, 1), "region_code": "32.16"}
                p = add_provider(uow.session, values, admin)
                for code in ("LAS", "GARMEN", "FORKLIFT"):
                    uow.session.add(ProviderModule(
                        id=stable_id("provider_module", p.id, code), office_code="JKT",
                        provider_id=p.id, module_code=code, instructors="[]", offered=True))
                if i % 3 == 0:
                    uow.session.add(ProviderDecision(
                        office_code="JKT", provider_id=p.id, result="layak", reason="bench",
                        assessed_on=date(2026, 6, 1), recheck_on=date(2027, 6, 1),
                        decided_by="admin", recorded_at=uow.now))
            uow.audit("bench.providers", rows=args.providers)
        con = sqlite3.connect(Path(config.db_path()))
        service, floor = [], []
        list_providers(db)  # warm
        for _ in range(args.runs):
            start = time.perf_counter()
            rows = list_providers(db, text="melati")
            service.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            con.execute(
                "SELECT * FROM training_provider WHERE deleted_at IS NULL ORDER BY name_key"
            ).fetchall()
            floor.append((time.perf_counter() - start) * 1000)
        full = []
        for _ in range(args.runs):
            start = time.perf_counter()
            list_providers(db)
            full.append((time.perf_counter() - start) * 1000)
        con.close()
        db.dispose()
    result = {
        "benchmark": "provider_list",
        "providers": args.providers,
        "search_median_ms": round(statistics.median(service), 1),
        "search_rows": len(rows),
        "full_list_median_ms": round(statistics.median(full), 1),
        "floor_select_all_ms": round(statistics.median(floor), 1),
    }
    print(f"providers: {args.providers}")
    print(f"search 'melati' ({len(rows)} rows): median {result['search_median_ms']} ms")
    print(f"whole list: median {result['full_list_median_ms']} ms")
    print(f"floor, one SELECT of every provider: median {result['floor_select_all_ms']} ms")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
