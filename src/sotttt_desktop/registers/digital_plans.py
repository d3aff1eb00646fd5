"""The province's digital-transformation plans and programmes and their tasks (REFERENCE-2.md §7,
"DX plan & task tracker"; QĐ 15/2023 Art. 3(14)): each task belongs to its plan, is led by an
agency (resources/reference/provincial_agencies.toml), has a deadline, a KPI, a status and its
evidence. The tasks coming due or overdue are counted per lead agency in the tab's overview,
across all plans."""

from __future__ import annotations

import tomllib
from functools import cache
from typing import Any

from sotttt_desktop.i18n import N_, _
from sotttt_desktop.registers.spec import DueWatch, FieldKind, FieldSpec, RegisterSpec
from sotttt_desktop.resources import resource_path

PLAN_KINDS = (("plan", N_("Plan")), ("programme", N_("Programme")),
              ("resolution", N_("Resolution")), ("decision", N_("Decision")))
TASK_STATES = (("not_started", N_("Not started")), ("in_progress", N_("In progress")),
               ("done", N_("Done")), ("cancelled", N_("Cancelled")))
TASKS_DUE_DAYS = 31  # "overdue or due this month"


@cache
def agencies() -> tuple[tuple[str, str], ...]:
    """(code, name) of the agencies that lead tasks, in the file's order."""
    with resource_path("reference", "provincial_agencies.toml").open("rb") as fh:
        return tuple((a["code"], a["name"]) for a in tomllib.load(fh)["agency"])


DX_PLANS = RegisterSpec(
    key="dx_plans", area="digital", title=N_("Digital-transformation plans"),
    item_name=N_("plan"), table="dx_plan", search_kind="dx_plan", default_sort="issued_on",
    title_field="title", subtitle_fields=("plan_no", "year"), holder_column=None,
    district_field=None,
    fields=(
        FieldSpec("plan_no", N_("Number"), required=True, max_length=64, width=130,
                  searchable=True, aliases=("Số hiệu", "Số kế hoạch"),
                  unique_message=N_("The plan {value} is already in the register ({name}).")),
        FieldSpec("kind", N_("Kind"), FieldKind.CHOICE, required=True, choices=PLAN_KINDS,
                  default="plan", width=110, filterable=True, aliases=("Loại văn bản",)),
        FieldSpec("title", N_("Title"), required=True, max_length=500, width=380,
                  searchable=True, aliases=("Trích yếu", "Tên kế hoạch")),
        FieldSpec("issuer", N_("Issued by"), required=True, max_length=200, width=180,
                  aliases=("Cơ quan ban hành",)),
        FieldSpec("issued_on", N_("Issued on"), FieldKind.DATE, required=True, width=100,
                  sort_column="issued_on", aliases=("Ngày ban hành",)),
        FieldSpec("year", N_("Year"), FieldKind.YEAR, width=70, filterable=True,
                  aliases=("Năm",)),
        FieldSpec("files", N_("Files"), FieldKind.FILES, in_table=False),
        FieldSpec("note", N_("Note"), FieldKind.MULTILINE, max_length=2000, in_table=False),
    ),
)


def check_task(values: dict[str, Any], services: Any) -> dict[str, str]:  # noqa: ANN401
    if values.get("state") == "done" and not values.get("evidence") and \
            not values.get("result"):
        return {"result": _("A task done says its result or has its evidence.")}
    return {}


DX_TASKS = RegisterSpec(
    key="dx_tasks", area="digital", title=N_("Plan tasks"), item_name=N_("task"),
    table="dx_task", search_kind="dx_task", default_sort="deadline", title_field="task_code",
    subtitle_fields=("task", "lead_agency"), holder_column=None, district_field=None,
    checks=check_task,
    due_watch=DueWatch("deadline", TASKS_DUE_DAYS, N_("Tasks due within {days} days"),
                       ended_states=("done", "cancelled"), group_by="lead_agency"),
    fields=(
        FieldSpec("task_code", N_("Task code"), required=True, max_length=64, width=150,
                  searchable=True, sort_column="task_code", aliases=("Mã nhiệm vụ",),
                  unique_message=N_("The task {value} is already in the register ({name}).")),
        FieldSpec("plan_id", N_("Plan"), FieldKind.RECORD, target="dx_plans", required=True,
                  width=260, aliases=("Kế hoạch",)),
        FieldSpec("task", N_("Task"), required=True, max_length=500, width=360,
                  searchable=True, aliases=("Nhiệm vụ", "Nội dung")),
        FieldSpec("lead_agency", N_("Lead agency"), FieldKind.CHOICE, required=True,
                  choices=agencies(), width=220, filterable=True, index="agency",
                  aliases=("Đơn vị chủ trì", "Cơ quan chủ trì")),
        FieldSpec("deadline", N_("Deadline"), FieldKind.DATE, required=True, width=100,
                  sort_column="deadline", aliases=("Thời hạn", "Thời gian hoàn thành")),
        FieldSpec("kpi", N_("KPI"), max_length=300, width=200, aliases=("Chỉ tiêu",)),
        FieldSpec("state", N_("Status"), FieldKind.CHOICE, required=True,
                  choices=TASK_STATES, default="not_started", width=120, filterable=True,
                  index="state", aliases=("Tình trạng",)),
        FieldSpec("result", N_("Result"), FieldKind.MULTILINE, max_length=2000,
                  in_table=False, aliases=("Kết quả",)),
        FieldSpec("evidence", N_("Evidence files"), FieldKind.FILES, in_table=False),
    ),
)
