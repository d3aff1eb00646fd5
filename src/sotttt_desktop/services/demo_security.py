"""Demo data of cybersecurity (issue #19), through the services so every rule applies: the
province's information systems — the portal, the one-stop system, the LGSP, the data centre,
e-office and e-mail, district sites, the health records — owned by the provincial agencies of the
register of parties, each with the answers of the level check, most with their approval, some
with a check and risk assessment coming due or overdue."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sotttt_desktop.core import clock
from sotttt_desktop.i18n import format_date
from sotttt_desktop.services.demo_digital import agency_party

if TYPE_CHECKING:
    from sotttt_desktop.services.facade import Services

PROVINCE = "Ủy ban nhân dân tỉnh Bình Dương"
OPERATOR = "Trung tâm Công nghệ thông tin và Truyền thông tỉnh Bình Dương"
ALL_LAYERS = {"layer_onsite": "có", "layer_monitoring": "có", "layer_audit": "có",
              "layer_national": "có"}

# who runs a system when it is not the province's IT centre (the owner, chủ quản, of the
# provincial agencies' systems is the province: ND 85/2016 Art. 3)
OPERATORS = {
    "Hệ thống quản lý văn bản và điều hành tỉnh Bình Dương":
        "Văn phòng Ủy ban nhân dân tỉnh Bình Dương",
    "Hệ thống thư điện tử công vụ tỉnh Bình Dương": "Sở Thông tin và Truyền thông tỉnh Bình Dương",
    "Hệ thống hồ sơ sức khỏe điện tử tỉnh Bình Dương": "Sở Y tế tỉnh Bình Dương",
    "Trang thông tin nội bộ Sở Tư pháp": "Sở Tư pháp tỉnh Bình Dương",
    "Trang thông tin điện tử thành phố Thuận An": "Ủy ban nhân dân thành phố Thuận An",
}

# (name, owner, answers, proposal and why, approval (level, decision, months ago), months since
# the last check, four-layer answers, users)
SYSTEMS = (
    ("Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Bình Dương", PROVINCE,
     {"system_class": "public_service", "online_service_level": "4", "personal_data": "có",
      "data_subjects": "1200000", "hosting": "Trung tâm dữ liệu tỉnh"}, None,
     ("3", "1520/QĐ-UBND", 26), 11, ALL_LAYERS, "2500"),
    ("Nền tảng tích hợp, chia sẻ dữ liệu tỉnh Bình Dương (LGSP)", PROVINCE,
     {"system_class": "infrastructure", "infrastructure_scope": "province",
      "hosting": "Trung tâm dữ liệu tỉnh"}, None, ("3", "1521/QĐ-UBND", 26), 14,
     {**ALL_LAYERS, "layer_audit": "không"}, "120"),
    ("Trung tâm dữ liệu tỉnh Bình Dương", PROVINCE,
     {"system_class": "infrastructure", "infrastructure_scope": "province"}, None,
     ("3", "2210/QĐ-UBND", 20), 7, ALL_LAYERS, "60"),
    ("Cổng thông tin điện tử tỉnh Bình Dương", PROVINCE,
     {"system_class": "public_service", "online_service_level": "0", "personal_data": "không",
      "hosting": "Trung tâm dữ liệu tỉnh"},
     ("3", "Cổng là kênh thông tin chính thức của tỉnh; bị thay đổi giao diện hoặc đăng tải "
           "thông tin sai lệch ảnh hưởng nghiêm trọng đến uy tín của chính quyền."),
     None, None, {"layer_onsite": "có", "layer_monitoring": "có"}, "40"),
    ("Hệ thống quản lý văn bản và điều hành tỉnh Bình Dương", PROVINCE,
     {"system_class": "internal", "info_kind": "private", "personal_data": "có",
      "data_subjects": "8500"}, None, ("2", "45/QĐ-STTTT", 30), 13, {}, "8500"),
    ("Hệ thống thư điện tử công vụ tỉnh Bình Dương", PROVINCE,
     {"system_class": "internal", "info_kind": "private"}, None,
     ("2", "46/QĐ-STTTT", 30), 22, {}, "9000"),
    ("Hệ thống hồ sơ sức khỏe điện tử tỉnh Bình Dương", PROVINCE,
     {"system_class": "public_service", "online_service_level": "2", "personal_data": "có",
      "data_subjects": "850000"}, None, None, None, {"layer_onsite": "có"}, "1200"),
    ("Trang thông tin điện tử thành phố Thuận An", "Ủy ban nhân dân thành phố Thuận An",
     {"system_class": "public_service", "online_service_level": "2", "personal_data": "có",
      "data_subjects": "4000"}, None, ("2", "112/QĐ-STTTT", 8), None, {}, "25"),
    ("Trang thông tin nội bộ Sở Tư pháp", PROVINCE,
     {"system_class": "internal", "info_kind": "public_only"}, None, None, None, {}, "90"),
)


def agency_names() -> set[str]:
    """The provincial agencies the demo adds to the register of parties: the investors of its
    IT appraisals, the owners and the operator of its information systems."""
    from sotttt_desktop.services.demo_digital import APPRAISALS

    return ({investor for _kind, _title, investor, *_rest in APPRAISALS}
            | {owner for _name, owner, *_rest in SYSTEMS} | {OPERATOR} | set(OPERATORS.values()))


def _months_ago(today: dt.date, months: int) -> dt.date:
    month = today.month - 1 - months
    year, month = today.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(today.day, 28))


# (title, system, hours since the discovery, impact, what happened, steps as (action, hours
# after the discovery, reason))
INCIDENTS = (
    ("Mã độc tống tiền trên máy trạm Sở Y tế",
     "Hệ thống hồ sơ sức khỏe điện tử tỉnh Bình Dương", 30, "serious",
     "Ba máy trạm bị mã hóa dữ liệu; máy chủ ứng dụng chưa bị ảnh hưởng.",
     (("initial_report", 2, ""),)),
    ("Thay đổi giao diện Trang thông tin điện tử thành phố Thuận An",
     "Trang thông tin điện tử thành phố Thuận An", 200, "significant",
     "Trang chủ bị thay bằng nội dung lạ lúc rạng sáng; đã khôi phục từ bản sao lưu.",
     (("notify", 20, ""), ("end_response", 30, ""))),
    ("Tấn công từ chối dịch vụ vào Hệ thống thông tin giải quyết thủ tục hành chính",
     "Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Bình Dương", 600, "significant",
     "Lưu lượng bất thường từ nước ngoài làm chậm hệ thống trong 3 giờ.",
     (("notify", 130, ""), ("progress_report", 140, "Đã chặn dải địa chỉ nguồn tấn công"),
      ("end_response", 150, ""), ("final_report", 200, ""), ("close", 260, ""))),
)


def fill_demo_incidents(services: Services) -> int:
    """An incident discovered yesterday (its notice due in days), one whose response ended
    a week ago without its final report (overdue), one notified late and closed."""
    now = clock.local_now().replace(second=0, microsecond=0)
    systems = {s["name"]: s["id"] for s in services.registers.iter_records("information_systems")}
    for title, system, hours, impact, what, steps in INCIDENTS:
        discovered = now - dt.timedelta(hours=hours)
        case = services.cases.open("security_incident", title, data={
            "system_id": str(systems[system]), "impact": impact, "description": what,
            "discovered_at": discovered.strftime("%d/%m/%Y %H:%M"),
            "discovered_by": OPERATOR, "beyond_capacity": "có" if impact == "serious" else ""})
        for action, after, reason in steps:
            services.cases.step(case["code"], action, reason=reason,
                                at=discovered + dt.timedelta(hours=after))
    return len(INCIDENTS)


HALF_YEAR_WRITTEN = {
    "assessment": "Các hệ thống thông tin của tỉnh cơ bản hoạt động ổn định; đơn vị chuyên trách "
                  "đã tiếp nhận, chuyển cảnh báo đến các cơ quan có hệ thống bị ảnh hưởng và "
                  "theo dõi việc khắc phục.\nMột số cơ quan còn chậm thông báo sự cố và chậm "
                  "khắc phục lỗ hổng theo cảnh báo.",
    "proposals": "Đề nghị Cục An toàn thông tin tiếp tục hỗ trợ tỉnh kết nối, chia sẻ thông tin "
                 "với hệ thống giám sát quốc gia và tổ chức tập huấn chuyên sâu về ứng cứu sự cố "
                 "cho đội ứng cứu sự cố của tỉnh."}

OPINION = ("Thống nhất đề xuất cấp độ 3 đối với hệ thống. Hồ sơ đề xuất cấp độ có đủ thành phần "
           "theo Điều 15 Nghị định số 85/2016/NĐ-CP.\n"
           "Đề nghị hoàn thiện phương án sao lưu dự phòng dữ liệu tại địa điểm thứ hai trước "
           "khi trình phê duyệt.")


def fill_demo_level_proposals(services: Services) -> int:
    """The health records' level-3 proposal being appraised (its opinion due in days), the
    Thuận An site's level-2 proposal awaiting documents."""
    now = clock.local_now().replace(second=0, microsecond=0)
    systems = {s["name"]: s["id"] for s in services.registers.iter_records("information_systems")}
    health = services.cases.open(
        "security_level_3", "Thẩm định hồ sơ đề xuất cấp độ 3 Hệ thống hồ sơ sức khỏe điện tử",
        at=(now - dt.timedelta(days=10)).replace(hour=9, minute=0), data={
            "system_id": str(systems["Hệ thống hồ sơ sức khỏe điện tử tỉnh Bình Dương"]),
            "submitter": str(agency_party(services, "Sở Y tế tỉnh Bình Dương")),
            "proposed_level": "3", "conclusion": OPINION})
    services.cases.step(health["code"], "accept",
                        at=(now - dt.timedelta(days=8)).replace(hour=10, minute=0))
    site = services.cases.open(
        "security_level_12", "Phê duyệt hồ sơ đề xuất cấp độ 1 Trang thông tin nội bộ Sở Tư pháp",
        at=(now - dt.timedelta(days=4)).replace(hour=14, minute=0), data={
            "system_id": str(systems["Trang thông tin nội bộ Sở Tư pháp"]),
            "submitter": str(agency_party(services, "Sở Tư pháp tỉnh Bình Dương")),
            "proposed_level": "1"})
    services.cases.step(site["code"], "request_documents", reason="Bổ sung sơ đồ hệ thống và "
                        "phương án bảo đảm an toàn thông tin theo cấp độ 1",
                        at=(now - dt.timedelta(days=2)).replace(hour=9, minute=0))
    return 2


