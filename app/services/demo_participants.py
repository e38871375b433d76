"""Demo participants: laid-off workers across the five offices, with NIKs that agree with
their birth date, sex and region, realistic names, employers, PHK dates and wages.

Built through the same intake check and `add_participant` as real registrations, so the
demo never holds data the program itself would refuse.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from app.domain import eligibility
from app.domain.dates import months_between
from app.domain.intake import check_intake
from app.domain.regions import RegionIndex
from app.features import DemoRows
from app.formats import date_text
from app.resources import regions
from app.services.participants import add_participant, facts_from
from app.services.uow import UnitOfWork

MEN = [
    "Budi",
    "Agus",
    "Eko",
    "Rudi",
    "Andi",
    "Dedi",
    "Joko",
    "Hendra",
    "Yusuf",
    "Fajar",
    "Rizki",
    "Ahmad",
    "Muhammad",
    "Dimas",
    "Bayu",
    "Wahyu",
    "Iwan",
    "Slamet",
    "Lalu",
    "Made",
    "Ketut",
    "Asep",
    "Ujang",
    "Rahmat",
    "Arif",
    "Hadi",
    "Teguh",
    "Bambang",
    "Irfan",
    "Gilang",
]
WOMEN = [
    "Siti",
    "Dewi",
    "Sri",
    "Rina",
    "Nur",
    "Putri",
    "Wulan",
    "Ayu",
    "Lestari",
    "Indah",
    "Fitri",
    "Yuni",
    "Ratna",
    "Eka",
    "Novi",
    "Baiq",
    "Ni Luh",
    "Rini",
    "Tuti",
    "Dian",
    "Aisyah",
    "Nurul",
    "Maya",
    "Sari",
    "Intan",
    "Mega",
    "Yanti",
    "Lina",
    "Ani",
    "Euis",
]
SURNAMES = [
    "Santoso",
    "Wulandari",
    "Hidayat",
    "Saputra",
    "Kurniawan",
    "Lestari",
    "Pratama",
    "Rahmawati",
    "Setiawan",
    "Siregar",
    "Nasution",
    "Harahap",
    "Wijaya",
    "Susanti",
    "Permana",
    "Gunawan",
    "Maulana",
    "Hakim",
    "Firmansyah",
    "Purnomo",
    "Sembiring",
    "Fauzi",
    "Suryani",
    "Anggraini",
    "Nugroho",
    "Ramadhan",
    "Utami",
    "Syahputra",
]
EMPLOYERS = [
    "PT Sinar Tekstil Nusantara",
    "PT Garuda Garmen Indonesia",
    "PT Mitra Logistik Jaya",
    "PT Cahaya Sepatu Abadi",
    "PT Bumi Konstruksi Prima",
    "CV Karya Mandiri",
    "PT Samudra Perkasa Elektronik",
    "PT Hotel Senggigi Indah",
    "PT Kaltim Migas Servis",
    "PT Tangerang Plastik Industri",
    "PT Citra Ritel Nusantara",
    "PT Borneo Batubara",
    "PT Lombok Wisata Resort",
    "PT Priangan Makanan Sehat",
    "PT Banten Baja Utama",
]
JOBS = [
    "Operator produksi",
    "Staf gudang",
    "Penjahit",
    "Sopir",
    "Admin kantor",
    "Teknisi listrik",
    "Kasir",
    "Pramusaji",
    "Satpam",
    "Helper las",
    "Staf housekeeping",
    "Operator forklift",
    "Mandor proyek",
    "Staf keuangan",
    "Supervisor produksi",
]
# Module codes of the seeded catalogue (app.domain.modules): what the form now stores.
TRAININGS = [
    "DIG-PROG",
    "KONSTRUKSI",
    "JASA-KOM",
    "GARMEN",
    "PERKEBUNAN",
    "FORKLIFT",
    "LAS",
    "PERHOTELAN",
]
BANKS = {
    "JKT": ["BRI", "BNI", "MANDIRI", "BANK DKI"],
    "BTN": ["BRI", "BJB", "BANK BANTEN"],
    "JBR": ["BJB", "BRI", "BCA"],
    "LOM": ["BANK NTB SYARIAH", "BRI", "BSI"],
    "BPN": ["BANKALTIMTARA", "MANDIRI", "BRI"],
}
AREAS = {
    "JKT": ["31.71", "31.72", "31.73", "31.74", "31.75"],
    "BTN": ["36.03", "36.71", "36.74"],
    "JBR": ["32.73", "32.04", "32.16", "32.75"],
    "LOM": ["52.01", "52.02", "52.03", "52.71"],
    "BPN": ["64.71"],
}
PLACES = {
    "JKT": "Jakarta",
    "BTN": "Tangerang",
    "JBR": "Bandung",
    "LOM": "Mataram",
    "BPN": "Balikpapan",
}
REASONS = ["efficiency"] * 6 + [
    "company_closed",
    "contract_ended",
    "contract_ended",
    "bankruptcy",
    "resignation",
    "retirement",
]
EDUCATION = ["SD", "SMP", "SMA", "SMA", "SMK", "SMK", "SMK", "D3", "S1", "S1"]


def _nik(rng: random.Random, district: str, born: date, female: bool, serial: int) -> str:
    day = born.day + (40 if female else 0)
    return f"{district.replace('.', '')}{day:02d}{born:%m%y}{serial:04d}"


def demo_record(
    rng: random.Random, office: str, index: RegionIndex, today: date, n: int
) -> dict[str, Any]:
    female = rng.random() < 0.45
    first = rng.choice(WOMEN if female else MEN)
    name = f"{first} {rng.choice(SURNAMES)}"
    born = today - timedelta(days=rng.randint(19 * 365, 52 * 365))
    regency = rng.choice(AREAS[office])
    district = rng.choice(index.districts_of(regency)).code
    phk = today - timedelta(days=rng.randint(20, 800))
    start = phk - timedelta(days=rng.randint(400, 4000))
    membership = months_between(start, phk)
    return {
        "nik": _nik(rng, district, born, female, 1 + n % 9000),
        "nama": name,
        "tempat_lahir": PLACES[office],
        "tanggal_lahir": date_text(born),
        "jenis_kelamin": "P" if female else "L",
        "telepon": f"08{rng.choice('1235789')}{rng.randint(10_000_000, 99_999_999)}",
        "whatsapp": "Y",
        "kpj": f"{rng.randint(10_000_000_000, 99_999_999_999)}",
        "alamat": f"Jl. {rng.choice(['Melati', 'Mawar', 'Kenanga', 'Merdeka', 'Pemuda'])} "
        f"No. {rng.randint(1, 120)}, RT {rng.randint(1, 12):02d}/RW {rng.randint(1, 9):02d}",
        "kode_wilayah": district,
        "pendidikan": rng.choice(EDUCATION),
        "perusahaan_terakhir": rng.choice(EMPLOYERS),
        "npp": f"{rng.randint(10_000_000, 99_999_999)}",
        "jabatan": rng.choice(JOBS),
        "jenis_kontrak": rng.choice(["PKWT", "PKWTT"]),
        "mulai_kerja": date_text(start),
        "tanggal_phk": date_text(phk),
        "alasan_phk": rng.choice(REASONS),
        "upah_terakhir": str(rng.randrange(2_500_000, 12_000_000, 50_000)),
        "jht_diklaim": rng.choice(["Y", "T", "T"]),
        # from the card: a member from the work start to the PHK, no longer active after it
        # (no random draw here, so the people of a seed stay the people they were)
        "lama_kepesertaan": str(membership),
        "iuran_24_bulan": str(min(24, membership)),
        "masih_peserta_aktif": "T",
        "pernah_ikut_program": "T",
        "pilihan_pelatihan_1": rng.choice(TRAININGS),
        "pilihan_pelatihan_2": rng.choice(TRAININGS),
        "bank": rng.choice(BANKS[office]),
        "nomor_rekening": f"{rng.randint(10**9, 10**13 - 1)}",
        "nama_pemilik_rekening": name,
        "persetujuan": "Y",
    }


def add_demo_participants(uow: UnitOfWork, rng: random.Random, per_office: int = 80) -> int:
    """Add `per_office` participants for each of the five programme offices."""
    index = regions()
    today = uow.now.astimezone().date()
    rules = eligibility.PRESETS["vokasi_2019"]
    added = 0
    for office in ("JKT", "BTN", "JBR", "LOM", "BPN"):
        for n in range(per_office):
            checked = check_intake(demo_record(rng, office, index, today, added + n), today, index)
            if not checked.ok:
                continue
            verdict = eligibility.evaluate(facts_from(checked.values, today), rules)
            participant = add_participant(uow, checked.values, verdict, "vokasi_2019", "2026-01")
            participant.office_code = office
            uow.audit("participant.register", "participant", participant.id, demo=True)
            if rng.random() < 0.25:
                participant.status = rng.choice(
                    ["verified", "in_training", "completed", "employed"]
                )
            added += 1
    return added


def demo_participants(uow: UnitOfWork, rng: random.Random) -> DemoRows:
    """The participants feature's demo step (app.features.participants)."""
    return DemoRows(counts={"participants": add_demo_participants(uow, rng)})
