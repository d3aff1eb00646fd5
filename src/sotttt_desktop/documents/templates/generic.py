"""A generic decision (Quyết định, Mẫu 1.2) and official letter (Công văn, Mẫu 1.5) of Decree
30/2020 Appendix III, for anything without a template of its own. The data is a JSON file:

decision: {"number", "date", "summary", "legal_bases": [...], "articles": [{"title",
"paragraphs": [...]}], "recipients": [...], "signer": {"authority", "position", "full_name"}}
letter: {"number", "date", "summary" (after "V/v"), "addressees": [...], "paragraphs": [...],
"recipients": [...], "signer": {...}}
`profile` (the agency header) is added by the service.
"""

from __future__ import annotations

from typing import Any

from sotttt_desktop.documents.model import Article, Document, Para
from sotttt_desktop.documents.templates import Template
from sotttt_desktop.documents.templates.common import day, header, signature


def _decision(data: dict[str, Any]) -> Document:
    articles = tuple(Article(i + 1, a["title"], tuple(a.get("paragraphs", [])))
                     for i, a in enumerate(data.get("articles", [])))
    return header(data, "A4", date=day(data.get("date")), number=data.get("number"),
                  title="QUYẾT ĐỊNH", summary=data.get("summary", ""),
                  issuer=data.get("issuer") or f"GIÁM ĐỐC {data['profile']['agency_name']}",
                  legal_bases=tuple(data.get("legal_bases", [])),
                  body=(Para("QUYẾT ĐỊNH:", "centre_bold"), *articles),
                  signature=signature(data.get("signer")),
                  recipients=tuple(data.get("recipients", [])))


def _letter(data: dict[str, Any]) -> Document:
    return header(data, "A4", date=day(data.get("date")), number=data.get("number"),
                  letter_summary=data.get("summary", ""),
                  addressees=tuple(data.get("addressees", [])),
                  body=tuple(Para(p) for p in data.get("paragraphs", [])),
                  signature=signature(data.get("signer")),
                  recipients=tuple(data.get("recipients", [])))


DECISION = Template(kind="decision", title="Quyết định (cá biệt) chung",
                    form="Mẫu 1.2 Phụ lục III Nghị định 30/2020/NĐ-CP", version="2026-12-06",
                    subject="file", snapshot=False, build=_decision)
LETTER = Template(kind="letter", title="Công văn", form="Mẫu 1.5 Phụ lục III Nghị định "
                  "30/2020/NĐ-CP", version="2026-12-06", subject="file", snapshot=False,
                  build=_letter)
