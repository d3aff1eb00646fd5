"""The six-monthly report of the province's incident-response unit (issue #19; QĐ 05/2017/QĐ-TTg
Art. 12(1)(g)) through the services on SQLite and PostgreSQL: one report a half-year, its
figures drafted from the incidents, alerts and drills of the half as they stood at its end,
numbered from the register of outgoing documents when a leader sends it, read only by the
security unit and the leaders."""

from __future__ import annotations

import datetime as dt

import pytest

from sotttt_desktop.errors import PermissionDeniedError, ValidationError
from sotttt_desktop.services import Services
from sotttt_desktop.services.security_report import half_year_period
from tests.documents.helpers import pdf_text

WRITTEN = {"assessment": "Các hệ thống thông tin của tỉnh cơ bản hoạt động ổn định.",
           "proposals": "Đề nghị Cục An toàn thông tin hỗ trợ tập huấn ứng cứu sự cố."}


def _user(services: Services, name: str, roles: list[str], **kw) -> Services:  # noqa: ANN003
    services.security.add_user(name, name.title(), "mat-khau-1", roles, must_change=False, **kw)
    return services.as_actor(services.security.login(name, "mat-khau-1"))


def _incident(services: Services, system: str, title: str, discovered: dt.datetime,
              impact: str, steps: tuple[tuple[str, dt.datetime], ...]) -> str:
    code = services.cases.open("security_incident", title, data={
        "system_id": system, "impact": impact, "description": title,
        "discovered_at": discovered.strftime("%d/%m/%Y %H:%M"),
        "beyond_capacity": "có" if impact == "serious" else ""})["code"]
    for action, at in steps:
        services.cases.step(code, action, at=at)
    return code


@pytest.fixture
def half_year(services: Services) -> Services:
    """The first half of 2026: an incident notified in time and closed, one discovered on 25/06
    and notified only on 02/07 (past its 120 hours at the half's end), one discovered in July
    (the next half); alerts of March (fixed) and May (past its fix due), one of August; a drill
    in April."""
    owner = services.parties.add(kind="org", name="Ủy ban nhân dân tỉnh Bình Dương")
    portal, office = (str(services.registers.create("information_systems", {
        "name": name, "system_class": "public_service", "online_service_level": "2",
        "owner_id": str(owner["id"]), "defence_harm": "none", "state": "in_use",
        "approved_level": "2", "approval_decision": "15/QĐ-STTTT",
        "approved_on": "10/01/2025"})["id"])
        for name in ("Cổng thông tin điện tử tỉnh", "Hệ thống quản lý văn bản và điều hành"))
    services.registers.create("information_systems", {  # approved after the first half
        "name": "Hệ thống thư điện tử công vụ", "system_class": "internal",
        "owner_id": str(owner["id"]), "defence_harm": "none", "state": "in_use",
        "approved_level": "2", "approval_decision": "95/QĐ-STTTT", "approved_on": "15/08/2026"})
    at = dt.datetime
    _incident(services, portal, "Thay đổi giao diện Cổng thông tin", at(2026, 2, 1, 10, 0),
              "significant", (("notify", at(2026, 2, 3, 9, 0)),
                              ("end_response", at(2026, 2, 4, 9, 0)),
                              ("final_report", at(2026, 2, 6, 9, 0)),
                              ("close", at(2026, 2, 10, 9, 0))))
    _incident(services, office, "Mã độc tống tiền trên máy chủ văn bản",
              at(2026, 6, 25, 8, 0), "serious", (("notify", at(2026, 7, 2, 8, 0)),))
    _incident(services, portal, "Tấn công từ chối dịch vụ", at(2026, 7, 5, 8, 0), "minor", ())
    for ref, issued, severity, fixed in (("301/CATTT-NCSC", "01/03/2026", "critical",
                                          "04/03/2026"),
                                         ("802/CATTT-NCSC", "01/05/2026", "high", ""),
                                         ("1201/CATTT-NCSC", "01/08/2026", "medium", "")):
        services.registers.create("security_alerts", {
            "alert_ref": ref, "issued_on": issued, "issue": f"CVE-2026-{ref[:3]}",
            "severity": severity, "systems": f"Cổng thông tin điện tử tỉnh | Văn phòng UBND "
                                             f"tỉnh | {issued} | {fixed}",
            "state": "fixed" if fixed else "open", "fixed_on": fixed})
    services.registers.create("security_drills", {
        "title": "Diễn tập ứng cứu sự cố an toàn thông tin mạng tỉnh năm 2026",
        "held_on": "10/04/2026", "scope": "provincial", "organiser": "Sở TT&TT",
        "scenario": "Tấn công mã độc tống tiền vào Trung tâm dữ liệu tỉnh."})
    return services


def test_the_halves_are_the_calendars_as_the_data_bounds_them() -> None:
    assert half_year_period(2026, "first") == (dt.date(2026, 1, 1), dt.date(2026, 6, 30))
    assert half_year_period(2026, "second") == (dt.date(2026, 7, 1), dt.date(2026, 12, 31))


