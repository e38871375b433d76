"""Certificates and receipts in a batch (issue #12 item 8): milliseconds per document when a
cohort's papers are printed at once, against a floor and against LibreOffice.

Measured in one run, each over a batch of `--n` documents (500 by default):

- certificates: `app.documents.certificate.build_many` into one PDF, signing included: each
  certificate's claims are signed with Ed25519 (`app.domain.certificates.sign`), put in the
  URL of the server's page and encoded as a QR code inside the timed part. Also the same
  batch kept in this process (no worker process), and `build_each` (one file each), with
  and without the worker.
- receipts: `app.documents.receipt.build_many` (A5 landscape, one a page).
- floor: a bare reportlab canvas writing the certificate's words (same fonts, A4 landscape,
  one canvas, no frame, no QR code): what any reportlab certificate costs at least.
- LibreOffice, where `soffice` is on PATH: the same certificates as ODT files (the words, a
  table, the QR code as a PNG) converted by `soffice --headless --convert-to pdf`, many
  files a call, timed end to end from the files on disk to the PDFs: what an office would
  otherwise do with a mail merge. One call for the whole batch would be the cheapest, but
  LibreOffice silently stops after 247 files of one command line (LibreOffice 7.4, a known
  limit), so the files go in calls of 200, one after the other. Its profile is created by
  an untimed warm-up conversion first, as an office's LibreOffice has one.

    python bench/documents.py [--n 500] [--no-libreoffice] [--sweep]

`--sweep` also times batches of 8 to 256 with and without the worker process (where
app/documents/certificate.py's MANY_POOL_FROM and EACH_POOL_FROM come from).

Prints the figures and, as the last line, one JSON object.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import shutil
import struct
import subprocess
import tempfile
import time
import zipfile
import zlib
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

if TYPE_CHECKING:
    from app.documents.certificate import CertificateDocument
    from app.documents.receipt import ReceiptDocument

# Kept free of app imports at the top: the certificate batch starts worker processes by
# spawn, and each one imports this file again as its __main__ module.

SERVER = "https://vokasi.bpjsketenagakerjaan.go.id"
LO_CALL = 200  # files per soffice call: one call converts no more than 247 (see _libreoffice)
FIRST = ("Siti", "Agus", "Dewi", "Muhammad", "Rina", "Budi", "Nur", "Sri", "Eko", "Putri")
LAST = ("Rahmawati", "Santoso", "Lestari", "Hidayat", "Saputra", "Wulandari", "Nasution",
        "Simanjuntak", "Kusumawardhani", "Prasetyo")  # fmt: skip
CITIES = ("Jakarta", "Bekasi", "Bogor", "Depok", "Tangerang", "Bandung", "Medan", "Surabaya")
MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember")  # fmt: skip


def _long(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _people(n: int) -> list[tuple[str, date, str, str]]:
    """(name, birth date, birth place, masked NIK) of a cohort of n."""
    people = []
    for i in range(n):
        name = f"{FIRST[i % 10]} {LAST[(i // 10) % 10]}"
        if i % 7 == 0:
            name += f" {LAST[(i + 3) % 10]}"
        birth = date(1985, 1, 1) + timedelta(days=(i * 97) % 5000)
        people.append((name, birth, CITIES[i % len(CITIES)], f"3171********{i % 10000:04d}"))
    return people


def _certificates(n: int, private_key: bytes, key: str) -> list[CertificateDocument]:
    """The batch's documents, each token signed here: this is inside the timed part."""
    from app.documents.certificate import CertificateDocument
    from app.domain.certificates import Claims, page_url, sign

    start, end, issued = date(2026, 3, 2), date(2026, 3, 27), date(2026, 4, 1)
    docs: list[CertificateDocument] = []
    for i, (name, birth, place, nik) in enumerate(_people(n), start=1):
        number = f"SERT/JKT-1/2026/{i:04d}"
        module = "Teknisi Pendingin Ruangan (AC)"
        claims = Claims(number, name, birth, module, start, end, "LULUS", issued, key)
        docs.append(
            CertificateDocument(
                number=number,
                office_line="BPJS Ketenagakerjaan — Kantor Cabang DKI Jakarta",
                name=name,
                birth=f"{place}, {_long(birth)}",
                nik_masked=nik,
                module=module,
                module_code="TKN-AC",
                hours=160,
                dates=f"{_long(start)} – {_long(end)}",
                provider="BLK Jakarta Timur",
                result="LULUS",
                place_and_date=f"Jakarta, {_long(issued)}",
                signatory_name="Drs. Bambang Suryanto, M.M.",
                signatory_position="Kepala Kantor Cabang",
                qr_text=page_url(SERVER, sign(claims, private_key)),
                printed="Dicetak 01/04/2026 10:15 oleh loket.ani — Loket Vokasi",
            )
        )
    return docs


