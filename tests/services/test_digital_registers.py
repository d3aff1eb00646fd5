"""Digital transformation and the IT industry (issue #18): the appraisal result letter numbered
by the register, the outline's band, a signature request read under the rules of its day, the
connection account due in 5 working days, the park's criteria in words, an enterprise titled by
its party."""

from __future__ import annotations

import datetime as dt

import pytest

from sotttt_desktop.core import clock
from sotttt_desktop.errors import ValidationError
from sotttt_desktop.registers import get_register, registers_of
from sotttt_desktop.services import Services

OFFICE = "Văn phòng Ủy ban nhân dân tỉnh Bình Dương"
DESIGN = {"project": "Dự án nâng cấp hạ tầng mạng nội bộ các sở, ngành",
          "investor": OFFICE, "funding": "public_investment", "value": "12500000000"}


@pytest.fixture(autouse=True)
def investors(services: Services) -> None:
    """The investors are organisations of the register of parties (chosen by name)."""
    for name in (OFFICE, "Sở Y tế tỉnh Bình Dương"):
        services.parties.add(kind="org", name=name, district_code="718")


def test_the_areas_keep_their_registers() -> None:
    assert registers_of("digital") == ["dx_plans", "dx_tasks", "dti_scores",
                                       "signature_certificates", "shared_databases",
                                       "shared_platforms", "data_access_log"]
    assert registers_of("it_industry") == ["it_enterprises", "it_products", "it_parks"]


def test_an_appraisal_sends_its_numbered_result_and_records_the_approval(
        services: Services) -> None:
    opened = services.cases.open("it_design_224_bc", "Thẩm định thiết kế dự án", data=DESIGN,
                                 at=dt.datetime(2026, 11, 2, 9))
    with pytest.raises(ValidationError, match="khi đã gửi"):  # no number yet
        services.documents.render("it-appraisal-result", opened["code"])
    with pytest.raises(ValidationError, match="kết luận thẩm định"):  # the letter says it
        services.cases.step(opened["code"], "send_result", at=dt.datetime(2026, 11, 9, 15))
    assert services.numbering.register(2026, "HC") == []  # no number was taken
    conclusion = "Thiết kế phù hợp Kiến trúc Chính quyền điện tử tỉnh."
    services.cases.edit(opened["code"], {**DESIGN, "conclusion": conclusion})
    services.cases.step(opened["code"], "send_result", at=dt.datetime(2026, 11, 9, 15))
    shown = services.cases.show(opened["code"])
    number = shown["timeline"][-1]["decision"]
    [entry] = [e for e in services.numbering.register(2026, "HC") if e["text"] == number]
    assert entry["summary"] == ("Công văn về việc thông báo kết quả thẩm định thiết kế "
                                "Dự án nâng cấp hạ tầng mạng nội bộ các sở, ngành")
    assert entry["recipients"] == OFFICE
    # the letter as sent: its number and date, the decree in force then, the conclusion
    from tests.documents.helpers import pdf_text

    with pytest.raises(ValidationError, match="giữ nguyên như đã gửi") as refused:
        services.cases.edit(opened["code"], {**DESIGN, "conclusion": "Khác."})
    assert "conclusion" in refused.value.field_errors
    text = pdf_text(services.documents.render("it-appraisal-result", opened["code"]).pdf)
    for words in (f"Số: {number}", "ngày 09 tháng 11 năm 2026",
                  "V/v thông báo kết quả thẩm định thiết kế",
                  f"Kính gửi: {OFFICE}", f"2. Chủ đầu tư: {OFFICE}", "Tổng mức đầu tư:",
                  "Căn cứ Nghị định số 224/2026/NĐ-CP ngày 24 tháng 6 năm 2026 của Chính phủ",
                  "ngày 02/11/2026", "12.500.000.000 đồng", "Vốn đầu tư công",
                  "Thiết kế phù hợp Kiến trúc", "Lưu: VT"):
        assert words in " ".join(text.split()), words
    with pytest.raises(ValidationError):  # the approver's decision has its number
        services.cases.step(opened["code"], "approve", at=dt.datetime(2026, 11, 20, 9))
    services.cases.step(opened["code"], "approve", decision="125/QĐ-UBND",
                        at=dt.datetime(2026, 11, 20, 9))
    assert services.cases.show(opened["code"])["state"] == "approved"


