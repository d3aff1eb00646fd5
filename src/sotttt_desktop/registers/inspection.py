"""The inspection area's registers (issue #20).

- The Department's annual inspection plan, item by item (Luật Thanh tra 2022 Art. 44–45,
  REFERENCE-2.md §9): the party inspected, what is inspected, the period inspected, the month
  planned, the lead, and what became of it (the inspection file's code once opened). The plan
  itself — in the province's plan by 20/12 — is a case (core/cases/inspection.py); the items of
  a year are this register filtered by its year.
- The citizen-reception book: each visit, its handling and the answer due within 10 working
  days (Luật Tiếp công dân 2013 Art. 28(1)).
"""

from __future__ import annotations

from typing import Any

from sotttt_desktop.i18n import N_, _
from sotttt_desktop.registers.spec import DueWatch, FieldKind, FieldSpec, RegisterSpec

PLAN_KINDS = (("planned", N_("In the plan")), ("thematic", N_("Thematic")))
ITEM_STATES = (("planned", N_("Not yet started")), ("under_way", N_("Under way")),
               ("done", N_("Done")), ("cancelled", N_("Cancelled")))


def check_item(values: dict[str, Any], services: Any = None) -> dict[str, str]:  # noqa: ANN401
    """One item a party, year and month (its key: what an imported plan is matched by)."""
    year, target, month = (values.get("plan_year"), values.get("target_id"),
                           values.get("planned_month"))
    values["item_key"] = f"{year}:{target}:{month}" if year and target and month else None
    if month is not None and not 1 <= month <= 12:
        return {"planned_month": _("A month from 1 to 12.")}
    if values.get("state") in ("under_way", "done") and not values.get("inspection_code"):
        return {"inspection_code": _("Give the code of the inspection file.")}
    return {}


INSPECTION_PLAN = RegisterSpec(
    key="inspection_plan", area="inspection", title=N_("Inspection plan"),
    item_name=N_("inspection plan item"), table="inspection_plan_item",
    search_kind="inspection_plan_item", default_sort="plan_year", title_field="target_id",
    subtitle_fields=("plan_year", "planned_month"), holder_column="target_id",
    district_field=None, checks=check_item,
    fields=(
        FieldSpec("item_key", N_("Plan item"), max_length=80, computed=True, in_table=False,
                  unique_message=N_("The plan of that year already inspects this party in that "
                                    "month ({name}).")),
        FieldSpec("plan_year", N_("Plan of the year"), FieldKind.YEAR, required=True, width=80,
                  filterable=True, sort_column="plan_year", aliases=("Năm kế hoạch",)),
        FieldSpec("target_id", N_("Party inspected"), FieldKind.PARTY, required=True,
                  width=260, searchable=True, aliases=("Đối tượng thanh tra",)),
        FieldSpec("content", N_("What is inspected"), FieldKind.MULTILINE, required=True,
                  max_length=2000, width=300, searchable=True, aliases=("Nội dung thanh tra",)),
        FieldSpec("period_inspected", N_("Period inspected"), max_length=100, width=120,
                  aliases=("Thời kỳ thanh tra",)),
        FieldSpec("planned_month", N_("Month planned"), FieldKind.INTEGER, required=True,
                  width=80, aliases=("Thời gian tiến hành (tháng)",)),
        FieldSpec("plan_kind", N_("Kind"), FieldKind.CHOICE, required=True, choices=PLAN_KINDS,
                  default="planned", width=110, filterable=True, aliases=("Loại",)),
        FieldSpec("lead", N_("Lead and coordination"), max_length=300, width=200,
                  aliases=("Đơn vị chủ trì",)),
        FieldSpec("state", N_("State"), FieldKind.CHOICE, required=True, choices=ITEM_STATES,
                  default="planned", width=110, filterable=True, aliases=("Trạng thái",)),
        FieldSpec("inspection_code", N_("Inspection file"), max_length=40, width=140,
                  aliases=("Mã hồ sơ thanh tra",)),
        FieldSpec("note", N_("Note"), FieldKind.MULTILINE, max_length=2000, in_table=False),
    ),
)


