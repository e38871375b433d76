"""The printed training certificate read back (issue #12, DESIGN §6): its words through pypdf
(and never "kompetensi"), A4 landscape, one page even for the longest name and module, the
QR code rendered by pdftoppm and decoded by real decoders (zbar and zxing-cpp) into the very
signed token, which verifies, while one changed letter does not; SALINAN only on reprints;
batches in order, one file each, with progress, in this process and over worker processes.
"""

from __future__ import annotations

import base64
import html
import json
import multiprocessing
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
import zxingcpp
from pypdf import PdfReader

from app.documents import certificate, qr
from app.documents.certificate import CertificateDocument, build, build_each, build_many
from app.domain.certificates import (
    Claims,
    KnownKey,
    Status,
    judge,
    key_id,
    new_private_key,
    page_url,
    public_key_of,
    sign,
)

PDFTOPPM = shutil.which("pdftoppm")
PDFTOTEXT = shutil.which("pdftotext")
ZBARIMG = shutil.which("zbarimg")
needs_poppler = pytest.mark.skipif(PDFTOPPM is None, reason="pdftoppm (poppler-utils) absent")
needs_pdftotext = pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext (poppler) absent")

SERVER = "https://vokasi.bpjsketenagakerjaan.go.id"
PRIVATE = new_private_key()
PUBLIC = public_key_of(PRIVATE)
KEY_ID = key_id(PUBLIC)
A4_LANDSCAPE = (842, 595)
LONG_NAME = ("Raden Ajeng Siti Nurhaliza Kusumawardhani Putri Ningrum Wulandari " * 3)[:150]
LONG_MODULE = (
    "Teknisi Pemasangan, Perawatan dan Perbaikan Sistem Pendingin Ruangan dan Tata Udara "
    "Komersial Tingkat Lanjut untuk Gedung Bertingkat dan Kawasan Industri Terpadu"
)[:150]
LONG_PROVIDER = (
    "Lembaga Pelatihan Kerja Swasta Yayasan Pendidikan Keterampilan Teknik Nusantara Jaya "
    "Abadi Cabang Jakarta Timur bekerja sama dengan Balai Latihan Kerja Komunitas Cakung"
)


def token(name: str = "Siti Nurhaliza", module: str = "Teknisi Pendingin Ruangan (AC)",
          number: str = "SERT/JKT-1/2026/0007") -> str:  # fmt: skip
    """A real token, signed with this file's key, as the program issues it."""
    claims = Claims(
        number=number,
        name=name,
        birth_date=date(1990, 8, 17),
        module=module,
        start=date(2026, 3, 2),
        end=date(2026, 3, 27),
        result="LULUS",
        issued=date(2026, 4, 1),
        key_id=KEY_ID,
    )
    return sign(claims, PRIVATE)


def cert(url: bool = True, **changes: object) -> CertificateDocument:
    """A certificate whose QR code holds the signed token of its own name, module and
    number (in the server page's URL unless url=False)."""
    name = str(changes.get("name", "Siti Nurhaliza"))
    module = str(changes.get("module", "Teknisi Pendingin Ruangan (AC)"))
    number = str(changes.get("number", "SERT/JKT-1/2026/0007"))
    signed = token(name, module, number)
    doc = CertificateDocument(
        number=number,
        office_line="BPJS Ketenagakerjaan — Kantor Cabang DKI Jakarta",
        name=name,
        birth="Jakarta, 17 Agustus 1990",
        nik_masked="3171********0001",
        module=module,
        module_code="TKN-AC",
        hours=160,
        dates="2 Maret 2026 – 27 Maret 2026",
        provider="BLK Jakarta Timur",
        result="LULUS",
        place_and_date="Jakarta, 1 April 2026",
        signatory_name="Drs. Bambang Suryanto, M.M.",
        signatory_position="Kepala Kantor Cabang",
        qr_text=page_url(SERVER, signed) if url else signed,
        printed="Dicetak 01/04/2026 10:15 oleh loket.ani — Loket Vokasi",
    )
    return replace(doc, **changes)  # type: ignore[arg-type]


def _text(path: Path, page: int | None = None) -> str:
    """The words of the PDF (or of one page), spaces folded."""
    pages = PdfReader(path).pages
    chosen = pages if page is None else [pages[page]]
    return " ".join(" ".join(p.extract_text() for p in chosen).split())


