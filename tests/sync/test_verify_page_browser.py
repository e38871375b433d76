"""The certificate verification page in a real headless Chromium at phone width (issue #12).

A real server process (`loket server run --name …`, on SQLite, and on PostgreSQL where
LOKET_TEST_PG is set) and an office PC of JKT enrolled with a one-time code: a cohort runs
its days and finishes, its graduates' certificates are issued through
app.services.certificates.issue, one is revoked by a supervisor, and sync carries the PC's
public key, the certificates and the revocation to the server, as in an office. Chromium,
emulating a 390×844 phone, then opens what an employer's camera would open: the URL in the
QR code of a genuine certificate, of one whose name was changed, and of the revoked one.

Screenshots of those three land in tmp; with LOKET_VERIFY_SHOTS=DIR they are also written
to DIR as verify_valid.png, verify_revoked.png and verify_forged.png (the ones in
docs/screenshots:
`LOKET_VERIFY_SHOTS=docs/screenshots pytest tests/sync/test_verify_page_browser.py`).

Chromium and its driver come from Debian's packages (scripts/system-deps.sh); without them
the module is skipped, saying so.
"""

from __future__ import annotations

import base64
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import httpx
import pytest

from app.domain import certificates as rules
from app.domain.roles import Role
from app.services.actor import Actor
from tests.conftest import FakeClock
from tests.sync.conftest import backends, free_port, server_db_url

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
PHONE = (390, 844)  # CSS pixels of a common phone (iPhone 12-15)
NAME = "Loket Vokasi — BPJS Ketenagakerjaan Kanwil DKI Jakarta"
OFFICE = "JKT"
CLERK = Actor("loket.budi", Role.COUNTER, OFFICE, None, "Budi Loket")
SUPERVISOR = Actor("spv.rina", Role.SUPERVISOR, OFFICE, None, "Rina Supervisi")
PEOPLE = ("Siti Aminah", "Budi Santoso", "Dewi Lestari")
DOC_SHOTS = ("verify_valid.png", "verify_revoked.png", "verify_forged.png")
SHOTS_TMP = Path(os.environ.get("TMPDIR", "/tmp")) / "loket-verify-shots"
GREEN, RED, AMBER = "rgb(23, 122, 59)", "rgb(180, 35, 24)", "rgb(194, 65, 12)"

pytestmark = pytest.mark.skipif(
    not (os.access(CHROMIUM, os.X_OK) and os.access(CHROMEDRIVER, os.X_OK)),
    reason=f"needs Chromium and its driver ({CHROMIUM}, {CHROMEDRIVER}): "
    "apt-get install chromium chromium-driver (scripts/system-deps.sh)",
)


@dataclass(frozen=True)
class Site:
    """The server and what the office issued, as an employer would scan it."""

    url: str
    valid: str  # the QR text of a genuine certificate
    valid_name: str
    valid_number: str
    revoked: str
    revoked_name: str
    revoked_on: date
    private_key: bytes  # the PC's, to sign claims as it would
    key_id: str


def _spawn(db: str, port: int) -> subprocess.Popen[bytes]:
    """`loket server run` with a name of its own (tests.sync.conftest starts it without)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "server", "run", "--db", db, "--port", str(port),
         "--name", NAME],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                return process
        except httpx.TransportError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("sync server did not start")


def _office_pc(root: Path, url: str, engine: Any) -> SimpleNamespace:
    """Office JKT's counter 1, set up as `loket init` does and enrolled with a code."""
    from app.db import Database, upgrade
    from app.server.admin import make_enroll_code
    from app.services.office import initialise
    from app.sync import client

    home = root / "jkt-1"
    home.mkdir()
    upgrade(home / "loket.db", home / "backups")
    clock = FakeClock()
    db = Database(home / "loket.db", clock=clock)
    initialise(
        db,
        office_code=OFFICE,
        device_no=1,
        admin_username="admin",
        admin_full_name="Admin Loket",
        admin_password="Kantor2026",
        actor_label="cli:test",
    )
    client.enroll(db, url, make_enroll_code(engine, OFFICE))
    return SimpleNamespace(
        db=db,
        clock=clock,
        home=home,
        actors={"counter": CLERK, "supervisor": SUPERVISOR, "admin": CLERK},
    )


def _finished_cohort(pc: SimpleNamespace) -> tuple[str, date]:
    """A week's cohort three weeks ago, everyone present every day, all passed, finished.
    Every stamp lies in the past (a change stamped ahead of the server's clock is held)."""
    from app.services import enrolment
    from app.services.attendance import all_present
    from app.services.cohort_results import finish_cohort, record_result
    from tests.unit.cohort_support import at, cohort, fit_provider, person

    today = date.today()
    start = today - timedelta(days=today.weekday() + 21)  # a Monday three weeks ago
    end = start + timedelta(days=4)
    pid = fit_provider(pc, on=start - timedelta(days=30))
    at(pc, start - timedelta(days=5))
    cid = cohort(pc, pid, start=start, end=end)
    people = [person(pc, n, name) for n, name in enumerate(PEOPLE, start=1)]
    enrolment.enrol(pc.db, CLERK, cid, people)
    con = sqlite3.connect(pc.home / "loket.db")
    try:
        days = [
            date.fromisoformat(d)
            for (d,) in con.execute(
                "SELECT day FROM cohort_session WHERE cohort_id=? ORDER BY day", (cid,)
            )
        ]
    finally:
        con.close()
    for day in days:
        at(pc, day, hour=3)
        all_present(pc.db, CLERK, cid, day)
    at(pc, end + timedelta(days=1))
    for pid_ in people:
        record_result(pc.db, CLERK, cid, pid_, 85, "lulus")
    finish_cohort(pc.db, SUPERVISOR, cid)
    return cid, end