# --- the citizen-reception book (sổ tiếp công dân: Luật Tiếp công dân 2013 Art. 25(2), 28) -------
VISIT_KINDS = (("complaint", N_("Complaint")), ("denunciation", N_("Denunciation")),
               ("petition", N_("Petition")), ("feedback", N_("Feedback")))
HANDLING = (("accepted", N_("Letter received for handling")),
            ("guided", N_("Guided to the competent body")), ("forwarded", N_("Forwarded")),
            ("refused", N_("Refused (Art. 9)")))
VISIT_STATES = (("waiting", N_("Awaiting the answer")), ("answered", N_("Answered")),
                ("closed", N_("No answer due")))
ANSWER_WORKING_DAYS = 10  # Luật Tiếp công dân Art. 28(1)


DENUNCIATION_CONTENT = "Đơn tố cáo: nội dung trong hồ sơ vụ việc {code}"


def _case_kind(services: Any, code: str) -> str | None:  # noqa: ANN401
    """The kind of the case with this code, if there is one (whoever may read it)."""
    from sqlalchemy import select

    from sotttt_desktop.core.models.case import CaseFile

    with services.db.session() as session:
        return session.execute(select(CaseFile.kind).where(
            CaseFile.code == code.strip().upper())).scalar_one_or_none()


def denunciation_by_case(values: dict[str, Any], services: Any,  # noqa: ANN401
                         name_field: str, identity: tuple[str, ...],
                         private: tuple[str, ...]) -> dict[str, str]:
    """A book every viewer reads says nothing of a denunciation but that it came: it is written
    by the code of its case, which keeps the denouncer and what is denounced confidential (Luật
    Tố cáo 2018) — no name (`identity`), no content or note (`private`: the first is written
    as a pointer to the case). Any other kind still needs its content; a case code written
    names a case that exists (a denunciation's, a denunciation)."""
    errors: dict[str, str] = {}
    code = (values.get("case_code") or "").strip().upper()
    if code and services is not None:
        kind = _case_kind(services, code)
        if kind is None:
            errors["case_code"] = _("There is no case {code}.").format(code=code)
        elif values.get("kind") == "denunciation" and kind != "denunciation":
            errors["case_code"] = _("Case {code} is not a denunciation.").format(code=code)
        values["case_code"] = code
    if values.get("kind") != "denunciation":
        if not values.get(private[0]):
            errors[private[0]] = _("This field is required.")
        return errors
    if any(values.get(name) for name in identity):
        errors[name_field] = _("A denouncer is not named in the book: record the "
                               "denunciation as a case (its denouncer is kept "
                               "confidential there) and write its code.")
    if not code:
        errors["case_code"] = _("Write the code of the denunciation case.")
    pointer = DENUNCIATION_CONTENT.format(code=code)
    typed = [name for name in private if values.get(name)
             and not (name == private[0] and values[name] == pointer)]
    if typed:
        errors[typed[0]] = _("What a denunciation says is kept in its case, which only its "
                             "handlers read; the book, read by every viewer, says only that it "
                             "came: leave this empty.")
    values[private[0]] = pointer
    return errors


def check_visit(values: dict[str, Any], services: Any = None) -> dict[str, str]:  # noqa: ANN401
    """A visit is answered within 10 working days of it (computed); a denunciation is written
    as its case, whose denouncer is kept confidential — never by name in the book."""
    from sotttt_desktop.core.text import fold
    from sotttt_desktop.registers.checks import not_in_future, working_days_after

    errors = not_in_future(values, ("received_on", "answered_on"))
    received, answered = values.get("received_on"), values.get("answered_on")
    errors.update(denunciation_by_case(values, services, "visitor_name",
                                       ("visitor_name", "citizen_id", "address"),
                                       ("content", "prior_handling")))
    if values.get("kind") != "denunciation" and not values.get("visitor_name"):
        errors["visitor_name"] = _("This field is required.")
    if answered and received and answered < received:
        errors["answered_on"] = _("The answer comes after the visit.")
    if values.get("state") == "answered" and not answered:
        errors["answered_on"] = _("Write when the answer was given.")
    due = None
    if received is not None and services is not None:
        due = working_days_after(services, received, ANSWER_WORKING_DAYS)
    values["answer_due"] = due
    values["late"] = bool(due and answered and answered > due)
    who = values.get("visitor_name") or values.get("case_code") or ""
    values["visit_key"] = (f"{received}:{fold(who)[:60]}:{values.get('kind')}:"
                           f"{fold(values.get('content') or '')[:60]}" if received else None)
    return errors


