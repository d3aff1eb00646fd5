"""The documents a declared case prints (`CaseSpec.document`): the data of each, drafted from the
case and the registers, for the templates whose subject is "case".

- ads-report: the Department's annual report on cross-border advertising (ND 181/2013 Art. 15(2)
  as amended by ND 70/2021): the figures of the year from the register of advertising
  violations (by medium; what was forwarded to the Ministry, with its letters; what was removed),
  the assessment and the proposals written in the case.
- it-appraisal-result: the letter notifying an IT investment appraisal's result (the four
  appraisal kinds of core/cases/digital.py): sent with the step "send the appraisal result",
  whose number and date it bears; the decree in force on that date; the case's particulars and
  conclusion.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING, Any

from sotttt_desktop.core import clock
from sotttt_desktop.core.cases import kinds
from sotttt_desktop.errors import PermissionDeniedError, ValidationError
from sotttt_desktop.i18n import _, format_date, in_language
from sotttt_desktop.registers.advertising import ACTIONS, MEDIA

if TYPE_CHECKING:
    from sotttt_desktop.services.facade import Services


def issued_case(services: Services, code: str) -> tuple[dict[str, Any], Any, dict[str, Any]]:
    """The case, its kind and the step after which its document exists
    (`CaseSpec.document_after`: its number and day); refused before that step."""
    case = services.cases.show(code)
    spec = kinds()[case["kind"]]
    step = spec.document_after
    sent = next((e for e in reversed(case["timeline"]) if e["step"] == step), None)
    if sent is None or not sent["decision"]:
        raise ValidationError(_("The document of case {code} is printed once it is issued "
                                "(the step “{step}” gives its number).").format(
            code=case["code"], step=_(spec.steps[step].label)))
    return case, spec, sent


class CaseDocumentService:
    def __init__(self, services: Services):
        self._services = services

    def area_and_ref(self, kind: str, code: str) -> tuple[str, str]:
        """The area whose right to view governs the print, and the case code; a case that does
        not print `kind` is refused."""
        case = self._services.cases.show(code)
        spec = kinds()[case["kind"]]
        if spec.department_wide and self._services.actor.district_scoped:
            raise PermissionDeniedError(_("“{label}” is the Department's own work for the whole "
                                          "province: a district officer does not print it.")
                                        .format(label=_(spec.label)))
        if spec.document != kind:
            raise ValidationError(_("Case {code} ({label}) does not print this document.")
                                  .format(code=case["code"], label=_(spec.label)))
        return spec.area, case["code"]

    def document_data(self, kind: str, code: str) -> dict[str, Any]:
        if kind == "ads-report":
            return self.ads_report(code)
        if kind == "it-appraisal-result":
            return self.it_appraisal_result(code)
        if kind in ("security-level-opinion", "security-level-approval"):
            return self.security_level(code)
        if kind == "sanction-decision":
            from sotttt_desktop.services.sanction_decision import sanction_decision_data

            return sanction_decision_data(self._services, code)
        if kind == "security-half-year-report":
            from sotttt_desktop.services.security_report import half_year_report_data

            return half_year_report_data(self._services, code)
        if kind == "complaint-decision":
            from sotttt_desktop.services.complaint_decision import complaint_decision_data

            return complaint_decision_data(self._services, code)
        raise ValidationError(_("Unknown document kind {kind}. Kinds: {kinds}.").format(
            kind=kind, kinds=", ".join(sorted({s.document for s in kinds().values()
                                               if s.document}))))

    def security_level(self, code: str) -> dict[str, Any]:
        """The appraisal opinion on a level-3 proposal, or the decision approving a level 1–2
        proposal, as sent: the number and date of the step that issued it, the system as its
        register keeps it (owner, operator, the level of the criteria and the one proposed),
        the law in force on that date."""
        from sotttt_desktop.catalog.instruments import load as load_instruments
        from sotttt_desktop.registers import security_levels

        services = self._services
        case, spec, sent = issued_case(services, code)
        data = case["data"]
        opinion = spec.document == "security-level-opinion"
        if opinion and not data.get("conclusion"):
            raise ValidationError(_("Write the opinion of the appraisal of case {code} before "
                                    "printing it.").format(code=case["code"]))
        system = services.registers.record("information_systems", uuid.UUID(data["system_id"]))
        owner = self._services.parties.name_of(str(system["owner_id"]))
        submitter = self._services.parties.name_of(data["submitter"]) if data.get("submitter") else owner
        operator = self._services.parties.name_of(str(system["operator_id"])) if system.get("operator_id") \
            else ""
        day = sent["at"].date()
        unit_name, unit_code = services.reference.unit_for_area(spec.area, day)
        level = int(data["proposed_level"])
        by_criteria = system.get("suggested_level") == data["proposed_level"]
        completed = next((e for e in reversed(case["timeline"])
                          if e["step"] in ("accept", "documents_received")), None)
        article, _colon, criterion = (system.get("suggested_by") or "").partition(": ")
        return {
            "printed_on": day, "number": sent["decision"], "system": system["name"],
            "owner": owner, "operator": operator, "submitter": submitter, "level": level,
            "article": article if by_criteria else "",
            "criterion": criterion if by_criteria else "",
            "reason": "" if by_criteria else system.get("overrule_reason") or "",
            "basis_cited": security_levels.cited_basis(),
            "review_months": security_levels.level_rules()[level].review_months,
            "legal_bases": load_instruments().citations(spec.legal_bases, day),
            "agency_basis": services.reference.agency_basis(day),
            "received": format_date(case["opened_at"].date()),
            "completed": format_date(completed["at"].date()) if completed else "",
            "conclusion": data.get("conclusion", ""), "case_code": case["code"],
            "unit_name": unit_name, "unit_abbreviation": unit_code}

    def it_appraisal_result(self, code: str) -> dict[str, Any]:
        """The result letter as sent: its number and date are the step's, from the register."""
        from sotttt_desktop.catalog.instruments import load as load_instruments
        from sotttt_desktop.core.cases.digital import FUNDING

        services = self._services
        case = services.cases.show(code)
        spec = kinds()[case["kind"]]
        sent = next((e for e in reversed(case["timeline"]) if e["step"] == "send_result"),
                    None)
        if sent is None or not sent["decision"]:
            raise ValidationError(_("The result letter of case {code} is printed once it is "
                                    "sent (the step “send the appraisal result” gives its "
                                    "number).").format(code=case["code"]))
        data = case["data"]
        if not data.get("conclusion"):
            raise ValidationError(_("Write the conclusion of the appraisal of case {code} "
                                    "before printing its result letter.").format(
                code=case["code"]))
        day = sent["at"].date()
        step = spec.steps["send_result"]
        assert step.issues is not None
        names = {name: str(value) for name, value in data.items()}
        letter = step.issues.summary.format_map(names)
        about = letter.removeprefix("Công văn về việc ")
        completed = next((e for e in reversed(case["timeline"])
                          if e["step"] == "documents_received"), None)
        unit = services.reference.unit_for_area(spec.area, day)[1]
        subject = spec.declared_field("project")
        return {
            "printed_on": day, "number": sent["decision"], "summary": about,
            "request": about.removeprefix("thông báo kết quả "),
            "subject_word": in_language("vi", subject.label).lower(),
            "legal_bases": load_instruments().citations(spec.legal_bases, day),
            "project": data["project"], "investor": self._services.parties.name_of(data["investor"]),
            "funding": in_language("vi", dict(FUNDING)[data["funding"]]),
            "funding_key": data["funding"],
            "value": f"{int(data['value']):,}".replace(",", ".") + " đồng",
            "received": format_date(case["opened_at"].date()),
            "completed": f" (hồ sơ đầy đủ ngày {format_date(completed['at'].date())})"
            if completed else "",
            "conclusion": data["conclusion"], "case_code": case["code"],
            "recipients": ["Như trên", f"Lưu: VT, {unit}".rstrip(", ")]}

    def ads_report(self, code: str, today: dt.date | None = None) -> dict[str, Any]:
        from sotttt_desktop.services.documents import texts_in_force

        services = self._services
        case = services.cases.show(code)
        spec = kinds()[case["kind"]]
        missing = [_(f.label) for f in spec.fields if f.name not in case["data"]]
        if missing:
            raise ValidationError(_("Write the {fields} of case {code} before printing its "
                                    "report.").format(fields=", ".join(missing),
                                                      code=case["code"]))
        # once sent, the report is the one sent: its number, its date, its figures then
        sent = next((e for e in reversed(case["timeline"]) if e["step"] == "send"), None)
        today = sent["at"].date() if sent else (today or clock.local_today())
        year = case["opened_at"].year
        start, end = dt.date(year, 1, 1), min(today, dt.date(year, 12, 31))

        def by_end(moment: dt.datetime | dt.date | None) -> bool:
            day = moment.date() if isinstance(moment, dt.datetime) else moment
            return day is not None and day <= end

        found = [e for e in services.registers.iter_records("ad_violations")
                 if start <= e["detected_at"].date() <= end]
        found.sort(key=lambda e: e["detected_at"])
        cross = [e for e in found if e["origin"] == "cross_border"]
        domestic = [e for e in found if e["origin"] != "cross_border"]
        medium_label = {key: in_language("vi", label) for key, label in MEDIA}
        action_label = {key: in_language("vi", label) for key, label in ACTIONS}
        by_medium = []
        for key, label in medium_label.items():
            of_medium = [e for e in cross if e["medium"] == key]
            if of_medium:
                by_medium.append([label, len(of_medium),
                                  sum(1 for e in of_medium if by_end(e.get("forwarded_on"))),
                                  sum(1 for e in of_medium if by_end(e.get("removed_at")))])
        cases = [{
            "found": format_date(e["detected_at"]), "location": e["location"],
            "product": e.get("product") or "",
            "forwarded": (f"Số {e['forwarded_no']} ngày {format_date(e['forwarded_on'])}"
                          if e.get("forwarded_no") and by_end(e.get("forwarded_on"))
                          else "Chưa chuyển"),
            "result": (f"Đã gỡ bỏ ngày {format_date(e['removed_at'])}" if by_end(e.get("removed_at"))
                       else "Chưa gỡ bỏ")} for e in cross]
        actions = {}
        for e in domestic:
            label = action_label.get(e["action"], e["action"])
            actions[label] = actions.get(label, 0) + 1
        takedowns = self._takedowns(start, end)
        texts = texts_in_force("ads_report", today)
        unit = services.reference.unit_for_area(spec.area, today)[1]
        profile = services.reference.profile(today)
        return {
            "year": year, "period": f"từ ngày {format_date(start)} đến ngày {format_date(end)}",
            "basis": texts["basis"], "ministry": texts["ministry"],
            # the trích yếu, as the register of outgoing documents writes it when sent
            "summary": texts["summary"].format(year=year),
            # the number is the records clerk's, once signed: a blank before the symbol; the
            # number recorded when it was sent
            "number": sent["decision"] if sent and sent["decision"] else f"{' ' * 8}/BC-{profile.get('abbreviation') or ''}".rstrip("-"),
            "total": len(found), "cross_border": len(cross),
            "forwarded": sum(1 for e in cross if by_end(e.get("forwarded_on"))),
            "removed": sum(1 for e in cross if by_end(e.get("removed_at"))),
            "takedowns": takedowns,
            "by_medium": by_medium, "cases": cases, "domestic": len(domestic),
            "domestic_actions": sorted(actions.items(), key=lambda item: -item[1]),
            "assessment": case["data"]["assessment"], "proposals": case["data"]["proposals"],
            "case_code": case["code"],
            "recipients": [*texts["recipients"], f"Lưu: VT, {unit}".rstrip(", ")],
            "printed_on": today}

    def _takedowns(self, start: dt.date, end: dt.date) -> dict[str, Any]:
        """The takedown requests the Department sent to platforms within the period: how many,
        by platform, and what became of them by its end."""
        requests = [c for c in self._services.cases.list(kind="takedown_request", limit=10_000)
                    if start <= c["opened_at"].date() <= end]
        platforms: dict[str, int] = {}
        outcome = {"removed": 0, "blocked": 0, "waiting": 0}
        for case in requests:
            platform = self._services.cases.show(case["code"])["data"].get("platform", "")
            platforms[platform] = platforms.get(platform, 0) + 1
            finished = case["finished_at"]
            if case["state"] in ("removed", "blocked") and finished and finished.date() <= end:
                outcome[case["state"]] += 1
            elif case["state"] != "withdrawn":
                outcome["waiting"] += 1
        return {"total": len(requests), **outcome,
                "platforms": sorted(platforms.items(), key=lambda item: (-item[1], item[0]))}
