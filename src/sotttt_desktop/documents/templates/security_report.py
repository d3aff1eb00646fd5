"""The six-monthly report of the province's incident-response unit to the national coordinator
(QĐ 05/2017/QĐ-TTg Art. 12(1)(g); data: services/security_report.py), a "văn bản có tên loại"
(Mẫu 1.4, Appendix III of ND 30/2020): the agency header, "BÁO CÁO" with its summary, the rule it
answers, I. the general assessment, II. the half-year's figures (incidents with their notice
against the 05 days, alerts, drills, systems by level), III. the proposals; the signature and
"Nơi nhận". The number is left blank for the records clerk until the report is sent."""

from __future__ import annotations

from typing import Any

from sotttt_desktop.documents.model import Document, Para, TableBlock
from sotttt_desktop.documents.templates import Template
from sotttt_desktop.documents.templates.ads_report import count, paragraphs
from sotttt_desktop.documents.templates.common import agency_title, day, header, signature


def _parts(pairs: list[Any]) -> str:
    return "; ".join(f"{label[:1].lower()}{label[1:]}: {count(n)}" for label, n in pairs)


def _incidents(incidents: dict[str, Any]) -> tuple[Any, ...]:
    blocks: list[Any] = [Para("1. Sự cố an toàn thông tin mạng", "heading")]
    if not incidents["total"]:
        return (*blocks, Para("Trong kỳ báo cáo, không ghi nhận sự cố an toàn thông tin mạng "
                              "đối với các hệ thống thông tin thuộc phạm vi theo dõi của Sở."))
    blocks.append(Para(
        f"Trong kỳ báo cáo, đã ghi nhận {count(incidents['total'])} sự cố an toàn thông tin "
        f"mạng (theo mức độ ảnh hưởng — {_parts(incidents['by_impact'])}); "
        f"{count(incidents['beyond_capacity'])} sự cố vượt quá khả năng xử lý của đơn vị vận "
        f"hành; {count(incidents['late'])} sự cố thông báo chậm so với thời hạn 05 ngày kể từ "
        "khi phát hiện (khoản 2 Điều 9 Thông tư số 20/2017/TT-BTTTT); "
        f"{count(incidents['closed'])} sự cố đã kết thúc ứng phó và đóng. Cụ thể:"))
    blocks.append(TableBlock(
        ("TT", "Thời điểm phát hiện", "Hệ thống thông tin", "Mức độ ảnh hưởng",
         "Thông báo sự cố", "Tình trạng"),
        tuple((str(n), r["discovered"], r["system"], r["impact"], r["notice"], r["state"])
              for n, r in enumerate(incidents["rows"], start=1)),
        (0.06, 0.15, 0.29, 0.13, 0.2, 0.17), font_size=10,
        align=("CENTER", "CENTER", "LEFT", "LEFT", "LEFT", "LEFT")))
    return tuple(blocks)


def _alerts(alerts: dict[str, Any]) -> tuple[Any, ...]:
    blocks: list[Any] = [Para("2. Cảnh báo lỗ hổng, điểm yếu an toàn thông tin", "heading")]
    if not alerts["total"]:
        return (*blocks, Para("Trong kỳ báo cáo, Sở không tiếp nhận cảnh báo lỗ hổng, điểm yếu "
                              "liên quan đến các hệ thống thông tin của tỉnh."))
    text = (f"Sở đã tiếp nhận {count(alerts['total'])} cảnh báo "
            f"({_parts(alerts['by_severity'])}), chuyển đến các cơ quan, đơn vị có hệ thống bị "
            f"ảnh hưởng; {count(alerts['fixed'])} cảnh báo đã được khắc phục xong")
    if alerts["not_affected"]:
        text += f"; {count(alerts['not_affected'])} cảnh báo không có hệ thống bị ảnh hưởng"
    if not alerts["past_due"]:
        return (*blocks, Para(text + "; không có cảnh báo quá hạn khắc phục."))
    blocks.append(Para(text + f"; {count(alerts['past_due'])} cảnh báo quá hạn khắc phục:"))
    blocks.append(TableBlock(
        ("TT", "Cảnh báo", "Lỗ hổng, điểm yếu", "Hạn khắc phục"),
        tuple((str(n), r["ref"], r["issue"], r["due"])
              for n, r in enumerate(alerts["past_due_rows"], start=1)),
        (0.07, 0.25, 0.48, 0.2), font_size=10, align=("CENTER", "LEFT", "LEFT", "CENTER")))
    return tuple(blocks)