def _receipts(n: int) -> list[ReceiptDocument]:
    from app.documents.receipt import ReceiptDocument
    from app.domain.money import needs_meterai, terbilang

    docs: list[ReceiptDocument] = []
    for i, (name, _birth, _place, nik) in enumerate(_people(n), start=1):
        amount = 250_000 + (i % 4) * 50_000
        docs.append(
            ReceiptDocument(
                number=f"KW/JKT-1/2026/{i:04d}",
                office_line="BPJS Ketenagakerjaan — Kantor Cabang DKI Jakarta",
                received_from="BPJS Ketenagakerjaan Kantor Cabang DKI Jakarta",
                amount=amount,
                amount_words=terbilang(amount),
                purpose=(
                    "Uang transport pelatihan, angkatan ANG/JKT-1/2026/0003 (Teknisi Pendingin "
                    f"Ruangan), minggu ke-1 (2–6 Maret 2026), {amount // 50_000} hari hadir "
                    "× Rp50.000"
                ),
                details=(),
                method="Tunai",
                recipient_name=name,
                recipient_id=nik,
                clerk_name="Ani Rahmawati",
                place_and_date="Jakarta, 6 Maret 2026",
                meterai=needs_meterai(amount),
                printed="Dicetak 06/03/2026 10:15 oleh loket.ani — Loket Vokasi",
            )
        )
    return docs


def _words(d: CertificateDocument) -> list[str]:
    """The certificate's words, line by line, as the floor and the ODT write them."""
    return [
        "BPJS KETENAGAKERJAAN",
        "Kantor Cabang DKI Jakarta",
        "SERTIFIKAT PELATIHAN",
        f"Nomor: {d.number}",
        "diberikan kepada",
        d.name,
        f"Tempat, tanggal lahir : {d.birth}",
        f"NIK : {d.nik_masked}",
        f"telah mengikuti dan dinyatakan {d.result} pelatihan",
        d.module,
        f"kode modul {d.module_code}, sebanyak {d.hours} jam pelajaran, pada tanggal {d.dates},",
        f"yang diselenggarakan oleh lembaga pelatihan {d.provider}",
        "dalam Program Pelatihan Vokasi BPJS Ketenagakerjaan.",
        d.place_and_date,
        d.signatory_position,
        d.signatory_name,
        "Pindai untuk memeriksa keaslian",
        d.printed,
    ]


