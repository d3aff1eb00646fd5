"""The six-monthly report of the province's incident-response unit to the national coordinator
(QĐ 05/2017/QĐ-TTg Art. 12(1)(g); case kind `security_half_year_report`, document
"security-half-year-report"): the half-year's figures drafted from the registers and the cases —

- the incidents discovered in the half (TT 20/2017 Art. 9): each with its system, impact, when
  it was notified against its 05 days (on time, late, or not yet and past due) and where it stood
  at the end of the data;
- the vulnerability alerts received in the half: by severity, fixed, past their fix due;
- the drills held in the half;
- the information systems the register follows, and those approved by the end of the data, by
  level;

and the assessment and proposals the security unit writes in the case. Once sent, the report is
the one sent: its number, its date, and the figures as they stood on that date.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING, Any

from sotttt_desktop.core import clock
from sotttt_desktop.core.cases import kinds
from sotttt_desktop.core.cases.security import HALF_YEAR, HALVES, IMPACT
from sotttt_desktop.errors import ValidationError
from sotttt_desktop.i18n import _, format_date, in_language
from sotttt_desktop.registers.security_records import DRILL_LEVELS, SEVERITIES

if TYPE_CHECKING:
    from sotttt_desktop.services.facade import Services


def half_year_period(year: int, half: str) -> tuple[dt.date, dt.date]:
    """The first and last day of a half-year, as resources/cases/unconfirmed.toml bounds it (a
    start after its end falls in the previous year: 15/12–14/06)."""
    first, last = HALF_YEAR["first_half" if half == "first" else "second_half"]
    end = dt.date(year, *(int(part) for part in last.split("-")))
    start = dt.date(year, *(int(part) for part in first.split("-")))
    if start > end:
        start = start.replace(year=year - 1)
    return start, end


def _moment(value: dt.datetime) -> str:
    return f"{value:%H:%M} ngày {value:%d/%m/%Y}"


def half_year_report_data(services: Services, code: str,
                          today: dt.date | None = None) -> dict[str, Any]:
    from sotttt_desktop.services.documents import texts_in_force

    case = services.cases.show(code)
    spec = kinds()[case["kind"]]
    data = case["data"]
    missing = [_(f.label) for f in spec.fields
               if f.name in ("assessment", "proposals") and not data.get(f.name)]
    if missing:
        raise ValidationError(_("Write the {fields} of case {code} before printing its "
                                "report.").format(fields=", ".join(missing), code=case["code"]))
    sent = next((e for e in reversed(case["timeline"]) if e["step"] == "send"), None)
    today = sent["at"].date() if sent else (today or clock.local_today())
    year, half = int(data["report_year"]), data["half"]
    start, end = half_year_period(year, half)
    if start > today:
        raise ValidationError(_("The half-year reported has not begun: it starts on {day}.")
                              .format(day=format_date(start)))
    cutoff = min(today, end)  # the figures stand as of this day
    half_words = in_language("vi", dict(HALVES)[half])
    texts = texts_in_force("security_half_year_report", today)
    unit = services.reference.unit_for_area(spec.area, today)[1]
    abbreviation = services.reference.profile(today).get("abbreviation") or ""
    names = {"half": half_words, "report_year": str(year)}
    return {
        "year": year, "half": half_words, "case_code": case["code"],
        "period": f"từ ngày {format_date(start)} đến ngày {format_date(cutoff)}",
        "basis": texts["basis"], "coordinator": texts["coordinator"],
        "summary": texts["summary"].format_map(names),
        "number": sent["decision"] if sent and sent["decision"]
        else f"{' ' * 8}/BC-{abbreviation}".rstrip("-"),
        "incidents": _incidents(services, start, cutoff),
        "alerts": _alerts(services, start, cutoff),
        "drills": _drills(services, start, cutoff),
        "systems": _systems(services, cutoff),
        "assessment": data["assessment"], "proposals": data["proposals"],
        "recipients": [*texts["recipients"], f"Lưu: VT, {unit}".rstrip(", ")],
        "printed_on": today}


def _incidents(services: Services, start: dt.date, cutoff: dt.date) -> dict[str, Any]:
    """The incidents discovered from `start` to `cutoff`, each as it stood at the cutoff."""
    spec = kinds()["security_incident"]
    until = dt.datetime.combine(cutoff, dt.time.max)
    impact_label = {key: in_language("vi", label) for key, label in IMPACT}
    rows, by_impact, late, beyond, closed = [], dict.fromkeys(impact_label, 0), 0, 0, 0
    listed = services.cases.list(kind="security_incident", limit=100_000)
    for listed_case in sorted(listed, key=lambda c: c["opened_at"]):
        if not start <= listed_case["opened_at"].date() <= cutoff:
            continue
        case = services.cases.show(listed_case["code"])
        data = case["data"]
        events = [e for e in case["timeline"] if e["at"] <= until]
        state = events[-1]["to_state"] if events else spec.initial
        notified = next((e["at"] for e in events if e["step"] == "notify"), None)
        due = next((c["due"] for c in case["clocks"] if c["key"] == "notification"), None)
        if notified is not None:
            on_time = due is None or notified <= due
            notice = f"{_moment(notified)} ({'đúng hạn' if on_time else 'quá hạn'})"
        else:
            on_time = due is None or until <= due
            notice = "Chưa thông báo" + ("" if on_time else " (quá hạn)")
        late += not on_time
        beyond += bool(data.get("beyond_capacity"))
        closed += state == "closed"
        by_impact[data["impact"]] += 1
        system = services.registers.record("information_systems",
                                           uuid.UUID(str(data["system_id"])))
        rows.append({"discovered": _moment(case["opened_at"]), "system": system["name"],
                     "impact": impact_label[data["impact"]], "notice": notice,
                     "state": in_language("vi", spec.states[state])})
    return {"total": len(rows), "rows": rows, "late": late, "beyond_capacity": beyond,
            "closed": closed,
            "by_impact": [(impact_label[key], n) for key, n in by_impact.items() if n]}


def _alerts(services: Services, start: dt.date, cutoff: dt.date) -> dict[str, Any]:
    severity_label = {key: in_language("vi", label) for key, label in SEVERITIES}
    received = [a for a in services.registers.iter_records("security_alerts")
                if start <= a["issued_on"] <= cutoff]
    fixed = [a for a in received if a.get("fixed_on") and a["fixed_on"] <= cutoff]
    past_due = [a for a in received if a not in fixed and a.get("state") != "not_affected"
                and a.get("fix_due") and a["fix_due"] < cutoff]
    by_severity = [(label, sum(1 for a in received if a["severity"] == key))
                   for key, label in severity_label.items()]
    return {"total": len(received), "fixed": len(fixed), "past_due": len(past_due),
            "not_affected": sum(1 for a in received if a.get("state") == "not_affected"),
            "by_severity": [(label, n) for label, n in by_severity if n],
            "past_due_rows": [{"ref": a["alert_ref"], "issue": a["issue"],
                               "due": format_date(a["fix_due"])} for a in past_due]}


def _drills(services: Services, start: dt.date, cutoff: dt.date) -> list[dict[str, str]]:
    scope_label = {key: in_language("vi", label) for key, label in DRILL_LEVELS}
    held = sorted((d for d in services.registers.iter_records("security_drills")
                   if start <= d["held_on"] <= cutoff), key=lambda d: d["held_on"])
    return [{"held_on": format_date(d["held_on"]), "title": d["title"],
             "scope": scope_label.get(d["scope"], d["scope"]),
             "organiser": d.get("organiser") or ""} for d in held]


def _systems(services: Services, cutoff: dt.date) -> dict[str, Any]:
    """The systems the register follows now; those approved by the cutoff, by the level the
    register keeps (the register keeps no history of levels: #21's "as of")."""
    systems = list(services.registers.iter_records("information_systems"))
    levels: dict[str, int] = {}
    for system in systems:
        if system.get("approved_level") and system.get("approved_on") and \
                system["approved_on"] <= cutoff:
            levels[system["approved_level"]] = levels.get(system["approved_level"], 0) + 1
    return {"total": len(systems), "approved": sum(levels.values()),
            "by_level": sorted(levels.items()), "cutoff": format_date(cutoff)}
