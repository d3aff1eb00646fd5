"""The one-stop forms of Circular 01/2018 (issue #13): the receipt on one A5 page up to eight
checklist items and its signatures never alone on a page; the appointment with its hour and the
book's number and entry; forms 02–05 dated by the step they record; form 05's columns and the
people who took each step."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from sotttt_desktop.catalog import load as load_catalogue
from sotttt_desktop.core.models import Signer
from sotttt_desktop.documents.layout import render
from sotttt_desktop.documents.templates import templates
from sotttt_desktop.services import Actor, Services
from sotttt_desktop.services.documents import _jsonable
from tests.conftest import TEST_PASSWORD
from tests.documents.helpers import pdf_text, plumber

HOLDER = "Công ty Cổ phần Truyền thông Sông Bé"


@pytest.fixture(autouse=True)
def bundled_font(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOTTTT_DOCUMENT_FONT", "bundled")


@pytest.fixture
def holder(services: Services) -> dict:
    return services.parties.add(kind="org", name=HOLDER, tax_code="3700111222",
                                district_code="718", address="Số 1 Đại lộ Bình Dương, phường "
                                "Phú Hòa", legal_representative="Nguyễn Văn An",
                                phone="0274 3811 111")


def _pages(pdf: bytes) -> list[str]:
    with plumber(pdf) as doc:
        return [" ".join((page.extract_text() or "").split()) for page in doc.pages]


def _receipt_with(services: Services, holder: dict, items: int) -> bytes:
    """Form 01 of a real dossier whose checklist has `items` papers: the papers of the
    catalogue's largest procedures, as a clerk would list them (half wrap onto two lines)."""
    code = services.dossiers.receive("press.bulletin.issue", holder["id"],
                                     received_at=dt.datetime(2024, 3, 4, 10, 5))["code"]
    data = _jsonable(services.documents.form_data("01", code))
    catalogue = load_catalogue()
    names = [c.name for p in sorted(catalogue.list(), key=lambda p: -len(p.components))
             for c in p.components]
    data["dossier"]["checklist"] = [{"name": names[i % len(names)], "form": "copy",
                                     "count": 1, "provided": True} for i in range(items)]
    return render(templates()["form-01"].build(json.loads(json.dumps(data))))


def test_a_receipt_of_eight_papers_is_one_a5_page(services: Services, holder: dict) -> None:
    pdf = _receipt_with(services, holder, 8)
    pages = _pages(pdf)
    assert len(pages) == 1
    with plumber(pdf) as doc:  # A5 portrait, 148 × 210 mm
        assert (round(doc.pages[0].width), round(doc.pages[0].height)) == (420, 595)
    for expected in ("8 ", "NGƯỜI NỘP HỒ SƠ", "NGƯỜI TIẾP NHẬN HỒ SƠ", "Vào Sổ theo dõi hồ sơ"):
        assert expected in pages[0], expected


def test_a_long_receipt_keeps_its_signatures_with_the_text(services: Services,
                                                           holder: dict) -> None:
    pages = _pages(_receipt_with(services, holder, 15))
    assert len(pages) == 2
    last = pages[-1]
    assert "NGƯỜI TIẾP NHẬN HỒ SƠ" in last and "NGƯỜI NỘP HỒ SƠ" in last
    # not alone: the lines above the signatures moved with them
    assert "Vào Sổ theo dõi hồ sơ, Quyển số: 01, Số thứ tự: 01." in last
    assert "6. Đăng ký nhận kết quả tại" in last
    assert "NGƯỜI TIẾP NHẬN" not in pages[0]


def test_the_receipt_gives_the_hour_and_the_book_entry(services: Services,
                                                       holder: dict) -> None:
    services.dossiers.receive("publishing.photocopier.register", holder["id"],
                              received_at=dt.datetime(2024, 1, 3, 8, 0))
    dossier = services.dossiers.receive("press.bulletin.issue", holder["id"],
                                        received_at=dt.datetime(2024, 3, 4, 14, 35))
    flat = " ".join(pdf_text(services.documents.render("form-01", dossier["code"]).pdf).split())
    due = dossier["due"]
    month = f"{due.month:02d}" if due.month <= 2 else str(due.month)
    assert "4. Thời gian nhận hồ sơ: 14 giờ 35 phút, ngày 04 tháng 3 năm 2024." in flat
    assert (f"5. Thời gian trả kết quả: 14 giờ 35 phút, ngày {due.day:02d} tháng {month} năm "
            f"{due.year}.") in flat
    # the second entry of the year's book, and the book is not "2024"
    assert "Quyển số: 01, Số thứ tự: 02." in flat
    assert "Quyển số: 2024" not in flat
    # form 06 lists the same entry under the same number
    book = " ".join(pdf_text(services.documents.render("form-06", "2024").pdf).split())
    assert f"2 {dossier['code']}" in book
    assert "Quyển số: 01 năm 2024" in book and "Quyển số: 2024" not in book  # the book of 01


def _person(services: Services, username: str, name: str, roles: list[str],
            unit: str | None) -> Services:
    services.security.add_user(username, name, TEST_PASSWORD, roles, unit=unit,
                               areas=["press"], must_change=False)
    return services.as_actor(Actor(username=username, display_name=name, authenticated=True,
                                   grants=frozenset({("*", "*")})))


