"""The monthly report as titled tables (app.services.report_views → what is drawn).

The PDF (app.documents.monthly_report), the workbook (app.services.report_xlsx) and the
Laporan page all draw the same `ReportTable`s in the same order, so a figure has one
caption and one place whatever the format: the workbook's sheet "Uang saku" holds exactly
the PDF's table "Uang saku dibayar". Cells keep their type (int, rupiah as int, a rate as
a Fraction, a day as a date) and each column says its kind, so the workbook writes
numbers a branch head can sum and the PDF formats them the Indonesian way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from app import formats
from app.domain.followups import Rate
from app.services.report_views import MonthlyReport, OutcomeRow, ratio
from app.texts import Text

Cell = str | int | Fraction | date | None

TEXT, NUMBER, MONEY, PERCENT, DAY = "text", "number", "money", "percent", "day"
_RATE_FIELDS = ("reached", "unreachable", "open", "working", "self_employed")


@dataclass(frozen=True)
class Column:
    title: str
    kind: str = NUMBER  # text | number | money | percent | day


@dataclass(frozen=True)
class ReportTable:
    """One table: `key` names it for code and tests, `sheet` is its workbook sheet's name
    (at most 31 characters, Excel's limit), `note` says what it counts."""

    key: str
    title: str
    sheet: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    total: tuple[Cell, ...] | None
    note: str
    # The kind of each row's last cell, where rows differ (the summary: a count, an amount,
    # a rate): the workbook then holds numbers there too, not text.
    row_kinds: tuple[str, ...] | None = None

    def kind_at(self, row: int, column: int) -> str:
        """The kind of the cell at (`row`, `column`) of `rows` (the total row: len(rows))."""
        last = len(self.columns) - 1
        if self.row_kinds is not None and column == last and row < len(self.row_kinds):
            return self.row_kinds[row]
        return self.columns[column].kind


def _t(indonesian: str, english: str, lang: str | None) -> str:
    return Text(indonesian, english).render(lang)


def cell_text(value: Cell, kind: str, lang: str | None = None) -> str:
    """A cell as the PDF and the window show it."""
    if value is None:
        return "–"
    if kind == MONEY and isinstance(value, int):
        return formats.rupiah(value, lang)
    if kind == PERCENT and (isinstance(value, Fraction) or value is None):
        return formats.percent(value)
    if kind == NUMBER and isinstance(value, int):
        return formats.number(value, lang)
    if kind == DAY and isinstance(value, date):
        return formats.date_text(value)
    return str(value)


def tables(report: MonthlyReport, lang: str | None = None) -> tuple[ReportTable, ...]:
    """Every table of the report, in the order of the PDF and the workbook."""
    return (
        summary(report, lang),
        _registrations(report, lang),
        _enrolments(report, lang),
        _attendance(report, lang),
        _completions(report, lang),
        _certificates(report, lang),
        _stipends(report, lang),
        _outcomes(report.outcomes_by_module, "outcomes_module", lang),
        _outcomes(report.outcomes_by_provider, "outcomes_provider", lang),
        _scorecards(report, lang),
    )


def summary(report: MonthlyReport, lang: str | None = None) -> ReportTable:
    """The month on one table: what a branch head reads first."""
    marks = report.marks
    done = report.completed
    outcomes = report.outcomes
    figures: list[tuple[Text, Cell, str]] = [
        (Text("Pendaftar baru bulan ini", "New registrations this month"), report.registered,
         NUMBER),
        (Text("Terdaftar s.d. akhir bulan", "Registered up to the month's end"),
         report.registered_to_date, NUMBER),
        (Text("Angkatan dimulai", "Cohorts started"), sum(r.cohorts for r in report.enrolments),
         NUMBER),
        (Text("Peserta di angkatan yang dimulai", "Places in the cohorts started"),
         sum(r.enrolled for r in report.enrolments), NUMBER),
        (Text("Kehadiran pada hari pelatihan bulan ini", "Attendance on the month's training days"),
         marks.rate, PERCENT),
        (Text("Angkatan selesai", "Cohorts finished"), len(report.completions), NUMBER),
        (Text("Kelulusan angkatan yang selesai", "Pass rate of the cohorts finished"),
         done.rate, PERCENT),
        (Text("Sertifikat terbit", "Certificates issued"),
         sum(r.issued for r in report.certificates), NUMBER),
        (Text("Pembayaran (tanda terima)", "Payments (receipts)"), report.paid_count, NUMBER),
        (Text("Jumlah dibayar", "Amount paid"), report.paid_amount, MONEY),
        (Text("Bekerja (dari yang terhubungi)", "Working (of those reached)"),
         ratio(outcomes.working, outcomes.reached), PERCENT),
        (Text("Usaha sendiri (dari yang terhubungi)", "Self-employed (of those reached)"),
         ratio(outcomes.self_employed, outcomes.reached), PERCENT),
    ]  # fmt: skip
    return ReportTable(
        key="summary",
        title=_t("Ringkasan", "Summary", lang),
        sheet=_t("Ringkasan", "Summary", lang),
        columns=(
            Column(_t("Ukuran", "Measure", lang), TEXT),
            Column(_t("Nilai", "Value", lang), TEXT),
        ),
        rows=tuple((label.render(lang), value) for label, value, _kind in figures),
        total=None,
        row_kinds=tuple(kind for _label, _value, kind in figures),
        note=_t(
            "Bekerja dan usaha sendiri: hasil pemantauan 1, 3 dan 6 bulan yang jatuh tempo s.d. "
            "tanggal laporan, dari peserta yang berhasil dihubungi.",
            "Working and self-employed: follow-ups at 1, 3 and 6 months due up to the report's "
            "day, over the people reached.",
            lang,
        ),
    )


def _registrations(report: MonthlyReport, lang: str | None) -> ReportTable:
    rows = tuple(
        (r.label, r.registered, r.met, r.not_met, r.unknown, r.to_date)
        for r in report.registrations
    )
    return ReportTable(
        key="registrations",
        title=_t("Pendaftaran dan kelayakan", "Registrations and eligibility", lang),
        sheet=_t("Pendaftaran", "Registrations", lang),
        columns=(
            Column(_t("Kantor", "Office", lang), TEXT),
            Column(_t("Pendaftar baru", "New", lang)),
            Column(_t("Memenuhi syarat", "Eligible", lang)),
            Column(_t("Tidak memenuhi", "Not eligible", lang)),
            Column(_t("Belum diketahui", "Unknown", lang)),
            Column(_t("Terdaftar s.d. akhir bulan", "Registered to date", lang)),
        ),
        rows=rows,
        total=_total(_t("Jumlah", "Total", lang), rows),
        note=_t(
            "Menurut hari setempat kantor (WIB/WITA). Kelayakan seperti tercatat saat laporan "
            "dibuat. Data yang dihapus atau digabung tidak dihitung.",
            "By the office's local day (WIB/WITA). Eligibility as recorded when the report was "
            "made. Erased and merged records are not counted.",
            lang,
        ),
    )


def _enrolments(report: MonthlyReport, lang: str | None) -> ReportTable:
    rows = tuple(
        (r.label, r.cohorts, r.enrolled, r.withdrawn, r.waiting) for r in report.enrolments
    )
    return ReportTable(
        key="enrolments",
        title=_t("Angkatan yang dimulai", "Cohorts started", lang),
        sheet=_t("Angkatan dimulai", "Cohorts started", lang),
        columns=(
            Column(_t("Modul", "Module", lang), TEXT),
            Column(_t("Angkatan", "Cohorts", lang)),
            Column(_t("Peserta", "Enrolled", lang)),
            Column(_t("Mundur", "Withdrew", lang)),
            Column(_t("Daftar tunggu", "Waiting list", lang)),
        ),
        rows=rows,
        total=_total(_t("Jumlah", "Total", lang), rows),
        note=_t(
            "Angkatan yang hari pertamanya dalam bulan ini (yang dibatalkan tidak dihitung).",
            "Cohorts whose first day is in the month (cancelled ones left out).",
            lang,
        ),
    )


def _attendance(report: MonthlyReport, lang: str | None) -> ReportTable:
    rows = tuple(
        (r.cohort_code, r.label, r.present, r.excused, r.sick, r.absent, r.rate)
        for r in report.attendance
    )
    m = report.marks
    return ReportTable(
        key="attendance",
        title=_t("Kehadiran", "Attendance", lang),
        sheet=_t("Kehadiran", "Attendance", lang),
        columns=(
            Column(_t("Angkatan", "Cohort", lang), TEXT),
            Column(_t("Modul", "Module", lang), TEXT),
            Column(_t("Hadir", "Present", lang)),
            Column(_t("Izin", "Excused", lang)),
            Column(_t("Sakit", "Sick", lang)),
            Column(_t("Alpa", "Absent", lang)),
            Column(_t("Kehadiran", "Attendance", lang), PERCENT),
        ),
        rows=rows,
        total=(_t("Jumlah", "Total", lang), None, m.present, m.excused, m.sick, m.absent, m.rate),
        note=_t(
            "Tanda kehadiran pada hari pelatihan bulan ini; kehadiran = hadir dibagi hari yang "
            "ditandai.",
            "Marks on the month's training days; attendance = present over marked days.",
            lang,
        ),
    )


def _completions(report: MonthlyReport, lang: str | None) -> ReportTable:
    rows = tuple(
        (r.cohort_code, r.label, r.provider, r.end_date, r.enrolled, r.passed, r.failed,
         r.withdrawn, r.rate)
        for r in report.completions
    )  # fmt: skip
    d = report.completed
    return ReportTable(
        key="completions",
        title=_t("Angkatan yang selesai", "Cohorts finished", lang),
        sheet=_t("Kelulusan", "Completions", lang),
        columns=(
            Column(_t("Angkatan", "Cohort", lang), TEXT),
            Column(_t("Modul", "Module", lang), TEXT),
            Column(_t("Lembaga", "Provider", lang), TEXT),
            Column(_t("Hari terakhir", "Last day", lang), DAY),
            Column(_t("Peserta", "Enrolled", lang)),
            Column(_t("Lulus", "Passed", lang)),
            Column(_t("Tidak lulus", "Failed", lang)),
            Column(_t("Mundur", "Withdrew", lang)),
            Column(_t("Kelulusan", "Pass rate", lang), PERCENT),
        ),
        rows=rows,
        total=(
            _t("Jumlah", "Total", lang),
            None,
            None,
            None,
            d.enrolled,
            d.passed,
            d.failed,
            d.withdrawn,
            d.rate,
        ),
        note=_t(
            "Angkatan yang ditutup dan hari terakhirnya dalam bulan ini; kelulusan = lulus "
            "dibagi peserta sampai akhir (yang mundur dihitung terpisah).",
            "Closed cohorts whose last day is in the month; pass rate = passed over those "
            "enrolled to the end (withdrawals counted apart).",
            lang,
        ),
    )


def _certificates(report: MonthlyReport, lang: str | None) -> ReportTable:
    rows = tuple((r.label, r.issued, r.revoked) for r in report.certificates)
    return ReportTable(
        key="certificates",
        title=_t("Sertifikat", "Certificates", lang),
        sheet=_t("Sertifikat", "Certificates", lang),
        columns=(
            Column(_t("Modul", "Module", lang), TEXT),
            Column(_t("Terbit", "Issued", lang)),
            Column(_t("Dicabut", "Revoked", lang)),
        ),
        rows=rows,
        total=_total(_t("Jumlah", "Total", lang), rows),
        note=_t(
            "Sertifikat bertanggal bulan ini (termasuk terbit ulang) dan pencabutan bulan ini.",
            "Certificates dated in the month (re-issues included) and the month's revocations.",
            lang,
        ),
    )


def _stipends(report: MonthlyReport, lang: str | None) -> ReportTable:
    rows = tuple((s.kind_label, s.method_label, s.count, s.amount) for s in report.stipends)
    return ReportTable(
        key="stipends",
        title=_t("Uang transport dan uang saku dibayar", "Transport and pocket money paid", lang),
        sheet=_t("Uang saku", "Stipends", lang),
        columns=(
            Column(_t("Jenis", "Kind", lang), TEXT),
            Column(_t("Cara bayar", "Method", lang), TEXT),
            Column(_t("Pembayaran", "Payments", lang)),
            Column(_t("Jumlah", "Amount", lang), MONEY),
        ),
        rows=rows,
        total=(_t("Jumlah", "Total", lang), None, report.paid_count, report.paid_amount),
        note=_t(
            "Menurut hari loket pembayaran (tutup kas); pembayaran yang dibatalkan tidak "
            "dihitung. Dibatalkan bulan ini: {n} pembayaran, {amount}.",
            "By the counter's day of payment (cash close); reversed payments are not counted. "
            "Reversed this month: {n} payment(s), {amount}.",
            lang,
        ).format(n=report.reversed_count, amount=formats.rupiah(report.reversed_amount, lang)),
    )


def _outcomes(rows_in: Sequence[OutcomeRow], key: str, lang: str | None) -> ReportTable:
    by_module = key == "outcomes_module"
    rows = tuple(
        (r.label, r.milestone, r.rate.reached, r.rate.working, r.rate.self_employed,
         r.rate.unreachable, r.rate.open, ratio(r.rate.working, r.rate.reached),
         ratio(r.rate.self_employed, r.rate.reached))
        for r in rows_in
    )  # fmt: skip
    t = Rate(*(sum(getattr(r.rate, f) for r in rows_in) for f in _RATE_FIELDS))
    return ReportTable(
        key=key,
        title=_t("Hasil pemantauan per modul", "Follow-up outcomes by module", lang)
        if by_module
        else _t("Hasil pemantauan per lembaga", "Follow-up outcomes by provider", lang),
        sheet=_t("Hasil per modul", "Outcomes by module", lang)
        if by_module
        else _t("Hasil per lembaga", "Outcomes by provider", lang),
        columns=(
            Column(
                _t("Modul", "Module", lang) if by_module else _t("Lembaga", "Provider", lang), TEXT
            ),
            Column(_t("Bulan ke-", "Month", lang)),
            Column(_t("Terhubungi", "Reached", lang)),
            Column(_t("Bekerja", "Working", lang)),
            Column(_t("Usaha sendiri", "Self-employed", lang)),
            Column(_t("Tak terhubungi", "Unreachable", lang)),
            Column(_t("Belum", "Open", lang)),
            Column(_t("% bekerja", "% working", lang), PERCENT),
            Column(_t("% usaha", "% self-employed", lang), PERCENT),
        ),
        rows=rows,
        total=(
            _t("Jumlah", "Total", lang),
            None,
            t.reached,
            t.working,
            t.self_employed,
            t.unreachable,
            t.open,
            ratio(t.working, t.reached),
            ratio(t.self_employed, t.reached),
        ),
        note=_t(
            "Pemantauan yang jatuh tempo s.d. tanggal laporan atau sudah dicatat; persen dari "
            "yang terhubungi.",
            "Follow-ups due up to the report's day or already recorded; percent of those reached.",
            lang,
        ),
    )


def _scorecards(report: MonthlyReport, lang: str | None) -> ReportTable:
    rows = tuple(
        (s.name, s.cohorts, s.enrolled, s.passed, s.completion, s.attendance, s.reached,
         s.placed, s.placement)
        for s in report.scorecards
    )  # fmt: skip
    return ReportTable(
        key="scorecards",
        title=_t("Kinerja lembaga pelatihan", "Training provider scorecards", lang),
        sheet=_t("Kinerja lembaga", "Provider scorecards", lang),
        columns=(
            Column(_t("Lembaga", "Provider", lang), TEXT),
            Column(_t("Angkatan selesai", "Cohorts finished", lang)),
            Column(_t("Peserta", "Enrolled", lang)),
            Column(_t("Lulus", "Passed", lang)),
            Column(_t("Kelulusan", "Completion", lang), PERCENT),
            Column(_t("Kehadiran", "Attendance", lang), PERCENT),
            Column(_t("Terhubungi", "Reached", lang)),
            Column(_t("Bekerja/usaha", "Placed", lang)),
            Column(_t("Penempatan", "Placement", lang), PERCENT),
        ),
        rows=rows,
        total=None,
        note=_t(
            "Sejak awal program s.d. tanggal laporan: kelulusan angkatan yang selesai, "
            "kehadiran angkatan yang berjalan dan selesai, penempatan = bekerja atau usaha "
            "sendiri dari hasil pemantauan yang terhubungi.",
            "From the programme's start to the report's day: completion of the finished "
            "cohorts, attendance of the running and finished ones, placement = working or "
            "self-employed over the follow-ups that reached the person.",
            lang,
        ),
    )


def _total(label: str, rows: Sequence[tuple[Cell, ...]]) -> tuple[Cell, ...] | None:
    """A total line: numbers summed, text columns after the first left empty."""
    if not rows:
        return None
    width = len(rows[0])
    out: list[Cell] = [label]
    for i in range(1, width):
        values = [r[i] for r in rows]
        out.append(
            sum(v for v in values if isinstance(v, int))
            if all(isinstance(v, int) for v in values)
            else None
        )
    return tuple(out)
