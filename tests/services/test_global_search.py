"""The global search over everything: every register's records by a folded word of their title,
dossiers by code and applicant, permits by number and holder, within the actor's rights and
district."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from typing import Any

import pytest

from sotttt_desktop.registers import RegisterSpec, all_registers
from sotttt_desktop.registers.linked_kinds import target_register
from sotttt_desktop.registers.spec import FieldKind
from sotttt_desktop.services import Actor, Services
from sotttt_desktop.services.records import edit_text
from sotttt_desktop.services.search_targets import search_targets
from tests.permit_samples import SAMPLES

MARKERS = [a + b for a in "abcdefghij" for b in "abcdefghijklmnopqrstuvwxyz"]  # one a register


# what a second record of a register must change besides its identity, to stand beside the
# first (one passive-infrastructure plan in force on a day: the new one ended before it)
APART = {"telecom_plans": {"decided_on": "01/12/2009", "effective_from": "01/01/2010",
                           "effective_until": "01/01/2016"},
         "letters": {"letter_no": "999"}}  # its key is computed from the number


def _raw(spec: RegisterSpec, record: dict[str, Any]) -> dict[str, object]:
    """A record's values as a clerk would type them."""
    raw: dict[str, object] = {}
    for field in spec.fields:
        value = record.get(field.name)
        if value is None:
            continue
        if field.kind in (FieldKind.ROWS, FieldKind.FILES):  # as the form shows them
            raw[field.name] = edit_text(field, value)
        elif isinstance(value, dt.datetime):
            raw[field.name] = f"{value:%d/%m/%Y %H:%M}"
        else:
            raw[field.name] = value.isoformat() if isinstance(value, dt.date) else str(value)
    return raw


def _free_commune(services: Services, spec: RegisterSpec, field: str, district: int) -> str:
    """A ward or commune of the district that has no entry yet (one station per commune)."""
    taken = {r[field] for r in services.registers.iter_records(spec.key)}
    return str(next(code for code, _name in services.reference.districts()[district].communes
                    if code not in taken))


def _free_district(services: Services, spec: RegisterSpec, field: str) -> str:
    """A district that has no entry yet (one district station per district)."""
    taken = {r[field] for r in services.registers.iter_records(spec.key)}
    return str(next(code for code in services.reference.districts() if code not in taken))


def _other(value: str, n: int) -> str:
    """The same shape of identifier, another value (the last run of digits changed)."""
    runs = list(re.finditer(r"\d+", value))
    if not runs:
        return f"{value}-{n}"
    last = runs[-1]
    width = len(last.group())
    changed = f"{(int(last.group()) + 7919 * (n + 1)) % 10 ** width:0{width}d}"
    return value[:last.start()] + changed + value[last.end():]


def _fill_every_register(services: Services) -> None:
    from sotttt_desktop.services.demo_cases import fill_demo_facilities, fill_demo_licensed
    from sotttt_desktop.services.demo_grassroots import fill_demo_stations
    from sotttt_desktop.services.demo_information_areas import (
        fill_demo_ad_violations,
        fill_demo_external,
        fill_demo_grassroots_lists,
    )
    from sotttt_desktop.services.demo_telecom import fill_demo_masts

    services.parties.add(kind="org", name="Công ty TNHH Ánh Dương", tax_code="3700123999",
                         district_code="Dĩ An", address="Số 2 đường số 1")
    fill_demo_facilities(services, count=3)
    fill_demo_licensed(services)
    fill_demo_stations(services, limit=4)
    fill_demo_grassroots_lists(services, limit=4)
    fill_demo_ad_violations(services)
    fill_demo_external(services)
    fill_demo_masts(services, count=6)
    from sotttt_desktop.services.demo_digital import fill_demo_digital
    from sotttt_desktop.services.demo_frequency import fill_demo_frequency
    from sotttt_desktop.services.demo_postal import fill_demo_postal
    from sotttt_desktop.services.demo_security import fill_demo_security
    from sotttt_desktop.services.demo_telecom import fill_demo_telecom_records
    from tests.permit_samples import issue_at_the_desk

    holder = services.parties.add(kind="org", name="Công ty Cổ phần Bưu chính Sông Bé",
                                  tax_code="3700123888", district_code="718")
    for procedure, family in (("postal.licence.issue", "postal.licence"),
                              ("postal.notification.confirm", "postal.notification"),
                              ("press.local_broadcast.consent", "press.local_broadcast")):
        issue_at_the_desk(services, holder, procedure, details=SAMPLES[family])
    fill_demo_postal(services)
    fill_demo_telecom_records(services)
    fill_demo_frequency(services)
    fill_demo_digital(services)
    fill_demo_security(services)
    from sotttt_desktop.services.demo_inspection import fill_demo_inspection_registers

    fill_demo_inspection_registers(services)


