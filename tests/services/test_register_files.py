"""Registers to and from spreadsheets: a messy 5,000-row import previewed row by row and
committed in one transaction; export → import lossless; the printing-facility register kept
from the permits issued."""

from __future__ import annotations

import csv
import datetime as dt
import unicodedata
from pathlib import Path

import pytest
from openpyxl import Workbook

from sotttt_desktop.errors import DuplicateError, PermissionDeniedError, ValidationError
from sotttt_desktop.services import Services
from sotttt_desktop.services.actor import Actor

REGISTER = "printing_facilities"
HEADINGS = ["STT", "Tên cơ sở in", "MST", "Địa chỉ", "Huyện", "Giấy phép hay đăng ký",
            "Số giấy phép", "Ngày cấp", "Trạng thái", "Ghi chú nội bộ"]
DISTRICTS = ["Thành phố Thủ Dầu Một", "thu dau mot", "Di An", "TX. Bến Cát", "huyen dau tieng",
             "Thành phố Thuận An"]


def _messy_workbook(path: Path, rows: int = 5000) -> dict[str, list[int]]:
    """A spreadsheet as Departments keep them; returns the row numbers of each planted problem."""
    book = Workbook()
    sheet = book.active
    sheet.append(HEADINGS)
    planted: dict[str, list[int]] = {"missing_tax": [], "duplicate": [], "bad_district": [],
                                     "bad_date": [], "nfd": [], "text_date": []}
    for n in range(1, rows + 1):
        line = n + 1
        tax = f"39{n * 7 % 10**8:08d}"
        name = f"Công ty TNHH In Ấn Sông Bé số {n}"
        district = DISTRICTS[n % len(DISTRICTS)]
        issued: object = dt.datetime(2018, 1, 1) + dt.timedelta(days=n % 2000)
        if n % 250 == 0:
            tax = None
            planted["missing_tax"].append(line)
        elif n % 333 == 0:
            tax = f"39{(n - 1) * 7 % 10**8:08d}"  # the previous row's tax code
            planted["duplicate"].append(line)
        if n % 401 == 0:
            district = "Huyện Không Có"
            planted["bad_district"].append(line)
        if n % 97 == 0:
            issued = "31/02/2020"
            planted["bad_date"].append(line)
        elif n % 3 == 0:
            issued = f"{(n % 28) + 1}/{(n % 12) + 1}/2019"  # a date typed as text
            planted["text_date"].append(line)
        if n % 50 == 0:
            name = unicodedata.normalize("NFD", name)
            planted["nfd"].append(line)
        sheet.append([n, name, tax, f"Số {n} đường Yersin", district,
                      "Giấy phép hoạt động in" if n % 2 else "Đăng ký hoạt động cơ sở in",
                      f"{n % 90 + 1:02d}/GP-STTTT", issued, "Đang hoạt động", "nội bộ"])
    book.save(path)
    return planted


def test_a_messy_spreadsheet_is_previewed_row_by_row_then_committed_at_once(
        services: Services, tmp_path: Path) -> None:
    path = tmp_path / "co-so-in.xlsx"
    planted = _messy_workbook(path)
    preview = services.register_files.preview(REGISTER, path)
    rows = {row.line: row for row in preview.rows}
    assert preview.ignored_columns == ["STT", "Ghi chú nội bộ"]
    for line in planted["missing_tax"]:
        assert rows[line].action == "reject"
        assert rows[line].messages == ["Mã số thuế: Trường này bắt buộc nhập."]
    for line in planted["duplicate"]:
        assert rows[line].action == "reject"
        assert f"dòng {line - 1}" in rows[line].messages[0]
    for line in planted["bad_district"]:
        assert rows[line].action == "reject"
        assert any("Huyện Không Có" in m for m in rows[line].messages)
    for line in planted["bad_date"]:
        assert rows[line].action == "reject"
        assert any(m.startswith("Ngày cấp:") for m in rows[line].messages)
    good = [line for line in planted["nfd"] + planted["text_date"]
            if line not in planted["bad_district"] + planted["duplicate"]
            + planted["missing_tax"] + planted["bad_date"]]
    assert all(rows[line].action == "create" for line in good)
    nfd = next(line for line in planted["nfd"] if rows[line].action == "create")
    assert rows[nfd].values["name"] == unicodedata.normalize("NFC", rows[nfd].values["name"])
    assert rows[2].values["district_code"] == rows[7].values["district_code"] == 718  # no marks
    counts = preview.counts()
    rejected = len(set().union(*(planted[k] for k in ("missing_tax", "duplicate",
                                                       "bad_district", "bad_date"))))
    assert counts == {"create": 5000 - rejected, "update": 0, "unchanged": 0, "reject": rejected}
    assert services.registers.count(REGISTER) == 0  # the preview wrote nothing
    with pytest.raises(ValidationError, match=f"{rejected} dòng"):
        services.register_files.commit(REGISTER, path)
    assert services.registers.count(REGISTER) == 0
    done = services.register_files.commit(REGISTER, path, skip_rejected=True)
    assert done.committed and services.registers.count(REGISTER) == 5000 - rejected
    # importing the same file again changes nothing
    again = services.register_files.preview(REGISTER, path).counts()
    assert again == {"create": 0, "update": 0, "unchanged": 5000 - rejected, "reject": rejected}