def _drills(drills: list[dict[str, str]]) -> tuple[Any, ...]:
    blocks: list[Any] = [Para("3. Huấn luyện, diễn tập", "heading")]
    if not drills:
        return (*blocks, Para("Trong kỳ báo cáo, không tổ chức, tham gia diễn tập ứng cứu sự cố."))
    blocks.append(Para(f"Trong kỳ báo cáo, đã tổ chức, tham gia {count(len(drills))} cuộc diễn "
                       "tập ứng cứu sự cố an toàn thông tin mạng:"))
    blocks.append(TableBlock(
        ("TT", "Ngày", "Cuộc diễn tập", "Quy mô", "Đơn vị tổ chức"),
        tuple((str(n), d["held_on"], d["title"], d["scope"], d["organiser"])
              for n, d in enumerate(drills, start=1)),
        (0.06, 0.14, 0.4, 0.14, 0.26), font_size=10,
        align=("CENTER", "CENTER", "LEFT", "LEFT", "LEFT")))
    return tuple(blocks)


def _systems(systems: dict[str, Any]) -> tuple[Any, ...]:
    levels = "; ".join(f"cấp độ {level}: {count(n)}" for level, n in systems["by_level"])
    return (Para("4. Bảo đảm an toàn hệ thống thông tin theo cấp độ", "heading"),
            Para(f"Sở đang theo dõi {count(systems['total'])} hệ thống thông tin của các cơ quan, "
                 f"đơn vị trên địa bàn tỉnh; đến ngày {systems['cutoff']}, "
                 f"{count(systems['approved'])} hệ thống đã được phê duyệt cấp độ an toàn hệ "
                 "thống thông tin" + (f" ({levels})." if levels else ".")))


def _build(data: dict[str, Any]) -> Document:
    agency = agency_title(data["profile"])
    place = data["profile"]["place_name"]
    period = f"{data['half']} {data['year']}"  # "6 tháng đầu năm 2024"
    body = (Para(f"{data['basis']}, {agency} tỉnh {place} (đơn vị chuyên trách ứng cứu sự cố an "
                 "toàn thông tin mạng của tỉnh) báo cáo kết quả công tác ứng cứu sự cố an toàn "
                 f"thông tin mạng {period} (số liệu {data['period']}) như sau:"),
            Para("I. ĐÁNH GIÁ CHUNG", "heading"), *paragraphs(data["assessment"]),
            Para("II. TÌNH HÌNH SỰ CỐ VÀ KẾT QUẢ ỨNG CỨU", "heading"),
            *_incidents(data["incidents"]), *_alerts(data["alerts"]),
            *_drills(data["drills"]), *_systems(data["systems"]),
            Para("III. ĐỀ XUẤT, KIẾN NGHỊ", "heading"), *paragraphs(data["proposals"]),
            Para(f"Trên đây là báo cáo kết quả công tác ứng cứu sự cố an toàn thông tin mạng "
                 f"{period} của {agency} tỉnh {place}./."))
    return header(data, "A4", date=day(data.get("printed_on")), number=data["number"],
                  title="BÁO CÁO", summary=data["summary"], body=body,
                  signature=signature(data.get("signer")),
                  recipients=tuple(data["recipients"]),
                  metadata_title=f"Báo cáo {data['summary'][:1].lower()}{data['summary'][1:]}")


TEMPLATE = Template(kind="security-half-year-report",
                    title="Báo cáo 6 tháng công tác ứng cứu sự cố an toàn thông tin mạng",
                    form="Mẫu 1.4 Phụ lục III Nghị định 30/2020/NĐ-CP (văn bản có tên loại)",
                    version="2026-12-07", subject="case", snapshot=False, build=_build)
