"""The server's short reasons for a refused change, as the sentence a clerk reads on the
Sinkronisasi page (app.sync.outbox_view.plain_reason), for the refusals of issue #7."""

from __future__ import annotations

import pytest

from app.sync.outbox_view import plain_reason
from app.texts import set_language


@pytest.fixture(autouse=True)
def indonesian():
    set_language("id")
    yield
    set_language("id")


@pytest.mark.parametrize(
    ("reason", "sentence"),
    [
        (
            "not permitted",
            "Server menolak perubahan ini: data ini milik kantor lain atau tidak boleh diubah "
            "dari komputer ini. Tidak ada yang berubah di server. Hubungi TI kantor.",
        ),
        (
            "invalid value: full_name (NUL character)",
            "Isian full_name tidak dapat dikirim: berisi karakter kendali (NUL). Perbaiki data "
            "ini lalu simpan lagi.",
        ),
        (
            "not sent: invalid value: domicile_address (too long)",
            "Isian domicile_address tidak dapat dikirim: terlalu panjang. Perbaiki data ini "
            "lalu simpan lagi.",
        ),
        (
            "invalid value: birth_date (not a date)",
            "Isian birth_date tidak dapat dikirim: jenis isinya salah. Perbaiki data ini lalu "
            "simpan lagi.",
        ),
        (
            "missing value: nik",
            "Data ini tidak lengkap (isian nik kosong) sehingga tidak dapat dikirim. Hubungi TI "
            "kantor.",
        ),
        (
            "not sent: too large",
            "Perubahan ini terlalu besar untuk dikirim ke server. Perpendek isian yang panjang, "
            "lalu simpan lagi.",
        ),
        (
            "audit chain: expected event 6",
            "Catatan audit komputer ini tidak lagi menyambung dengan yang tersimpan di server "
            "(dipulihkan dari cadangan lama atau diubah). Hubungi TI kantor dan jalankan loket "
            "check.",
        ),
        (
            "unknown field",
            "Server belum mengenal salah satu isian data ini; program di server "
            "perlu diperbarui. Hubungi TI.",
        ),
        ("something new", "Ditolak server: something new"),
    ],
)
def test_each_refusal_reads_as_a_sentence(reason, sentence):
    assert plain_reason("rejected", reason) == sentence


def test_the_window_names_the_field_as_the_form_does():
    labels = {"full_name": "Nama sesuai KTP"}
    assert plain_reason("rejected", "invalid value: full_name (too long)", labels.get) == (
        "Isian Nama sesuai KTP tidak dapat dikirim: terlalu panjang. Perbaiki data ini lalu "
        "simpan lagi."
    )


def test_english_too():
    set_language("en")
    assert plain_reason("rejected", "not permitted").startswith(
        "The server refused this change: the record belongs to another office"
    )
