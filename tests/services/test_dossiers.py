"""Dossiers through the services: every path of REFERENCE §2, refusals that write nothing."""

from __future__ import annotations

import datetime as dt
import threading

import pytest

from sotttt_desktop.errors import NotFoundError, PermissionDeniedError, ValidationError
from sotttt_desktop.services import Services

WEBSITE = "e_information.website.issue"  # 10 working days, 3 components


@pytest.fixture
def applicant(services: Services) -> dict:
    return services.parties.add(kind="org", name="Công ty TNHH Truyền thông Sông Bé",
                                tax_code="3700111222", district_code="718")


def _receive(services: Services, applicant: dict, when: str = "2024-02-07 16:00", **kw) -> dict:  # noqa: ANN003
    return services.dossiers.receive(WEBSITE, applicant["id"],
                                     received_at=dt.datetime.fromisoformat(when), **kw)


def test_receipt_gives_a_code_a_due_date_and_its_explanation(services: Services,
                                                             applicant: dict) -> None:
    dossier = _receive(services, applicant)
    assert dossier["code"] == "STTTT-240207-0001"
    assert dossier["due"] == dt.date(2024, 2, 29)  # after 15:00 → 15/02; 10 working days
    assert dossier["state"] == "received" and dossier["holder"] == applicant["name"]
    shown = services.dossiers.show(dossier["code"])
    assert shown["timeline"][0]["explanation"][-1] == \
        "Hạn trả kết quả: thứ Năm 29/02/2024 (ngày làm việc thứ 10)."
    assert all(item["provided"] for item in shown["checklist"])
    assert _receive(services, applicant)["code"] == "STTTT-240207-0002"


def test_the_full_path_to_a_returned_result(services: Services, applicant: dict) -> None:
    code = _receive(services, applicant)["code"]
    for action in ("start_appraisal", "approve", "result_ready", "return_result"):
        services.dossiers.act(code, action, at=dt.datetime(2024, 2, 20, 9))
    shown = services.dossiers.show(code)
    assert shown["state"] == "returned"
    assert shown["status"] == "early"  # returned 20/02, due 29/02
    assert [e["kind"] for e in shown["timeline"]] == [
        "received", "start_appraisal", "approve", "result_ready", "return_result"]
    assert services.audit.verify().ok


def test_a_supplement_restarts_the_clock_from_zero(services: Services, applicant: dict) -> None:
    code = _receive(services, applicant, "2024-06-03 09:00")["code"]  # due 17/06
    services.dossiers.act(code, "request_supplement", reason="Thiếu đề án kỹ thuật",
                          at=dt.datetime(2024, 6, 5, 9))
    back = services.dossiers.act(code, "supplement_received", at=dt.datetime(2024, 6, 12, 10))
    assert back["state"] == "received"
    assert back["due"] == dt.date(2024, 6, 26)  # 10 working days from 12/06
    explanation = services.dossiers.show(code)["timeline"][-1]["explanation"]
    assert "tính lại từ đầu" in explanation[0]


def test_refusal_needs_reasons_and_goes_back_to_the_applicant(services: Services,
                                                             applicant: dict) -> None:
    code = _receive(services, applicant)["code"]
    services.dossiers.act(code, "start_appraisal")
    with pytest.raises(ValidationError, match="lý do"):
        services.dossiers.act(code, "refuse")
    refused = services.dossiers.act(code, "refuse", reason="Tên miền chưa đăng ký")
    assert refused["state"] == "refused"
    assert services.dossiers.act(code, "return_result")["state"] == "returned"


