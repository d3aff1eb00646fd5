"""The one-stop desk's dossiers: receipt, the states of DESIGN §5, the timeline, due status.

received → (supplement_requested ↔ received) → in_appraisal → approved | refused
→ result_ready → returned; withdrawn from any active state. A supplement restarts the clock from
the moment the complete dossier arrives (ND 61/2018 Art. 19(4)); an apology may move the due date
once (Art. 19(9)); "overdue" is derived, never stored. Every step is one transaction with its
timeline event and its audit entry; an illegal step is refused with the reason.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from sotttt_desktop.catalog import load as load_catalogue
from sotttt_desktop.core import audit
from sotttt_desktop.core.calendar import TimeUnit
from sotttt_desktop.core.models import Dossier, DossierAttachment, DossierEvent, Party, utcnow
from sotttt_desktop.core.models.dossier import ACTIVE_STATES, FINAL_STATES
from sotttt_desktop.core.text import clean
from sotttt_desktop.errors import NotFoundError, ValidationError
from sotttt_desktop.i18n import LOCAL_TZ, N_, _, format_date

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from sotttt_desktop.services.facade import Services

CHANNELS = ("counter", "online", "post")
STATE_LABELS = {
    "received": N_("received"), "supplement_requested": N_("supplement requested"),
    "in_appraisal": N_("in appraisal"), "approved": N_("approved"), "refused": N_("refused"),
    "result_ready": N_("result ready"), "returned": N_("returned"), "withdrawn": N_("withdrawn"),
}


@dataclass(frozen=True)
class Step:
    """An action: the states it may start from, the state it leads to, who may do it."""

    sources: tuple[str, ...]
    target: str | None  # None: the state does not change (apology, hand-over)
    area: str  # "one_stop" or "procedure" (the procedure's own area)
    permission: str


STEPS: dict[str, Step] = {
    "request_supplement": Step(("received", "in_appraisal"), "supplement_requested", "one_stop",
                               "edit"),
    "supplement_received": Step(("supplement_requested",), "received", "one_stop", "edit"),
    "start_appraisal": Step(("received",), "in_appraisal", "procedure", "edit"),
    "approve": Step(("in_appraisal",), "approved", "procedure", "approve"),
    "refuse": Step(("in_appraisal",), "refused", "procedure", "approve"),
    "result_ready": Step(("approved",), "result_ready", "procedure", "edit"),
    "return_result": Step(("result_ready", "refused"), "returned", "one_stop", "edit"),
    "withdraw": Step(ACTIVE_STATES, "withdrawn", "one_stop", "edit"),
    "apologise": Step(("received", "in_appraisal", "approved"), None, "procedure", "edit"),
    "hand_over": Step(ACTIVE_STATES, None, "one_stop", "edit"),
}
ONE_STOP_UNIT = "one_stop"  # where a dossier is when it is received
# ND 61/2018 Art. 19(9) sets no bound on the new date; a wrong year (31/12/9999) must not pass.
# UNCONFIRMED: the bound is the Department's practice, editable here.
APOLOGY_MAX_DAYS = 180
QUERY_MAX = 200  # characters of a dossier-list search
QUERY_APPLICANTS = 200  # applicants a search of the list looks among (the best matches)
NEEDS_REASON = {"request_supplement", "refuse", "withdraw", "apologise"}


def state_label(state: str) -> str:
    return _(STATE_LABELS[state]) if state in STATE_LABELS else state


def _local_now() -> dt.datetime:
    return dt.datetime.now(LOCAL_TZ).replace(tzinfo=None)


class DossierService:
    def __init__(self, services: Services):
        self._services = services

    # --- receiving ---------------------------------------------------------------------------

    def receive(self, procedure_key: str, applicant_id: uuid.UUID, *, channel: str = "counter",
                missing: list[int] | None = None, received_at: dt.datetime | None = None,
                note: str = "", attachments: list[Path] | None = None) -> dict[str, Any]:
        """Receive a complete dossier: code, due date with its explanation, first event.

        `received_at` is local time (default: now); `missing` lists the checklist items (1-based)
        not handed in — a required one missing means the dossier cannot be received (the clerk
        gives a supplement request instead, ND 61/2018 Art. 15)."""
        services = self._services
        services.require("one_stop", "create")
        procedure = load_catalogue().get(procedure_key)
        if channel not in CHANNELS:
            raise ValidationError(_("Choose one of: {choices}.").format(choices=", ".join(CHANNELS)))
        moment = received_at or _local_now()
        if moment > _local_now() + dt.timedelta(minutes=5):
            raise ValidationError(_("The receipt date cannot be in the future."))
        if procedure.unit is TimeUnit.HOURS_BEFORE:
            raise ValidationError(_("{name} is a notice before an event, not a dossier with a "
                                    "processing time.").format(name=procedure.name))
        missing = sorted(set(missing or []))
        if any(not 1 <= n <= len(procedure.components) for n in missing):
            raise ValidationError(_("The checklist has items 1 to {count}.").format(
                count=len(procedure.components)))
        lacking = [procedure.components[n - 1].name for n in missing
                   if procedure.components[n - 1].required]
        if lacking:
            raise ValidationError(_("Required documents are missing: {items}. Give the applicant "
                                    "a supplement request instead.").format(
                items="; ".join(lacking)))
        checklist = [{"name": c.name, "required": c.required, "form": c.form, "count": c.count,
                      "provided": (i + 1) not in missing}
                     for i, c in enumerate(procedure.components)]
        due = services.calendar.due(moment, procedure.time_limit, procedure.unit)
        at_utc = moment.replace(tzinfo=LOCAL_TZ).astimezone(dt.UTC)
        actor = services.actor.username
        agency = services.numbering.agency(moment.date())  # read before taking the write lock
        files = self._store_files(attachments or [])  # whole files first, rows after
        with services.db.session(write=True) as session:
            applicant = session.get(Party, applicant_id)
            if applicant is None:
                raise NotFoundError(_("The record no longer exists."))
            dossier_id = uuid.uuid4()
            code = services.numbering.dossier_code(session, moment.date(),
                                                   reference=str(dossier_id), agency=agency)
            dossier = Dossier(
                id=dossier_id, code=code, procedure_key=procedure.key,
                procedure_version=procedure.effective_from, procedure_name=procedure.name,
                area=procedure.area, applicant_id=applicant.id,
                district_code=applicant.district_code, channel=channel, received_at=at_utc,
                received_by=actor, clock_started_at=at_utc, state="received",
                due_date=due.due, checklist=json.dumps(checklist, ensure_ascii=False),
                current_unit=ONE_STOP_UNIT, note=clean(note), created_by=actor, updated_by=actor)
            session.add(dossier)
            session.flush()
            self._event(session, dossier, "received", None, "received", None, due.due,
                        _("Received: {procedure}.").format(procedure=procedure.name),
                        due.explanation, at=moment)
            for name, sha, size in files:
                session.add(DossierAttachment(dossier_id=dossier.id, name=name, sha256=sha,
                                              size=size, added_at=utcnow(), added_by=actor))
            audit.append(session, username=actor, action="receive", entity_kind="dossier",
                         entity_id=dossier.id, summary=code,
                         after={"code": code, "procedure": procedure.key,
                                "applicant": str(applicant.id), "due": due.due})
            session.commit()
            return self._as_dict(session, dossier)

    # --- acting ------------------------------------------------------------------------------

    def units(self) -> dict[str, str]:
        """Where a dossier can be handed: the one-stop desk and the Department's active units
        (code → name, reference data)."""
        units = {ONE_STOP_UNIT: _("One-stop reception unit")}
        units.update({u["code"]: u["name"] for u in self._services.reference.units()
                      if u["active"]})
        return units

    def available_steps(self, dossier: dict[str, Any]) -> dict[str, str | None]:
        """The steps a dossier (as `show` gives it) can take now, each with why this actor may
        not take it (None: they may) — the same rules `act` and `issue` enforce, so the window
        never offers what is then refused. "issue" is the result's issue (PermitService)."""
        steps: dict[str, str | None] = {}
        for action, step in STEPS.items():
            if dossier["state"] not in step.sources:
                continue
            if action == "apologise" and dossier["apology_used"]:
                continue
            area = dossier["area"] if step.area == "procedure" else step.area
            steps[action] = self._services.refusal(area, step.permission)
        if dossier["state"] == "approved":
            steps["issue"] = self._services.refusal(dossier["area"], "sign")
        return steps

    def act(self, code: str, action: str, *, reason: str = "", to_unit: str = "",
            new_due: dt.date | None = None, at: dt.datetime | None = None) -> dict[str, Any]:
        """Take one step; refuses an illegal one with the reason, writing nothing."""
        services = self._services
        step = STEPS.get(action)
        if step is None:
            raise ValidationError(_("Unknown action: {action}. Actions: {actions}.").format(
                action=action, actions=", ".join(STEPS)))
        reason = clean(reason) or ""
        if action in NEEDS_REASON and not reason:
            raise ValidationError(_("Give the reason; it is printed on the form for the "
                                    "applicant."))
        moment = at or _local_now()
        services.calendar.calendar()  # loaded before the write lock is taken (see receive)
        with services.db.session(write=True) as session:
            dossier = self._get(session, code)
            area = dossier.area if step.area == "procedure" else step.area
            services.require(area, step.permission)
            self.take_step(session, dossier, action, moment=moment, reason=reason,
                           to_unit=to_unit, new_due=new_due)
            session.commit()
            return self._as_dict(session, dossier)

    def take_step(self, session: Session, dossier: Dossier, action: str, *,
                  moment: dt.datetime, reason: str = "", to_unit: str = "",
                  new_due: dt.date | None = None) -> None:
        """One step inside the caller's transaction, its right already checked by the caller
        (`act`; `PermitService.issue`, whose result makes the dossier "result ready" in the same
        transaction as the permit): the state rule, the timeline event, the audit entry."""
        services = self._services
        step = STEPS[action]
        if dossier.state not in step.sources:
            raise ValidationError(_("A dossier that is {state} cannot be given this step "
                                    "({action}). Possible from: {states}.").format(
                state=state_label(dossier.state), action=action,
                states=", ".join(state_label(s) for s in step.sources)))
        before_state, before_due = dossier.state, dossier.due_date
        explanation: list[str] | None = None
        detail = reason
        if action == "supplement_received":
            procedure = load_catalogue().get(dossier.procedure_key,
                                             on=dossier.procedure_version)
            due = services.calendar.due(moment, procedure.time_limit, procedure.unit)
            dossier.due_date = due.due
            dossier.clock_started_at = moment.replace(tzinfo=LOCAL_TZ).astimezone(dt.UTC)
            explanation = [_("The complete dossier arrived: the time limit starts again "
                             "from zero (ND 61/2018 Art. 19(4)).")] + due.explanation
        elif action == "apologise":
            if dossier.apology_used:
                raise ValidationError(_("The return date can be re-appointed only once "
                                        "(ND 61/2018 Art. 19(9))."))
            if new_due is None or new_due <= dossier.due_date:
                raise ValidationError(_("The new return date must be after {due}.").format(
                    due=format_date(dossier.due_date)))
            if new_due > dossier.due_date + dt.timedelta(days=APOLOGY_MAX_DAYS):
                raise ValidationError(_("An apology moves the return date by at most {days} "
                                        "days: to {day} at the latest.").format(
                    days=APOLOGY_MAX_DAYS,
                    day=format_date(dossier.due_date + dt.timedelta(days=APOLOGY_MAX_DAYS))))
            if not services.calendar.calendar().is_working_day(new_due):
                raise ValidationError(_("{day} is not a working day.").format(
                    day=format_date(new_due)))
            dossier.apology_used = True
            dossier.due_date = new_due
            explanation = [_("Apology letter: the return date moves from {old} to {new}. "
                             "Reason: {reason}").format(old=format_date(before_due),
                                                         new=format_date(new_due),
                                                         reason=reason)]
        elif action == "hand_over":
            unit = clean(to_unit) or ""
            units = self.units()
            if unit not in units or unit == dossier.current_unit:
                raise ValidationError(_("Choose the unit that receives the dossier: {units}.")
                                      .format(units=", ".join(code for code in units
                                                              if code != dossier.current_unit)))
            detail = _("Handed over from {from_unit} to {to_unit}.").format(
                from_unit=units.get(dossier.current_unit or "", dossier.current_unit or "—"),
                to_unit=units[unit]) + (f" {reason}" if reason else "")
            dossier.current_unit = unit
        if step.target is not None:
            dossier.state = step.target
        if dossier.state in ("returned", "withdrawn"):
            dossier.finished_at = moment.replace(tzinfo=LOCAL_TZ).astimezone(dt.UTC)
        dossier.updated_by = services.actor.username
        self._event(session, dossier, action, before_state, dossier.state, before_due,
                    dossier.due_date, detail, explanation, at=moment)
        audit.append(session, username=services.actor.username, action=action,
                     entity_kind="dossier", entity_id=dossier.id, summary=dossier.code,
                     before={"state": before_state, "due": before_due},
                     after={"state": dossier.state, "due": dossier.due_date,
                            "reason": reason})

    # --- reading -----------------------------------------------------------------------------

    def _store_files(self, paths: list[Path]) -> list[tuple[str, str, int]]:
        from sotttt_desktop.core.attachments import MAX_BYTES, store
        from sotttt_desktop.settings import attachments_dir

        for path in paths:
            if not path.is_file():
                raise ValidationError(_("There is no file {path}.").format(path=path))
            if path.stat().st_size > MAX_BYTES:
                raise ValidationError(_("{path} is larger than {size} MB.").format(
                    path=path, size=MAX_BYTES // (1024 * 1024)))
        root = attachments_dir(self._services.db.location)
        stored = []
        for path in paths:
            sha, size = store(root, path)
            stored.append((path.name, sha, size))
        return stored

    def attachment_path(self, sha256: str) -> Path:
        from sotttt_desktop.core.attachments import stored_path
        from sotttt_desktop.settings import attachments_dir

        return stored_path(attachments_dir(self._services.db.location), sha256)

    def show(self, code: str) -> dict[str, Any]:
        with self._services.db.session() as session:
            dossier = self._get(session, code)
            self._services.require(dossier.area, "view")
            data = self._as_dict(session, dossier)
            data["timeline"] = [
                {"at": e.at, "by": e.by, "kind": e.kind, "from_state": e.from_state,
                 "to_state": e.to_state, "due_before": e.due_before, "due_after": e.due_after,
                 "detail": e.detail,
                 "explanation": json.loads(e.explanation) if e.explanation else None}
                for e in dossier.events]
            data["checklist"] = json.loads(dossier.checklist)
            data["attachments"] = [
                {"name": a.name, "sha256": a.sha256, "size": a.size}
                for a in session.execute(select(DossierAttachment).where(
                    DossierAttachment.dossier_id == dossier.id).order_by(DossierAttachment.id)
                ).scalars()]
            return data

    def list(self, *, state: str | None = None, area: str | None = None,
             procedure: str | None = None, overdue: bool = False, due_within: int | None = None,
             query: str = "", limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        """Dossiers by due date; `query` finds a code (or part of it), an applicant (name, tax
        code, citizen ID — the search index) or a procedure (its name, folded)."""
        services = self._services
        services.require("one_stop", "view")
        statement = select(Dossier)
        query = (clean(query) or "")[:QUERY_MAX]
        if query:
            applicants = [hit.id for hit in services.search.query(query, limit=QUERY_APPLICANTS,
                                                                   kind="party")]
            procedures = [p.key for p in load_catalogue().find(query)]
            statement = statement.where(
                Dossier.code.ilike(f"%{query.replace('%', '').replace('_', '')}%")
                | Dossier.applicant_id.in_(applicants) | Dossier.procedure_key.in_(procedures))
        if state:
            if state not in STATE_LABELS:
                raise ValidationError(_("Choose one of: {choices}.").format(
                    choices=", ".join(STATE_LABELS)))
            statement = statement.where(Dossier.state == state)
        if area:
            from sotttt_desktop.areas import AREAS

            if area not in {a.key for a in AREAS}:  # a typo lists nothing, silently, otherwise
                raise ValidationError(_("Unknown area: {area}. Areas: {areas}.").format(
                    area=area, areas=", ".join(a.key for a in AREAS)))
            statement = statement.where(Dossier.area == area)
        if procedure:
            if procedure not in {p.key for p in load_catalogue().every_version()}:
                raise ValidationError(_("There is no procedure {key}.").format(key=procedure))
            statement = statement.where(Dossier.procedure_key == procedure)
        today = _local_now().date()
        # "active" as NOT IN (finished): the planner then walks the due-date index in order and
        # stops at the page (IN on the state made it sort every overdue dossier: 80 ms → 1 ms)
        if overdue:
            statement = statement.where(Dossier.state.not_in(FINAL_STATES),
                                        Dossier.due_date < today)
        if due_within is not None:
            statement = statement.where(Dossier.state.not_in(FINAL_STATES),
                                        Dossier.due_date <= today + dt.timedelta(days=due_within))
        if services.actor.district_scoped:
            statement = statement.where(Dossier.district_code == services.actor.district_code)
        statement = statement.order_by(Dossier.due_date, Dossier.code).offset(offset).limit(limit)
        with services.db.session() as session:
            dossiers = session.execute(statement).scalars().all()
            ids = {d.applicant_id for d in dossiers}
            names = dict(session.execute(select(Party.id, Party.name).where(Party.id.in_(ids)))
                         .all()) if ids else {}
            return [self._as_dict(session, d, names) for d in dossiers]

    def count(self) -> int:
        with self._services.db.session() as session:
            return session.execute(select(func.count()).select_from(Dossier)).scalar_one()

    # --- helpers -----------------------------------------------------------------------------

    def _get(self, session: Session, code: str) -> Dossier:
        dossier = session.execute(select(Dossier).where(Dossier.code == code.strip())
                                  ).scalar_one_or_none()
        actor = self._services.actor
        if dossier is None or (actor.district_scoped
                               and dossier.district_code != actor.district_code):
            raise NotFoundError(_("There is no dossier {code}.").format(code=code))
        return dossier

    def _event(self, session: Session, dossier: Dossier, kind: str, from_state: str | None,
               to_state: str | None, due_before: dt.date | None, due_after: dt.date | None,
               detail: str, explanation: list[str] | None, at: dt.datetime | None = None
               ) -> None:
        moment = (at or _local_now()).replace(tzinfo=LOCAL_TZ).astimezone(dt.UTC)
        session.add(DossierEvent(
            dossier_id=dossier.id, at=moment, by=self._services.actor.username, kind=kind,
            from_state=from_state, to_state=to_state, due_before=due_before, due_after=due_after,
            detail=detail, explanation=json.dumps(explanation, ensure_ascii=False)
            if explanation else None))
        session.flush()

    def due_status(self, dossier: Dossier) -> tuple[str, int | None]:
        """(status, working days left): early / on_time / late for finished dossiers;
        overdue / at_risk (due within a working day) / on_time for the others."""
        calendar = self._services.calendar.calendar()
        if dossier.finished_at is not None:
            done = dossier.finished_at.astimezone(LOCAL_TZ).date()
            if done < dossier.due_date:
                return "early", None
            return ("on_time", None) if done == dossier.due_date else ("late", None)
        today = _local_now().date()
        if today > dossier.due_date:
            return "overdue", 0
        left = 0
        day = today
        while day < dossier.due_date:
            day += dt.timedelta(days=1)
            if calendar.is_working_day(day):
                left += 1
        return ("at_risk" if left <= 1 else "on_time"), left

    def _as_dict(self, session: Session, dossier: Dossier,
                 names: dict[uuid.UUID, str] | None = None) -> dict[str, Any]:
        if names is not None:  # a page of dossiers: applicant names loaded in one query
            holder = names.get(dossier.applicant_id, "")
        else:
            applicant = session.get(Party, dossier.applicant_id)
            holder = applicant.name if applicant else ""
        status, left = self.due_status(dossier)
        return {
            "id": str(dossier.id), "code": dossier.code, "state": dossier.state,
            "state_label": state_label(dossier.state), "procedure": dossier.procedure_key,
            "procedure_name": dossier.procedure_name, "area": dossier.area,
            "received_at": dossier.received_at, "due": dossier.due_date,
            "holder": holder, "applicant_id": str(dossier.applicant_id),
            "channel": dossier.channel, "status": status, "working_days_left": left,
            "apology_used": dossier.apology_used, "current_unit": dossier.current_unit,
            "finished_at": dossier.finished_at, "version": dossier.version,
        }
