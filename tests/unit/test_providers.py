"""Providers and modules through the services, on a real office database (issue #9):
the form's checks, offers, the module catalogue, the checklist with evidence, the
supervisor's decision and `provider_fit`."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, date, datetime

import pytest

from app.errors import NotFound, PermissionDenied, StateError, ValidationError
from app.services import modules as catalogue
from app.services.provider_assessment import (
    assess,
    attach_evidence,
    decide,
    mark_item,
    provider_fit,
)
from app.services.provider_views import Instructor, Offer
from app.services.providers import (
    find_provider_id,
    list_providers,
    provider_detail,
    register_provider,
    set_offers,
    update_provider,
)
from app.services.scans import documents_dir
from tests.unit.helpers import count, rows

TODAY = date(2026, 12, 2)
GOOD = {
    "name": "BLK Kabupaten Bekasi",
    "provider_type": "BLK",
    "region_code": "3216",
    "address": "Jl. Raya Cikarang 1",
    "phone": "021-8890001",
    "email": "blk@bekasikab.go.id",
    "npwp": "01.300.066.6-091.000",
    "licence_number": "TD/560/2020",
    "licence_issuer": "Disnaker Kab. Bekasi",
    "licence_issued_on": "10/01/2020",
    "licence_expires_on": "2027-01-10",
    "operating_since": "2019-05-01",
}


@pytest.fixture
def office(staffed):
    staffed.clock.now = datetime(2026, 12, 2, 3, 0, tzinfo=UTC)
    return staffed


def _new(office, **values) -> str:
    return register_provider(office.db, office.actors["counter"], {**GOOD, **values}).id


def _offer(office, provider_id: str, *codes: str) -> None:
    set_offers(office.db, office.actors["counter"], provider_id, [Offer(c) for c in codes])


def _field_of(call) -> str | None:
    with pytest.raises(ValidationError) as refused:
        call()
    return refused.value.field


# -- the form ---------------------------------------------------------------------------------


def test_register_keeps_the_checked_values(office):
    pid = _new(office)
    detail = provider_detail(office.db, pid)
    assert detail.values["region_code"] == "32.16"
    assert detail.row.region_name == "Kabupaten Bekasi"
    assert detail.values["phone"] == "+62218890001"
    assert detail.values["npwp"] == "013000666091000"
    assert detail.values["licence_issued_on"] == date(2020, 1, 10)
    assert detail.row.office_code == "JKT"
    assert rows(office.path, "SELECT action, actor FROM audit_event ORDER BY seq DESC LIMIT 1") == [
        ("provider.register", "loket.budi")
    ]


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"name": "  "}, "name"),
        ({"provider_type": "SMK"}, "provider_type"),
        ({"region_code": "99.99"}, "region_code"),
        ({"phone": "12"}, "phone"),
        ({"email": "blk@"}, "email"),
        ({"npwp": "01.300.066.6-091.001x"}, "npwp"),
        ({"npwp": "123456789012345"}, "npwp"),  # wrong check digit
        ({"licence_expires_on": "2019-12-31"}, "licence_expires_on"),  # before it was issued
        ({"operating_since": "2026-12-03"}, "operating_since"),  # tomorrow
        ({"licence_issued_on": "31/02/2020"}, "licence_issued_on"),
        ({"name": '=HYPERLINK("http://x")'}, "name"),
        ({"address": "Jl. Raya\x00 1"}, "address"),
        ({"accreditation_grade": "D"}, "accreditation_grade"),
        ({"accreditation_status": "sudah"}, "accreditation_status"),
        ({"bank_account": "12-34x"}, "bank_account"),
    ],
)
def test_bad_input_is_refused_at_its_field_and_nothing_is_written(office, values, field):
    before = count(office.path, "training_provider")
    assert _field_of(lambda: _new(office, **values)) == field
    assert count(office.path, "training_provider") == before


def test_operating_since_today_is_accepted(office):
    pid = _new(office, operating_since="02/12/2026")
    assert provider_detail(office.db, pid).values["operating_since"] == TODAY


def test_type_accepts_the_labels_and_the_import_words(office):
    for word, stored in (("lpk swasta", "lpk"), ("PERUSAHAAN", "perusahaan"), ("blk", "blk")):
        pid = _new(office, name=f"Lembaga {word}", provider_type=word)
        assert provider_detail(office.db, pid).row.provider_type == stored


def test_update_writes_only_what_changed(office):
    pid = _new(office)
    outbox = count(office.path, "outbox")
    update_provider(office.db, office.actors["counter"], pid, {**GOOD, "address": "Jl. Baru 2"})
    changes = rows(
        office.path, "SELECT op, changes FROM outbox WHERE entity='training_provider' ORDER BY seq"
    )
    assert changes[-1][0] == "update"
    assert set(json.loads(str(changes[-1][1]))) == {"address"}
    assert count(office.path, "outbox") == outbox + 2  # the change and its audit event
    update_provider(office.db, office.actors["counter"], pid, {**GOOD, "address": "Jl. Baru 2"})
    assert count(office.path, "outbox") == outbox + 2  # nothing changed: nothing written


def test_find_by_name_ignores_case_and_spacing_and_refuses_a_shared_name(office):
    pid = _new(office)
    assert find_provider_id(office.db, "  blk   kabupaten BEKASI ") == pid
    assert find_provider_id(office.db, pid) == pid
    with pytest.raises(NotFound):
        find_provider_id(office.db, "BLK Tidak Ada")
    _new(office)  # a second provider of the same name (another branch)
    with pytest.raises(ValidationError):
        find_provider_id(office.db, "BLK Kabupaten Bekasi")


# -- offers and the catalogue -----------------------------------------------------------------


def test_offers_are_replaced_as_a_list_and_withdrawn_ones_kept(office):
    pid = _new(office)
    set_offers(
        office.db,
        office.actors["counter"],
        pid,
        [Offer("LAS", 16, (Instructor("Agus", "BNSP Las 3G"),)), Offer("Operator Forklift", 12)],
    )
    offers = provider_detail(office.db, pid).offers
    assert [(o.module_code, o.capacity) for o in offers] == [("FORKLIFT", 12), ("LAS", 16)]
    assert offers[1].instructors == (Instructor("Agus", "BNSP Las 3G"),)
    _offer(office, pid, "LAS")
    assert [o.module_code for o in provider_detail(office.db, pid).offers] == ["LAS"]
    assert rows(
        office.path, "SELECT module_code, offered FROM provider_module ORDER BY module_code"
    ) == [("FORKLIFT", 0), ("LAS", 1)]


def test_an_unknown_module_or_capacity_out_of_range_is_refused(office):
    pid = _new(office)
    assert _field_of(lambda: _offer(office, pid, "MENYELAM")) == "module"
    for capacity in (0, 501):
        assert (
            _field_of(
                lambda c=capacity: set_offers(
                    office.db, office.actors["counter"], pid, [Offer("LAS", c)]
                )
            )
            == "capacity"
        )
    set_offers(office.db, office.actors["counter"], pid, [Offer("LAS", 500), Offer("GARMEN", 1)])


def test_the_catalogue_is_seeded_with_the_programmes_modules(office):
    codes = {m.code for m in catalogue.list_modules(office.db)}
    assert codes == {
        "DIG-PROG",
        "KONSTRUKSI",
        "JASA-KOM",
        "GARMEN",
        "PERKEBUNAN",
        "FORKLIFT",
        "LAS",
        "PERHOTELAN",
    }


def test_supervisor_adds_edits_and_deactivates_a_module(office):
    sup = office.actors["supervisor"]
    added = catalogue.add_module(
        office.db, sup, {"code": "las-pipa", "name": "Las pipa 6G", "hours": "120"}
    )
    assert added.code == "LAS-PIPA" and added.hours == 120 and added.active
    assert (
        _field_of(
            lambda: catalogue.add_module(
                office.db, sup, {"code": "LAS-PIPA", "name": "x", "hours": 1}
            )
        )
        == "code"
    )
    assert (
        _field_of(
            lambda: catalogue.add_module(office.db, sup, {"code": "L", "name": "x", "hours": 1})
        )
        == "code"
    )
    for hours in (0, 2001, "banyak"):
        assert (
            _field_of(
                lambda h=hours: catalogue.add_module(
                    office.db, sup, {"code": "XY", "name": "x", "hours": h}
                )
            )
            == "hours"
        )
    catalogue.update_module(office.db, sup, "las-pipa", {"name": "Las pipa", "hours": 100})
    catalogue.set_module_active(office.db, sup, "LAS-PIPA", False)
    active = {m.code for m in catalogue.list_modules(office.db, active_only=True)}
    assert "LAS-PIPA" not in active
    assert "LAS-PIPA" in {m.code for m in catalogue.list_modules(office.db)}


def test_a_counter_clerk_cannot_change_the_catalogue(office):
    with pytest.raises(PermissionDenied):
        catalogue.set_module_active(office.db, office.actors["counter"], "LAS", False)


def test_an_inactive_module_does_not_count_toward_the_two(office):
    pid = _new(office)
    _offer(office, pid, "LAS", "GARMEN")
    assert provider_detail(office.db, pid).row.active_modules == 2
    catalogue.set_module_active(office.db, office.actors["supervisor"], "GARMEN", False)
    checks = {c.key: c for c in assess(office.db, pid).checks}
    assert checks["modules"].passed is False
    assert checks["modules"].message == "Hanya 1 modul aktif; minimal 2."


# -- the checklist ----------------------------------------------------------------------------


def test_assessment_on_a_date_uses_that_date(office):
    pid = _new(office, operating_since="2026-06-03")
    _offer(office, pid, "LAS", "GARMEN")
    assert {c.key: c.passed for c in assess(office.db, pid).checks}["operating_months"] is False
    later = assess(office.db, pid, date(2026, 12, 3))
    assert {c.key: c.passed for c in later.checks}["operating_months"] is True
    assert later.on == date(2026, 12, 3)


def test_marking_an_item_records_who_and_when_and_last_mark_wins(office):
    pid = _new(office)
    mark_item(office.db, office.actors["counter"], pid, "site_visit", "tidak_sesuai", "tutup")
    office.clock.advance(hours=1)
    a = mark_item(office.db, office.actors["supervisor"], pid, "site_visit", "sesuai", "buka")
    item = {c.key: c for c in a.checks}["site_visit"]
    assert (item.passed, item.note, item.checked_by) == (True, "buka", "spv.rina")
    assert item.checked_at == datetime(2026, 12, 2, 4, 0, tzinfo=UTC)
    assert count(office.path, "provider_check") == 1  # one item, changed twice
    assert count(office.path, "audit_event", "action=?", "provider.check") == 2


def test_marking_refuses_an_unknown_item_or_status(office):
    pid = _new(office)
    counter = office.actors["counter"]
    assert _field_of(lambda: mark_item(office.db, counter, pid, "licence", "sesuai")) == "key"
    assert _field_of(lambda: mark_item(office.db, counter, pid, "site_visit", "ok")) == "status"
    assert (
        _field_of(lambda: mark_item(office.db, counter, pid, "site_visit", "sesuai", "=1+1"))
        == "note"
    )


def test_evidence_is_copied_under_its_sha256_and_listed_with_its_item(office, tmp_path):
    pid = _new(office)
    scan = tmp_path / "Foto bengkel.JPG"
    content = b"\xff\xd8\xff bengkel las"
    scan.write_bytes(content)
    row = attach_evidence(office.db, office.actors["counter"], pid, "facilities", scan)
    digest = hashlib.sha256(content).hexdigest()
    assert row.sha256 == digest and row.stored_name == f"{digest}.jpg"
    assert (documents_dir() / row.stored_name).read_bytes() == content
    item = {c.key: c for c in assess(office.db, pid).checks}["facilities"]
    assert [e.original_name for e in item.evidence] == ["Foto bengkel.JPG"]
    # the same scan again is stored once
    attach_evidence(office.db, office.actors["counter"], pid, "documents", scan)
    assert len(list(documents_dir().glob(f"{digest}*"))) == 1


def test_evidence_must_be_a_pdf_or_picture_and_not_empty(office, tmp_path):
    pid = _new(office)
    counter = office.actors["counter"]
    for name, content in (("a.exe", b"MZ"), ("kosong.pdf", b"")):
        path = tmp_path / name
        path.write_bytes(content)
        assert (
            _field_of(lambda p=path: attach_evidence(office.db, counter, pid, "facilities", p))
            == "file"
        )
    assert (
        _field_of(
            lambda: attach_evidence(office.db, counter, pid, "facilities", tmp_path / "hilang.pdf")
        )
        == "file"
    )
    assert count(office.path, "provider_evidence") == 0


# -- the decision and provider_fit ------------------------------------------------------------


def _fit_provider(office) -> str:
    pid = _new(office)
    _offer(office, pid, "LAS", "GARMEN")
    return pid


def test_layak_is_refused_while_a_check_fails_and_nothing_is_written(office):
    pid = _new(office)
    _offer(office, pid, "LAS")  # one module only
    with pytest.raises(StateError) as refused:
        decide(office.db, office.actors["supervisor"], pid, "layak", "kunjungan baik")
    assert "Minimal 2 modul pelatihan aktif" in refused.value.message("id")
    assert count(office.path, "provider_decision") == 0
    # tidak layak, with the same failing check, is a decision a supervisor may sign
    decide(office.db, office.actors["supervisor"], pid, "tidak_layak", "modul kurang")
    assert count(office.path, "provider_decision") == 1


def test_layak_names_the_open_items_and_keeps_the_verdicts_it_was_made_on(office):
    pid = _fit_provider(office)
    mark_item(office.db, office.actors["counter"], pid, "documents", "sesuai")
    d = decide(office.db, office.actors["supervisor"], pid, "layak", "memenuhi syarat")
    assert d.open_items == ("facilities", "instructors", "site_visit")
    assert d.recheck_on == date(2027, 12, 2) and d.assessed_on == TODAY
    ((checks,),) = rows(office.path, "SELECT checks FROM provider_decision")
    saved = {c["key"]: c["passed"] for c in json.loads(str(checks))}
    assert saved == {
        "licence": True,
        "operating_months": True,
        "modules": True,
        "facilities": None,
        "instructors": None,
        "site_visit": None,
        "documents": True,
    }


def test_a_paper_assessment_is_decided_on_its_own_date(office):
    # the licence expired on 1 December; the paper assessment was made on 30 November
    pid = _new(office, licence_expires_on="2026-12-01")
    _offer(office, pid, "LAS", "GARMEN")
    sup = office.actors["supervisor"]
    with pytest.raises(StateError):
        decide(office.db, sup, pid, "layak", "memenuhi syarat")
    d = decide(office.db, sup, pid, "layak", "memenuhi syarat", on=date(2026, 11, 30))
    assert d.assessed_on == date(2026, 11, 30)
    ((detail,),) = rows(
        office.path, "SELECT detail FROM audit_event WHERE action='provider.decide'"
    )
    assert json.loads(str(detail))["assessed_on"] == "2026-11-30"


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"result": "lulus"}, "result"),
        ({"reason": "ok"}, "reason"),
        ({"on": date(2026, 12, 3)}, "date"),
        ({"recheck_on": TODAY}, "recheck"),
    ],
)
def test_decision_input_is_checked(office, kwargs, field):
    pid = _fit_provider(office)
    args = {"result": "layak", "reason": "memenuhi syarat", **kwargs}
    assert (
        _field_of(
            lambda: decide(
                office.db,
                office.actors["supervisor"],
                pid,
                args.pop("result"),
                args.pop("reason"),
                **args,
            )
        )
        == field
    )


@pytest.mark.parametrize("role", ["counter", "admin"])
def test_only_a_supervisor_signs_a_decision(office, role):
    pid = _fit_provider(office)
    with pytest.raises(PermissionDenied):
        decide(office.db, office.actors[role], pid, "layak", "memenuhi syarat")
    assert count(office.path, "provider_decision") == 0


def test_provider_fit_follows_the_decision_and_its_recheck_date(office):
    pid = _fit_provider(office)
    assert provider_fit(office.db, pid, "LAS", TODAY).messages("id") == [
        "Belum ada keputusan kelayakan."
    ]
    decide(
        office.db,
        office.actors["supervisor"],
        pid,
        "layak",
        "memenuhi syarat",
        recheck_on=date(2027, 1, 5),
    )
    assert provider_fit(office.db, pid, "LAS", date(2027, 1, 5)).fit
    late = provider_fit(office.db, pid, "las", date(2027, 1, 6))
    assert not late.fit
    assert late.messages("en") == ["The assessment was due for a re-check on 05/01/2027."]
    assert provider_fit(office.db, pid, "FORKLIFT", TODAY).messages("id") == [
        "Modul FORKLIFT tidak ditawarkan lembaga ini."
    ]


def test_a_later_decision_replaces_the_earlier_one(office):
    pid = _fit_provider(office)
    sup = office.actors["supervisor"]
    decide(office.db, sup, pid, "layak", "memenuhi syarat", on=date(2026, 11, 1))
    decide(office.db, sup, pid, "tindak_lanjut", "instruktur belum bersertifikat")
    assert provider_detail(office.db, pid).row.result == "tindak_lanjut"
    assert not provider_fit(office.db, pid, "LAS", TODAY).fit
    # a paper assessment recorded now but made earlier does not replace a newer one
    decide(office.db, sup, pid, "layak", "memenuhi syarat", on=date(2026, 10, 1))
    assert provider_detail(office.db, pid).row.result == "tindak_lanjut"


# -- the list ---------------------------------------------------------------------------------


def test_list_filters_by_type_region_result_and_expiry(office):
    bekasi = _fit_provider(office)
    jakarta = _new(
        office,
        name="LPK Jakarta",
        provider_type="LPK",
        region_code="31.71",
        licence_expires_on="2028-01-01",
    )
    decide(office.db, office.actors["supervisor"], bekasi, "layak", "memenuhi syarat")

    def names(**filters) -> list[str]:
        return [r.name for r in list_providers(office.db, **filters)]

    assert names() == ["BLK Kabupaten Bekasi", "LPK Jakarta"]
    assert names(provider_type="lpk") == ["LPK Jakarta"]
    assert names(region="32") == ["BLK Kabupaten Bekasi"]  # the province holds the regency
    assert names(region="3") == []  # not a code's prefix by digits
    assert names(result="layak") == ["BLK Kabupaten Bekasi"]
    assert names(result="none") == ["LPK Jakarta"]
    assert names(expiring_only=True) == ["BLK Kabupaten Bekasi"]  # 10 January 2027
    assert names(text="jakar") == ["LPK Jakarta"]
    assert jakarta
