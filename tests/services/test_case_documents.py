"""What an open case records is corrected or completed (checked, audited, refused once the case
is closed or changed meanwhile), and the annual report on cross-border advertising is printed
from its case: the figures of the year from the register of advertising violations, the
assessment and proposals written in the case, the agency and the Ministry of the day."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from sotttt_desktop.errors import ConflictError, PermissionDeniedError, ValidationError
from sotttt_desktop.services import Services
from tests.documents.helpers import pdf_text

REPORT = {"assessment": "Sở đã theo dõi thường xuyên hoạt động quảng cáo trên mạng.",
          "proposals": "Đề nghị Bộ công bố danh sách tài khoản vi phạm."}


def _violation(services: Services, number: int, found: str, **raw: str) -> None:
    services.registers.create("ad_violations", {
        "entry_no": f"{number:03d}/2024", "detected_at": found, "source": "monitoring",
        "medium": "social_network", "location": f"https://www.tiktok.com/@x/video/{number}",
        "product": "Ứng dụng cho vay", "origin": "cross_border", "action": "reminder", **raw})


@pytest.fixture
def year_of_ads(services: Services) -> Services:
    _violation(services, 1, "05/03/2024 09:00", action="forwarded",
               forwarded_no="412/STTTT-TTBCXB", forwarded_on="06/03/2024",
               removed_at="07/03/2024 10:00")
    _violation(services, 2, "10/08/2024 14:30", medium="app", action="forwarded",
               forwarded_no="1577/STTTT-TTBCXB", forwarded_on="12/08/2024")
    _violation(services, 3, "02/09/2024 08:00", origin="domestic", medium="website",
               action="removal_request")
    _violation(services, 4, "15/12/2023 08:00")  # last year: not counted
    return services


def test_an_open_case_is_completed_then_kept_once_closed(services: Services) -> None:
    opened = services.cases.open("ads_annual_report", "Báo cáo năm 2024",
                                 at=dt.datetime(2024, 11, 1, 9))
    version = opened["version"]
    with pytest.raises(ValidationError, match="Unknown field|Không có trường|trường"):
        services.cases.edit(opened["code"], {"nonsense": "x"})
    edited = services.cases.edit(opened["code"], REPORT, expected_version=version)
    assert services.cases.show(opened["code"])["data"] == REPORT
    entry = services.audit.entries()[0]
    assert (entry["action"], json.loads(entry["after"])) == ("case_edit", REPORT)
    with pytest.raises(ConflictError):  # somebody saved in between
        services.cases.edit(opened["code"], {"assessment": "Khác"}, expected_version=version)
    services.security.add_user("xem", "Người xem", "mat-khau-1", ["viewer"], must_change=False)
    viewer = services.as_actor(services.security.login("xem", "mat-khau-1"))
    with pytest.raises(PermissionDeniedError):
        viewer.cases.edit(opened["code"], REPORT)
    with pytest.raises(ValidationError, match="sổ đăng ký văn bản đi"):
        services.cases.step(opened["code"], "send", decision="1888/BC-STTTT",
                            at=dt.datetime(2024, 12, 20, 9))
    services.cases.step(opened["code"], "send", at=dt.datetime(2024, 12, 20, 9))
    with pytest.raises(ValidationError, match="đã kết thúc"):
        services.cases.edit(opened["code"], {"assessment": "Sửa sau khi gửi"},
                            expected_version=edited["version"] + 1)


def test_the_annual_report_counts_the_register_of_the_year(year_of_ads: Services) -> None:
    services = year_of_ads
    opened = services.cases.open("ads_annual_report", "Báo cáo năm 2024",
                                 at=dt.datetime(2024, 11, 1, 9))
    with pytest.raises(ValidationError, match="Đánh giá chung, Đề xuất, kiến nghị"):
        services.documents.render("ads-report", opened["code"])
    services.cases.edit(opened["code"], REPORT)
    data = services.case_documents.ads_report(opened["code"], today=dt.date(2024, 12, 10))
    assert (data["total"], data["cross_border"], data["forwarded"], data["removed"],
            data["domestic"]) == (3, 2, 2, 1, 1)
    assert data["period"] == "từ ngày 01/01/2024 đến ngày 10/12/2024"
    assert data["by_medium"] == [["Mạng xã hội", 1, 1, 1], ["Ứng dụng", 1, 1, 0]]
    assert [c["forwarded"] for c in data["cases"]] == [
        "Số 412/STTTT-TTBCXB ngày 06/03/2024", "Số 1577/STTTT-TTBCXB ngày 12/08/2024"]
    assert [c["result"] for c in data["cases"]] == ["Đã gỡ bỏ ngày 07/03/2024", "Chưa gỡ bỏ"]
    text = pdf_text(services.documents.render("ads-report", opened["code"]).pdf)
    assert "BÁO CÁO" in text and "quảng cáo xuyên biên giới năm 2024" in text
    assert "khoản 2 Điều 15 Nghị định số 181/2013/NĐ-CP" in text
    assert "I. ĐÁNH GIÁ CHUNG" in text and REPORT["assessment"] in text
    assert "III. ĐỀ XUẤT, KIẾN NGHỊ" in text and REPORT["proposals"] in text
    assert "1577/STTTT" in text and "/BC-" in text and "Lưu: VT" in text
    assert "./." in text


def test_only_its_case_prints_the_report(services: Services) -> None:
    takedown = services.cases.open("takedown_request", "Yêu cầu gỡ",
                                   data={"item": "https://x.vn/1", "platform": "Facebook"})
    with pytest.raises(ValidationError, match="không in văn bản này"):
        services.documents.render("ads-report", takedown["code"])
    with pytest.raises(Exception, match="BCQC-2099-00001"):
        services.documents.render("ads-report", "BCQC-2099-00001")


def test_the_report_is_the_departments_once_a_year_and_kept_as_sent(
        year_of_ads: Services) -> None:
    services = year_of_ads
    services.security.add_user("dian", "Cán bộ Dĩ An", "mat-khau-1", ["district_officer"],
                               district=724, must_change=False)
    officer = services.as_actor(services.security.login("dian", "mat-khau-1"))
    with pytest.raises(PermissionDeniedError, match="toàn tỉnh"):
        officer.cases.open("ads_annual_report", "Báo cáo của huyện", data=REPORT)
    code = services.cases.open("ads_annual_report", "Báo cáo năm 2024",
                               at=dt.datetime(2024, 8, 1, 9), data=REPORT)["code"]
    with pytest.raises(ValidationError, match=f"Năm 2024 đã có .*{code}"):
        services.cases.open("ads_annual_report", "Báo cáo thứ hai",
                            at=dt.datetime(2024, 8, 2, 9), data=REPORT)
    services.cases.open("takedown_request", "Yêu cầu gỡ 1", at=dt.datetime(2024, 8, 10, 15),
                        data={"item": "https://x.vn/1", "platform": "TikTok"})
    removed = services.cases.open("takedown_request", "Yêu cầu gỡ 2",
                                  at=dt.datetime(2024, 9, 1, 9),
                                  data={"item": "https://x.vn/2", "platform": "Facebook"})
    services.cases.step(removed["code"], "removed", at=dt.datetime(2024, 9, 1, 20))
    step = next(s for s in services.cases.show(code)["steps"] if s["action"] == "send")
    assert step["issues"] and not step["needs_decision"]
    services.cases.step(code, "send", at=dt.datetime(2024, 9, 5, 9))
    # the report's number is the next of the administrative series after the two requests
    [entry] = [e for e in services.numbering.register(2024, "HC") if e["document_kind"] == "BC"]
    assert (entry["text"], entry["summary"]) == (
        "03/BC-STTTT", "Báo cáo tình hình quản lý dịch vụ quảng cáo xuyên biên giới năm 2024")
    assert entry["recipients"] == "Bộ Thông tin và Truyền thông"  # the ministry of that day
    data = services.case_documents.ads_report(code, today=dt.date(2024, 12, 31))
    # as sent on 05/09/2024: its number, its period; the removal of 07/03 counted, the one
    # forwarded on 12/08 not yet removed
    assert data["number"] == "03/BC-STTTT" and data["printed_on"] == dt.date(2024, 9, 5)
    assert data["period"] == "từ ngày 01/01/2024 đến ngày 05/09/2024"
    assert (data["cross_border"], data["removed"]) == (2, 1)
    assert data["takedowns"] == {"total": 2, "removed": 1, "blocked": 0, "waiting": 1,
                                 "platforms": [("Facebook", 1), ("TikTok", 1)]}
    text = pdf_text(services.documents.render("ads-report", code).pdf)
    assert "Số: 03/BC-STTTT" in text and "ngày 05 tháng 9 năm 2024" in text
    assert "02 yêu cầu gỡ bỏ" in text
    # the printed trích yếu is the register's (one text, texts.toml [[ads_report]])
    assert "Tình hình quản lý dịch vụ quảng cáo xuyên biên giới năm 2024" in " ".join(
        text.split())