def test_an_appraisal_follows_the_rules_of_the_day_it_is_received(services: Services) -> None:
    """ND 73/2019 until 30/06/2026, ND 224/2026 from 01/07/2026 (Art. 91: a project not decided
    by then follows the new decree): a kind out of force is refused, its successors named."""
    with pytest.raises(ValidationError, match="Nghị định 224/2026") as refused:
        services.cases.open("it_design_b", "Thẩm định thiết kế cơ sở", data=DESIGN,
                            at=dt.datetime(2026, 7, 1, 9))
    assert "đến 30/06/2026" in str(refused.value)
    assert "Thẩm định thiết kế dự án nhóm B và C (Nghị định 224/2026)" in str(refused.value)
    with pytest.raises(ValidationError, match="từ 01/07/2026"):
        services.cases.open("it_design_224_bc", "Thẩm định thiết kế dự án", data=DESIGN,
                            at=dt.datetime(2026, 6, 30, 16))
    opened = services.cases.open("it_design_b", "Thẩm định thiết kế cơ sở", data=DESIGN,
                                 at=dt.datetime(2026, 6, 30, 16))
    assert services.cases.show(opened["code"])["state"] == "appraising"


def test_the_investor_is_a_party_of_the_register(services: Services) -> None:
    """Chosen from the register of parties (an unknown name is refused), kept as its id, shown
    and exported by its name; a name typed before the field referred to the register is shown
    as it was and must be chosen when the case is edited."""
    import json
    import uuid

    from sotttt_desktop.core.models import CaseFile

    at = dt.datetime(2026, 11, 2, 9)
    with pytest.raises(ValidationError) as refused:
        services.cases.open("it_design_224_bc", "Thẩm định", at=at,
                            data={**DESIGN, "investor": "Sở Không Có"})
    assert "investor" in refused.value.field_errors
    opened = services.cases.open("it_design_224_bc", "Thẩm định", data=DESIGN, at=at)
    shown = services.cases.show(opened["code"])
    party_id = uuid.UUID(shown["data"]["investor"])
    assert services.parties.get(party_id)["name"] == OFFICE
    assert {"field": "investor", "label": "Chủ đầu tư, đơn vị sử dụng kinh phí",
            "text": OFFICE} in shown["details"]
    with services.db.session(write=True) as session:  # as an appraisal of 11/2026 kept it
        case = session.query(CaseFile).filter_by(code=opened["code"]).one()
        case.data = json.dumps({**json.loads(case.data), "investor": "Sở Xây dựng"})
        session.commit()
    shown = services.cases.show(opened["code"])
    assert shown["data"]["investor"] == "Sở Xây dựng"
    assert {"field": "investor", "label": "Chủ đầu tư, đơn vị sử dụng kinh phí",
            "text": "Sở Xây dựng"} in shown["details"]
    with pytest.raises(ValidationError) as refused:
        services.cases.edit(opened["code"], shown["data"], expected_version=shown["version"])
    assert "investor" in refused.value.field_errors
    services.cases.edit(opened["code"], {**shown["data"], "investor": OFFICE},
                        expected_version=shown["version"])
    assert services.cases.show(opened["code"])["data"]["investor"] == str(party_id)


