"""What the Sinkronisasi page shows about this PC's outbox, in words a clerk understands.

The server answers in short English reasons meant for logs ("unknown record"); a clerk
needs a sentence saying what happened and what to do, so each known reason maps to one
`Text` here (shown in the chosen language). Network faults are stored by the client as a
sentence with the technical cause in brackets; `plain_error` replaces that cause too.
Qt-free, so the CLI could show the same rows.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.chunks import chunks
from app.db import Database
from app.errors import StateError
from app.models import Device, Outbox, SyncLink
from app.protocol.entities import ENTITIES
from app.sync.local_apply import tables_by_entity
from app.texts import Text

PENDING = ("pending",)
FAILED = ("rejected", "conflict")

# The server's reasons (app/server/apply.py), by their fixed beginning.
REASONS: dict[str, Text] = {
    "unknown record type": Text(
        "Jenis data ini belum dikenal server. Program di server perlu diperbarui; hubungi TI.",
        "The server does not know this record type yet. The server needs an update; call IT.",
    ),
    "unknown record": Text(
        "Server tidak mengenal data ini (mungkin terhapus atau tidak pernah terkirim). "
        "Hubungi TI kantor.",
        "The server does not know this record (deleted, or never sent). Call the office IT.",
    ),
    "this record type cannot be changed": Text(
        "Jenis data ini tidak boleh diubah setelah dibuat.",
        "This type of record cannot be changed once made.",
    ),
    "reference data is changed only by HQ": Text(
        "Data acuan hanya boleh diubah oleh kantor pusat.",
        "Reference data is changed only by head office.",
    ),
    "change number already used": Text(
        "Nomor perubahan sudah pernah dipakai; mungkin komputer ini dipulihkan dari cadangan "
        "lama. Hubungi TI kantor.",
        "The change number was already used; this PC may have been restored from an old "
        "backup. Call the office IT.",
    ),
    "mutation id reused with a different body": Text(
        "Kode perubahan ini sudah dipakai untuk isi yang berbeda. Hubungi TI kantor.",
        "This change code was already used with different contents. Call the office IT.",
    ),
    "id already used by another record": Text(
        "Kode data ini sudah dipakai data lain di server. Hubungi TI kantor.",
        "The server already has another record with this id. Call the office IT.",
    ),
    "waiting for change": Text(
        "Menunggu perubahan nomor {n} dari komputer ini terkirim lebih dulu.",
        "Waiting for change {n} of this PC to be sent first.",
    ),
    "not permitted": Text(
        "Server menolak perubahan ini: data ini milik kantor lain atau tidak boleh diubah dari "
        "komputer ini. Tidak ada yang berubah di server. Hubungi TI kantor.",
        "The server refused this change: the record belongs to another office or may not be "
        "changed from this PC. Nothing changed on the server. Call the office IT.",
    ),
    "missing value": Text(
        "Data ini tidak lengkap (isian {field} kosong) sehingga tidak dapat dikirim. Hubungi "
        "TI kantor.",
        "This record is incomplete (field {field} is empty), so it cannot be sent. Call the "
        "office IT.",
    ),
    "unknown field": Text(
        "Server belum mengenal salah satu isian data ini; program di server perlu diperbarui. "
        "Hubungi TI.",
        "The server does not know one of this record's fields; the server needs an update. "
        "Call IT.",
    ),
    "audit chain": Text(
        "Catatan audit komputer ini tidak lagi menyambung dengan yang tersimpan di server "
        "(dipulihkan dari cadangan lama atau diubah). Hubungi TI kantor dan jalankan loket check.",
        "This PC's audit trail no longer follows the one the server holds (restored from an "
        "old backup, or altered). Call the office IT and run loket check.",
    ),
    "too large": Text(
        "Perubahan ini terlalu besar untuk dikirim ke server. Perpendek isian yang panjang, lalu "
        "simpan lagi.",
        "This change is too large to send to the server. Shorten the long field, then save again.",
    ),
    "device clock is ahead of the server": Text(
        "Jam komputer ini lebih cepat dari server; dikirim lagi nanti. Periksa tanggal dan jam.",
        "This PC's clock is ahead of the server; sent again later. Check the date and time.",
    ),
}
CONFLICT = Text(
    "Bentrok dengan perubahan di komputer lain: menunggu keputusan supervisor.",
    "Clashes with a change made on another PC: waiting for a supervisor's decision.",
)
SUPERVISED = Text(
    "Perubahan NIK atau nomor rekening selalu diperiksa: menunggu keputusan supervisor.",
    "NIK and account number changes are always checked: waiting for a supervisor's decision.",
)
FOREIGN = Text(
    "Server menolak kiriman karena berisi data kantor lain; tidak ada yang disimpan. "
    "Hubungi TI kantor.",
    "The server refused the batch because it holds another office's records; nothing was "
    "saved. Call the office IT.",
)
REFUSED_HTTP = Text(
    "Server menolak permintaan ({detail}). Hubungi TI kantor.",
    "The server refused the request ({detail}). Call the office IT.",
)
OTHER = Text("Ditolak server: {reason}", "Refused by the server: {reason}")
INVALID = Text(
    "Isian {field} tidak dapat dikirim: {why}. Perbaiki data ini lalu simpan lagi.",
    "The field {field} cannot be sent: {why}. Correct the record, then save it again.",
)
# Why a value was refused (app.protocol.validate), in words.
WHY: dict[str, Text] = {
    "too long": Text("terlalu panjang", "too long"),
    "NUL character": Text("berisi karakter kendali (NUL)", "it holds a control character (NUL)"),
    "control character": Text("berisi karakter kendali", "it holds a control character"),
    "broken character": Text("berisi karakter rusak", "it holds a broken character"),
    "empty": Text("tidak boleh kosong", "it may not be empty"),
}
WRONG_KIND = Text("jenis isinya salah", "its content is of the wrong kind")

# Technical causes of a network fault (httpx, Linux and Windows wording) -> plain words.
CAUSES: tuple[tuple[tuple[str, ...], Text], ...] = (
    (
        ("refused", "10061"),
        Text("server tidak menjawab", "the server does not answer"),
    ),
    (
        ("not known", "getaddrinfo", "name resolution", "nodename"),
        Text("alamat server tidak ditemukan", "the server address was not found"),
    ),
    (("timed out", "timeout"), Text("jaringan terlalu lambat", "the network is too slow")),
    (
        ("unreachable", "10051", "10065"),
        Text("komputer ini tidak tersambung ke jaringan", "this PC is not on a network"),
    ),
    (
        ("protocol",),
        Text("alamat server harus diawali https://", "the address must start with https://"),
    ),
    (
        ("certificate", "ssl"),
        Text("sertifikat keamanan server tidak sah", "the server's certificate is not valid"),
    ),
    (("http 5",), Text("server sedang bermasalah", "the server has a problem")),
)


@dataclass(frozen=True)
class OutboxRow:
    """One change of this PC as the sync page lists it."""

    seq: int
    entity: str  # participant | staff | audit_event | consent | participant_document
    entity_id: str
    op: str  # insert | update | delete
    status: str  # pending | held | rejected | conflict
    created_at: datetime
    label: str  # whose record: a participant's name, a username; "" when not known
    reason: str  # plain sentence for held, rejected and conflict rows; "" otherwise
    fields: tuple[str, ...] = ()  # the clashing fields of a conflict


@dataclass(frozen=True)
class OutboxList:
    rows: list[OutboxRow]
    total: int  # all rows with these statuses; `rows` holds the newest `limit`


def plain_reason(status: str, reason: str, field_label: Callable[[str], str] = str) -> str:
    """A server result's reason as a sentence in the current language; `field_label` names
    a record's field as the window shows it (the CLI keeps the stored name)."""
    if status == "conflict":
        fields = {f for f in reason.split(",") if f}
        supervised = ENTITIES["participant"].supervised_fields
        return (SUPERVISED if fields and fields <= supervised else CONFLICT).render()
    reason = reason.removeprefix("not sent: ")  # checked on this PC: same words
    invalid = re.match(r"^invalid value: (\w+) \((.*)\)$", reason)
    if invalid:
        field, why = invalid.groups()
        return INVALID.render(field=field_label(field), why=WHY.get(why, WRONG_KIND).render())
    for start, text in REASONS.items():
        if reason.startswith(start):
            number = re.search(r"\d+", reason)
            field = reason.split(": ", 1)[1] if ": " in reason else "?"
            return text.render(n=number.group() if number else "?", field=field_label(field))
    return OTHER.render(reason=reason) if reason else ""


