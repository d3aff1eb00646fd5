"""The records of cybersecurity besides the systems (issue #19; REFERENCE-2.md §8): vulnerability
alerts with the systems they concern and when each was fixed (the fix due by severity,
resources/reference/security_alerts.toml, unless the alert sets its own), the drills the
province runs or joins, and the yearly reports on level 3–5 systems due before 30/11 (TT 03/2017
Art. 17 — whether the date survived TT 12/2022 is UNCONFIRMED)."""

from __future__ import annotations

import datetime as dt
import tomllib
from functools import cache
from typing import Any

from sotttt_desktop.core import clock
from sotttt_desktop.i18n import N_, _, format_date
from sotttt_desktop.registers.checks import not_in_future
from sotttt_desktop.registers.spec import DueWatch, FieldKind, FieldSpec, RegisterSpec
from sotttt_desktop.resources import resource_path

SEVERITIES = (("critical", N_("Critical")), ("high", N_("High")), ("medium", N_("Moderate")),
              ("low", N_("Low")))
ALERT_STATES = (("open", N_("Being fixed")), ("fixed", N_("Fixed")),
                ("not_affected", N_("No system affected")))
ALERT_DONE = ("fixed", "not_affected")
REPORT_DUE_DAY, REPORT_DUE_MONTH = 30, 11  # "trước ngày 30/11" each year


@cache
def _alert_settings() -> dict[str, Any]:
    return tomllib.loads(resource_path("reference", "security_alerts.toml")
                         .read_text(encoding="utf-8"))


def fix_days(severity: str) -> int:
    return _alert_settings()["days"][severity]


def check_alert(values: dict[str, Any], services: Any) -> dict[str, str]:  # noqa: ANN401
    """The fix is due by the alert's own deadline, else by its severity's days; an alert is
    fixed when every system it concerns is."""
    errors = not_in_future(values, ("issued_on", "fixed_on"))
    issued: dt.date | None = values.get("issued_on")
    own: dt.date | None = values.get("own_due")
    severity = values.get("severity")
    values["fix_due"] = own or (issued + dt.timedelta(days=fix_days(severity))
                                if issued and severity else None)
    if own and issued and own < issued:
        errors["own_due"] = _("The deadline comes after the alert.")
    if values.get("state") == "fixed" and not values.get("fixed_on"):
        errors["fixed_on"] = _("A fixed alert says when the last system was fixed.")
    return errors


def alert_remarks(values: dict[str, Any], services: Any = None) -> list[str]:  # noqa: ANN401
    due: dt.date | None = values.get("fix_due")
    if due is None or values.get("state") in ALERT_DONE:
        fixed = values.get("fixed_on")
        if due and fixed and fixed > due:
            return [_("Fixed {days} days after its deadline ({due}).").format(
                days=(fixed - due).days, due=format_date(due))]
        return []
    how = (_("the alert's own deadline") if values.get("own_due") else
           _("{days} days for its severity").format(days=fix_days(values["severity"])))
    if due < clock.local_today():
        return [_("Fix overdue since {due} ({how}).").format(due=format_date(due), how=how)]
    return [_("To be fixed by {due} ({how}).").format(due=format_date(due), how=how)]


SECURITY_ALERTS = RegisterSpec(
    key="security_alerts", area="cybersecurity", title=N_("Vulnerability alerts"),
    item_name=N_("alert"), table="security_alert", search_kind="security_alert",
    default_sort="issued_on", title_field="alert_ref", subtitle_fields=("severity", "issue"),
    holder_column=None, district_field=None, checks=check_alert, remarks=alert_remarks,
    due_watch=DueWatch("fix_due", 7, N_("Fix due within {days} days"),
                       ended_states=ALERT_DONE),
    fields=(
        FieldSpec("alert_ref", N_("Alert no."), required=True, max_length=64, width=170,
                  searchable=True, sort_column="alert_ref",
                  aliases=("Số văn bản cảnh báo", "Số, ký hiệu"),
                  unique_message=N_("Alert {value} is already in the register ({name}).")),
        FieldSpec("issued_on", N_("Dated"), FieldKind.DATE, required=True, width=120,
                  sort_column="issued_on", aliases=("Ngày cảnh báo",)),
        FieldSpec("source", N_("Alert from"), max_length=200, width=180,
                  default="Cục An toàn thông tin", aliases=("Cơ quan cảnh báo",)),
        FieldSpec("issue", N_("Vulnerability (CVE or issue)"), required=True, max_length=400,
                  width=260, searchable=True, aliases=("Lỗ hổng", "Mã CVE")),
        FieldSpec("severity", N_("Severity"), FieldKind.CHOICE, required=True,
                  choices=SEVERITIES, width=150, filterable=True, aliases=("Mức độ",)),
        FieldSpec("systems", N_("Systems concerned and agencies notified"), FieldKind.ROWS,
                  in_table=False, searchable=True, aliases=("Hệ thống bị ảnh hưởng",),
                  columns=(FieldSpec("system", N_("System"), required=True, max_length=300),
                           FieldSpec("agency", N_("Agency notified"), max_length=300),
                           FieldSpec("notified_on", N_("Notified on"), FieldKind.DATE),
                           FieldSpec("fixed_on", N_("Fixed on"), FieldKind.DATE))),
        FieldSpec("own_due", N_("Deadline set by the alert"), FieldKind.DATE, in_table=False,
                  aliases=("Thời hạn khắc phục trong văn bản",)),
        FieldSpec("fix_due", N_("Fix due"), FieldKind.DATE, computed=True, width=100,
                  sort_column="fix_due", index="fix_due", aliases=("Hạn khắc phục",)),
        FieldSpec("fixed_on", N_("All fixed on"), FieldKind.DATE, width=150,
                  aliases=("Ngày khắc phục xong",)),
        FieldSpec("state", N_("State"), FieldKind.CHOICE, required=True, choices=ALERT_STATES,
                  default="open", width=120, filterable=True, aliases=("Trạng thái",)),
        FieldSpec("note", N_("Note"), FieldKind.MULTILINE, max_length=2000, in_table=False),
    ),
)