def _issued(home: Path) -> tuple[dict[str, tuple[str, str]], bytes, str]:
    """({number: (token, name)} of the PC's certificates, its private key, its key id)."""
    con = sqlite3.connect(home / "loket.db")
    try:
        rows = con.execute(
            "SELECT c.number, c.token, p.full_name FROM certificate c "
            "JOIN participant p ON p.id = c.participant_id ORDER BY c.number"
        ).fetchall()
        private, kid = con.execute("SELECT private_key, key_id FROM signing_key").fetchone()
    finally:
        con.close()
    return {str(n): (str(t), str(name)) for n, t, name in rows}, bytes(private), str(kid)


@pytest.fixture(scope="module", params=backends())
def site(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Site]:
    from app.server.db import make_server_engine
    from app.services import certificates
    from app.sync.client import run_cycle
    from tests.unit.cohort_support import at

    root = tmp_path_factory.mktemp(f"verify-{request.param}")
    db_url = server_db_url(root, request.param)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    process = _spawn(db_url, port)
    engine = make_server_engine(db_url)
    pc: SimpleNamespace | None = None
    try:
        pc = _office_pc(root, url, engine)
        cid, end = _finished_cohort(pc)
        at(pc, end + timedelta(days=3))
        numbers = certificates.issue(pc.db, CLERK, cid)
        assert len(numbers) == len(PEOPLE)
        at(pc, end + timedelta(days=6))
        gone = certificates.revoke(pc.db, CLERK, SUPERVISOR, numbers[1], "Nama salah ketik")
        report = run_cycle(pc.db)
        assert report.ok and not report.rejected and not report.pull_problems, report
        tokens, private, kid = _issued(pc.home)
        valid_number = numbers[0]
        with pc.db.read() as session:  # what the PC prints in the QR code: the page's URL
            qr = {n: certificates.qr_text(session, tokens[n][0]) for n in numbers}
        assert qr[valid_number].startswith(f"{url}/sertifikat/")
        yield Site(
            url=url,
            valid=qr[valid_number],
            valid_name=tokens[valid_number][1],
            valid_number=valid_number,
            revoked=qr[numbers[1]],
            revoked_name=tokens[numbers[1]][1],
            revoked_on=gone.revoked_on,
            private_key=private,
            key_id=kid,
        )
    finally:
        if pc is not None:
            pc.db.dispose()
        engine.dispose()
        process.terminate()
        process.wait(timeout=30)
        if db_url.startswith("postgresql"):
            import psycopg

            with psycopg.connect(os.environ["LOKET_TEST_PG"], autocommit=True) as conn:
                name = db_url.rsplit("/", 1)[1]
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--lang=id-ID"):
        options.add_argument(arg)
    options.add_experimental_option(
        "mobileEmulation",
        {"deviceMetrics": {"width": PHONE[0], "height": PHONE[1], "pixelRatio": 2.0}},
    )
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


def tampered(qr: str, name: str, forged: str) -> str:
    """The same URL with the name in the signed claims changed, as a forger who edits the
    code would; the signature is left as it was."""
    base, token = qr.rsplit("/", 1)
    body, signature = token.split(".")
    claims = rules._unb64(body)
    assert name.encode() in claims
    changed = claims.replace(name.encode(), forged.encode())
    return f"{base}/{rules._b64(changed)}.{signature}"


def open_page(driver: Any, url: str, shot: str) -> dict[str, Any]:
    """Open `url` and say what the phone shows: the verdict word, the banner's colour, the
    widths, the details, the console's complaints. A screenshot of the whole page is saved
    (and copied to LOKET_VERIFY_SHOTS)."""
    from selenium.webdriver.common.by import By

    driver.get(url)
    facts: dict[str, Any] = driver.execute_script(
        "return {scroll: document.documentElement.scrollWidth, inner: window.innerWidth,"
        " height: document.documentElement.scrollHeight,"
        " banner: getComputedStyle(document.querySelector('.verdict')).backgroundColor}"
    )
    status = driver.find_element(By.ID, "status")
    facts["status"] = status.text
    facts["status_visible"] = status.is_displayed()
    facts["details"] = {
        e.get_attribute("id")[2:]: e.text for e in driver.find_elements(By.CSS_SELECTOR, "dd")
    }
    facts["details_visible"] = all(
        e.is_displayed() for e in driver.find_elements(By.CSS_SELECTOR, "dd")
    )
    facts["text"] = driver.find_element(By.TAG_NAME, "body").text
    facts["console"] = [
        entry["message"]
        for entry in driver.get_log("browser")
        if entry["level"] in ("SEVERE", "WARNING") and "favicon" not in entry["message"]
    ]
    png = driver.execute_cdp_cmd(
        "Page.captureScreenshot",
        {
            "format": "png",
            "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": PHONE[0], "height": facts["height"], "scale": 1},
        },
    )["data"]
    _save(shot, base64.b64decode(png))
    return facts


