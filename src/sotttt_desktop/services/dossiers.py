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
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from sotttt_desktop.catalog import load as load_catalogue
from sotttt_desktop.catalog.step_windows import supplement_windows
from sotttt_desktop.core import audit, clock
from sotttt_desktop.core.calendar import TimeUnit
from sotttt_desktop.core.cases.engine import ClockState, StepInput, apply_step, window_days
from sotttt_desktop.core.cases.one_stop import (
    CLOCK_RUNNING_STATES,
    PROCESSING,
)
from sotttt_desktop.core.cases.one_stop import SPEC as DOSSIER
from sotttt_desktop.core.cases.spec import CaseStep, ClockUnit, Limit, StepWindow
from sotttt_desktop.core.cases.status import clock_status
from sotttt_desktop.core.models import Dossier, DossierAttachment, DossierEvent, Party, utcnow
from sotttt_desktop.core.models.dossier import still_open
from sotttt_desktop.core.text import clean
from sotttt_desktop.errors import NotFoundError, ValidationError
from sotttt_desktop.i18n import LOCAL_TZ, _, format_date

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from sotttt_desktop.services.facade import Services

CHANNELS = ("counter", "online", "post")
# the states, the steps with their permissions and the clock are one declaration (core/cases)
STATE_LABELS = DOSSIER.states
STEPS: dict[str, CaseStep] = DOSSIER.steps
NEEDS_REASON = {key for key, step in STEPS.items() if step.needs_reason}
ONE_STOP_UNIT = "one_stop"  # where a dossier is when it is received
QUERY_MAX = 200  # characters of a dossier-list search
QUERY_APPLICANTS = 200  # applicants a search of the list looks among (the best matches)


def state_label(state: str) -> str:
    return _(STATE_LABELS[state]) if state in STATE_LABELS else state


def _local_now() -> dt.datetime:
    return clock.local_now()


