"""Periksa keaslian: is this certificate genuine? The second tab of Sertifikat.

An employer brings a certificate, or sends its photo: the clerk pastes the code or the
address the QR holds, or opens the photo or scan, whose QR is read here with zxing-cpp
(no camera app, no internet). `verify` judges it with the keys and revocations this office
holds — every office's, through sync — and the verdict shows big, in the colour a clerk
reads across the counter: SAH green, TIDAK SAH red, DICABUT amber with its date, TIDAK
TERBACA grey; then the details the signature vouches for, to compare with the paper and
the person (never a NIK: the QR holds none).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain import certificates as rules
from app.domain import cohorts as cohort_rules
from app.domain.offices import OFFICES_BY_CODE
from app.ui.context import AppContext
from app.ui.formats import fmt_date
from app.ui.forms import error_label
from app.ui.messages import error_text, report
from app.ui.pages.payment_list import shortcut_button
from app.ui.tasks import run_task
from app.ui.widgets import note

IMAGE_FILTER = "PNG, JPG (*.png *.jpg *.jpeg *.PNG *.JPG *.JPEG)"
# background, text colour of the verdict band
COLOURS = {
    rules.Status.VALID: ("#1e7b34", "#ffffff"),
    rules.Status.REVOKED: ("#f0b429", "#3d2c00"),
    rules.Status.BAD_SIGNATURE: ("#b3261e", "#ffffff"),
    rules.Status.UNKNOWN_KEY: ("#b3261e", "#ffffff"),
    rules.Status.KEY_REVOKED: ("#b3261e", "#ffffff"),
    rules.Status.WRONG_SERIES: ("#b3261e", "#ffffff"),
    rules.Status.MALFORMED: ("#5b6875", "#ffffff"),
}


@dataclass(frozen=True)
class PhotoRead:
    """What a photo gave: the image could not be opened, or the QR's text (None: no QR)."""

    opened: bool
    text: str | None = None


def read_qr(path: Path) -> PhotoRead:
    """The text of the QR code in a photo or scan (any thread: QImage is not a widget).

    The image goes to zxing-cpp as 8-bit grey, row by row with its own stride; where it
    finds several codes, a certificate's token wins over any other QR on the page."""
    import zxingcpp

    image = QImage(str(path))
    if image.isNull():
        return PhotoRead(opened=False)
    if image.hasAlphaChannel():  # a transparent PNG turns black in grey: lay it on white
        flat = QImage(image.size(), QImage.Format.Format_RGB32)
        flat.fill(QColor("white"))
        painter = QPainter(flat)
        painter.drawImage(0, 0, image)
        painter.end()
        image = flat
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = grey.width(), grey.height(), grey.bytesPerLine()
    pixels = bytes(grey.constBits())[: stride * height]
    view = zxingcpp.ImageView(pixels, width, height, zxingcpp.ImageFormat.Lum, stride)
    found = [
        b.text
        for b in zxingcpp.read_barcodes(
            view, formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
        )
        if b.text
    ]
    for text in found:
        try:
            rules.token_of(text)
        except rules.PayloadError:
            continue
        return PhotoRead(opened=True, text=text)
    return PhotoRead(opened=True, text=found[0] if found else None)


def office_text(code: str | None) -> str:
    if not code:
        return "–"
    info = OFFICES_BY_CODE.get(code)
    return f"{info.name} ({code})" if info else code


