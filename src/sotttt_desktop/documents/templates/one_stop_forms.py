"""The one-stop forms of Circular 01/2018/TT-VPCP Art. 9, on A5 (REFERENCE.md §2.2–2.3):
01 receipt and appointment, 02 supplement request, 03 refusal, 04 apology and new date,
05 process-control sheet. (06, the dossier book, is in dossier_book.py, on A4.)"""

from __future__ import annotations

from typing import Any

from sotttt_desktop.documents.model import (
    Block,
    Document,
    Field,
    Para,
    Signature,
    Signatures,
    TableBlock,
)
from sotttt_desktop.documents.templates import Template
from sotttt_desktop.documents.templates.common import (
    agency_title,
    day,
    ddmmyyyy,
    header,
    moment,
    signature,
)

FORM_LABEL = "Mẫu số {n} — {circular}"
SIGN_CAPTION = "(Ký và ghi rõ họ tên)"
FORM_NAMES = {
    "01": "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
    "02": "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
    "03": "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
    "04": "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ",
    "05": "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
}


def _form(n: str, data: dict[str, Any], body: list[Block], **fields: Any) -> Document:  # noqa: ANN401
    dossier = data["dossier"]
    return header(data, "A5", date=day(data.get("printed_on")), number=None, show_number=False,
                  title=FORM_NAMES[n], summary=f"Mã hồ sơ: {dossier['code']}", body=tuple(body),
                  reference=FORM_LABEL.format(n=n, circular=data.get("circular", "")),
                  metadata_title=f"{FORM_NAMES[n]} — {dossier['code']}", **fields)


def _applicant(data: dict[str, Any]) -> list[Block]:
    applicant = data["applicant"]
    lines: list[Block] = [Field("Ông/bà/tổ chức", applicant["name"], bold=True),
                          Field("Địa chỉ", applicant.get("address") or "")]
    lines.append(Field("Số điện thoại", applicant.get("phone") or "")
                 if not applicant.get("email") else
                 Field("Số điện thoại / Email", f"{applicant.get('phone') or '…'} / "
                                                f"{applicant['email']}"))
    return lines


def _you(data: dict[str, Any]) -> str:
    """How the forms address the applicant: "ông/bà" (the circular's word) to a person, "quý
    tổ chức" to an organisation (a company is not an "ông/bà")."""
    return "quý tổ chức" if data["applicant"].get("kind") == "org" else "ông/bà"


def _desk(data: dict[str, Any]) -> str:
    return f"{data.get('desk_name', 'Bộ phận Tiếp nhận và Trả kết quả')} của {agency_title(data['profile'])}"


def clock_phrase(value: Any) -> str:  # noqa: ANN401 - JSON value
    """`10 giờ 05 phút, ngày 04 tháng 3 năm 2024` (forms 01 and 05 of TT 01/2018); a date
    without a time keeps the blanks for the hour."""
    when = moment(value)
    if when is None:
        return "… giờ … phút, ngày … tháng … năm …"
    month = f"{when.month:02d}" if when.month <= 2 else str(when.month)
    text = f"ngày {when.day:02d} tháng {month} năm {when.year}"
    return f"{when.hour:02d} giờ {when.minute:02d} phút, {text}"


