"""Database and file-system failures in words a clerk or the office IT can act on.

SQLite and the OS report a damaged file, a full disk, a read-only folder, a data folder
that is really a file, or a database busy with another writer in texts meant for
programmers (SQLAlchemy adds the SQL). Every path that can meet them ends here: `Database`
sessions (app.db), the CLI's `run_command`, and the window's messages, crash hook and
start-up all call `translate`, so each condition reads the same everywhere: one sentence
saying what is wrong and what to do. SQLite errors are matched by result code (Python
3.11 sets `sqlite_errorcode`) or, where there is none, by message; OS errors by errno.
Cheap to import: no SQLAlchemy, no Qt (SQLAlchemy's wrapper is known by its `orig`).
"""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from app.errors import LoketError, StorageError
from app.texts import Text

RESTORE_HINT = Text(
    "Tutup program, lalu pulihkan cadangan terbaru (dari folder {backups}, atau yang dibuat "
    "dengan loket backup) dengan perintah: loket restore BERKAS --force",
    "Close the program, then restore the newest backup (from the folder {backups}, or one "
    "made with loket backup) with the command: loket restore FILE --force",
)
DAMAGED = Text(
    "Basis data rusak ({path}: {detail}). " + RESTORE_HINT.id,
    "The database is damaged ({path}: {detail}). " + RESTORE_HINT.en,
)
DAMAGED_HINT = Text(  # `loket check` has already listed the details
    "Basis data rusak. " + RESTORE_HINT.id, "The database is damaged. " + RESTORE_HINT.en
)
DISK_FULL = Text(
    "Disk penuh; kosongkan ruang di {where} lalu coba lagi — data yang sudah tersimpan aman, "
    "tindakan terakhir tidak disimpan.",
    "The disk is full; free some space on {where} and try again — the data already saved is "
    "safe, the last action was not saved.",
)
BUSY = Text(
    "Basis data sedang dipakai proses lain, misalnya impor; coba lagi sebentar lagi — isian "
    "Anda tidak hilang.",
    "The database is in use by another process, for example an import; try again in a "
    "moment — what you entered is not lost.",
)
READ_ONLY = Text(
    "Folder data tidak dapat ditulisi: {path} (disk hanya-baca atau tanpa izin bagi pengguna "
    "ini). Beri izin tulis ke folder itu, atau atur LOKET_HOME ke folder yang dapat ditulisi.",
    "The data folder cannot be written: {path} (read-only disk or no permission for this "
    "user). Give this user write access to it, or set LOKET_HOME to a writable folder.",
)
NO_ACCESS = Text(
    "Berkas {path} tidak dapat dibuka atau ditulisi (disk hanya-baca atau tanpa izin).",
    "The file {path} cannot be opened or written (read-only disk or no permission).",
)
NOT_A_FOLDER = Text(
    "Folder data tidak dapat dipakai: {path} adalah berkas, bukan folder. Atur LOKET_HOME ke "
    "sebuah folder, atau pindahkan berkas itu.",
    "The data folder cannot be used: {path} is a file, not a folder. Set LOKET_HOME to a "
    "folder, or move that file away.",
)
NO_FOLDER = Text(
    "Folder {path} tidak ada. Buat folder itu dulu, atau pilih folder lain untuk berkas ini.",
    "The folder {path} does not exist. Create it first, or choose another folder for this "
    "file.",
)
NO_FILE = Text("Berkas {path} tidak ditemukan.", "The file {path} was not found.")
CANNOT_OPEN = Text(
    "Basis data {path} tidak dapat dibuka. Pastikan folder data ada dan pengguna ini boleh "
    "membaca dan menulisinya.",
    "The database {path} cannot be opened. Make sure the data folder exists and this user "
    "may read and write it.",
)
DISK_ERROR = Text(
    "Disk gagal membaca atau menulis basis data {path}. Periksa disk, lalu coba lagi; bila "
    "terus terjadi, jalankan loket check dan hubungi TI kantor.",
    "The disk failed to read or write the database {path}. Check the disk and try again; if "
    "it keeps happening, run loket check and call the office IT.",
)

# SQLite primary result codes (sqlite3.h); an extended code keeps its primary in the low byte.
_BUSY, _LOCKED, _READONLY, _IOERR = 5, 6, 8, 10
_CORRUPT, _FULL, _CANTOPEN, _NOTADB = 11, 13, 14, 26
_BY_MESSAGE = (
    ("database disk image is malformed", _CORRUPT),
    ("file is not a database", _NOTADB),
    ("database or disk is full", _FULL),
    ("database is locked", _BUSY),
    ("database table is locked", _LOCKED),
    ("attempt to write a readonly database", _READONLY),
    ("unable to open database file", _CANTOPEN),
    ("disk i/o error", _IOERR),
)
# SQLite reports a full disk as "disk I/O error" when it cannot grow its shared-memory
# file; with less free space than this, that is what it means.
_NEARLY_FULL_BYTES = 1 << 20