def test_an_outline_is_for_the_recurrent_budget_in_its_band(services: Services) -> None:
    task = {"project": "Thuê phần mềm quản lý hồ sơ sức khỏe điện tử", "investor": "Sở Y tế tỉnh Bình Dương",
            "funding": "recurrent", "value": "150000000"}
    at = dt.datetime(2025, 5, 5, 9)
    with pytest.raises(ValidationError, match="nằm ngoài khoảng giá trị") as refused:
        services.cases.open("it_outline", "Thẩm định đề cương", data=task, at=at)
    assert "200.000.000" in str(refused.value)
    with pytest.raises(ValidationError, match="chi thường xuyên"):
        services.cases.open("it_outline", "Thẩm định đề cương", at=at,
                            data={**task, "value": "2400000000", "funding": "public_investment"})
    services.cases.open("it_outline", "Thẩm định đề cương", at=at,
                        data={**task, "value": "2400000000"})


def test_a_signature_request_is_read_under_the_rules_of_its_day(services: Services) -> None:
    request = {"request_no": "125/SNV-2024", "subscriber": "Trần Thị Mai",
               "agency": "Sở Nội vụ", "request_type": "restore_device",
               "submitted_on": "10/08/2024", "state": "submitted"}
    with pytest.raises(ValidationError, match="Nghị định 130/2018") as refused:
        services.registers.create("signature_certificates", request)  # before ND 68/2024
    assert "request_type" in refused.value.field_errors
    saved = services.registers.create("signature_certificates", {
        **request, "submitted_on": "20/08/2024"})
    assert services.registers.remarks("signature_certificates", saved) == [
        "Yêu cầu theo Nghị định 68/2024/NĐ-CP (áp dụng từ 15/08/2024), gửi Cục Chứng thực số "
        "và Bảo mật thông tin (Ban Cơ yếu Chính phủ)."]
    with pytest.raises(ValidationError) as refused:  # issued without its serial
        services.registers.create("signature_certificates", {
            **request, "request_no": "126/SNV-2024", "submitted_on": "20/08/2024",
            "state": "issued"})
    assert "cert_serial" in refused.value.field_errors
    clock.set_working_date(dt.date(2026, 12, 5))
    issued = services.registers.create("signature_certificates", {
        **request, "request_no": "127/SNV-2024", "submitted_on": "20/08/2024",
        "request_type": "new", "state": "issued", "cert_serial": "540101123456789",
        "valid_from": "01/09/2024", "valid_to": "15/01/2027"})
    assert services.registers.remarks("signature_certificates", issued)[-1] == (
        "Chứng thư hết hạn sau 41 ngày (15/01/2027): đề nghị gia hạn.")
    [counted] = [r for r in services.overview.area("digital")["registers"]
                 if r["register"] == "signature_certificates"]
    assert counted["due"] == {"days": 60, "count": 1, "overdue": 0}


def test_a_connection_account_is_due_in_five_working_days(services: Services) -> None:
    clock.set_working_date(dt.date(2026, 12, 5))
    saved = services.registers.create("shared_databases", {
        "name": "Cơ sở dữ liệu hộ tịch điện tử", "owner": "Sở Tư pháp",
        "services": "HT-001 | Tra cứu khai sinh",
        "accounts": "Sở Y tế | lgsp.21 | 24/04/2025 | 28/04/2025\n"
                    "Sở Nội vụ | lgsp.22 | 24/04/2025 | 08/05/2025"})
    # 24/04 + 5 working days (30/04 and 01/05 are holidays) = 05/05: the second was late
    assert services.registers.remarks("shared_databases", saved) == [
        "Sở Nội vụ: tài khoản phải được tạo chậm nhất ngày 05/05/2025 (05 ngày làm việc, "
        "Nghị định 47/2020/NĐ-CP Điều 35)."]
    with pytest.raises(ValidationError, match="Dòng 1"):
        services.registers.create("shared_databases", {
            "name": "Cơ sở dữ liệu đất đai", "owner": "Sở Tài nguyên và Môi trường",
            "accounts": "Sở Y tế | lgsp.31 | 24/04/2025 | 20/04/2025"})


