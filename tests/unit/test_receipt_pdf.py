"""The printed kuitansi read back (issue #11, DESIGN §6): the number, the amount in figures and
in words, the purpose, place and date, the names; the meterai box on the rule's side of
Rp5.000.000; SALINAN and BATAL; A5 landscape or the top half of A4; one page even for long
names and purposes; only embedded fonts; and, rendered with pdftoppm, nothing outside the
frame and the red BATAL only on a void."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.documents.receipt import ReceiptDocument, build, build_many
from app.domain.money import METERAI_TEXT, needs_meterai, terbilang

PURPOSE = (
    "Uang transport pelatihan, angkatan ANG/JKT-1/2026/0003 (Menjahit Dasar), minggu ke-1 "
    "(7–11 Desember 2026), 5 hari hadir × Rp50.000"
)
LONG_NAME = "Raden Ajeng Siti Nurhaliza Kusumawardhani Putri Ningrum Sarii"[:60]
LONG_PURPOSE = (
    "Uang transport dan uang saku pelatihan vokasi, angkatan ANG/JKT-1/2026/0003 (Menjahit "
    "Dasar Tingkat Lanjut untuk Usaha Rumahan), minggu ke-1 sampai ke-3 (7–25 Desember 2026), "
    "14 hari hadir × Rp50.000 ditambah uang saku bulanan sesuai ketentuan program vokasi yang "
    "berlaku di kantor cabang DKI Jakarta"
)
A5_LANDSCAPE = (595, 420)
A4_PORTRAIT = (595, 842)
PDFTOPPM = shutil.which("pdftoppm")
needs_poppler = pytest.mark.skipif(PDFTOPPM is None, reason="pdftoppm (poppler-utils) absent")


def receipt(amount: int = 1_500_000, **changes: object) -> ReceiptDocument:
    doc = ReceiptDocument(
        number="KW/JKT-1/2026/0007",
        office_line="BPJS Ketenagakerjaan — Kantor Cabang DKI Jakarta",
        received_from="BPJS Ketenagakerjaan Kantor Cabang DKI Jakarta",
        amount=amount,
        amount_words=terbilang(amount),
        purpose=PURPOSE,
        details=(),
        method="Tunai",
        recipient_name="Siti Nurhaliza",
        recipient_id="3171••••••••0001",
        clerk_name="Ani Rahmawati",
        place_and_date="Jakarta, 1 Desember 2026",
        meterai=needs_meterai(amount),
        printed="Dicetak 02/12/2026 10:15 oleh loket.ani — Loket Vokasi",
    )
    return replace(doc, **changes)  # type: ignore[arg-type]


def _text(path: Path) -> str:
    """The words of the PDF, spaces folded (a paragraph wraps a sentence over lines)."""
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def _runs(path: Path, page: int = 0) -> list[tuple[float, float, str]]:
    """(x, y, text) of every piece of text on a page, in points from the lower left."""
    runs: list[tuple[float, float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            runs.append((x, y, text.strip()))

    PdfReader(path).pages[page].extract_text(visitor_text=visit)
    return runs


def _y(runs: list[tuple[float, float, str]], starts: str) -> float:
    (y,) = [y for _x, y, text in runs if text.startswith(starts)]
    return y


def _size(path: Path) -> tuple[int, int]:
    box = PdfReader(path).pages[0].mediabox
    return round(float(box.width)), round(float(box.height))


def _render(path: Path, dpi: int = 40) -> tuple[int, int, bytes]:
    """The first page as RGB pixels (pdftoppm's PPM, read without an imaging library)."""
    assert PDFTOPPM is not None
    stem = path.with_suffix("")
    subprocess.run(
        [PDFTOPPM, "-r", str(dpi), "-singlefile", "-f", "1", "-l", "1", str(path), str(stem)],
        check=True,
    )
    data = stem.with_suffix(".ppm").read_bytes()
    magic, width, height, maximum, pixels = data.split(maxsplit=4)
    assert magic == b"P6" and maximum == b"255"
    return int(width), int(height), pixels


def test_the_receipt_reads_back_with_every_field(tmp_path):
    out = build(receipt(), tmp_path / "kw.pdf")
    text = _text(out)
    for expected in (
        "KUITANSI",
        "No. KW/JKT-1/2026/0007",
        "BPJS Ketenagakerjaan — Kantor Cabang DKI Jakarta",
        "Telah terima dari : BPJS Ketenagakerjaan Kantor Cabang DKI Jakarta",
        "Uang sejumlah : Satu Juta Lima Ratus Ribu Rupiah",
        f"Untuk pembayaran : {PURPOSE}",
        "Cara pembayaran : Tunai",
        "Rp1.500.000",
        "Jakarta, 1 Desember 2026",
        "Yang menerima,",
        "( Siti Nurhaliza )",
        "NIK 3171••••••••0001",
        "Dibayar oleh,",
        "( Ani Rahmawati )",
        "Dicetak 02/12/2026 10:15 oleh loket.ani — Loket Vokasi",
    ):
        assert expected in text, expected
    reader = PdfReader(out)
    assert len(reader.pages) == 1
    assert reader.metadata is not None
    assert reader.metadata.title == "Kuitansi KW/JKT-1/2026/0007"
    assert reader.metadata.author == "Loket Vokasi"
    assert not (tmp_path / "kw.pdf.part").exists()


def test_a5_landscape_by_default_and_the_top_half_of_a4_on_request(tmp_path):
    assert _size(build(receipt(), tmp_path / "a5.pdf")) == A5_LANDSCAPE
    a4 = build(receipt(), tmp_path / "a4.pdf", paper="a4")
    assert _size(a4) == A4_PORTRAIT
    runs = _runs(a4)
    receipt_runs = [y for _x, y, text in runs if "potong di sini" not in text]
    assert min(receipt_runs) > 842 / 2  # the receipt itself stays above the cut line
    assert "potong di sini" in _text(a4)


def test_an_unknown_paper_is_refused_before_anything_is_written(tmp_path):
    with pytest.raises(ValueError, match="paper"):
        build(receipt(), tmp_path / "kw.pdf", paper="letter")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("paper", ["a5", "a4"])
def test_only_embedded_dejavu_fonts(tmp_path, paper):
    out = build(receipt(7_500_000, copy_no=1, void=True), tmp_path / "kw.pdf", paper)
    fonts = set()
    for font in PdfReader(out).pages[0]["/Resources"]["/Font"].values():
        descriptor = font.get_object().get("/FontDescriptor")
        embedded = descriptor is not None and "/FontFile2" in descriptor.get_object()
        fonts.add((str(font.get_object()["/BaseFont"]), embedded))
    assert fonts and all(embedded for _name, embedded in fonts), fonts
    assert all("DejaVuSans" in name for name, _e in fonts), fonts
    assert b"Helvetica" not in out.read_bytes()


@pytest.mark.parametrize("paper", ["a5", "a4"])
@pytest.mark.parametrize(("amount", "boxed"), [(5_000_000, False), (5_000_001, True)])
def test_the_meterai_box_follows_the_rule_at_five_million(tmp_path, paper, amount, boxed):
    doc = receipt(amount)
    assert doc.meterai is boxed  # the boundary is the rule's, not this test's
    text = _text(build(doc, tmp_path / "kw.pdf", paper))
    assert (METERAI_TEXT in text) is boxed
    assert ("Meterai" in text) is boxed
    assert terbilang(amount) in text


def test_the_meterai_box_sits_in_the_recipients_signature_space(tmp_path):
    runs = _runs(build(receipt(5_000_001), tmp_path / "kw.pdf"))
    meterai = [(x, y) for x, y, text in runs if text == METERAI_TEXT]
    (x, y) = meterai[0]
    assert _y(runs, "( Siti Nurhaliza )") < y < _y(runs, "Yang menerima,")
    assert x > 595 / 2  # on the recipient's side, not the clerk's


def test_a_reprint_says_which_copy_and_the_original_says_nothing(tmp_path):
    assert "SALINAN ke-2" in _text(build(receipt(copy_no=2), tmp_path / "copy.pdf"))
    original = _text(build(receipt(), tmp_path / "original.pdf"))
    assert "SALINAN" not in original
    assert "BATAL" not in original


def test_a_void_receipt_says_batal_by_its_number_and_across_the_page(tmp_path):
    out = build(receipt(void=True), tmp_path / "void.pdf")
    text = _text(out)
    assert "No. KW/JKT-1/2026/0007 BATAL" in text
    assert text.count("BATAL") == 2  # next to the number, and the big diagonal one
    runs = _runs(out)
    number_y = _y(runs, "No. KW/JKT-1/2026/0007")
    assert any(text == "BATAL" and abs(y - number_y) < 1 for _x, y, text in runs)


@pytest.mark.parametrize("paper", ["a5", "a4"])
def test_a_long_name_and_purpose_still_fit_on_one_page(tmp_path, paper):
    assert len(LONG_NAME) == 60
    assert len(LONG_PURPOSE) == 300
    doc = receipt(
        5_000_001,
        recipient_name=LONG_NAME,
        clerk_name=LONG_NAME,
        received_from=LONG_NAME,
        purpose=LONG_PURPOSE,
        details=(
            ("Hak uang transport 14 hari", "Rp700.000"),
            ("Dipotong kelebihan bayar (KW/JKT-1/2026/0002)", "−Rp50.000"),
        ),
        copy_no=3,
    )
    out = build(doc, tmp_path / "kw.pdf", paper)
    assert len(PdfReader(out).pages) == 1
    text = _text(out)
    assert LONG_PURPOSE in text
    assert text.count(LONG_NAME) >= 2  # whole, wrapped at word breaks
    runs = _runs(out)
    # the rows end above the signatures; the names end above the footer
    method_y = _y(runs, "Cara pembayaran")
    assert method_y > _y(runs, "Jakarta, 1 Desember 2026") + 5
    assert min(y for _x, y, text in runs if "••••" in text) > _y(runs, "Dicetak") + 5
    width, height = A4_PORTRAIT if paper == "a4" else A5_LANDSCAPE
    floor = height / 2 if paper == "a4" else 0
    for x, y, text in runs:
        if "potong di sini" not in text:
            assert 17 < x < width - 17 and floor + 17 < y < height - 17, (x, y, text)


def test_words_that_do_not_match_the_figures_are_refused(tmp_path):
    with pytest.raises(ValueError, match="words"):
        build(receipt(amount_words=terbilang(1_400_000)), tmp_path / "kw.pdf")
    assert not (tmp_path / "kw.pdf").exists()


def test_a_batch_prints_one_receipt_a_page_and_reports_progress(tmp_path):
    numbers = [f"KW/JKT-1/2026/{seq:04d}" for seq in (11, 12, 13)]
    docs = [
        receipt(250_000 * seq, number=number, recipient_name=f"Peserta {seq}")
        for seq, number in enumerate(numbers, start=1)
    ]
    calls: list[tuple[int, int]] = []
    out = build_many(docs, tmp_path / "batch.pdf", progress=lambda d, t: calls.append((d, t)))
    pages = [" ".join(page.extract_text().split()) for page in PdfReader(out).pages]
    assert len(pages) == 3
    for page, number, seq in zip(pages, numbers, (1, 2, 3), strict=True):
        assert [n for n in numbers if n in page] == [number]
        assert f"( Peserta {seq} )" in page
        assert terbilang(250_000 * seq) in page
    assert calls == [(1, 3), (2, 3), (3, 3)]
    assert not (tmp_path / "batch.pdf.part").exists()


def test_an_empty_batch_is_refused(tmp_path):
    with pytest.raises(ValueError):
        build_many([], tmp_path / "batch.pdf")


@needs_poppler
@pytest.mark.parametrize("paper", ["a5", "a4"])
def test_nothing_is_drawn_outside_the_frame(tmp_path, paper):
    # the longest texts, the SALINAN stamp and the big diagonal BATAL all stay inside
    doc = receipt(5_000_001, recipient_name=LONG_NAME, purpose=LONG_PURPOSE, copy_no=12, void=True)
    width, height, pixels = _render(build(doc, tmp_path / "kw.pdf", paper), dpi=40)
    margin = 7  # pixels, 4.4 mm: the frame is drawn 6 mm inside the receipt's edges
    bottom = height // 2 - 2 if paper == "a4" else height  # below that: the cut line
    for y in range(bottom):
        for x in range(width):
            if margin <= x < width - margin and margin <= y < bottom - margin:
                continue
            offset = 3 * (y * width + x)
            assert pixels[offset : offset + 3] == b"\xff\xff\xff", (x, y)


@needs_poppler
def test_only_a_void_receipt_is_marked_in_red(tmp_path):
    def red(doc: ReceiptDocument) -> int:
        width, height, pixels = _render(build(doc, tmp_path / "kw.pdf"), dpi=30)
        return sum(
            1
            for i in range(0, 3 * width * height, 3)
            if pixels[i] > pixels[i + 1] + 15 and pixels[i] > pixels[i + 2] + 15
        )

    assert red(receipt()) == 0
    assert red(receipt(void=True)) > 2000  # a large diagonal word, not a small tag
