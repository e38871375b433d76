"""The training certificate (sertifikat pelatihan) handed to a graduate (issue #12, DESIGN §6).

Never "sertifikat kompetensi": only a BNSP-licensed LSP issues those. One certificate is one
A4 landscape page: the office, the title and number, the graduate's name, place and date of
birth and masked NIK, the module with its code and hours, the dates, the training provider,
the result, place and date and the signatory; bottom left a QR code holding the signed token
(or the URL of the server's page with it) that anyone can check.

A cohort's certificates are printed in one go, so speed matters as much as for receipts
(issue #12 asks for ten times LibreOffice's speed; bench/documents.py): the pages are drawn
straight on one canvas, line by line, never through paragraphs; the frame, the guilloche
band and the rosette behind the text are the same on every page, so they are written once
into a form the pages reuse; the QR code is encoded by zxing-cpp and drawn as one path of
rectangles (app.documents.qr). A large batch uses both cores: a worker process encodes QR
codes while this one draws the pages (one file), or writes files from the front of the list
while this one writes from the back (one file each). Small batches stay in this process:
starting a worker costs more than it saves. A worker that cannot start or dies leaves its
share to this process; the batch prints all the same.

Nothing may run off the page or into the QR code: long names, modules, providers and
places shrink, then go onto two lines (name and module), then narrow their letters.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas

from app.documents import qr
from app.documents.certificate_frame import INNER, PAGE, _frame_form
from app.documents.certificate_page import (
    AUTHOR,
    PROGRAMME,
    QR_BOTTOM,
    QR_MODULE,
    QR_SIDE,
    QR_X,
    CertificateDocument,
    _draw,
)
from app.documents.fonts import REGULAR, register
from app.documents.worker_pool import outcome, spawn_pool, submit_all

# The page geometry stays readable here for the tests that measure the page.
__all__ = [
    "INNER",
    "PAGE",
    "QR_BOTTOM",
    "QR_MODULE",
    "QR_SIDE",
    "QR_X",
    "CertificateDocument",
    "build",
    "build_each",
    "build_many",
]

# Batches shared with a worker process, from the sizes where bench/documents.py measured a
# gain on two cores (below them, starting the worker costs more than it saves)
MANY_POOL_FROM = 128  # certificates in one file: the worker only encodes QR codes
EACH_POOL_FROM = 40  # files: the worker writes whole files
POOL_HEAD = 64  # QR codes encoded here while the worker starts (about 0.2 s)
QR_CHUNK = 8  # QR codes a worker encodes per task (about 8 ms)
FILE_CHUNK = 4  # files a worker writes per task (about 40 ms)


Progress = Callable[[int, int], None]
T = TypeVar("T")


def build(doc: CertificateDocument, path: Path) -> Path:
    """Write one certificate to `path` (a temporary name first: never half a file)."""
    return build_many([doc], path)


def build_many(
    docs: Sequence[CertificateDocument], path: Path, progress: Progress | None = None
) -> Path:
    """Write a batch (a cohort's graduates) as one PDF, one certificate a page, in the
    given order; `progress(done, total)` after each page. From MANY_POOL_FROM on,
    a worker process encodes QR codes while this one draws the pages (and encodes the
    ones the worker has not reached)."""
    if not docs:
        raise ValueError("no certificates to print")
    for doc in docs:  # all checked before a byte is written
        _check(doc)
    title = f"Sertifikat {docs[0].number}"
    if len(docs) > 1:
        title += f" – {docs[-1].number}"
    texts = [d.qr_text for d in docs]
    if len(docs) < MANY_POOL_FROM:
        return _write(docs, path, title, map(qr.encode, texts), progress)
    pool = spawn_pool()
    try:
        return _write(docs, path, title, _shared_codes(pool, texts), progress)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _shared_codes(pool: ProcessPoolExecutor, texts: list[str]) -> Iterator[qr.QrPath]:
    """The QR codes of `texts` in order, encoded partly by the pool's worker and partly
    here. This process encodes the head itself (a worker takes a few tenths of a second to
    start) and then any chunk the worker has not begun: a chunk whose future can still be
    cancelled is done here rather than waited for, so neither core sits idle long. A worker
    that could not start or died leaves its chunks to this process: the batch still prints."""
    head = min(len(texts), POOL_HEAD)
    chunks = [texts[i : i + QR_CHUNK] for i in range(head, len(texts), QR_CHUNK)]
    futures = submit_all(pool, qr.encode_all, [(chunk,) for chunk in chunks])
    yield from map(qr.encode, texts[:head])
    for future, chunk in zip(futures, chunks, strict=True):
        if future is None or future.cancel():
            yield from map(qr.encode, chunk)
        else:
            yield from outcome(pool, future, qr.encode_all, (chunk,))


def build_each(
    docs: Sequence[CertificateDocument],
    paths: Sequence[Path],
    progress: Progress | None = None,
) -> list[Path]:
    """Write one PDF per certificate, `docs[i]` to `paths[i]` (a folder handed out person
    by person); `progress(done, total)` as files are finished. From EACH_POOL_FROM files on,
    a worker process writes files from the front of the list while this one writes
    from the back, until they meet."""
    if len(docs) != len(paths):
        raise ValueError(f"{len(docs)} certificates but {len(paths)} file names")
    for doc in docs:
        _check(doc)
    total = len(docs)
    if total < EACH_POOL_FROM:
        for done, (doc, path) in enumerate(zip(docs, paths, strict=True), start=1):
            build(doc, path)
            if progress is not None:
                progress(done, total)
        return list(paths)
    chunks = [
        (list(docs[i : i + FILE_CHUNK]), [str(p) for p in paths[i : i + FILE_CHUNK]])
        for i in range(0, total, FILE_CHUNK)
    ]
    done = 0

    def report(count: int) -> None:
        nonlocal done
        done += count
        if progress is not None:
            progress(done, total)

    pool = spawn_pool()
    try:
        futures = submit_all(pool, _build_chunk, chunks)
        theirs = len(chunks)  # chunks from here on are done here
        reported = 0  # the worker's chunks counted so far, from the front

        def collect(block: bool) -> None:
            nonlocal reported
            while reported < theirs:
                future = futures[reported]
                assert future is not None  # a refused submit leaves None to the end only
                if not (block or future.done()):
                    return
                report(outcome(pool, future, _build_chunk, chunks[reported]))
                reported += 1

        for n in reversed(range(len(chunks))):
            future = futures[n]
            if future is not None and not future.cancel():
                break  # the worker has it, and everything before it
            theirs = n
            report(_build_chunk(*chunks[n]))
            collect(block=False)
        collect(block=True)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
    return list(paths)


def _build_chunk(docs: list[CertificateDocument], paths: list[str]) -> int:
    """Write each certificate to its file (in a worker, or here); how many were written."""
    for doc, path in zip(docs, paths, strict=True):
        build(doc, Path(path))
    return len(docs)


def _check(doc: CertificateDocument) -> None:
    """Refuse a certificate that could not be checked or told apart from another one."""
    if not doc.number.strip():
        raise ValueError("certificate without a number")
    if not doc.qr_text.strip():
        raise ValueError(f"{doc.number}: nothing to put in the QR code")
    if not doc.name.strip():
        raise ValueError(f"{doc.number}: certificate without a name")
    if doc.copy_no < 0:
        raise ValueError(f"{doc.number}: copy number below zero")


def _write(
    docs: Sequence[CertificateDocument],
    path: Path,
    title: str,
    codes: Iterator[qr.QrPath],
    progress: Progress | None,
) -> Path:
    """The pages on one canvas, saved under a temporary name first: a failure leaves no
    half-written PDF where the clerk would find it."""
    register()
    tmp = path.with_name(path.name + ".part")
    # the canvas starts in the shipped font, so no standard (unembedded) font is referenced
    canvas = Canvas(str(tmp), pagesize=PAGE, initialFontName=REGULAR, initialFontSize=10)
    canvas.setTitle(title)
    canvas.setAuthor(AUTHOR)
    canvas.setCreator(AUTHOR)
    canvas.setSubject(f"Sertifikat pelatihan — {PROGRAMME}")
    try:
        _frame_form(canvas)
        total = len(docs)
        for done, (doc, code) in enumerate(zip(docs, codes, strict=True), start=1):
            _draw(canvas, doc, code)
            canvas.showPage()
            if progress is not None:
                progress(done, total)
        with _binary_streams():
            canvas.save()
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    tmp.replace(path)
    return path


@contextmanager
def _binary_streams() -> Iterator[None]:
    """Save without ASCII85 around the compressed streams: without reportlab's optional C
    accelerator, that 7-bit encoding is pure Python and took half the time of a one-page
    file (PDF has been read as binary by every reader for decades). reportlab reads the
    switch while it writes the file, so it is set for the save only."""
    before = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = before
