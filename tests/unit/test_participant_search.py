"""Search behaviour at scale: name-key order, the match cap, truncated(), filters with text."""

from __future__ import annotations

from app.services import participant_search as ps
from app.services.participant_search import ParticipantQuery, count, search, truncated
from app.services.participants import register
from tests.unit.helpers import execute
from tests.unit.test_participants import BUDI


def _add(office, admin, n, name, nik_serial, **extra):
    raw = {
        **BUDI,
        "nama": name,
        "nik": f"31710117089{nik_serial:05d}",
        "kpj": "",
        "nama_pemilik_rekening": "",
        **extra,
    }
    out = register(office, admin, raw, confirm_warnings=True)
    assert out.saved, [f.message() for f in out.findings]
    return out.saved


def test_cap_sort_count_truncated(office, admin, monkeypatch):
    names = [
        "BUDI SANTOSO",
        "agus salim",
        "H. Abdul Hamid",
        "Moch. Rizki",
        "Muhammad Rizal",
        "Budi Hartono",
    ]
    for_sorting = [
        _add(
            office,
            admin,
            0,
            n,
            i + 1,
            tanggal_lahir=f"{i + 1:02d}/01/1990",
            nik=f"317101{i + 1:02d}01900001",
        )
        for i, n in enumerate(names)
    ]
    assert len(for_sorting) == 6
    everyone = [r.full_name for r in search(office, ParticipantQuery())]
    assert everyone == [
        "H. Abdul Hamid",
        "agus salim",
        "Budi Hartono",
        "BUDI SANTOSO",
        "Muhammad Rizal",
        "Moch. Rizki",
    ], everyone
    assert [r.full_name for r in search(office, ParticipantQuery(descending=True))] == everyone[
        ::-1
    ]
    assert count(office, ParticipantQuery()) == 6
    execute(
        office.path, "UPDATE participant SET deleted_at = created_at WHERE full_name = 'agus salim'"
    )
    assert count(office, ParticipantQuery()) == 5
    assert count(office, ParticipantQuery(status="registered")) == 5
    assert [r.full_name for r in search(office, ParticipantQuery(text="bud"))] == [
        "Budi Hartono",
        "BUDI SANTOSO",
    ]
    assert not truncated(office, ParticipantQuery(text="bud"))
    monkeypatch.setattr(ps, "MATCH_CAP", 1)
    # only the newest match of "bud" (Budi Hartono, registered last) is looked at
    assert [r.full_name for r in search(office, ParticipantQuery(text="bud"))] == ["Budi Hartono"]
    assert count(office, ParticipantQuery(text="bud")) == 1
    assert truncated(office, ParticipantQuery(text="bud"))
    assert truncated(office, ParticipantQuery(text="3171"))
    assert not truncated(office, ParticipantQuery(text="31710106"))
    assert not truncated(office, ParticipantQuery())
    monkeypatch.setattr(ps, "MATCH_CAP", 2000)
    assert [r.full_name for r in search(office, ParticipantQuery(text="3171010601"))] == [
        "Budi Hartono"
    ]
    assert [r.full_name for r in search(office, ParticipantQuery(text="0812-3456"))][:2] == [
        "H. Abdul Hamid",
        "Budi Hartono",
    ]
    assert len(search(office, ParticipantQuery(region_prefix="31.71"))) == 5
    assert len(search(office, ParticipantQuery(region_prefix="31.72"))) == 0
    assert [r.full_name for r in search(office, ParticipantQuery(sort="status"))] == everyone[
        :1
    ] + everyone[2:]


def test_text_with_filters(office, admin):
    _add(office, admin, 0, "Budi Santoso", 1, nik="3171010101900001")
    _add(office, admin, 0, "Budi Hartono", 2, nik="3171010201900001", tanggal_lahir="02/01/1990")
    execute(
        office.path,
        "UPDATE participant SET status = 'verified', region_code = '32.01.01'"
        " WHERE full_name = 'Budi Hartono'",
    )
    names = lambda **k: [r.full_name for r in search(office, ParticipantQuery(**k))]  # noqa: E731
    assert names(text="bud", status="verified") == ["Budi Hartono"]
    assert names(text="bud", status="registered") == ["Budi Santoso"]
    assert names(text="bud", office_code="JKT") == ["Budi Hartono", "Budi Santoso"]
    assert names(text="bud", office_code="BTN") == []
    assert names(text="bud", region_prefix="32") == ["Budi Hartono"]
    assert names(text="3171", region_prefix="31.71") == ["Budi Santoso"]
    assert names(text="bud", training_choice="Barista") == []
    assert count(office, ParticipantQuery(text="bud", status="verified")) == 1
