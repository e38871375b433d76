"""Demo follow-ups, job vacancies and referrals (issue #13 item 8): what a branch office
holds once its graduates have been out of training for a while, so that every screen of
the Pemantauan page has something true to show on whatever day the demo is made.

- **Vacancies**: about thirty from employers in the five areas (Jakarta, Tangerang, Bandung
  and Bekasi, Lombok, Balikpapan), with wages around each area's minimum wage (UMK) and
  closing dates in the coming weeks; three already past their closing date and three
  closed (filled or withdrawn), which stay for the reports. Most want a module the demo's
  cohorts trained people in; some want one nobody trained in yet (Jasa Kemasyarakatan,
  Perkebunan), which is what the supply-and-demand view is for.
- **Two earlier finished cohorts of this office**, because the demo's own finished cohort
  (app.services.demo_cohorts) ended only a few weeks ago and nobody of it is due a call
  yet: one that ended three months ago, its 3-month calls due this week, and one that
  ended six and a half months ago, its 6-month calls overdue. Their people are registered
  a few weeks before their cohort started, through the same intake check and
  `add_participant` as the participants demo; each cohort has graduates, one who failed
  (by score in one, attendance in the other: the results agree with the rule), and one
  who withdrew. Their stipends and certificates are not written (the money and
  certificate demos show the recent cohort).
- **Follow-ups** of those graduates (and the one who withdrew) with every outcome:
  working again (formal with an NPP, or informal), self-employed, still looking,
  continuing education, unreachable after two or three calls; the person's status follows
  the latest outcome, as `app.services.followups.record` sets it (working -> employed,
  losing that job again -> completed). Some calls are left open: a few overdue, most of
  the 3-month calls due this week, so the call list always has both.
- **Referrals**: a graduate referred to a fitting vacancy and hired (the 6-month call
  then finds them working there), one not hired, and a few referred this week still
  waiting for the employer's answer.

Dates are relative to the demo's day (the unit of work's clock); every choice comes from
the demo's seeded generator. Rows are written directly in the demo's one transaction, in
the shapes the services write (vacancies through `add_vacancy_in`).
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from app.domain import cohorts as cohort_rules
from app.domain import eligibility
from app.domain import followups as rules
from app.domain.findings import has_errors
from app.domain.ids import stable_id
from app.domain.intake import check_intake
from app.domain.offices import OFFICES_BY_CODE
from app.domain.roles import Role
from app.domain.vacancy_fields import check_vacancy
from app.features import DemoRows
from app.models import (
    Attendance,
    Cohort,
    CohortSession,
    Consent,
    Enrollment,
    FollowUp,
    Participant,
    ProviderDecision,
    ProviderModule,
    Referral,
    Staff,
    TrainingProvider,
    Vacancy,
)
from app.resources import regions
from app.services.actor import Actor
from app.services.cohorts import next_code
from app.services.demo_cohorts import LOCATIONS
from app.services.demo_participants import AREAS, demo_record
from app.services.modules import module_pairs
from app.services.participants import add_participant, facts_from
from app.services.uow import UnitOfWork
from app.services.vacancies import add_vacancy_in

# Rounded minimum wages (UMK) of the demo's areas, by province: what "a wage around the
# minimum" means in each (Jakarta 5.4 million, Balikpapan 3.8, Lombok 2.7).
MINIMUM_WAGE = {"31": 5_400_000, "36": 5_000_000, "32": 5_000_000, "52": 2_700_000, "64": 3_800_000}


@dataclass(frozen=True)
class Opening:
    """One demo vacancy; dates in days from the demo's day."""

    employer: str
    npp: str | None
    sector: str
    position: str
    region: str
    modules: str  # codes, `|`-separated as in an import file
    openings: int
    wage: tuple[int, int]
    closes_in: int
    contact: str
    source: str
    skills: str | None = None
    closed_ago: int | None = None  # closed that many days ago (filled or withdrawn)