def test_every_register_is_found_by_a_folded_word_of_a_new_records_title(
        services: Services) -> None:
    _fill_every_register(services)
    for n, spec in enumerate(all_registers().values()):
        sample = next(iter(services.registers.iter_records(spec.key)))
        raw = _raw(spec, sample)
        title = spec.field(spec.title_field)
        linked = title.kind in (FieldKind.PARTY, FieldKind.RECORD)
        if title.kind is FieldKind.PARTY:  # an enterprise is titled by its party's name
            raw[title.name] = str(services.parties.add(
                kind="org", name=f"Công ty Kiểm tra Quỳnh{MARKERS[n]}",
                tax_code=f"37009{n:05d}", district_code="718")["id"])
        elif title.kind is FieldKind.RECORD:  # a yearly report is titled by its system
            target = target_register(title)
            found = _raw(target, next(iter(services.registers.iter_records(target.key))))
            found[target.title_field] = f"Kiểm tra Quỳnh{MARKERS[n]}"
            raw[title.name] = str(services.registers.create(target.key, found)["id"])
        for field in spec.fields:
            if field.name == title.name and linked:
                continue
            if field.unique_message and field.name in raw:
                if field.kind is FieldKind.COMMUNE:
                    raw[field.name] = _free_commune(services, spec, field.name,
                                                    sample["district_code"])
                elif field.kind is FieldKind.DISTRICT:
                    raw[field.name] = _free_district(services, spec, field.name)
                else:
                    raw[field.name] = _other(str(raw[field.name]), n)
        if title.computed:  # a DTI entry (its key is computed): a new year, a searchable note
            raw["year"] = str(2040 + n)
            raw["note"] = f"Kiểm tra Quỳnh{MARKERS[n]}"
        elif not linked:
            raw[spec.title_field] = f"{raw[spec.title_field]} Kiểm tra Quỳnh{MARKERS[n]}"
        raw.update(APART.get(spec.key, {}))
        created = services.registers.create(spec.key, raw)
        hits = services.search.query(f"quynh{MARKERS[n]}")  # folded: no diacritics
        if linked:  # the party or the system itself is found too
            hits = [h for h in hits if h.kind != target_register(title).search_kind]
        assert [(h.kind, h.id) for h in hits] == [(spec.search_kind, created["id"])], spec.key
        hit = hits[0]
        assert hit.target == spec.key and hit.ref == str(created["id"])
        assert hit.target_title == services_title(spec)
        assert "Quỳnh" in hit.title or title.computed


def services_title(spec: RegisterSpec) -> str:
    from sotttt_desktop.i18n import _

    return _(spec.title)


def test_every_register_kind_has_a_target() -> None:
    targets = search_targets()
    for spec in all_registers().values():
        assert targets[spec.search_kind].key == spec.key
        assert targets[spec.search_kind].area == spec.area


# --- dossiers and permits ------------------------------------------------------------------------

def _issued(services: Services, name: str, tax_code: str, district: str) -> dict[str, Any]:
    """A bulletin licence issued to a new organisation: its party, dossier and permit."""
    holder = services.parties.add(kind="org", name=name, tax_code=tax_code,
                                  district_code=district, address="Số 1 đường Yersin")
    code = services.dossiers.receive("press.bulletin.issue", holder["id"],
                                     received_at=dt.datetime(2024, 4, 1, 9))["code"]
    for step in ("start_appraisal", "approve"):
        services.dossiers.act(code, step)
    permit = services.permits.issue(code, subject=f"Bản tin {tax_code}", on=dt.date(2024, 4, 10),
                                    details={**SAMPLES["press.bulletin"],
                                             "title": f"Bản tin {tax_code}"})
    return {"party": holder, "dossier": services.dossiers.show(code), "permit": permit}


@pytest.fixture
def desk(services: Services) -> dict[str, dict[str, Any]]:
    return {"thu_dau_mot": _issued(services, "Công ty Cổ phần Truyền thông Đồng Xoài",
                                   "3700555001", "Thủ Dầu Một"),
            "di_an": _issued(services, "Công ty TNHH Quảng bá Đông Hòa", "3700555002",
                             "Dĩ An")}


