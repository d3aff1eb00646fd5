"""A denunciation (tố cáo) settled by the Department: Luật Tố cáo 25/2018/QH14, ND 31/2019.

Intake (vào sổ, phân loại, xác minh ban đầu): 07 working days from receipt, 10 if it must be
verified at several places (Art. 24(1)). Settlement: ≤ 30 days from acceptance (thụ lý);
a complex case may be extended once by ≤ 30 days, an especially complex one twice, each ≤ 30
days, by decision (Art. 30; ND 31/2019 Art. 3; Mẫu 01) — REFERENCE-2 §10.2. The denouncer is
told of the acceptance within 05 working days of the decision (Art. 29(3)). A denunciation the
Department is not competent to settle is forwarded within 05 working days of receipt (Art.
24(2): the variant "not competent" shortens the intake). After the conclusion: sent to the
denouncer and the denounced within 05 working days (Art. 35(3)) and published within 07
working days (Art. 40(1)). Overdue, the denouncer may turn to the Department's superior, who
asks for a report: it is sent within 05 working days of the request (Art. 38(3)).

A denunciation is read only by those who handle inspection cases and the leaders
(`confidential`); the denouncer's identity (name, address, contact, the letter itself — and the
title and the reasons, which may name them) only by the inspector the case is assigned to and
the leaders, every read audited, kept out of the audit trail's copies (`FieldSpec.confidential`,
CaseService). Cases are not in the global search nor in any export. A letter without a name is
recorded too (the law does not settle it as a denunciation: Art. 25), so the denouncer is not
required.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sotttt_desktop.core.cases import unconfirmed
from sotttt_desktop.core.cases.spec import (
    OPEN,
    CaseSpec,
    CaseStep,
    Clock,
    ClockUnit,
    Extension,
    IssuedDocument,
    Limit,
    Variant,
)
from sotttt_desktop.i18n import N_, _
from sotttt_desktop.registers.spec import FieldKind, FieldSpec

WD, DAYS = ClockUnit.WORKING_DAYS, ClockUnit.DAYS


def superior_request(values: dict[str, Any], services: Any,  # noqa: ANN401
                     moment: dt.datetime) -> dict[str, Any]:
    return {"superior_asked_on": moment.date()}


def request_answered(values: dict[str, Any], services: Any,  # noqa: ANN401
                     moment: dt.datetime) -> dict[str, Any]:
    return {"superior_asked_on": None}


def superior_asked(values: dict[str, Any], moment: dt.datetime) -> str | None:
    """The report answers a request of the superior (Art. 38): one report a request."""
    if not values.get("superior_asked_on"):
        return _("No request of the superior is waiting for a report: record the request "
                 "first (Art. 38 of the Law on Denunciations).")
    return None
CLOSED = ("not_accepted", "forwarded", "concluded", "withdrawn")


def _decision(summary: str) -> IssuedDocument:
    """A decision of the Director on the settlement (Luật Tố cáo 2018 Art. 29, 30, 31, 32;
    ND 31/2019 forms): numbered by the register of outgoing documents, never typed; its
    summary names the case's code only (the denouncer stays confidential)."""
    return IssuedDocument("QĐ", kind_name="Quyết định", summary=summary)

