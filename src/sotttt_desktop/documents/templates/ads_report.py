"""The Department's annual report on cross-border advertising services (ND 181/2013 Art. 15(2) as
amended by ND 70/2021), a "văn bản có tên loại" (Mẫu 1.4, Appendix III of ND 30/2020): the
agency header, "BÁO CÁO" with its summary, the rule it answers, I. the general assessment, II.
the figures of the year (cross-border cases by medium; each case with the letter that forwarded
it to the Ministry and whether it was removed; the domestic cases by the action taken), III. the
proposals; the signature and "Nơi nhận". The number is left blank for the records clerk."""

from __future__ import annotations

from typing import Any

from sotttt_desktop.documents.model import Document, Para, TableBlock
from sotttt_desktop.documents.templates import Template
from sotttt_desktop.documents.templates.common import agency_title, day, header, signature


def count(number: int) -> str:
    """"05": counts under ten with a leading zero, as administrative texts write them."""
    return f"{number:02d}"


def paragraphs(text: str) -> tuple[Para, ...]:
    """A text the user wrote, one paragraph a non-empty line (an assessment, proposals)."""
    return tuple(Para(line.strip()) for line in text.splitlines() if line.strip())


def _figures(data: dict[str, Any]) -> tuple[Any, ...]:
    blocks: list[Any] = [Para("1. Quảng cáo xuyên biên giới", "heading")]
    if not data["cross_border"]:
        blocks.append(Para("Trong kỳ báo cáo, Sở không ghi nhận trường hợp quảng cáo xuyên "
                           "biên giới có dấu hiệu vi phạm."))
    else:
        blocks.append(Para(
            f"Trong kỳ báo cáo, Sở đã ghi nhận {count(data['cross_border'])} trường hợp quảng "
            "cáo xuyên biên giới có dấu hiệu vi phạm (do Sở theo dõi, phát hiện, do người dân "
            "phản ánh, do Bộ và các cơ quan khác chuyển đến; trên tổng số "
            f"{count(data['total'])} trường hợp vi phạm quảng cáo trên các phương tiện thuộc "
            f"phạm vi quản lý); đã chuyển {data['ministry']} {count(data['forwarded'])} trường "
            f"hợp; {count(data['removed'])} trường hợp đã được xác nhận gỡ bỏ. Cụ thể theo "
            "phương tiện:"))
        rows = [(str(n), *[str(v) if i else v for i, v in enumerate(row)])
                for n, row in enumerate(data["by_medium"], start=1)]
        rows.append(("", "Tổng cộng", str(data["cross_border"]), str(data["forwarded"]),
                     str(data["removed"])))
        blocks.append(TableBlock(("TT", "Phương tiện", "Số trường hợp", "Đã chuyển Bộ",
                                  "Đã gỡ bỏ"), tuple(rows), (0.07, 0.45, 0.16, 0.16, 0.16),
                                 align=("CENTER", "LEFT", "CENTER", "CENTER", "CENTER")))
        blocks.append(Para("Danh sách các trường hợp:"))
        blocks.append(TableBlock(
            ("TT", "Ngày phát hiện", "Đường dẫn, tài khoản", "Sản phẩm, dịch vụ quảng cáo",
             "Văn bản chuyển Bộ", "Kết quả"),
            tuple((str(n), c["found"], c["location"], c["product"], c["forwarded"], c["result"])
                  for n, c in enumerate(data["cases"], start=1)),
            (0.06, 0.13, 0.29, 0.2, 0.17, 0.15), font_size=10,
            align=("CENTER", "CENTER", "LEFT", "LEFT", "LEFT", "LEFT")))
    takedowns = data["takedowns"]
    if takedowns["total"]:
        platforms = ", ".join(f"{name}: {count(n)}" for name, n in takedowns["platforms"])
        outcome = ", ".join(f"{words} {count(takedowns[key])}" for key, words in (
            ("removed", "đã gỡ bỏ"), ("blocked", "đã chặn truy cập"),
            ("waiting", "đang chờ xử lý")) if takedowns[key])
        blocks.append(Para(
            f"Sở đã gửi {count(takedowns['total'])} yêu cầu gỡ bỏ nội dung vi phạm đến các "
            f"nền tảng ({platforms})" + (f"; {outcome}." if outcome else ".")))
    blocks.append(Para("2. Quảng cáo trong nước trên các phương tiện thuộc phạm vi quản lý",
                       "heading"))
    if data["domestic"]:
        actions = "; ".join(f"{label[:1].lower()}{label[1:]}: {count(n)}"
                            for label, n in data["domestic_actions"])
        blocks.append(Para(f"Sở đã ghi nhận {count(data['domestic'])} trường hợp quảng cáo "
                           f"trong nước có dấu hiệu vi phạm và đã xử lý ({actions})."))
    else:
        blocks.append(Para("Sở không ghi nhận trường hợp quảng cáo trong nước có dấu hiệu vi "
                           "phạm."))
    return tuple(blocks)


def _build(data: dict[str, Any]) -> Document:
    agency = agency_title(data["profile"])
    place = data["profile"]["place_name"]
    body = (Para(f"{data['basis']}, {agency} báo cáo tình hình quản lý dịch vụ quảng cáo xuyên "
                 f"biên giới trên địa bàn tỉnh năm {data['year']} (số liệu {data['period']}) "
                 "như sau:"),
            Para("I. ĐÁNH GIÁ CHUNG", "heading"), *paragraphs(data["assessment"]),
            Para("II. KẾT QUẢ THEO DÕI, PHÁT HIỆN VÀ XỬ LÝ", "heading"), *_figures(data),
            Para("III. ĐỀ XUẤT, KIẾN NGHỊ", "heading"), *paragraphs(data["proposals"]),
            Para(f"Trên đây là báo cáo tình hình quản lý dịch vụ quảng cáo xuyên biên giới năm "
                 f"{data['year']} của {agency} tỉnh {place}./."))
    return header(data, "A4", date=day(data.get("printed_on")), number=data["number"],
                  title="BÁO CÁO",
                  summary=data["summary"],
                  body=body, signature=signature(data.get("signer")),
                  recipients=tuple(data["recipients"]),
                  metadata_title=f"Báo cáo {data['summary'][:1].lower()}{data['summary'][1:]}")


TEMPLATE = Template(kind="ads-report", title="Báo cáo năm về quảng cáo xuyên biên giới",
                    form="Mẫu 1.4 Phụ lục III Nghị định 30/2020/NĐ-CP (văn bản có tên loại)",
                    version="2026-12-06", subject="case", snapshot=False, build=_build)
