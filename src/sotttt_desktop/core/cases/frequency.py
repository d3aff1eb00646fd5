"""The Department's annual plan of periodic radio-frequency checks (TT 02/2016/TT-BTTTT Art. 8(3):
the Department approves its own plan by 15/12, on the Authority of Radio Frequency Management's
plan and agreed with the regional frequency centre, and notifies the centre). A fixed-date
clock; the approval decision and the letter to the centre take their numbers from the register
of outgoing documents. The checks themselves and their results are a register
(registers/frequency.py)."""

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

_FACTS = unconfirmed()["frequency_check_plan"]

CHECK_PLAN = CaseSpec(
    kind="frequency_check_plan", version=1, label=N_("Annual frequency check plan"),
    area="frequency", code_prefix="KHTS", basis=_FACTS["basis"],
    states={"drafting": N_("drafting"), "approved": N_("approved"),
            "notified": N_("sent to the regional centre")},
    initial="drafting", final_states=("notified",),
    steps={
        "approve": CaseStep(
            N_("approve the plan"), ("drafting",), "approved", permission="approve",
            issues=IssuedDocument(
                "QĐ", kind_name="Quyết định", summary="phê duyệt Kế hoạch kiểm tra tần số vô "
                "tuyến điện định kỳ năm {plan_year}", recipients="{centre}")),
        "notify": CaseStep(
            N_("send to the regional centre"), ("approved",), "notified",
            issues=IssuedDocument(
                LETTER, summary="Công văn về việc gửi Kế hoạch kiểm tra tần số vô tuyến điện "
                "định kỳ năm {plan_year}", recipients="{centre}")),
    },
    department_wide=True, one_per_year=True,
    fields=(
        FieldSpec("plan_year", N_("Year of the plan"), FieldKind.YEAR, required=True,
                  aliases=("Năm kế hoạch",)),
        FieldSpec("targets", N_("Organisations and stations to check"), FieldKind.MULTILINE,
                  required=True, max_length=4000, aliases=("Đối tượng kiểm tra",)),
        FieldSpec("agreed_with", N_("Agreed with the centre (letter)"), max_length=200,
                  aliases=("Văn bản thống nhất",)),
        FieldSpec("centre", N_("Regional frequency centre"), required=True, max_length=300,
                  default=_FACTS["centre"], aliases=("Trung tâm tần số",)),
        FieldSpec("files", N_("Files"), FieldKind.FILES),
    ),
    clocks=(
        Clock("approval", N_("Approve the plan"),
              Limit(unit=ClockUnit.FIXED_DATE, day=_FACTS["due_day"], month=_FACTS["due_month"]),
              start_on=(OPEN,), stop_on=("approve",), stop_states=("approved", "notified"),
              start_text=N_("Work opened on {when}."), basis=_FACTS["basis"]),
    ),
)