def _known(kid: str) -> KnownKey | None:
    return KnownKey(PUBLIC, "JKT") if kid == KEY_ID else None


def _never_revoked(_number: str) -> date | None:
    return None


def _render(path: Path, tmp_path: Path, dpi: int = 150) -> tuple[Path, Path]:
    """The first page as PNG (for zbarimg) and as greyscale PGM (for zxing-cpp, read without
    an imaging library)."""
    assert PDFTOPPM is not None
    png, pgm = tmp_path / "page", tmp_path / "page-grey"
    subprocess.run([PDFTOPPM, "-png", "-r", str(dpi), "-singlefile", "-f", "1", "-l", "1",
                    str(path), str(png)], check=True)  # fmt: skip
    subprocess.run([PDFTOPPM, "-gray", "-r", str(dpi), "-singlefile", "-f", "1", "-l", "1",
                    str(path), str(pgm)], check=True)  # fmt: skip
    return png.with_suffix(".png"), pgm.with_suffix(".pgm")


def _pgm(path: Path) -> tuple[int, int, bytes]:
    """(width, height, pixels) of a binary PGM as pdftoppm writes it."""
    magic, size, _maxval, pixels = path.read_bytes().split(b"\n", 3)
    assert magic == b"P5"
    width, height = (int(v) for v in size.split())
    return width, height, pixels


def _decode_zbar(png: Path) -> list[str]:
    assert ZBARIMG is not None
    done = subprocess.run([ZBARIMG, "--raw", "-q", str(png)], capture_output=True, text=True)
    return [line for line in done.stdout.splitlines() if line]


def _decode_zxing(pgm: Path) -> list[str]:
    width, height, pixels = _pgm(pgm)
    found = zxingcpp.read_barcodes(memoryview(pixels).cast("B", (height, width)))
    return [b.text for b in found if b.format == zxingcpp.BarcodeFormat.QRCode]


def _decoded(path: Path, tmp_path: Path) -> list[str]:
    """What each available decoder reads from the rendered page (each must read one code)."""
    png, pgm = _render(path, tmp_path)
    readings = [_decode_zxing(pgm)]
    if ZBARIMG is not None:
        readings.append(_decode_zbar(png))
    for found in readings:
        assert len(found) == 1, found
    return [found[0] for found in readings]


def _tamper(text: str) -> str:
    """The token (or URL) with one letter of the name changed inside the signed claims, the
    claims re-encoded: still a well-formed token, but no longer the one that was signed."""
    head, tok = text.rsplit("/", 1) if "/" in text else ("", text)
    body, signature = tok.split(".")
    raw = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
    fields = json.loads(raw)
    fields[2] = fields[2].replace("S", "Z", 1)  # "Siti" -> "Ziti"
    new = json.dumps(fields, ensure_ascii=False, separators=(",", ":")).encode()
    forged = base64.urlsafe_b64encode(new).rstrip(b"=").decode() + "." + signature
    return f"{head}/{forged}" if head else forged


