"""Every setting, declared once (type, default, label), and the paths of the data dir.

The settings page builds its widgets from `SETTINGS`; services read values through
`app.services.settings`. Values live in the local database (table `local_setting`), so a
backup carries them. `LOKET_HOME` moves the whole data dir (tests, demo, a second office).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from app.texts import Text

APP_NAME = "LoketVokasi"
APP_AUTHOR = "BPJAMSOSTEK"
DB_FILENAME = "loket.db"
# PRAGMA application_id of a Loket database: "LKV1" as a 32-bit integer. Lets `restore`
# refuse an unrelated SQLite file before touching anything.
SQLITE_APPLICATION_ID = 0x4C4B5631


@dataclass(frozen=True)
class Setting:
    """One setting: its key, type, default and the words the settings page shows."""

    key: str
    kind: type
    default: object
    label: Text
    help: Text
    minimum: int | None = None
    maximum: int | None = None
    choices: tuple[tuple[str, Text], ...] = field(default=())


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "language",
        str,
        "id",
        Text("Bahasa tampilan", "Display language"),
        Text(
            "Berlaku setelah keluar dan masuk lagi.", "Takes effect after signing out and in again."
        ),
        choices=(
            ("id", Text("Bahasa Indonesia", "Indonesian")),
            ("en", Text("English", "English")),
        ),
    ),
    Setting(
        "idle_lock_minutes",
        int,
        10,
        Text("Kunci layar setelah tidak aktif (menit)", "Lock the screen after idle (minutes)"),
        Text("0 berarti tidak pernah dikunci otomatis.", "0 means never lock automatically."),
        minimum=0,
        maximum=240,
    ),
    Setting(
        "max_failed_logins",
        int,
        5,
        Text("Batas salah kata sandi", "Wrong passwords before lock-out"),
        Text(
            "Akun dikunci sementara setelah sekian kali salah kata sandi berturut-turut.",
            "The account is locked after this many wrong passwords in a row.",
        ),
        minimum=3,
        maximum=20,
    ),
    Setting(
        "lockout_minutes",
        int,
        15,
        Text("Lama akun terkunci (menit)", "Lock-out duration (minutes)"),
        Text(
            "Berapa lama akun tidak bisa masuk setelah terlalu sering salah kata sandi.",
            "How long an account stays locked after too many wrong passwords.",
        ),
        minimum=1,
        maximum=1440,
    ),
    Setting(
        "min_password_length",
        int,
        8,
        Text("Panjang minimal kata sandi", "Minimum password length"),
        Text("Berlaku untuk kata sandi baru.", "Applies to new passwords."),
        minimum=6,
        maximum=64,
    ),
    Setting(
        "eligibility_preset",
        str,
        "vokasi_2019",
        Text("Aturan kelayakan peserta", "Participant eligibility rules"),
        Text(
            "Aturan yang dipakai formulir pendaftaran untuk menilai kelayakan.",
            "The rules the intake form uses to judge eligibility.",
        ),
        choices=(
            ("vokasi_2019", Text("Program vokasi 2019", "Vocational programme 2019")),
            ("jkp", Text("JKP (PP 37/2021 jo. PP 6/2025)", "JKP (PP 37/2021 as amended)")),
        ),
    ),
    Setting(
        "programme_target",
        int,
        20_000,
        Text("Target peserta nasional", "National participant target"),
        Text(
            "Jumlah peserta yang dituju program di seluruh kantor; Beranda menunjukkan "
            "kemajuan terhadap angka ini dan bagian kantor ini.",
            "How many participants the programme aims for across all offices; the home page "
            "shows progress toward it and this office's part.",
        ),
        minimum=1,
        maximum=10_000_000,
    ),
    Setting(
        "sync_interval_minutes",
        int,
        5,
        Text("Sinkronisasi otomatis setiap (menit)", "Sync automatically every (minutes)"),
        Text(
            "Dijalankan di latar belakang saat program terbuka. 0 berarti hanya saat tombol "
            "Sinkronkan sekarang ditekan.",
            "Runs in the background while the program is open. 0 means only when Sync now "
            "is pressed.",
        ),
        minimum=0,
        maximum=240,
    ),
    Setting(
        "receipt_paper",
        str,
        "a5",
        Text("Kertas kuitansi", "Receipt paper"),
        Text(
            "A5 melintang (satu kuitansi per lembar) atau A4 (kuitansi di setengah atas).",
            "A5 landscape (one receipt per sheet) or A4 (the receipt on the top half).",
        ),
        choices=(
            ("a5", Text("A5 melintang", "A5 landscape")),
            ("a4", Text("A4", "A4")),
        ),
    ),
    Setting(
        "receipt_meterai",
        str,
        "auto",
        Text("Kotak meterai pada kuitansi", "Meterai box on receipts"),
        Text(
            "Meterai Rp10.000 untuk jumlah di atas Rp5.000.000 (UU 10/2020); bagian keuangan "
            "dapat mematikannya bila pembayaran ini dibebaskan.",
            "A Rp10,000 meterai above Rp5,000,000 (UU 10/2020); finance may switch it off "
            "where these payments are exempt.",
        ),
        choices=(
            ("auto", Text("Di atas Rp5.000.000", "Above Rp5,000,000")),
            ("off", Text("Tidak pernah", "Never")),
        ),
    ),
    Setting(
        "receipt_place",
        str,
        "",
        Text("Tempat pada kuitansi dan sertifikat", "Place on receipts and certificates"),
        Text(
            "Kota yang ditulis sebelum tanggal, mis. Jakarta. Kosong: nama kantor.",
            "The town written before the date, e.g. Jakarta. Empty: the office's name.",
        ),
        maximum=60,
    ),
    Setting(
        "signatory_name",
        str,
        "",
        Text("Nama penanda tangan sertifikat", "Certificate signatory's name"),
        Text(
            "Nama yang dicetak di bawah tanda tangan sertifikat, mis. kepala kantor cabang.",
            "The name printed under the certificate's signature, e.g. the branch head.",
        ),
        maximum=80,
    ),
    Setting(
        "signatory_position",
        str,
        "Kepala Kantor Cabang",
        Text("Jabatan penanda tangan sertifikat", "Certificate signatory's position"),
        Text(
            "Jabatan yang dicetak di atas tanda tangan sertifikat.",
            "The position printed above the certificate's signature.",
        ),
        maximum=80,
    ),
    Setting(
        "verify_url",
        str,
        "",
        Text("Alamat halaman verifikasi", "Verification page address"),
        Text(
            "Alamat server pusat yang dapat dibuka dari ponsel pemberi kerja, mis. "
            "https://vokasi.example.id. Kosong: alamat server sinkronisasi.",
            "The central server's address an employer's phone can open, e.g. "
            "https://vokasi.example.id. Empty: the sync server's address.",
        ),
        maximum=200,
    ),
    Setting(
        "consent_notice_version",
        str,
        "2026-01",
        Text("Versi pemberitahuan data pribadi", "Personal-data notice version"),
        Text(
            "Dicatat bersama setiap persetujuan peserta (UU 27/2022).",
            "Recorded with each participant's consent (UU 27/2022).",
        ),
    ),
)

SETTINGS_BY_KEY: dict[str, Setting] = {s.key: s for s in SETTINGS}


def data_dir_location() -> Path:
    """Where the data dir is (LOKET_HOME or the user data dir), without creating it: an
    error message about an unusable data dir must be able to name it."""
    override = os.environ.get("LOKET_HOME")
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def data_dir() -> Path:
    """The folder that holds the database, logs, backups and documents of this office PC."""
    path = data_dir_location()
    path.mkdir(parents=True, exist_ok=True)
    return path


def db_path() -> Path:
    return data_dir() / DB_FILENAME


def backups_dir() -> Path:
    path = data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def logs_dir() -> Path:
    path = data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path