def test_the_commit_is_one_transaction(services: Services, tmp_path: Path) -> None:
    path = tmp_path / "small.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["Mã số thuế", "Tên", "Huyện, thị xã, thành phố",
                         "Giấy phép hay đăng ký", "Trạng thái"])
        for n in range(1, 21):
            writer.writerow([f"37000000{n:02d}", f"Cơ sở in {n}", "Dĩ An", "Giấy phép hoạt động in",
                             "Đang hoạt động"])
    preview = services.register_files.preview(REGISTER, path)
    assert preview.counts()["create"] == 20
    # another desk enters row 15's facility between the preview and the commit
    services.register_files.commit(REGISTER, _one_row(tmp_path, "3700000015", "Cơ sở khác"))
    with pytest.raises(DuplicateError):
        services.registers.write_many(
            __import__("sotttt_desktop.registers", fromlist=["get_register"]).get_register(
                REGISTER), [(None, r.values) for r in preview.rows], summary="test")
    assert services.registers.count(REGISTER) == 1  # none of the 20 was written


def _one_row(folder: Path, tax: str, name: str) -> Path:
    path = folder / f"{tax}.csv"
    path.write_text(f"Mã số thuế,Tên,Huyện,Giấy phép hay đăng ký,Trạng thái\n{tax},{name},"
                    "Dĩ An,Giấy phép hoạt động in,Đang hoạt động\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_then_import_is_lossless(services: Services, tmp_path: Path, suffix: str,
                                        db_path: Path) -> None:
    from sotttt_desktop.services.demo_cases import fill_demo_facilities

    fill_demo_facilities(services, count=40)
    services.register_files.commit(REGISTER, _one_row(tmp_path, "3700000099", "=SUM(A1:A3)"))
    exported = tmp_path / f"export{suffix}"
    assert services.register_files.export(REGISTER, exported) == 41
    before = {r["tax_code"]: {k: v for k, v in r.items() if k not in (
        "id", "version", "created_at", "updated_at", "created_by", "updated_by")}
        for r in services.registers.iter_records(REGISTER)}
    assert before["3700000099"]["name"] == "=SUM(A1:A3)"  # text, never a formula
    assert services.register_files.preview(REGISTER, exported).counts()["unchanged"] == 41
    # into another, empty database
    from sotttt_desktop.services.setup import open_services
    from sotttt_desktop.settings import sqlite_location
    from tests.conftest import TEST_ACTOR

    other_path = tmp_path / "other.sqlite3"
    other_path.write_bytes(db_path.read_bytes())
    other = open_services(sqlite_location(other_path), actor=TEST_ACTOR)
    try:
        assert other.registers.count(REGISTER) == 0
        assert other.register_files.commit(REGISTER, exported).counts()["create"] == 41
        after = {r["tax_code"]: {k: v for k, v in r.items() if k not in (
            "id", "version", "created_at", "updated_at", "created_by", "updated_by")}
            for r in other.registers.iter_records(REGISTER)}
    finally:
        other.db.close()
    assert after == before