def plain_cause(technical: str) -> str:
    """A network fault's technical cause ("[Errno 111] Connection refused") in plain words;
    an unknown cause is returned as it is."""
    lowered = technical.lower()
    for needles, text in CAUSES:
        if any(n in lowered for n in needles):
            return text.render()
    return technical


def short_error(message: str | None) -> str | None:
    """Just the plain cause of a network fault ("server tidak menjawab"), for the narrow
    status bar; None when the message has no cause in brackets that we know."""
    found = re.search(r"\(([^()]*)\)", message or "")
    if found is None:
        return None
    plain = plain_cause(found.group(1))
    return plain if plain != found.group(1) else None


def plain_error(message: str | None) -> str | None:
    """The client's stored error with its technical cause in brackets put in plain words;
    a refusal stored as "HTTP 4xx: detail" as a sentence."""
    if not message:
        return message
    refused = re.match(r"^HTTP (\d{3}): (.*)$", message, re.S)
    if refused:
        code, detail = refused.groups()
        if code == "426":  # the server's own sentence: update the program
            return detail
        if "another office" in detail:
            return FOREIGN.render()
        return REFUSED_HTTP.render(detail=f"HTTP {code}: {detail}")
    return re.sub(r"\(([^()]*)\)", lambda m: f"({plain_cause(m.group(1))})", message, count=1)


