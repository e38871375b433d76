"""The employer's verification page (issue #12 item 3; docs/certificates.md).

An employer scans a certificate's QR code with a phone camera; it holds
`<server>/sertifikat/<token>` (app.domain.certificates.page_url), so the phone opens this
page: no login, Indonesian, one big verdict (SAH, TIDAK SAH, DICABUT, TIDAK TERBACA) and
the certificate's public details. Programs ask the JSON twin, `/v1/verify/<token>`.

The verdict is the one rule every checker uses (`app.domain.certificates.judge`); this
module only says where the server finds the keys and revocations, in the records the office
PCs pushed:

- a key by its id: the `device_key` record `stable_id("device_key", key id)`. The device
  it names must be enrolled here, and when that device has been revoked, the key stays known
  with the day of the revocation: certificates issued up to that day stay valid, later ones
  are TIDAK SAH (a stolen PC signs nothing new that passes);
- a certificate's revocation by its number: the number names its office
  (`SERT/<OFFICE>-<N>/…`), only that office revokes, and a revocation's id is
  `stable_id("certificate_revocation", number, revoking device)`, so the candidates are one
  id per device of that office: primary-key look-ups, never a scan of JSON.

Every value shown comes from the signed claims, which are text an office PC wrote (a name
can hold `<script>`), so all of it is escaped; a forged or unknown certificate shows no
details at all, and nothing of what was sent is ever echoed. The page needs no script and
loads nothing from elsewhere (inline CSS under a strict Content-Security-Policy). It is
public, so each client address gets a token bucket (`RateLimit`); the database is read only
for requests the bucket lets through. Only requests carrying a readable token count: text
that is no token is answered at once, without a look-up.

No `from __future__ import annotations`: FastAPI reads the route annotations at run time.
"""

import html
import math
from datetime import UTC, date, datetime
from typing import Annotated

from babel.dates import format_date
from fastapi import FastAPI, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import BaseModel
from sqlalchemy import Engine

from app.domain import certificates as rules
from app.domain.offices import OFFICES_BY_CODE
from app.server.certificate_lookup import (
    LOCAL_ZONE,
    readable,
    verdict_of,
)
from app.server.rate_limit import RateLimit, RateLimiter, client_key

DEFAULT_SERVER_NAME = "Loket Vokasi — BPJS Ketenagakerjaan"
MAX_SERVER_NAME = 120


# Headers of every answer of the page: no script, no resource from elsewhere, no framing,
# no address (which holds the token) sent on, no copy kept by a browser or proxy, not indexed
# (the page shows a person's name and birth date).
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "X-Robots-Tag": "noindex, nofollow",
}

# What the status word, the banner's colour and its mark are for each verdict.
_LOOK = {
    rules.Status.VALID: ("valid", "✓"),
    rules.Status.REVOKED: ("revoked", "!"),
    rules.Status.BAD_SIGNATURE: ("invalid", "✕"),
    rules.Status.UNKNOWN_KEY: ("invalid", "✕"),
    rules.Status.KEY_REVOKED: ("invalid", "✕"),
    rules.Status.WRONG_SERIES: ("invalid", "✕"),
    rules.Status.MALFORMED: ("unreadable", "?"),
}
RESULT_TEXT = {"lulus": "LULUS"}


def _long(day: date) -> str:
    return str(format_date(day, "d MMMM y", locale="id_ID"))