def test_the_report_counts_its_half_as_it_stood_at_its_end(half_year: Services) -> None:
    security = _user(half_year, "attt", ["specialist"], areas=["cybersecurity"])
    leader = _user(half_year, "giamdoc", ["leader"])
    report = security.cases.open("security_half_year_report", "Báo cáo 6 tháng đầu năm 2026",
                                 at=dt.datetime(2026, 7, 3, 9, 0),
                                 data={"report_year": "2026", "half": "first", **WRITTEN})
    with pytest.raises(PermissionDeniedError):
        security.cases.step(report["code"], "send")  # a leader sends it
    leader.cases.step(report["code"], "send", at=dt.datetime(2026, 7, 10, 15, 0))
    number = leader.cases.show(report["code"])["timeline"][-1]["decision"]
    assert number.endswith("/BC-STTTT")
    [entry] = [e for e in leader.numbering.register(2026, "BC") if e["text"] == number]
    assert entry["summary"] == ("Báo cáo kết quả công tác ứng cứu sự cố an toàn thông tin mạng "
                                "6 tháng đầu năm 2026")
    assert entry["recipients"].startswith("Cục An toàn thông tin")
    text = " ".join(pdf_text(leader.documents.render("security-half-year-report",
                                                     report["code"]).pdf).split())
    for words in (
            f"Số: {number}", "ngày 10 tháng 7 năm 2026", "BÁO CÁO",
            "Kết quả công tác ứng cứu sự cố an toàn thông tin mạng 6 tháng đầu năm 2026",
            "Thực hiện điểm g khoản 1 Điều 12 Quyết định số 05/2017/QĐ-TTg ngày 16 tháng 3 "
            "năm 2017", "(số liệu từ ngày 01/01/2026 đến ngày 30/06/2026)",
            "đã ghi nhận 02 sự cố an toàn thông tin mạng (theo mức độ ảnh hưởng — đáng kể: 01; "
            "nghiêm trọng: 01); 01 sự cố vượt quá khả năng xử lý của đơn vị vận hành; 01 sự cố "
            "thông báo chậm", "01 sự cố đã kết thúc ứng phó và đóng",
            "09:00 ngày 03/02/2026 (đúng hạn)", "Chưa thông báo (quá hạn)",  # as on 30/06
            "Sở đã tiếp nhận 02 cảnh báo (nghiêm trọng: 01; cao: 01)",
            "01 cảnh báo đã được khắc phục xong; 01 cảnh báo quá hạn khắc phục",
            "802/CATTT-NCSC", "08/05/2026", "đã tổ chức, tham gia 01 cuộc diễn tập",
            "Sở đang theo dõi 03 hệ thống thông tin", "đến ngày 30/06/2026, 02 hệ thống đã "
            "được phê duyệt cấp độ an toàn hệ thống thông tin (cấp độ 2: 02)", WRITTEN["assessment"],
            WRITTEN["proposals"], "Cục ATTT - Bộ TT&TT (b/c)"):
        assert words in text, words
    for outside in ("Tấn công từ chối dịch vụ", "1201/CATTT-NCSC", "CVE-2026-120"):
        assert outside not in text, outside  # of the next half


def test_one_report_a_half_year_and_it_is_sent_as_written(half_year: Services) -> None:
    security = _user(half_year, "attt", ["specialist"], areas=["cybersecurity"])
    first = security.cases.open("security_half_year_report", "Báo cáo 6 tháng đầu năm",
                                data={"report_year": "2026", "half": "first"})
    with pytest.raises(ValidationError, match=f"đã có .*{first['code']}") as refused:
        security.cases.open("security_half_year_report", "Báo cáo lần hai",
                            data={"report_year": "2026", "half": "first"})
    assert "half" in refused.value.field_errors
    second = security.cases.open("security_half_year_report", "Báo cáo 6 tháng cuối năm",
                                 data={"report_year": "2026", "half": "second"})
    with pytest.raises(ValidationError, match=first["code"]):  # edited into a held half
        security.cases.edit(second["code"], {"report_year": "2026", "half": "first"})
    leader = _user(half_year, "giamdoc", ["leader"])
    with pytest.raises(ValidationError):  # not sent without its assessment and proposals
        leader.cases.step(first["code"], "send")
    with pytest.raises(ValidationError, match="Đánh giá chung"):
        leader.documents.render("security-half-year-report", first["code"])
    security.cases.edit(first["code"], {"report_year": "2026", "half": "first", **WRITTEN})
    assert leader.documents.render("security-half-year-report", first["code"]).pdf
    future = security.cases.open("security_half_year_report", "Báo cáo năm sau",
                                 data={"report_year": "2099", "half": "first", **WRITTEN})
    with pytest.raises(ValidationError, match="chưa bắt đầu"):
        leader.documents.render("security-half-year-report", future["code"])


def test_only_the_security_unit_and_the_leaders_read_or_print_it(half_year: Services) -> None:
    report = half_year.cases.open("security_half_year_report", "Báo cáo 6 tháng đầu năm",
                                  data={"report_year": "2026", "half": "first", **WRITTEN})
    viewer = _user(half_year, "xem", ["viewer"])
    press = _user(half_year, "baochi", ["specialist"], areas=["press"])
    for outsider in (viewer, press):
        with pytest.raises(PermissionDeniedError):
            outsider.cases.show(report["code"])
        with pytest.raises(PermissionDeniedError):
            outsider.documents.render("security-half-year-report", report["code"])
