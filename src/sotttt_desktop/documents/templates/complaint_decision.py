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
    accepted = data["accepted"]
    about = (f"Xét đơn khiếu nại của {who}"
             + (f", địa chỉ: {person['address'].rstrip('.')}" if person["address"] else "")
             + f", nhận ngày {data['received_on']}, khiếu nại {data['complained_of']}"
             + (f" của {data['maker_phrase']}" if data["maker_phrase"] else "")
             + (f" ({data['complained_by']}, địa chỉ: {data['complained_by_address']})"
                if data["complained_by_address"] else "")
             + (f", đã được thụ lý theo Thông báo số {accepted['number']} ngày {accepted['on']}"
                if accepted and accepted["number"] else "") + ".")
    blocks: list[Para] = [Para(about), Para("I. NỘI DUNG KHIẾU NẠI", "heading"),
                          *paragraphs(data["content"])]
    if data["requests"]:
        blocks.append(Para(f"Yêu cầu của người khiếu nại: {data['requests'].rstrip('.')}."))
    headings = []
    if data["second"]:
        first = data["first_decision"]
        headings.append(("KẾT QUẢ GIẢI QUYẾT KHIẾU NẠI LẦN ĐẦU", [
            *((Para(f"Quyết định giải quyết khiếu nại lần đầu số {first}."),) if first else ()),
            *paragraphs(data["first_result"])]))
    headings.append(("KẾT QUẢ XÁC MINH NỘI DUNG KHIẾU NẠI", list(paragraphs(data["findings"]))))
    if data["dialogues"]:
        headings.append(("KẾT QUẢ ĐỐI THOẠI", [Para(f"Ngày {line}") for line in data["dialogues"]]))
    headings.append(("KẾT LUẬN", [Para(f"Nội dung khiếu nại của {who} là {data['outcome']}."),
                                  *paragraphs(data["conclusion"])]))
    roman = ("II", "III", "IV", "V", "VI")
    for number, (title, paras) in zip(roman, headings, strict=False):
        blocks += [Para(f"{number}. {title}", "heading"), *paras]
    return [*blocks, Para("Từ những nhận định và căn cứ nêu trên,")]


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
    maker = data["complained_by"]
    own = maker.lower().startswith("giám đốc sở")  # the signer does not bind himself
    bound = ", ".join(x for x in ("Chánh Văn phòng Sở", "" if own else maker, who) if x)
    articles.append(Article(len(articles) + 1, "", (
        f"{bound} và các cơ quan, tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành "
        "Quyết định này./.",)))
    return tuple(articles)


def recipients(data: dict[str, Any], last_article: int) -> tuple[str, ...]:
    """Those the execution article names, the superior (Art. 32: the first decision is sent
    to the head of the superior body), the inspectorate of the province, the archive."""
    superior = (f"{_province_chair(data['profile'])} (để báo cáo)"
                .replace("Chủ tịch Ủy ban nhân dân", "Chủ tịch UBND"))
    return (f"Như Điều {last_article}", superior, "Thanh tra tỉnh",
            f"Lưu: VT, {data['unit']}, hồ sơ".replace(", , ", ", "))


def _build(data: dict[str, Any]) -> Document:
    who = data["complainant"]["name"]
    instance = "lần hai" if data["second"] else "lần đầu"
    typed = [line.removeprefix("Căn cứ ").removeprefix("căn cứ ")
             for line in data["settlement_bases"]]
    # the Law and its decree are cited already: a typed line naming them is not said twice
    typed = [line for line in typed if not line.lower().startswith("luật khiếu nại")
             and "124/2020" not in line]
    bases = [data["founding"].removeprefix("Căn cứ ").rstrip(";."), LAW, DECREE, *typed]
    bases = [f"Căn cứ {b}{'.' if i == len(bases) - 1 else ';'}" for i, b in enumerate(bases)]
    articles = _articles(data, who)
    return header(data, "A4", date=day(data.get("printed_on")), number=data["number"],
                  title="QUYẾT ĐỊNH",
                  summary=f"Về việc giải quyết khiếu nại {instance} của {who}",
                  issuer=f"GIÁM ĐỐC {data['profile']['agency_name']}",
                  legal_bases=tuple(bases),
                  body=(*_sections(data, who), Para("QUYẾT ĐỊNH:", "centre_bold"), *articles),
                  signature=signature(data["signer"]),
                  recipients=recipients(data, articles[-1].number),
                  metadata_title=f"Quyết định giải quyết khiếu nại {instance} của {who}")


TEMPLATE = Template(kind="complaint-decision",
                    title="Quyết định giải quyết khiếu nại",
                    form="Mẫu 1.2 Phụ lục III Nghị định 30/2020/NĐ-CP; nội dung theo Điều 31, "
                    "Điều 40 Luật Khiếu nại 2011",
                    version="2026-12-07", subject="case", snapshot=False, build=_build)