def _found(services: Services, query: str, limit: int = 50) -> list[tuple[str, str]]:
    return [(hit.kind, hit.ref) for hit in services.search.query(query, limit=limit)]


def test_a_dossier_is_found_by_its_code_and_by_its_applicant(
        services: Services, desk: dict[str, dict[str, Any]]) -> None:
    code = desk["thu_dau_mot"]["dossier"]["code"]
    assert _found(services, code) == [("dossier", code)]
    assert ("dossier", code) in _found(services, code.lower()[:-2])  # begins with, any case
    hits = services.search.query("truyen thong dong xoai")  # the applicant, folded
    assert [(h.kind, h.target) for h in hits[:3]] == [
        ("party", "parties"), ("dossier", "dossiers"), ("permit", "permits")]
    assert hits[1].ref == code
    assert "Công ty Cổ phần Truyền thông Đồng Xoài" in hits[1].subtitle
    assert desk["di_an"]["dossier"]["code"] not in {h.ref for h in hits}


def test_a_permit_is_found_by_its_number_and_by_its_holder(
        services: Services, desk: dict[str, dict[str, Any]]) -> None:
    permit = desk["di_an"]["permit"]
    found = _found(services, permit["number"])
    assert ("permit", permit["reference"]) in found
    assert ("permit", desk["thu_dau_mot"]["permit"]["reference"]) not in found
    holder = [h for h in services.search.query("quang ba dong hoa") if h.kind == "permit"]
    assert [h.ref for h in holder] == [permit["reference"]]
    assert holder[0].title == permit["number"]
    assert services.permits.show(holder[0].ref)["number"] == permit["number"]


def test_a_district_officer_sees_only_the_records_of_the_district(
        services: Services, desk: dict[str, dict[str, Any]]) -> None:
    officer = services.as_actor(Actor(username="dian", display_name="Cán bộ Dĩ An",
                                      authenticated=True, grants=frozenset({("*", "view")}),
                                      district_code=724))
    own, other = desk["di_an"], desk["thu_dau_mot"]
    assert ("dossier", own["dossier"]["code"]) in _found(officer, own["dossier"]["code"])
    assert _found(officer, other["dossier"]["code"]) == []
    assert ("permit", own["permit"]["reference"]) in _found(officer, "quang ba dong hoa")
    assert _found(officer, "truyen thong dong xoai") == []
    assert ("permit", other["permit"]["reference"]) not in _found(officer, "GP-STTTT")


def test_an_area_the_user_may_not_view_is_not_searched(
        services: Services, desk: dict[str, dict[str, Any]]) -> None:
    """Dossiers, permits and the bulletin register are of the press area: a user who may view
    the directory and the desk, but not the press area, finds the party only."""
    reader = services.as_actor(Actor(username="reader", display_name="Người đọc",
                                     authenticated=True,
                                     grants=frozenset({("directory", "view"),
                                                       ("one_stop", "view")})))
    assert services.registers.count("news_bulletins") == 2
    assert {kind for kind, _ref in _found(services, "dong xoai")} >= {
        "party", "dossier", "permit", "news_bulletin"}
    assert {kind for kind, _ref in _found(reader, "dong xoai")} == {"party"}
    assert _found(reader, desk["di_an"]["dossier"]["code"]) == []
    # without the directory, a party found still leads to what the user may see
    clerk = services.as_actor(Actor(username="clerk", display_name="Văn thư",
                                    authenticated=True,
                                    grants=frozenset({("one_stop", "view"), ("press", "view")})))
    assert {kind for kind, _ref in _found(clerk, "dong xoai")} == {
        "dossier", "permit", "news_bulletin"}


def test_results_are_capped_and_say_when_there_are_more(
        services: Services, desk: dict[str, dict[str, Any]]) -> None:
    everything = services.search.search("cong ty", limit=50)
    assert not everything.more
    assert len(everything.hits) >= 6
    first = services.search.search("cong ty", limit=3)
    assert first.more
    assert first.hits == everything.hits[:3]
    assert services.search.search("cong ty", limit=0).hits == []


def test_hits_name_where_they_open(services: Services,
                                   desk: dict[str, dict[str, Any]]) -> None:
    from sotttt_desktop.i18n import set_language

    set_language("en")
    kinds = {h.kind: h for h in services.search.query("dong xoai")}
    assert kinds["dossier"].target_title == "Dossiers"
    assert kinds["permit"].target_title == "Permits and certificates"
    assert kinds["party"].as_json()["register"] == "parties"
    assert uuid.UUID(kinds["party"].as_json()["ref"]) == kinds["party"].id