def test_a_park_is_measured_against_the_criteria_and_an_enterprise_is_its_party(
        services: Services) -> None:
    park = services.registers.create("it_parks", {
        "name": "Khu công nghệ thông tin tập trung Bàu Bàng", "kind": "general",
        "district_code": "721", "area_ha": "4,5", "workers": "2600", "it_workers": "1720",
        "submitted_on": "01/10/2025", "state": "submitted"})
    assert services.registers.remarks("it_parks", park) == [
        "Lao động CNTT 1720/2600 (66,2 %): cần tối thiểu 2000 người và 60 % — không đạt "
        "(Nghị định 154/2013/NĐ-CP Điều 5).",
        "Diện tích 4,5 ha: cần tối thiểu 5 ha — không đạt."]
    party = services.parties.add(kind="org", name="Công ty Cổ phần Phần mềm Sông Bé",
                                 tax_code="3700333444", district_code="718")
    entry = services.registers.create("it_enterprises", {
        "enterprise_id": str(party["id"]), "kind": "software", "district_code": "718",
        "employees": "40", "it_staff": "32"})
    assert services.registers.title_of(get_register("it_enterprises"), entry) == \
        "Công ty Cổ phần Phần mềm Sông Bé (3700333444)"
    [hit] = [h for h in services.search.search("phan mem song be").hits
             if h.kind == "it_enterprise"]
    assert hit.title == "Công ty Cổ phần Phần mềm Sông Bé (3700333444)"
    with pytest.raises(ValidationError):  # the enterprise once
        services.registers.create("it_enterprises", {
            "enterprise_id": str(party["id"]), "kind": "software", "district_code": "718"})


def test_a_plan_of_forty_tasks_shows_the_overdue_per_agency_and_exports(
        services: Services, tmp_path) -> None:  # noqa: ANN001
    from openpyxl import load_workbook

    from sotttt_desktop.services.demo_digital import fill_demo_plans

    clock.set_working_date(dt.date(2024, 11, 29))
    fill_demo_plans(services)
    tasks = list(services.registers.iter_records("dx_tasks"))
    assert len(tasks) == 40 and len({t["lead_agency"] for t in tasks}) == 12
    today = dt.date(2024, 11, 29)
    open_tasks = [t for t in tasks if t["state"] not in ("done", "cancelled")]
    overdue = {}
    for task in open_tasks:
        if task["deadline"] < today:
            overdue[task["lead_agency"]] = overdue.get(task["lead_agency"], 0) + 1
    [counted] = [r for r in services.overview.area("digital")["registers"]
                 if r["register"] == "dx_tasks"]
    due = counted["due"]
    assert due["overdue"] == sum(overdue.values()) > 0
    assert {g["value"]: g["overdue"] for g in due["by"] if g["overdue"]} == overdue
    assert due["by"][0]["overdue"] == max(overdue.values())  # the most overdue first
    from sotttt_desktop.ui.area_tab import overview_text

    text = overview_text(services, "digital")
    assert "Theo đơn vị chủ trì: Văn phòng Ủy ban nhân dân tỉnh" in text
    out = tmp_path / "nhiem-vu.xlsx"
    assert services.register_files.export("dx_tasks", out) == 40
    sheet = load_workbook(out).active
    header = [cell.value for cell in sheet[1]]
    assert {"Mã nhiệm vụ", "Kế hoạch", "Đơn vị chủ trì", "Hạn cuối"} <= set(header)
    row = [cell.value for cell in sheet[2]]
    assert row[header.index("Kế hoạch")] == ("Kế hoạch Chuyển đổi số tỉnh Bình Dương năm 2024 "
                                             "(926/KH-UBND)")


