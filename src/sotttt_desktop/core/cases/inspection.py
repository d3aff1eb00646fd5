"""The Department's inspections (issue #20; Luật Thanh tra 11/2022/QH15, REFERENCE-2.md §9),
while the Department had its own inspectorate — until 30/06/2025: Luật Thanh tra 84/2025/QH15
abolished the inspectorates of the provincial departments from 01/07/2025, so these kinds are
not opened for a later day (`in_force_until`).

- The annual plan (`PLAN`): one a year, its items in the register "inspection_plan"; it goes
  into the province's plan, which the Chairman issues by 20/12 (Art. 45) — a fixed-date clock.
- An inspection file (`INSPECTION`): the decision to inspect (numbered by the register when a
  leader issues it), the announcement, the end of direct inspection, the report of results with
  the draft conclusion within 15 days of it, the conclusion signed within 15 days of receiving
  the draft (Art. 78), its publication, the follow-up of its recommendations. The party
  inspected is the file's (`party_field`), so the inspection shows in the history of that
  party and of its records in every register.
"""

from __future__ import annotations

import datetime as dt

from sotttt_desktop.core.cases.spec import (
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

LAW = "Luật Thanh tra 2022"
UNTIL = dt.date(2025, 6, 30)  # Luật Thanh tra 2025: no inspectorate of a department after
TYPES = (("planned", N_("In the plan")), ("ad_hoc", N_("Ad hoc")), ("thematic", N_("Thematic")))

PLAN = CaseSpec(
    kind="inspection_plan", version=1, label=N_("Annual inspection plan"), area="inspection",
    code_prefix="KHTT", basis=f"{LAW} Điều 44, 45",
    states={"drafting": N_("drafting"), "submitted": N_("submitted to the provincial "
                                                         "inspectorate"),
            "included": N_("included in the province's plan")},
    initial="drafting", final_states=("included",),
    steps={"submit": CaseStep(N_("submit the plan"), ("drafting",), "submitted",
                              permission="approve",
                              issues=IssuedDocument("TTr", kind_name="Tờ trình",
                                                    summary="kế hoạch thanh tra năm "
                                                            "{plan_year}",
                                                    recipients="Thanh tra tỉnh")),
           "include": CaseStep(N_("record the province's plan"), ("submitted",), "included",
                               needs_decision=True, decision_example="2950/QĐ-UBND")},
    department_wide=True, one_per=("plan_year",),
    fields=(FieldSpec("plan_year", N_("Plan of the year"), FieldKind.YEAR, required=True,
                      aliases=("Năm kế hoạch",)),
            FieldSpec("orientation", N_("Orientation followed"), FieldKind.MULTILINE,
                      max_length=2000, aliases=("Định hướng chương trình thanh tra",))),
    clocks=(Clock("province_plan", N_("The province's plan issued"),
                  Limit(unit=ClockUnit.FIXED_DATE, day=20, month=12), start_on=(OPEN,),
                  stop_on=("include",), start_text=N_("Plan opened on {when}."),
                  basis=f"{LAW} Điều 45"),),
    in_force_until=UNTIL)

INSPECTION = CaseSpec(
    kind="inspection", version=1, label=N_("Inspection (on site)"), area="inspection",
    code_prefix="TT", basis=LAW, party_field="target",
    states={"preparing": N_("being prepared"), "decided": N_("decision issued"),
            "inspecting": N_("inspecting on site"), "reporting": N_("reporting"),
            "drafted": N_("draft conclusion submitted"), "concluded": N_("concluded"),
            "published": N_("conclusion published"), "closed": N_("recommendations followed up"),
            "cancelled": N_("cancelled")},
    initial="preparing", final_states=("closed", "cancelled"),
    steps={
        "decide": CaseStep(N_("issue the inspection decision"), ("preparing",), "decided",
                           permission="approve",
                           issues=IssuedDocument("QĐ", kind_name="Quyết định",
                                                 summary="{title}", recipients="{target}")),
        "announce": CaseStep(N_("record the announcement"), ("decided",), "inspecting",
                             asks_when=True),
        "end_direct": CaseStep(N_("record the end of the inspection on site"),
                               ("inspecting",), "reporting", asks_when=True),
        "report": CaseStep(N_("submit the report and the draft conclusion"), ("reporting",),
                           "drafted", asks_when=True),
        "conclude": CaseStep(N_("sign the conclusion"), ("drafted",), "concluded",
                             permission="approve", requires=("findings",),
                             issues=IssuedDocument("KL", kind_name="Kết luận",
                                                   summary="{title}",
                                                   recipients="{target}")),
        "publish": CaseStep(N_("record the conclusion published"), ("concluded",), "published",
                            asks_when=True, needs_reason=True),
        "follow_up": CaseStep(N_("record the recommendations followed up"), ("published",),
                              "closed", needs_reason=True),
        "cancel": CaseStep(N_("cancel the inspection"), ("preparing", "decided"), "cancelled",
                           permission="approve", needs_reason=True),
    },
    fields=(
        FieldSpec("inspection_type", N_("Kind of inspection"), FieldKind.CHOICE, required=True,
                  choices=TYPES, default="planned", aliases=("Loại thanh tra",)),
        FieldSpec("target", N_("Party inspected"), FieldKind.PARTY, required=True,
                  aliases=("Đối tượng thanh tra",)),
        FieldSpec("subject", N_("What is inspected"), FieldKind.MULTILINE, required=True,
                  max_length=2000, aliases=("Nội dung thanh tra",)),
        FieldSpec("period_inspected", N_("Period inspected"), max_length=100,
                  aliases=("Thời kỳ thanh tra",)),
        FieldSpec("team", N_("Inspection team"), FieldKind.MULTILINE, max_length=1000,
                  aliases=("Đoàn thanh tra",)),
        FieldSpec("findings", N_("Findings and conclusion"), FieldKind.MULTILINE,
                  max_length=4000, aliases=("Kết luận",)),
        FieldSpec("recommendations", N_("Recommendations"), FieldKind.MULTILINE,
                  max_length=2000, aliases=("Kiến nghị",)),
        FieldSpec("files", N_("Files"), FieldKind.FILES),
    ),
    clocks=(
        Clock("report", N_("Report and draft conclusion"), Limit(15, ClockUnit.DAYS),
              start_on=("end_direct",), stop_on=("report",), stop_states=("cancelled",),
              start_text=N_("Inspection on site ended on {when}."),
              basis="Luật Thanh tra 2022 (báo cáo kết quả thanh tra của Thanh tra sở)"),
        Clock("conclusion", N_("Conclusion signed"), Limit(15, ClockUnit.DAYS),
              start_on=("report",), stop_on=("conclude",),
              start_text=N_("Draft conclusion received on {when}."),
              basis=f"{LAW} Điều 78"),
    ),
    in_force_until=UNTIL)
