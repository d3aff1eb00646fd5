"""What the register of outgoing documents records of a permit when it takes its number —
one function for the desk and for the demo, so both write the same columns.

(2) the document's kind and summary as the Văn thư writes them: the document's title, what it
replaces ("(Gia hạn Giấy phép số 05/GP-STTTT ngày 10/01/2024)") and whom it is for, never the
catalogue's note ("(gia hạn)") nor a web address's scheme; (5) the recipients; (6) the file
copies ("VT, <unit>"); (7) the number of copies sent and filed. (4) the signer is written by the
first print, which says who signed (services/numbering.py `_entry`), or by the caller.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from sotttt_desktop.services.documents import extra_recipients

_SCHEME = re.compile(r"\bhttps?://", re.IGNORECASE)


def _date(day: dt.date | None) -> str:
    return f"{day:%d/%m/%Y}" if day else ""


def permit_register_entry(procedure: Any, *, subject: str, holder: str, unit: str,  # noqa: ANN401
                          on: dt.date, replaced: Any = None,  # noqa: ANN401
                          signer: str | None = None) -> dict[str, Any]:
    """The register's columns for the permit `procedure` issues on `on` to `holder` (about
    `subject`), replacing the permit `replaced` if any."""
    title = procedure.document_title or procedure.result_name
    summary = procedure.document_summary or ""
    if "{" in summary:
        summary = summary.format(number=replaced.number if replaced else "",
                                 date=_date(replaced.issued_on if replaced else None)
                                 ) if replaced else ""
    subject = _SCHEME.sub("", subject or "").strip()
    text = title[0].upper() + title[1:]
    if summary.startswith("("):  # the line under a licence's title
        text += f" {summary}"
    elif summary:  # a decision's or a letter's trích yếu, with or without its "Về việc"
        text += f" về việc {summary.removeprefix('Về việc ').removeprefix('về việc ')}"
    text += f" cấp cho {holder}" if holder else ""
    if subject and subject != holder:
        text += f" ({subject})"
    recipients = [name for name in (holder, *extra_recipients(procedure.family, on)) if name]
    file_copy = ", ".join(part for part in ("VT", unit) if part)
    entry: dict[str, Any] = {"summary": text, "recipients": "; ".join(recipients) or None,
                             "file_copy": file_copy,
                             "copies": len(recipients) + len(file_copy.split(", "))}
    if signer:
        entry["signer"] = signer
    return entry
