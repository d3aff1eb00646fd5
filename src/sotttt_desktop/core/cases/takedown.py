"""A takedown request to a cross-border advertising provider (ND 181/2013 Art. 14 as amended by
ND 70/2021): the provider must act within 24 hours of the request, else access is blocked.

What the case records (issue #16): the content reported (a URL or an account), the platform, the
provision it violates, when it was captured and the evidence files (kept by SHA-256), and the
number of the request sent: the letter is sent when the case is opened, and its number is the
register of outgoing documents' next one (never typed)."""

from __future__ import annotations

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

CLOSED = ("removed", "blocked", "withdrawn")

SPEC = CaseSpec(
    kind="takedown_request", version=1, label=N_("Takedown request"), area="e_information",
    code_prefix="GG", basis="NĐ 181/2013/NĐ-CP Điều 14 (sửa đổi bởi NĐ 70/2021/NĐ-CP)",
    states={"sent": N_("request sent"), "removed": N_("removed by the provider"),
            "blocked": N_("blocked"), "withdrawn": N_("request withdrawn")},
    initial="sent", final_states=CLOSED,
    steps={
        "removed": CaseStep(N_("the provider removed it"), ("sent",), "removed"),
        "block": CaseStep(N_("block access"), ("sent",), "blocked", permission="approve",
                          needs_decision=True),
        "withdraw": CaseStep(N_("withdraw the request"), ("sent",), "withdrawn",
                             needs_reason=True),
    },
    fields=(
        FieldSpec("item", N_("Content reported (URL or account)"), required=True,
                  max_length=1000, aliases=("Đường dẫn", "URL")),
        FieldSpec("platform", N_("Platform"), required=True, max_length=200,
                  aliases=("Nền tảng",)),
        FieldSpec("provision", N_("Provision violated"), max_length=400,
                  aliases=("Quy định bị vi phạm",)),
        FieldSpec("captured_at", N_("Captured at"), FieldKind.DATETIME,
                  aliases=("Thời điểm ghi nhận",)),
        FieldSpec("evidence", N_("Evidence files"), FieldKind.FILES),
        FieldSpec("request_no", N_("Number of the request sent"), max_length=64,
                  aliases=("Số văn bản yêu cầu",)),
    ),
    opens_with=IssuedDocument(
        LETTER, summary="Công văn về việc đề nghị gỡ bỏ nội dung vi phạm trên {platform}",
        recipients="{platform}", field="request_no"),
    clocks=(
        Clock("provider", N_("The provider acts"), Limit(24, ClockUnit.HOURS), start_on=(OPEN,),
              stop_states=CLOSED, start_text=N_("Request sent on {when}."),
              basis="NĐ 181/2013/NĐ-CP Điều 14"),
    ),
)