def _floor(docs: list[CertificateDocument], out: Path) -> float:
    """ms per page of a bare reportlab canvas writing the same words (no frame, no QR)."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen.canvas import Canvas

    from app.documents.fonts import BOLD, REGULAR, register

    register()
    began = time.perf_counter()
    canvas = Canvas(str(out), pagesize=landscape(A4), initialFontName=REGULAR)
    for doc in docs:
        y = 540.0
        for n, line in enumerate(_words(doc)):
            canvas.setFont(BOLD if n in (0, 2, 5, 9) else REGULAR, 11)
            canvas.drawCentredString(421, y, line)
            y -= 26
        canvas.showPage()
    canvas.save()
    return (time.perf_counter() - began) * 1000 / len(docs)


# --- LibreOffice -----------------------------------------------------------------------------


def _png(rows: list[bytes], width: int) -> bytes:
    """A greyscale PNG of `rows` (one byte a pixel), written by hand: no image library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    raw = b"".join(b"\x00" + row for row in rows)
    header = struct.pack(">IIBBBBB", width, len(rows), 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def _qr_png(text: str) -> bytes:
    """The QR code as a PNG, 4 pixels a module with its quiet zone (zxing-cpp encodes it)."""
    import zxingcpp

    barcode = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    image = barcode.to_image(scale=4, add_quiet_zones=True)
    height, width = image.shape
    pixels = memoryview(image).tobytes()  # type: ignore[arg-type]
    return _png([pixels[r * width : (r + 1) * width] for r in range(height)], width)


MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
 manifest:version="1.3">
 <manifest:file-entry manifest:full-path="/"
  manifest:media-type="application/vnd.oasis.opendocument.text"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
 <manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
 <manifest:file-entry manifest:full-path="Pictures/qr.png" manifest:media-type="image/png"/>
</manifest:manifest>
"""
NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:xlink="http://www.w3.org/1999/xlink" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'office:version="1.3"'
)
STYLES = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles {NS}>
 <office:font-face-decls>
  <style:font-face style:name="DejaVu Sans" svg:font-family="'DejaVu Sans'"/>
 </office:font-face-decls>
 <office:styles>
  <style:default-style style:family="paragraph">
   <style:paragraph-properties fo:text-align="center"/>
   <style:text-properties style:font-name="DejaVu Sans" fo:font-size="11pt"/>
  </style:default-style>
 </office:styles>
 <office:automatic-styles>
  <style:page-layout style:name="pm1">
   <style:page-layout-properties fo:page-width="297mm" fo:page-height="210mm"
    style:print-orientation="landscape" fo:margin-top="16mm" fo:margin-bottom="16mm"
    fo:margin-left="18mm" fo:margin-right="18mm" fo:border="2.2pt solid #0b6b3a"
    fo:padding="4mm"/>
  </style:page-layout>
 </office:automatic-styles>
 <office:master-styles>
  <style:master-page style:name="Standard" style:page-layout-name="pm1"/>
 </office:master-styles>
</office:document-styles>
"""
CONTENT_STYLES = """
 <office:automatic-styles>
  <style:style style:name="Title" style:family="paragraph">
   <style:paragraph-properties fo:text-align="center" fo:margin-top="4mm"/>
   <style:text-properties fo:font-size="30pt" fo:font-weight="bold" fo:letter-spacing="1mm"/>
  </style:style>
  <style:style style:name="Issuer" style:family="paragraph">
   <style:text-properties fo:font-size="15pt" fo:font-weight="bold" fo:color="#0b6b3a"/>
  </style:style>
  <style:style style:name="Name" style:family="paragraph">
   <style:paragraph-properties fo:margin-top="2mm" fo:margin-bottom="3mm"/>
   <style:text-properties fo:font-size="26pt" fo:font-weight="bold"/>
  </style:style>
  <style:style style:name="Module" style:family="paragraph">
   <style:paragraph-properties fo:margin-top="2mm" fo:margin-bottom="2mm"/>
   <style:text-properties fo:font-size="17pt" fo:font-weight="bold" fo:color="#0b6b3a"/>
  </style:style>
  <style:style style:name="Left" style:family="paragraph">
   <style:paragraph-properties fo:text-align="start"/>
  </style:style>
  <style:style style:name="Small" style:family="paragraph">
   <style:text-properties fo:font-size="6.5pt" fo:color="#5b6570"/>
  </style:style>
  <style:style style:name="Facts" style:family="table">
   <style:table-properties style:width="150mm" table:align="center"/>
  </style:style>
  <style:style style:name="QrFrame" style:family="graphic">
   <style:graphic-properties style:wrap="none" style:vertical-pos="bottom"
    style:vertical-rel="page-content" style:horizontal-pos="left"
    style:horizontal-rel="page-content"/>
  </style:style>
 </office:automatic-styles>
"""


def _odt(doc: CertificateDocument, path: Path) -> None:
    """One certificate as an ODT file: the same words, the birth and NIK as a table, the
    QR code as a picture at the bottom left."""
    words = [escape(w) for w in _words(doc)]

    def p(style: str, text: str) -> str:
        return f'<text:p text:style-name="{style}">{text}</text:p>'

    def cell(text: str) -> str:
        return f'<table:table-cell office:value-type="string">{p("Left", text)}</table:table-cell>'

    birth, nik = (w.split(" : ", 1) for w in words[6:8])
    body = "".join(
        [
            p("Issuer", words[0]),
            p("Standard", words[1]),
            p("Title", words[2]),
            p("Standard", words[3]),
            p("Standard", words[4]),
            p("Name", words[5]),
            '<table:table table:name="Facts" table:style-name="Facts">'
            '<table:table-column table:number-columns-repeated="2"/>',
            f"<table:table-row>{cell(birth[0])}{cell(birth[1])}</table:table-row>",
            f"<table:table-row>{cell(nik[0])}{cell(nik[1])}</table:table-row>",
            "</table:table>",
            p("Standard", words[8]),
            p("Module", words[9]),
            *(p("Standard", w) for w in words[10:13]),
            '<text:p text:style-name="Standard"><draw:frame draw:style-name="QrFrame" '
            'text:anchor-type="paragraph" svg:width="36mm" svg:height="36mm">'
            '<draw:image xlink:href="Pictures/qr.png" xlink:type="simple" '
            'xlink:show="embed" xlink:actuate="onLoad"/></draw:frame></text:p>',
            *(p("Standard", w) for w in words[13:16]),
            p("Small", words[16]),
            p("Small", words[17]),
        ]
    )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {NS}>'
        f"{CONTENT_STYLES}<office:body><office:text>{body}</office:text></office:body>"
        "</office:document-content>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as odt:
        # the mimetype first and stored, as ODF asks
        odt.writestr(
            zipfile.ZipInfo("mimetype"),
            "application/vnd.oasis.opendocument.text",
            compress_type=zipfile.ZIP_STORED,
        )
        odt.writestr("META-INF/manifest.xml", MANIFEST)
        odt.writestr("styles.xml", STYLES)
        odt.writestr("content.xml", content)
        odt.writestr("Pictures/qr.png", _qr_png(doc.qr_text))


def _soffice(soffice: str, profile: Path, files: list[str], outdir: Path) -> None:
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to",
         "pdf", "--outdir", str(outdir), *files],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=3600,
    )  # fmt: skip


