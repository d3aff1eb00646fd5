"""What a case records besides its title, declared with its kind (`CaseSpec.fields`): checked as a
register form checks it, refused whole (nothing written), shown with the evidence's SHA-256; the
steps a case's state allows, with the reason a user may not take one."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from pathlib import Path

import pytest

from sotttt_desktop.errors import ValidationError
from sotttt_desktop.i18n import LOCAL_TZ
from sotttt_desktop.services import Services


def _officer(services: Services) -> Services:
    services.security.add_user("huyen.di.an", "Cán bộ Dĩ An", "mat-khau-1", ["district_officer"],
                               must_change=False, district=724)
    return services.as_actor(services.security.login("huyen.di.an", "mat-khau-1"))


def test_a_takedown_request_records_the_item_and_its_evidence(services: Services,
                                                              tmp_path: Path) -> None:
    capture = tmp_path / "anh-chup.png"
    capture.write_bytes(b"\x89PNG fake capture " * 100)
    taken = dt.datetime(2026, 12, 2, 8, 10, tzinfo=LOCAL_TZ).timestamp()
    os.utime(capture, (taken, taken))  # the screenshot's moment: its capture time to start
    evidence = services.links.store_files([capture])
    assert evidence[0]["captured_at"] == "2026-12-02T08:10"
    opened = services.cases.open(
        "takedown_request", "Quảng cáo thực phẩm chức năng sai sự thật",
        data={"item": "https://www.facebook.com/trang.x/posts/123", "platform": "Facebook",
              "provision": "Điểm a khoản 1 Điều 8 Luật Quảng cáo",
              "captured_at": "02/12/2026 08:15", "evidence": json.dumps(evidence)},
        at=dt.datetime(2026, 12, 2, 9, 0))
    shown = services.cases.show(opened["code"])
    # the request letter is numbered by the register of outgoing documents, never typed
    number = shown["data"]["request_no"]
    assert number == "01/STTTT-TTBCXB" and shown["timeline"][0]["decision"] == number
    [entry] = [e for e in services.numbering.register(2026, "HC") if e["text"] == number]
    assert entry["summary"] == ("Công văn về việc đề nghị gỡ bỏ nội dung vi phạm trên "
                                "Facebook")
    assert (entry["recipients"], entry["file_copy"], entry["document_kind"]) == (
        "Facebook", "VT, TTBCXB", "CV")
    assert entry["reference"] == f"case:{opened['id']}"
    with pytest.raises(ValidationError, match="Không có trường request_no"):
        services.cases.open("takedown_request", "Số gõ tay",
                            data={"item": "https://x.vn/1", "platform": "TikTok",
                                  "request_no": "999/STTTT-TTBCXB"})
    edited = services.cases.edit(opened["code"], {"item": "https://x.vn/2",
                                                  "platform": "Facebook"})
    assert services.cases.show(edited["code"])["data"]["request_no"] == number
    # each file's capture time is checked: a date and time, not in the future
    for captured, message in (("2099-01-01T08:00", "ở tương lai"),
                              ("hôm qua", "không phải là ngày giờ")):
        bad = [{**evidence[0], "captured_at": captured}]
        with pytest.raises(ValidationError, match=message):
            services.cases.edit(opened["code"], {"item": "https://x.vn/2", "platform": "Facebook",
                                                 "evidence": json.dumps(bad)})
    corrected = [{**evidence[0], "captured_at": "2026-12-02T07:55"}]
    services.cases.edit(opened["code"], {"item": "https://x.vn/2", "platform": "Facebook",
                                         "evidence": json.dumps(corrected)})
    assert services.cases.show(opened["code"])["data"]["evidence"] == corrected
    lines = {line["field"]: (line["label"], line["text"]) for line in shown["details"]}
    assert lines["item"] == ("Nội dung bị phản ánh (đường dẫn hoặc tài khoản)",
                             "https://www.facebook.com/trang.x/posts/123")
    assert lines["captured_at"][1] == "02/12/2026 08:15"
    digest = hashlib.sha256(capture.read_bytes()).hexdigest()
    assert lines["evidence"] == ("Tệp chứng cứ", "anh-chup.png (2 KB), ghi nhận lúc 02/12/2026 "
                                                 f"08:10 — SHA-256 {digest}")
    assert shown["data"]["captured_at"] == "2026-12-02T08:15:00"
    # the 24 hours run from the request
    assert shown["due"] == dt.datetime(2026, 12, 3, 9, 0)
    assert [s["action"] for s in shown["steps"]] == ["removed", "block", "withdraw"]
    assert all(s["refusal"] is None for s in shown["steps"])  # the administrator may
    block = next(s for s in shown["steps"] if s["action"] == "block")
    assert block["needs_decision"] and not block["needs_reason"]


def test_bad_fields_are_refused_whole_and_nothing_is_written(services: Services) -> None:
    before = (services.cases.count(), services.audit.count())
    with pytest.raises(ValidationError) as refused:
        services.cases.open("takedown_request", "Thiếu thông tin",
                            data={"captured_at": "32/13/2026", "platform": ""})
    assert set(refused.value.field_errors) == {"item", "platform", "captured_at"}
    assert refused.value.field_errors["item"] == "Trường này bắt buộc nhập."
    with pytest.raises(ValidationError, match="Không có trường colour. Loại vụ việc này có: item"):
        services.cases.open("takedown_request", "x", data={"item": "u", "platform": "p",
                                                           "colour": "đỏ"})
    with pytest.raises(ValidationError, match="Không có trường item. Loại vụ việc này có: "
                                              "denouncer, denouncer_contact, denounced"):
        services.cases.open("denunciation", "Tố cáo", data={"item": "u"})
    assert (services.cases.count(), services.audit.count()) == before


def test_the_steps_say_who_may_not_take_them(services: Services) -> None:
    officer = _officer(services)
    opened = officer.cases.open("takedown_request", "Tài khoản TikTok đăng tin sai sự thật",
                                data={"item": "@tin.nong.binhduong", "platform": "TikTok"})
    assert opened["district_code"] == 724  # the officer's district
    steps = {s["action"]: s for s in officer.cases.show(opened["code"])["steps"]}
    assert steps["removed"]["refusal"] is None
    assert "không có quyền phê duyệt" in steps["block"]["refusal"]
    done = officer.cases.step(opened["code"], "removed")
    assert done["state"] == "removed"
    assert officer.cases.show(opened["code"])["steps"] == []  # a closed case: no step left
