"""What a legal officer reads on the documents: the instruments cited in Decree 30 form as in
force on the document's date, the wording of each procedure, the holder by party kind, and
decisions only where the law gives the power (issue #13 items 1, 3, 4, 5)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from sotttt_desktop.catalog import load as load_catalogue
from sotttt_desktop.core.calendar import TimeUnit
from sotttt_desktop.errors import ValidationError
from sotttt_desktop.services import Services
from sotttt_desktop.services.permits import REPLACING_ACTIONS, TO_NEW_HOLDER
from tests.core.test_instruments import LAW, TEXT
from tests.documents.helpers import pdf_text
from tests.permit_samples import SAMPLES

ORG = "Công ty Cổ phần Truyền thông Sông Bé"
PERSON = "Nguyễn Thị Hồng Nhung"
# a run of "Căn cứ …" up to the end of its line of citations (";" + next "Căn cứ", or ".")
ONE = rf"(?:{LAW}|{TEXT})"
CITED = re.compile(rf"Căn cứ {ONE}(?:; {ONE})*(?:;|\.|; sau khi)")


@pytest.fixture(autouse=True)
def bundled_font(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOTTTT_DOCUMENT_FONT", "bundled")


def _org(services: Services) -> dict:
    return services.parties.add(kind="org", name=ORG, tax_code="3700111222",
                                district_code="718", address="Số 1 Đại lộ Bình Dương, phường "
                                "Phú Hòa", legal_representative="Nguyễn Văn An")


def _person(services: Services) -> dict:
    return services.parties.add(kind="person", name=PERSON, citizen_id="074185001234",
                                date_of_birth=dt.date(1985, 3, 2), district_code="718",
                                address="Số 8 đường Yersin, phường Phú Cường")


def _issue(services: Services, holder: dict, key: str, *, on: dt.date,
           replaces: str | None = None, **kw: object) -> dict:
    code = services.dossiers.receive(key, holder["id"],
                                     received_at=dt.datetime.combine(on, dt.time(9)))["code"]
    services.dossiers.act(code, "start_appraisal")
    services.dossiers.act(code, "approve")
    family = load_catalogue().get(key).family
    kw.setdefault("details", {} if replaces else SAMPLES[family])
    return services.permits.issue(code, subject=str(kw.pop("subject", "Bản tin Sông Bé")),
                                  replaces=replaces, on=on, **kw)


def assert_citations_in_decree_30_form(text: str) -> int:
    """Every "Căn cứ" of the text is a citation of Decree 30's form; returns how many."""
    flat = " ".join(text.split())
    starts = [m.start() for m in re.finditer("Căn cứ ", flat)]
    assert starts, flat[:300]
    for start in starts:
        assert CITED.match(flat, start), flat[start:start + 260]
    # no instrument named without its number's "số" nor by the year alone
    assert not re.search(r"(?:Nghị định|Thông tư) \d", flat), flat
    assert not re.search(r"Luật [^;.]*? \d{4},", flat), flat
    return len(starts)


@pytest.mark.parametrize("kind", ["org", "person"])
def test_every_result_cites_in_decree_30_form_and_words_the_holder_by_kind(
        services: Services, kind: str) -> None:
    """Each procedure's result, for an organisation and for a person: legal bases in the form
    of Decree 30, the title written for it (no catalogue note), and the holder's lines:
    "Tên tổ chức", tax code, legal representative — or "Họ và tên", date of birth, personal
    identification number."""
    catalogue = load_catalogue()
    procedures = [p for p in catalogue.list() if p.unit is not TimeUnit.HOURS_BEFORE]
    order = {"issue": 0, "other": 0, "amend": 1, "reissue": 2, "extend": 3, "transfer": 4}
    holder = _org(services) if kind == "org" else _person(services)
    on = dt.date(2024, 3, 15)
    printed = 0
    latest: dict[str, str] = {}
    for procedure in sorted(procedures, key=lambda p: (p.family, order[p.action])):
        replaces = latest.get(procedure.family) if procedure.action in REPLACING_ACTIONS \
            else None
        if procedure.action in REPLACING_ACTIONS and replaces is None:
            continue
        if procedure.action in TO_NEW_HOLDER:
            continue  # the transfer goes to another holder (test_documents prints it)
        permit = _issue(services, holder, procedure.key, on=on, replaces=replaces,
                        extend_months=procedure.extension_max_months or 12
                        if procedure.action == "extend" else None)
        latest[procedure.family] = permit["reference"]
        flat = " ".join(pdf_text(services.documents.render(
            "permit", permit["reference"]).pdf).split())
        assert_citations_in_decree_30_form(flat)
        assert "Mẫu số" not in flat and "GIẤY PHÉP GIA HẠN" not in flat, procedure.key
        if procedure.result_kind == "approval":
            assert f"V/v {procedure.document_summary}" in flat, procedure.key
            assert (ORG if kind == "org" else PERSON) in flat
        else:
            assert procedure.document_title.upper() in flat, procedure.key
            if kind == "org":
                assert f"Tên tổ chức: {ORG}" in flat, procedure.key
                assert "Mã số thuế: 3700111222" in flat, procedure.key
                assert "Họ và tên" not in flat and "Ngày sinh" not in flat
            else:
                assert f"Họ và tên: {PERSON}" in flat, procedure.key
                assert "Ngày sinh: 02/03/1985" in flat, procedure.key
                assert "Số định danh cá nhân: 074185001234" in flat, procedure.key
                assert "Tên tổ chức" not in flat and "Mã số thuế" not in flat
        printed += 1
    assert printed >= 25