def test_the_dti_workbook_shows_the_change_and_prints_its_summary(services: Services,
                                                                   tmp_path) -> None:  # noqa: ANN001
    from openpyxl import load_workbook

    from tests.documents.helpers import pdf_text

    for year, own, official in ((2022, "52", "48,5"), (2023, "60", "56,75")):
        services.registers.create("dti_scores", {"year": str(year), "index_code": "3",
                                                 "self_score": own, "official_score": official})
    with pytest.raises(ValidationError):  # one entry a year and index
        services.registers.create("dti_scores", {"year": "2023", "index_code": "3",
                                                 "self_score": "61"})
    with pytest.raises(ValidationError, match="từ 0 đến 100 điểm"):
        services.registers.create("dti_scores", {"year": "2023", "index_code": "4",
                                                 "self_score": "101"})
    entry = services.registers.find_by_key("dti_scores", "2023-3")
    assert services.registers.remarks("dti_scores", entry) == [
        "Đánh giá theo Quyết định số 922/QĐ-BTTTT ngày 20/5/2022 của Bộ trưởng Bộ Thông tin và "
        "Truyền thông.",
        "So với năm 2022: +8 (tự đánh giá), +8,25 (chính thức)."]
    later = services.registers.create("dti_scores", {"year": "2025", "index_code": "3",
                                                     "self_score": "70"})
    assert "Quyết định số 405/QĐ-BKHCN" in services.registers.remarks("dti_scores", later)[1]
    text = " ".join(pdf_text(services.documents.render("dti-summary", "2023").pdf).split())
    assert "Kết quả đánh giá Chỉ số chuyển đổi số cấp tỉnh (DTI) năm 2023" in text
    assert "3. Hạ tầng số 100 60 56,75 48,5 +8,25" in text
    with pytest.raises(ValidationError, match="năm 2019"):
        services.documents.render("dti-summary", "2019")
    out = tmp_path / "dti.xlsx"
    assert services.register_files.export("dti_scores", out) == 3
    header = [cell.value for cell in load_workbook(out).active[1]]
    assert {"Năm", "Chỉ số chính", "Điểm tự đánh giá", "Điểm chính thức"} <= set(header)


def test_the_yearly_it_statistics_count_the_registers_of_the_year(services: Services) -> None:
    """Rows declared in it_statistics.toml: enterprises and products whose figures are of the
    year, counted and summed (money in millions), split by their kind; a table of zeros and a
    reader without the area are refused."""
    from sotttt_desktop.errors import PermissionDeniedError
    from sotttt_desktop.services.annual_statistics import it_statistics, statistics_data
    from tests.documents.helpers import pdf_text

    assert [row.code for row in it_statistics().rows] == ["1", "2", "", "3", "4", "5", ""]
    firms = [("Công ty TNHH Phần mềm Chánh Nghĩa", "3700100001", "software", 2023, 40, 32,
              "12500000000", "1000000000"),
             ("Công ty Cổ phần Dịch vụ số Bình An", "3700100002", "services", 2023, 25, 10,
              "4000000000", ""),
             ("Công ty TNHH Phần mềm Tân Uyên", "3700100003", "software", 2022, 90, 80,
              "30000000000", "")]
    for name, tax, kind, year, staff, it_staff, revenue, exports in firms:
        party = services.parties.add(kind="org", name=name, tax_code=tax, district_code="718")
        services.registers.create("it_enterprises", {
            "enterprise_id": str(party["id"]), "kind": kind, "district_code": "718",
            "figures_year": str(year), "employees": str(staff), "it_staff": str(it_staff),
            "revenue": revenue, "exports": exports})
        services.registers.create("it_products", {
            "product_name": f"Phần mềm của {name}", "owner_id": str(party["id"]),
            "category": "software", "priority": "có" if tax.endswith("1") else "không",
            "year": str(year)})
    data = statistics_data(services, "it-statistics", "2023")
    rows, under = {}, ""
    for code, label, _unit, value in data["rows"]:  # a split row under its indicator
        under = code or under
        rows[code or f"{under} {label}"] = value
    assert (rows["1"], rows["1 – Phần mềm"], rows["1 – Dịch vụ công nghệ thông tin"],
            rows["1 – Phần cứng, điện tử"]) == ("2", "1", "1", "0")  # enterprises of 2023
    assert (rows["2"], rows["2 Trong đó: lao động công nghệ thông tin"]) == ("65", "42")
    assert (rows["3"], rows["3 – Phần mềm"], rows["4"]) == ("16.500", "12.500", "1.000")
    assert (rows["5"], rows["5 – Phần mềm"]) == ("2", "2")  # products, of which prioritised:
    assert [v for k, v in rows.items() if k.startswith("5 Trong đó")] == ["1"]
    text = " ".join(pdf_text(services.documents.render("it-statistics", "2023").pdf).split())
    for words in ("BIỂU TỔNG HỢP", "Số liệu thống kê công nghiệp công nghệ thông tin năm 2023",
                  "Thông tư số 04/2022/TT-BTTTT", "16.500", "triệu đồng"):
        assert words in text, words
    with pytest.raises(ValidationError, match="2021"):  # nothing of 2021: zeros refused
        services.documents.render("it-statistics", "2021")
    with pytest.raises(ValidationError, match="2024"):
        services.documents.render("it-statistics", "năm ngoái")
    district = _user(services, "vhttbencat", ["district_officer"], district=721)
    with pytest.raises(PermissionDeniedError):
        district.documents.render("it-statistics", "2023")


