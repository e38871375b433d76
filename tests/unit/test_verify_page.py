"""The employer's verification page (app.server.verify_page) over a real SQLite server
database, in-process: devices enrolled with real one-time codes, their public keys and
revocations put in through the server's own push path (app.server.apply.push_batch, what
`/v1/push` runs), then the page and its JSON twin asked through FastAPI's test client.

The same page in a real server process and a real headless Chromium:
tests/sync/test_verify_page_browser.py.
"""

from __future__ import annotations

import html
import re
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, update
from sqlalchemy.orm import Session

from app.domain import certificates as rules
from app.domain.ids import stable_id
from app.protocol.wire_fields import FIELDS
from app.server.admin import enroll, make_enroll_code
from app.server.api import create_app
from app.server.apply import push_batch
from app.server.certificate_lookup import known_key, revoked_on
from app.server.db import create_schema, make_server_engine
from app.server.models import Device
from app.server.policy import Mutation
from app.server.rate_limit import RateLimit, RateLimiter
from app.server.verify_page import SECURITY_HEADERS, training_period

PLENTY = RateLimit(per_minute=100_000, burst=100_000)  # the tests that are not about it
NIK = "3171011708900001"  # the person's NIK at the office: never on the page


@dataclass
class Pc:
    """An office PC as the server knows it: its enrolment, and its signing key."""

    engine: Engine
    device: Device
    office: str
    no: int
    private: bytes = field(default_factory=rules.new_private_key)
    seq: int = 0

    @property
    def public(self) -> bytes:
        return rules.public_key_of(self.private)

    @property
    def kid(self) -> str:
        return rules.key_id(self.public)

    def push(self, entity: str, entity_id: str, changes: dict[str, Any]) -> dict[str, Any]:
        """One insert through the server's push path, as `/v1/push` applies it."""
        self.seq += 1
        stamp = f"{int(time.time() * 1000):013d}-00000-{self.device.id}"
        changes = {"office_code": self.office, "created_at": "2026-06-01T02:00:00+00:00", **changes}
        mutation = Mutation(
            self.seq, str(uuid.uuid4()), entity, entity_id, "insert", 0, 1, stamp, self.office,
            changes,
        )  # fmt: skip
        results, _anchor = push_batch(self.engine, self.device, [mutation])
        return results[0]

    def publish_key(self) -> None:
        """The PC's `device_key` record, as app.services.signing_keys.own_key makes it."""
        result = self.push(
            "device_key",
            stable_id("device_key", self.kid),
            {
                "key_id": self.kid,
                "public_key": self.public.hex(),
                "device_id": self.device.id,
                "device_no": self.no,
                "made_at": "2026-06-01T02:00:00+00:00",
            },
        )
        assert result["status"] == "applied", result

    def send(self, token: str) -> None:
        """The certificate record of `token` as its PC syncs it (id from the number, as
        app.services.certificates.certificate_id makes it); fields the page does not read
        get a plain value of their kind (app.protocol.wire_fields)."""
        claims, _signed, _signature = rules.read(token)
        plain = {"str": "x", "text": "x", "int": 1, "date": "2026-06-01",
                 "datetime": "2026-06-01T02:00:00+00:00", "bool": False}  # fmt: skip
        changes = {f: plain[kind] for f, (kind, _size, null) in FIELDS["certificate"].items()
                   if not null and f not in ("office_code", "created_at")}  # fmt: skip
        changes.update(
            number=claims.number, token=token, key_id=claims.key_id,
            issued_on=claims.issued.isoformat(), device_id=self.device.id,
            enrollment_id=str(uuid.uuid4()), participant_id=str(uuid.uuid4()),
            cohort_id=str(uuid.uuid4()),
        )  # fmt: skip
        result = self.push("certificate", stable_id("certificate", claims.number), changes)
        assert result["status"] == "applied", result

    def number(self, seq: int, year: int = 2026) -> str:
        return f"SERT/{self.office}-{self.no}/{year}/{seq:04d}"

    def certificate(self, seq: int = 1, *, issued: date = date(2026, 6, 5), **over: Any) -> str:
        claims = rules.Claims(
            **{
                "number": self.number(seq),
                "name": "Siti Aminah",
                "birth_date": date(1990, 8, 17),
                "module": "Pengelasan SMAW Dasar",
                "start": date(2026, 5, 4),
                "end": date(2026, 5, 15),
                "result": "lulus",
                "issued": issued,
                "key_id": self.kid,
                **over,
            }
        )
        return rules.sign(claims, self.private)

    def revoke(self, number: str, on: str = "2026-06-20", *, by: Pc | None = None) -> dict:
        """A revocation as app.services.certificates.revoke writes it (pushed by `by`,
        this PC unless told)."""
        pc = by or self
        return pc.push(
            "certificate_revocation",
            stable_id("certificate_revocation", number, self.device.id),
            {
                "certificate_id": str(uuid.uuid4()),
                "number": number,
                "reason": "Nama peserta salah ketik",
                "revoked_on": on,
                "revoked_at": f"{on}T03:00:00+00:00",
                "requested_by": "loket.budi",
                "approved_by": "spv.rina",
                "device_id": pc.device.id,
            },
        )


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = make_server_engine(str(tmp_path / "server.db"))
    create_schema(engine)
    yield engine
    engine.dispose()


