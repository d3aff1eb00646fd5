"""The agency follows the date (issue #13 item 10): the organisation profile is history, every
document resolves the agency, its founding decision, units, signers and place by its own date,
and a document already issued reprints byte for byte after a new period is added."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest

from sotttt_desktop.core.models import AuditEntry
from sotttt_desktop.errors import PermissionDeniedError, ValidationError
from sotttt_desktop.services import Services
from sotttt_desktop.services.actor import Actor
from tests.documents.helpers import pdf_text
from tests.permit_samples import SAMPLES

EXAMPLES = Path(__file__).parents[2] / "docs" / "organisation-periods"
HCMC_EXAMPLE = EXAMPLES / "2025-07-01-so-khoa-hoc-va-cong-nghe-tp-ho-chi-minh.toml"
BINH_DUONG_EXAMPLE = EXAMPLES / "2025-03-01-so-khoa-hoc-va-cong-nghe-binh-duong.toml"
# test data: the examples leave the real decision's number and date as "…"
TEST_DECISION = ('number = "12/2025/QĐ-UBND"', 'date = 2025-02-27')
NEW_SIGNER = '\n[[signer]]\nfull_name = "Lê Thành Tâm"\nposition = "GIÁM ĐỐC"\nauthority = ""\n'


@pytest.fixture(autouse=True)
def bundled_font(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOTTTT_DOCUMENT_FONT", "bundled")


@pytest.fixture
def holder(services: Services) -> dict:
    return services.parties.add(kind="org", name="Công ty Cổ phần Chuyển phát Sông Bé",
                                tax_code="3700111222", district_code="718",
                                address="Số 1 Đại lộ Bình Dương, phường Phú Hòa",
                                legal_representative="Nguyễn Văn An")


def _period_file(tmp_path: Path, example: Path, *, starts: str | None = None,
                 signer: bool = False) -> Path:
    text = example.read_text(encoding="utf-8")
    text = text.replace('number = "…"', TEST_DECISION[0]).replace('date = "…"', TEST_DECISION[1])
    if starts:
        text = re.sub(r"(?m)^effective_from = .*$", f"effective_from = {starts}", text)
    path = tmp_path / example.name
    path.write_text(text + (NEW_SIGNER if signer else ""), encoding="utf-8")
    return path


def _postal_licence(services: Services, holder: dict, received: dt.datetime,
                    issued: dt.date) -> dict:
    code = services.dossiers.receive("postal.licence.issue", holder["id"],
                                     received_at=received)["code"]
    services.dossiers.act(code, "start_appraisal", at=received + dt.timedelta(days=1))
    services.dossiers.act(code, "approve", at=received + dt.timedelta(days=2))
    return services.permits.issue(code, subject="Dịch vụ bưu chính trong phạm vi nội tỉnh",
                                  details=SAMPLES["postal.licence"], on=issued,
                                  valid_until=issued.replace(year=issued.year + 5))


def _flat(pdf: bytes) -> str:
    return " ".join(pdf_text(pdf).split())


def _layout_lines(pdf: bytes) -> list[str]:
    out = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", "-", "-"], input=pdf,
                         capture_output=True, check=True).stdout.decode("utf-8")
    return [" ".join(line.split()) for line in out.splitlines()]


def test_the_shipped_history_starts_with_the_decisions_of_binh_duong(services: Services
                                                                      ) -> None:
    periods = services.reference.profile_versions()
    assert [(p["effective_from"], p["effective_until"], p["founding_decision"]["number"])
            for p in periods] == [("2021-09-20", "2023-05-31", "15/2021/QĐ-UBND"),
                                  ("2023-06-01", None, "15/2023/QĐ-UBND")]
    assert services.reference.agency_basis(dt.date(2024, 5, 10)) == (
        "Căn cứ Quyết định số 15/2023/QĐ-UBND ngày 19 tháng 5 năm 2023 của Ủy ban nhân dân "
        "tỉnh Bình Dương ban hành Quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức "
        "của Sở Thông tin và Truyền thông tỉnh Bình Dương")
    assert "15/2021/QĐ-UBND ngày 06 tháng 9 năm 2021" in \
        services.reference.agency_basis(dt.date(2023, 5, 31))
    assert [u["code"] for u in services.reference.units(dt.date(2024, 5, 10))] == [
        "VP", "TTRA", "TTBCXB", "CDSBCVT", "TTCNTT", "TTTTDT", "IOC"]
    with pytest.raises(ValidationError, match="20/09/2021"):
        services.reference.profile(dt.date(2021, 9, 19))


def test_a_document_of_2024_prints_the_2023_header_and_cites_decision_15_2023(
        services: Services, holder: dict) -> None:
    permit = _postal_licence(services, holder, dt.datetime(2024, 4, 22, 9), dt.date(2024, 5, 10))
    text = _flat(services.documents.render("permit", permit["reference"]).pdf)
    assert "UBND TỈNH BÌNH DƯƠNG SỞ THÔNG TIN VÀ TRUYỀN THÔNG" in text
    assert "Bình Dương, ngày 10 tháng 5 năm 2024" in text
    assert ("Căn cứ Quyết định số 15/2023/QĐ-UBND ngày 19 tháng 5 năm 2023 của Ủy ban nhân "
            "dân tỉnh Bình Dương") in text
    assert "Trưởng phòng Chuyển đổi số - Bưu chính - Viễn thông" in text
    assert "Lưu: VT, CDSBCVT." in text


def test_an_added_period_governs_the_documents_of_its_dates_and_old_ones_reprint_identical(
        services: Services, holder: dict, tmp_path: Path) -> None:
    old = _postal_licence(services, holder, dt.datetime(2024, 4, 22, 9), dt.date(2024, 5, 10))
    first = services.documents.render("permit", old["reference"])
    old_signer = services.reference.signers(dt.date(2024, 5, 10))[0]["full_name"]

    # the administrator adds the period from 01/03/2025 (the issue's test case)
    period = services.reference.add_period_from_file(
        _period_file(tmp_path, HCMC_EXAMPLE, starts="2025-03-01", signer=True))
    assert period["effective_from"] == "2025-03-01"
    assert services.reference.profile(dt.date(2025, 2, 28))["effective_until"] == "2025-02-28"

    new = _postal_licence(services, holder, dt.datetime(2025, 3, 5, 9), dt.date(2025, 3, 15))
    assert new["number"].endswith("/GP-SKHCN")
    pdf = services.documents.render("permit", new["reference"]).pdf
    text = _flat(pdf)
    assert "UBND THÀNH PHỐ HỒ CHÍ MINH SỞ KHOA HỌC VÀ CÔNG NGHỆ" in text
    assert ("Căn cứ Quyết định số 12/2025/QĐ-UBND ngày 27 tháng 02 năm 2025 của Ủy ban nhân "
            "dân Thành phố Hồ Chí Minh quy định chức năng") in text
    assert "Trưởng phòng Bưu chính - Viễn thông" in text and "Lưu: VT, BCVT." in text
    assert "Lê Thành Tâm" in text and old_signer not in text
    for stale in ("15/2023", "Bình Dương, ngày", "Thông tin và Truyền thông",
                  "SỞ THÔNG TIN", "CDSBCVT"):
        assert stale not in text, stale
    # the date line is one line, beside the number
    assert any(line.endswith("Thành phố Hồ Chí Minh, ngày 15 tháng 3 năm 2025")
               and line.startswith(f"Số: {new['number']}") for line in _layout_lines(pdf))

    # the 2024 permit: resolved by its own date, and its reprint is the issued file
    data = services.documents.permit_data(old["reference"])
    assert data["profile"]["agency_name"] == "SỞ THÔNG TIN VÀ TRUYỀN THÔNG"
    assert "15/2023/QĐ-UBND" in data["agency_basis"]
    assert data["unit_abbreviation"] == "CDSBCVT" and data["signer"]["full_name"] == old_signer
    again = services.documents.render("permit", old["reference"])
    assert again.reprint and again.pdf == first.pdf and again.sha256 == first.sha256


def test_adding_a_period_is_for_administrators_and_audited(services: Services,
                                                           tmp_path: Path) -> None:
    path = _period_file(tmp_path, BINH_DUONG_EXAMPLE)
    clerk = services.as_actor(Actor(username="vanthu", display_name="Văn thư",
                                    authenticated=True, grants=frozenset({("one_stop", "view")})))
    with pytest.raises(PermissionDeniedError):
        clerk.reference.add_period_from_file(path)
    assert len(services.reference.profile_versions()) == 2
    services.reference.add_period_from_file(path)
    period = services.reference.profile(dt.date(2025, 3, 15))
    assert period["agency_name"] == "SỞ KHOA HỌC VÀ CÔNG NGHỆ"
    assert period["place_name"] == "Bình Dương"
    assert services.reference.unit_for_area("e_information", dt.date(2025, 3, 15)) == (
        "Phòng Chuyển đổi số - Bưu chính - Viễn thông", "CDSBCVT")
    assert services.reference.unit_for_area("press", dt.date(2025, 3, 15)) == ("", "")
    assert services.reference.unit_for_area("press", dt.date(2025, 2, 28))[1] == "TTBCXB"
    with services.db.session() as session:
        entry = session.query(AuditEntry).filter(
            AuditEntry.entity_kind == "organisation_profile").one()
    assert entry.action == "create" and "12/2025/QĐ-UBND" in entry.after


def test_a_period_with_its_decision_left_blank_is_refused_naming_every_gap(
        services: Services, tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as info:  # the shipped example, "…" left in place
        services.reference.add_period_from_file(BINH_DUONG_EXAMPLE)
    assert {"founding_number", "founding_date"} <= set(info.value.field_errors)
    with pytest.raises(ValidationError) as info:
        services.reference.save_profile(services.reference.profile(), dt.date(2025, 1, 1),
                                        founding={"kind": "Quyết định",
                                                  "number": "12/2025/QĐ-UBND",
                                                  "date": "2025-02-27", "issuer": "UBND",
                                                  "summary": "quy định"},
                                        units=[{"code": "vp 1", "name": ""}])
    errors = info.value.field_errors
    assert "effective_from" in errors  # a period cannot start before its founding decision
    assert "đơn vị 1" in errors["units"]  # the interface speaks Vietnamese
    assert len(services.reference.profile_versions()) == 2


def test_new_signers_take_office_with_the_period(services: Services, tmp_path: Path) -> None:
    before = {s["full_name"] for s in services.reference.signers(dt.date(2025, 2, 28))}
    services.reference.add_period_from_file(
        _period_file(tmp_path, BINH_DUONG_EXAMPLE, signer=True))
    assert {s["full_name"] for s in services.reference.signers(dt.date(2025, 2, 28))} == before
    assert [s["full_name"] for s in services.reference.signers(dt.date(2025, 3, 1))] == \
        ["Lê Thành Tâm"]
