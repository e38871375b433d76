"""A participant's two training choices are picks from the active modules (issue #9 item 1):
stored by code, given as a code or a name; an unknown one is an error at its field; a choice
typed before the catalogue existed stays as it was when the record is edited."""

from __future__ import annotations

import sqlite3

from app.services import participant_records as records
from app.services.modules import set_module_active
from app.services.participant_import import run_import
from app.services.participants import register
from tests.unit.helpers import rows
from tests.unit.test_participants import BUDI


def _choices(office) -> list[tuple[object, ...]]:
    return rows(office.path, "SELECT training_choice_1, training_choice_2 FROM participant")


def test_a_code_or_a_name_is_stored_as_the_modules_code(office, admin):
    out = register(
        office,
        admin,
        {**BUDI, "pilihan_pelatihan_1": " las ", "pilihan_pelatihan_2": "operator  FORKLIFT"},
    )
    assert out.saved is not None, [f.message() for f in out.findings]
    assert _choices(office) == [("LAS", "FORKLIFT")]
    detail = records.detail(office, out.saved.id)
    assert detail.values["training_choice_1_label"] == "Juru Las (SMAW) (LAS)"


def test_an_unknown_module_is_refused_at_its_field(office, admin):
    out = register(office, admin, {**BUDI, "pilihan_pelatihan_2": "Menyelam"})
    assert out.saved is None
    assert [(f.field, f.message()) for f in out.findings] == [
        (
            "pilihan_pelatihan_2",
            "Pilihan pelatihan tidak ada di katalog modul: Menyelam. Pakai kode atau nama "
            "modul aktif (lihat halaman Modul).",
        )
    ]


def test_an_inactive_module_cannot_be_picked(staffed):
    set_module_active(staffed.db, staffed.actors["supervisor"], "GARMEN", False)
    out = register(staffed.db, staffed.actors["counter"], {**BUDI, "pilihan_pelatihan_1": "GARMEN"})
    assert out.saved is None
    assert [f.field for f in out.findings] == ["pilihan_pelatihan_1"]


def test_a_choice_typed_before_the_catalogue_stays_when_the_record_is_edited(office, admin):
    out = register(office, admin, BUDI)
    assert out.saved is not None
    con = sqlite3.connect(office.path)  # a record from before issue #9: free text
    with con:
        con.execute("UPDATE participant SET training_choice_1 = 'Menjahit garmen'")
    con.close()
    raw = records.values_for_edit(office, admin, out.saved.id)
    assert raw["pilihan_pelatihan_1"] == "Menjahit garmen"
    raw["telepon"] = "0813-1111-2222"
    assert records.update(office, admin, out.saved.id, raw, confirm_warnings=True) == []
    assert _choices(office) == [("Menjahit garmen", None)]
    assert records.detail(office, out.saved.id).values["training_choice_1_label"] == (
        "Menjahit garmen"
    )
    # but it cannot be typed anew, on this record or another
    raw["pilihan_pelatihan_2"] = "Menjahit garmen"
    assert records.update(office, admin, out.saved.id, raw, confirm_warnings=True) == []
    raw["pilihan_pelatihan_2"] = "Menjahit kebaya"
    findings = records.update(office, admin, out.saved.id, raw, confirm_warnings=True)
    assert [f.field for f in findings] == ["pilihan_pelatihan_2"]


def test_the_import_takes_a_code_or_name_and_reports_an_unknown_module(office, admin, tmp_path):
    path = tmp_path / "peserta.csv"
    path.write_text(
        "nik;nama;tanggal_lahir;jenis_kelamin;persetujuan;pilihan_pelatihan_1\n"
        "3171011708900001;Budi Santoso;17/08/1990;L;Y;Perhotelan\n"
        "3171015708920002;Siti Aminah;17/08/1992;P;Y;Barista\n",
        encoding="utf-8",
    )
    result = run_import(office, admin, path, skip_invalid=True)
    errors = [(r.row, r.field, r.message) for r in result.reports if r.status == "error"]
    assert errors == [
        (
            3,
            "pilihan_pelatihan_1",
            "Pilihan pelatihan tidak ada di katalog modul: Barista. Pakai kode atau nama "
            "modul aktif (lihat halaman Modul).",
        )
    ]
    assert _choices(office) == [("PERHOTELAN", None)]