def _user(services: Services, name: str, roles: list[str], **kw) -> Services:  # noqa: ANN003
    services.security.add_user(name, name.title(), "mat-khau-1", roles, must_change=False, **kw)
    return services.as_actor(services.security.login(name, "mat-khau-1"))


def test_the_platforms_log_is_imported_once_with_its_databases(services: Services,
                                                               tmp_path) -> None:  # noqa: ANN001
    """ND 47/2020 Art. 45: the platform's log (CSV as the LGSP writes it, Vietnamese headings)
    names each database by its name; imported twice it is kept once; a request to a database
    not in the catalogue refuses the whole file."""
    services.registers.create("shared_databases", {
        "name": "Cơ sở dữ liệu hộ tịch điện tử", "owner": "Sở Tư pháp",
        "services": "HT-001 | Tra cứu khai sinh"})
    log = tmp_path / "lgsp.csv"
    log.write_text(
        "Mã giao dịch,Tên cơ sở dữ liệu,Mã dịch vụ,Thời gian yêu cầu,Bên yêu cầu,"
        "Nội dung yêu cầu,Trạng thái xử lý,Dữ liệu cung cấp\n"
        "LGSP-0001,Cơ sở dữ liệu hộ tịch điện tử,HT-001,02/12/2024 09:15,"
        "Sở Y tế (lgsp.21),Tra cứu khai sinh,Đã đáp ứng,1 bản ghi\n"
        "LGSP-0002,Cơ sở dữ liệu hộ tịch điện tử,HT-001,02/12/2024 09:20,"
        "Sở Y tế (lgsp.21),Tra cứu khai sinh,Bị từ chối,\n", encoding="utf-8")
    assert services.register_files.preview("data_access_log", log).counts() == {
        "create": 2, "update": 0, "unchanged": 0, "reject": 0}
    services.register_files.commit("data_access_log", log)
    assert services.register_files.preview("data_access_log", log).counts()["unchanged"] == 2
    entries = list(services.registers.iter_records("data_access_log"))
    assert [(e["request_id"], e["state"], e["form"]) for e in entries] == [
        ("LGSP-0001", "served", "service"), ("LGSP-0002", "refused", "service")]
    assert entries[0]["requested_at"] == dt.datetime(2024, 12, 2, 9, 15)
    with log.open("a", encoding="utf-8") as more:
        more.write("LGSP-0003,Cơ sở dữ liệu đất đai,DD-001,03/12/2024 10:00,Sở Xây dựng,"
                   "Tra cứu thửa đất,Đã đáp ứng,2 bản ghi\n")
    with pytest.raises(ValidationError):
        services.register_files.commit("data_access_log", log)
    assert services.registers.count("data_access_log") == 2