OPENINGS: tuple[Opening, ...] = (
    # DKI Jakarta
    Opening("PT Kreasi Digital Nusantara", "21038845", "Teknologi informasi",
            "Desainer grafis junior", "31.74", "DIG-PROG", 3, (5_400_000, 6_500_000), 21,
            "rekrutmen@kreasidigital.co.id", "Bursa kerja",
            "Portofolio desain; menguasai aplikasi desain grafis"),
    Opening("PT Solusi Aplikasi Mandiri", "21104467", "Teknologi informasi",
            "Pemrogram web junior", "31.71", "DIG-PROG", 2, (6_000_000, 8_000_000), 30,
            "hrd@solusiaplikasi.co.id", "SIAPkerja", "HTML, CSS dan dasar JavaScript"),
    Opening("CV Media Kreatif Cempaka", None, "Periklanan", "Admin media sosial", "31.74",
            "DIG-PROG", 1, (5_400_000, 5_800_000), -5, "0812-8810-2231 (Ibu Ratna)",
            "Telepon HRD"),
    Opening("Hotel Grand Menteng", "19027731", "Penyediaan akomodasi", "Room attendant",
            "31.71", "PERHOTELAN", 6, (5_400_000, 5_900_000), 14,
            "hr@grandmenteng-hotel.co.id", "Surat perusahaan", "Bersedia kerja bergilir"),
    Opening("PT Graha Boga Sejahtera", "20551902", "Penyediaan makanan dan minuman",
            "Pramusaji katering", "31.74", "PERHOTELAN", 4, (5_400_000, 5_600_000), 10,
            "021-7884-3120", "Bursa kerja"),
    Opening("PT Mitra Logistik Jaya", "18844120", "Pergudangan dan logistik",
            "Operator forklift", "31.72", "FORKLIFT", 8, (5_500_000, 6_200_000), 18,
            "021-4390-1877 (HRD Tanjung Priok)", "Surat perusahaan",
            "SIO forklift diutamakan; kerja tiga giliran"),
    Opening("Yayasan Kasih Lansia Sejahtera", None, "Jasa kesehatan dan sosial",
            "Perawat lansia (caregiver)", "31.74", "JASA-KOM", 5, (5_400_000, 5_600_000), 25,
            "0813-1122-7840", "Telepon HRD", "Sabar, bersedia tinggal di rumah klien"),
    Opening("PT Wijaya Bangun Persada", "17720315", "Konstruksi", "Tukang batu dan beton",
            "31.71", "KONSTRUKSI", 12, (5_400_000, 6_000_000), 9,
            "proyek@wijayabangun.co.id", "Surat perusahaan", closed_ago=6),
    # Banten (Tangerang)
    Opening("PT Tangerang Plastik Industri", "16650218", "Industri pengolahan",
            "Operator forklift gudang", "36.03", "FORKLIFT", 4, (5_000_000, 5_400_000), 12,
            "021-5921-6600", "Bursa kerja"),
    Opening("PT Cahaya Sepatu Abadi", "15530987", "Industri alas kaki",
            "Operator jahit sepatu", "36.03", "GARMEN", 20, (4_900_000, 5_200_000), 20,
            "rekrutmen@cahayasepatu.co.id", "SIAPkerja", "Pengalaman mesin jahit industri"),
    Opening("PT Cipta Las Teknik", "20339140", "Industri logam", "Juru las SMAW", "36.71",
            "LAS", 6, (5_200_000, 6_500_000), 28, "0811-9004-3321", "Telepon HRD",
            "Sertifikat las 2G/3G diutamakan"),
    Opening("PT Angkasa Kargo Mandiri", "19901256", "Pergudangan dan logistik",
            "Operator forklift kargo", "36.71", "FORKLIFT", 5, (5_300_000, 5_800_000), 9,
            "hrd@angkasakargo.co.id", "Bursa kerja"),
    Opening("PT Griya Konstruksi Banten", "18207763", "Konstruksi", "Tukang kayu bangunan",
            "36.03", "KONSTRUKSI", 10, (4_900_000, 5_300_000), 35, "0857-1840-2290",
            "Surat perusahaan"),
    Opening("Hotel Cengkareng Indah", "17415508", "Penyediaan akomodasi",
            "Staf tata hidangan", "36.71", "PERHOTELAN", 3, (5_000_000, 5_300_000), -12,
            "hr@cengkarengindah.co.id", "Bursa kerja"),
    # Jawa Barat (Bandung, Bekasi)
    Opening("PT Priangan Garmen Lestari", "14402871", "Industri pakaian jadi",
            "Penjahit mesin industri", "32.73", "GARMEN", 15, (4_500_000, 4_900_000), 16,
            "rekrutmen@prianganggarmen.co.id", "Bursa kerja"),
    Opening("PT Garuda Garmen Indonesia", "13390522", "Industri pakaian jadi",
            "Pemeriksa mutu (QC) garmen", "32.16", "GARMEN", 4, (5_600_000, 6_000_000), 22,
            "021-8990-4411", "SIAPkerja"),
    Opening("PT Cikarang Logistik Terpadu", "20877314", "Pergudangan dan logistik",
            "Operator forklift", "32.16", "FORKLIFT", 10, (5_600_000, 6_200_000), 7,
            "0812-1990-7765 (Bapak Dedi)", "Telepon HRD", "SIO forklift; kerja bergilir"),
    Opening("PT Otomotif Presisi Cikarang", "16028849", "Industri komponen otomotif",
            "Welder SMAW", "32.16", "LAS", 8, (5_800_000, 6_800_000), 30,
            "hrd@otopresisi.co.id", "Surat perusahaan"),
    Opening("CV Bandung Kreatif Media", "22015530", "Periklanan",
            "Desainer konten digital", "32.73", "DIG-PROG", 2, (4_500_000, 5_500_000), 40,
            "karier@bandungkreatif.id", "Bursa kerja"),
    Opening("PT Karya Bangun Parahyangan", "15876604", "Konstruksi", "Tukang bangunan",
            "32.73", "KONSTRUKSI", 6, (4_500_000, 5_200_000), 4, "022-7310-5589",
            "Surat perusahaan", closed_ago=12),
    Opening("Griya Asih Penitipan Anak", None, "Jasa sosial", "Pengasuh anak", "32.73",
            "JASA-KOM", 3, (4_500_000, 4_700_000), 15, "0822-1455-0913", "Telepon HRD"),
    # Lombok, Nusa Tenggara Barat
    Opening("Hotel Mataram Asri", "23044718", "Penyediaan akomodasi", "Room attendant",
            "52.71", "PERHOTELAN", 5, (2_700_000, 3_000_000), 12, "0370-633-218",
            "Bursa kerja"),
    Opening("PT Lombok Wisata Resort", "21790036", "Penyediaan akomodasi",
            "Staf tata hidangan", "52.01", "PERHOTELAN|JASA-KOM", 8, (2_700_000, 3_200_000),
            26, "hrd@lombokwisataresort.co.id", "Surat perusahaan",
            "Bahasa Inggris dasar; bersedia tinggal di mes"),
    Opening("PT Tembakau Virginia Selaparang", "12250983", "Perkebunan",
            "Pekerja kebun tembakau (musiman)", "52.03", "PERKEBUNAN", 20,
            (2_600_000, 2_800_000), 20, "0819-0722-4415", "Telepon HRD"),
    Opening("CV Bengkel Las Mataram Jaya", None, "Industri logam",
            "Tukang las pagar dan kanopi", "52.71", "LAS", 2, (2_700_000, 3_200_000), 14,
            "0878-6541-2207 (WhatsApp)", "Bursa kerja"),
    Opening("PT Mataram Bangun Sarana", "19662804", "Konstruksi", "Tukang bangunan",
            "52.71", "KONSTRUKSI", 10, (2_700_000, 3_000_000), -8, "0370-641-557",
            "Surat perusahaan"),
    Opening("CV Lombok Digital Kreatif", "24001187", "Perdagangan daring",
            "Admin toko daring dan media sosial", "52.71", "DIG-PROG", 2,
            (2_700_000, 3_000_000), 30, "halo@lombokdigital.id", "SIAPkerja"),
    # Balikpapan, Kalimantan Timur
    Opening("PT Kaltim Migas Servis", "11870342", "Jasa pertambangan minyak dan gas",
            "Welder pipa", "64.71", "LAS", 10, (4_500_000, 6_000_000), 21,
            "recruitment@kaltimmigas.co.id", "Surat perusahaan",
            "Sertifikat las 3G/6G; lulus tes kesehatan"),
    Opening("PT Borneo Logistik Samudra", "18330457", "Pergudangan dan logistik",
            "Operator forklift pelabuhan", "64.71", "FORKLIFT", 6, (3_900_000, 4_500_000),
            10, "0542-873-1120", "Bursa kerja"),
    Opening("PT Bumi Konstruksi Prima", "16540021", "Konstruksi", "Tukang besi beton",
            "64.71", "KONSTRUKSI", 15, (3_900_000, 4_800_000), 35, "0811-5432-9081",
            "Telepon HRD", "Penempatan proyek di Balikpapan dan Penajam"),
    Opening("Hotel Teluk Balikpapan", "20118836", "Penyediaan akomodasi",
            "Staf kantor depan", "64.71", "PERHOTELAN", 3, (3_800_000, 4_200_000), 18,
            "hr@telukbalikpapanhotel.co.id", "Bursa kerja"),
    Opening("PT Sawit Borneo Lestari", "14678120", "Perkebunan kelapa sawit",
            "Pemanen sawit", "64.09", "PERKEBUNAN", 12, (3_800_000, 4_300_000), 24,
            "0542-7210-334", "Surat perusahaan", "Tinggal di mes kebun; BPJS ditanggung"),
    Opening("Yayasan Rawat Lansia Balikpapan", None, "Jasa kesehatan dan sosial",
            "Perawat lansia di rumah", "64.71", "JASA-KOM", 2, (3_800_000, 4_000_000), 20,
            "0853-4600-1288", "Telepon HRD"),
    Opening("PT Kaltim Konstruksi Baja", "17093365", "Konstruksi baja",
            "Fabrikator baja", "64.71", "LAS|KONSTRUKSI", 4, (4_200_000, 5_000_000), 15,
            "hrd@kaltimbaja.co.id", "Surat perusahaan", closed_ago=3),
)  # fmt: skip