def new_pc(engine: Engine, office: str = "JKT", no: int = 1, publish: bool = True) -> Pc:
    device, _token = enroll(
        engine, make_enroll_code(engine, office), str(uuid.uuid4()), no, f"{office}-{no}", office
    )
    pc = Pc(engine, device, office, no)
    if publish:
        pc.publish_key()
    return pc


def store_as_is(engine: Engine, entity: str, entity_id: str, office: str, data: dict) -> None:
    """A record in the server's database as it is, past the push checks (one stored before
    rule 7 existed, or by a bug): the page must still not trust it."""
    from app.server.models import RecordState

    with Session(engine) as session, session.begin():
        session.add(
            RecordState(
                entity=entity, entity_id=entity_id, office_code=office, version=1,
                hlc="0000000000000-00000-x", data={"office_code": office, **data},
                field_versions={}, deleted=False, natural_key=None,
            )
        )  # fmt: skip


def revoke_device(engine: Engine, pc: Pc, at: datetime) -> None:
    """The admin's `loket server revoke`, at a moment the test chooses."""
    with Session(engine) as session, session.begin():
        session.execute(update(Device).where(Device.id == pc.device.id).values(revoked_at=at))


@pytest.fixture
def pc(engine: Engine) -> Pc:
    return new_pc(engine)


@pytest.fixture
def client(engine: Engine) -> TestClient:
    return TestClient(create_app(engine, server_name="Server Uji <Pusat>", verify_limit=PLENTY))


def status_of(page: str) -> str:
    found = re.search(r'<h1 id="status">([^<]*)</h1>', page)
    assert found is not None, page[:300]
    return found.group(1)


def shown(page: str, key: str) -> str | None:
    found = re.search(rf'<dd id="d-{key}">([^<]*)</dd>', page)
    return found.group(1) if found else None


def check(client: TestClient, token: str) -> tuple[str, str, dict[str, Any]]:
    """(verdict word on the page, the page, the JSON twin's answer) of one token."""
    page = client.get(f"/sertifikat/{token}")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    twin = client.get(f"/v1/verify/{token}")
    assert twin.status_code == 200
    body = twin.json()
    word = status_of(page.text)
    assert body["verdict"] == word  # the twin says what the page says
    return word, page.text, body


# -- the verdicts ---------------------------------------------------------------------


def test_a_genuine_certificate_is_sah_with_its_public_details_and_no_nik(client, pc):
    word, page, body = check(client, pc.certificate())
    assert word == "SAH"
    assert shown(page, "number") == "SERT/JKT-1/2026/0001"
    assert shown(page, "name") == "Siti Aminah"
    assert shown(page, "birth_date") == "17 Agustus 1990"
    assert shown(page, "module") == "Pengelasan SMAW Dasar"
    assert shown(page, "period") == "4–15 Mei 2026"
    assert shown(page, "result") == "LULUS"
    assert shown(page, "issued") == "5 Juni 2026"
    assert shown(page, "office") == "DKI Jakarta (JKT)"
    assert "Tanda tangan digital cocok" in page
    # the server's name, escaped; no NIK, masked or not, nor any 16-digit number
    assert "Server Uji &lt;Pusat&gt;" in page and "<Pusat>" not in page
    assert NIK not in page and "NIK:" not in page and not re.search(r"\d{16}", page)
    assert body["status"] == "valid" and body["valid"] is True
    assert body["details"] == {
        "number": "SERT/JKT-1/2026/0001",
        "name": "Siti Aminah",
        "birth_date": "1990-08-17",
        "module": "Pengelasan SMAW Dasar",
        "start": "2026-05-04",
        "end": "2026-05-15",
        "result": "lulus",
        "issued": "2026-06-05",
        "office_code": "JKT",
    }
    assert "nik" not in str(body).lower()