def test_forms_are_dated_by_their_step_and_signed_by_who_took_it(services: Services,
                                                                  holder: dict) -> None:
    clerk = _person(services, "motcua", "Nguyễn Thị Hồng Nhung", ["one_stop_clerk"], None)
    specialist = _person(services, "chuyenvien", "Trần Quốc Bảo", ["specialist"], "TTBCXB")
    leader = _person(services, "giamdoc", "Lê Thành Nam", ["leader"], None)
    with services.db.session(write=True) as session:  # a deputy director who signs
        session.add(Signer(full_name="Lê Thành Nam", position="PHÓ GIÁM ĐỐC",
                           authority="KT. GIÁM ĐỐC", active_from=dt.date(2023, 6, 1),
                           created_by="test", updated_by="test"))
        session.commit()
    code = clerk.dossiers.receive("press.bulletin.issue", holder["id"],
                                  received_at=dt.datetime(2024, 11, 25, 9, 15))["code"]
    clerk.dossiers.act(code, "request_supplement", reason="Bổ sung sơ yếu lý lịch",
                       at=dt.datetime(2024, 11, 26, 10, 0))
    clerk.dossiers.act(code, "supplement_received", at=dt.datetime(2024, 11, 27, 8, 30))
    specialist.dossiers.act(code, "start_appraisal", at=dt.datetime(2024, 11, 27, 14, 0))
    due = services.dossiers.show(code)["due"]
    specialist.dossiers.act(code, "apologise", reason="Chờ ý kiến của Cục Báo chí",
                            new_due=due + dt.timedelta(days=3),
                            at=dt.datetime(2024, 11, 29, 9, 0))
    leader.dossiers.act(code, "refuse", reason="Tên bản tin trùng với một bản tin đã cấp phép",
                        at=dt.datetime(2024, 11, 30, 10, 45))
    # printed days later (today): each form says the day of its step
    dated = {"02": "ngày 26 tháng 11 năm 2024", "03": "ngày 30 tháng 11 năm 2024",
             "04": "ngày 29 tháng 11 năm 2024", "05": "ngày 30 tháng 11 năm 2024"}
    texts = {}
    for form, day in dated.items():
        texts[form] = " ".join(pdf_text(services.documents.render(f"form-{form}", code).pdf
                                        ).split())
        assert f"Bình Dương, {day}" in texts[form], form
        assert f"ngày {dt.date.today():%d} tháng" not in texts[form] or \
            dt.date.today() == dt.date(2024, 11, 30)
    assert "Nguyễn Thị Hồng Nhung" in texts["02"]  # the clerk who asked for the supplement
    # refused after appraisal: the agency refuses, the leader who refused signs for it
    assert "KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC" in texts["03"] and "Lê Thành Nam" in texts["03"]
    assert "Người tiếp nhận hồ sơ" not in texts["03"]
    assert "Qua xem xét, thẩm định hồ sơ, Sở Thông tin và Truyền thông từ chối giải quyết" \
        in texts["03"]
    assert f"Nơi nhận: - {HOLDER}; - Lưu: VT, TTBCXB." in texts["03"]
    # a company is addressed as an organisation, not as "ông/bà"
    assert "Xin thông báo cho quý tổ chức được biết và thực hiện./." in texts["03"]
    assert "xin lỗi quý tổ chức và sẽ trả kết quả" in texts["04"]
    assert "ông/bà" not in texts["03"] + texts["04"] + texts["02"]
    sheet = texts["05"]
    for column in ("Tên cơ quan", "Thời gian giao, nhận hồ sơ", "Người giao, người nhận",
                   "Kết quả giải quyết hồ sơ", "Ghi chú"):
        assert column in sheet, column
    rows = _rows_of_form_05(services.documents.render("form-05", code).pdf)
    # receipt: the applicant hands the dossier to the clerk at the desk
    assert "Người giao: " + HOLDER in rows[0] and "Người nhận: Nguyễn Thị Hồng Nhung" in rows[0]
    appraisal = next(r for r in rows if "Thẩm định hồ sơ" in r)
    assert "Giao: Bộ phận Tiếp nhận và Trả kết quả" in appraisal
    assert "Nhận: Phòng Thông tin - Báo chí - Xuất bản" in appraisal
    assert "Người giao: Nguyễn Thị Hồng Nhung" in appraisal
    assert "Người nhận: Trần Quốc Bảo" in appraisal
    assert "14 giờ 00 phút" in appraisal
    refusal = next(r for r in rows if "Từ chối giải quyết" in r)
    assert "Người giao: Trần Quốc Bảo" in refusal and "Người nhận: Lê Thành Nam" in refusal
    assert "Nhận: Lãnh đạo Sở" in refusal
    assert "Quá hạn" in refusal or "Đúng hạn" in refusal or "Trước hạn" in refusal
    assert not any("tester" in r for r in rows)  # nobody signs for a step they did not take


def test_a_person_is_addressed_as_ong_ba(services: Services) -> None:
    person = services.parties.add(kind="person", name="Nguyễn Văn Bình", citizen_id="074090001234",
                                  district_code="718", address="Số 5 đường Yersin, phường Phú Cường")
    code = services.dossiers.receive("press.bulletin.issue", person["id"],
                                     received_at=dt.datetime(2024, 11, 25, 9, 15))["code"]
    services.dossiers.act(code, "start_appraisal", at=dt.datetime(2024, 11, 25, 14, 0))
    services.dossiers.act(code, "refuse", reason="Hồ sơ không thuộc thẩm quyền giải quyết",
                          at=dt.datetime(2024, 11, 26, 10, 0))
    text = " ".join(pdf_text(services.documents.render("form-03", code).pdf).split())
    assert "Xin thông báo cho ông/bà được biết và thực hiện./." in text
    assert "quý tổ chức" not in text


def _rows_of_form_05(pdf: bytes) -> list[str]:
    """The text of each body row of form 05's table, cell by cell."""
    rows = []
    with plumber(pdf) as doc:
        for page in doc.pages:
            for table in page.extract_tables():
                for row in table[1:]:
                    rows.append(" | ".join(" ".join((cell or "").split()) for cell in row))
    return rows
