"""The decision settling a complaint, first or second instance (data:
services/complaint_decision.py), Mẫu 1.2 of ND 30/2020 (an individual decision) with the contents
of Luật Khiếu nại 2011 Art. 31(2) — the date, the complainant and the one complained of, what is
complained of, the verification, the dialogue, the legal bases, the conclusion (right, partly
right, wrong), what is kept, amended or cancelled, compensation, the right to complain again or
to sue — and, at second instance, Art. 40(2) (the first settlement's result; the right to sue).
The form of ND 124/2020's appendix was not read: the wording is the Law's list, UNCONFIRMED as
to the form's exact lines."""

from __future__ import annotations

from typing import Any

from sotttt_desktop.documents.model import Article, Document, Para
from sotttt_desktop.documents.templates import Template
from sotttt_desktop.documents.templates.ads_report import paragraphs
from sotttt_desktop.documents.templates.common import day, header, signature

LAW = "Luật Khiếu nại ngày 11 tháng 11 năm 2011"
DECREE = ("Nghị định số 124/2020/NĐ-CP ngày 19 tháng 10 năm 2020 của Chính phủ quy định chi "
          "tiết một số điều và biện pháp thi hành Luật Khiếu nại")


def _province_chair(profile: dict[str, Any]) -> str:
    """"Chủ tịch Ủy ban nhân dân tỉnh Bình Dương" from the parent body's name in capitals."""
    body = profile.get("parent_body") or ""
    head, _, province = body.partition("TỈNH ")
    if not province:
        return "Chủ tịch Ủy ban nhân dân cấp trên"
    return f"Chủ tịch Ủy ban nhân dân tỉnh {province.title()}"


def _sections(data: dict[str, Any], who: str) -> list[Para]:
    person = data["complainant"]
    about = (f"Xét đơn khiếu nại của {'ông (bà)' if person['kind'] == 'person' else ''} "
             f"{who}".replace("  ", " ")
             + (f", địa chỉ: {person['address'].rstrip('.')}" if person["address"] else "")
             + f", nhận ngày {data['received_on']}, khiếu nại {data['complained_of'].rstrip('.')}"
             + (f" của {data['complained_by']}" if data["complained_by"] else "") + ".")
    blocks: list[Para] = [Para(about), Para("I. NỘI DUNG KHIẾU NẠI", "heading"),
                          *paragraphs(data["content"])]
    if data["requests"]:
        blocks.append(Para(f"Yêu cầu của người khiếu nại: {data['requests'].rstrip('.')}."))
    number = 2
    if data["second"]:
        first = data["first_decision"]
        blocks += [Para("II. KẾT QUẢ GIẢI QUYẾT KHIẾU NẠI LẦN ĐẦU", "heading"),
                   *(paragraphs(data["first_result"]) if data["first_result"] else (
                       Para(f"Quyết định giải quyết khiếu nại lần đầu số {first}."),)
                     if first else ())]
        number = 3
    roman = ("", "I", "II", "III", "IV", "V", "VI")
    blocks += [Para(f"{roman[number]}. KẾT QUẢ XÁC MINH NỘI DUNG KHIẾU NẠI", "heading"),
               *paragraphs(data["findings"])]
    number += 1
    if data["dialogues"]:
        blocks += [Para(f"{roman[number]}. KẾT QUẢ ĐỐI THOẠI", "heading"),
                   *(Para(f"Ngày {line}") for line in data["dialogues"])]
        number += 1
    blocks += [Para(f"{roman[number]}. KẾT LUẬN", "heading"),
               Para(f"Nội dung khiếu nại của {who} là {data['outcome']}."),
               *paragraphs(data["conclusion"]),
               Para("Từ những nhận định và căn cứ nêu trên,", "plain")]
    return blocks


def _articles(data: dict[str, Any], who: str) -> tuple[Article, ...]:
    profile = data["profile"]
    articles = [Article(1, "", tuple(data["measures"]))]
    if data["compensation"]:
        articles.append(Article(2, "", (f"Bồi thường thiệt hại: "
                                        f"{data['compensation'].rstrip('.')}.",)))
    if data["second"]:
        rights = (f"Quyết định này là quyết định giải quyết khiếu nại lần hai, có hiệu lực "
                  f"pháp luật sau {data['final_days']} ngày, kể từ ngày ban hành. Trong thời "
                  f"hạn theo quy định của Luật Tố tụng hành chính, {who} có quyền khởi kiện vụ "
                  "án hành chính tại Tòa án.")
    else:
        rights = (f"Quyết định này có hiệu lực pháp luật sau {data['final_days']} ngày, kể từ "
                  f"ngày ban hành, nếu {who} không khiếu nại lần hai. Nếu không đồng ý với "
                  f"Quyết định này, {who} có quyền khiếu nại đến {_province_chair(profile)} "
                  "hoặc khởi kiện vụ án hành chính tại Tòa án theo quy định của Luật Tố tụng "
                  "hành chính.")
    articles.append(Article(len(articles) + 1, "", (rights,)))
    bound = ", ".join(x for x in ("Chánh Văn phòng Sở", data["complained_by"], who) if x)
    articles.append(Article(len(articles) + 1, "", (
        f"{bound} và các cơ quan, tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành "
        "Quyết định này./.",)))
    return tuple(articles)


def _build(data: dict[str, Any]) -> Document:
    who = data["complainant"]["name"]
    instance = "lần hai" if data["second"] else "lần đầu"
    bases = [f"Căn cứ {LAW}", f"Căn cứ {DECREE}",
             *(line if line.lower().startswith("căn cứ") else f"Căn cứ {line}"
               for line in data["settlement_bases"])]
    accepted = data["accepted"]
    if accepted and accepted["number"]:
        bases.append(f"Căn cứ Thông báo thụ lý giải quyết khiếu nại số {accepted['number']} "
                     f"ngày {accepted['on']}")
    bases = [f"{b}{'.' if i == len(bases) - 1 else ';'}" for i, b in enumerate(bases)]
    return header(data, "A4", date=day(data.get("printed_on")), number=data["number"],
                  title="QUYẾT ĐỊNH",
                  summary=f"Về việc giải quyết khiếu nại {instance} của {who}",
                  issuer=f"GIÁM ĐỐC {data['profile']['agency_name']}",
                  legal_bases=tuple(bases),
                  body=(*_sections(data, who), Para("QUYẾT ĐỊNH:", "centre_bold"),
                        *_articles(data, who)),
                  signature=signature(data["signer"]), recipients=tuple(data["recipients"]),
                  metadata_title=f"Quyết định giải quyết khiếu nại {instance} của {who}")


TEMPLATE = Template(kind="complaint-decision",
                    title="Quyết định giải quyết khiếu nại",
                    form="Mẫu 1.2 Phụ lục III Nghị định 30/2020/NĐ-CP; nội dung theo Điều 31, "
                    "Điều 40 Luật Khiếu nại 2011",
                    version="2026-12-07", subject="case", snapshot=False, build=_build)