# Jobs a graduate of a module finds on their own: (employer, position, formal); `{city}`
# is the office's city. Informal work has no NPP; a formal employer keeps one NPP.
JOBS = {
    "DIG-PROG": (("PT Citra Media {city}", "Desainer grafis", True),
                 ("PT Jaring Data Nusantara", "Staf input data dan admin web", True),
                 ("Percetakan Cahaya Abadi", "Operator desain cetak", False)),
    "PERHOTELAN": (("Hotel Cendana {city}", "Room attendant", True),
                   ("PT Sari Rasa Katering", "Pramusaji", True),
                   ("Rumah Makan Sederhana Jaya", "Juru masak pembantu", False)),
    "FORKLIFT": (("PT Gudang Prima {city}", "Operator forklift", True),
                 ("PT Ekspedisi Cepat Sentosa", "Operator forklift gudang", True),
                 ("Toko Bangunan Maju Jaya", "Sopir dan operator forklift", False)),
    "KONSTRUKSI": (("PT Karya Bangun {city}", "Tukang beton", True),
                   ("PT Hutama Griya Lestari", "Tukang kayu bangunan", True),
                   ("Pemborong Pak Slamet", "Tukang batu harian", False)),
    "LAS": (("PT Baja Prima {city}", "Juru las", True),
            ("PT Rangka Logam Utama", "Welder", True),
            ("Bengkel Las Sinar Jaya", "Tukang las", False)),
    "GARMEN": (("PT Busana Prima {city}", "Operator jahit", True),
               ("PT Benang Emas Tekstil", "Penjahit sampel", True),
               ("Konveksi Bu Ratna", "Penjahit borongan", False)),
    "JASA-KOM": (("Yayasan Bina Lansia {city}", "Perawat lansia", True),
                 ("PT Amanah Jasa Keluarga", "Pengasuh anak", True),
                 ("Keluarga Bapak Hendra", "Pengasuh anak", False)),
    "PERKEBUNAN": (("PT Agro Lestari {city}", "Pekerja kebun", True),
                   ("PT Hijau Sawit Mandiri", "Pemanen", True),
                   ("Kebun Kopi Pak Made", "Pekerja harian kebun", False)),
}  # fmt: skip
BUSINESSES = {
    "DIG-PROG": "Jasa desain grafis dan undangan digital",
    "PERHOTELAN": "Katering rumahan",
    "FORKLIFT": "Jasa angkut barang dengan pikap",
    "KONSTRUKSI": "Jasa renovasi rumah",
    "LAS": "Bengkel las pagar dan kanopi",
    "GARMEN": "Jahit dan permak pakaian",
    "JASA-KOM": "Jasa penitipan anak di rumah",
    "PERKEBUNAN": "Kebun sayur dan bibit kopi",
}
OTHER_BUSINESSES = ("Warung makan", "Toko kelontong", "Jualan daring di marketplace")
STUDIES = (
    "Kejar Paket C (setara SMA)",
    "Kursus bahasa Jepang untuk program magang",
    "Kuliah D3 kelas karyawan",
)
LOOKING_NOTES = (
    "Sudah melamar ke beberapa perusahaan, menunggu panggilan",
    "Minta dikirimi info lowongan lewat WhatsApp",
    None,
    None,
)
UNREACHABLE_NOTES = ("Nomor tidak aktif", "Tidak diangkat; pesan WhatsApp belum dibalas")
CITIES = {
    "JKT": "Jakarta",
    "BTN": "Serang",
    "JBR": "Bekasi",
    "LOM": "Mataram",
    "BPN": "Balikpapan",
    "TNG": "Tangerang",
}