def _form_01(data: dict[str, Any]) -> Document:
    d = data["dossier"]
    checklist = [c for c in d.get("checklist", []) if c.get("provided", True)]
    rows = tuple((str(i + 1), c["name"], {"original": "Bản chính", "copy": "Bản sao"}
                  .get(c.get("form", ""), "Bản chính hoặc bản sao"), f"{c.get('count') or 1:02d}")
                 for i, c in enumerate(checklist))
    received = moment(d["received_at"])
    if d.get("return_at"):
        returned = clock_phrase(d["return_at"])
    else:  # a receipt issued before the appointment carried its hour
        returned = f"{d.get('return_time', '')}ngày {ddmmyyyy(d['due'])}"
    body: list[Block] = [
        Para(f"{_desk(data)} tiếp nhận hồ sơ của:", "plain"), *_applicant(data),
        Field("Nội dung yêu cầu giải quyết", d["procedure_name"]),
        Para("1. Thành phần hồ sơ và số lượng mỗi loại giấy tờ gồm:", "plain"),
        TableBlock(("STT", "Tên giấy tờ", "Hình thức", "Số lượng"), rows,
                   (0.07, 0.65, 0.17, 0.11), font_size=8,
                   align=("CENTER", "LEFT", "CENTER", "CENTER")),
        Para("2. Số lượng hồ sơ: 01 bộ.", "plain"),
        Para(f"3. Thời gian giải quyết hồ sơ theo quy định là: {d['time_limit']:02d} "
             f"{d['unit_label']}.", "plain"),
        Para(f"4. Thời gian nhận hồ sơ: {clock_phrase(received)}.", "plain"),
        Para(f"5. Thời gian trả kết quả: {returned}.", "plain"),
        Para(f"6. Đăng ký nhận kết quả tại: {d.get('return_place') or data.get('desk_name')}.",
             "plain"),
        Para(f"Vào Sổ theo dõi hồ sơ, Quyển số: {d.get('book_number', '')}, Số thứ tự: "
             f"{d.get('book_seq', '')}.", "italic"),
        Signatures(Signature("Người nộp hồ sơ", data["applicant"].get("signing_name", ""),
                             caption=SIGN_CAPTION),
                   Signature("Người tiếp nhận hồ sơ", data.get("clerk", {}).get("full_name", ""),
                             caption=SIGN_CAPTION)),
    ]
    return _form("01", data, body)


def _form_02(data: dict[str, Any]) -> Document:
    d = data["dossier"]
    items = [*data.get("missing", [])] or [data.get("reason", "")]
    reason = [Field("Lý do", data.get("reason", ""))] if data.get("missing") else []
    body: list[Block] = [
        Para(f"{_desk(data)} tiếp nhận hồ sơ của:", "plain"), *_applicant(data),
        Field("Nội dung yêu cầu giải quyết", d["procedure_name"]),
        Para("Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:", "plain"),
        *[Para(f"{i + 1}. {item}", "plain") for i, item in enumerate(items)],
        *reason,
        Para(f"Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, {_you(data)} liên hệ với "
             f"{data.get('clerk', {}).get('full_name', '…')}, số điện thoại "
             f"{data['profile'].get('phone') or '…'} để được hướng dẫn.", "body"),
        Signatures(Signature("", ""), Signature("Người hướng dẫn",
                                                data.get("clerk", {}).get("full_name", ""),
                                                caption=SIGN_CAPTION)),
    ]
    return _form("02", data, body)


def _form_03(data: dict[str, Any]) -> Document:
    """At the desk, the clerk who received the dossier signs; after appraisal the agency
    refuses to settle it and its leader signs, as the agency's documents are signed, with
    the applicant and the file copy in "Nơi nhận" (Art. 19 of Decree 61/2018: the agency
    returns the dossier with a written notice of the reason)."""
    d = data["dossier"]
    agency = agency_title(data["profile"])
    after_appraisal = data.get("after_appraisal", False)
    considered = ("Qua xem xét, thẩm định hồ sơ, {agency} từ chối giải quyết hồ sơ này với lý "
                  "do sau:" if after_appraisal else
                  "Qua xem xét, {agency} từ chối tiếp nhận, giải quyết hồ sơ này với lý do sau:")
    body: list[Block] = [
        Para(f"{_desk(data)} tiếp nhận hồ sơ của:", "plain"), *_applicant(data),
        Field("Nội dung yêu cầu giải quyết", d["procedure_name"]),
        Para(considered.format(agency=agency), "body"),
        Para(data.get("reason", ""), "body"),
        Para(f"Xin thông báo cho {_you(data)} được biết và thực hiện./.", "body"),
    ]
    if after_appraisal:
        return _form("03", data, body, signature=signature(data.get("signer")), recipients=(
            data["applicant"]["name"], f"Lưu: VT, {data.get('unit_abbreviation', '')}"
            .rstrip(", ")))
    body.append(Signatures(Signature("", ""), Signature(
        "Người tiếp nhận hồ sơ", data.get("clerk", {}).get("full_name", ""),
        caption=SIGN_CAPTION)))
    return _form("03", data, body)