def translate(exc: BaseException, db_path: Path | None = None) -> StorageError | None:
    """What `exc` means for the user if it is a storage problem, else None (a bug or a
    refusal stays what it is). `db_path` is the database concerned; default: the data
    dir's. The exception's causes are looked at too (SQLAlchemy wraps the driver's)."""
    for cause in _causes(exc):
        found: StorageError | None = None
        if isinstance(cause, StorageError):
            return cause
        if isinstance(cause, sqlite3.Error):
            found = _from_sqlite(cause, db_path or _default_db())
        elif isinstance(cause, OSError):
            found = _from_os(cause)
        if found is not None:
            return found
    return None


@contextmanager
def translated(db_path: Path | None = None) -> Iterator[None]:
    """Re-raise a storage problem inside the block as its StorageError (chained)."""
    try:
        yield
    except LoketError:
        raise
    except Exception as exc:
        found = translate(exc, db_path)
        if found is None:
            raise
        raise found from exc


def _causes(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    todo = [exc]
    while todo and len(seen) < 20:
        current = todo.pop(0)
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        for nxt in (getattr(current, "orig", None), current.__cause__, current.__context__):
            if isinstance(nxt, BaseException):
                todo.append(nxt)


def _default_db() -> Path:
    from app.config import DB_FILENAME, data_dir_location

    return data_dir_location() / DB_FILENAME


def _sqlite_code(exc: sqlite3.Error) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF
    text = str(exc).lower()
    return next((c for words, c in _BY_MESSAGE if words in text), None)


def _from_sqlite(exc: sqlite3.Error, db: Path) -> StorageError | None:
    code = _sqlite_code(exc)
    folder = db.parent
    if code in (_CORRUPT, _NOTADB):
        return StorageError(
            DAMAGED, kind="damaged", path=db, detail=str(exc), backups=folder / "backups"
        )
    if code == _FULL:
        return StorageError(DISK_FULL, kind="disk_full", where=folder)
    if code in (_BUSY, _LOCKED):
        return StorageError(BUSY, kind="busy")
    if code == _READONLY or (code == _CANTOPEN and folder.is_dir() and not _writable(folder)):
        return StorageError(READ_ONLY, kind="read_only", path=folder)
    if code == _CANTOPEN:
        return StorageError(CANNOT_OPEN, kind="cannot_open", path=db)
    if code == _IOERR:
        if _nearly_full(folder):
            return StorageError(DISK_FULL, kind="disk_full", where=folder)
        return StorageError(DISK_ERROR, kind="disk_error", path=db)
    return None


def _from_os(exc: OSError) -> StorageError | None:
    path = Path(os.fsdecode(exc.filename)) if exc.filename else None
    if exc.errno == errno.ENOSPC:
        return StorageError(DISK_FULL, kind="disk_full", where=_folder_of(path))
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        data = _data_dir_holding(path)
        if data is not None:
            return StorageError(READ_ONLY, kind="read_only", path=data)
        return StorageError(NO_ACCESS, kind="no_access", path=path or "?")
    if exc.errno == errno.ENOENT and path is not None and _data_dir_holding(path) is None:
        # An output file in a folder that is not there (`--out D:\\laporan\\x.pdf`), or an
        # input file that is gone; the data dir's own files keep their own sentences.
        if not path.parent.exists():
            return StorageError(NO_FOLDER, kind="no_folder", path=path.parent)
        return StorageError(NO_FILE, kind="no_file", path=path)
    if exc.errno in (errno.ENOTDIR, errno.EEXIST) and path is not None:
        in_the_way = _file_in_the_way(path)
        if in_the_way is not None:
            return StorageError(NOT_A_FOLDER, kind="not_a_folder", path=in_the_way)
    return None


def _data_dir_holding(path: Path | None) -> Path | None:
    """The data dir if `path` is in it (or no path was given), else None."""
    from app.config import data_dir_location

    data = data_dir_location()
    if path is None or path == data or data in path.parents:
        return data
    return None


def _folder_of(path: Path | None) -> Path:
    if path is None:
        from app.config import data_dir_location

        return data_dir_location()
    return path if path.is_dir() else path.parent


def _file_in_the_way(path: Path) -> Path | None:
    """The nearest of `path` and its parents that exists and is not a folder."""
    for candidate in (path, *path.parents):
        if candidate.exists():
            return None if candidate.is_dir() else candidate
    return None


def _writable(folder: Path) -> bool:
    return os.access(folder, os.W_OK)


def _nearly_full(folder: Path) -> bool:
    import shutil  # not at module level: it pulls in zlib, bz2 and lzma (start-up time)

    try:
        return shutil.disk_usage(folder).free < _NEARLY_FULL_BYTES
    except OSError:
        return False
