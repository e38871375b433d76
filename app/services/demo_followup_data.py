"""The demo's follow-up material as data (app.services.demo_followups): the vacancies of the
five areas with their wages around each area's minimum, the jobs and businesses people are
found in, and the script of each earlier cohort's calls (who answered what, at which
month). Only tables and their record types: the step that writes them reads them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

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
