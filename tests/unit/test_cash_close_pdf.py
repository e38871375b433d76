"""The daily cash close read back (issue #11): the totals per kind and method with their sum,
the cash drawer and the difference in the words a cash report uses, every receipt of the day
with its figures as given (reversals with a true minus, voided ones marked BATAL), the header
row and "Halaman n dari N" on every page of a long day, and only embedded fonts."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.documents.cash_close import (
    LINE_HEADER,
    CashCloseDocument,
    CashCloseLine,
    build,
    difference_text,
    money,
)

PDFTOPPM = shutil.which("pdftoppm")


def day_lines(count: int) -> tuple[CashCloseLine, ...]:
    """`count` payments of Rp50.000 a day of transport; the third is voided and reversed."""
    lines = [
        CashCloseLine(
            number=f"KW/JKT-1/2026/{seq:04d}",
            time=f"{8 + seq // 60:02d}:{seq % 60:02d}",
            recipient=f"Peserta {seq}",
            purpose="Transport ANG/JKT-1/2026/0003 mg 1",
            method="Transfer" if seq % 5 == 0 else "Tunai",
            amount=50_000 * (1 + seq % 3),
            void=seq == 3,
        )
        for seq in range(1, count + 1)
    ]
    if count >= 3:
        lines.append(
            CashCloseLine(
                number=f"KW/JKT-1/2026/{count + 1:04d}",
                time="15:40",
                recipient="Peserta 3",
                purpose="Pembatalan KW/JKT-1/2026/0003",
                method="Tunai",
                amount=-50_000,
            )
        )
    return tuple(lines)


def close(count: int = 12, short_by: int = 0, **changes: object) -> CashCloseDocument:
    lines = day_lines(count)
    cash = [line for line in lines if line.method == "Tunai" and line.amount > 0]
    transfer = [line for line in lines if line.method == "Transfer"]
    paid = sum(line.amount for line in cash)
    returned = -sum(line.amount for line in lines if line.amount < 0)
    opening = 10_000_000
    expected = opening - paid + returned
    doc = CashCloseDocument(
        office_line="BPJS Ketenagakerjaan — Kantor Cabang DKI Jakarta",
        counter="Loket JKT-1",
        day_text="Selasa, 1 Desember 2026",
        totals=(
            ("Uang transport", "Tunai", len(cash), paid),
            ("Uang transport", "Transfer", len(transfer), sum(line.amount for line in transfer)),
            ("Uang saku", "Tunai", 0, 0),
        ),
        receipts=len(lines),
        first_last=f"KW/JKT-1/2026/0001 – {lines[-1].number}" if lines else "-",
        voids="KW/JKT-1/2026/0003" if count >= 3 else "-",
        opening=opening,
        cash_paid=paid,
        cash_returned=returned,
        expected=expected,
        counted=expected - short_by,
        difference=-short_by,
        transfer_total=sum(line.amount for line in transfer),
        lines=lines,
        closed_by="Ani Rahmawati",
        approved_by="Rina Kusuma",
        place_and_date="Jakarta, 1 Desember 2026",
        printed="Dicetak 01/12/2026 16:05 oleh loket.ani — Loket Vokasi",
    )
    return replace(doc, **changes)  # type: ignore[arg-type]


def _pages(path: Path) -> list[list[str]]:
    """Each page's lines of text; every table cell comes out on a line of its own."""
    return [
        [line.strip() for line in page.extract_text().splitlines() if line.strip()]
        for page in PdfReader(path).pages
    ]


def _text(path: Path) -> str:
    return " ".join(" ".join(" ".join(page) for page in _pages(path)).split())


def test_the_totals_read_back_row_by_row_with_their_sum(tmp_path):
    doc = close(12)
    (page,) = _pages(build(doc, tmp_path / "tutup.pdf"))
    start = page.index("A. Ringkasan per jenis dan cara bayar")
    assert page[start + 1 : start + 5] == [
        "Jenis pembayaran",
        "Cara bayar",
        "Jumlah kuitansi",
        "Jumlah uang",
    ]
    rows = page[start + 5 : start + 5 + 4 * len(doc.totals)]
    expected = []
    for kind, method, count, amount in doc.totals:
        expected += [kind, method, str(count), money(amount)]
    assert rows == expected
    total_count = sum(t[2] for t in doc.totals)
    total_amount = sum(t[3] for t in doc.totals)
    after = page[start + 5 + 4 * len(doc.totals) :][:3]
    assert after == ["Jumlah", str(total_count), money(total_amount)]
    assert total_count == 12 and total_amount == sum(line.amount for line in doc.lines[:12])


def test_the_cash_drawer_figures_read_back_as_given(tmp_path):
    doc = close(12, short_by=10_000)
    (page,) = _pages(build(doc, tmp_path / "tutup.pdf"))
    start = page.index("B. Kas tunai")
    assert page[start + 1 : start + 15] == [
        "Saldo awal (kas diterima pagi hari)",
        money(doc.opening),
        "Dibayarkan tunai",
        "(−)",
        money(doc.cash_paid),
        "Dikembalikan dari pembatalan",
        "(+)",
        money(doc.cash_returned),
        "Saldo kas menurut catatan",
        "(=)",
        money(doc.expected),
        "Fisik kas dihitung",
        money(doc.counted),
        "Selisih: kurang Rp10.000",
    ]
    text = _text(tmp_path / "tutup.pdf")
    assert f"Dibayar melalui transfer (tidak melalui kas) {money(doc.transfer_total)}" in text
    assert f"Kuitansi diterbitkan {doc.receipts} ({doc.first_last})" in text
    assert "Kuitansi dibatalkan KW/JKT-1/2026/0003" in text


