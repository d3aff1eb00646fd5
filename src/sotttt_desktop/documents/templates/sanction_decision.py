"""The decision imposing an administrative sanction (Luật XLVPHC Art. 68 as amended in 2020;
data: services/sanction_decision.py), Mẫu 1.2 of ND 30/2020 with the contents Art. 68(1) asks:
the place and date, the legal bases (the Law, the sector decree), the record of violation and
the explanation, the name and position of the one who decides, the violator (an individual: name,
date of birth, occupation, address, identity number; an organisation: name, address, tax code,
legal representative), the violation, the provision violated, the circumstances, the main and
additional penalties and remedial measures, the effect of the decision, the time limit and place
of execution and of paying the fine with the late-payment addition, the right to complain or
sue, and the signature. The form of ND 118/2021's appendix (MQĐ) was not read: its wording here
is Art. 68's list, UNCONFIRMED as to the form's exact lines."""

from __future__ import annotations

from typing import Any

from sotttt_desktop.documents.model import Article, Document, Para
from sotttt_desktop.documents.templates import Template
from sotttt_desktop.documents.templates.common import agency_title, day, header, signature


def _penalties(data: dict[str, Any]) -> tuple[str, ...]:
    if data["main_penalty"] == "fine":
        main = (f"a) Hình thức xử phạt chính: Phạt tiền. Mức phạt: {data['fine']} (Bằng chữ: "
                f"{data['fine_words']}).")
    else:
        main = "a) Hình thức xử phạt chính: Cảnh cáo."
    withdrawal = data["withdrawal"]
    if withdrawal:
        extra = (f"b) Hình thức xử phạt bổ sung: Tước quyền sử dụng {withdrawal['title']} số "
                 f"{withdrawal['number']} cấp ngày {withdrawal['issued_on']} trong thời hạn "
                 f"{withdrawal['months']:02d} tháng, kể từ ngày {withdrawal['from']} đến ngày "
                 f"{withdrawal['until']}.")
    elif data["suspension"]:
        term = data["suspension"]
        extra = (f"b) Hình thức xử phạt bổ sung: Đình chỉ hoạt động có thời hạn "
                 f"{term['months']:02d} tháng, kể từ ngày {term['from']} đến ngày "
                 f"{term['until']}.")
    else:
        extra = {"confiscation": "b) Hình thức xử phạt bổ sung: Tịch thu tang vật, phương "
                                 "tiện vi phạm hành chính."}.get(
            data["additional"], "b) Hình thức xử phạt bổ sung: Không.")
    remedial = f"c) Biện pháp khắc phục hậu quả: {data['remedial'] or 'Không'}."
    return main, extra, remedial.replace("..", ".")


def _build(data: dict[str, Any]) -> Document:
    agency = agency_title(data["profile"])
    person = data["violator"]
    who = person["name"]
    signer = data["signer"]
    bases = [f"Căn cứ Điều 57, Điều 68, Điều 70, Điều 78 {data['law']}",
             f"Căn cứ {data['decree']}", *([data["competence"]] if data["competence"] else []),
             f"Căn cứ Biên bản vi phạm hành chính số {data['record_no']} lập ngày "
             f"{data['recorded_on']}"]
    bases += [f"Căn cứ văn bản giải trình ngày {on} của {who}" for on in data["explained"]]
    bases = [f"{b}{'.' if i == len(bases) - 1 else ';'}" for i, b in enumerate(bases)]
    paying = (f"{who} phải nộp tiền phạt tại {data['payment_place']}"
              + (f" hoặc nộp vào tài khoản số {data['payment_account']} của "
                 f"{data['payment_place']}" if data["payment_account"] else "")
              + f" trong thời hạn {data['payment_days']} ngày, kể từ ngày nhận được Quyết "
              "định này. Quá thời hạn mà không nộp tiền phạt thì bị cưỡng chế thi hành; mỗi "
              "ngày chậm nộp phạt phải nộp thêm 0,05% trên tổng số tiền phạt chưa nộp."
              ) if data["main_penalty"] == "fine" else ""
    closing = [line for line in (
        f"Quyết định này được giao cho {who} để chấp hành. {who} phải nghiêm chỉnh chấp "
        "hành Quyết định xử phạt này; trường hợp không tự nguyện chấp hành thì bị cưỡng chế "
        "thi hành theo quy định của pháp luật.", paying,
        f"{who} có quyền khiếu nại hoặc khởi kiện hành chính đối với Quyết định này theo "
        "quy định của pháp luật.",
        f"Quyết định này được gửi cho {data['payment_place']} để thu tiền phạt."
        if data["main_penalty"] == "fine" else "") if line]
    closing[-1] = closing[-1].rstrip(".") + "./."
    articles = (
        Article(1, "", (
            "Xử phạt vi phạm hành chính đối với "
            f"{'ông (bà)' if person['kind'] == 'person' else 'tổ chức'} có tên sau đây:",
            *person["lines"],
            f"1. Đã thực hiện hành vi vi phạm hành chính: {data['act'].rstrip('.')}.",
            f"2. Quy định tại {data['provision']} {data['decree'].split(' của Chính phủ')[0]}.",
            f"3. Các tình tiết liên quan đến giải quyết vụ vi phạm: "
            f"{data['circumstances'].rstrip('.') or 'Không'}.",
            "4. Bị áp dụng hình thức xử phạt, biện pháp khắc phục hậu quả như sau:",
            *_penalties(data))),
        Article(2, "", ("Quyết định này có hiệu lực kể từ ngày ký.",)),
        Article(3, "", tuple(closing)),
    )
    intro = f"Tôi: {signer['full_name']}. Chức vụ: {signer['title']}. Đơn vị: {agency}."
    return header(data, "A4", date=day(data.get("printed_on")), number=data["number"],
                  title="QUYẾT ĐỊNH", summary="Xử phạt vi phạm hành chính",
                  legal_bases=tuple(bases),
                  body=(Para(intro), Para("QUYẾT ĐỊNH:", "centre_bold"), *articles),
                  signature=signature(signer), recipients=tuple(data["recipients"]),
                  metadata_title=f"Quyết định xử phạt vi phạm hành chính đối với {who}")


TEMPLATE = Template(kind="sanction-decision",
                    title="Quyết định xử phạt vi phạm hành chính",
                    form="Mẫu 1.2 Phụ lục III Nghị định 30/2020/NĐ-CP; nội dung theo Điều 68 "
                    "Luật Xử lý vi phạm hành chính",
                    version="2026-12-07", subject="case", snapshot=False, build=_build)