# What each call found, milestone by milestone (1, 3, 6 months; None: not called yet).
# W working (formal, a new job), Wi working informally, W= the same job as before,
# WR working where the person was referred and hired, SE self-employed in the module's
# trade, SEo in another business, SE= the same business, L still looking, E continuing
# education (E= the same), U2/U3 unreachable after two or three calls.
SIX_MONTHS: tuple[tuple[str | None, ...], ...] = (
    ("L", "W", "W="),
    ("Wi", "W=", None),
    ("L", "SE", "SE="),
    ("E", "E=", None),
    ("U3", "L", None),
    ("L", "L", "WR"),  # referred two months ago and hired
    ("W", "W=", "L"),  # lost the job again: back to "completed"
    ("L", "U2", None),
    ("SEo", "SE=", "SE="),
    ("L", "L", "L"),  # referred, not hired
)
SIX_MONTHS_WITHDRAWN = ("U2", "L", None)
THREE_MONTHS_WITHDRAWN = ("E", None)
THREE_MONTHS: tuple[tuple[str | None, ...], ...] = (
    ("W", None),
    ("L", None),  # referred this week
    ("L", "W"),  # called early this week: found work
    ("SE", None),
    (None, None),  # the 1-month call never made: overdue
    (None, None),
    ("E", None),
    ("U2", None),
    ("L", None),  # referred this week
    ("Wi", None),
)
HIRED, NOT_HIRED, PENDING = 5, 9, (1, 8)  # which of the scripts above carry a referral


@dataclass
class Job:
    employer: str
    npp: str | None
    position: str
    started_on: date
    wage: int
    formal: bool


@dataclass
class Earlier:
    """One earlier finished cohort and the people followed up: its graduates and the one
    who withdrew."""

    cohort: Cohort
    graduates: list[tuple[Enrollment, Participant]]
    withdrawn: list[tuple[Enrollment, Participant]]