def test_the_page_also_opens_for_the_whole_url_pasted_into_the_form(client, pc):
    url = rules.page_url("https://vokasi.example.id", pc.certificate())
    page = client.get("/sertifikat", params={"kode": url})
    assert page.status_code == 200 and status_of(page.text) == "SAH"
    form = client.get("/sertifikat")
    assert form.status_code == 200 and 'name="kode"' in form.text
    assert 'id="status"' not in form.text


@pytest.mark.parametrize("tail", ["/", "?utm_source=wa", "#top"])
def test_what_a_qr_app_adds_to_the_address_does_not_matter(client, pc, tail):
    assert status_of(client.get(f"/sertifikat/{pc.certificate()}{tail}").text) == "SAH"


@pytest.mark.parametrize("where", ["claims", "signature"])
def test_one_character_changed_is_tidak_sah_and_shows_nothing(client, pc, where):
    token = pc.certificate()
    body_text, signature = token.split(".")
    if where == "claims":  # Siti -> Sita: the name an attacker wants, re-encoded
        claims = rules._unb64(body_text).replace(b"Siti", b"Sita")
        tampered = f"{rules._b64(claims)}.{signature}"
    else:
        i = len(signature) // 2
        tampered = (
            f"{body_text}.{signature[:i]}{'A' if signature[i] != 'A' else 'B'}{signature[i + 1 :]}"
        )
    assert sum(a != b for a, b in zip(token, tampered, strict=False)) >= 1
    word, page, body = check(client, tampered)
    assert word == "TIDAK SAH"
    assert "diubah atau dipalsukan" in page
    assert 'id="details"' not in page and "Sita" not in page and "Siti" not in page
    assert "SERT/JKT" not in page and "Pengelasan" not in page
    assert body["status"] == "bad_signature" and body["details"] is None


def test_a_key_the_server_does_not_know_is_tidak_sah(client, engine):
    stranger = new_pc(engine, "JKT", 2, publish=False)  # enrolled, but its key never pushed
    word, page, body = check(client, stranger.certificate(name="Budi Palsu"))
    assert word == "TIDAK SAH" and "tidak dikenal" in page
    assert "Budi Palsu" not in page and body["status"] == "unknown_key"
    assert body["details"] is None


def test_a_revoked_certificate_is_dicabut_with_the_date(client, pc):
    keep, gone = pc.certificate(1), pc.certificate(2)
    assert pc.revoke(pc.number(2), on="2026-06-20")["status"] == "applied"
    word, page, body = check(client, gone)
    assert word == "DICABUT"
    assert "telah dicabut pada <strong>20 Juni 2026</strong>." in page
    assert body["reason"] == "Sertifikat ini asli tetapi telah dicabut pada 20/06/2026."
    assert shown(page, "number") == "SERT/JKT-1/2026/0002"  # genuine: its details are shown
    assert body["status"] == "revoked" and body["revoked_on"] == "2026-06-20"
    assert body["valid"] is False and body["details"]["number"] == "SERT/JKT-1/2026/0002"
    assert check(client, keep)[0] == "SAH"  # the other certificate is untouched


def test_the_earliest_revocation_of_the_office_wins(engine, client):
    a, b = new_pc(engine, "JKT", 1), new_pc(engine, "JKT", 2)
    token = a.certificate(3)
    a.revoke(a.number(3), on="2026-07-02")
    b.revoke(a.number(3), on="2026-06-30")  # another counter of the office, earlier
    with Session(engine) as session:
        assert revoked_on(session, a.number(3)) == date(2026, 6, 30)
    assert check(client, token)[2]["revoked_on"] == "2026-06-30"


