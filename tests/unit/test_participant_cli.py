"""`loket participants ...` from new shells, on real files."""

from __future__ import annotations

import csv
import json
import sqlite3

import pytest

from tests.unit.test_cli import PASSWORD, loket

ROWS = (
    "nik;nama;tanggal_lahir;jenis_kelamin;telepon;persetujuan\n"
    "3171011708900001;Budi Santoso;17/08/1990;L;081234567890;Y\n"
    "3273015708920002;Siti Aminah;17/08/1992;P;;Y\n"
)


@pytest.fixture
def office_home(tmp_path):
    home = tmp_path / "kantor"
    out = loket(
        home,
        "init",
        "--office",
        "JKT",
        "--device",
        "1",
        "--admin",
        "admin",
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    assert out.returncode == 0, out.stderr
    return home


def test_import_dry_run_report_then_import_and_search(office_home, tmp_path):
    f = tmp_path / "peserta.csv"
    f.write_text(ROWS + "3.17101E+15;Rusak;01/01/1990;L;;Y\n", encoding="cp1252")
    report = tmp_path / "laporan.csv"
    out = loket(
        office_home,
        "participants",
        "import",
        str(f),
        "--dry-run",
        "--report",
        str(report),
        "--json",
    )
    assert out.returncode == 1  # a row has an error
    data = json.loads(out.stdout)
    assert (data["total"], data["errors"], data["written"]) == (3, 1, 0)
    lines = list(csv.reader(report.open(encoding="utf-8-sig")))
    assert lines[1][:2] == ["2", "ok"] and lines[3][:3] == ["4", "error", "nik"]

    out = loket(office_home, "participants", "import", str(f))
    assert out.returncode == 1 and "Tidak ada yang ditulis" in out.stdout
    out = loket(office_home, "participants", "import", str(f), "--skip-invalid", "--json")
    assert json.loads(out.stdout)["written"] == 2

    found = json.loads(loket(office_home, "participants", "search", "siti", "--json").stdout)
    assert [r["nik_masked"] for r in found["results"]] == ["3273********0002"]


def test_export_is_masked_unless_a_supervisor_asks(office_home, tmp_path):
    f = tmp_path / "peserta.csv"
    f.write_text(ROWS, encoding="utf-8")
    assert loket(office_home, "participants", "import", str(f)).returncode == 0
    masked = tmp_path / "keluar.csv"
    assert loket(office_home, "participants", "export", str(masked)).returncode == 0
    text = masked.read_text(encoding="utf-8-sig")
    assert "3171********0001" in text and "3171011708900001" not in text

    full = tmp_path / "lengkap.xlsx"
    refused = loket(office_home, "participants", "export", str(full), "--full")
    assert refused.returncode == 1 and "tidak berwenang" in refused.stderr
    assert (
        loket(
            office_home,
            "staff",
            "add",
            "spv.rina",
            "--name",
            "Rina",
            "--role",
            "supervisor",
            "--password-stdin",
            stdin="Sementara1\n",
        ).returncode
        == 0
    )
    # a supervisor whose password must still be changed may sign in for this
    out = loket(
        office_home,
        "participants",
        "export",
        str(full),
        "--full",
        "--supervisor",
        "spv.rina",
        "--password-stdin",
        stdin="Sementara1\n",
    )
    assert out.returncode == 0, out.stderr
    from openpyxl import load_workbook

    sheet = load_workbook(full).active
    assert sheet.cell(2, 1).value in ("3171011708900001", "3273015708920002")
    actions = [
        r[0]
        for r in sqlite3.connect(office_home / "loket.db").execute(
            "SELECT actor FROM audit_event WHERE action='participant.export'"
        )
    ]
    assert sorted(actions)[-1] == "spv.rina"


def test_person_export_and_erase_keep_the_row_but_not_the_person(office_home, tmp_path):
    f = tmp_path / "peserta.csv"
    f.write_text(ROWS, encoding="utf-8")
    loket(office_home, "participants", "import", str(f))
    loket(
        office_home,
        "staff",
        "add",
        "spv.rina",
        "--name",
        "Rina",
        "--role",
        "supervisor",
        "--password-stdin",
        stdin="Sementara1\n",
    )
    con = sqlite3.connect(office_home / "loket.db")
    (pid,) = con.execute("SELECT id FROM participant WHERE nik='3171011708900001'").fetchone()
    sup = ("--supervisor", "spv.rina", "--password-stdin")
    dump = tmp_path / "budi.json"
    out = loket(
        office_home, "participants", "person-export", pid, str(dump), *sup, stdin="Sementara1\n"
    )
    assert out.returncode == 0, out.stderr
    assert json.loads(dump.read_text(encoding="utf-8"))["participant"]["nik"] == "3171011708900001"
    out = loket(
        office_home,
        "participants",
        "erase",
        pid,
        "--reason",
        "Menarik persetujuan",
        *sup,
        stdin="Sementara1\n",
    )
    assert out.returncode == 0, out.stderr
    row = con.execute(
        "SELECT nik, full_name, phone, status FROM participant WHERE id=?", (pid,)
    ).fetchone()
    assert row[0] == "" and row[1].startswith("[Dihapus") and row[2] is None
    assert row[3] == "erased"
    assert (
        con.execute(
            "SELECT count(*) FROM consent WHERE participant_id=? AND withdrawn_at IS NULL", (pid,)
        ).fetchone()[0]
        == 0
    )


def test_a_hostile_file_gets_one_sentence_and_nothing_is_written(office_home, tmp_path):
    from tests.unit.xlsx_parts import rows_xml, sheet_xml, write_xlsx

    repeated = tmp_path / "ganda.csv"
    repeated.write_text(
        "nik;nama;catatan;tanggal_lahir;jenis_kelamin;catatan\n"
        "3171011708900001;Budi Santoso;x;17/08/1990;L;y\n",
        encoding="utf-8",
    )
    bomb = write_xlsx(
        tmp_path / "xfd.xlsx",
        sheet_xml("".join(rows_xml([["nik", "nama"]])), dimension="A1:XFD1048576"),
    )
    for path, sentence in (
        (repeated, 'Judul kolom berulang: "catatan" (C, F).'),
        (bomb, "Lembar kerja menyatakan ukuran A1:XFD1048576, melebihi batas"),
    ):
        out = loket(office_home, "participants", "import", str(path))
        assert out.returncode == 1 and out.stdout == ""
        assert out.stderr.startswith(f"loket: {sentence}") and out.stderr.count("\n") == 1
        assert "Traceback" not in out.stderr
    con = sqlite3.connect(office_home / "loket.db")
    assert con.execute("SELECT count(*) FROM participant").fetchone() == (0,)
    con.close()


def test_result_lines_speak_the_office_language_with_separators_and_labels(office_home, tmp_path):
    """A thousand rows read `1.000`; a row's error names its field as the form does; the
    search shows the status by its label; English when the office chose English."""
    lines = ["nik;nama;tanggal_lahir;jenis_kelamin;persetujuan"]
    for i in range(1000):
        day, month = 1 + i % 28, 1 + (i // 28) % 12
        lines.append(f"317101{day:02d}{month:02d}85{i + 1:04d};Peserta {i:04d};"
                     f"{day:02d}{month:02d}1985;L;Y")  # fmt: skip
    lines.append("3171010202850999;Tanggal Mustahil;31/02/1985;L;Y")
    f = tmp_path / "seribu.csv"
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = loket(office_home, "participants", "import", str(f), "--skip-invalid")
    assert out.returncode == 1, out.stderr  # a row had an error, the rest were written
    assert out.stdout.splitlines() == [
        "Baris data: 1.001 — baik 1.000, peringatan 0, galat 1.",
        "  baris 1002: galat [Tanggal lahir] Tanggal tidak valid: 31/02/1985. "
        "Tulis HH/BB/TTTT, mis. 17/08/1990 atau 17081990.",
        "Ditulis: 1.000 peserta.",
    ]
    masked = tmp_path / "keluar.csv"
    out = loket(office_home, "participants", "export", str(masked))
    assert out.stdout == (
        f"1.000 peserta diekspor ke {masked}, tersamar (NIK dan rekening disamarkan).\n"
    )
    out = loket(office_home, "participants", "search", "3171********0001")
    assert out.stdout == "3171********0001  Peserta 0000" + " " * 20 + " 01/01/1985  Terdaftar\n"

    con = sqlite3.connect(office_home / "loket.db")
    con.execute("INSERT OR REPLACE INTO local_setting (key, value) VALUES ('language', '\"en\"')")
    con.commit()
    con.close()
    out = loket(office_home, "participants", "search", "3171********0001")
    assert out.stdout.endswith("01/01/1985  Registered\n")
    out = loket(office_home, "participants", "import", str(f), "--dry-run")
    assert out.stdout.splitlines()[0] == "Data rows: 1.001 — good 0, warnings 0, errors 1.001."
    assert out.stdout.splitlines()[-1] == "Trial run (--dry-run): nothing written."
