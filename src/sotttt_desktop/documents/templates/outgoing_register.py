"""The register of outgoing documents (sổ đăng ký văn bản đi) of one series and year, in the
columns of the form of ND 30/2020/NĐ-CP Phụ lục IV; A4 landscape like the dossier book, the
header row repeating on every page. A voided number stays in its row with the reason; a number
the Văn thư reserved for paper work not yet described says so."""

from __future__ import annotations

from typing import Any

from sotttt_desktop.documents.model import Document, Para, TableBlock
from sotttt_desktop.documents.templates import Template
from sotttt_desktop.documents.templates.common import day, ddmmyyyy, header

COLUMNS = ("Số, ký hiệu văn bản", "Ngày tháng văn bản", "Tên loại và trích yếu nội dung văn bản",
           "Người ký", "Nơi nhận văn bản", "Đơn vị, người nhận bản lưu", "Số lượng bản",
           "Ghi chú")
WIDTHS = (0.15, 0.09, 0.24, 0.11, 0.14, 0.1, 0.06, 0.11)  # (1) holds "123/STTTT-CDSBCVT"
RESERVED = "(Số đã cấp ngoài phần mềm, chưa vào sổ)"


def _note(entry: dict[str, Any]) -> str:
    parts = []
    if entry["state"] == "void":
        parts.append(f"Hủy số: {entry['void_reason']}".rstrip(": "))
    if entry["origin"] == "outside":
        parts.append("Văn bản giấy, vào sổ sau khi ký")
    if entry.get("note"):
        parts.append(entry["note"])
    return "; ".join(parts)


def _row(entry: dict[str, Any]) -> tuple[str, ...]:
    summary = entry["summary"] or (RESERVED if entry["origin"] == "reserved"
                                   and entry["state"] != "void" else "")
    copies = entry.get("copies")
    text = f"{entry['number']:02d}" if entry["origin"] == "reserved" else entry["text"]
    return (text, ddmmyyyy(entry.get("document_date")), summary, entry["signer"],
            entry["recipients"], entry["file_copy"], str(copies) if copies else "",
            _note(entry))


def _build(data: dict[str, Any]) -> Document:
    entries = data["entries"]
    numbered = [e["number"] for e in entries]
    dates = [e["document_date"] for e in entries if e.get("document_date")]
    span = (f"Từ số {min(numbered):02d} đến số {max(numbered):02d}" if numbered
            else "Chưa có văn bản")
    if dates:
        span += f", từ ngày {ddmmyyyy(min(dates))} đến ngày {ddmmyyyy(max(dates))}"
    void = sum(1 for e in entries if e["state"] == "void")
    counts = f"{len(entries)} số" + (f", trong đó {void} số hủy" if void else "")
    rows = tuple(_row(e) for e in entries)
    # the column numbers under the titles, as on the printed form (repeated on every page)
    columns = tuple(f"{title}\n({i})" for i, title in enumerate(COLUMNS, start=1))
    body = (Para(f"Năm {data['year']}. {span}. {counts}.", "centre"),
            TableBlock(columns, rows, WIDTHS, font_size=9,
                       align=("LEFT", "CENTER", "LEFT", "LEFT", "LEFT", "LEFT", "CENTER",
                              "LEFT")))
    return header(data, "A4-landscape", date=day(data.get("printed_on")), number=None,
                  show_number=False, title="SỔ ĐĂNG KÝ VĂN BẢN ĐI",
                  summary=f"{data['series_name']} năm {data['year']}", body=body,
                  reference="Mẫu sổ đăng ký văn bản đi — Nghị định 30/2020/NĐ-CP",
                  metadata_title=f"Sổ đăng ký văn bản đi: {data['series_name']} "
                                 f"{data['year']}")


TEMPLATE = Template(kind="outgoing-register", title="Sổ đăng ký văn bản đi",
                    form="Phụ lục IV, Nghị định 30/2020/NĐ-CP (khổ A4 ngang)",
                    version="2026-12-05", subject="register", snapshot=False, build=_build)