def _words(path: Path) -> list[tuple[float, float, float, float, str]]:
    """(x0, top, x1, bottom, word) of every word on the first page, in points from the top
    left corner, as pdftotext measures them (horizontal scaling included)."""
    assert PDFTOTEXT is not None
    done = subprocess.run([PDFTOTEXT, "-bbox", "-f", "1", "-l", "1", str(path), "-"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    pattern = re.compile(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
    )
    return [
        (float(a), float(b), float(c), float(d), html.unescape(w))
        for a, b, c, d, w in pattern.findall(done.stdout)
    ]


def _qr_box(doc: CertificateDocument) -> tuple[float, float, float, float]:
    """(x0, top, x1, bottom) of the QR symbol with its quiet zone, in points from the top
    left corner, as the layout places it."""
    modules = qr.encode(doc.qr_text).modules
    low, high = certificate.QR_SIDE
    side = min(high, max(low, modules * certificate.QR_MODULE))
    quiet = qr.QUIET * side / modules
    bottom = certificate.QR_BOTTOM * 72 / 25.4
    x0 = certificate.QR_X
    return x0 - quiet, bottom - side - quiet, x0 + side + quiet, bottom + quiet


# --- the words -------------------------------------------------------------------------------


def test_the_certificate_reads_back_with_every_field(tmp_path: Path) -> None:
    out = build(cert(), tmp_path / "sertifikat.pdf")
    text = _text(out)
    for expected in (
        "SERTIFIKAT PELATIHAN",
        "BPJS KETENAGAKERJAAN",
        "Kantor Cabang DKI Jakarta",
        "Nomor: SERT/JKT-1/2026/0007",
        "diberikan kepada",
        "Siti Nurhaliza",
        "Jakarta, 17 Agustus 1990",
        "3171********0001",
        "telah mengikuti dan dinyatakan LULUS pelatihan",
        "Teknisi Pendingin Ruangan (AC)",
        "TKN-AC",
        "160 jam pelajaran",
        "2 Maret 2026 – 27 Maret 2026",
        "lembaga pelatihan BLK Jakarta Timur",
        "Program Pelatihan Vokasi BPJS Ketenagakerjaan",
        "Jakarta, 1 April 2026",
        "Kepala Kantor Cabang",
        "Drs. Bambang Suryanto, M.M.",
        "Pindai untuk memeriksa keaslian",
        "Dicetak 01/04/2026 10:15 oleh loket.ani",
    ):
        assert expected in text, expected
    assert "kompetensi" not in text.casefold()
    assert "SALINAN" not in text
    info = PdfReader(out).metadata
    assert info is not None and info.title == "Sertifikat SERT/JKT-1/2026/0007"
    assert "kompetensi" not in str(info.subject).casefold()


def test_one_a4_landscape_page(tmp_path: Path) -> None:
    out = build(cert(), tmp_path / "sertifikat.pdf")
    pages = PdfReader(out).pages
    assert len(pages) == 1
    box = pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == A4_LANDSCAPE


def test_only_embedded_dejavu_fonts(tmp_path: Path) -> None:
    out = build(cert(copy_no=1), tmp_path / "sertifikat.pdf")
    fonts = set()
    for font in PdfReader(out).pages[0]["/Resources"]["/Font"].values():
        descriptor = font.get_object().get("/FontDescriptor")
        embedded = descriptor is not None and "/FontFile2" in descriptor.get_object()
        fonts.add((str(font.get_object()["/BaseFont"]).split("+")[-1], embedded))
    assert fonts and all(embedded for _name, embedded in fonts), fonts
    assert {name for name, _e in fonts} <= {"DejaVuSans", "DejaVuSans-Bold"}


def test_without_a_signatory_name_a_blank_line_is_left(tmp_path: Path) -> None:
    out = build(cert(signatory_name=""), tmp_path / "sertifikat.pdf")
    text = _text(out)
    assert "Kepala Kantor Cabang" in text and "Bambang" not in text


@pytest.mark.parametrize("url", [True, False], ids=["page-url", "bare-token"])
def test_the_note_by_the_qr_code_says_how_it_is_checked(tmp_path: Path, url: bool) -> None:
    """A phone camera opens the server's page only when the code holds its URL; a bare token
    is checked with the program."""
    text = _text(build(cert(url=url), tmp_path / "sertifikat.pdf"))
    assert "ditandatangani secara digital" in text
    assert ("kamera ponsel" in text) is url
    assert "program Loket Vokasi" in text


def test_a_reprint_says_which_copy_and_the_original_says_nothing(tmp_path: Path) -> None:
    original = build(cert(), tmp_path / "asli.pdf")
    reprint = build(cert(copy_no=2), tmp_path / "salinan.pdf")
    assert "SALINAN" not in _text(original)
    assert "SALINAN ke-2" in _text(reprint)


# --- the QR code -----------------------------------------------------------------------------


@needs_poppler
@pytest.mark.parametrize("url", [True, False], ids=["page-url", "bare-token"])
def test_the_qr_code_decodes_to_the_signed_token_which_verifies(tmp_path: Path, url: bool) -> None:
    doc = cert(url=url)
    out = build(doc, tmp_path / "sertifikat.pdf")
    for decoded in _decoded(out, tmp_path):
        assert decoded == doc.qr_text
        assert decoded.startswith(f"{SERVER}/sertifikat/") is url
        verdict = judge(decoded, _known, _never_revoked)
        assert verdict.status is Status.VALID
        assert verdict.claims is not None
        assert verdict.claims.name == "Siti Nurhaliza"
        assert verdict.claims.number == "SERT/JKT-1/2026/0007"
        forged = _tamper(decoded)
        assert forged != decoded and len(forged) == len(decoded)
        assert judge(forged, _known, _never_revoked).status is Status.BAD_SIGNATURE


@needs_poppler
def test_the_qr_code_keeps_its_quiet_zone_clear(tmp_path: Path) -> None:
    """Nothing is drawn in the 4 modules of white around the symbol (a decoder needs them):
    the rendered pixels there are all white."""
    doc = cert(copy_no=1)
    out = build(doc, tmp_path / "sertifikat.pdf")
    _png, pgm = _render(out, tmp_path)
    width, _height, pixels = _pgm(pgm)
    scale = 150 / 72
    x0, top, x1, bottom = _qr_box(doc)
    inner = qr.QUIET * (x1 - x0) / (qr.encode(doc.qr_text).modules + 2 * qr.QUIET)
    # the ring between the quiet zone's outer edge and the symbol, two pixels clear of both
    # (a rendered edge is anti-aliased)
    ring = [
        (x, y)
        for y in range(round(top * scale) + 2, round(bottom * scale) - 1)
        for x in range(round(x0 * scale) + 2, round(x1 * scale) - 1)
        if not (
            (x0 + inner) * scale - 2 < x < (x1 - inner) * scale + 2
            and (top + inner) * scale - 2 < y < (bottom - inner) * scale + 2
        )
    ]
    assert ring
    assert min(pixels[y * width + x] for x, y in ring) >= 250


# --- long text -------------------------------------------------------------------------------


@needs_poppler
@needs_pdftotext
def test_a_very_long_name_module_and_provider_stay_on_one_page(tmp_path: Path) -> None:
    doc = cert(
        name=LONG_NAME,
        module=LONG_MODULE,
        provider=LONG_PROVIDER,
        birth="Kabupaten Kepulauan Seribu Bagian Utara Provinsi DKI Jakarta, 17 Agustus 1990",
        signatory_name="Prof. Dr. Ir. Raden Mas Bambang Suryanto Wicaksono, S.H., M.M., M.B.A.",
        signatory_position="Kepala Kantor Cabang Utama BPJS Ketenagakerjaan DKI Jakarta Raya",
        copy_no=12,
    )
    assert len(doc.name) == 150 and len(doc.module) == 150
    out = build(doc, tmp_path / "panjang.pdf")
    assert len(PdfReader(out).pages) == 1
    text = _text(out)
    for part in (LONG_NAME, LONG_MODULE, LONG_PROVIDER):
        for word in part.split():
            assert word in text, word
    assert "SALINAN ke-12" in text
    readings = _decoded(out, tmp_path)
    assert readings and all(reading == doc.qr_text for reading in readings)

    # every word inside the inner frame, and none on the QR code or its quiet zone
    inner = certificate.INNER
    width, height = certificate.PAGE
    qx0, qtop, qx1, qbottom = _qr_box(doc)
    for x0, top, x1, bottom, word in _words(out):
        assert inner <= x0 and x1 <= width - inner, word
        assert inner <= top and bottom <= height - inner, word
        overlaps = x0 < qx1 and qx0 < x1 and top < qbottom and qtop < bottom
        assert not overlaps, word


@needs_pdftotext
def test_ordinary_text_keeps_its_full_size(tmp_path: Path) -> None:
    """Shrinking is for long text only: the name of an ordinary certificate is 26 pt."""
    out = build(cert(), tmp_path / "sertifikat.pdf")
    heights = {w: round(b - t) for _x0, t, _x1, b, w in _words(out)}
    assert heights["Nurhaliza"] >= 25


# --- batches ---------------------------------------------------------------------------------


def _batch(n: int) -> list[CertificateDocument]:
    return [
        cert(number=f"SERT/JKT-1/2026/{i:04d}", name=f"Peserta Nomor {i}", url=i % 2 == 0)
        for i in range(1, n + 1)
    ]


def _progress() -> tuple[list[tuple[int, int]], Callable[[int, int], None]]:
    calls: list[tuple[int, int]] = []
    return calls, lambda done, total: calls.append((done, total))


def test_a_batch_prints_one_certificate_a_page_in_order(tmp_path: Path) -> None:
    docs = _batch(5)
    calls, progress = _progress()
    out = build_many(docs, tmp_path / "angkatan.pdf", progress)
    assert len(PdfReader(out).pages) == 5
    for i, doc in enumerate(docs):
        page = _text(out, i)
        assert doc.number in page and doc.name in page
    assert calls == [(i, 5) for i in range(1, 6)]
    assert not list(tmp_path.glob("*.part"))


def test_one_file_per_certificate(tmp_path: Path) -> None:
    docs = _batch(4)
    paths = [tmp_path / f"{i}.pdf" for i in range(4)]
    calls, progress = _progress()
    written = build_each(docs, paths, progress)
    assert written == paths
    for doc, path in zip(docs, paths, strict=True):
        assert len(PdfReader(path).pages) == 1
        assert doc.number in _text(path)
    assert calls[-1] == (4, 4)
    assert [done for done, _t in calls] == sorted(done for done, _t in calls)


@needs_poppler
def test_large_batches_use_worker_processes_and_keep_the_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """From MANY_POOL_FROM / EACH_POOL_FROM on, QR codes (one file) or whole files (one
    each) are shared with a worker process started by spawn (the first tasks always reach
    it: they are queued for it at once); the result is the same as in this process alone."""
    monkeypatch.setattr(certificate, "MANY_POOL_FROM", 3)
    monkeypatch.setattr(certificate, "EACH_POOL_FROM", 3)
    monkeypatch.setattr(certificate, "POOL_HEAD", 2)  # then chunks of 2 for the worker
    monkeypatch.setattr(certificate, "QR_CHUNK", 2)
    monkeypatch.setattr(certificate, "FILE_CHUNK", 2)
    docs = _batch(7)
    calls, progress = _progress()
    out = build_many(docs, tmp_path / "angkatan.pdf", progress)
    assert len(PdfReader(out).pages) == 7
    for i, doc in enumerate(docs):
        assert doc.number in _text(out, i)
    assert calls[-1] == (7, 7)
    # the last page's QR code still holds its own certificate
    last = tmp_path / "last.pdf"
    build_many(docs[-1:], last)
    assert _decoded(last, tmp_path)[0] == docs[-1].qr_text

    paths = [tmp_path / "each" / f"{i}.pdf" for i in range(7)]
    paths[0].parent.mkdir()
    calls, progress = _progress()
    assert build_each(docs, paths, progress) == paths
    for doc, path in zip(docs, paths, strict=True):
        assert doc.number in _text(path)
    assert calls[-1] == (7, 7)
    assert [done for done, _t in calls] == sorted(done for done, _t in calls)


def _dying_pool() -> ProcessPoolExecutor:
    """A pool whose worker exits as it starts (as if killed): every task it had fails."""
    return ProcessPoolExecutor(
        1, mp_context=multiprocessing.get_context("spawn"), initializer=os._exit, initargs=(3,)
    )


# Python 3.11's pool, once broken, raises InvalidStateError in its own thread on a future
# this process had cancelled (fixed in 3.12); the code under test copes with that, the
# thread's traceback is expected here
@pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")
def test_a_worker_that_dies_leaves_its_work_to_this_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(certificate, "spawn_pool", _dying_pool)
    monkeypatch.setattr(certificate, "MANY_POOL_FROM", 3)
    monkeypatch.setattr(certificate, "EACH_POOL_FROM", 3)
    monkeypatch.setattr(certificate, "POOL_HEAD", 1)
    monkeypatch.setattr(certificate, "QR_CHUNK", 2)
    monkeypatch.setattr(certificate, "FILE_CHUNK", 2)
    docs = _batch(6)
    out = build_many(docs, tmp_path / "angkatan.pdf")
    for i, doc in enumerate(docs):
        assert doc.number in _text(out, i)
    paths = [tmp_path / f"{i}.pdf" for i in range(6)]
    calls, progress = _progress()
    assert build_each(docs, paths, progress) == paths
    for doc, path in zip(docs, paths, strict=True):
        assert doc.number in _text(path)
    assert calls[-1] == (6, 6)


def test_empty_and_mismatched_batches_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        build_many([], tmp_path / "kosong.pdf")
    with pytest.raises(ValueError):
        build_each(_batch(2), [tmp_path / "satu.pdf"])
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize(
    "change",
    [{"number": " "}, {"qr_text": ""}, {"name": ""}, {"copy_no": -1}],
    ids=["no-number", "no-qr", "no-name", "negative-copy"],
)
def test_a_certificate_that_cannot_be_checked_is_refused_before_writing(
    tmp_path: Path, change: dict[str, object]
) -> None:
    docs = [cert(), replace(cert(), **change)]  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        build_many(docs, tmp_path / "angkatan.pdf")
    assert not list(tmp_path.iterdir())
