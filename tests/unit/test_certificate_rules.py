"""The signed certificate token (app.domain.certificates): made, read back from a bare
token or a URL, and judged — every verdict reached, each at its edge."""

from __future__ import annotations

import base64
import json
from datetime import date

import pytest

from app.domain import certificates as rules

PRIVATE = rules.new_private_key()
PUBLIC = rules.public_key_of(PRIVATE)
KID = rules.key_id(PUBLIC)
OTHER = rules.new_private_key()


def claims(**changes: object) -> rules.Claims:
    base: dict[str, object] = {
        "number": "SERT/JKT-1/2026/0007",
        "name": "Siti Nurhaliza Ratnasari",
        "birth_date": date(1990, 8, 17),
        "module": "Teknisi Pendingin Ruangan (AC)",
        "start": date(2026, 3, 2),
        "end": date(2026, 3, 27),
        "result": "lulus",
        "issued": date(2026, 4, 1),
        "key_id": KID,
    }
    base.update(changes)
    return rules.Claims(**base)  # type: ignore[arg-type]


def keys(revoked_on: date | None = None) -> dict[str, rules.KnownKey]:
    return {KID: rules.KnownKey(PUBLIC, "JKT", revoked_on)}


def judge(
    text: str, known: dict[str, rules.KnownKey] | None = None, gone: dict[str, date] | None = None
) -> rules.Verdict:
    held = keys() if known is None else known
    return rules.judge(text, held.get, (gone or {}).get)


def reencode(token: str, change: str, to: str) -> str:
    """The token with its claims text edited and base64-encoded again (signature kept)."""
    body, signature = token.split(".")
    raw = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)).decode()
    assert change in raw
    edited = base64.urlsafe_b64encode(raw.replace(change, to).encode()).rstrip(b"=").decode()
    return f"{edited}.{signature}"


def test_a_signed_token_is_valid_and_gives_back_every_claim():
    token = rules.sign(claims(), PRIVATE)
    verdict = judge(token)
    assert verdict.valid and verdict.status is rules.Status.VALID
    assert verdict.claims == claims()
    assert verdict.office_code == "JKT"


def test_the_token_is_compact_and_canonical():
    """The same claims always give the same bytes (anyone can re-check them), and a token
    fits a QR code a phone reads from a printed page."""
    token = rules.sign(claims(), PRIVATE)
    body = json.loads(base64.urlsafe_b64decode(token.split(".")[0] + "=="))
    assert body == [
        1,
        "SERT/JKT-1/2026/0007",
        "Siti Nurhaliza Ratnasari",
        "1990-08-17",
        "Teknisi Pendingin Ruangan (AC)",
        "2026-03-02",
        "2026-03-27",
        "lulus",
        "2026-04-01",
        KID,
    ]
    assert claims().canonical() == claims().canonical()
    assert len(token) < 400
    assert "=" not in token and "+" not in token and "/" not in token


@pytest.mark.parametrize(
    ("change", "to"),
    [("Siti", "Sita"), ("2026/0007", "2026/0008"), ("lulus", "LULUS"), ("1990", "1991")],
)
def test_one_character_changed_breaks_the_signature_and_shows_nothing(change, to):
    forged = reencode(rules.sign(claims(), PRIVATE), change, to)
    verdict = judge(forged)
    assert verdict.status is rules.Status.BAD_SIGNATURE
    assert verdict.claims is None and not verdict.valid


def test_a_signature_byte_changed_is_a_bad_signature():
    token = rules.sign(claims(), PRIVATE)
    body, signature = token.split(".")
    flipped = ("B" if signature[5] == "A" else "A").join((signature[:5], signature[6:]))
    assert judge(f"{body}.{flipped}").status is rules.Status.BAD_SIGNATURE


def test_a_key_nobody_knows_is_not_valid():
    stranger = rules.key_id(rules.public_key_of(OTHER))
    token = rules.sign(claims(key_id=stranger), OTHER)
    assert judge(token).status is rules.Status.UNKNOWN_KEY


def test_a_forger_naming_a_known_key_id_with_his_own_key_fails():
    token = rules.sign(claims(), OTHER)  # claims the office's key id, signed by another key
    assert judge(token).status is rules.Status.BAD_SIGNATURE


def test_a_key_held_under_the_wrong_id_is_not_trusted():
    """The key id is derived from the key: a store that maps an id to another key (a
    tampered copy) does not make a certificate valid."""
    token = rules.sign(claims(), OTHER)
    swapped = {KID: rules.KnownKey(rules.public_key_of(OTHER), "JKT")}
    assert judge(token, swapped).status is rules.Status.UNKNOWN_KEY


def test_a_revoked_certificate_is_genuine_but_revoked_with_its_date():
    token = rules.sign(claims(), PRIVATE)
    verdict = judge(token, gone={"SERT/JKT-1/2026/0007": date(2026, 5, 2)})
    assert verdict.status is rules.Status.REVOKED
    assert verdict.revoked_on == date(2026, 5, 2) and verdict.claims == claims()
    assert "02/05/2026" in verdict.reason("id")
    assert rules.STATUS_TEXT[verdict.status].render("id") == "DICABUT"