def demo_followups(uow: UnitOfWork, rng: random.Random) -> DemoRows:
    """The follow-ups feature's demo step (app.features.followups)."""
    s = uow.session
    today = uow.now.astimezone().date()
    office = uow.device.office_code
    counters = list(
        s.scalars(select(Staff.username).where(Staff.role == "counter").order_by(Staff.username))
    ) or [uow.actor.username]
    supervisor = (
        s.scalar(select(Staff.username).where(Staff.role == "supervisor").limit(1))
        or uow.actor.username
    )
    clerk = Actor(username=counters[0], role=Role.COUNTER, office_code=office)
    vacancies = _vacancies(uow, today, clerk)
    counts = {"vacancies": len(vacancies), "follow_ups": 0, "referrals": 0}
    area = _area(office)
    offers = _offers(uow, office, vacancies)
    if area is None or not offers:
        return DemoRows(counts=counts)
    province = OFFICES_BY_CODE[office].region_code[:2]
    book = _Book(uow, rng, today, counters, province, vacancies)

    end = six_months_back(today)
    six = _earlier(uow, rng, office, area, offers[0], end, 12, "score", supervisor, counters[0])
    end = three_months_back(today)
    second = offers[1] if len(offers) > 1 else offers[0]
    three = _earlier(uow, rng, office, area, second, end, 12, "attendance", supervisor, counters[0])

    for n, ((e, p), script) in enumerate(zip(six.graduates, SIX_MONTHS, strict=False)):
        referral = "hired" if n == HIRED else "not_hired" if n == NOT_HIRED else None
        book.person(six.cohort, e, p, script, referral)
    for n, ((e, p), script) in enumerate(zip(three.graduates, THREE_MONTHS, strict=False)):
        book.person(three.cohort, e, p, script, "pending" if n in PENDING else None)
    for earlier, script in ((six, SIX_MONTHS_WITHDRAWN), (three, THREE_MONTHS_WITHDRAWN)):
        for e, p in earlier.withdrawn:  # never "working": they stay "withdrawn"
            book.person(earlier.cohort, e, p, script, None)
    book.recent_graduate(office, (six.cohort.id, three.cohort.id))
    counts["follow_ups"] = book.follow_ups
    counts["referrals"] = book.referrals
    counts["earlier_cohorts"] = 2
    return DemoRows(counts=counts)


def _area(office: str) -> str | None:
    """The participants demo's area whose people this office's look like (Tangerang's are
    Banten's)."""
    if office in AREAS:
        return office
    info = OFFICES_BY_CODE.get(office)
    if info is None:
        return None
    return next((a for a in AREAS if OFFICES_BY_CODE[a].region_code[:2] == info.region_code[:2]),
                None)  # fmt: skip


def _vacancies(uow: UnitOfWork, today: date, clerk: Actor) -> list[Vacancy]:
    """Each demo vacancy checked as the form checks it, then added as the form adds it."""
    pairs = module_pairs(uow.session)
    known = regions()
    made = []
    for o in OPENINGS:
        raw = {
            "employer": o.employer,
            "npp": o.npp,
            "sector": o.sector,
            "position": o.position,
            "region_code": o.region,
            "modules": o.modules,
            "skills": o.skills,
            "openings": o.openings,
            "wage_min": o.wage[0],
            "wage_max": o.wage[1],
            "closes_on": today + timedelta(days=o.closes_in),
            "contact": o.contact,
            "source": o.source,
        }
        checked = check_vacancy(raw, today, lambda c: known.get(c) is not None, pairs)
        if has_errors(checked.findings):
            raise ValueError(f"demo vacancy {o.employer}: {checked.findings}")
        v = add_vacancy_in(uow.session, checked.values, clerk)
        uow.audit("vacancy.add", "vacancy", v.id, employer=v.employer, position=v.position,
                  demo=True)  # fmt: skip
        if o.closed_ago is not None:
            v.closed_at = uow.now - timedelta(days=o.closed_ago)
            v.closed_by = clerk.username
            uow.audit("vacancy.close", "vacancy", v.id, demo=True)
        made.append(v)
    return made


def _offers(uow: UnitOfWork, office: str, vacancies: list[Vacancy]) -> list[tuple[str, str]]:
    """(provider id, module) for the earlier cohorts: offers of providers decided layak,
    in the office's province if any; modules this office has no cohort of yet first, then
    those its area's employers want."""
    s = uow.session
    fit = set(s.scalars(select(ProviderDecision.provider_id).where(
        ProviderDecision.result == "layak")))  # fmt: skip
    rows = s.execute(
        select(TrainingProvider.id, TrainingProvider.region_code, ProviderModule.module_code)
        .join(ProviderModule, ProviderModule.provider_id == TrainingProvider.id)
        .where(ProviderModule.offered.is_(True))
        .order_by(TrainingProvider.name, ProviderModule.module_code)
    ).all()  # fmt: skip
    province = OFFICES_BY_CODE[office].region_code[:2] if office in OFFICES_BY_CODE else ""
    offers = [(r[0], r[1] or "", r[2]) for r in rows if r[0] in fit]
    local = [o for o in offers if o[1].startswith(province)] or offers
    used: dict[str, int] = {}
    for module in s.scalars(select(Cohort.module_code).where(
        Cohort.office_code == office, Cohort.status != cohort_rules.Status.CANCELLED.value
    )):  # fmt: skip
        used[module] = used.get(module, 0) + 1
    wanted = {
        code for v in vacancies if v.region_code.startswith(province) for code in v.modules.split()
    }
    ranked = sorted(
        range(len(local)),
        key=lambda n: (used.get(local[n][2], 0), local[n][2] not in wanted, n),
    )
    out: list[tuple[str, str]] = []
    for n in ranked:
        if all(m != local[n][2] for _p, m in out):
            out.append((local[n][0], local[n][2]))
    return out[:2]


def six_months_back(today: date) -> date:
    """The Friday two or three weeks more than six months ago: that cohort's 6-month calls
    are overdue on any day (a week starts at most six days before today)."""
    end = rules.add_months(today, -6) - timedelta(days=14)
    return end - timedelta(days=(end.weekday() - 4) % 7)