def test_another_offices_device_cannot_revoke_a_certificate(engine, client, pc):
    """A device of BTN pushes a revocation of a JKT number under the very id a JKT device's
    revocation would have: the server stores it (its own office's record), but the page
    takes revocations only from the certificate's office."""
    btn = new_pc(engine, "BTN", 1)
    # refused at the push (rule 7: a revocation names a number of the pusher's own office)
    assert pc.revoke(pc.number(1), by=btn)["status"] == "rejected"
    # and were it stored anyway, the page does not take it
    store_as_is(
        engine, "certificate_revocation",
        stable_id("certificate_revocation", pc.number(1), pc.device.id), "BTN",
        {"number": pc.number(1), "revoked_on": "2026-06-20", "device_id": btn.device.id},
    )  # fmt: skip
    assert check(client, pc.certificate(1))[0] == "SAH"


def test_a_revoked_pcs_key_stays_known_for_what_it_sent_up_to_that_day(engine, client, pc):
    before = pc.certificate(1, issued=date(2026, 6, 9))
    same_day = pc.certificate(2, issued=date(2026, 6, 10))
    after = pc.certificate(3, issued=date(2026, 6, 11), name="Sesudah Dicabut")
    backdated = pc.certificate(4, issued=date(2026, 6, 9), name="Tanggal Mundur")
    for token in (before, same_day, after):
        pc.send(token)
    assert check(client, after)[0] == "SAH"  # not revoked yet: any day is fine
    assert check(client, backdated)[0] == "SAH"  # nor is one the server never received
    revoke_device(engine, pc, datetime(2026, 6, 10, 3, 0, tzinfo=UTC))  # 10:00 in Jakarta
    assert check(client, before)[0] == "SAH"
    assert check(client, same_day)[0] == "SAH"
    word, page, body = check(client, after)  # signed after the day, though it was sent
    assert word == "TIDAK SAH" and "setelah komputer penerbitnya dicabut" in page
    assert "Sesudah Dicabut" not in page and body["status"] == "key_revoked"
    assert body["details"] is None
    # dated before the day but never sent before the PC was revoked: signed afterwards
    # by whoever holds the key, with a date of their choosing
    word, page, body = check(client, backdated)
    assert (word, body["status"]) == ("TIDAK SAH", "key_revoked")
    assert "Tanggal Mundur" not in page


def test_a_certificate_is_registered_only_under_its_own_number(engine, pc):
    from app.server.certificate_lookup import registered

    token = pc.certificate(1)
    pc.send(token)
    with Session(engine) as session:
        assert registered(session, pc.number(1))
        assert not registered(session, pc.number(2))
        assert not registered(session, "bukan nomor")


def test_the_day_of_a_device_revocation_is_the_day_in_western_indonesia(engine, pc):
    # 20:00 UTC on 10 June is 03:00 on 11 June in Jakarta
    revoke_device(engine, pc, datetime(2026, 6, 10, 20, 0, tzinfo=UTC))
    with Session(engine) as session:
        key = known_key(session, pc.kid)
    assert key is not None and key.revoked_on == date(2026, 6, 11) and key.office_code == "JKT"
    assert key.public_key == pc.public


def test_html_in_a_signed_name_is_shown_as_text(client, pc):
    name = '<script>alert(1)</script> O\'Neil & "Sons"'
    word, page, body = check(client, pc.certificate(name=name, module="<b>Las</b>"))
    assert word == "SAH"
    assert "<script>" not in page and "<b>Las</b>" not in page
    assert shown(page, "name") == (
        "&lt;script&gt;alert(1)&lt;/script&gt; O&#x27;Neil &amp; &quot;Sons&quot;"
    )
    assert body["details"]["name"] == name  # JSON carries the text itself


@pytest.mark.parametrize(
    "token",
    [
        "A" * 5000 + "." + "B" * 100,  # far longer than any token
        "bukan-sertifikat",
        "abc.def",
        "%3Cscript%3E.x",
        "a/b/c",
        "",
    ],
)
def test_what_is_no_token_is_tidak_terbaca_and_never_echoed(client, token):
    page = client.get(f"/sertifikat/{token}")
    assert page.status_code == 200
    assert status_of(page.text) == "TIDAK TERBACA"
    for piece in ("AAAAAAAAAA", "bukan-sertifikat", "abc", "<script", "a/b/c"):
        assert piece not in page.text
    assert 'name="kode"' in page.text  # the form to try again
    twin = client.get(f"/v1/verify/{token}")
    assert twin.status_code == 200 and twin.json()["status"] == "malformed"