def test_an_apology_moves_the_due_date_once(services: Services, applicant: dict) -> None:
    code = _receive(services, applicant)["code"]  # due 29/02/2024
    before = dt.datetime(2024, 2, 27, 9)  # ND 61 Art. 19(9): at the latest a day before
    moved = services.dossiers.act(code, "apologise", reason="Chờ ý kiến Cục PTTH&TTĐT",
                                  new_due=dt.date(2024, 3, 8), at=before)
    assert moved["due"] == dt.date(2024, 3, 8) and moved["apology_used"]
    with pytest.raises(ValidationError, match="một lần"):
        services.dossiers.act(code, "apologise", reason="lần hai", new_due=dt.date(2024, 3, 15),
                              at=before)
    with pytest.raises(ValidationError):  # not a working day
        other = _receive(services, applicant)["code"]
        services.dossiers.act(other, "apologise", reason="x", new_due=dt.date(2024, 3, 9),
                              at=before)


def test_illegal_steps_are_refused_and_write_nothing(services: Services, applicant: dict
                                                     ) -> None:
    code = _receive(services, applicant)["code"]
    entries = services.audit.count()
    with pytest.raises(ValidationError, match="Có thể từ"):
        services.dossiers.act(code, "approve")
    with pytest.raises(ValidationError):
        services.dossiers.act(code, "fly_away")
    assert services.dossiers.show(code)["state"] == "received"
    assert len(services.dossiers.show(code)["timeline"]) == 1
    assert services.audit.count() == entries


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"missing": [1]}, "Thiếu thành phần hồ sơ bắt buộc"),
    ({"missing": [9]}, "1 đến 3"),
    ({"channel": "pigeon"}, "counter"),
])
def test_bad_receipts_are_refused(services: Services, applicant: dict, kwargs: dict,
                                  message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        _receive(services, applicant, **kwargs)
    assert services.dossiers.count() == 0


def test_unknown_procedure_and_future_receipt(services: Services, applicant: dict) -> None:
    with pytest.raises(NotFoundError):
        services.dossiers.receive("press.nothing", applicant["id"])
    with pytest.raises(ValidationError, match="tương lai"):
        _receive(services, applicant, "2099-01-01 09:00")
    assert services.dossiers.count() == 0


def test_withdrawal_and_hand_over(services: Services, applicant: dict) -> None:
    code = _receive(services, applicant)["code"]
    with pytest.raises(ValidationError, match="TTBCXB"):  # a unit of the Department, by code
        services.dossiers.act(code, "hand_over", to_unit="Phòng không có")
    handed = services.dossiers.act(code, "hand_over", to_unit="TTBCXB")
    assert handed["current_unit"] == "TTBCXB"
    event = services.dossiers.show(code)["timeline"][-1]
    assert event["detail"] == ("Chuyển hồ sơ từ Bộ phận Một cửa đến Phòng Thông tin - Báo chí - "
                               "Xuất bản.")  # names, not codes
    assert services.dossiers.act(code, "withdraw", reason="Tổ chức rút hồ sơ")["state"] == \
        "withdrawn"


def test_due_status_is_derived(services: Services, applicant: dict) -> None:
    today = dt.datetime.now(dt.UTC) + dt.timedelta(hours=7)  # Vietnam time
    old = _receive(services, applicant, "2024-02-07 09:00")
    assert old["status"] == "overdue"
    fresh = _receive(services, applicant,
                     (today - dt.timedelta(minutes=1)).strftime("%Y-%m-%d %H:%M"))
    assert fresh["status"] in ("on_time", "at_risk") and fresh["working_days_left"] >= 1
    assert [d["code"] for d in services.dossiers.list(overdue=True)] == [old["code"]]


def test_who_may_do_what(services: Services, applicant: dict) -> None:
    code = _receive(services, applicant)["code"]
    services.security.add_user("xem.hs", "Người Xem", "mat-khau-1", ["viewer"],
                               must_change=False)
    viewer = services.as_actor(services.security.login("xem.hs", "mat-khau-1"))
    with pytest.raises(PermissionDeniedError):
        viewer.dossiers.receive(WEBSITE, applicant["id"])
    services.security.add_user("cv.buu.chinh", "Chuyên Viên", "mat-khau-1", ["specialist"],
                               areas=["postal"], must_change=False)
    postal = services.as_actor(services.security.login("cv.buu.chinh", "mat-khau-1"))
    with pytest.raises(PermissionDeniedError):
        postal.dossiers.act(code, "start_appraisal")
    services.security.add_user("can.bo.di.an", "Cán Bộ", "mat-khau-1", ["district_officer"],
                               district=724, must_change=False)
    district = services.as_actor(services.security.login("can.bo.di.an", "mat-khau-1"))
    with pytest.raises(NotFoundError):
        district.dossiers.show(code)  # the applicant is in Thủ Dầu Một


def test_twenty_desks_receiving_at_once_get_distinct_consecutive_codes(
        services: Services, applicant: dict) -> None:
    codes: list[str] = []
    errors: list[BaseException] = []
    barrier = threading.Barrier(20)
    lock = threading.Lock()

    def desk() -> None:
        try:
            barrier.wait(timeout=30)
            for _ in range(3):
                code = _receive(services, applicant, "2024-03-01 09:00")["code"]
                with lock:
                    codes.append(code)
        except BaseException as error:  # noqa: BLE001
            errors.append(error)

    threads = [threading.Thread(target=desk) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    assert sorted(codes) == [f"STTTT-240301-{n:04d}" for n in range(1, 61)]


def test_attachments_are_stored_by_content_inside_the_data_folder(
        services: Services, applicant: dict, tmp_path) -> None:  # noqa: ANN001
    import hashlib

    scan = tmp_path / "don-de-nghi.pdf"
    scan.write_bytes(b"%PDF-1.4 don de nghi " * 100)
    copy = tmp_path / "ban-sao.pdf"
    copy.write_bytes(scan.read_bytes())
    sha = hashlib.sha256(scan.read_bytes()).hexdigest()
    # The data folder outlives one test's database (PostgreSQL is reset, the folder is not):
    # count what this receipt adds, not what the folder holds.
    root = services.dossiers.attachment_path(sha).parent.parent
    before = set(root.rglob("*")) if root.exists() else set()
    code = _receive(services, applicant, attachments=[scan, copy])["code"]
    shown = services.dossiers.show(code)
    assert [(a["name"], a["sha256"]) for a in shown["attachments"]] == [
        ("don-de-nghi.pdf", sha), ("ban-sao.pdf", sha)]
    stored = services.dossiers.attachment_path(sha)
    assert stored.read_bytes() == scan.read_bytes()
    added = {path for path in root.rglob("*") if path.is_file()} - before
    assert added == {stored}  # the same content stored once


def test_a_missing_attachment_file_writes_nothing(services: Services, applicant: dict,
                                                  tmp_path) -> None:  # noqa: ANN001
    with pytest.raises(ValidationError, match="Không có tệp"):
        _receive(services, applicant, attachments=[tmp_path / "khong-co.pdf"])
    assert services.dossiers.count() == 0


def test_the_list_finds_a_code_an_applicant_or_a_procedure(demo_services: Services) -> None:
    """Typed as a clerk would: part of a code, a name without diacritics, a procedure."""
    every = demo_services.dossiers.list(limit=100_000)  # the demo's years of volume
    one = every[0]
    # (a filtered list walks in due order, the whole desk newest first: compared as sets)
    assert sorted(d["code"] for d in demo_services.dossiers.list(query=one["code"][-9:],
                                                                  limit=1000)) \
        == sorted(d["code"] for d in every if one["code"][-9:] in d["code"])
    from sotttt_desktop.core.text import fold

    words = " ".join(fold(one["holder"]).split()[-2:])  # "... dai nam thinh"
    assert one["code"] in [d["code"] for d in demo_services.dossiers.list(query=words,
                                                                      limit=100_000)]
    bulletins = demo_services.dossiers.list(query="ban tin", limit=100_000)
    assert {d["code"] for d in every if d["procedure"].startswith("press.bulletin")} \
        <= {d["code"] for d in bulletins}
    assert demo_services.dossiers.list(query="khong co ho so nao nhu vay xyz") == []
    assert demo_services.dossiers.list(query="%") == demo_services.dossiers.list(query="%_%")