DRILL_LEVELS = (("agency", N_("Within an agency")), ("provincial", N_("Provincial")),
                ("national", N_("National")), ("international", N_("International")))

SECURITY_DRILLS = RegisterSpec(
    key="security_drills", area="cybersecurity", title=N_("Drills"), item_name=N_("drill"),
    table="security_drill", search_kind="security_drill", default_sort="held_on",
    title_field="title", sort_from="title", subtitle_fields=("held_on", "scope"),
    holder_column=None, district_field=None,
    checks=lambda values, services: not_in_future(values, ("held_on",)),
    fields=(
        FieldSpec("title", N_("Drill"), required=True, max_length=300, width=300,
                  sort_column="sort_name", searchable=True, aliases=("Tên cuộc diễn tập",),
                  unique_message=N_("The drill {value} is already in the register ({name}).")),
        FieldSpec("held_on", N_("Date of the drill"), FieldKind.DATE, required=True, width=100,
                  sort_column="held_on", aliases=("Ngày diễn tập",)),
        FieldSpec("scope", N_("Scope"), FieldKind.CHOICE, required=True, choices=DRILL_LEVELS,
                  width=120, filterable=True, aliases=("Quy mô",)),
        FieldSpec("organiser", N_("Organised by"), max_length=300, width=200,
                  aliases=("Đơn vị tổ chức",)),
        FieldSpec("scenario", N_("Scenario"), FieldKind.MULTILINE, required=True,
                  max_length=4000, in_table=False, searchable=True,
                  aliases=("Kịch bản",)),
        FieldSpec("participants", N_("Participants"), FieldKind.ROWS, in_table=False,
                  searchable=True, aliases=("Thành phần tham gia",),
                  columns=(FieldSpec("unit", N_("Unit"), required=True, max_length=300),
                           FieldSpec("people", N_("People"), FieldKind.INTEGER))),
        FieldSpec("report_no", N_("Report no."), max_length=64, width=130,
                  aliases=("Số báo cáo",)),
        FieldSpec("files", N_("Files"), FieldKind.FILES),
        FieldSpec("note", N_("Note"), FieldKind.MULTILINE, max_length=2000, in_table=False),
    ),
)


def report_due(year: int) -> dt.date:
    return dt.date(year, REPORT_DUE_MONTH, REPORT_DUE_DAY)


def check_report(values: dict[str, Any], services: Any) -> dict[str, str]:  # noqa: ANN401
    """Due before 30/11 of its year (computed); sent on 30/11 or later is late."""
    errors = not_in_future(values, ("sent_on",))
    year, sent = values.get("year"), values.get("sent_on")
    values["report_key"] = (f"{year}:{values['system_id']}" if year and values.get("system_id")
                            else None)  # one report a system and year
    values["due_on"] = report_due(year) if year else None
    values["late"] = bool(sent and values["due_on"] and sent >= values["due_on"])
    return errors


def report_remarks(values: dict[str, Any], services: Any = None) -> list[str]:  # noqa: ANN401
    due, sent = values.get("due_on"), values.get("sent_on")
    if due is None:
        return []
    if sent is None:
        if due <= clock.local_today():
            return [_("Not sent: it was due before {due}.").format(due=format_date(due))]
        return [_("To be sent before {due}.").format(due=format_date(due))]
    if sent >= due:
        return [_("Sent late: it was due before {due}.").format(due=format_date(due))]
    return []


SECURITY_REPORTS = RegisterSpec(
    key="security_reports", area="cybersecurity",
    title=N_("Yearly reports on level 3–5 systems"), item_name=N_("yearly report"),
    table="security_report", search_kind="security_report", default_sort="due_on",
    title_field="system_id", subtitle_fields=("year", "state"), holder_column=None,
    district_field=None, checks=check_report, remarks=report_remarks,
    due_watch=DueWatch("due_on", 30, N_("Report due within {days} days"),
                       ended_states=("sent",)),
    fields=(
        FieldSpec("report_key", N_("Report"), max_length=60, computed=True, in_table=False,
                  unique_message=N_("The report of this system for that year is already in the "
                                    "register ({name}).")),
        FieldSpec("system_id", N_("Information system"), FieldKind.RECORD,
                  target="information_systems", required=True, width=280, filterable=True,
                  aliases=("Hệ thống thông tin",)),
        FieldSpec("year", N_("Year"), FieldKind.YEAR, required=True, width=70,
                  filterable=True, aliases=("Năm",)),
        FieldSpec("due_on", N_("Due before"), FieldKind.DATE, computed=True, width=150,
                  sort_column="due_on", aliases=("Hạn gửi",)),
        FieldSpec("sent_on", N_("Sent on"), FieldKind.DATE, width=100,
                  aliases=("Ngày gửi",)),
        FieldSpec("report_no", N_("Report no."), max_length=64, width=130,
                  aliases=("Số báo cáo",)),
        FieldSpec("late", N_("Late"), FieldKind.YES_NO, computed=True, width=70,
                  filterable=True, index="late", aliases=("Gửi muộn",)),
        FieldSpec("state", N_("State"), FieldKind.CHOICE, required=True,
                  choices=(("drafting", N_("Being drafted")), ("sent", N_("Sent"))),
                  default="drafting", width=110, filterable=True, aliases=("Trạng thái",)),
        FieldSpec("files", N_("Files"), FieldKind.FILES),
    ),
)
