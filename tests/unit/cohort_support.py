"""Building blocks of the cohort tests: a provider that may train, eligible people, a cohort."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from app.services.cohorts import CohortPlan, create_cohort
from app.services.participants import register
from app.services.provider_assessment import decide
from app.services.provider_views import Offer
from app.services.providers import register_provider, set_offers

TODAY = date(2026, 12, 2)  # a Wednesday
PROVIDER = {
    "name": "BLK Jakarta Timur",
    "provider_type": "BLK",
    "region_code": "3175",
    "address": "Jl. Raya Bekasi Km 18",
    "phone": "021-4600001",
    "email": "blk@jaktim.go.id",
    "npwp": "01.300.066.6-091.000",
    "licence_number": "TD/560/2020",
    "licence_issuer": "Disnakertrans DKI",
    "licence_issued_on": "10/01/2020",
    "licence_expires_on": "2028-01-10",
    "operating_since": "2019-05-01",
}
ELIGIBLE = {
    "tempat_lahir": "Jakarta",
    "jenis_kelamin": "L",
    "telepon": "0812-3456-7890",
    "kpj": "12345678901",
    "kode_wilayah": "31.71.01",
    "tanggal_phk": "15/06/2026",
    "alasan_phk": "efisiensi",
    "upah_terakhir": "5.200.000",
    "jht_diklaim": "T",
    "lama_kepesertaan": "36",
    "iuran_24_bulan": "24",
    "masih_peserta_aktif": "T",
    "pernah_ikut_program": "T",
    "persetujuan": "Y",
}


def at(office: Any, day: date, hour: int = 3) -> None:
    """Move the office's clock to `day` (10:00 in Jakarta)."""
    office.clock.now = datetime(day.year, day.month, day.day, hour, 0, tzinfo=UTC)


def fit_provider(office: Any, on: date = date(2026, 11, 2), name: str | None = None) -> str:
    """A provider with a layak decision from `on` (re-check a year later), offering LAS
    and GARMEN."""
    saved = at(office, on)
    del saved
    values = dict(PROVIDER, name=name or PROVIDER["name"])
    pid = register_provider(office.db, office.actors["counter"], values).id
    set_offers(office.db, office.actors["counter"], pid, [Offer("LAS"), Offer("GARMEN")])
    decide(office.db, office.actors["supervisor"], pid, "layak", "memenuhi syarat", on=on)
    at(office, TODAY)
    return pid


def person(office: Any, n: int, name: str = "", **over: str) -> str:
    """An eligible participant; `n` makes the NIK unique (1-9999)."""
    day, month = 1 + n % 28, 1 + (n // 28) % 12  # another birth date: not a duplicate
    raw = {
        **ELIGIBLE,
        "nik": f"317101{day:02d}{month:02d}90{n:04d}",
        "nama": name or f"Peserta Nomor {n}",
        "tanggal_lahir": f"{day:02d}/{month:02d}/1990",
        "kpj": f"1234567{n:04d}",
        "telepon": f"0812-3456-{n:04d}",
        **over,
    }
    out = register(office.db, office.actors["counter"], raw, confirm_warnings=True)
    assert out.saved is not None, [f.message() for f in out.findings]
    return out.saved.id


def cohort(
    office: Any,
    provider_id: str,
    start: date = date(2026, 12, 7),
    end: date = date(2026, 12, 18),
    **over: Any,
) -> str:
    plan = CohortPlan(provider=provider_id, module_code="LAS", start_date=start, end_date=end)
    for key, value in over.items():
        plan = type(plan)(**{**plan.__dict__, key: value})
    return create_cohort(office.db, office.actors["counter"], plan).id