SPEC = CaseSpec(
    kind="denunciation", version=1, label=N_("Denunciation"), area="inspection",
    code_prefix="TC", basis="Luật Tố cáo 2018; NĐ 31/2019/NĐ-CP",
    states={"received": N_("received"), "accepted": N_("accepted for settlement"),
            "not_accepted": N_("not accepted"), "forwarded": N_("forwarded"),
            "suspended": N_("suspended"), "concluded": N_("concluded"),
            "withdrawn": N_("denunciation withdrawn")},
    initial="received", final_states=CLOSED, confidential=True,
    fields=(
        FieldSpec("denouncer", N_("Denouncer (confidential)"), max_length=300,
                  confidential=True, aliases=("Người tố cáo", "Họ tên người tố cáo")),
        FieldSpec("denouncer_contact", N_("Denouncer's address and contact (confidential)"),
                  max_length=500, confidential=True, aliases=("Địa chỉ người tố cáo",)),
        FieldSpec("denounced", N_("Person or body denounced"), max_length=500,
                  aliases=("Người bị tố cáo", "Cơ quan, tổ chức bị tố cáo")),
        FieldSpec("content", N_("What is denounced"), FieldKind.MULTILINE, max_length=4000,
                  aliases=("Nội dung tố cáo",)),
        FieldSpec("letter", N_("The letter and its evidence (confidential)"), FieldKind.FILES,
                  confidential=True),
        FieldSpec("superior_asked_on", N_("The superior asked for a report on"),
                  FieldKind.DATE, computed=True),
    ),
    steps={
        "accept": CaseStep(N_("accept for settlement"), ("received",), "accepted",
                           permission="approve",
                           issues=_decision("thụ lý tố cáo {code}")),
        "refuse": CaseStep(N_("do not accept"), ("received",), "not_accepted",
                           permission="approve", needs_reason=True),
        "forward": CaseStep(N_("forward to the competent body"), ("received",), "forwarded",
                            needs_reason=True),
        "notify": CaseStep(N_("notify the denouncer of the acceptance"), ("accepted",), None),
        "classify": CaseStep(N_("classify the case"), ("received", "accepted", "suspended"),
                             None, permission="approve", chooses_variant=True),
        "extend": CaseStep(N_("extend the settlement"), ("accepted",), None,
                           permission="approve",
                           issues=_decision("gia hạn giải quyết tố cáo {code}")),
        "suspend": CaseStep(N_("suspend the settlement"), ("accepted",), "suspended",
                            permission="approve", needs_reason=True,
                            issues=_decision("tạm đình chỉ việc giải quyết tố cáo {code}")),
        "resume": CaseStep(N_("resume the settlement"), ("suspended",), "accepted",
                           permission="approve",
                           issues=_decision("tiếp tục giải quyết tố cáo {code}")),
        "conclude": CaseStep(N_("conclude"), ("accepted",), "concluded", permission="approve",
                             issues=IssuedDocument("KL", kind_name="Kết luận",
                                                   summary="nội dung tố cáo {code}")),
        "send_conclusion": CaseStep(N_("record the conclusion sent"), ("concluded",), None),
        "publish": CaseStep(N_("record the conclusion published"), ("concluded",), None),
        "superior_asks": CaseStep(N_("record the superior's request for a report"),
                                  ("accepted", "suspended"), None, needs_reason=True,
                                  records=superior_request),
        "report_to_superior": CaseStep(
            N_("send the report to the superior"), ("accepted", "suspended", "concluded"),
            None, permission="approve", guard=superior_asked, records=request_answered,
            issues=IssuedDocument("BC", kind_name="Báo cáo",
                                  summary="việc giải quyết tố cáo {code} theo yêu cầu của cấp "
                                          "trên")),
        "withdraw": CaseStep(N_("withdrawal by the denouncer"),
                             ("received", "accepted", "suspended"), "withdrawn",
                             needs_reason=True),
    },
    clocks=(
        Clock("intake", N_("Intake and classification"), Limit(7, WD), start_on=(OPEN,),
              stop_on=("accept", "refuse", "forward"), stop_states=CLOSED,
              start_text=N_("Denunciation received on {when}."),
              basis="Luật Tố cáo 2018 Điều 24 khoản 1"),
        Clock("notice", N_("Notice of acceptance to the denouncer"), Limit(5, WD),
              start_on=("accept",), stop_on=("notify",), stop_states=CLOSED,
              start_text=N_("Acceptance decided on {when}."),
              basis="Luật Tố cáo 2018 Điều 29 khoản 3"),
        Clock("settlement", N_("Settlement"), Limit(30, DAYS), start_on=("accept",),
              stop_states=CLOSED, pause_on=("suspend",), resume_on=("resume",),
              extend_on=("extend",), start_text=N_("Accepted for settlement on {when}."),
              basis="Luật Tố cáo 2018 Điều 30; " + unconfirmed()["denunciation"]["suspend_basis"]),
        Clock("conclusion_sent", N_("Send the conclusion"), Limit(5, WD),
              start_on=("conclude",), stop_on=("send_conclusion",),
              start_text=N_("Concluded on {when}."), basis="Luật Tố cáo 2018 Điều 35 khoản 3"),
        Clock("publication", N_("Publish the conclusion"), Limit(7, WD),
              start_on=("conclude",), stop_on=("publish",),
              start_text=N_("Concluded on {when}."), basis="Luật Tố cáo 2018 Điều 40 khoản 1"),
        Clock("superior_report", N_("Report to the superior"), Limit(5, WD),
              start_on=("superior_asks",), stop_on=("report_to_superior",),
              stop_states=CLOSED,
              start_text=N_("The superior asked for a report on {when}."),
              basis="Luật Tố cáo 2018 Điều 38"),
    ),
    variants={
        "not_competent": Variant(N_("not competent: to be forwarded"),
                                 limits={"intake": Limit(5, WD)}),
        "multi_site": Variant(N_("to be verified at several places"),
                              limits={"intake": Limit(10, WD)}),
        "complex": Variant(N_("complex"), extensions={"settlement": Extension(1, 30, DAYS)}),
        "especially_complex": Variant(N_("especially complex"),
                                      extensions={"settlement": Extension(2, 30, DAYS)}),
    },
)
