"""The signed payload of a training certificate (sertifikat pelatihan, DESIGN §6; issue #12).

A certificate's QR code carries a compact token anyone holding the issuing PC's public key
can check offline: `<claims>.<signature>`, both base64url without padding. The claims are
canonical JSON (a list, no spaces, UTF-8): version, number, name, birth date, module, first
and last training day, result, issue date and the id of the signing key. The signature is
Ed25519 over a fixed prefix and the claims' bytes, so a token cannot be replayed as another
kind of signed text. Where the office knows its central server, the token sits at the end
of a URL of the server's public page (`…/sertifikat/<token>`), so a phone camera opens it.

This module holds the rules only: making and reading tokens, and judging one against the
keys and revocations a caller knows (the office's database or the server's). A key id is
the first 8 bytes of SHA-256 over the raw public key, in hex: short in the QR, and a
forged key cannot take an existing id.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from app.domain.money import parse_number
from app.texts import Text

VERSION = 1
PREFIX = "SERT"
SIGNED_PREFIX = b"loket-vokasi/sertifikat/v1\n"
PAGE_PATH = "sertifikat"  # the server's public page: <server>/sertifikat/<token>
MAX_TOKEN = 1500  # a real token is 250-450 characters; anything longer is not one
_TOKEN = re.compile(r"^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$")


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def key_id(public_key: bytes) -> str:
    return hashlib.sha256(public_key).hexdigest()[:16]


def new_private_key() -> bytes:
    """A fresh Ed25519 private key as its 32 raw bytes."""
    from cryptography.hazmat.primitives import serialization

    return Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.Raw,
        serialization.PrivateFormat.Raw,
        serialization.NoEncryption(),
    )


def public_key_of(private_key: bytes) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return (
        Ed25519PrivateKey.from_private_bytes(private_key)
        .public_key()
        .public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    )


@dataclass(frozen=True)
class Claims:
    """What the certificate says, signed: enough for an employer to compare with the paper
    and with the person in front of them (no NIK: the QR is readable by anyone)."""

    number: str
    name: str
    birth_date: date
    module: str
    start: date
    end: date
    result: str
    issued: date
    key_id: str

    def canonical(self) -> bytes:
        return json.dumps(
            [
                VERSION,
                self.number,
                self.name,
                self.birth_date.isoformat(),
                self.module,
                self.start.isoformat(),
                self.end.isoformat(),
                self.result,
                self.issued.isoformat(),
                self.key_id,
            ],
            ensure_ascii=False,
            separators=(",", ":"),
        ).encode("utf-8")


def sign(claims: Claims, private_key: bytes) -> str:
    """The token for `claims`, signed with `private_key` (32 raw bytes)."""
    body = claims.canonical()
    signature = Ed25519PrivateKey.from_private_bytes(private_key).sign(SIGNED_PREFIX + body)
    return f"{_b64(body)}.{_b64(signature)}"


def page_url(server: str, token: str) -> str:
    """The URL of the server's public page for `token` (server: its base address)."""
    return f"{server.rstrip('/')}/{PAGE_PATH}/{token}"


class PayloadError(ValueError):
    """Not a certificate token at all (cut off, mistyped, some other QR code)."""


def token_of(text: str) -> str:
    """The token in what was pasted or scanned: a bare token, or a URL ending in one."""
    text = text.strip()
    if "/" in text:
        text = text.split("?", 1)[0].split("#", 1)[0].rstrip("/").rsplit("/", 1)[-1]
    if len(text) > MAX_TOKEN or not _TOKEN.match(text):
        raise PayloadError(text[:40])
    return text


def read(text: str) -> tuple[Claims, bytes, bytes]:
    """(claims, signed bytes, signature) of a token or URL; PayloadError when it is none.
    The claims are NOT yet trusted: `judge` checks the signature."""
    token = token_of(text)
    body_text, signature_text = token.split(".")
    try:
        body = _unb64(body_text)
        signature = _unb64(signature_text)
        fields = json.loads(body.decode("utf-8"))
    except (binascii.Error, ValueError, UnicodeDecodeError) as exc:
        raise PayloadError(token[:40]) from exc
    if _b64(body) != body_text or _b64(signature) != signature_text:
        # The last character's unused bits set: another spelling of the same bytes. One
        # code, one spelling, so no character of a certificate's code can change unnoticed.
        raise PayloadError(token[:40])
    if (
        not isinstance(fields, list)
        or len(fields) != 10
        or fields[0] != VERSION
        or not all(isinstance(f, str) for f in fields[1:])
        or len(signature) != 64
    ):
        raise PayloadError(token[:40])
    try:
        claims = Claims(
            number=fields[1],
            name=fields[2],
            birth_date=date.fromisoformat(fields[3]),
            module=fields[4],
            start=date.fromisoformat(fields[5]),
            end=date.fromisoformat(fields[6]),
            result=fields[7],
            issued=date.fromisoformat(fields[8]),
            key_id=fields[9],
        )
    except ValueError as exc:
        raise PayloadError(token[:40]) from exc
    return claims, SIGNED_PREFIX + body, signature


