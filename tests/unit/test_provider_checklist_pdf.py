"""The printed provider checklist read back (issue #9 item 5): every item with its result and
evidence, the decision, the open items, the signature lines, Indonesian dates, embedded fonts."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from pypdf import PdfReader

from app.services.provider_assessment import attach_evidence, decide, mark_item
from app.services.provider_documents import checklist_pdf
from app.services.provider_views import Offer
from app.services.providers import register_provider, set_offers

PROVIDER = {
    "name": "LPK Ñusa Tenggara Ceria",
    "provider_type": "LPK",
    "region_code": "52.01",
    "contact_person": "Baiq Nurhayati",
    "phone": "0370-693001",
    "licence_number": "503/LPK/2021",
    "licence_issuer": "Disnaker Lombok Barat",
    "licence_expires_on": "2027-06-30",
    "operating_since": "2021-03-01",
}


@pytest.fixture
def decided(staffed, tmp_path):
    staffed.clock.now = datetime(2026, 12, 2, 3, 0, tzinfo=UTC)
    counter, supervisor = staffed.actors["counter"], staffed.actors["supervisor"]
    pid = register_provider(staffed.db, counter, dict(PROVIDER)).id
    set_offers(staffed.db, counter, pid, [Offer("PERHOTELAN"), Offer("JASA-KOM")])
    mark_item(staffed.db, counter, pid, "facilities", "sesuai", "dapur latihan lengkap")
    mark_item(staffed.db, counter, pid, "instructors", "tidak_sesuai", "belum BNSP")
    scan = tmp_path / "foto-dapur.jpg"
    scan.write_bytes(b"\xff\xd8\xff dapur")
    attach_evidence(staffed.db, counter, pid, "facilities", scan)
    decide(
        staffed.db,
        supervisor,
        pid,
        "tindak_lanjut",
        "Instruktur perlu sertifikasi BNSP.",
        recheck_on=date(2027, 3, 1),
    )
    return staffed, pid


def _text(path) -> str:
    """The words of the PDF, spaces folded (a table cell wraps a sentence over lines)."""
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def test_the_checklist_reads_back_with_every_item_and_the_decision(decided, tmp_path):
    office, pid = decided
    out = checklist_pdf(office.db, office.actors["supervisor"], pid, tmp_path / "ck.pdf")
    text = _text(out)
    for expected in (
        "DAFTAR PERIKSA KELAYAKAN LEMBAGA PELATIHAN",
        "Kantor Cabang DKI Jakarta",
        "LPK Ñusa Tenggara Ceria",
        "Kabupaten Lombok Barat",
        "503/LPK/2021",
        "Hasil penilaian pada 2 Desember 2026",
        "Izin 503/LPK/2021 berlaku sampai 30/06/2027.",
        "2 modul aktif.",
        "Sesuai dapur latihan lengkap (loket.budi)",
        "Tidak sesuai belum BNSP (loket.budi)",
        "foto-dapur.jpg",
        "PERLU TINDAK LANJUT",
        "Instruktur perlu sertifikasi BNSP.",
        "1 Maret 2027",
        "Butir yang masih terbuka: Kunjungan lapangan dilakukan, Dokumen diperiksa",
        "Diperiksa oleh,",
        "Diputuskan oleh (supervisor),",
        "( spv.rina )",
    ):
        assert expected in text, expected
    assert text.count("Memenuhi") == 3  # the three automatic checks
    assert text.count("Belum diperiksa") == 2


def test_the_fonts_are_embedded(decided, tmp_path):
    office, pid = decided
    out = checklist_pdf(office.db, office.actors["counter"], pid, tmp_path / "ck.pdf")
    fonts = set()
    for page in PdfReader(out).pages:
        for font in page["/Resources"]["/Font"].values():
            descriptor = font.get_object().get("/FontDescriptor")
            embedded = descriptor is not None and "/FontFile2" in descriptor.get_object()
            fonts.add((str(font.get_object()["/BaseFont"]), embedded))
    assert fonts and all(embedded for _name, embedded in fonts), fonts
    assert any("DejaVuSans" in name for name, _e in fonts)


def test_an_undecided_provider_prints_empty_signature_lines(staffed, tmp_path):
    pid = register_provider(staffed.db, staffed.actors["counter"], dict(PROVIDER)).id
    out = checklist_pdf(staffed.db, staffed.actors["counter"], pid, tmp_path / "ck.pdf")
    text = _text(out)
    assert "Belum ada keputusan." in text
    assert "Hanya 0 modul aktif; minimal 2." in text
    assert not (tmp_path / "ck.pdf.part").exists()


def test_the_checklist_is_one_a4_page(decided, tmp_path):
    office, pid = decided
    out = checklist_pdf(office.db, office.actors["supervisor"], pid, tmp_path / "ck.pdf")
    (page,) = PdfReader(out).pages
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    assert (round(width), round(height)) == (595, 842)  # A4 portrait in points
