"""A takedown request to a cross-border advertising provider (ND 181/2013 Art. 14 as amended by
ND 70/2021): the provider must act within 24 hours of the request, else access is blocked."""

from __future__ import annotations

from sotttt_desktop.core.cases.spec import OPEN, CaseSpec, CaseStep, Clock, ClockUnit, Limit
from sotttt_desktop.i18n import N_

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
    clocks=(
        Clock("provider", N_("The provider acts"), Limit(24, ClockUnit.HOURS), start_on=(OPEN,),
              stop_states=CLOSED, start_text=N_("Request sent on {when}."),
              basis="NĐ 181/2013/NĐ-CP Điều 14"),
    ),
)