class VerifyPanel(QWidget):
    """The field, the two ways in, and the verdict; `verdict` is the last one shown."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.verdict: rules.Verdict | None = None
        self.source = ""  # where the code came from: typed, or a photo's file name
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 10, 8, 8)
        layout.setSpacing(8)
        row = QHBoxLayout()
        label = QLabel(self.tr("Code or address"))
        self.code = QLineEdit()
        self.code.setPlaceholderText(
            self.tr("Paste the code or the address the certificate's QR holds, then Enter")
        )
        self.code.setClearButtonEnabled(True)
        label.setBuddy(self.code)
        self.check_button = QPushButton(self.tr("Check"))
        self.check_button.setObjectName("primary")
        self.check_button.setAutoDefault(False)
        self.photo_button = shortcut_button(self.tr("Open a photo or scan…"), "Ctrl+Shift+O", self)
        row.addWidget(label)
        row.addWidget(self.code, 1)
        row.addWidget(self.check_button)
        row.addWidget(self.photo_button)
        layout.addLayout(row)
        self.error = error_label(self)
        layout.addWidget(self.error)
        layout.addWidget(
            note(
                self.tr(
                    "The check needs no internet: it uses the signing keys and revocations of "
                    "every office that reached this PC through sync."
                ),
                self,
            )
        )
        self.band = QFrame(self)
        self.band.setObjectName("verdictBand")
        band = QVBoxLayout(self.band)
        band.setContentsMargins(20, 12, 20, 12)
        band.setSpacing(2)
        self.verdict_label = QLabel(self.band)
        self.verdict_label.setStyleSheet("font-size: 26pt; font-weight: 700;")
        self.reason = QLabel(self.band)
        self.reason.setWordWrap(True)
        self.reason.setStyleSheet("font-size: 11pt;")
        band.addWidget(self.verdict_label)
        band.addWidget(self.reason)
        self.band.setVisible(False)
        layout.addWidget(self.band)
        self.details_box = QFrame(self)
        self.details_box.setObjectName("tile")
        self.form = QFormLayout(self.details_box)
        self.form.setContentsMargins(20, 12, 20, 12)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.form.setHorizontalSpacing(16)
        self.details: dict[str, QLabel] = {}
        for key, caption in (
            ("number", self.tr("Number")),
            ("name", self.tr("Name")),
            ("birth_date", self.tr("Date of birth")),
            ("module", self.tr("Training")),
            ("dates", self.tr("Training dates")),
            ("result", self.tr("Result")),
            ("issued", self.tr("Issued on")),
            ("office", self.tr("Issuing office")),
        ):
            value = QLabel()
            value.setStyleSheet("font-weight: 600;")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.form.addRow(caption, value)
            self.details[key] = value
        self.details_box.setVisible(False)
        layout.addWidget(self.details_box)
        self.read_from = note("", self)
        self.read_from.setVisible(False)
        layout.addWidget(self.read_from)
        layout.addStretch(1)

        self.code.returnPressed.connect(self.check)
        self.check_button.clicked.connect(self.check)
        self.photo_button.clicked.connect(self.choose_photo)

    # -- the two ways in --------------------------------------------------------------------
    def check(self) -> None:
        """Judge what the field holds (off the UI thread)."""
        text = self.code.text().strip()
        if not text:
            self._say(self.tr("Paste a certificate's code or address first."))
            return
        self.source = ""
        self._verify(text)

    def choose_photo(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Open a photo or scan of the certificate"), str(Path.home()), IMAGE_FILTER
        )
        if path:
            self.read_photo(Path(path))

    def read_photo(self, path: Path) -> None:
        """Read the QR of the photo or scan at `path`, then judge it."""
        from app.services.certificates import verify

        db = self.ctx.db

        def work(_p: Any, _c: Any) -> tuple[PhotoRead, rules.Verdict | None]:
            read = read_qr(path)
            return read, verify(db, read.text) if read.text else None

        def done(answer: tuple[PhotoRead, rules.Verdict | None]) -> None:
            read, verdict = answer
            if not read.opened:
                self._say(
                    self.tr("{name} could not be opened as an image (PNG or JPG).").format(
                        name=path.name
                    )
                )
            elif verdict is None or read.text is None:
                self._say(
                    self.tr(
                        "No QR code could be read in {name}. Take the photo closer, in good "
                        "light and straight on, so the whole QR code is sharp."
                    ).format(name=path.name)
                )
            else:
                self.code.setText(read.text)
                self.code.setCursorPosition(0)  # its start, as on the paper
                self.source = path.name
                self.show_verdict(verdict)

        self._start(work, done)

    def _verify(self, text: str) -> None:
        from app.services.certificates import verify

        db = self.ctx.db
        self._start(lambda _p, _c: verify(db, text), self.show_verdict)

    def _start(self, work: Any, done: Any) -> None:
        self.error.setVisible(False)
        self.check_button.setEnabled(False)
        self.photo_button.setEnabled(False)

        def finished(result: Any) -> None:
            self._idle()
            done(result)

        def failed(exc: BaseException) -> None:
            self._idle()
            report(exc)
            self._say(error_text(exc))

        run_task(work, on_done=finished, on_error=failed, owner=self)

    def _idle(self) -> None:
        self.check_button.setEnabled(True)
        self.photo_button.setEnabled(True)

    def _say(self, text: str) -> None:
        """A sentence under the field, in red; the last verdict goes (it was another code)."""
        self.verdict = None
        self.band.setVisible(False)
        self.details_box.setVisible(False)
        self.read_from.setVisible(False)
        self.error.setText(text)
        self.error.setVisible(True)

    # -- the verdict ---------------------------------------------------------------------------
    def show_verdict(self, verdict: rules.Verdict) -> None:
        self.verdict = verdict
        self.error.setVisible(False)
        word = rules.STATUS_TEXT[verdict.status].render()
        if verdict.status is rules.Status.REVOKED and verdict.revoked_on is not None:
            word = f"{word} · {fmt_date(verdict.revoked_on)}"
        self.verdict_label.setText(word)
        self.reason.setText(verdict.reason(_language()))
        back, fore = COLOURS[verdict.status]
        self.band.setStyleSheet(
            f"QFrame#verdictBand {{ background: {back}; border-radius: 6px; }}"
            f" QFrame#verdictBand QLabel {{ color: {fore}; background: transparent; }}"
        )
        self.band.setVisible(True)
        claims = verdict.claims
        if claims is not None:
            values = {
                "number": claims.number,
                "name": claims.name,
                "birth_date": fmt_date(claims.birth_date),
                "module": claims.module,
                "dates": f"{fmt_date(claims.start)} – {fmt_date(claims.end)}",
                "result": _result(claims.result),
                "issued": fmt_date(claims.issued),
                "office": office_text(verdict.office_code),
            }
            for key, value in values.items():
                self.details[key].setText(value)
        self.details_box.setVisible(claims is not None)
        self.read_from.setText(self.tr("Read from the QR code in {name}.").format(name=self.source))
        self.read_from.setVisible(bool(self.source))

    def focus_code(self) -> None:
        self.code.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.code.selectAll()


def _language() -> str:
    from app.ui.i18n import current_language

    return current_language()


def _result(result: str) -> str:
    """The signed result as the certificate prints it (LULUS)."""
    from PySide6.QtCore import QCoreApplication

    if result == cohort_rules.PASSED:
        return QCoreApplication.translate("VerifyPanel", "PASSED")
    return result.upper()