def _libreoffice(soffice: str, docs: list[CertificateDocument], tmp: Path) -> float:
    """ms per certificate: the ODT files written (untimed), then converted to PDF by soffice,
    timed from the first call's start to the last call's end; every PDF is checked to exist.
    One call would be the fastest, but LibreOffice (7.4 here) silently stops after 247 files
    of one command line, so a batch goes in calls of LO_CALL files, one after the other."""
    odt_dir, pdf_dir, profile = tmp / "odt", tmp / "odt-pdf", tmp / "lo-profile"
    odt_dir.mkdir()
    pdf_dir.mkdir()
    for i, doc in enumerate(docs):
        _odt(doc, odt_dir / f"sertifikat-{i:04d}.odt")
    # warm-up: LibreOffice creates its profile on a first start (several seconds), which
    # an office's installation did long ago
    warm = tmp / "warm"
    warm.mkdir()
    _soffice(soffice, profile, [str(odt_dir / "sertifikat-0000.odt")], warm)
    files = sorted(glob.glob(str(odt_dir / "*.odt")))
    began = time.perf_counter()
    for i in range(0, len(files), LO_CALL):
        _soffice(soffice, profile, files[i : i + LO_CALL], pdf_dir)
    took = (time.perf_counter() - began) * 1000 / len(files)
    made = len(list(pdf_dir.glob("*.pdf")))
    if made != len(files):
        raise SystemExit(f"LibreOffice wrote {made} PDFs of {len(files)}")
    return took


def _pages(path: Path) -> int:
    """Pages of a PDF reportlab wrote (its page tree says /Count n), without a PDF library."""
    data = path.read_bytes()
    at = data.rfind(b"/Count ")
    return int(data[at + 7 :].split(maxsplit=1)[0].rstrip(b">/"))


def _timed_certificates(
    n: int, private_key: bytes, key: str, out: Path, pool: bool | None, one_file: bool = True
) -> float:
    """ms per certificate of a batch of n, signing included: into one file or one file each;
    pool True / False forces the worker process on or off, None leaves the program's
    choice."""
    from app.documents import certificate

    saved = certificate.MANY_POOL_FROM, certificate.EACH_POOL_FROM
    if pool is not None:
        threshold = 1 if pool else n + 1
        certificate.MANY_POOL_FROM = certificate.EACH_POOL_FROM = threshold
    try:
        began = time.perf_counter()
        docs = _certificates(n, private_key, key)
        if one_file:
            certificate.build_many(docs, out)
        else:
            out.mkdir()
            certificate.build_each(docs, [out / f"{i:04d}.pdf" for i in range(n)])
        took = (time.perf_counter() - began) * 1000 / n
    finally:
        certificate.MANY_POOL_FROM, certificate.EACH_POOL_FROM = saved
    if one_file:
        assert _pages(out) == n
    else:
        assert len(list(out.glob("*.pdf"))) == n
    return took