def three_months_back(today: date) -> date:
    """A weekday (a Friday if one fits) whose 3-month follow-up falls in today's week,
    nearest today: some of that cohort's calls are always due this week."""
    monday, sunday = rules.week_of(today)
    first = rules.add_months(monday, -3) - timedelta(days=7)
    days = [first + timedelta(days=n) for n in range(31)]
    fits = [d for d in days if d.weekday() < 5 and monday <= rules.add_months(d, 3) <= sunday]
    if not fits:  # cannot happen (weekdays are at most 3 days apart): the nearest, then
        fits = [d for d in days if d.weekday() < 5]
    return min(fits, key=lambda d: (d.weekday() != 4, abs((rules.add_months(d, 3) - today).days)))


def _workday(day: date) -> date:
    """The day, or the Monday after it when it falls on a weekend (offices call on
    weekdays)."""
    return day + timedelta(days=(7 - day.weekday()) % 7 if day.weekday() >= 5 else 0)


def _people(
    uow: UnitOfWork, rng: random.Random, office: str, area: str, registered: date, n: int, no: int
) -> list[Participant]:
    """`n` eligible people registered on `registered` at this office, through the intake
    check and `add_participant` (the participants demo's records, as of that day)."""
    index = regions()
    preset = eligibility.PRESETS["vokasi_2019"]
    at = datetime.combine(registered, time(2, 30), tzinfo=uow.now.tzinfo)
    found: list[Participant] = []
    tries = 0
    while len(found) < n and tries < 60 * n:
        checked = check_intake(demo_record(rng, area, index, registered, no + tries), registered,
                               index)  # fmt: skip
        tries += 1
        if not checked.ok:
            continue
        verdict = eligibility.evaluate(facts_from(checked.values, registered), preset)
        if verdict.status is not eligibility.Status.MET:
            continue
        p = add_participant(uow, checked.values, verdict, "vokasi_2019", "2026-01")
        p.office_code, p.registered_at = office, at + timedelta(minutes=7 * len(found))
        for consent in uow.session.scalars(select(Consent).where(Consent.participant_id == p.id)):
            consent.given_at = p.registered_at
        uow.audit("participant.register", "participant", p.id, demo=True)
        found.append(p)
    return found


