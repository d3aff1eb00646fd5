"""The data of a sanction decision (document "sanction-decision", core/cases/sanction.py) as
issued: the number and day of the step "issue the sanction decision", the record of violation
and the explanation it rests on, the violator as the register of parties keeps them, the
penalties with the fine in words, the licence withdrawn with its dates, where and by when the
fine is paid, and who signs in that period (resources/reference/sanctions.toml)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING, Any

from sotttt_desktop.core.cases.sanction import particulars
from sotttt_desktop.core.sanctions import (
    amount_in_words,
    decrees,
    money,
    period_end,
    settings,
    signer_for,
)
from sotttt_desktop.i18n import format_date

if TYPE_CHECKING:
    from sotttt_desktop.services.facade import Services


def _suspension(data: dict[str, Any], day: dt.date) -> dict[str, str] | None:
    if data.get("additional") != "suspension":
        return None
    months = int(data["withdrawal_months"])
    return {"months": months, "from": format_date(day), "until": format_date(period_end(day, months))}


def sanction_decision_data(services: Services, code: str) -> dict[str, Any]:
    from sotttt_desktop.services.case_documents import issued_case

    case, spec, issued = issued_case(services, code)
    data, day = case["data"], issued["at"].date()
    rules = settings()
    if not data.get("violator_particulars"):  # decided before the particulars were kept
        data = {**data, **particulars({**data, "violator": uuid.UUID(str(data["violator"]))},
                                      services)}
    decree = decrees()[data["decree"]]
    explained = [e for e in case["timeline"] if e["step"] == "explain"]
    recorded = dt.datetime.fromisoformat(str(data["recorded_at"]))
    fine = int(data.get("fine") or 0)
    withdrawal = None
    if data.get("additional") == "licence_withdrawal":
        months = int(data["withdrawal_months"])
        permit = services.permits.show(data["permit"])
        withdrawal = {"number": permit["number"], "title": permit["title"],
                      "issued_on": format_date(permit["issued_on"]), "months": months,
                      "from": format_date(day),
                      "until": format_date(period_end(day, months))}
    signer = signer_for(day)
    if not signer["full_name"]:  # the Director of the organisation profile on that day
        signer["full_name"] = next(
            (s["full_name"] for s in services.reference.signers(day)
             if s["position"] == signer["position"]), "")
    unit = services.reference.unit_for_area(spec.area, day)[1]
    return {
        "printed_on": day, "number": issued["decision"], "case_code": case["code"],
        "law": rules["law"], "decree": decree.citation,
        "record_no": data["record_no"], "recorded_on": format_date(recorded.date()),
        "recorded_at": f"{recorded:%H giờ %M phút} ngày {recorded:%d/%m/%Y}",
        "place": data["place"],
        "explained": [format_date(e["at"].date()) for e in explained],
        "violator": {"lines": data["violator_particulars"].splitlines(),
                     "kind": "person" if data["violator_particulars"].startswith("Họ và tên")
                     else "org",
                     "name": data["violator_particulars"].splitlines()[0].split(": ", 1)[1]
                     .rstrip(".")},
        "act": data["act"], "provision": data["provision"],
        "circumstances": data.get("circumstances") or "",
        "main_penalty": data["main_penalty"], "fine": money(fine) if fine else "",
        "fine_words": amount_in_words(fine) if fine else "",
        "additional": data.get("additional") or "none", "withdrawal": withdrawal,
        "remedial": data.get("remedial") or "",
        "payment_days": rules["payment_days"], "payment_place": rules["payment"]["place"],
        "payment_account": rules["payment"]["account"],
        "signer": {"position": signer["position"], "full_name": signer["full_name"],
                   "authority": "", "title": signer["title"]},
        "competence": signer["competence"], "months": data.get("withdrawal_months"),
        "suspension": _suspension(data, day),
        "recipients": ["Như Điều 3", f"Lưu: VT, {unit}, hồ sơ".replace(", , ", ", ")]}