def fill_demo_security_records(services: Services) -> None:
    """Alerts (one fixed, one being fixed, one past its fix due), two drills, the yearly
    reports of the level-3 systems for last year (sent) and this year (one sent, the others
    being drafted)."""
    today = clock.local_today()
    for ref, days_ago, issue, severity, systems, fixed in (
            ("1856/CATTT-NCSC", 40, "CVE-2024-3400 — PAN-OS GlobalProtect", "critical",
             ("Trung tâm dữ liệu tỉnh Bình Dương",), 38),
            ("2010/CATTT-NCSC", 12, "CVE-2024-38063 — Windows TCP/IP IPv6", "high",
             ("Hệ thống quản lý văn bản và điều hành tỉnh Bình Dương",
              "Hệ thống thư điện tử công vụ tỉnh Bình Dương"), None),
            ("2077/CATTT-NCSC", 4, "CVE-2024-47575 — FortiManager", "moderate", (
                "Nền tảng tích hợp, chia sẻ dữ liệu tỉnh Bình Dương (LGSP)",), None)):
        issued = today - dt.timedelta(days=days_ago)
        rows = [f"{name} | {OPERATOR} | {format_date(issued + dt.timedelta(days=1))} | "
                + (format_date(today - dt.timedelta(days=fixed)) if fixed else "")
                for name in systems]
        services.registers.create("security_alerts", {
            "alert_ref": ref, "issued_on": format_date(issued), "issue": issue,
            "severity": "medium" if severity == "moderate" else severity,
            "systems": "\n".join(rows), "state": "fixed" if fixed else "open",
            "fixed_on": format_date(today - dt.timedelta(days=fixed)) if fixed else ""})
    for title, days_ago, scope, organiser, scenario in (
            ("Diễn tập ứng cứu sự cố an toàn thông tin mạng tỉnh Bình Dương năm "
             f"{today.year}", 60, "provincial", "Sở Thông tin và Truyền thông tỉnh Bình Dương",
             "Tấn công mã độc tống tiền vào Trung tâm dữ liệu tỉnh; phát hiện, cô lập, khôi "
             "phục dữ liệu từ bản sao lưu."),
            (f"Diễn tập thực chiến an toàn thông tin quốc gia {today.year}", 25, "national",
             "Cục An toàn thông tin", "Tấn công có chủ đích (APT) vào Cổng dịch vụ công.")):
        services.registers.create("security_drills", {
            "title": title, "held_on": format_date(today - dt.timedelta(days=days_ago)),
            "scope": scope, "organiser": organiser, "scenario": scenario,
            "participants": f"{OPERATOR} | 12\nĐội ứng cứu sự cố an toàn thông tin mạng tỉnh "
                            "| 20"})
    level_3 = [r for r in services.registers.iter_records("information_systems")
               if r.get("approved_level") == "3"]
    for n, system in enumerate(level_3):
        for year, sent in ((today.year - 1, dt.date(today.year - 1, 11, 20)),
                           (today.year, dt.date(today.year, 11, 25) if n == 0 else None)):
            if sent is not None and sent > today:
                sent = None
            services.registers.create("security_reports", {
                "system_id": str(system["id"]), "year": str(year),
                "sent_on": format_date(sent) if sent else "", "state": "sent" if sent else "drafting",
                "report_no": f"{140 + n}/BC-STTTT" if sent else ""})