def _save(name: str, png: bytes) -> None:
    """Keep a screenshot: always in tmp (to look at after a failure), and in
    LOKET_VERIFY_SHOTS when set. It is the phone's width at its pixel ratio of 2."""
    assert png.startswith(b"\x89PNG") and int.from_bytes(png[16:20], "big") == 2 * PHONE[0]
    folders = [SHOTS_TMP]
    if os.environ.get("LOKET_VERIFY_SHOTS") and name in DOC_SHOTS:
        folders.append(Path(os.environ["LOKET_VERIFY_SHOTS"]))
    for folder in folders:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(png)


def fits_the_phone(facts: dict[str, Any]) -> None:
    """The page is laid out for the phone's width (the viewport meta works: without it a
    mobile browser lays out 980 px) and needs no sideways scrolling."""
    assert facts["inner"] == PHONE[0], facts
    assert facts["scroll"] <= facts["inner"], facts
    assert facts["status_visible"]
    assert facts["console"] == []  # no CSP violation, no failed load


def test_a_genuine_certificate_says_sah_with_its_details(site: Site, browser: Any):
    facts = open_page(browser, site.valid, "verify_valid.png")
    assert facts["status"] == "SAH" and facts["banner"] == GREEN
    assert facts["details"]["name"] == site.valid_name
    assert facts["details"]["number"] == site.valid_number
    assert facts["details"]["result"] == "LULUS"
    assert facts["details"]["office"] == "DKI Jakarta (JKT)"
    assert set(facts["details"]) == {
        "number", "name", "birth_date", "module", "period", "result", "issued", "office",
    }  # fmt: skip
    assert facts["details_visible"]
    assert NAME in facts["text"] and "Apa artinya?" in facts["text"]
    assert "NIK" not in facts["text"].replace("NIK tidak ditampilkan", "")
    fits_the_phone(facts)


def test_a_certificate_with_its_name_changed_says_tidak_sah_and_shows_nothing(
    site: Site, browser: Any
):
    forged = "Bambang Sutrisno"
    facts = open_page(browser, tampered(site.valid, site.valid_name, forged), "verify_forged.png")
    assert facts["status"] == "TIDAK SAH" and facts["banner"] == RED
    assert facts["details"] == {}
    assert forged not in facts["text"] and site.valid_name not in facts["text"]
    assert site.valid_number not in facts["text"]
    assert "diubah atau dipalsukan" in facts["text"]
    fits_the_phone(facts)


def test_one_character_of_the_signature_changed_says_tidak_sah(site: Site, browser: Any):
    i = len(site.valid) - 20
    changed = site.valid[:i] + ("A" if site.valid[i] != "A" else "B") + site.valid[i + 1 :]
    facts = open_page(browser, changed, "verify_signature_changed.png")
    assert facts["status"] == "TIDAK SAH" and facts["details"] == {}
    fits_the_phone(facts)


def test_the_revoked_certificate_says_dicabut_with_its_date(site: Site, browser: Any):
    from app import formats

    facts = open_page(browser, site.revoked, "verify_revoked.png")
    assert facts["status"] == "DICABUT" and facts["banner"] == AMBER
    assert f"dicabut pada {formats.long_date(site.revoked_on, 'id')}." in facts["text"]
    assert facts["details"]["name"] == site.revoked_name  # genuine: its details are shown
    fits_the_phone(facts)


def test_a_long_hostile_name_stays_text_and_fits_the_phone(site: Site, browser: Any):
    """Claims the PC signed (with its own key) holding markup and a name without a space
    to break at: shown as text, no script runs, no sideways scroll."""
    name = "<script>alert(1)</script>" + "Wirjosoedarmo" * 8
    claims = rules.Claims(
        "SERT/JKT-1/2026/0999", name, date(1990, 8, 17), "<img src=x onerror=alert(2)>",
        date(2026, 5, 4), date(2026, 5, 15), "lulus", date(2026, 5, 20), site.key_id,
    )  # fmt: skip
    url = rules.page_url(site.url, rules.sign(claims, site.private_key))
    facts = open_page(browser, url, "verify_hostile.png")  # an alert would fail here
    assert facts["status"] == "SAH"
    assert facts["details"]["name"] == name
    assert facts["details"]["module"] == "<img src=x onerror=alert(2)>"
    fits_the_phone(facts)


def test_a_cut_off_code_says_tidak_terbaca(site: Site, browser: Any):
    facts = open_page(browser, site.valid[:-150], "verify_unreadable.png")
    assert facts["status"] == "TIDAK TERBACA" and facts["details"] == {}
    fits_the_phone(facts)