def _form_04(data: dict[str, Any]) -> Document:
    d = data["dossier"]
    agency = agency_title(data["profile"])
    you = _you(data)
    body: list[Block] = [
        Para(f"Ngày {ddmmyyyy(d['received_at'])}, {agency} tiếp nhận giải quyết hồ sơ của "
             f"{you} về {d['procedure_name'][0].lower()}{d['procedure_name'][1:]}; mã hồ sơ "
             f"{d['code']}. Thời hạn trả kết quả giải quyết hồ sơ là ngày "
             f"{ddmmyyyy(d.get('old_due'))}.", "body"),
        Para(f"Tuy nhiên đến nay, {agency} chưa trả kết quả giải quyết hồ sơ cho {you}. "
             f"Lý do: {data.get('reason', '').rstrip('.')}.", "body"),
        Para(f"Sự chậm trễ này đã gây phiền hà, tốn kém chi phí đi lại của {you}. {agency} "
             f"xin lỗi {you} và sẽ trả kết quả vào ngày {ddmmyyyy(d.get('new_due'))}.", "body"),
        Para(f"Rất mong nhận được sự thông cảm của {you}./.", "body"),
    ]
    return _form("04", data, body, addressees=(data["applicant"]["name"],),
                 signature=signature(data.get("signer")), recipients=(
                     data["applicant"]["name"], f"Lưu: VT, {data.get('unit_abbreviation', '')}"
                     .rstrip(", ")))


def _hand_over(step: dict[str, Any]) -> tuple[str, str]:
    """Form 05's first and third cells of a step: the agencies (giving, taking) and the people
    who signed for them; a step inside one unit names that unit and the person who took it."""
    if "taker_place" not in step:  # a sheet printed before the columns of the circular
        return step.get("step", ""), step.get("by", "")
    if step.get("giver_place"):
        places = f"Giao: {step['giver_place']}\nNhận: {step.get('taker_place') or '…'}"
    else:
        places = step.get("taker_place", "")
    if step.get("giver") or step.get("giver_place"):
        people = [f"Người giao: {step.get('giver') or '…'}", "",
                  f"Người nhận: {step.get('taker') or '…'}"]
    else:
        people = [f"Người thực hiện: {step.get('taker') or '…'}"]
    return places, "\n".join([*people, ""])


def _form_05(data: dict[str, Any]) -> Document:
    d = data["dossier"]
    rows = []
    for step in data.get("steps", []):
        agencies, people = _hand_over(step)
        note = step.get("step", "") + (f": {step['note']}" if step.get("note") else "")
        rows.append((agencies, step["at"], people, step.get("result", ""), note))
    body: list[Block] = [
        Field("Kèm theo hồ sơ của", data["applicant"]["name"], bold=True),
        Field("Thủ tục", d["procedure_name"]),
        Field("Cơ quan (bộ phận) giải quyết hồ sơ", data.get("unit_name") or _desk(data)),
        Field("Ngày nhận hồ sơ", ddmmyyyy(d["received_at"])),
        Field("Ngày hẹn trả kết quả", ddmmyyyy(d["due"])),
        TableBlock(("Tên cơ quan", "Thời gian giao, nhận hồ sơ",
                    "Người giao, người nhận (ký, ghi rõ họ tên)",
                    "Kết quả giải quyết hồ sơ (trước hạn / đúng hạn / quá hạn)", "Ghi chú"),
                   tuple(rows), (0.21, 0.17, 0.25, 0.14, 0.23), font_size=8,
                   align=("LEFT", "LEFT", "LEFT", "CENTER", "LEFT")),
    ]
    return _form("05", data, body)


def _template(n: str, build: Any) -> Template:  # noqa: ANN401
    return Template(kind=f"form-{n}", title=FORM_NAMES[n][0] + FORM_NAMES[n][1:].lower(),
                    form=f"Mẫu số {n}, Thông tư 01/2018/TT-VPCP (khổ A5)", version="2026-12-07",
                    subject="dossier", snapshot=n in ("01", "04"), build=build,
                    keeps_file=n != "01")


TEMPLATES = [_template("01", _form_01), _template("02", _form_02), _template("03", _form_03),
             _template("04", _form_04), _template("05", _form_05)]