def test_a_failed_export_leaves_no_file(services: Services, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from sotttt_desktop.services import spreadsheet_files

    def full_disk(*_args: object) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(spreadsheet_files, "write_csv", full_disk)
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(ValidationError, match="ổ đĩa đã đầy"):  # the reason in Vietnamese
        services.register_files.export(REGISTER, folder / "out.csv")
    assert list(folder.iterdir()) == []


def test_changed_rows_are_updates_naming_the_fields(services: Services, tmp_path: Path) -> None:
    services.register_files.commit(REGISTER, _one_row(tmp_path, "3700000001", "Cơ sở in A"))
    changed = _one_row(tmp_path, "3700000001", "Cơ sở in A (đổi tên)")
    row = services.register_files.preview(REGISTER, changed).rows[0]
    assert row.action == "update" and row.changed == ["Tên"]
    services.register_files.commit(REGISTER, changed)
    assert next(services.registers.iter_records(REGISTER))["name"] == "Cơ sở in A (đổi tên)"


def test_bad_files_are_refused_clearly(services: Services, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match=r"\.xlsx hoặc \.csv"):
        services.register_files.preview(REGISTER, tmp_path / "a.txt")
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(ValidationError, match="Excel"):
        services.register_files.preview(REGISTER, broken)
    with pytest.raises(ValidationError, match="Không ghi được"):
        services.register_files.export(REGISTER, tmp_path / "no-such-folder" / "x.xlsx")
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(ValidationError, match="trống"):
        services.register_files.preview(REGISTER, empty)
    no_columns = tmp_path / "cols.csv"
    no_columns.write_text("Họ tên,Tuổi\nA,3\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="Mã số thuế"):
        services.register_files.preview(REGISTER, no_columns)


def test_import_and_export_need_their_rights(services: Services, tmp_path: Path) -> None:
    viewer = services.as_actor(Actor(username="xem", display_name="Xem", authenticated=True,
                                     grants=frozenset({("*", "view")})))
    path = _one_row(tmp_path, "3700000001", "Cơ sở in A")
    assert viewer.register_files.preview(REGISTER, path).counts()["create"] == 1
    with pytest.raises(PermissionDeniedError):
        viewer.register_files.commit(REGISTER, path)
    with pytest.raises(PermissionDeniedError):
        viewer.register_files.export(REGISTER, tmp_path / "x.csv")


def _walk(services: Services, procedure: str, tax: str) -> dict:
    holder = services.parties.add(kind="org", name="Công ty TNHH In Tân Uyên", tax_code=tax,
                                  district_code="Tân Uyên", address="Số 5 đường ĐT746",
                                  legal_representative="Trần Văn Bình")
    code = services.dossiers.receive(procedure, holder["id"],
                                     received_at=dt.datetime(2024, 3, 1, 9))["code"]
    services.dossiers.act(code, "start_appraisal")
    services.dossiers.act(code, "approve")
    return services.permits.issue(code, subject="Cơ sở in Tân Uyên", on=dt.date(2024, 3, 12),
                                  details={"equipment": "02 máy in offset",
                                           "products": "Bao bì, nhãn hàng hóa",
                                           "owner": "Trần Văn Bình"})


def test_the_register_is_written_from_the_permit(services: Services) -> None:
    permit = _walk(services, "publishing.printing.issue", "3700888111")
    entry = next(services.registers.iter_records(REGISTER))
    assert (entry["tax_code"], entry["name"], entry["licence_kind"], entry["licence_no"],
            entry["licence_date"], entry["equipment"], entry["state"]) == (
        "3700888111", "Công ty TNHH In Tân Uyên", "permit", permit["number"],
        dt.date(2024, 3, 12), "02 máy in offset", "active")
    assert entry["owner"] == "Trần Văn Bình"
    # a printing licence is withdrawn by a sanction decision, not suspended by the Department:
    # refused, and the register entry stays as it was
    with pytest.raises(ValidationError, match="giấy phép hoạt động in"):
        services.permits.decide(permit["number"], "suspend", reason="Vi phạm", until=dt.date.today() + dt.timedelta(days=30))
    assert next(services.registers.iter_records(REGISTER))["state"] == "active"
    services.documents.render("permit", permit["number"])
    history = services.registers.history(REGISTER, entry["id"])
    assert [p["number"] for p in history["permits"]] == [permit["number"]]
    assert history["permits"][0]["state"] == "valid"
    assert [d["code"] for d in history["dossiers"]] == [permit["dossier"]]
    assert [d["subject"] for d in history["documents"]] == [permit["reference"]]
    assert [e["action"] for e in history["audit"]] == ["create"]  # nothing changed it


def test_the_detail_view_shows_the_history(services: Services, qtbot) -> None:  # noqa: ANN001
    from sotttt_desktop.ui.dialogs.record_detail import RecordDetailDialog

    permit = _walk(services, "publishing.printing.issue", "3700888333")
    entry = next(services.registers.iter_records(REGISTER))
    dialog = RecordDetailDialog(services, REGISTER, entry)
    qtbot.addWidget(dialog)
    lines = [dialog.events.item(i).text() for i in range(dialog.events.count())]
    assert any(f"Giấy phép {permit['number']}" in line for line in lines)
    assert any(permit["dossier"] in line for line in lines)


def test_a_registration_confirmation_writes_a_registered_facility(services: Services) -> None:
    confirmation = _walk(services, "publishing.printing_facility.register", "3700888222")
    entry = next(services.registers.iter_records(REGISTER))
    assert entry["licence_kind"] == "registration"
    assert entry["licence_no"] == confirmation["number"]
    assert services.registers.count(REGISTER) == 1


def test_every_press_and_publishing_procedure_ends_in_its_register(services: Services) -> None:
    """Each procedure of the two areas, from receipt to the printed result; where the result
    is the basis of a register entry, the entry carries its number afterwards."""
    from sotttt_desktop.catalog import load as load_catalogue
    from sotttt_desktop.core.calendar import TimeUnit
    from sotttt_desktop.registers import all_registers
    from tests.documents.helpers import pdf_text

    holder = services.parties.add(kind="org", name="Công ty Cổ phần Văn hóa Sông Bé",
                                  tax_code="3700999111", district_code="718",
                                  address="Số 1 đường Yersin")
    from sotttt_desktop.permits import all_contents
    from tests.permit_samples import SAMPLES

    by_family = {family: all_registers()[c.register] for family, c in all_contents().items()
                 if c.register and family.split(".")[0] in ("press", "publishing")}
    order = {"issue": 0, "other": 0, "amend": 1, "reissue": 2, "extend": 3}
    latest: dict[str, str] = {}
    walked = 0
    for procedure in sorted((p for p in load_catalogue().list()
                             if p.area in ("press", "publishing")
                             and p.unit is not TimeUnit.HOURS_BEFORE
                             # a transfer needs another holder: test_permit_transfer.py
                             and p.action != "transfer"),
                            key=lambda p: (p.family, order[p.action])):
        replaces = latest.get(procedure.family) if procedure.action in (
            "amend", "extend", "reissue") else None
        code = services.dossiers.receive(procedure.key, holder["id"],
                                         received_at=dt.datetime(2024, 4, 1, 9))["code"]
        for step in ("start_appraisal", "approve"):
            services.dossiers.act(code, step)
        permit = services.permits.issue(code, subject="Bản tin Sông Bé", replaces=replaces,
                                        on=dt.date(2024, 4, 10),
                                        details=SAMPLES[procedure.family])
        latest[procedure.family] = permit["reference"]
        text = pdf_text(services.documents.render("permit", permit["reference"]).pdf)
        assert f"Số: {permit['number']}" in text
        services.dossiers.act(code, "return_result")
        assert services.dossiers.show(code)["state"] == "returned"
        spec = by_family.get(procedure.family)
        if spec is not None:
            entries = list(services.registers.iter_records(spec.key))
            assert len(entries) == 1, procedure.key  # created once, then updated
            number_field = next(name for name, fact in spec.permit_feed.facts.items()
                                if fact == "number")
            assert entries[0][number_field] == permit["number"], procedure.key
            assert entries[0]["state"] == "active"
        walked += 1
    assert walked >= 15
    assert {spec.key for spec in by_family.values()} <= {
        s for s in all_registers() if services.registers.count(s) == 1}


def test_a_press_conference_notice_needs_24_hours(services: Services) -> None:
    base = {"notice_no": "15/TB-ABC", "organiser": "Công ty Cổ phần Sữa Bình Dương",
            "organiser_kind": "domestic", "held_on": "10/05/2024", "held_time": "09:00",
            "place": "Khách sạn Sông Bé", "district_code": "Thủ Dầu Một", "answer": "none"}
    with pytest.raises(ValidationError, match="ít nhất 24 giờ"):
        services.registers.create("press_conferences", {**base, "notified_on": "09/05/2024",
                                                        "notified_time": "10:00"})
    record = services.registers.create("press_conferences", {
        **base, "notified_on": "09/05/2024", "notified_time": "08:30"})
    assert record["answer"] == "none"
    with pytest.raises(ValidationError, match="hh:mm"):
        services.registers.create("press_conferences", {**base, "notice_no": "16/TB-ABC",
                                                        "notified_on": "01/05/2024",
                                                        "held_time": "9:75"})
    written = services.registers.create("press_conferences", {  # the time kind reads "9h"
        **base, "notice_no": "17/TB-ABC", "notified_on": "01/05/2024", "held_time": "9h"})
    assert written["held_time"] == "09:00"


def test_a_measure_is_linked_to_the_record_it_concerns(services: Services, tmp_path: Path
                                                       ) -> None:
    services.register_files.commit(REGISTER, _one_row(tmp_path, "3700000777", "Cơ sở in X"))
    facility = next(services.registers.iter_records(REGISTER))
    measure = {"decision_no": "05/QĐ-STTTT", "decided_on": "02/05/2024",
               "measure": "suspend_printing", "target_register": "printing_facilities",
               "target_key": "3700000777", "reason": "In sản phẩm vi phạm Luật Xuất bản"}
    created = services.registers.create("publishing_measures", measure)
    with services.db.session() as session:
        from sotttt_desktop.registers import get_register

        assert session.get(get_register("publishing_measures").model, created["id"]).target_id == facility["id"]
    with pytest.raises(ValidationError, match="Không có bản ghi Mã số thuế 3700000999"):
        services.registers.create("publishing_measures", {
            **measure, "decision_no": "06/QĐ-STTTT", "target_key": "3700000999"})
    with pytest.raises(ValidationError, match="kết thúc"):
        services.registers.create("book_fairs", {
            "fair_name": "Hội sách 2024", "holder_name": "Sở", "state": "active",
            "starts_on": "10/12/2024", "ends_on": "01/12/2024"})


def test_every_register_exports_and_imports_back_unchanged(services: Services,
                                                           tmp_path: Path) -> None:
    """Every declaration round-trips: choices, dates, districts, communes, multi-line text."""
    from sotttt_desktop.registers import all_registers
    from sotttt_desktop.services.demo_cases import fill_demo_facilities, fill_demo_licensed
    from sotttt_desktop.services.demo_digital import fill_demo_digital
    from sotttt_desktop.services.demo_frequency import fill_demo_frequency
    from sotttt_desktop.services.demo_grassroots import fill_demo_stations
    from sotttt_desktop.services.demo_information_areas import (
        fill_demo_ad_violations,
        fill_demo_external,
        fill_demo_grassroots_lists,
    )
    from sotttt_desktop.services.demo_postal import fill_demo_postal
    from sotttt_desktop.services.demo_security import fill_demo_security
    from sotttt_desktop.services.demo_telecom import fill_demo_masts, fill_demo_telecom_records
    from tests.permit_samples import SAMPLES, issue_at_the_desk

    holder = services.parties.add(kind="org", name="Công ty TNHH Ánh Dương",
                                  tax_code="3700123999", district_code="Dĩ An",
                                  address="Số 2 đường số 1\nKhu phố 3")
    for procedure, family in (("postal.licence.issue", "postal.licence"),
                              ("postal.notification.confirm", "postal.notification"),
                              ("press.local_broadcast.consent", "press.local_broadcast")):
        issue_at_the_desk(services, holder, procedure, details=SAMPLES[family])
    fill_demo_postal(services)
    fill_demo_facilities(services, count=12)
    fill_demo_licensed(services)
    fill_demo_stations(services, limit=4)
    fill_demo_grassroots_lists(services, limit=4)
    fill_demo_ad_violations(services)
    fill_demo_external(services)
    fill_demo_masts(services, count=6)
    fill_demo_telecom_records(services)
    fill_demo_frequency(services)
    fill_demo_digital(services)
    fill_demo_security(services)
    from sotttt_desktop.services.demo_inspection import fill_demo_inspection_registers

    fill_demo_inspection_registers(services)
    for key in all_registers():
        path = tmp_path / f"{key}.csv"
        written = services.register_files.export(key, path)
        assert written == services.registers.count(key) > 0, key
        counts = services.register_files.preview(key, path).counts()
        assert counts == {"create": 0, "update": 0, "unchanged": written, "reject": 0}, key


def test_multi_line_text_keeps_its_lines(services: Services, tmp_path: Path, qtbot) -> None:  # noqa: ANN001
    """A list of imported titles stays a list: in the record, through XLSX, in the form."""
    from sotttt_desktop.ui.dialogs.record_form import RecordFormDialog

    record = services.registers.create("publication_imports", {
        "reference": "NK-2024-001", "holder_name": "Hội Thánh Tin Lành Bình Dương",
        "titles": "  1. Kinh Thánh,   200 bản \n\n2. Sách hát, 100 bản\n", "state": "active"})
    assert record["titles"] == "1. Kinh Thánh, 200 bản\n\n2. Sách hát, 100 bản"
    path = tmp_path / "nk.xlsx"
    services.register_files.export("publication_imports", path)
    assert services.register_files.preview("publication_imports", path).counts()[
        "unchanged"] == 1
    form = RecordFormDialog(services, "publication_imports", record)
    qtbot.addWidget(form)
    assert form.raw_value("titles") == record["titles"]
    form.set_text("titles", "1. Kinh Thánh, 200 bản\n2. Sách hát, 150 bản")
    assert form.raw_value("titles").count("\n") == 1


def test_an_ordinary_spreadsheet_imports_with_every_column_recognised(
        services: Services, tmp_path: Path) -> None:
    """Headings without diacritics and common abbreviations (MST, Huyen, Dien thoai), types
    and districts as a clerk types them; a person is keyed by nothing rather than "None"."""
    path = tmp_path / "danh-sach.csv"
    path.write_text(
        "STT,Loai,Ten,MST,Dia chi,Huyen,Dien thoai\n"
        '1,To chuc,Công ty TNHH In Ánh Dương,3702223334,"12 Yersin, Phú Cường",Thu Dau Mot,'
        "0274 3822 111\n"
        '2,Ca nhan,Nguyễn Văn Bảy,,5 Lê Lợi,Di An,0909123456\n'
        "3,Cá nhân,Trần Thị Tám,,6 Lê Lợi,Dĩ An,0909123457\n"
        "4,Doanh nghiep,Công ty CP Sách Mới,3702223335,7 Đại lộ Bình Dương,thu dau mot,\n"
        "5,Khác,Công ty CP Sách Cũ,3702223336,8 Đại lộ Bình Dương,thu dau mot,\n",
        encoding="utf-8")
    preview = services.register_files.preview("parties", path)
    assert preview.ignored_columns == ["STT"]  # every other column recognised
    first, person, second_person, company, wrong = preview.rows
    assert first.action == "create" and first.values["tax_code"] == "3702223334"
    assert first.values["district_code"] == 718 and first.values["phone"] == "02743822111"
    assert person.action == second_person.action == "create"  # two people, no "None" key
    assert person.key == "" and person.values["kind"] == "person"
    assert company.action == "create" and company.values["kind"] == "org"  # "Doanh nghiep"
    assert wrong.action == "reject"
    assert wrong.messages == ["Loại: Chọn một trong: Tổ chức, Cá nhân."]  # words, not codes
    assert "None" not in " ".join(m for r in preview.rows for m in r.messages)
    committed = services.register_files.commit("parties", path, skip_rejected=True)
    assert committed.counts()["create"] == 4


def test_an_exported_spreadsheet_looks_finished(services: Services, tmp_path: Path) -> None:
    """Bold, shaded heading row, frozen; widths fitted; the filter on; dates as dates."""
    from openpyxl import load_workbook

    services.parties.add(kind="person", name="Nguyễn Văn Bảy", citizen_id="074090001234",
                         date_of_birth="05/03/1990")
    path = tmp_path / "parties.xlsx"
    assert services.register_files.export("parties", path) == 1
    sheet = load_workbook(path).active
    assert sheet.freeze_panes == "A2"
    assert sheet["A1"].font.bold and sheet["A1"].fill.fgColor.rgb.endswith("DDE6F0")
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}2"
    assert sheet.column_dimensions["B"].width >= 40  # the name column is wide
    birth = next(c for c in sheet[2] if c.value is not None and c.is_date)
    assert birth.value.date() == dt.date(1990, 3, 5) and birth.number_format == "DD/MM/YYYY"