def list_outbox(
    db: Database,
    statuses: Sequence[str],
    limit: int = 500,
    field_label: Callable[[str], str] = str,
) -> OutboxList:
    """The newest `limit` outbox rows with one of `statuses`, newest first (`field_label`:
    see `plain_reason`)."""
    with db.read() as session:
        where = Outbox.status.in_(tuple(statuses))
        total = session.scalar(select(func.count()).select_from(Outbox).where(where)) or 0
        found = session.scalars(
            select(Outbox).where(where).order_by(Outbox.seq.desc()).limit(limit)
        )
        entries = list(found)
        labels = _labels(session, entries)
        rows = [_row(o, labels.get((o.entity, o.entity_id), ""), field_label) for o in entries]
    return OutboxList(rows, total)


def _row(o: Outbox, label: str, field_label: Callable[[str], str]) -> OutboxRow:
    result = json.loads(o.result) if o.result else {}
    status = "held" if o.status == "pending" and result.get("status") == "held" else o.status
    reason = str(result.get("reason") or "")
    shown = plain_reason(status, reason, field_label) if status != "pending" else ""
    fields = tuple(f for f in reason.split(",") if f) if status == "conflict" else ()
    return OutboxRow(o.seq, o.entity, o.entity_id, o.op, status, o.created_at, label, shown, fields)


def _labels(session: Session, entries: Iterable[Outbox]) -> dict[tuple[str, str], str]:
    """Whose record each change is about, in a few queries, from the declarations
    (app.protocol.entities): a record's `title_field`, or else that of the record its first
    link points to (a consent is named by its participant)."""
    tables = tables_by_entity()
    ids: dict[str, set[str]] = {}
    for o in entries:
        ids.setdefault(o.entity, set()).add(o.entity_id)
    owners: dict[tuple[str, str], tuple[str, str]] = {}  # record -> the record it points to
    for entity, wanted in list(ids.items()):
        spec, table = ENTITIES.get(entity), tables.get(entity)
        if spec is None or table is None or spec.title_field or not spec.links:
            continue
        field, target = spec.links[0]
        for chunk in chunks(sorted(wanted)):
            rows = session.execute(select(table.c.id, table.c[field]).where(table.c.id.in_(chunk)))
            for row_id, target_id in rows:
                if target_id:
                    owners[(entity, row_id)] = (target, target_id)
                    ids.setdefault(target, set()).add(target_id)
    labels: dict[tuple[str, str], str] = {}
    for entity, wanted in ids.items():
        spec, table = ENTITIES.get(entity), tables.get(entity)
        if spec is None or table is None or spec.title_field is None:
            continue
        title = table.c[spec.title_field]
        for chunk in chunks(sorted(wanted)):
            rows = session.execute(select(table.c.id, title).where(table.c.id.in_(chunk)))
            labels.update({(entity, row_id): str(name) for row_id, name in rows})
    labels.update({key: labels[owner] for key, owner in owners.items() if owner in labels})
    return labels


# --- demo only ----------------------------------------------------------------------------

DEMO_ONLY = Text("Hanya untuk kantor demo.", "Only for the demo office.")
DEMO_OFFLINE = Text(
    "Server tidak dapat dihubungi (Connection refused). Pekerjaan tetap tersimpan di komputer ini.",
    "The server cannot be reached (Connection refused). Work stays saved on this PC.",
)


def demo_link(db: Database, server_url: str) -> None:
    """DEMO ONLY (screenshots, user guide): make the demo office look linked to a server.

    Stores a link with a fake token (no request is ever made with it), a last success an
    hour ago and a failed try since, and marks the two oldest participant changes as
    rejected with reasons a real server gives. Refused on a real office, so it can never
    fake a link there.
    """
    now = db.clock()
    with db.write() as session:
        device = session.scalars(select(Device)).one()
        if not device.is_demo:
            raise StateError(DEMO_ONLY)
        session.merge(
            SyncLink(
                id=1,
                server_url=server_url,
                device_id=device.device_id,
                token="demo-not-a-token",
                office_code=device.office_code,
                is_hq=False,
                cursor=0,
                enrolled_at=now - timedelta(days=7),
                last_success_at=now - timedelta(hours=1),
                last_error=DEMO_OFFLINE.render(),
                last_error_at=now - timedelta(minutes=4),
                revoked=False,
            )
        )
        refused = session.scalars(
            select(Outbox)
            .where(Outbox.entity == "participant", Outbox.status == "pending")
            .order_by(Outbox.seq)
            .limit(2)
        ).all()
        for entry, reason in zip(
            refused,
            ("id already used by another record", "change number already used (restored backup?)"),
            strict=False,
        ):
            entry.status, entry.sent_at = "rejected", now - timedelta(hours=1)
            entry.result = json.dumps(
                {"seq": entry.seq, "mutation_id": entry.mutation_id, "status": "rejected"}
                | {"reason": reason, "record": None}
            )
