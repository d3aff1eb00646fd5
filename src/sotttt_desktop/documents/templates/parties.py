"""How a document names the party it is issued to, by the party's kind (party.kind).

An organisation ("org"): "Tên tổ chức", its head-office address, tax code and legal
representative. A person ("person"): "Họ và tên", date of birth, personal identification
number (số định danh cá nhân) and address. Data stored before the kind was given (no "kind")
prints as an organisation when it has a tax code, as a person otherwise.
"""

from __future__ import annotations

from typing import Any

from sotttt_desktop.documents.model import Block, Field
from sotttt_desktop.documents.phrases import short_date

PERSON = "person"


def is_person(holder: dict[str, Any]) -> bool:
    kind = holder.get("kind")
    if kind:
        return kind == PERSON
    return not holder.get("tax_code") and bool(holder.get("citizen_id"))


def holder_lines(holder: dict[str, Any]) -> list[tuple[str, str]]:
    """(label, value) pairs, in the order a licence prints them; empty values left out."""
    person = is_person(holder)
    lines = [("Họ và tên" if person else "Tên tổ chức", holder.get("name", ""))]
    if person and holder.get("date_of_birth"):
        lines.append(("Ngày sinh", short_date(_day(holder["date_of_birth"]))))
    if holder.get("address"):
        lines.append(("Địa chỉ" if person else "Địa chỉ trụ sở chính", holder["address"]))
    if not person and holder.get("tax_code"):
        lines.append(("Mã số thuế", holder["tax_code"]))
    if person and holder.get("citizen_id"):
        lines.append(("Số định danh cá nhân", holder["citizen_id"]))
    if not person and holder.get("representative"):
        lines.append(("Người đại diện theo pháp luật", holder["representative"]))
    return lines


def holder_fields(holder: dict[str, Any], start: int) -> tuple[list[Block], int]:
    """Numbered fields "1. Tên tổ chức: …" from `start`; the name in bold; the next number."""
    fields: list[Block] = []
    number = start
    for index, (label, value) in enumerate(holder_lines(holder)):
        fields.append(Field(f"{number}. {label}", value, bold=index == 0))
        number += 1
    return fields, number


def holder_phrase(holder: dict[str, Any]) -> str:
    """The party in one run of text, as a decision's article names it: "Công ty Cổ phần A
    (mã số thuế 3701234567; địa chỉ trụ sở chính: …)" or "Nguyễn Văn B (sinh ngày 02/3/1985;
    số định danh cá nhân: …; địa chỉ: …)"."""
    name = holder.get("name", "")
    details: list[str] = []
    if is_person(holder):
        if holder.get("date_of_birth"):
            details.append(f"sinh ngày {short_date(_day(holder['date_of_birth']))}")
        if holder.get("citizen_id"):
            details.append(f"số định danh cá nhân: {holder['citizen_id']}")
        if holder.get("address"):
            details.append(f"địa chỉ: {holder['address']}")
    else:
        if holder.get("tax_code"):
            details.append(f"mã số thuế: {holder['tax_code']}")
        if holder.get("address"):
            details.append(f"địa chỉ trụ sở chính: {holder['address']}")
    return f"{name} ({'; '.join(details)})" if details else name


def _day(value: Any):  # noqa: ANN202, ANN401 - JSON value
    from sotttt_desktop.documents.templates.common import day

    return day(value)