def fill_demo_half_year_reports(services: Services) -> int:
    """The second half-year's report being drafted (its figures the incidents, alerts and
    drills of these weeks). The first half's, sent in July, is not made: its number would
    come after the numbers the demo's history gave in the autumn (the register numbers in date
    order)."""
    today = clock.local_today()
    if today.month < 7:
        return 0
    services.cases.open(
        "security_half_year_report",
        f"Báo cáo kết quả công tác ứng cứu sự cố 6 tháng cuối năm {today.year}",
        at=dt.datetime.combine(today - dt.timedelta(days=2), dt.time(8, 30)),
        data={"report_year": str(today.year), "half": "second", **HALF_YEAR_WRITTEN})
    return 1


def fill_demo_security(services: Services) -> int:
    today = clock.local_today()
    for name, owner, answers, proposal, approval, checked, layers, users in SYSTEMS:
        operator = str(agency_party(services, OPERATORS.get(name, OPERATOR)))
        values = {"name": name, "owner_id": str(agency_party(services, owner)),
                  "operator_id": operator, "users": users, "defence_harm": "none",
                  "state": "in_use", **answers, **layers}
        if proposal is not None:
            values["proposed_level"], values["overrule_reason"] = proposal
        if approval is not None:
            level, decision, months = approval
            approved = _months_ago(today, months)
            values.update(approved_level=level, approval_decision=decision,
                          approved_on=approved.strftime("%d/%m/%Y"))
        if checked is not None:
            values["last_assessed_on"] = _months_ago(today, checked).strftime("%d/%m/%Y")
        services.registers.create("information_systems", values)
    fill_demo_incidents(services)
    fill_demo_level_proposals(services)
    fill_demo_security_records(services)
    fill_demo_half_year_reports(services)
    return len(SYSTEMS)