def test_another_certificates_revocation_does_not_touch_this_one():
    token = rules.sign(claims(), PRIVATE)
    assert judge(token, gone={"SERT/JKT-1/2026/0008": date(2026, 5, 2)}).valid


def test_a_revoked_pcs_key_keeps_its_old_certificates_and_signs_nothing_new():
    revoked = keys(revoked_on=date(2026, 4, 1))
    on_the_day = rules.sign(claims(issued=date(2026, 4, 1)), PRIVATE)
    day_after = rules.sign(claims(issued=date(2026, 4, 2)), PRIVATE)
    assert judge(on_the_day, revoked).valid
    assert judge(day_after, revoked).status is rules.Status.KEY_REVOKED
    assert judge(day_after, revoked).claims is None


@pytest.mark.parametrize(
    "wrap",
    [
        "{}",
        "  {}\n",
        "https://vokasi.example.id/sertifikat/{}",
        "https://vokasi.example.id/sertifikat/{}/",
        "http://10.0.0.5:8765/sertifikat/{}?utm=x",
        "https://vokasi.example.id/sertifikat/{}#top",
    ],
)
def test_a_token_is_read_bare_or_inside_the_pages_url(wrap):
    token = rules.sign(claims(), PRIVATE)
    assert judge(wrap.format(token)).valid


def test_page_url_puts_the_token_after_the_servers_address():
    assert rules.page_url("https://a.id/", "x.y") == "https://a.id/sertifikat/x.y"
    assert rules.page_url("https://a.id/loket", "x.y") == "https://a.id/loket/sertifikat/x.y"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "hello",
        "abc.def",  # base64 of no JSON list
        "!!!.???",
        "a" * (rules.MAX_TOKEN + 1) + ".b",
        base64.urlsafe_b64encode(b'[2,"a"]').decode().rstrip("=") + ".AAAA",
        base64.urlsafe_b64encode(json.dumps([1] + ["x"] * 9).encode()).decode().rstrip("=")
        + "."
        + "A" * 86,  # right shape, dates that are not dates
        base64.urlsafe_b64encode(b"\xff\xfe").decode().rstrip("=") + "." + "A" * 86,
    ],
)
def test_anything_else_is_unreadable_never_an_error(text):
    verdict = judge(text)
    assert verdict.status is rules.Status.MALFORMED and verdict.claims is None
    assert "bukan kode sertifikat" in verdict.reason("id")


def test_a_longest_token_still_reads():
    long_claims = claims(name="N" * 150, module="M" * 150)
    token = rules.sign(long_claims, PRIVATE)
    assert len(token) <= rules.MAX_TOKEN
    assert judge(token).valid


def test_a_revoked_pcs_backdated_certificate_fails_where_the_certificates_are_known():
    """The server holds every certificate a PC sent before its revocation: one it never
    received, though dated before the revocation, was signed afterwards with the key."""
    revoked = keys(revoked_on=date(2026, 4, 1))
    backdated = rules.sign(claims(number="SERT/JKT-1/2026/0099"), PRIVATE)
    sent = rules.sign(claims(), PRIVATE)
    held = {"SERT/JKT-1/2026/0007"}
    assert rules.judge(sent, revoked.get, {}.get, held.__contains__).valid
    verdict = rules.judge(backdated, revoked.get, {}.get, held.__contains__)
    assert verdict.status is rules.Status.KEY_REVOKED
    assert rules.judge(backdated, keys().get, {}.get, held.__contains__).valid  # key not revoked


def test_every_single_character_change_of_a_token_is_caught():
    """Base64 can spell the same bytes twice (unused bits of the last character): only the
    one spelling is accepted, so no character of a printed code changes unnoticed."""
    token = rules.sign(claims(), PRIVATE)
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    for i, ch in enumerate(token):
        if ch == ".":
            continue
        for other in alphabet:
            if other != ch:
                changed = token[:i] + other + token[i + 1 :]
                assert not judge(changed).valid, (i, ch, other)


@pytest.mark.parametrize(
    ("number", "device_no", "valid"),
    [
        ("SERT/JKT-1/2026/0007", 1, True),
        ("SERT/JKT-1/2026/0007", None, True),  # a checker that does not know the PC's number
        ("SERT/JKT-2/2026/0007", 1, False),  # another PC of the office
        ("SERT/BTN-1/2026/0007", 1, False),  # another office
        ("KW/JKT-1/2026/0007", 1, False),  # a receipt number
        ("sertifikat palsu", 1, False),
    ],
)
def test_a_pc_signs_only_numbers_of_its_own_series(number, device_no, valid):
    """A JKT key signing a BTN number would be shown as JKT's certificate while its
    revocations are looked up at BTN."""
    known = {KID: rules.KnownKey(PUBLIC, "JKT", None, device_no)}
    verdict = rules.judge(rules.sign(claims(number=number), PRIVATE), known.get, {}.get)
    assert verdict.valid is valid
    if not valid:
        assert verdict.status is rules.Status.WRONG_SERIES and verdict.claims is None
