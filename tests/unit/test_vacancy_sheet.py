"""The vacancy sheet handed to a participant (issue #13 item 3), read back from the real PDF.

Budi passed a finished welding (LAS) cohort; he lives in Balikpapan (64.71.01) and his KTP
was issued in Jakarta Pusat (NIK 3171…); his last wage was Rp5.200.000. The open welding
vacancies rank: Balikpapan with a wage that meets his (155), anywhere in DKI Jakarta with
one that meets it (135), Samarinda — same province as his home (120), Lombok (100). A
tailoring vacancy in Balikpapan, a closed one and one past its closing date never appear.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from app.documents.vacancy_sheet import MARGIN, VacancySheetDocument, VacancySheetItem, build
from app.errors import NotFound, ValidationError
from app.services.vacancies import add_vacancy, close_vacancy
from app.services.vacancy_sheet import print_vacancy_sheet, wage_text, write_vacancy_sheet
from tests.unit.cohort_support import TODAY, at, cohort, fit_provider, person
from tests.unit.helpers import rows
from tests.unit.test_cli import loket

PDFTOTEXT = shutil.which("pdftotext")
needs_poppler = pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext (poppler-utils) absent")
A4 = (595, 842)
WORD = re.compile(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">(.*)</word>')
FAR = "2030-06-30"  # open on the real clock too: the CLI tests run on it
LONG_EMPLOYER = (
    "PT Galangan Kapal Samudera Nusantara Indonesia Raya Persero Tbk Divisi Perbaikan dan "
    "Pemeliharaan Kapal Niaga Wilayah Nusa Tenggara Barat dan Sekitarnya"
)
LONG_CONTACT = (
    "Ibu Sri Wahyuningsih 0811-9876-5432 rekrutmen.galangan.samudera.lombok@"
    "galangansamuderanusantaraindonesia.co.id Jl. Pelabuhan Lembar Blok C No. 12 Lombok Barat"
)
VACANCIES: dict[str, dict[str, Any]] = {
    "balikpapan": {"employer": "PT Baja Kaltim", "npp": "12345678", "position": "Juru Las Pipa",
                   "region_code": "64.71", "wage_min": "4.500.000", "wage_max": "6.000.000",
                   "contact": "Pak Hendra 0812-5555-0001", "closes_on": FAR, "openings": "3"},
    "jakarta": {"employer": "CV Las Jaya", "position": "Tukang Las Pagar", "region_code": "31",
                "wage_max": "5.500.000", "contact": "lasjaya@contoh.id", "closes_on": FAR},
    "samarinda": {"employer": "PT Mahakam Teknik", "position": "Welder Konstruksi",
                  "region_code": "64.72", "contact": "0541-700-100 (Bu Wati)", "closes_on": None},
    "lombok": {"employer": LONG_EMPLOYER, "position": "Welder Lambung Kapal",
               "region_code": "52.01", "contact": LONG_CONTACT, "closes_on": FAR,
               "wage_max": "4.000.000", "sector": "Industri galangan kapal"},
    "tailoring": {"employer": "PT Busana Borneo", "position": "Penjahit", "modules": "GARMEN",
                  "region_code": "64.71", "contact": "0542-111-222", "closes_on": FAR},
    "closed": {"employer": "PT Sudah Penuh", "position": "Las Ditutup", "region_code": "64.71",
               "contact": "0542-000-001", "closes_on": FAR},
    "past": {"employer": "PT Terlambat", "position": "Las Kedaluwarsa", "region_code": "64.71",
             "contact": "0542-000-002", "closes_on": (TODAY - timedelta(days=1)).isoformat()},
}  # fmt: skip
RANKED = ["balikpapan", "jakarta", "samarinda", "lombok"]
NEVER = ["tailoring", "closed", "past"]


@pytest.fixture
def office(staffed) -> tuple[Any, str, dict[str, str]]:
    """(office, Budi's participant id, vacancy key -> id)."""
    from app.services import enrolment
    from app.services.attendance import all_present
    from app.services.cohort_results import finish_cohort, record_result

    clerk = staffed.actors["counter"]
    provider = fit_provider(staffed)
    budi = person(staffed, 1, "Budi Santoso", kode_wilayah="64.71.01")
    days = [date(2026, 11, 9), date(2026, 11, 10)]
    cid = cohort(staffed, provider, start=days[0], end=days[-1])
    enrolment.enrol(staffed.db, clerk, cid, [budi])
    for day in days:
        at(staffed, day)
        all_present(staffed.db, clerk, cid, day)
    at(staffed, TODAY)
    record_result(staffed.db, clerk, cid, budi, 88, "lulus")
    finish_cohort(staffed.db, staffed.actors["supervisor"], cid)
    ids = {}
    for key, values in VACANCIES.items():
        ids[key] = add_vacancy(staffed.db, clerk, {"modules": "LAS", **values}).id
    close_vacancy(staffed.db, clerk, ids["closed"])
    return staffed, budi, ids


def _nik(office: Any, pid: str) -> str:
    ((nik,),) = rows(office.path, "SELECT nik FROM participant WHERE id=?", pid)
    return str(nik)


def _text(path: Path) -> str:
    """The words of the PDF, spaces folded (a cell wraps a sentence over lines)."""
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def _words(path: Path) -> list[tuple[int, float, float, float, str]]:
    """(page, xMin, xMax, yMin, word) of every word, from pdftotext's bounding boxes."""
    assert PDFTOTEXT is not None
    out = path.with_suffix(".html")
    subprocess.run([PDFTOTEXT, "-bbox", str(path), str(out)], check=True)
    found = []
    page = 0
    for line in out.read_text(encoding="utf-8").splitlines():
        if "<page " in line:
            page += 1
        m = WORD.search(line)
        if m:
            found.append((page, float(m[1]), float(m[3]), float(m[2]), html.unescape(m[4])))
    return found


def _sheet(office: Any, pid: str, tmp_path: Path, **kw: Any) -> Path:
    return print_vacancy_sheet(office.db, office.actors["counter"], pid, tmp_path / "s.pdf", **kw)


def test_the_open_fitting_vacancies_appear_best_first_with_contacts_and_reasons(office, tmp_path):
    staffed, budi, _ids = office
    text = _text(_sheet(staffed, budi, tmp_path))
    where = [text.index(f"{n}. {VACANCIES[key]['position']}") for n, key in enumerate(RANKED, 1)]
    assert where == sorted(where), text
    bare = "".join(text.split())  # an e-mail longer than the line is split inside
    for key in RANKED:
        assert "".join(VACANCIES[key]["contact"].split()) in bare, key
    for expected in (
        "LEMBAR INFORMASI LOWONGAN KERJA",
        "BPJS Ketenagakerjaan — Kantor Cabang DKI Jakarta",
        "Budi Santoso",
        "Berikut 4 lowongan kerja terbuka",
        "2 Desember 2026",
        "PT Baja Kaltim (NPP 12345678)",
        "Kota Balikpapan, Kalimantan Timur",
        "Rp4.500.000 – Rp6.000.000",  # wage range, Indonesian figures
        "Dibutuhkan 3 orang",
        "Batas lamaran: 30 Juni 2030",
        "Batas lamaran: Tidak ditentukan",  # Samarinda has no closing date
        "sampai Rp5.500.000",
        "Sesuai pelatihan yang diikuti: Juru Las",
        "Di kabupaten/kota yang sama (Kota Balikpapan)",
        "Di provinsi yang sama (Daerah Khusus Ibukota Jakarta)",  # by the KTP
        "Di provinsi yang sama (Kalimantan Timur)",  # by the domicile
        "Upah sesuai harapan (upah terakhir Rp5.200.000)",
        "Industri galangan kapal",
        "Layanan ini GRATIS",
        "Hubungi atau lamar langsung ke perusahaan",
    ):
        assert expected in text, expected
    assert text.count("Mengapa cocok") == 4


def test_closed_past_and_other_module_vacancies_are_left_out(office, tmp_path):
    staffed, budi, _ids = office
    text = _text(_sheet(staffed, budi, tmp_path))
    for key in NEVER:
        assert VACANCIES[key]["position"] not in text, key
        assert VACANCIES[key]["employer"] not in text, key


def test_the_full_nik_never_appears_only_the_masked_one(office, tmp_path):
    staffed, budi, _ids = office
    nik = _nik(staffed, budi)
    out = _sheet(staffed, budi, tmp_path)
    text = _text(out)
    assert nik not in text and nik not in text.replace(" ", "")
    assert f"{nik[:4]}********{nik[12:]}" in text
    meta = PdfReader(out).metadata or {}
    assert all(nik not in str(value) for value in meta.values())


def test_a_document_with_a_full_nik_is_refused(tmp_path):
    with pytest.raises(ValueError, match="masked"):
        build(_doc(nik_masked="3171011708900001"), tmp_path / "s.pdf")
    assert not list(tmp_path.iterdir())


@needs_poppler
def test_a_long_employer_name_and_contact_wrap_inside_the_margins(office, tmp_path):
    staffed, budi, _ids = office
    out = _sheet(staffed, budi, tmp_path)
    words = _words(out)
    right = A4[0] - MARGIN + 0.5  # points, as pdftotext measures
    outside = [w for w in words if w[2] > right or w[1] < MARGIN - 0.5]
    assert not outside, outside
    assert max(w[2] for w in words) > right - 10  # the closing dates end at the margin
    # the long name is all there, over more than one line
    text = _text(out)
    assert LONG_EMPLOYER in text
    lines = {round(y) for _p, _x0, _x1, y, word in words if word in {"Galangan", "Sekitarnya"}}
    assert len(lines) >= 2, lines
    # an e-mail address longer than the whole line is split inside, not cut off
    assert any("lombok@" in w for *_pos, w in words)
    assert any(w.endswith("indonesia.co.id") for *_pos, w in words)


def test_the_limit_is_honoured(office, tmp_path):
    staffed, budi, _ids = office
    text = _text(_sheet(staffed, budi, tmp_path, limit=2))
    assert "1. Juru Las Pipa" in text and "2. Tukang Las Pagar" in text
    assert "Welder Konstruksi" not in text and "Welder Lambung Kapal" not in text
    assert "Berikut 2 lowongan" in text
    one = _text(_sheet(staffed, budi, tmp_path, limit=1))
    assert "1. Juru Las Pipa" in one and "Tukang Las Pagar" not in one


@pytest.mark.parametrize("limit", [0, -1, 21])
def test_a_limit_out_of_range_is_refused_and_nothing_is_written(office, tmp_path, limit):
    staffed, budi, _ids = office
    with pytest.raises(ValidationError) as refused:
        _sheet(staffed, budi, tmp_path, limit=limit)
    assert refused.value.field == "limit"
    assert not (tmp_path / "s.pdf").exists()
    assert rows(staffed.path, "SELECT count(*) FROM audit_event WHERE action='vacancy.sheet'") == [
        (0,)
    ]


def test_the_print_is_audited_with_the_vacancies_shown(office, tmp_path):
    staffed, budi, ids = office
    sheet = write_vacancy_sheet(staffed.db, staffed.actors["counter"], budi, tmp_path / "s.pdf")
    assert sheet.vacancy_ids == tuple(ids[k] for k in RANKED)
    ((actor, entity, entity_id, detail),) = rows(
        staffed.path,
        "SELECT actor, entity, entity_id, detail FROM audit_event WHERE action='vacancy.sheet'",
    )
    assert (entity, entity_id) == ("participant", budi)
    assert "loket.budi" in str(actor)
    assert json.loads(str(detail)) == {
        "vacancies": [ids[k] for k in RANKED],
        "on": TODAY.isoformat(),
    }
    assert not (tmp_path / "s.pdf.part").exists()


def test_the_day_decides_what_is_open(office, tmp_path):
    """On a later day the vacancies closing before it are gone from the sheet."""
    staffed, budi, _ids = office
    text = _text(_sheet(staffed, budi, tmp_path, today=date(2031, 1, 1)))
    assert "1. Welder Konstruksi" in text  # the one without a closing date
    assert "Juru Las Pipa" not in text and "1 Januari 2031" in text


def test_nobody_fitting_gets_a_sheet_that_says_so(office, tmp_path):
    staffed, _budi, _ids = office
    siti = person(staffed, 2, "Siti Aminah")  # never trained, chose nothing
    out = _sheet(staffed, siti, tmp_path)
    text = _text(out)
    assert "Saat ini belum ada lowongan kerja terbuka yang sesuai" in text
    assert "Silakan datang kembali" in text and "Siti Aminah" in text
    assert "Mengapa cocok" not in text and "Hubungi atau lamar langsung" not in text
    assert "Layanan ini GRATIS" in text
    ((detail,),) = rows(staffed.path, "SELECT detail FROM audit_event WHERE action='vacancy.sheet'")
    assert json.loads(str(detail))["vacancies"] == []


def test_a_missing_folder_is_refused_before_anything_is_recorded(office, tmp_path):
    staffed, budi, _ids = office
    with pytest.raises(ValidationError) as refused:
        print_vacancy_sheet(staffed.db, staffed.actors["counter"], budi, tmp_path / "no" / "s.pdf")
    assert refused.value.field == "out"
    count = "SELECT count(*) FROM audit_event WHERE action='vacancy.sheet'"
    assert rows(staffed.path, count) == [(0,)]


def test_an_unknown_participant_is_refused(office, tmp_path):
    staffed, _budi, _ids = office
    with pytest.raises(NotFound):
        _sheet(staffed, "01a00000-0000-7000-8000-000000000000", tmp_path)
    assert not (tmp_path / "s.pdf").exists()


def test_an_erased_person_gets_no_sheet(office, tmp_path):
    from app.services.personal_data import erase_person

    staffed, budi, _ids = office
    erase_person(staffed.db, staffed.actors["supervisor"], budi, "permintaan pemilik data")
    with pytest.raises(NotFound):
        _sheet(staffed, budi, tmp_path)
    assert not (tmp_path / "s.pdf").exists()


def test_any_signed_in_role_may_print(office, tmp_path):
    staffed, budi, _ids = office
    for role in ("admin", "supervisor", "counter"):
        out = print_vacancy_sheet(staffed.db, staffed.actors[role], budi, tmp_path / f"{role}.pdf")
        assert out.exists()


@pytest.mark.parametrize(
    ("low", "high", "text"),
    [
        (None, None, "Tidak disebutkan"),
        (4_500_000, None, "mulai Rp4.500.000"),
        (None, 5_500_000, "sampai Rp5.500.000"),
        (5_000_000, 5_000_000, "Rp5.000.000"),
        (4_500_000, 6_000_000, "Rp4.500.000 – Rp6.000.000"),
    ],
)
def test_wage_text(low, high, text):
    assert wage_text(low, high) == text


# -- the layout on its own ------------------------------------------------------------------


def _item(n: int = 1, **changes: Any) -> VacancySheetItem:
    item = VacancySheetItem(
        position=f"Posisi Nomor {n}",
        employer=f"PT Contoh {n}",
        npp="",
        sector="",
        region="Kota Balikpapan, Kalimantan Timur",
        modules="Juru Las (SMAW)",
        skills="",
        openings="2 orang",
        wage="Rp5.000.000",
        closes="31 Desember 2026",
        contact=f"0812-0000-{n:04d}",
        reasons=("Sesuai pelatihan yang diikuti: Juru Las (SMAW)",),
    )
    return replace(item, **changes)


def _doc(**changes: Any) -> VacancySheetDocument:
    doc = VacancySheetDocument(
        office_line="BPJS Ketenagakerjaan — Kantor Cabang Balikpapan",
        name="Budi Santoso",
        nik_masked="3171********0001",
        day_text="2 Desember 2026",
        items=(_item(),),
        printed="Dicetak 02/12/2026 10:15 oleh loket.budi — Loket Vokasi",
    )
    return replace(doc, **changes)


def test_one_page_has_no_page_number_and_is_a4_portrait(tmp_path):
    out = build(_doc(), tmp_path / "s.pdf")
    (page,) = PdfReader(out).pages
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == A4
    text = _text(out)
    assert "Halaman" not in text
    assert "Dicetak 02/12/2026 10:15 oleh loket.budi — Loket Vokasi" in text


def test_more_pages_are_numbered_and_carry_the_persons_name(tmp_path):
    items = tuple(_item(n, skills="Bersedia kerja shift " * 6) for n in range(1, 13))
    out = build(_doc(items=items), tmp_path / "s.pdf")
    pages = PdfReader(out).pages
    total = len(pages)
    assert total >= 2
    for number, page in enumerate(pages, start=1):
        text = " ".join(page.extract_text().split())
        assert f"Halaman {number} dari {total}" in text
        if number > 1:
            assert "Budi Santoso (NIK 3171********0001)" in text
    whole = _text(out)
    assert all(f"{n}. Posisi Nomor {n}" in whole for n in range(1, 13))


@pytest.mark.parametrize("count", range(1, 9))
def test_the_notes_never_stand_alone_on_the_last_page(tmp_path, count):
    """The last vacancy goes with the notes: no sheet of paper with only the notes on it."""
    items = tuple(_item(n, skills="Bersedia kerja shift " * (n % 3)) for n in range(1, count + 1))
    out = build(_doc(items=items), tmp_path / "s.pdf")
    last = " ".join(PdfReader(out).pages[-1].extract_text().split())
    assert "Penting" in last and f"{count}. Posisi Nomor {count}" in last
    assert "Layanan ini GRATIS" in last


def test_the_fonts_are_embedded(tmp_path):
    out = build(_doc(), tmp_path / "s.pdf")
    fonts = set()
    for page in PdfReader(out).pages:
        for font in page["/Resources"]["/Font"].values():
            descriptor = font.get_object().get("/FontDescriptor")
            embedded = descriptor is not None and "/FontFile2" in descriptor.get_object()
            fonts.add((str(font.get_object()["/BaseFont"]), embedded))
    assert fonts and all(embedded for _name, embedded in fonts), fonts


def test_markup_in_the_data_is_printed_as_text(tmp_path):
    out = build(
        _doc(items=(_item(employer="PT A&B <Sejahtera>", sector="Jasa & <b>niaga</b>"),)),
        tmp_path / "s.pdf",
    )
    text = _text(out)
    assert "PT A&B <Sejahtera>" in text and "Jasa & <b>niaga</b>" in text


# -- the command ----------------------------------------------------------------------------


def test_the_command_writes_the_sheet(office, tmp_path):
    staffed, budi, ids = office
    out = tmp_path / "lembar.pdf"
    done = loket(staffed.home, "vacancies", "sheet", _nik(staffed, budi), "--out", str(out),
                 "--limit", "3", "--json")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    data = json.loads(done.stdout)
    assert data["file"] == str(out.resolve()) and out.exists()
    assert data["vacancies"] == [ids[k] for k in RANKED[:3]]
    assert "1. Juru Las Pipa" in _text(out) and "Welder Lambung Kapal" not in _text(out)
    plain = loket(staffed.home, "vacancies", "sheet", _nik(staffed, budi), "--out", str(out))
    assert plain.returncode == 0
    assert "Lembar lowongan untuk Budi Santoso ditulis ke" in plain.stdout
    assert "(4 lowongan)" in plain.stdout


def test_the_command_refuses_an_unknown_nik_in_indonesian(office, tmp_path):
    staffed, _budi, _ids = office
    out = tmp_path / "lembar.pdf"
    done = loket(staffed.home, "vacancies", "sheet", "3171999999990001", "--out", str(out))
    assert done.returncode != 0
    assert "Traceback" not in done.stderr + done.stdout
    assert done.stderr.startswith("loket: ") and "tidak ditemukan" in done.stderr, done.stderr
    assert "3171999999990001" in done.stderr
    assert not out.exists()


def test_the_command_refuses_a_bad_limit(office, tmp_path):
    staffed, budi, _ids = office
    out = tmp_path / "lembar.pdf"
    done = loket(staffed.home, "vacancies", "sheet", _nik(staffed, budi), "--out", str(out),
                 "--limit", "0")  # fmt: skip
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "1–20" in done.stderr and not out.exists()
