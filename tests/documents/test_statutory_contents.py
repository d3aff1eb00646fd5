"""Statutory contents of result documents (issue #13): each family prints what its legal form
requires (REFERENCE §1), and a document that replaces another repeats its contents and says what
changed."""

from __future__ import annotations

import datetime as dt

import pytest

from sotttt_desktop.services import Services
from tests.documents.helpers import pdf_text
from tests.permit_samples import SAMPLES

HOLDER = "Công ty TNHH Dịch vụ Truyền thông Phú Cường"


@pytest.fixture(autouse=True)
def bundled_font(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOTTTT_DOCUMENT_FONT", "bundled")


@pytest.fixture
def holder(services: Services) -> dict:
    return services.parties.add(kind="org", name=HOLDER, tax_code="3700222333",
                                district_code="718", address="Số 8 đường Yersin, phường Phú "
                                "Cường", legal_representative="Lê Văn Cường",
                                phone="0274 3822 123")


def _issue(services: Services, holder: dict, procedure: str, *, replaces: str | None = None,
           details: dict | None = None, on: dt.date = dt.date(2024, 5, 10), **kw: object) -> dict:
    code = services.dossiers.receive(procedure, holder["id"],
                                     received_at=dt.datetime(2024, 4, 22, 9))["code"]
    services.dossiers.act(code, "start_appraisal", at=dt.datetime(2024, 4, 23, 9))
    services.dossiers.act(code, "approve", at=dt.datetime(2024, 4, 24, 9))
    return services.permits.issue(code, subject="", replaces=replaces, details=details or {},
                                  on=on, **kw)


def _printed(services: Services, permit: dict) -> str:
    return " ".join(pdf_text(services.documents.render("permit", permit["reference"]).pdf)
                    .split())


# family → what its legal form requires, as printed (label: value)
REQUIRED = {
    "e_information.game_point": [
        "Tổng diện tích các phòng máy", "60", "074090001234", "02743822123",
        "Quyền và nghĩa vụ của chủ điểm", "Điều 36 Nghị định số 72/2013/NĐ-CP",
        "Không hoạt động từ 22 giờ đến 08 giờ sáng hôm sau"],
    "e_information.website": [
        "tintucbinhduong.vn", "Trung tâm dữ liệu Viettel, TP. HCM", "Nguyễn Văn An",
        "Tổng hợp tin tức kinh tế, xã hội", "Thời hạn: từ ngày 10/05/2024 đến ngày 10/05/2034"],
    "postal.licence": [
        "Thư, gói, kiện hàng hóa", "Nội tỉnh Bình Dương", "Thư nội tỉnh phát trong 48 giờ",
        "Thời hạn: từ ngày 10/05/2024 đến ngày 10/05/2034",
        "Quyền và nghĩa vụ của doanh nghiệp", "Luật Bưu chính"],
    "publishing.non_business": [
        "Ban biên tập", "120", "500", "Công ty TNHH In Bình Dương", "Kỷ yếu 20 năm thành lập"],
    # printing for a foreign client: what, for whom, how many, and that none stays in Vietnam
    "publishing.foreign_printing": [
        "Ocean Friends", "Blue Harbour Books Pty Ltd (Úc)", "5.000 bản",
        "Trách nhiệm của cơ sở in", "không phát hành tại Việt Nam"],
    # the consents a frequency licence needs say what they are for and that they license nothing
    "grassroots.commune_radio": [
        "Đài truyền thanh không dây xã Thanh Tuyền", "54,5", "Văn bản này",
        "điểm b khoản 1 Điều 14 Thông tư số 05/2015/TT-BTTTT", "Cục Tần số vô tuyến điện"],
    "press.local_broadcast": [
        "BTV1", "Khu công nghiệp Mỹ Phước 3", "điểm a khoản 3 Điều 13 Thông tư số 05/2015/TT-BTTTT",
        "Chỉ đồng ý đối với các chương trình nêu trên"],
}
PROCEDURES = {"e_information.game_point": "e_information.game_point.issue",
              "grassroots.commune_radio": "grassroots.commune_radio.consent",
              "press.local_broadcast": "press.local_broadcast.consent",
              "e_information.website": "e_information.website.issue",
              "postal.licence": "postal.licence.issue",
              "publishing.non_business": "publishing.non_business.issue",
              "publishing.foreign_printing": "publishing.foreign_printing.issue"}


@pytest.mark.parametrize("family", sorted(REQUIRED))
def test_a_result_document_carries_what_its_legal_form_requires(
        services: Services, holder: dict, family: str) -> None:
    valid = {"valid_until": dt.date(2034, 5, 10)} if family in (
        "e_information.website", "postal.licence") else {}
    permit = _issue(services, holder, PROCEDURES[family], details=SAMPLES[family], **valid)
    text = _printed(services, permit)
    for expected in REQUIRED[family]:
        assert expected in text, (family, expected)
    for label, value in permit["contents"]:  # every declared line, labelled
        assert label in text and " ".join(value.split())[:30] in text, (family, label)


def test_a_postal_licence_needs_its_service_standards(services: Services,
                                                      holder: dict) -> None:
    from sotttt_desktop.errors import ValidationError

    details = {k: v for k, v in SAMPLES["postal.licence"].items() if k != "service_standards"}
    with pytest.raises(ValidationError):
        _issue(services, holder, "postal.licence.issue", details=details,
               valid_until=dt.date(2034, 5, 10))


def test_an_extension_repeats_the_licence_and_says_what_changed(services: Services,
                                                                holder: dict) -> None:
    first = _issue(services, holder, "e_information.website.issue",
                   details=SAMPLES["e_information.website"], valid_until=dt.date(2025, 5, 10))
    extended = _issue(services, holder, "e_information.website.extend",
                      replaces=first["reference"], on=dt.date(2025, 4, 1), extend_months=24)
    text = _printed(services, extended)
    for expected in ("tintucbinhduong.vn", "Tổng hợp tin tức kinh tế, xã hội",
                     "Trung tâm dữ liệu Viettel, TP. HCM", "Nguyễn Văn An"):
        assert expected in text, expected
    # the term's start is not restarted, and the term is said once
    assert ("Thời hạn: gia hạn đến ngày 10/05/2027 (thời hạn trước đây: đến ngày "
            "10/05/2025)") in text
    assert "Nội dung gia hạn" not in text  # nothing else changed
    assert first["number"] in text
    # an amendment names the line it changed, with what it said before
    amended = _issue(services, holder, "e_information.website.amend",
                     replaces=extended["reference"], on=dt.date(2025, 6, 2),
                     details={"server_location": "Trung tâm dữ liệu VNPT Bình Dương"})
    text = _printed(services, amended)
    assert "Địa chỉ đặt máy chủ tại Việt Nam: Trung tâm dữ liệu VNPT Bình Dương (trước đây: " \
           "Trung tâm dữ liệu Viettel, TP. HCM)" in text
    assert "tintucbinhduong.vn" in text and "Nguyễn Văn An" in text