def test_a_pasted_code_of_any_length_is_not_echoed(client):
    page = client.get("/sertifikat", params={"kode": "Z" * 5000})
    assert page.status_code == 200 and status_of(page.text) == "TIDAK TERBACA"
    assert "ZZZZ" not in page.text


# -- headers and the rate limit ------------------------------------------------------


def test_every_answer_carries_the_security_headers(engine, pc):
    tight = TestClient(create_app(engine, verify_limit=RateLimit(per_minute=60, burst=2)))
    token = pc.certificate()
    answers = [
        tight.get(f"/sertifikat/{token}"),
        tight.get("/sertifikat"),
        tight.get("/v1/verify/x"),
        tight.get("/sertifikat/x"),
        tight.get(f"/v1/verify/{token}"),
        tight.get(f"/sertifikat/{token}"),  # 429
    ]
    assert [a.status_code for a in answers] == [200, 200, 200, 200, 200, 429]
    for a in answers:
        for name, value in SECURITY_HEADERS.items():
            assert a.headers[name] == value, name
    csp = SECURITY_HEADERS["Content-Security-Policy"]
    assert csp.startswith("default-src 'none'; style-src 'unsafe-inline'")
    assert SECURITY_HEADERS["Cache-Control"] == "no-store"
    assert "<script" not in answers[0].text and "http" not in answers[0].text.split("<body")[0]
    assert 'name="viewport"' in answers[0].text and 'lang="id"' in answers[0].text


def test_the_rate_limit_answers_429_after_the_burst(engine, pc):
    token = pc.certificate()
    limited = TestClient(create_app(engine, verify_limit=RateLimit(per_minute=6, burst=3)))
    codes = [limited.get(f"/sertifikat/{token}").status_code for _ in range(3)]
    assert codes == [200, 200, 200]
    page = limited.get(f"/sertifikat/{token}")
    assert page.status_code == 429
    assert page.headers["retry-after"] == "10"  # 6 a minute: one every 10 s
    assert "Terlalu banyak permintaan" in page.text and "10 detik" in page.text
    assert token not in page.text
    twin = limited.get(f"/v1/verify/{token}")  # the twin takes from the same bucket
    assert twin.status_code == 429 and twin.headers["retry-after"] == "10"
    assert "Terlalu banyak" in twin.json()["detail"]
    assert limited.get("/health").status_code == 200  # the sync API is not limited


def test_the_default_limit_is_30_a_minute_with_a_burst_of_10(engine, pc):
    assert RateLimit() == RateLimit(per_minute=30, burst=10)
    app = TestClient(create_app(engine))
    forged = pc.certificate().split(".")[0] + "." + "A" * 86  # readable, wrongly signed
    codes = [app.get(f"/sertifikat/{forged}").status_code for _ in range(11)]
    assert codes == [200] * 10 + [429]
    assert app.get("/v1/verify/" + forged).headers["retry-after"] == "2"  # one every 2 s


def test_text_that_is_no_token_costs_nothing_from_the_bucket(engine, pc):
    """It is answered without a look-up, so a burst of it neither waits nor uses up the
    bucket of the employer's next real scan."""
    app = TestClient(create_app(engine, verify_limit=RateLimit(per_minute=1, burst=1)))
    for text in ("x", "A" * 5000, "abc.def", "bukan sertifikat"):
        for _ in range(5):
            assert app.get(f"/sertifikat/{text}").status_code == 200
            assert app.get("/sertifikat", params={"kode": text}).status_code == 200
    assert status_of(app.get(f"/sertifikat/{pc.certificate()}").text) == "SAH"
    assert app.get(f"/sertifikat/{pc.certificate()}").status_code == 429


def test_a_bucket_fills_again_with_time_and_each_address_has_its_own():
    now = [0.0]
    limiter = RateLimiter(RateLimit(per_minute=30, burst=2), clock=lambda: now[0])
    assert [limiter.take("1.2.3.4") for _ in range(2)] == [0, 0]
    assert limiter.take("1.2.3.4") == pytest.approx(2.0)  # one token every 2 s
    assert limiter.take("5.6.7.8") == 0
    now[0] += 2.0
    assert limiter.take("1.2.3.4") == 0
    assert limiter.take("1.2.3.4") > 0