def _earlier(
    uow: UnitOfWork,
    rng: random.Random,
    office: str,
    area: str,
    offer: tuple[str, str],
    end: date,
    size: int,
    fails_by: str,
    supervisor: str,
    clerk: str,
) -> Earlier:
    """A finished cohort of this office that ended on `end`, in the shapes demo_cohorts
    writes: its days approved, attendance, results that agree with the rule, one who
    failed (`fails_by` score or attendance) and one who withdrew."""
    s = uow.session
    start = end - timedelta(days=end.weekday()) - timedelta(weeks=2)
    info = OFFICES_BY_CODE[office]
    place, region = LOCATIONS.get(office, (info.region_name, info.region_code))
    people = _people(uow, rng, office, area, start - timedelta(days=rng.randint(20, 35)), size,
                     6000 if fails_by == "score" else 7000)  # fmt: skip
    provider_id, module = offer
    cohort = Cohort(
        office_code=office,
        code=next_code(s, uow.device, start.year),
        provider_id=provider_id,
        module_code=module,
        location=f"Ruang pelatihan, {place}",
        location_region_code=region,
        start_date=start,
        end_date=end,
        pattern=",".join(cohort_rules.DEFAULT_PATTERN),
        capacity=16,
        transport_rate=rng.choice((50_000, 75_000, 100_000)),
        pocket_rate=rng.choice((100_000, 150_000)),
        pocket_mode="per_day",
        min_rate_percent=80,
        excused_counts=False,
        pass_score=70,
        status=cohort_rules.Status.FINISHED.value,
        created_by=clerk,
    )
    s.add(cohort)
    s.flush()
    days = cohort_rules.training_days(start, end)
    sessions = []
    for day in days:
        session = CohortSession(
            id=stable_id("cohort_session", cohort.id, day.isoformat()),
            office_code=office,
            cohort_id=cohort.id,
            day=day,
            makeup=False,
            cancelled=False,
            locked_at=datetime.combine(day + timedelta(days=1), time(1, 0), tzinfo=uow.now.tzinfo),
            locked_by=supervisor,
        )
        s.add(session)
        sessions.append(session)
    s.flush()
    uow.audit("cohort.create", "cohort", cohort.id, code=cohort.code, demo=True)
    rule = cohort_rules.CompletionRule()
    failing, leaving = len(people) - 2, len(people) - 1
    enrolled_at = datetime.combine(start - timedelta(days=7), time(3, 0), tzinfo=uow.now.tzinfo)
    graduates: list[tuple[Enrollment, Participant]] = []
    gone: list[tuple[Enrollment, Participant]] = []
    for n, p in enumerate(people):
        e = Enrollment(
            id=stable_id("enrollment", cohort.id, p.id),
            office_code=office,
            cohort_id=cohort.id,
            participant_id=p.id,
            status=cohort_rules.ENROLLED,
            queued_at=enrolled_at + timedelta(minutes=5 * n),
            enrolled_by=clerk,
        )
        s.add(e)
        held = sessions[: len(sessions) // 3] if n == leaving else sessions
        away = 0
        if n == failing and fails_by == "attendance":
            away = math.ceil(len(held) * 0.35)
        elif n not in (failing, leaving):
            away = min(rng.choice((0, 0, 0, 1, 1, 2)), len(held) // 5)
        missed = set(rng.sample(range(len(held)), away))
        marks: dict[date, str] = {}
        for k, session in enumerate(held):
            mark = rng.choice("IISA") if k in missed else cohort_rules.Mark.PRESENT.value
            marks[session.day] = mark
            s.add(
                Attendance(
                    id=stable_id("attendance", session.id, p.id),
                    office_code=office,
                    cohort_id=cohort.id,
                    session_id=session.id,
                    participant_id=p.id,
                    mark=mark,
                    marked_by=clerk,
                    marked_at=datetime.combine(session.day, time(2, 30), tzinfo=uow.now.tzinfo),
                )
            )
        if n == leaving:
            e.status = cohort_rules.WITHDRAWN
            e.withdraw_reason = "Mengurus keluarga"
            e.withdrawn_at = datetime.combine(
                sessions[len(held)].day, time(3, 0), tzinfo=uow.now.tzinfo
            )
            p.status, p.status_reason = "withdrawn", e.withdraw_reason
            gone.append((e, p))
            continue
        e.score = 58 if n == failing and fails_by == "score" else rng.randint(72, 95)
        e.result_by = clerk
        e.result_at = datetime.combine(end + timedelta(days=3), time(4, 0), tzinfo=uow.now.tzinfo)
        verdict = cohort_rules.completion(
            cohort_rules.attendance_rate(marks, days, end, rule), e.score, rule
        )
        e.result = cohort_rules.PASSED if verdict.passes else cohort_rules.FAILED
        if not verdict.passes:
            e.result_reason = " ".join(r.render("id") for r in verdict.reasons)
        p.status = "completed"
        if verdict.passes:
            graduates.append((e, p))
    s.flush()
    return Earlier(cohort, graduates, gone)


class _Book:
    """Writes the calls, jobs and referrals of the followed people, in order of time."""

    def __init__(
        self,
        uow: UnitOfWork,
        rng: random.Random,
        today: date,
        counters: list[str],
        province: str,
        vacancies: Sequence[Vacancy],
    ) -> None:
        self.uow, self.rng, self.today = uow, rng, today
        self.counters, self.province, self.vacancies = counters, province, vacancies
        self.city = CITIES.get(uow.device.office_code, "Kota")
        self.wage = MINIMUM_WAGE.get(province, 3_000_000)
        self.npps: dict[str, str] = {}  # one NPP per employer
        self.follow_ups = self.referrals = 0

    # -- helpers ---------------------------------------------------------------------
    def _at(self, day: date) -> datetime:
        """A time in office hours on `day` (never after the demo's moment)."""
        hour, minute = self.rng.randint(1, 8), self.rng.choice((0, 15, 30, 45))
        at = datetime.combine(day, time(hour, minute), tzinfo=self.uow.now.tzinfo)
        return min(at, self.uow.now - timedelta(minutes=10))

    def _clerk(self) -> str:
        return self.rng.choice(self.counters)

    def _fitting(self, module: str, on: date) -> list[Vacancy]:
        """Open vacancies on `on` that want `module`: the office's province first."""
        found = [
            v
            for v in self.vacancies
            if module in v.modules.split()
            and v.closed_at is None
            and (v.closes_on is None or v.closes_on >= max(on, self.today))
        ]
        return sorted(
            found,
            key=lambda v: (
                not v.region_code.startswith(self.province),
                v.closes_on or date.max,
                v.employer,
            ),
        )

    def _refer(
        self, p: Participant, v: Vacancy, on: date, hired: bool | None, hired_on: date | None
    ) -> None:
        clerk = self._clerk()
        r = Referral(
            id=stable_id("referral", p.id, v.id),
            office_code=p.office_code,
            participant_id=p.id,
            vacancy_id=v.id,
            referred_on=on,
            referred_by=clerk,
        )
        self.uow.session.add(r)
        self.uow.audit("vacancy.refer", "participant", p.id, vacancy=v.id, demo=True)
        if hired is not None:
            r.hired, r.hired_on, r.outcome_by = hired, hired_on, clerk
            if not hired:
                r.note = "Tidak lolos tes praktik; disarankan melamar lagi bulan depan"
            self.uow.audit("vacancy.hire", "participant", p.id, vacancy=v.id, hired=hired,
                           demo=True)  # fmt: skip
        self.referrals += 1

    def _job(self, module: str, formal: bool, started_on: date) -> Job:
        choices = JOBS.get(module, JOBS["KONSTRUKSI"])
        template, position, _formal = self.rng.choice([j for j in choices if j[2] is formal])
        employer = template.format(city=self.city)
        npp: str | None = None
        if formal:
            wage = self.wage + self.rng.randrange(0, 700_000, 100_000)
            npp = self.npps.setdefault(employer, f"{self.rng.randint(10_000_000, 99_999_999)}")
        else:
            wage = int(self.wage * self.rng.uniform(0.55, 0.8)) // 100_000 * 100_000
        return Job(employer, npp, position, started_on, wage, formal)

    # -- one person ----------------------------------------------------------------------
    def person(
        self,
        cohort: Cohort,
        e: Enrollment,
        p: Participant,
        script: Sequence[str | None],
        referral: str | None,
    ) -> None:
        """Record the calls `script` says; refer the person when `referral` says so."""
        module = cohort.module_code
        due = rules.schedule(cohort.end_date)
        job: Job | None = None
        business = study = None
        hire: tuple[Vacancy, date] | None = None
        if referral == "hired":
            fits = self._fitting(module, due[2].due_on)
            if fits:
                referred = _workday(due[2].due_on - timedelta(days=35))
                hired_on = _workday(referred + timedelta(days=12))
                self._refer(p, fits[0], referred, True, hired_on)
                hire = (fits[0], hired_on)
        elif referral == "not_hired":
            fits = self._fitting(module, due[1].due_on)
            near = [v for v in fits if v.region_code.startswith(self.province)] or fits
            if near:  # another employer nearby when there is one
                referred = _workday(due[1].due_on + timedelta(days=20))
                self._refer(p, near[min(1, len(near) - 1)], referred, False, None)
        for d, step in zip(due, script, strict=False):
            if step is None or d.due_on > rules.week_of(self.today)[1]:
                continue  # not called yet (a call is recorded only once it is due this week)
            if d.due_on > self.today:  # due later this week: called early, today
                day = self.today
            else:
                day = min(_workday(d.due_on + timedelta(days=self.rng.randint(0, 4))), self.today)
            at = self._at(day)
            f = FollowUp(
                id=stable_id("follow_up", e.id, str(d.milestone)),
                office_code=cohort.office_code,
                participant_id=p.id,
                enrollment_id=e.id,
                cohort_id=cohort.id,
                milestone=d.milestone,
                due_on=d.due_on,
                attempts=0,
                called_by=self._clerk(),
                called_at=at,
            )
            kind = step.rstrip("=io23R")
            if step.startswith("W"):
                f.outcome = rules.Outcome.WORKING.value
                if step == "WR" and hire is not None:
                    v, hired_on = hire
                    low, high = v.wage_min or self.wage, v.wage_max or self.wage
                    job = Job(v.employer, v.npp, v.position, hired_on,
                              (low + high) // 200_000 * 100_000, True)  # fmt: skip
                elif step != "W=" or job is None:
                    earliest = cohort.end_date + timedelta(days=5)
                    started = max(earliest, day - timedelta(days=self.rng.randint(7, 40)))
                    job = self._job(module, step != "Wi", min(started, day))
                f.employer, f.npp, f.position = job.employer, job.npp, job.position
                f.started_on, f.wage, f.formal = job.started_on, job.wage, job.formal
            elif kind == "SE":
                f.outcome = rules.Outcome.SELF_EMPLOYED.value
                if step == "SEo":
                    business = self.rng.choice(OTHER_BUSINESSES)
                elif step != "SE=" or business is None:
                    business = BUSINESSES.get(module, OTHER_BUSINESSES[0])
                f.business_type = business
            elif kind == "E":
                f.outcome = rules.Outcome.EDUCATION.value
                if step != "E=" or study is None:
                    study = self.rng.choice(STUDIES)
                f.note = study
            elif kind == "U":
                f.outcome = rules.Outcome.UNREACHABLE.value
                f.attempts = int(step[1:])
                f.note = self.rng.choice(UNREACHABLE_NOTES)
            else:
                f.outcome = rules.Outcome.LOOKING.value
                f.note = self.rng.choice(LOOKING_NOTES)
            self.uow.session.add(f)
            before = p.status
            p.status = rules.status_after(rules.Outcome(f.outcome), before)
            self.uow.audit("followup.record", "participant", p.id, milestone=d.milestone,
                           outcome=f.outcome, status=[before, p.status], demo=True)  # fmt: skip
            self.follow_ups += 1
        if referral == "pending":
            fits = self._fitting(module, self.today)
            if fits:
                on = min(_workday(self.today - timedelta(days=self.rng.randint(1, 6))), self.today)
                self._refer(p, fits[0], on, None, None)

    def recent_graduate(self, office: str, earlier: tuple[str, ...]) -> None:
        """A graduate of the office's recent finished cohort referred this week (no call
        is due yet: the first comes a month after the cohort's end)."""
        s = self.uow.session
        rows = s.execute(
            select(Participant, Cohort.module_code)
            .join(Enrollment, Enrollment.participant_id == Participant.id)
            .join(Cohort, Cohort.id == Enrollment.cohort_id)
            .where(
                Cohort.office_code == office,
                Cohort.status == cohort_rules.Status.FINISHED.value,
                Cohort.id.not_in(earlier),
                Enrollment.result == cohort_rules.PASSED,
                Participant.status == "completed",
            )
            .order_by(Participant.full_name, Participant.id)
        ).all()
        if not rows:
            return
        p, module = rows[self.rng.randrange(len(rows))]
        fits = self._fitting(module, self.today)
        if fits:
            self._refer(p, fits[0], min(_workday(self.today - timedelta(days=2)), self.today),
                        None, None)  # fmt: skip