def _windows(procedure_key: str) -> dict[str, StepWindow]:
    """The step windows of a procedure that differ from the declaration (a sector law)."""
    window = supplement_windows().get(procedure_key)
    return {"request_supplement": window} if window else {}


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
        files = self.store_files(attachments or [])  # whole files first, rows after
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
            area = step.area or dossier["area"]
            steps[action] = self._services.refusal(area, step.permission) \
                or self._window_refusal(dossier, action)
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
            services.require(step.area or dossier.area, step.permission)
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
        before_state, before_due = dossier.state, dossier.due_date
        detail = reason
        unit = ""
        if action == "hand_over":  # checked first: a wrong unit writes nothing
            unit = clean(to_unit) or ""
            units = self.units()
            if dossier.state in STEPS[action].sources and (
                    unit not in units or unit == dossier.current_unit):
                raise ValidationError(_("Choose the unit that receives the dossier: {units}.")
                                      .format(units=", ".join(code for code in units
                                                              if code != dossier.current_unit)))
        limits = None
        if action in DOSSIER.clock(PROCESSING).restart_on:
            procedure = load_catalogue().get(dossier.procedure_key,
                                             on=dossier.procedure_version)
            limits = {PROCESSING: Limit(procedure.time_limit, ClockUnit(procedure.unit.value))}
        outcome = apply_step(DOSSIER, dossier.state, "", {PROCESSING: self._clock(dossier)},
                             action, StepInput(moment, reason=reason, new_due=new_due),
                             services.calendar.calendar(), limits=limits,
                             windows=_windows(dossier.procedure_key))
        clock = outcome.clocks[PROCESSING]
        if PROCESSING in outcome.changed and clock.status == "stopped":
            dossier.decided_at = moment.replace(tzinfo=LOCAL_TZ).astimezone(dt.UTC)
            detail = " ".join(filter(None, (detail, self._lateness(dossier, moment))))
        elif action == "return_result":
            detail = " ".join(filter(None, (detail, self._lateness(
                dossier, moment, returned=True))))
        explanation: list[str] | None = None
        if PROCESSING in outcome.changed and clock.status == "running":
            explanation = list(clock.explanation)  # the lines of this step only (see _clock)
            dossier.due_date = clock.due  # type: ignore[assignment]
            if clock.extensions:
                dossier.apology_used = True
            else:  # started again from zero
                dossier.clock_started_at = moment.replace(tzinfo=LOCAL_TZ).astimezone(dt.UTC)
        if action == "hand_over":
            units = self.units()
            detail = _("Handed over from {from_unit} to {to_unit}.").format(
                from_unit=units.get(dossier.current_unit or "", dossier.current_unit or "—"),
                to_unit=units[unit]) + (f" {reason}" if reason else "")
            dossier.current_unit = unit
        dossier.state = outcome.state
        if dossier.state in DOSSIER.final_states:
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

    def store_files(self, paths: list[Path]) -> list[tuple[str, str, int]]:
        """Copy files into the attachment store (all checked first): (name, sha256, size)."""
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
        """Dossiers by due date when filtered, the newest receipts first when not; `query` finds
        a code (or part of it), an applicant (name, tax code, citizen ID — the search index) or a
        procedure (its name, folded)."""
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
            statement = statement.where(still_open(Dossier.state),
                                        Dossier.due_date < today)
        if due_within is not None:
            statement = statement.where(still_open(Dossier.state),
                                        Dossier.due_date <= today + dt.timedelta(days=due_within))
        if services.actor.district_scoped:
            statement = statement.where(Dossier.district_code == services.actor.district_code)
        # the lists of what falls due walk in due order; the desk's list shows the newest
        # receipts first (a Department's years of history would otherwise fill the page with
        # the oldest returned dossiers and hide today's)
        filtered = overdue or due_within is not None or state or area or procedure or query
        order = ((Dossier.due_date, Dossier.code) if filtered  # a filter's page: due order (
                 # indexed by area and state: 0.4 ms for 100,000 dossiers, newest-first 118 ms)
                 else (Dossier.received_at.desc(), Dossier.code.desc()))
        statement = statement.order_by(*order).offset(offset).limit(limit)
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

    def _clock(self, dossier: Dossier) -> ClockState:
        """The processing clock as the dossier's columns keep it (its explanation lines are in
        the timeline, so a step's outcome carries only its own lines): running while the
        Department works, paused while the applicant owes a supplement, stopped once decided."""
        started = dossier.clock_started_at.astimezone(LOCAL_TZ).replace(tzinfo=None)
        status = ("running" if dossier.state in CLOCK_RUNNING_STATES
                  else "paused" if dossier.state == "supplement_requested" else "stopped")
        return ClockState(PROCESSING, status, started=started, due=dossier.due_date,
                          extensions=({"apology": True},) if dossier.apology_used else ())

    def _window_refusal(self, dossier: dict[str, Any], action: str) -> str | None:
        """Why a step whose time the law bounds can no longer be taken today (None: it can)."""
        window = _windows(dossier["procedure"]).get(action) or STEPS[action].window
        if window is None:
            return None
        with self._services.db.session() as session:
            row = self._get(session, dossier["code"])
            clocks = {PROCESSING: self._clock(row)}
        today = _local_now().date()
        for last in window_days(DOSSIER, clocks, window, self._services.calendar.calendar()):
            if last is not None and today > last:
                return _(window.text).format(day=format_date(last), basis=window.basis)
        return None

    def _lateness(self, dossier: Dossier, moment: dt.datetime, *, returned: bool = False
                  ) -> str:
        """"Late by N working days" when a step that ends the Department's work (or the hand
        back of the result) comes after the due date; "" on time."""
        day, due = moment.date(), dossier.due_date
        if day <= due:
            return ""
        calendar = self._services.calendar.calendar()
        late, cursor = 0, due
        while cursor < day:
            cursor += dt.timedelta(days=1)
            late += calendar.is_working_day(cursor)
        text = (_("Returned {days} working day(s) after the appointed date {due}.") if returned
                else _("Done {days} working day(s) after the due date {due}."))
        return text.format(days=max(late, 1), due=format_date(due))

    def due_status(self, dossier: Dossier) -> tuple[str, int | None]:
        """(status, working days left): early / on_time / late for finished dossiers;
        overdue / at_risk (due within a working day) / on_time for the others — the one rule
        of every list (`core.cases.status`)."""
        done_at = dossier.decided_at or dossier.finished_at
        finished = (done_at.astimezone(LOCAL_TZ).replace(tzinfo=None)
                    if done_at is not None else None)
        status = clock_status(dossier.due_date, _local_now(), self._services.calendar.calendar(),
                              finished=finished,
                              paused=dossier.state == "supplement_requested")
        return status.status, status.left

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
            "finished_at": dossier.finished_at, "decided_at": dossier.decided_at,
            "version": dossier.version,
        }