def test_the_buckets_held_are_bounded():
    limiter = RateLimiter(RateLimit(per_minute=30, burst=1), clock=lambda: 0.0, max_clients=3)
    for n in range(10):
        limiter.take(f"10.0.0.{n}")
    assert len(limiter._buckets) == 3
    assert limiter.take("10.0.0.9") > 0  # the newest are the ones kept
    assert limiter.take("10.0.0.0") == 0  # an old one starts again with a full bucket


def test_a_rate_limit_needs_a_rate_and_a_burst():
    with pytest.raises(ValueError):
        RateLimit(per_minute=0)
    with pytest.raises(ValueError):
        RateLimit(burst=0)


# -- small pieces ---------------------------------------------------------------------


def test_training_dates_read_as_one_period():
    assert training_period(date(2026, 5, 4), date(2026, 5, 15)) == "4–15 Mei 2026"
    assert training_period(date(2026, 11, 30), date(2026, 12, 11)) == (
        "30 November – 11 Desember 2026"
    )
    assert training_period(date(2026, 12, 28), date(2027, 1, 8)) == (
        "28 Desember 2026 – 8 Januari 2027"
    )
    assert training_period(date(2026, 5, 4), date(2026, 5, 4)) == "4 Mei 2026"


def test_a_key_record_must_be_the_key_its_id_names(engine, client, pc):
    """A device pushes a key record under another key's id: `judge` finds that its key does
    not hash to the id, so certificates of that id are not trusted through it."""
    other = rules.public_key_of(rules.new_private_key())
    squat = rules.key_id(other)
    lying = {
        "key_id": squat,
        "public_key": pc.public.hex(),  # not the key with that id
        "device_id": pc.device.id,
        "device_no": 1,
        "made_at": "2026-06-01T02:00:00+00:00",
    }
    # refused at the push (rule 7: a key only under the id of the key it holds) ...
    assert pc.push("device_key", stable_id("device_key", squat), lying)["status"] == "rejected"
    # ... and were it stored anyway, `judge` finds the key does not hash to the id
    store_as_is(engine, "device_key", stable_id("device_key", squat), pc.office, lying)
    forged = rules.sign(
        rules.Claims(
            "SERT/JKT-1/2026/0009", "X", date(1990, 1, 1), "M", date(2026, 1, 1),
            date(2026, 1, 2), "lulus", date(2026, 1, 3), squat,
        ),
        pc.private,
    )  # fmt: skip
    assert check(client, forged)[0] == "TIDAK SAH"


def test_the_page_says_when_it_checked_in_western_indonesian_time():
    from app.server.verify_page import checked_text

    moment = datetime(2026, 12, 2, 20, 5, tzinfo=UTC)
    assert checked_text(moment) == "Diperiksa 3 Desember 2026 pukul 03.05 WIB"


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)
    | st.from_regex(r"[A-Za-z0-9_-]{1,400}\.[A-Za-z0-9_-]{1,100}", fullmatch=True)
)
def test_no_text_breaks_the_page_or_comes_back(client, text):
    """Any text pasted or put in the address: a page (never a 500), no details, and the text
    itself nowhere on it (unless the page holds it anyway, as it holds "sertifikat")."""
    page = client.get("/sertifikat", params={"kode": text})
    assert page.status_code == 200
    assert status_of(page.text) in ("TIDAK TERBACA", "TIDAK SAH")
    assert 'id="details"' not in page.text
    fixed = client.get("/sertifikat", params={"kode": ""}).text  # the page of no code
    if len(text.strip()) >= 6 and html.escape(text) not in fixed:
        assert html.escape(text) not in page.text
    twin = client.get("/v1/verify/" + quote(text, safe=""))
    if "\n" in text or text in (".", ".."):
        # a line break ends Starlette's path parameter; "." and ".." are no file names
        assert twin.status_code in (200, 404)
    else:
        assert twin.status_code == 200 and twin.json()["details"] is None


def test_every_verdict_has_its_look_on_the_page():
    """A verdict without a banner would end the page in an error (WRONG_SERIES had none)."""
    from app.server import verify_page

    assert set(verify_page._LOOK) == set(rules.Status)