class Status(StrEnum):
    VALID = "valid"  # SAH
    REVOKED = "revoked"  # DICABUT: genuine, withdrawn later
    BAD_SIGNATURE = "bad_signature"  # TIDAK SAH: changed or forged
    UNKNOWN_KEY = "unknown_key"  # TIDAK SAH: no device of the programme holds this key
    KEY_REVOKED = "key_revoked"  # TIDAK SAH: signed after its PC was taken out of service
    WRONG_SERIES = "wrong_series"  # TIDAK SAH: a number outside the signing PC's series
    MALFORMED = "malformed"  # not a certificate code at all


STATUS_TEXT = {
    Status.VALID: Text("SAH", "VALID"),
    Status.REVOKED: Text("DICABUT", "REVOKED"),
    Status.BAD_SIGNATURE: Text("TIDAK SAH", "NOT VALID"),
    Status.UNKNOWN_KEY: Text("TIDAK SAH", "NOT VALID"),
    Status.KEY_REVOKED: Text("TIDAK SAH", "NOT VALID"),
    Status.WRONG_SERIES: Text("TIDAK SAH", "NOT VALID"),
    Status.MALFORMED: Text("TIDAK TERBACA", "UNREADABLE"),
}
REASON_TEXT = {
    Status.VALID: Text(
        "Tanda tangan digital cocok dengan kunci kantor penerbit.",
        "The digital signature matches the issuing office's key.",
    ),
    Status.REVOKED: Text(
        "Sertifikat ini asli tetapi telah dicabut pada {revoked_on}.",
        "This certificate is genuine but was revoked on {revoked_on}.",
    ),
    Status.BAD_SIGNATURE: Text(
        "Tanda tangan digital tidak cocok: isi sertifikat telah diubah atau dipalsukan.",
        "The digital signature does not match: the certificate was changed or forged.",
    ),
    Status.UNKNOWN_KEY: Text(
        "Kunci penanda tangan tidak dikenal oleh program ini.",
        "The signing key is not known to the programme.",
    ),
    Status.KEY_REVOKED: Text(
        "Diterbitkan setelah komputer penerbitnya dicabut dari program.",
        "Issued after its issuing computer was taken out of the programme.",
    ),
    Status.WRONG_SERIES: Text(
        "Nomor sertifikat bukan dari seri komputer yang menandatanganinya.",
        "The certificate's number is not of the signing computer's series.",
    ),
    Status.MALFORMED: Text(
        "Kode ini bukan kode sertifikat Loket Vokasi (terpotong atau salah ketik).",
        "This is not a Loket Vokasi certificate code (cut off or mistyped).",
    ),
}


@dataclass(frozen=True)
class KnownKey:
    """A public key the verifier holds, and when its PC was taken out of service (if)."""

    public_key: bytes
    office_code: str
    revoked_on: date | None = None
    device_no: int | None = None  # the signing PC's number: its series SERT/<OFFICE>-<NO>/


@dataclass(frozen=True)
class Verdict:
    status: Status
    claims: Claims | None = None  # shown only when the signature holds
    revoked_on: date | None = None
    office_code: str | None = None

    @property
    def valid(self) -> bool:
        return self.status is Status.VALID

    def reason(self, lang: str = "id") -> str:
        shown = self.revoked_on.strftime("%d/%m/%Y") if self.revoked_on else ""
        return REASON_TEXT[self.status].render(lang, revoked_on=shown)


def judge(
    text: str,
    key: Callable[[str], KnownKey | None],
    revoked: Callable[[str], date | None],
    registered: Callable[[str], bool] | None = None,
) -> Verdict:
    """What a token or URL is worth: `key(key_id)` gives a known key, `revoked(number)`
    the day a certificate was revoked. The claims are returned only when the signature
    holds (a forged one shows nothing an attacker wrote).

    A key whose PC was revoked keeps the certificates it signed before: issued on or
    before that day and — where the checker holds the certificates themselves (the
    server: `registered(number)`) — among those the PC sent before it was revoked. The
    issue date alone is the signer's word: whoever holds a revoked PC's key could
    backdate a new certificate."""
    try:
        claims, signed, signature = read(text)
    except PayloadError:
        return Verdict(Status.MALFORMED)
    known = key(claims.key_id)
    if known is None or key_id(known.public_key) != claims.key_id:
        return Verdict(Status.UNKNOWN_KEY)
    try:
        Ed25519PublicKey.from_public_bytes(known.public_key).verify(signature, signed)
    except InvalidSignature:
        return Verdict(Status.BAD_SIGNATURE)
    if not _own_series(claims.number, known):
        return Verdict(Status.WRONG_SERIES, office_code=known.office_code)
    if known.revoked_on is not None and (
        claims.issued > known.revoked_on
        or (registered is not None and not registered(claims.number))
    ):
        return Verdict(Status.KEY_REVOKED, office_code=known.office_code)
    revoked_on = revoked(claims.number)
    if revoked_on is not None:
        return Verdict(Status.REVOKED, claims, revoked_on, known.office_code)
    return Verdict(Status.VALID, claims, office_code=known.office_code)


def _own_series(number: str, known: KnownKey) -> bool:
    """A PC signs numbers of its own series only (`SERT/<OFFICE>-<NO>/…`): a JKT key that
    signs a BTN number would be shown as JKT's while its revocations are looked up at BTN."""
    parsed = parse_number(number)
    if parsed is None or parsed[0] != PREFIX or parsed[1] != known.office_code:
        return False
    return known.device_no is None or parsed[2] == known.device_no
