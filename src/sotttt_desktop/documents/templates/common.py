"""Small helpers shared by the templates: plain data in, document parts out."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sotttt_desktop.documents.model import Document, Signature
from sotttt_desktop.documents.phrases import short_date


def day(value: Any) -> dt.date | None:  # noqa: ANN401 - JSON value
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def moment(value: Any) -> dt.datetime | None:  # noqa: ANN401 - JSON value
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


def ddmmyyyy(value: Any) -> str:  # noqa: ANN401
    return short_date(day(value))


def signature(signer: dict[str, Any] | None) -> Signature | None:
    if not signer:
        return None
    return Signature(position=signer.get("position", ""), name=signer.get("full_name", ""),
                     authority=signer.get("authority", ""))


def header(data: dict[str, Any], page: str, *, date: dt.date | None, number: str | None,
           **fields: Any) -> Document:  # noqa: ANN401
    """A Document with the agency header of the profile the data was taken under."""
    profile = data["profile"]
    return Document(page=page, parent_body=profile.get("parent_body_short", ""),
                    agency_name=profile["agency_name"], place=profile["place_name"], date=date,
                    number=number, **fields)


def agency_title(profile: dict[str, Any]) -> str:
    """"Sở Thông tin và Truyền thông" from "SỞ THÔNG TIN VÀ TRUYỀN THÔNG": sentence case, with
    the first word of the name and the word after "và" capitalised."""
    words = profile["agency_name"].strip().lower().split()
    out = []
    for index, word in enumerate(words):
        if index <= 1 or (index > 1 and words[index - 1] == "và"):
            out.append(word.capitalize())
        elif word in {"ubnd", "cntt", "tt&tt"}:
            out.append(word.upper())
        else:
            out.append(word)
    return " ".join(out)
