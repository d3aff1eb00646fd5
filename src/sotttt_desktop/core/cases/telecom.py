"""The cases of telecommunications and radio frequency (REFERENCE-2.md §4, §5; QĐ 15/2023
Art. 3(11)(c) and 3(12)).

- A dispute over access to, sharing or rent of passive telecom infrastructure between operators
  (Art. 3(11)(c): the Department settles it): the parties and the infrastructure, the request,
  the meetings the Department convenes (each invitation numbered by the register of outgoing
  documents, its number on the step in the case's timeline), the outcome notice (numbered
  too), or its referral when not settled.
- A complaint of harmful radio interference (Art. 3(12): the Department coordinates with the
  regional frequency centre): complainant, service, band or frequency, place with coordinates,
  time pattern; forwarded to the centre by a numbered letter, measured jointly, resolved.

No legal time limit was read for either: the limits are the Department's internal ones, data in
resources/cases/unconfirmed.toml (UNCONFIRMED).
"""

from __future__ import annotations

from sotttt_desktop.core.cases import unconfirmed
from sotttt_desktop.core.cases.spec import (
    LETTER,
    OPEN,
    CaseSpec,
    CaseStep,
    Clock,
    ClockUnit,
    IssuedDocument,
    Limit,
)
from sotttt_desktop.i18n import N_
from sotttt_desktop.registers.spec import FieldKind, FieldSpec

_DISPUTE = unconfirmed()["sharing_dispute"]
_INTERFERENCE = unconfirmed()["interference"]

DISPUTE_DONE = ("settled", "referred", "withdrawn")

SHARING_DISPUTE = CaseSpec(
    kind="sharing_dispute", version=1, label=N_("Infrastructure sharing dispute"),
    area="telecom", code_prefix="TCHT", basis=_DISPUTE["basis"],
    states={"received": N_("request received"), "meeting": N_("parties convened"),
            "settled": N_("settled"), "referred": N_("referred to the Ministry"),
            "withdrawn": N_("request withdrawn")},
    initial="received", final_states=DISPUTE_DONE,
    steps={
        "convene": CaseStep(
            N_("convene the parties"), ("received", "meeting"), "meeting",
            issues=IssuedDocument(
                LETTER, summary="Công văn về việc mời họp giải quyết tranh chấp về sử dụng chung "
                "cơ sở hạ tầng kỹ thuật viễn thông thụ động", recipients="{requester}; "
                "{respondent}")),
        "settle": CaseStep(
            N_("notify the outcome"), ("meeting",), "settled", permission="approve",
            issues=IssuedDocument(
                "TB", kind_name="Thông báo", summary="kết quả giải quyết tranh chấp "
                "về sử dụng chung cơ sở hạ tầng kỹ thuật viễn thông thụ động",
                recipients="{requester}; {respondent}")),
        "refer": CaseStep(N_("refer to the Ministry"), ("received", "meeting"), "referred",
                          permission="approve", needs_reason=True),
        "withdraw": CaseStep(N_("withdraw the request"), ("received", "meeting"), "withdrawn",
                             needs_reason=True),
    },
    fields=(
        FieldSpec("requester", N_("Operator requesting"), required=True, max_length=300,
                  aliases=("Doanh nghiệp đề nghị",)),
        FieldSpec("respondent", N_("Operator asked"), required=True, max_length=300,
                  aliases=("Doanh nghiệp được đề nghị",)),
        FieldSpec("infrastructure", N_("Infrastructure (site code or route)"), required=True,
                  max_length=400, aliases=("Cơ sở hạ tầng",)),
        FieldSpec("issue", N_("What is disputed"), FieldKind.MULTILINE, required=True,
                  max_length=4000, aliases=("Nội dung tranh chấp",)),
        FieldSpec("requested_on", N_("Request dated"), FieldKind.DATE,
                  aliases=("Ngày đề nghị",)),
        FieldSpec("meetings", N_("Meetings held"), FieldKind.MULTILINE, max_length=4000,
                  aliases=("Các cuộc họp",)),
        FieldSpec("outcome", N_("Outcome"), FieldKind.MULTILINE, max_length=4000,
                  aliases=("Kết quả",)),
        FieldSpec("files", N_("Files"), FieldKind.FILES),
    ),
    clocks=(
        Clock("convene", N_("Convene the parties"),
              Limit(_DISPUTE["convene_working_days"], ClockUnit.WORKING_DAYS),
              start_on=(OPEN,), stop_on=("convene",), stop_states=DISPUTE_DONE,
              start_text=N_("Request received on {when}."), basis=_DISPUTE["basis"]),
        Clock("settlement", N_("Settle the dispute"),
              Limit(_DISPUTE["settle_days"], ClockUnit.DAYS), start_on=(OPEN,),
              stop_states=DISPUTE_DONE, start_text=N_("Request received on {when}."),
              basis=_DISPUTE["basis"]),
    ),
)