def training_period(start: date, end: date) -> str:
    """The dates of a training as one text: "7–18 Desember 2026", "30 November – 11
    Desember 2026", or both dates in full across a year."""
    if start == end:
        return _long(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{_long(end)}"
    if start.year == end.year:
        return f"{format_date(start, 'd MMMM', locale='id_ID')} – {_long(end)}"
    return f"{_long(start)} – {_long(end)}"


def office_text(code: str | None) -> str:
    if not code:
        return ""
    office = OFFICES_BY_CODE.get(code)
    return f"{office.name} ({code})" if office else code


def details(verdict: rules.Verdict) -> list[tuple[str, str, str]]:
    """(key, label, value) of each public detail, as text; none unless the signature held.
    The claims have no NIK, and nothing but the claims and the key's office is shown."""
    c = verdict.claims
    if c is None:
        return []
    return [
        ("number", "Nomor sertifikat", c.number),
        ("name", "Nama", c.name),
        ("birth_date", "Tanggal lahir", _long(c.birth_date)),
        ("module", "Pelatihan", c.module),
        ("period", "Tanggal pelatihan", training_period(c.start, c.end)),
        ("result", "Hasil", RESULT_TEXT.get(c.result, c.result)),
        ("issued", "Tanggal terbit", _long(c.issued)),
        ("office", "Kantor penerbit", office_text(verdict.office_code)),
    ]


class CertificateDetails(BaseModel):
    """The signed public details of a certificate (dates as ISO text)."""

    number: str
    name: str
    birth_date: str
    module: str
    start: str
    end: str
    result: str
    issued: str
    office_code: str | None


class VerifyAnswer(BaseModel):
    """The JSON twin of the page: `status` is app.domain.certificates.Status, `verdict`
    the word the page shows, `details` only when the signature held."""

    status: str
    verdict: str
    valid: bool
    reason: str
    revoked_on: str | None
    details: CertificateDetails | None


def answer(verdict: rules.Verdict) -> VerifyAnswer:
    c = verdict.claims
    return VerifyAnswer(
        status=verdict.status.value,
        verdict=rules.STATUS_TEXT[verdict.status].render("id"),
        valid=verdict.valid,
        reason=verdict.reason("id"),
        revoked_on=verdict.revoked_on.isoformat() if verdict.revoked_on else None,
        details=(
            CertificateDetails(
                number=c.number,
                name=c.name,
                birth_date=c.birth_date.isoformat(),
                module=c.module,
                start=c.start.isoformat(),
                end=c.end.isoformat(),
                result=c.result,
                issued=c.issued.isoformat(),
                office_code=verdict.office_code,
            )
            if c is not None
            else None
        ),
    )


# -- the HTML ---------------------------------------------------------------------------

_CSS = """
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:#eef1f5;color:#1f2933;font:17px/1.5 system-ui,-apple-system,
"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",sans-serif}
.top{background:#17324d;color:#fff;padding:14px 18px}
.top .org{font-weight:700;font-size:1.05rem;overflow-wrap:anywhere}
.top .sub{font-size:.9rem;opacity:.85}
main{max-width:560px;margin:0 auto;padding:16px}
.verdict{border-radius:16px;padding:22px 18px 20px;text-align:center;color:#fff}
.valid .verdict{background:#177a3b}
.invalid .verdict{background:#b42318}
.revoked .verdict{background:#c2410c}
.unreadable .verdict{background:#52606d}
.mark{width:68px;height:68px;margin:0 auto 6px;border-radius:50%;border:4px solid #fff;
font-size:40px;font-weight:800;line-height:60px}
#status{margin:0;font-size:2.5rem;line-height:1.15;font-weight:800;letter-spacing:.03em}
.reason{margin:10px 0 0;font-size:1.02rem}
.reason strong{white-space:nowrap}
.checked{margin:12px 0 0;font-size:.8rem;opacity:.85}
.card{background:#fff;border-radius:16px;padding:16px 18px;margin-top:16px;
box-shadow:0 1px 3px rgba(15,23,42,.12)}
h2{margin:0 0 10px;font-size:1.05rem}
dl{margin:0}
dl div{padding:9px 0;border-top:1px solid #e4e7eb}
dl div:first-child{border-top:0;padding-top:0}
dt{font-size:.78rem;color:#616e7c;text-transform:uppercase;letter-spacing:.04em}
dd{margin:1px 0 0;font-size:1.08rem;font-weight:600;overflow-wrap:anywhere;
unicode-bidi:isolate}
.d-name dd{font-size:1.3rem}
.note{margin:12px 0 0;font-size:.92rem;color:#3e4c59}
.warn{border-left:6px solid #b42318}
.help ul{margin:0 -8px;padding:0;list-style:none;font-size:.95rem}
.help li{padding:7px 8px;border-top:1px solid #e4e7eb}
.help li:first-child{border-top:0}
.help li.now{background:#f1f4f8;border-radius:8px;font-weight:600}
.help li.now+li{border-top:0}
.tag{display:inline-block;padding:0 8px;border-radius:6px;color:#fff;font-weight:700;
font-size:.85rem}
.t-valid{background:#177a3b}.t-invalid{background:#b42318}.t-revoked{background:#c2410c}
.t-unreadable{background:#52606d}
form{display:flex;flex-direction:column;gap:10px}
label{font-weight:600}
textarea{width:100%;min-height:96px;padding:10px;font:inherit;font-size:1rem;
border:1px solid #9aa5b1;border-radius:10px}
button{padding:12px;font:inherit;font-weight:700;color:#fff;background:#17324d;border:0;
border-radius:10px}
a{color:#17324d}
footer{padding:4px 18px 28px;text-align:center;font-size:.82rem;color:#616e7c}
"""

_HELP = (
    ("valid", "SAH", "sertifikat asli dari program ini dan isinya tidak diubah."),
    (
        "invalid",
        "TIDAK SAH",
        "kode diubah atau dipalsukan, atau diterbitkan komputer yang sudah dicabut dari "
        "program. Jangan terima sertifikat ini.",
    ),
    (
        "revoked",
        "DICABUT",
        "sertifikat pernah asli tetapi sudah ditarik (misalnya salah data). Pemegangnya "
        "mungkin punya sertifikat pengganti dengan nomor lain.",
    ),
    (
        "unreadable",
        "TIDAK TERBACA",
        "kode terpotong atau bukan kode sertifikat. Pindai ulang kode QR pada sertifikat.",
    ),
)


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _document(title: str, server_name: str, body_class: str, body: str) -> str:
    name = _e(server_name)
    return (
        '<!DOCTYPE html>\n<html lang="id">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="robots" content="noindex, nofollow">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{_e(title)} — {name}</title>\n<style>{_CSS}</style>\n</head>\n"
        f'<body class="{body_class}">\n<header class="top"><div class="org">{name}</div>'
        '<div class="sub">Verifikasi Sertifikat Pelatihan</div></header>\n'
        f"<main>\n{body}</main>\n"
        f"<footer>{name}<br>Sertifikat pelatihan program ini bukan sertifikat kompetensi "
        "BNSP.</footer>\n</body>\n</html>\n"
    )


def _help(current: str | None = None) -> str:
    """What each verdict means for an employer; the one on the page is marked."""
    now = ' class="now"'
    items = "".join(
        f'<li{now if css == current else ""}><span class="tag t-{css}">{word}</span> '
        f"{_e(text)}</li>"
        for css, word, text in _HELP
    )
    return (
        '<section class="card help"><h2>Apa artinya?</h2>'
        f"<ul>{items}</ul>"
        '<p class="note">Halaman ini memeriksa tanda tangan digital pada kode QR sertifikat. '
        "Cocokkan juga data di atas dengan sertifikat kertas dan KTP pemegangnya. Jika ragu, "
        "hubungi kantor penerbit.</p></section>\n"
    )


def _reason(verdict: rules.Verdict) -> str:
    """The explanation line (REASON_TEXT), escaped; a revocation's day written out in full
    and in bold, so the banner carries the date (the JSON twin says it as DD/MM/YYYY)."""
    if verdict.revoked_on is None:
        return _e(verdict.reason("id"))
    mark = "\x00"  # no template holds it: the day goes in after escaping
    text = _e(rules.REASON_TEXT[verdict.status].render("id", revoked_on=mark))
    return text.replace(mark, f"<strong>{_e(_long(verdict.revoked_on))}</strong>")


def checked_text(moment: datetime) -> str:
    """ "Diperiksa 2 Desember 2026 pukul 09.15 WIB": an employer who keeps a screenshot of
    the page as proof keeps when it said so."""
    local = moment.astimezone(LOCAL_ZONE)
    return f"Diperiksa {_long(local.date())} pukul {local:%H.%M} WIB"


def render_verdict(
    verdict: rules.Verdict, server_name: str, home: str, checked_at: datetime | None = None
) -> str:
    """The page for one verdict. `home` is the address of the paste form (the app's root
    path + /sertifikat), offered when the code could not be read."""
    css, mark = _LOOK[verdict.status]
    word = rules.STATUS_TEXT[verdict.status].render("id")
    checked = checked_text(checked_at or datetime.now(UTC))
    parts = [
        f'<section class="verdict" aria-live="polite"><div class="mark" aria-hidden="true">'
        f'{mark}</div><h1 id="status">{_e(word)}</h1>'
        f'<p class="reason" id="reason">{_reason(verdict)}</p>'
        f'<p class="checked">{_e(checked)}</p></section>\n'
    ]
    shown = details(verdict)
    if shown:
        rows = "".join(
            f'<div class="d-{key}"><dt>{_e(label)}</dt><dd id="d-{key}">{_e(value)}</dd></div>'
            for key, label, value in shown
        )
        note = (
            "Sertifikat ini tidak berlaku lagi, walaupun datanya asli."
            if verdict.status is rules.Status.REVOKED
            else "Data ini tercantum dalam tanda tangan digital sertifikat. NIK tidak "
            "ditampilkan untuk melindungi data pribadi."
        )
        parts.append(
            f'<section class="card" id="details"><h2>Data sertifikat</h2><dl>{rows}</dl>'
            f'<p class="note">{note}</p></section>\n'
        )
    elif css == "invalid":
        parts.append(
            '<section class="card warn"><h2>Data tidak ditampilkan</h2><p class="note">'
            "Isi sertifikat ini tidak dapat dipastikan, jadi datanya tidak ditampilkan. "
            "Jangan terima sertifikat ini sebelum ada kepastian: mintalah sertifikat aslinya, "
            "atau tanyakan ke kantor yang tertulis di sertifikat.</p></section>\n"
        )
    else:
        parts.append(_form(home, "Pindai ulang kode QR, atau tempel kodenya di sini"))
    parts.append(_help(css))
    return _document(f"Sertifikat {word}", server_name, css, "".join(parts))


def _form(home: str, label: str) -> str:
    return (
        f'<section class="card"><form method="get" action="{_e(home)}">'
        f'<label for="kode">{_e(label)}</label>'
        '<textarea id="kode" name="kode" rows="4" autocomplete="off" autocapitalize="off" '
        'spellcheck="false" maxlength="3000"></textarea>'
        "<button type="
        '"submit">Periksa</button></form></section>\n'
    )


def render_form(server_name: str, home: str) -> str:
    """The page without a code: how to check one (scan, or paste the code)."""
    body = (
        '<section class="card"><h2>Periksa keaslian sertifikat</h2><p class="note">'
        "Pindai kode QR pada sertifikat dengan kamera ponsel: halaman hasilnya terbuka "
        "sendiri. Atau tempel kode atau alamat dari kode QR itu di bawah ini.</p></section>\n"
        + _form(home, "Kode atau alamat dari kode QR")
        + _help()
    )
    return _document("Verifikasi Sertifikat", server_name, "ask", body)


def render_too_many(server_name: str, retry_after: int) -> str:
    body = (
        '<section class="card"><h2>Terlalu banyak permintaan</h2><p class="note">'
        f"Alamat Anda memeriksa terlalu banyak sertifikat dalam waktu singkat. Tunggu "
        f"{retry_after} detik, lalu muat ulang halaman ini.</p></section>\n"
    )
    return _document("Terlalu banyak permintaan", server_name, "busy", body)


# -- the routes -------------------------------------------------------------------------


def mount(
    app: FastAPI,
    engine: Engine,
    server_name: str = DEFAULT_SERVER_NAME,
    limit: RateLimit | None = None,
) -> RateLimiter:
    """Add the page (`/sertifikat`, `/sertifikat/<token>`) and its JSON twin
    (`/v1/verify/<token>`) to `app`; the limiter they share is returned (tests look at it).
    A path parameter takes slashes too, so any address under /sertifikat/ is a verdict page
    (TIDAK TERBACA), never a 404 — but for a line break in the path (%0A), which Starlette's
    `path` does not take and no QR code holds (a converter of our own would need Starlette,
    which the project does not declare).

    The bucket counts the requests that carry a readable token, i.e. every one that reaches
    the database: text that is no token is answered without any look-up, and limiting it
    would only stop a fuzzer (tests/sync/test_api_fuzz.py) from reaching the page's logic."""
    limiter = RateLimiter(limit or RateLimit())
    name = " ".join(server_name.split())[:MAX_SERVER_NAME] or DEFAULT_SERVER_NAME

    def home(request: Request) -> str:
        return f"{request.scope.get('root_path', '')}/{rules.PAGE_PATH}"

    def page(body: str, status: int = 200, **headers: str) -> HTMLResponse:
        return HTMLResponse(body, status_code=status, headers={**SECURITY_HEADERS, **headers})

    def judged(request: Request, text: str) -> rules.Verdict | int:
        """The verdict on `text`, or the whole seconds to wait (for Retry-After)."""
        if not readable(text):
            return rules.Verdict(rules.Status.MALFORMED)
        wait = limiter.take(client_key(request))
        if wait > 0:
            return max(1, math.ceil(wait))
        return verdict_of(engine, text)

    def shown_page(request: Request, text: str) -> HTMLResponse:
        verdict = judged(request, text)
        if isinstance(verdict, int):
            return page(render_too_many(name, verdict), 429, **{"Retry-After": str(verdict)})
        return page(render_verdict(verdict, name, home(request)))

    @app.get(f"/{rules.PAGE_PATH}", response_class=HTMLResponse, tags=["verification"])
    def verify_form(request: Request, kode: Annotated[str | None, Query()] = None) -> HTMLResponse:
        """The form to paste a code into; with `kode`, the verdict on what was pasted."""
        if kode is None:
            return page(render_form(name, home(request)))
        return shown_page(request, kode)

    @app.get(
        f"/{rules.PAGE_PATH}/{{token:path}}", response_class=HTMLResponse, tags=["verification"]
    )
    def verify_page(request: Request, token: str) -> HTMLResponse:
        """The page a certificate's QR code opens: the verdict, and the public details of
        a genuine certificate."""
        return shown_page(request, token)

    @app.get("/v1/verify/{token:path}", response_model=VerifyAnswer, tags=["verification"])
    def verify_json(request: Request, token: str) -> JSONResponse:
        """The page's verdict for programs: {status, verdict, valid, reason, revoked_on,
        details}."""
        verdict = judged(request, token)
        if isinstance(verdict, int):
            return JSONResponse(
                {"detail": f"Terlalu banyak permintaan; coba lagi dalam {verdict} detik."},
                status_code=429,
                headers={**SECURITY_HEADERS, "Retry-After": str(verdict)},
            )
        return JSONResponse(answer(verdict).model_dump(), headers=SECURITY_HEADERS)

    return limiter