@pytest.mark.parametrize(
    ("short_by", "wording"),
    [
        (10_000, "Selisih: kurang Rp10.000"),
        (-2_500, "Selisih: lebih Rp2.500"),
        (0, "Selisih: Rp0 (sesuai)"),
    ],
)
def test_the_difference_is_written_as_short_over_or_even(tmp_path, short_by, wording):
    text = _text(build(close(12, short_by=short_by), tmp_path / "tutup.pdf"))
    assert wording in text
    assert text.count("Selisih") == 1
    for other in ("Selisih: kurang", "Selisih: lebih", "(sesuai)"):
        assert (other in text) is (other in wording), other


def test_a_long_day_runs_over_pages_with_the_header_repeated_and_every_figure(tmp_path):
    doc = close(120)
    pages = _pages(build(doc, tmp_path / "tutup.pdf"))
    assert len(pages) > 1
    for number, page in enumerate(pages, start=1):
        assert f"Halaman {number} dari {len(pages)}" in page
        head = page.index("Nomor kuitansi")
        assert page[head - 1 : head - 1 + len(LINE_HEADER)] == list(LINE_HEADER)
    assert "LAPORAN TUTUP KAS HARIAN" in pages[0]
    assert all("LAPORAN TUTUP KAS HARIAN" not in page for page in pages[1:])
    lines = [line for page in pages for line in page]
    lines = lines[lines.index("C. Rincian kuitansi") :]
    for no, line in enumerate(doc.lines, start=1):
        at = lines.index(line.number)
        row = [line.time, line.recipient, line.purpose, line.method, money(line.amount)]
        assert lines[at - 1 : at + 6] == [str(no), line.number, *row], line.number
        assert (lines[at + 6] == "BATAL") is line.void, line.number
    net = sum(line.amount for line in doc.lines)
    at = lines.index("Jumlah bersih (pembayaran dikurangi pembatalan)")
    assert lines[at + 1] == money(net)
    # the signatures come once, after the last row
    assert lines.index("Petugas loket,") > lines.index(doc.lines[-1].number)
    assert lines.count("( Rina Kusuma )") == 1


def test_a_reversal_shows_a_true_minus_and_the_voided_receipt_says_batal(tmp_path):
    text = _text(build(close(12), tmp_path / "tutup.pdf"))
    assert "Pembatalan KW/JKT-1/2026/0003 Tunai −Rp50.000" in text
    assert "-Rp" not in text
    assert "KW/JKT-1/2026/0003 08:03 Peserta 3" in text
    assert text.count("BATAL") == 1


def test_money_and_the_difference_wording():
    assert money(1_500_000) == "Rp1.500.000"
    assert money(-50_000) == "−Rp50.000"
    assert money(0) == "Rp0"
    assert difference_text(-1) == "Selisih: kurang Rp1"
    assert difference_text(1) == "Selisih: lebih Rp1"
    assert difference_text(0) == "Selisih: Rp0 (sesuai)"


def test_a_day_without_payments_still_closes_on_one_page(tmp_path):
    doc = close(0, totals=())
    pages = _pages(build(doc, tmp_path / "tutup.pdf"))
    assert len(pages) == 1
    text = _text(tmp_path / "tutup.pdf")
    assert "Tidak ada pembayaran hari ini." in text
    assert "Tidak ada transaksi hari ini." in text
    assert "Selisih: Rp0 (sesuai)" in text
    assert "( Ani Rahmawati )" in text and "( Rina Kusuma )" in text


@pytest.mark.parametrize(
    "changes",
    [{"expected": 1}, {"difference": 5_000}, {"cash_returned": 1}],
)
def test_figures_that_do_not_add_up_are_refused(tmp_path, changes):
    with pytest.raises(ValueError):
        build(close(12, **changes), tmp_path / "tutup.pdf")
    assert list(tmp_path.iterdir()) == []


def test_metadata_and_only_embedded_fonts(tmp_path):
    out = build(close(120), tmp_path / "tutup.pdf")
    reader = PdfReader(out)
    assert reader.metadata is not None and reader.metadata.author == "Loket Vokasi"
    fonts = set()
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (
            595,
            842,
        )
        for font in page["/Resources"]["/Font"].values():
            descriptor = font.get_object().get("/FontDescriptor")
            embedded = descriptor is not None and "/FontFile2" in descriptor.get_object()
            fonts.add((str(font.get_object()["/BaseFont"]), embedded))
    assert fonts and all(embedded and "DejaVuSans" in name for name, embedded in fonts), fonts
    assert b"Helvetica" not in out.read_bytes()
    assert not (tmp_path / "tutup.pdf.part").exists()


@pytest.mark.skipif(PDFTOPPM is None, reason="pdftoppm (poppler-utils) absent")
def test_the_tables_stay_inside_the_page_margins(tmp_path):
    """Rendered: nothing within 14 mm of the left and right edges (the text starts at 15 mm;
    a table wider than the frame would stick out into the margin, where printers cut)."""
    assert PDFTOPPM is not None
    out = build(close(120), tmp_path / "tutup.pdf")
    subprocess.run([PDFTOPPM, "-r", "40", "-gray", str(out), str(tmp_path / "p")], check=True)
    pages = sorted(tmp_path.glob("p-*.pgm"))
    assert len(pages) == len(PdfReader(out).pages)
    edge = int(14 / 25.4 * 40)
    for path in pages:
        magic, width_b, height_b, _max, pixels = path.read_bytes().split(maxsplit=4)
        width, height = int(width_b), int(height_b)
        assert magic == b"P5"
        for y in range(height):
            row = pixels[y * width : (y + 1) * width]
            assert row[:edge] == b"\xff" * edge and row[-edge:] == b"\xff" * edge, (path, y)