CITIZEN_RECEPTION = RegisterSpec(
    key="citizen_reception", area="inspection", title=N_("Citizen-reception book"),
    item_name=N_("visit"), table="citizen_visit", search_kind="citizen_visit",
    default_sort="received_on", title_field="content", subtitle_fields=("received_on", "kind"),
    holder_column=None, district_field=None, checks=check_visit,
    due_watch=DueWatch("answer_due", 3, N_("Answer due within {days} days"),
                       ended_states=("answered", "closed")),
    fields=(
        FieldSpec("visit_key", N_("Visit"), max_length=200, computed=True, in_table=False,
                  unique_message=N_("This visit is already in the book ({name}).")),
        FieldSpec("received_on", N_("Visited on"), FieldKind.DATE, required=True, width=100,
                  sort_column="received_on", aliases=("Ngày tiếp",)),
        FieldSpec("visitor_name", N_("Full name"), max_length=200, width=200, searchable=True,
                  aliases=("Họ và tên", "Người đến")),
        FieldSpec("address", N_("Address"), max_length=300, in_table=False,
                  aliases=("Địa chỉ",)),
        FieldSpec("citizen_id", N_("Identity number"), max_length=20, in_table=False,
                  aliases=("Số định danh", "CCCD")),
        FieldSpec("people", N_("Number of people"), FieldKind.INTEGER, default="1", width=70,
                  aliases=("Số người",)),
        FieldSpec("kind", N_("Kind"), FieldKind.CHOICE, required=True, choices=VISIT_KINDS,
                  width=110, filterable=True, aliases=("Loại",)),
        FieldSpec("content", N_("Content"), FieldKind.MULTILINE,
                  max_length=4000, width=300, searchable=True, aliases=("Nội dung",)),
        FieldSpec("prior_handling", N_("Already handled by"), FieldKind.MULTILINE,
                  max_length=1000, in_table=False,
                  aliases=("Đã được cơ quan có thẩm quyền giải quyết",)),
        FieldSpec("handling", N_("Handling"), FieldKind.CHOICE, required=True,
                  choices=HANDLING, width=160, filterable=True, aliases=("Hướng xử lý",)),
        FieldSpec("forwarded_to", N_("Forwarded or guided to"), max_length=300, in_table=False,
                  aliases=("Chuyển đến",)),
        FieldSpec("case_code", N_("Case"), max_length=40, width=130,
                  aliases=("Mã vụ việc",)),
        FieldSpec("officer", N_("Received by"), max_length=200, width=150,
                  aliases=("Cán bộ tiếp",)),
        FieldSpec("answer_due", N_("Answer due"), FieldKind.DATE, computed=True, width=100,
                  sort_column="answer_due", aliases=("Hạn trả lời",)),
        FieldSpec("answered_on", N_("Answered on"), FieldKind.DATE, width=100,
                  aliases=("Ngày trả lời",)),
        FieldSpec("late", N_("Answered late"), FieldKind.YES_NO, computed=True, width=60,
                  filterable=True, aliases=("Trả lời muộn",)),
        FieldSpec("state", N_("State"), FieldKind.CHOICE, required=True, choices=VISIT_STATES,
                  default="waiting", width=130, filterable=True, aliases=("Trạng thái",)),
        FieldSpec("files", N_("Files"), FieldKind.FILES),
    ),
)