def _sweep(private_key: bytes, key: str, tmp: Path) -> None:
    """Where the worker process starts to pay: small batches with and without it."""
    print("batch size: one file in-process / with worker; files in-process / with worker (ms each)")
    for size in (8, 16, 24, 32, 48, 64, 96, 128, 192, 256):
        row = []
        for one_file in (True, False):
            for pool in (False, True):
                out = tmp / f"sweep-{size}-{one_file}-{pool}{'.pdf' if one_file else ''}"
                row.append(_timed_certificates(size, private_key, key, out, pool, one_file))
        print(f"  {size:4d}: {row[0]:6.2f} / {row[1]:6.2f};  {row[2]:6.2f} / {row[3]:6.2f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=500, help="documents in each batch")
    parser.add_argument("--no-libreoffice", action="store_true", help="skip LibreOffice")
    parser.add_argument(
        "--sweep", action="store_true", help="also time small batches with and without the worker"
    )
    args = parser.parse_args()
    n = args.n

    from app.documents import certificate, receipt
    from app.documents.fonts import register
    from app.documents.qr import encode
    from app.domain.certificates import key_id, new_private_key, public_key_of

    private_key = new_private_key()
    key = key_id(public_key_of(private_key))
    register()  # the program registers its fonts once; so does this run, before timing
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        # warm-up: imports, the frame's points, the first QR code
        certificate.build_many(_certificates(2, private_key, key), tmp / "warm.pdf")

        cert_ms = _timed_certificates(n, private_key, key, tmp / "sertifikat.pdf", None)
        one_core_ms = _timed_certificates(n, private_key, key, tmp / "sertifikat-1.pdf", False)
        each_ms = _timed_certificates(n, private_key, key, tmp / "each", None, one_file=False)
        each_one_core_ms = _timed_certificates(n, private_key, key, tmp / "each-1", False, False)

        docs = _certificates(n, private_key, key)
        began = time.perf_counter()
        for doc in docs:
            encode(doc.qr_text)
        qr_ms = (time.perf_counter() - began) * 1000 / n

        receipts = _receipts(n)
        began = time.perf_counter()
        receipt.build_many(receipts, tmp / "kuitansi.pdf")
        receipt_ms = (time.perf_counter() - began) * 1000 / n

        floor_ms = _floor(docs, tmp / "floor.pdf")

        if args.sweep:
            _sweep(private_key, key, tmp)

        soffice = shutil.which("soffice")
        libreoffice_ms = None
        if soffice and not args.no_libreoffice:
            libreoffice_ms = _libreoffice(soffice, docs, tmp)

    result = {
        "n": n,
        "cores": os.cpu_count(),
        "cert_ms": round(cert_ms, 2),
        "cert_one_process_ms": round(one_core_ms, 2),
        "cert_each_ms": round(each_ms, 2),
        "cert_each_one_process_ms": round(each_one_core_ms, 2),
        "qr_ms": round(qr_ms, 2),
        "receipt_ms": round(receipt_ms, 2),
        "floor_ms": round(floor_ms, 2),
        "libreoffice_ms": round(libreoffice_ms, 1) if libreoffice_ms is not None else None,
        "speedup": round(libreoffice_ms / cert_ms, 1) if libreoffice_ms is not None else None,
    }
    print(f"certificates, {n} in one PDF (signing and QR included): {result['cert_ms']} ms each"
          f" ({result['cert_one_process_ms']} ms without the worker process)")  # fmt: skip
    print(f"certificates, {n} files of one: {result['cert_each_ms']} ms each"
          f" ({result['cert_each_one_process_ms']} ms without the worker process)")  # fmt: skip
    print(f"  encoding one QR code: {result['qr_ms']} ms")
    print(f"receipts, {n} in one PDF: {result['receipt_ms']} ms each")
    print(f"floor (bare reportlab page, the same words, no QR): {result['floor_ms']} ms each")
    if libreoffice_ms is None:
        print("LibreOffice: not measured (no soffice on PATH, or --no-libreoffice)")
    else:
        print(f"LibreOffice, {n} ODT files, {LO_CALL} a soffice call: {result['libreoffice_ms']} "
              f"ms each; certificates {result['speedup']}x faster")  # fmt: skip
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
