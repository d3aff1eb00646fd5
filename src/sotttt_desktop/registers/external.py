"""The register of external-information plans and programmes (REFERENCE-2.md §2; ND 72/2015
Art. 24: the province builds its programmes and an annual plan with its budget, then evaluates
and reports): each plan with its activities (time, place, audience, channel, budget), its budget
estimate and what was settled, its state and evaluation."""

from __future__ import annotations

import re
from typing import Any

from sotttt_desktop.core import clock
from sotttt_desktop.i18n import N_, _, format_number
from sotttt_desktop.registers.spec import FieldKind, FieldSpec, RegisterSpec

PLAN_KINDS = (("annual", N_("Annual plan")), ("medium_term", N_("Medium-term programme")),
              ("long_term", N_("Long-term programme")), ("scheme", N_("Scheme")),
              ("ad_hoc", N_("Ad hoc plan")))
PLAN_STATES = (("drafting", N_("Drafting")), ("approved", N_("Approved")),
               ("under_way", N_("Under way")), ("done", N_("Done and evaluated")),
               ("cancelled", N_("Cancelled")))
PLANNED_AHEAD = 10  # years: a long-term programme looks ten years ahead
CHANNELS = (("press", N_("Press")), ("online", N_("Online and social networks")),
            ("event", N_("Event or exhibition")), ("publication", N_("Printed publications")),
            ("delegation", N_("Delegation or exchange")), ("other", N_("Other")))


def check_plan(values: dict[str, Any], services: Any) -> dict[str, str]:  # noqa: ANN401
    """What was settled is only known once the plan is under way; a plan evaluated as done
    says how it went."""
    errors: dict[str, str] = {}
    year = values.get("year")
    if year is not None and year > clock.local_today().year + PLANNED_AHEAD:
        errors["year"] = _("A plan is made at most {years} years ahead.").format(
            years=PLANNED_AHEAD)
    budget = values.get("budget")
    planned = sum(int(re.sub(r"\D", "", row["budget"]) or 0)
                  for row in values.get("activities") or () if row.get("budget"))
    if budget is not None and planned > budget:
        errors["activities"] = _("The activities cost {planned} đồng, more than the budget "
                                 "estimate.").format(planned=format_number(planned))
    if values.get("settled") and values.get("state") in ("drafting", "approved"):
        errors["settled"] = _("An amount is settled only once the plan is under way.")
    if values.get("state") == "done" and not values.get("evaluation"):
        errors["evaluation"] = _("A plan done is evaluated: write how it went.")
    return errors


EXTERNAL_PLANS = RegisterSpec(
    key="external_plans", area="grassroots", title=N_("External information plans"),
    item_name=N_("external information plan"), table="external_plan",
    search_kind="external_plan", default_sort="year", title_field="title",
    subtitle_fields=("plan_no", "year"), district_field=None, holder_column=None,
    sort_from="title", checks=check_plan,
    fields=(
        FieldSpec("plan_no", N_("Plan or decision no."), required=True, max_length=64,
                  width=130, searchable=True, aliases=("Số kế hoạch", "Số hiệu"),
                  unique_message=N_("Plan {value} is already in the register ({name}).")),
        FieldSpec("plan_date", N_("Dated"), FieldKind.DATE, width=100,
                  aliases=("Ngày ban hành",)),
        FieldSpec("year", N_("Year"), FieldKind.YEAR, required=True, width=60,
                  sort_column="year", filterable=True, aliases=("Năm",)),
        FieldSpec("plan_kind", N_("Kind"), FieldKind.CHOICE, required=True, choices=PLAN_KINDS,
                  default="annual", width=150, filterable=True, aliases=("Loại",)),
        FieldSpec("title", N_("Plan title"), required=True, max_length=500, width=320,
                  searchable=True, sort_column="sort_name", aliases=("Tên kế hoạch", "Trích yếu")),
        FieldSpec("owner_unit", N_("Unit in charge"), max_length=300, width=180,
                  aliases=("Đơn vị chủ trì",)),
        FieldSpec("activities", N_("Activities"), FieldKind.ROWS, in_table=False,
                  searchable=True, aliases=("Hoạt động",),
                  columns=(FieldSpec("name", N_("Activity"), required=True, max_length=300),
                           FieldSpec("when", N_("Time"), max_length=100),
                           FieldSpec("place", N_("Place"), max_length=200),
                           FieldSpec("audience", N_("Audience"), max_length=200),
                           FieldSpec("channel", N_("Channel of communication"), FieldKind.CHOICE,
                                     choices=CHANNELS),
                           FieldSpec("budget", N_("Budget"), FieldKind.MONEY))),
        FieldSpec("budget", N_("Budget estimate"), FieldKind.MONEY, width=130,
                  aliases=("Dự toán kinh phí",)),
        FieldSpec("settled", N_("Settled"), FieldKind.MONEY, width=130,
                  aliases=("Quyết toán",)),
        FieldSpec("state", N_("State"), FieldKind.CHOICE, required=True, choices=PLAN_STATES,
                  default="drafting", width=130, filterable=True, sort_column="state",
                  index="state", aliases=("Tình trạng",)),
        FieldSpec("evaluation", N_("Evaluation"), FieldKind.MULTILINE, max_length=4000,
                  in_table=False, aliases=("Đánh giá",)),
        FieldSpec("report_ref", N_("Report no."), max_length=64, in_table=False,
                  aliases=("Số báo cáo",)),
    ),
)