INTERFERENCE_DONE = ("resolved", "closed")
SERVICES = (("broadcasting", N_("Radio or TV broadcasting")),
            ("mobile", N_("Mobile network")), ("aviation", N_("Aeronautical")),
            ("maritime", N_("Maritime")), ("fixed", N_("Fixed or microwave link")),
            ("other", N_("Other")))

INTERFERENCE = CaseSpec(
    kind="interference_complaint", version=1, label=N_("Radio interference complaint"),
    area="frequency", code_prefix="NHIEU", basis=_INTERFERENCE["basis"],
    states={"received": N_("complaint received"),
            "forwarded": N_("forwarded to the regional frequency centre"),
            "measured": N_("measured jointly"), "resolved": N_("resolved"),
            "closed": N_("closed without finding")},
    initial="received", final_states=INTERFERENCE_DONE,
    steps={
        "forward": CaseStep(
            N_("forward to the regional centre"), ("received",), "forwarded",
            issues=IssuedDocument(
                LETTER, summary="Công văn về việc đề nghị phối hợp xử lý can nhiễu có hại "
                "trên {frequency}", recipients="{centre}")),
        "measure": CaseStep(N_("record the joint measurement"), ("forwarded",), "measured"),
        "resolve": CaseStep(N_("close as resolved"), ("measured",), "resolved",
                            permission="approve", needs_reason=True),
        "close": CaseStep(N_("close without finding"), ("received", "forwarded", "measured"),
                          "closed", permission="approve", needs_reason=True),
    },
    fields=(
        FieldSpec("complainant", N_("Complainant"), required=True, max_length=300,
                  aliases=("Tổ chức, cá nhân phản ánh",)),
        FieldSpec("service", N_("Service interfered with"), FieldKind.CHOICE, required=True,
                  choices=SERVICES, aliases=("Nghiệp vụ bị nhiễu",)),
        FieldSpec("frequency", N_("Band or frequency"), required=True, max_length=100,
                  aliases=("Tần số", "Băng tần"), placeholder=N_("e.g. tần số 98,9 MHz")),
        FieldSpec("place", N_("Place"), required=True, max_length=400,
                  aliases=("Địa điểm",)),
        FieldSpec("coordinates", N_("Coordinates"), FieldKind.COORDINATES,
                  aliases=("Tọa độ", "Toạ độ")),
        FieldSpec("time_pattern", N_("When it occurs"), max_length=400,
                  aliases=("Thời gian xuất hiện",),
                  placeholder=N_("e.g. hằng ngày, 18 giờ - 22 giờ")),
        FieldSpec("centre", N_("Regional frequency centre"), required=True, max_length=300,
                  default=_INTERFERENCE["centre"], aliases=("Trung tâm tần số",)),
        FieldSpec("measured_on", N_("Joint measurement on"), FieldKind.DATE,
                  aliases=("Ngày đo kiểm",)),
        FieldSpec("result", N_("Result"), FieldKind.MULTILINE, max_length=4000,
                  aliases=("Kết quả",)),
        FieldSpec("files", N_("Files"), FieldKind.FILES),
    ),
    clocks=(
        Clock("forward", N_("Forward to the centre"),
              Limit(_INTERFERENCE["forward_working_days"], ClockUnit.WORKING_DAYS),
              start_on=(OPEN,), stop_on=("forward",), stop_states=INTERFERENCE_DONE,
              start_text=N_("Complaint received on {when}."), basis=_INTERFERENCE["basis"]),
        Clock("handling", N_("Handle the complaint"),
              Limit(_INTERFERENCE["handle_days"], ClockUnit.DAYS), start_on=(OPEN,),
              stop_states=INTERFERENCE_DONE, start_text=N_("Complaint received on {when}."),
              basis=_INTERFERENCE["basis"]),
    ),
)