def test_the_decision_on_a_game_point_extension_is_worded_by_the_clerk(services: Services
                                                                       ) -> None:
    holder = _org(services)
    on = dt.date(2024, 3, 15)
    certificate = _issue(services, holder, "e_information.game_point.issue", on=on,
                         subject="Điểm trò chơi Sông Bé")
    extension = _issue(services, holder, "e_information.game_point.extend", on=on,
                       replaces=certificate["reference"], extend_months=6)
    flat = " ".join(pdf_text(services.documents.render("permit", extension["reference"]).pdf)
                    .split())
    assert ("QUYẾT ĐỊNH Về việc gia hạn Giấy chứng nhận đủ điều kiện hoạt động điểm cung cấp "
            "dịch vụ trò chơi điện tử công cộng") in flat
    assert (f"Điều 1. Gia hạn Giấy chứng nhận đủ điều kiện hoạt động điểm cung cấp dịch vụ trò "
            f"chơi điện tử công cộng số {certificate['number']} ngày 15/03/2024, cụ thể") in flat
    assert "Mẫu số 11" not in flat and "(Mẫu" not in flat


@pytest.mark.parametrize(("issued_on", "cited", "not_cited"), [
    (dt.date(2024, 12, 24), "Căn cứ Nghị định số 72/2013/NĐ-CP ngày 15 tháng 7 năm 2013 của "
     "Chính phủ về quản lý, cung cấp, sử dụng dịch vụ Internet và thông tin trên mạng; Nghị định "
     "số 27/2018/NĐ-CP ngày 01 tháng 3 năm 2018 của Chính phủ", "147/2024"),
    (dt.date(2025, 1, 10), "Căn cứ Nghị định số 147/2024/NĐ-CP ngày 09 tháng 11 năm 2024 của "
     "Chính phủ về quản lý, cung cấp, sử dụng dịch vụ Internet và thông tin trên mạng;",
     "72/2013"),
])
def test_a_licence_cites_the_decree_in_force_on_its_date(
        services: Services, issued_on: dt.date, cited: str, not_cited: str) -> None:
    permit = _issue(services, _org(services), "e_information.website.issue", on=issued_on,
                    subject="https://songbe.vn")
    flat = " ".join(pdf_text(services.documents.render("permit", permit["reference"]).pdf)
                    .split())
    assert cited in flat
    assert not_cited not in flat


def test_decisions_name_the_holder_by_kind_and_cite_the_power(services: Services) -> None:
    """A suspension of a person's website licence names the person by date of birth and ID;
    a revocation of an organisation's by tax code; both cite in Decree 30 form."""
    for holder, expected in ((_person(services), f"cấp cho {PERSON} (sinh ngày 02/03/1985; "
                              "số định danh cá nhân: 074185001234;"),
                             (_org(services), f"cấp cho {ORG} (mã số thuế: 3700111222;")):
        domain = f"songbe{holder['kind']}.vn"  # a domain is licensed to one holder
        permit = _issue(services, holder, "e_information.website.issue",
                        on=dt.date(2024, 3, 15), subject=f"https://{domain}",
                        details={**SAMPLES["e_information.website"], "domain": domain})
        services.permits.decide(permit["reference"], "suspend",
                                reason="Không khắc phục vi phạm",
                                until=dt.date.today() + dt.timedelta(days=30))
        flat = " ".join(pdf_text(services.documents.render(
            "permit-suspension", permit["reference"]).pdf).split())
        assert expected in flat
        assert assert_citations_in_decree_30_form(flat) == 2  # the Decision and the decree
        assert "Việc đình chỉ thực hiện theo quy định" in flat


def test_suspension_beyond_the_cap_or_without_a_power_is_refused_with_the_reason(
        services: Services) -> None:
    holder = _org(services)
    website = _issue(services, holder, "e_information.website.issue", on=dt.date(2024, 3, 15),
                     subject="https://songbe.vn")
    with pytest.raises(ValidationError, match="3 (tháng|months)") as info:
        services.permits.decide(website["reference"], "suspend",
                                reason="Vi phạm",
                                until=dt.date.today() + dt.timedelta(days=25 * 31))
    assert "147/2024/NĐ-CP" in str(info.value)  # the power in force today
    bulletin = _issue(services, holder, "press.bulletin.issue", on=dt.date(2024, 3, 15))
    with pytest.raises(ValidationError, match="giấy phép xuất bản bản tin"):
        services.permits.decide(bulletin["reference"], "suspend",
                                reason="Vi phạm", until=dt.date.today() + dt.timedelta(days=30))
    for permit in (website, bulletin):
        assert services.permits.show(permit["reference"])["state"] == "valid"


def test_every_document_of_the_demo_cites_in_decree_30_form(demo_services: Services) -> None:
    """pdftotext of every result document and decision the demo can print."""
    permits = demo_services.permits.list(limit=500)
    assert permits
    kinds_printed, withdrawn_by_a_sanction = set(), 0
    for permit in permits:
        kinds = ["permit"] + (["permit-suspension"] if permit["state"] == "suspended" else []) \
            + (["permit-revocation"] if permit["state"] == "revoked" else [])
        for kind in kinds:
            try:
                pdf = demo_services.documents.render(kind, permit["reference"]).pdf
            except ValidationError as refused:  # withdrawn by a sanction decision: its case's
                assert kind == "permit-suspension" and "vụ việc XP-" in str(refused)
                withdrawn_by_a_sanction += 1
                continue
            assert_citations_in_decree_30_form(pdf_text(pdf))
            kinds_printed.add(kind)
    assert kinds_printed == {"permit", "permit-suspension", "permit-revocation"}
    assert withdrawn_by_a_sanction == 1  # the demo's game point (services/demo_inspection.py)
