"""Read and change the settings declared in app.config (stored per PC, audited)."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.config import SETTINGS, SETTINGS_BY_KEY, Setting
from app.db import Database
from app.domain.roles import Permission
from app.errors import ValidationError
from app.models import LocalSetting
from app.services.access import require
from app.services.actor import Actor
from app.services.uow import ChangeSummary, unit_of_work
from app.texts import Text

UNKNOWN = Text("Pengaturan tidak dikenal: {key}.", "Unknown setting: {key}.")
NOT_NUMBER = Text("Isi dengan angka bulat.", "Enter a whole number.")
OUT_OF_RANGE = Text("Isi angka antara {lo} dan {hi}.", "Enter a number from {lo} to {hi}.")
NOT_CHOICE = Text("Pilihan tidak dikenal.", "Unknown choice.")


def _decode(setting: Setting, raw: str | None) -> Any:
    if raw is None:
        return setting.default
    try:
        value = json.loads(raw)
    except ValueError:
        return setting.default
    return value if isinstance(value, setting.kind) else setting.default


def read_all(session: Session) -> dict[str, Any]:
    stored = {r.key: r.value for r in session.scalars(select(LocalSetting))}
    return {s.key: _decode(s, stored.get(s.key)) for s in SETTINGS}


def get_settings(db: Database) -> dict[str, Any]:
    with db.read() as session:
        return read_all(session)


def get_setting(db: Database, key: str) -> Any:
    return get_settings(db)[key]


def validate(key: str, value: Any) -> Any:
    """The value converted to the setting's type, or a ValidationError naming the field."""
    setting = SETTINGS_BY_KEY.get(key)
    if setting is None:
        raise ValidationError(UNKNOWN, field=key, key=key)
    if setting.kind is int:
        try:
            number = int(str(value).strip())
        except ValueError:
            raise ValidationError(NOT_NUMBER, field=key) from None
        lo, hi = setting.minimum, setting.maximum
        if (lo is not None and number < lo) or (hi is not None and number > hi):
            raise ValidationError(OUT_OF_RANGE, field=key, lo=lo, hi=hi)
        return number
    if setting.choices and value not in {c for c, _ in setting.choices}:
        raise ValidationError(NOT_CHOICE, field=key)
    if setting.kind is str and not setting.choices:
        text = " ".join(str(value).split())
        if setting.maximum is not None and len(text) > setting.maximum:
            raise ValidationError(TOO_LONG, field=key, n=setting.maximum)
        if key in URL_SETTINGS and text and not _is_web_address(text):
            raise ValidationError(NOT_URL, field=key)
        return text
    return setting.kind(value)


TOO_LONG = Text("Paling banyak {n} karakter.", "At most {n} characters.")
NOT_URL = Text(
    "Isi alamat web lengkap, mis. https://vokasi.example.id.",
    "Enter a full web address, e.g. https://vokasi.example.id.",
)
URL_SETTINGS = frozenset({"verify_url"})


def _is_web_address(text: str) -> bool:
    """http(s)://host[:port][/path], no spaces: it is printed inside every QR code."""
    from urllib.parse import urlsplit

    parts = urlsplit(text)
    return parts.scheme in ("http", "https") and bool(parts.hostname) and " " not in text


def update_settings(db: Database, actor: Actor, values: dict[str, Any]) -> ChangeSummary:
    """Validate every value first; write all or nothing."""
    require(db, actor, Permission.SETTINGS_EDIT)
    clean = {key: validate(key, value) for key, value in values.items()}
    with unit_of_work(db, actor) as uow:
        current = read_all(uow.session)
        changed = {k: v for k, v in clean.items() if current[k] != v}
        for key, value in changed.items():
            uow.session.merge(LocalSetting(key=key, value=json.dumps(value)))
        if changed:
            uow.audit(
                "settings.update",
                changes={k: [current[k], v] for k, v in changed.items()},
            )
    return uow.summary
