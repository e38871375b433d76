"""Exports write what people read (issue #8 part 4): codes by their Indonesian labels, dates
DD/MM/YYYY, rupiah and phones as clerks write them; and a full export, imported into a fresh
office, gives the same people with every typed field."""

from __future__ import annotations

import csv

import pytest

from app.domain.participant_fields import BY_KEY, PARTICIPANT_FIELDS, STORED_ATTRIBUTES
from app.services.participant_export import EXPORT_COLUMNS, export_participants
from app.services.participant_import import run_import
from app.services.participants import register
from app.texts import set_language
from tests.unit.helpers import rows
from tests.unit.test_import_hostile_values import _supervisor, second_office  # noqa: F401

EVERYTHING = {  # every input of the form
    "nik": "3171011708900001",
    "nama": "Budi Santoso",
    "tempat_lahir": "Jakarta",
    "tanggal_lahir": "17/08/1990",
    "jenis_kelamin": "L",
    "telepon": "0812-3456-7890",
    "email": "budi@contoh.id",
    "kpj": "12345678901",
    "alamat": "Jl. Kebon Sirih No. 5",
    "kode_wilayah": "31.71.01",
    "pendidikan": "SMK",
    "perusahaan_terakhir": "PT Maju Jaya",
    "npp": "12345678",
    "tanggal_phk": "15/06/2026",
    "alasan_phk": "efficiency",
    "upah_terakhir": "5.200.000",
    "bank": "BRI",
    "nomor_rekening": "0123456789012",
    "nama_pemilik_rekening": "BUDI SANTOSO",
    "persetujuan": "Y",
    "alamat_domisili": "Jl. Cempaka Putih 7",
    "whatsapp": "Y",
    "jabatan": "Operator jahit",
    "jenis_kontrak": "PKWTT",
    "akhir_kontrak": "",
    "mulai_kerja": "01/03/2015",
    "jht_diklaim": "T",
    "tanggal_klaim_jht": "",
    "lama_kepesertaan": "135",
    "iuran_24_bulan": "24",
    "masih_peserta_aktif": "T",
    "pernah_ikut_program": "T",
    "pilihan_pelatihan_1": "LAS",  # module codes: what the catalogue stores (issue #9)
    "pilihan_pelatihan_2": "FORKLIFT",
}
SITI = {
    **EVERYTHING,
    "nik": "3273015708920002",
    "nama": "Siti Aminah",
    "tanggal_lahir": "17/08/1992",
    "jenis_kelamin": "P",
    "telepon": "(021) 765 4321",
    "kpj": "",
    "alasan_phk": "company_closed",
    "whatsapp": "",
    "nama_pemilik_rekening": "Siti Aminah",
    "masih_peserta_aktif": "Y",
    "pernah_ikut_program": "",
    "lama_kepesertaan": "",
    "iuran_24_bulan": "",
    "jht_diklaim": "Y",
    "tanggal_klaim_jht": "01/07/2026",
}


def _read(path):
    with path.open(encoding="utf-8-sig", newline="") as fh:
        lines = list(csv.reader(fh, delimiter=";"))
    return [dict(zip(lines[0], line, strict=True)) for line in lines[1:]]


@pytest.fixture
def two(office, admin):
    for raw in (EVERYTHING, SITI):
        out = register(office, admin, raw, confirm_warnings=True)
        assert out.saved, [f.message() for f in out.findings]
    return office


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_export_writes_indonesian_labels_whatever_the_language(two, admin, tmp_path, lang):
    set_language(lang)
    try:
        out = tmp_path / "ekspor.csv"
        export_participants(two, admin, out)
    finally:
        set_language("id")
    budi, siti = sorted(_read(out), key=lambda r: r["nama"])
    assert list(budi) == list(EXPORT_COLUMNS) == [f.key for f in PARTICIPANT_FIELDS]
    assert budi["nik"] == "3171********0001" and budi["nomor_rekening"] == "01*********12"
    assert (budi["status"], budi["jenis_kelamin"], siti["jenis_kelamin"]) == (
        "Terdaftar",
        "Laki-laki",
        "Perempuan",
    )
    assert budi["alasan_phk"] == "Efisiensi / pengurangan karyawan"
    assert siti["alasan_phk"] == "Perusahaan tutup"
    assert (budi["tanggal_lahir"], budi["upah_terakhir"]) == ("17/08/1990", "Rp5.200.000")
    assert (budi["telepon"], siti["telepon"]) == ("0812-3456-7890", "(021) 7654321")
    assert (budi["persetujuan"], budi["whatsapp"], siti["whatsapp"]) == ("Ya", "Ya", "Tidak")
    assert (budi["lama_kepesertaan"], budi["masih_peserta_aktif"]) == ("135", "Tidak")
    assert (siti["lama_kepesertaan"], siti["pernah_ikut_program"]) == ("", "")
    assert budi["kantor"] == "JKT" and budi["pendidikan"] == "SMK"
    codes = {"registered", "efficiency", "company_closed"}
    assert not codes & {cell for row in (budi, siti) for cell in row.values()}


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_full_export_imports_into_a_fresh_office_as_the_same_people(
    two, admin, tmp_path, second_office, suffix  # noqa: F811
):
    out = tmp_path / f"lengkap{suffix}"
    export_participants(two, _supervisor(two, admin), out, full=True)
    other, other_admin = second_office
    result = run_import(other, other_admin, out)
    assert [r.status for r in result.reports] == ["ok", "ok"], result.reports
    columns = ", ".join(STORED_ATTRIBUTES)
    sql = f"SELECT {columns} FROM participant ORDER BY nik"
    assert rows(other.path, sql) == rows(two.path, sql)
    consented = "SELECT p.nik FROM consent c JOIN participant p ON p.id = c.participant_id"
    assert rows(other.path, consented) == rows(two.path, consented)
    assert "membership_months" in columns and BY_KEY["lama_kepesertaan"].typed
