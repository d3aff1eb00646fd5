"""Declared cases (core/cases): open, take a step, list with clock status, show with explanations.

One service for every kind: the declaration names the states, steps, permissions and clocks;
this module checks the permission, runs the generic engine and writes the case, its clocks, the
timeline event and the audit entry in one transaction. An illegal step writes nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from sotttt_desktop.core import audit, clock
from sotttt_desktop.core.cases import kinds
from sotttt_desktop.core.cases.engine import OPEN, ClockState, StepInput, apply_step, check_variant
from sotttt_desktop.core.cases.spec import (
    LETTER,
    CaseSpec,
    IssuedDocument,
    PermitWithdrawal,
    RecordUpdate,
)
from sotttt_desktop.core.cases.status import ClockStatus, clock_status
from sotttt_desktop.core.models import CaseClock, CaseEvent, CaseFile, District, Party
from sotttt_desktop.core.numbering import next_number
from sotttt_desktop.core.sanctions import period_end
from sotttt_desktop.core.text import clean
from sotttt_desktop.errors import (
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from sotttt_desktop.i18n import LOCAL_TZ, _, format_date, in_language
from sotttt_desktop.registers.spec import FieldKind
from sotttt_desktop.services import case_fields
from sotttt_desktop.services.case_fields import parse_case_data
from sotttt_desktop.services.facade import area_label

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from sotttt_desktop.services.facade import Services

TITLE_MAX = 400
DECISION_MAX = 64
END_OF_DAY = dt.time(23, 59, 59)


class _Blank(dict):
    """Names for a summary: the case's title, code, year and shown fields; a field not
    filled in is left blank."""

    def __init__(self, shown: dict[str, str], **names: str):
        super().__init__(shown, **names)

    def __missing__(self, key: str) -> str:
        return ""


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _local_now() -> dt.datetime:
    return clock.local_now()


def _utc(moment: dt.datetime) -> dt.datetime:
    return moment.replace(tzinfo=LOCAL_TZ).astimezone(dt.UTC)


def _local(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(LOCAL_TZ).replace(tzinfo=None)


def status_text(status: ClockStatus | None, due: dt.date | dt.datetime | None) -> str:
    """"at risk — 3 h left": a running clock says how much of it is left (hours for a clock in
    hours, working days for one in days)."""
    if status is None:
        return ""
    if status.status not in ("on_time", "at_risk") or status.left is None:
        return status.label
    left = (_("{hours} h left").format(hours=status.left) if isinstance(due, dt.datetime)
            else _("{days} working day(s) left").format(days=status.left))
    return f"{status.label} — {left}"


def due_at(clock: ClockState) -> dt.datetime | None:
    """The last moment (UTC) a clock is in time: the end of its due day, or its due moment."""
    if clock.due is None or clock.status not in ("running", "paused"):
        return None
    due = clock.due
    return _utc(due if isinstance(due, dt.datetime) else dt.datetime.combine(due, END_OF_DAY))


class CaseService:
    def __init__(self, services: Services):
        self._services = services

    # --- declarations ------------------------------------------------------------------------

    def spec(self, kind: str) -> CaseSpec:
        declared = kinds()
        if kind not in declared:
            raise ValidationError(_("Unknown kind of case: {kind}. Kinds: {kinds}.").format(
                kind=kind, kinds=", ".join(declared)))
        return declared[kind]

    def kinds(self) -> list[dict[str, Any]]:
        return [{"kind": s.kind, "label": _(s.label), "area": s.area, "version": s.version,
                 "basis": s.basis, "states": {k: _(v) for k, v in s.states.items()},
                 "steps": {k: _(v.label) for k, v in s.steps.items()},
                 "variants": {k: _(v.label) for k, v in s.variants.items()},
                 "clocks": {c.key: _(c.label) for c in s.clocks},
                 "fields": [{"field": f.name, "label": _(f.label), "kind": str(f.kind),
                             "required": f.required} for f in s.form_fields]}
                for s in kinds().values()]

    # --- writing -----------------------------------------------------------------------------

    def open(self, kind: str, title: str, *, party_id: uuid.UUID | None = None,
             district_code: int | None = None, variant: str = "", at: dt.datetime | None = None,
             data: dict[str, object] | None = None) -> dict[str, Any]:
        """Open a case of a declared kind: its code, its first state, its clocks started.
        `data`: the kind's declared fields as typed (checked as a register form checks them)."""
        services = self._services
        spec = self.spec(kind)
        services.require(spec.area, "create")
        if spec.department_wide and services.actor.district_scoped:
            raise PermissionDeniedError(_(
                "“{label}” is the Department's own work for the whole province: a district "
                "officer does not open it.").format(label=_(spec.label)))
        values = case_fields.parse_case_data(spec, data or {}, services.reference, services)
        if spec.starts_at is not None and values.get(spec.starts_at) is not None:
            at = values[spec.starts_at]  # an incident's discovery, local time
        if spec.party_field is not None and party_id is None:
            party_id = values.get(spec.party_field)  # the violator: the case is theirs
        title = (clean(title) or "")[:TITLE_MAX + 1]
        if not title:
            raise ValidationError(_("Give the case a title (what it is about)."))
        if len(title) > TITLE_MAX:
            raise ValidationError(_("The title is longer than {count} characters.").format(
                count=TITLE_MAX))
        variant = check_variant(spec, variant or "")
        moment = self._moment(at)
        refuse_out_of_force(spec, moment.date())
        calendar = services.calendar.calendar()  # loaded before the write lock is taken
        outcome = apply_step(spec, spec.initial, variant, {}, OPEN, StepInput(moment), calendar)
        sender = self._sender(spec, spec.opens_with, moment)  # read before the write lock
        actor = services.actor
        with services.db.session(write=True) as session:
            if party_id is not None:
                party = session.get(Party, party_id)
                if party is None:
                    raise NotFoundError(_("The record no longer exists."))
                district_code = district_code or party.district_code
            if actor.district_scoped:
                if district_code not in (None, actor.district_code):
                    raise ValidationError(_("You may open cases of your own district only."))
                district_code = actor.district_code
            if district_code is not None and session.get(District, district_code) is None:
                raise ValidationError(_("There is no district {code}.").format(
                    code=district_code))
            if spec.one_per_year:
                same_year = session.execute(select(CaseFile.code).where(
                    CaseFile.kind == spec.kind,
                    CaseFile.opened_at >= _utc(dt.datetime(moment.year, 1, 1)),
                    CaseFile.opened_at < _utc(dt.datetime(moment.year + 1, 1, 1)))
                    .limit(1)).scalar_one_or_none()
                if same_year is not None:
                    raise ValidationError(_("{year} already has its {label}: {code}.").format(
                        year=moment.year, label=_(spec.label).lower(), code=same_year))
            self._refuse_same(session, spec, values, None)
            case_id = uuid.uuid4()
            case = CaseFile(
                id=case_id, kind=spec.kind, spec_version=spec.version,
                code=self._next_code(session, spec, moment.year, case_id), title=title,
                party_id=party_id, district_code=district_code, state=outcome.state,
                variant=variant, opened_at=_utc(moment),
                data=json.dumps(case_fields.to_json(values), ensure_ascii=False),
                assigned_to=actor.username if actor.authenticated else None,
                created_by=actor.username, updated_by=actor.username)
            session.add(case)
            session.flush()
            issued = ""
            if spec.opens_with is not None:
                issued = self._issue(session, spec, spec.opens_with, case, values, moment,
                                     sender)
                if spec.opens_with.field:
                    values[spec.opens_with.field] = issued
                    case.data = json.dumps(case_fields.to_json(values), ensure_ascii=False)
            self._record(session, case, OPEN, None, outcome.clocks, outcome.changed, moment,
                         detail=title, decision=issued)
            audit.append(session, username=actor.username, action="case_open",
                         entity_kind="case", entity_id=case.id, summary=case.code,
                         after={"kind": spec.kind, "code": case.code, "state": case.state,
                                "variant": variant, "due": self._dues(outcome.clocks)})
            session.commit()
            return self._as_dict(case, outcome.clocks)

    def step(self, code: str, action: str, *, reason: str = "", decision: str = "",
             amount: int | None = None, new_due: dt.date | None = None,
             variant: str | None = None, at: dt.datetime | None = None) -> dict[str, Any]:
        """Take one declared step: permission, state rule, clocks, timeline, audit — or nothing."""
        services = self._services
        reason = clean(reason) or ""
        decision = clean(decision) or ""
        if len(decision) > DECISION_MAX:
            raise ValidationError(_("A decision number is at most {count} characters.").format(
                count=DECISION_MAX))
        moment = self._moment(at)
        calendar = services.calendar.calendar()
        issues = self._issued_by(code, action)
        sender = self._sender(self.spec(issues[0]), issues[1], moment) if issues else None
        with services.db.session(write=True) as session:
            case = self._get(session, code)
            spec = self.spec(case.kind)
            declared = spec.steps.get(action)
            if declared is not None:
                services.require(declared.area or spec.area, declared.permission)
            if declared is not None and declared.issues is not None and decision:
                raise ValidationError(_("The number of this document is given by the "
                                        "register of outgoing documents: do not type one."))
            last = case.events[-1].at if case.events else None
            if last is not None and _utc(moment) < last:
                raise ValidationError(_("A step cannot be dated before the previous one "
                                        "({when}).").format(
                    when=_local(last).strftime("%d/%m/%Y %H:%M")))
            clocks = self._clocks(case)
            values = case_fields.from_json(spec, json.loads(case.data))
            missing = [_lower_first(_(spec.declared_field(name).label)) for name in
                       (declared.requires if declared is not None else ()) if not values.get(name)]
            if missing and case.state in declared.sources:
                raise ValidationError(_("Case {code} lacks what the step “{step}” sends: "
                                        "{fields}. Whoever may edit the case writes it with "
                                        "“Details…”.").format(
                    fields="; ".join(missing), code=case.code, step=_(declared.label)))
            if declared is not None and declared.guard is not None and \
                    case.state in declared.sources:
                refusal = declared.guard(values, moment)
                if refusal:
                    raise ValidationError(refusal)
            if declared is not None and declared.issues is not None and \
                    case.state in declared.sources:
                decision = self._issue(session, spec, declared.issues, case,
                                       case_fields.from_json(spec, json.loads(case.data)),
                                       moment, sender, signer=services.actor.display_name
                                       if declared.permission == "approve" else None)
            outcome = apply_step(spec, case.state, case.variant, clocks, action,
                                 StepInput(moment, reason=reason, decision=decision,
                                           amount=amount, new_due=new_due, variant=variant),
                                 calendar)
            before = {"state": case.state, "variant": case.variant, "due": self._dues(clocks)}
            from_state = case.state
            case.state, case.variant = outcome.state, outcome.variant
            if case.state in spec.final_states and case.finished_at is None:
                case.finished_at = _utc(moment)
            case.updated_by = services.actor.username
            if declared is not None and declared.writes is not None:
                self._write_record(session, declared.writes, values, decision, moment)
            if declared is not None and declared.suspends is not None:
                self._withdraw_permit(session, declared.suspends, case, values, decision,
                                      moment)
            if declared is not None and declared.records is not None:
                values.update(declared.records(values, services, moment))
                case.data = json.dumps(case_fields.to_json(values), ensure_ascii=False)
            self._record(session, case, action, from_state, outcome.clocks, outcome.changed,
                         moment, detail=reason, decision=decision)
            audit.append(session, username=services.actor.username, action=f"case_{action}",
                         entity_kind="case", entity_id=case.id, summary=case.code,
                         before=before,
                         after={"state": case.state, "variant": case.variant,
                                "due": self._dues(outcome.clocks), "reason": reason,
                                "decision": decision})
            session.commit()
            return self._as_dict(case, outcome.clocks)

    def _withdraw_permit(self, session: Session, withdrawal: PermitWithdrawal,
                         case: CaseFile, values: dict[str, Any], decision: str,
                         moment: dt.datetime) -> None:
        """A licence withdrawn for some months by the step's decision: the permit is
        suspended from the decision's day, in the step's transaction, by that number."""
        if values.get(withdrawal.when_field) != withdrawal.when_value:
            return
        number, months = values[withdrawal.permit_field], int(values[withdrawal.months_field])
        from sotttt_desktop.core.cases.sanction import permit_refusal

        permit = self._services.permits.show(number)
        refusal = permit_refusal(permit, case.party_id)
        if refusal:
            raise ValidationError(refusal)
        start = moment.date()
        until = period_end(start, months)
        self._services.permits.suspend_in(
            session, permit["reference"], until=until, decision=decision,
            reason=_("Licence withdrawn for {months} months ({start} – {until}) by the sanction "
                     "decision {decision} (case {code}).").format(
                months=months, start=format_date(start), until=format_date(until),
                decision=decision, code=case.code))

    def _refuse_same(self, session: Session, spec: CaseSpec, values: dict[str, Any],
                     own: uuid.UUID | None) -> None:
        """A case of a kind held once per value of `one_per` (a half-year's report) is refused
        when another case of the kind holds the same values."""
        if not spec.one_per:
            return
        held = {name: case_fields.to_json(values).get(name) for name in spec.one_per}
        rows = session.execute(select(CaseFile.id, CaseFile.code, CaseFile.data).where(
            CaseFile.kind == spec.kind)).all()
        for case_id, code, data in rows:
            kept = json.loads(data or "{}")
            if case_id != own and all(kept.get(name) == value for name, value in held.items()):
                shown = {line["field"]: line["text"] for line in case_fields.detail_lines(
                    spec, values, self._services.reference)}
                raise ValidationError(_("{what} already has its {label}: {code}.").format(
                    what=", ".join(shown.get(name, "") for name in spec.one_per),
                    label=_(spec.label).lower(), code=code),
                    {spec.one_per[-1]: _("Held by {code}.").format(code=code)})

    def _write_record(self, session: Session, update: RecordUpdate, values: dict[str, Any],
                      decision: str, moment: dt.datetime) -> None:
        """The step's outcome into the record the case names (an approved level into the
        system's entry), in the step's transaction: the register's own checks run on the
        record as changed, and the change is audited as the register's."""
        given = {"decision": decision or None, "date": moment.date()}
        changes = {field: given[source] if source in given else values.get(source)
                   for field, source in update.values.items()}
        self._services.registers.change_in(session, update.register,
                                           uuid.UUID(str(values[update.record_field])), changes)

    def edit(self, code: str, data: dict[str, object], *,
             expected_version: int | None = None) -> dict[str, Any]:
        """Correct or complete what an open case records (its declared fields, as a form gives
        them all): checked as when it was opened, audited with the values before and after;
        a closed case keeps what it recorded."""
        services = self._services
        with services.db.session(write=True) as session:
            case = self._get(session, code)
            spec = self.spec(case.kind)
            services.require(spec.area, "edit")
            if case.state in spec.final_states:
                raise ValidationError(_("Case {code} is closed ({state}): what it recorded is "
                                        "kept as it was.").format(
                    code=case.code, state=_(spec.states[case.state])))
            if expected_version is not None and case.version != expected_version:
                raise ConflictError(_("Somebody else changed this case after you opened it. "
                                      "Close it and open it again to see their changes."))
            values = parse_case_data(spec, data, services.reference, services)
            before = json.loads(case.data or "{}")
            after = case_fields.to_json(values)
            for field in spec.fields:  # what a step wrote (computed) is not in the form
                if field.computed and field.name not in after and field.name in before:
                    after[field.name] = before[field.name]
            sent = {e.step for e in case.events}
            fixed = [name for key, step in spec.steps.items() if key in sent
                     for name in (*step.requires, *step.keeps)
                     if after.get(name) != before.get(name)]
            if fixed:  # what a document said as sent is not rewritten
                raise ValidationError(_("The {field} of case {code} was sent: it is kept as "
                                        "sent.").format(
                    field=_(spec.declared_field(fixed[0]).label), code=case.code),
                    {fixed[0]: _("Kept as sent.")})
            kept = spec.opens_with.field if spec.opens_with else None
            if kept and before.get(kept):
                after[kept] = before[kept]  # the register's number is not edited
            if not self._may_read_confidential(spec, case):
                for name in confidential_fields(spec):  # shown masked: kept as they are
                    after.pop(name, None)
                    if name in before:
                        after[name] = before[name]
            if after == before:
                return self._as_dict(case, self._clocks(case))
            self._refuse_same(session, spec, values, case.id)
            if spec.party_field is not None and values.get(spec.party_field) is not None:
                case.party_id = values[spec.party_field]
            case.data = json.dumps(after, ensure_ascii=False)
            case.updated_by = services.actor.username
            audit.append(session, username=services.actor.username, action="case_edit",
                         entity_kind="case", entity_id=case.id, summary=case.code,
                         before=_masked(spec, before), after=_masked(spec, after))
            session.commit()
            return self._as_dict(case, self._clocks(case))

    # --- reading -----------------------------------------------------------------------------

    def show(self, code: str) -> dict[str, Any]:
        with self._services.db.session() as session:
            case = self._get(session, code)
            spec = self.spec(case.kind)
            self._require_read(spec)
            clocks = self._clocks(case)
            data = self._as_dict(case, clocks)
            values = case_fields.from_json(spec, json.loads(case.data))
            secret = [name for name in confidential_fields(spec) if name in values]
            reads_secret = bool(secret) and self._may_read_confidential(spec, case)
            if secret and not reads_secret:
                for name in secret:  # a file is left out; a text reads "(bảo mật)"
                    if spec.declared_field(name).kind is FieldKind.FILES:
                        del values[name]
                    else:
                        values[name] = CONFIDENTIAL_MASK
            data["data"] = case_fields.to_json(values)
            data["details"] = case_fields.detail_lines(spec, values, self._services.reference)
            data["steps"] = self._steps(spec, case.state)
            data["clocks"] = [self._clock_dict(spec, case, clocks[c.key])
                              for c in spec.clocks if c.key in clocks]
            hidden = bool(confidential_fields(spec)) and not self._may_read_confidential(
                spec, case)  # a title or a reason may name the denouncer
            data["timeline"] = [
                {"at": _local(e.at), "by": e.by, "step": e.step,
                 "step_label": (_(spec.steps[e.step].label) if e.step in spec.steps
                                else _("opened")),
                 "from_state": e.from_state, "to_state": e.to_state, "decision": e.decision,
                 "detail": CONFIDENTIAL_MASK if hidden and e.detail else e.detail,
                 "clocks": json.loads(e.clocks) if e.clocks else {}}
                for e in case.events]
            case_id = case.id
        data["remarks"] = spec.remarks(data) if spec.remarks is not None else []
        if reads_secret:  # every read of a denouncer's identity is on the audit trail
            with self._services.db.session(write=True) as session:
                audit.append(session, username=self._services.actor.username,
                             action="case_read_confidential", entity_kind="case",
                             entity_id=case_id, summary=data["code"],
                             after={"fields": secret})
                session.commit()
        return data

    def assign(self, code: str, username: str) -> dict[str, Any]:
        """Give the case to a user who may edit in its area (a leader's act, audited): with the
        leaders, the one who reads its confidential fields."""
        services = self._services
        username = username.strip()
        with services.db.session(write=True) as session:
            case = self._get(session, code)
            spec = self.spec(case.kind)
            services.require(spec.area, "approve")
            handlers = {user["username"] for user in self.handlers(spec.kind)}
            if username not in handlers:
                raise ValidationError(_("{user} may not handle cases in “{area}”. Choose one "
                                        "of: {users}.").format(
                    user=username, area=area_label(spec.area),
                    users=", ".join(sorted(handlers)) or "—"))
            if case.assigned_to == username:
                return self._as_dict(case, self._clocks(case))
            audit.append(session, username=services.actor.username, action="case_assign",
                         entity_kind="case", entity_id=case.id, summary=case.code,
                         before={"assigned_to": case.assigned_to},
                         after={"assigned_to": username})
            case.assigned_to = username
            case.updated_by = services.actor.username
            session.commit()
            return self._as_dict(case, self._clocks(case))

    def handlers(self, kind: str) -> list[dict[str, str]]:
        """The active users who may edit cases of `kind` (in its area): whom it may be given."""
        spec = self.spec(kind)
        return [{"username": user["username"], "full_name": user["full_name"]}
                for user in self._services.security.users_who_may(spec.area, "edit")]

    def _may_read_confidential(self, spec: CaseSpec, case: CaseFile) -> bool:
        """The leaders (granted approval in the area by name, not an administrator's "all
        rights") and the user the case is assigned to."""
        services = self._services
        grants = services.actor.grants
        leader = bool({("*", "approve"), (spec.area, "approve"), (spec.area, "*")} & grants)
        return (leader and services.refusal(spec.area, "approve") is None) or (
            case.assigned_to is not None and case.assigned_to == services.actor.username
            and services.refusal(spec.area, "edit") is None)

    def list(self, *, kind: str | None = None, state: str | None = None,
             overdue: bool = False, area: str | None = None, limit: int = 100,
             offset: int = 0) -> list[dict[str, Any]]:
        """Cases the actor may see (of one area's kinds), soonest due first; `overdue`: a
        running clock is past due."""
        services = self._services
        visible = [k for k, s in kinds().items() if self.read_refusal(s) is None
                   and area in (None, s.area)]
        if kind is not None:
            spec = self.spec(kind)
            self._require_read(spec)
            if state is not None and state not in spec.states:
                raise ValidationError(_("Choose one of: {choices}.").format(
                    choices=", ".join(spec.states)))
        elif state is not None:
            raise ValidationError(_("A state is chosen within one kind of case: give the kind."))
        statement = select(CaseFile).options(selectinload(CaseFile.clocks))  # one query
        if kind is not None:
            statement = statement.where(CaseFile.kind == kind)
        elif len(visible) < len(kinds()):  # a filter on every kind would hide the due index
            statement = statement.where(CaseFile.kind.in_(visible))
        if overdue:
            statement = statement.where(CaseFile.due_at < clock.utc_now())
        if state is not None:
            statement = statement.where(CaseFile.state == state)
        if services.actor.district_scoped:
            statement = statement.where(CaseFile.district_code == services.actor.district_code)
        offset = max(0, offset)
        # running cases in due order (the index walks it and LIMIT stops), then the others by
        # code: two queries, as "NULLs last" would make the database sort every case
        running = statement.where(CaseFile.due_at.is_not(None))
        with services.db.session() as session:
            cases = list(session.execute(running.order_by(CaseFile.due_at, CaseFile.code)
                                         .offset(offset).limit(limit)).scalars())
            if len(cases) < limit and not overdue:
                skip = 0 if cases else offset - session.execute(select(func.count()).select_from(
                    running.subquery())).scalar_one()
                rest = statement.where(CaseFile.due_at.is_(None)).order_by(CaseFile.code)
                cases += session.execute(rest.offset(max(0, skip))
                                         .limit(limit - len(cases))).scalars()
            return [self._as_dict(case, self._clocks(case)) for case in cases]

    def summary(self, area: str, today: dt.date) -> list[dict[str, Any]]:
        """Per kind of the area the actor may read: the cases by state, and those its watch
        (a limitation ending) finds within its days."""
        services = self._services
        specs = [s for s in kinds().values() if s.area == area and self.read_refusal(s) is None]
        if not specs:
            return []
        statement = select(CaseFile.kind, CaseFile.state, func.count()).where(
            CaseFile.kind.in_([s.kind for s in specs])).group_by(CaseFile.kind, CaseFile.state)
        if services.actor.district_scoped:
            statement = statement.where(CaseFile.district_code == services.actor.district_code)
        found: list[dict[str, Any]] = []
        with services.db.session() as session:
            counts = session.execute(statement).all()
            for spec in specs:
                by_state = {state: n for kind, state, n in counts if kind == spec.kind}
                if not by_state:
                    continue
                entry = {"kind": spec.kind, "label": _(spec.label),
                         "by_state": {_(spec.states.get(k, k)): n for k, n in by_state.items()},
                         "watched": []}
                if spec.watch is not None:
                    limit = today + dt.timedelta(days=spec.watch.days)
                    for code, data in session.execute(select(CaseFile.code, CaseFile.data).where(
                            CaseFile.kind == spec.kind,
                            CaseFile.state.in_(spec.watch.states))).all():
                        day = json.loads(data or "{}").get(spec.watch.field)
                        if day and dt.date.fromisoformat(day) <= limit:
                            entry["watched"].append((code, dt.date.fromisoformat(day)))
                    entry["watched"].sort(key=lambda item: item[1])
                    entry["watch_label"] = _(spec.watch.label).format(days=spec.watch.days)
                entry["overdue"] = self._overdue(session, spec, today)
                found.append(entry)
        return found

    def _overdue(self, session: Session, spec: CaseSpec, today: dt.date
                 ) -> list[tuple[str, list[tuple[str, dt.date]]]]:
        """For each clock of the kind with an `overdue_label`: (label, the cases whose clock
        runs past its due day, oldest due first)."""
        services = self._services
        found = []
        end_of_yesterday = dt.datetime.combine(today, dt.time.min, tzinfo=LOCAL_TZ)
        for declared in spec.clocks:
            if declared.overdue_label is None:
                continue
            statement = select(CaseFile.code, CaseClock.due_at).join(CaseClock).where(
                CaseFile.kind == spec.kind, CaseClock.clock == declared.key,
                CaseClock.status == "running", CaseClock.due_at < end_of_yesterday)
            if services.actor.district_scoped:
                statement = statement.where(
                    CaseFile.district_code == services.actor.district_code)
            rows = session.execute(statement.order_by(CaseClock.due_at)).all()
            found.append((_(declared.overdue_label),
                          [(code, _local(due).date()) for code, due in rows]))
        return found

    def of_party(self, session: Session, party_id: uuid.UUID) -> list[dict[str, Any]]:
        """The cases about a party (a violator's sanctions) the actor may read, newest first:
        for the histories of the party and of its records."""
        readable = [k for k, s in kinds().items() if self.read_refusal(s) is None]
        rows = session.execute(select(CaseFile).where(
            CaseFile.party_id == party_id, CaseFile.kind.in_(readable))
            .order_by(CaseFile.opened_at.desc()).limit(200)).scalars().all()
        return [{"code": c.code, "kind_label": _(kinds()[c.kind].label), "title": c.title,
                 "opened_at": _local(c.opened_at),
                 "state_label": _(kinds()[c.kind].states.get(c.state, c.state))} for c in rows]

    def read_refusal(self, spec: CaseSpec) -> str | None:
        """Why the actor may not read cases of this kind (None: they may): the area's view
        right, and for a confidential kind the right to edit or approve in it."""
        services = self._services
        refused = services.refusal(spec.area, "view")
        if refused is None and spec.confidential and services.refusal(spec.area, "edit") \
                and services.refusal(spec.area, "approve"):
            refused = _("“{label}” is read only by those who handle it in “{area}” and by the "
                        "leaders.").format(label=_(spec.label), area=area_label(spec.area))
        return refused

    def _require_read(self, spec: CaseSpec) -> None:
        refused = self.read_refusal(spec)
        if refused is not None:
            raise PermissionDeniedError(refused)

    def count(self) -> int:
        with self._services.db.session() as session:
            return session.execute(select(func.count()).select_from(CaseFile)).scalar_one()

    # --- helpers -----------------------------------------------------------------------------

    def _steps(self, spec: CaseSpec, state: str) -> list[dict[str, Any]]:
        """The steps the declaration allows from `state`, each with what it asks for and why
        this user may not take it (None: they may)."""
        services = self._services
        return [{"action": key, "label": _(step.label), "needs_reason": step.needs_reason,
                 "needs_decision": step.needs_decision,
                 "decision_label": _(step.decision_label),
                 "decision_example": step.decision_example,
                 "issues": step.issues is not None,  # numbered by the register, not typed
                 "asks_when": step.asks_when,
                 "extends": [{"clock": c.key, "label": _(c.label),
                              "unit": str(c.limit.unit)}
                             for c in spec.clocks if key in c.extend_on],
                 "variants": {name: _(variant.label) for name, variant
                              in spec.variants.items()} if step.chooses_variant else {},
                 "refusal": services.refusal(step.area or spec.area, step.permission)}
                for key, step in spec.steps.items() if state in step.sources]

    def _issued_by(self, code: str, action: str) -> tuple[str, IssuedDocument] | None:
        """(kind, document) when `action` on case `code` sends a numbered document: read
        before the write lock, as the number's agency and unit are."""
        with self._services.db.session() as session:
            kind = session.execute(select(CaseFile.kind).where(
                CaseFile.code == code.strip())).scalar_one_or_none()
        declared = kinds().get(kind or "")
        step = declared.steps.get(action) if declared else None
        return (declared.kind, step.issues) if step is not None and step.issues else None

    def _sender(self, spec: CaseSpec, document: IssuedDocument | None, moment: dt.datetime
                ) -> tuple[str, str, str] | None:
        """(symbol, agency, unit code) of a document sent on `moment`'s day: a letter is
        signed "{agency}-{unit in charge of the case's area}"."""
        if document is None:
            return None
        day = moment.date()
        agency = self._services.numbering.agency(day)
        _name, unit = self._services.reference.unit_for_area(spec.area, day)
        symbol = document.symbol
        if symbol == LETTER:
            symbol = f"{agency}-{unit}" if unit else agency
        return symbol, agency, unit

    def _issue(self, session: Session, spec: CaseSpec, document: IssuedDocument,
               case: CaseFile, values: dict[str, Any], moment: dt.datetime,
               sender: tuple[str, str, str] | None, signer: str | None = None) -> str:
        """The next number of the document's series, recorded in the register of outgoing
        documents with its summary and recipients, in the step's transaction; `signer`: the
        leader who took a step only a leader may take (the one who signs what it sends)."""
        assert sender is not None
        symbol, agency, unit = sender
        shown = {line["field"]: line["text"] for line in
                 case_fields.detail_lines(spec, values, self._services.reference)}
        for field in spec.fields:  # a party as a document names it: its name, no tax code
            if field.kind is FieldKind.PARTY and isinstance(values.get(field.name), uuid.UUID):
                shown[field.name] = self._services.parties.name_of(values[field.name])
            elif field.confidential and field.name in shown:  # never into the register
                shown[field.name] = CONFIDENTIAL_MASK
            elif field.kind is FieldKind.CHOICE and values.get(field.name) in dict(field.choices):
                # the register of outgoing documents is Vietnamese, whatever the UI's language
                shown[field.name] = in_language("vi", dict(field.choices)[values[field.name]])
        names = _Blank(shown, title=case.title, code=case.code,
                       year=str(_local(case.opened_at).year))
        if document.texts:
            from sotttt_desktop.services.documents import texts_in_force

            names.update({key: value.format_map(names) for key, value
                          in texts_in_force(document.texts, moment.date()).items()
                          if isinstance(value, str)})
        _number, text = self._services.numbering.document_number(
            session, symbol, reference=f"case:{case.id}", on=moment.date(), agency=agency,
            register={"summary": document.register_summary(names),
                      "recipients": document.recipients.format_map(names) or None,
                      "file_copy": ", ".join(part for part in ("VT", unit) if part),
                      **({"signer": signer} if signer else {})})
        return text

    def _moment(self, at: dt.datetime | None) -> dt.datetime:
        moment = at or _local_now().replace(second=0, microsecond=0)
        if moment > _local_now() + dt.timedelta(minutes=5):
            raise ValidationError(_("A step cannot be dated in the future."))
        return moment

    def _get(self, session: Session, code: str) -> CaseFile:
        case = session.execute(select(CaseFile).where(CaseFile.code == code.strip())
                               ).scalar_one_or_none()
        actor = self._services.actor
        if case is None or (actor.district_scoped and case.district_code != actor.district_code):
            raise NotFoundError(_("There is no case {code}.").format(code=code))
        return case

    def _next_code(self, session: Session, spec: CaseSpec, year: int, case_id: uuid.UUID
                   ) -> str:
        """`TC-2025-00001`: a gapless series per kind and year, taken inside the transaction
        (the numbering table's row lock: concurrent desks get distinct numbers)."""
        _number, code = next_number(
            session, "case", spec.code_prefix, str(year), reference=str(case_id),
            username=self._services.actor.username,
            text_of=lambda n: f"{spec.code_prefix}-{year}-{n:05d}")
        return code

    @staticmethod
    def _clocks(case: CaseFile) -> dict[str, ClockState]:
        return {row.clock: ClockState.from_json(json.loads(row.detail)) for row in case.clocks}

    @staticmethod
    def _dues(clocks: dict[str, ClockState]) -> dict[str, str | None]:
        return {key: c.due.isoformat() if c.due else None for key, c in clocks.items()}

    def _record(self, session: Session, case: CaseFile, step: str, from_state: str | None,
                clocks: dict[str, ClockState], changed: list[str], moment: dt.datetime, *,
                detail: str, decision: str) -> None:
        rows = {row.clock: row for row in case.clocks}
        for key in changed:
            clock = clocks[key]
            row = rows.get(key)
            if row is None:
                row = CaseClock(case_id=case.id, clock=key, status="", detail="{}")
                case.clocks.append(row)
            row.status = clock.status
            row.due_at = due_at(clock)
            row.detail = json.dumps(clock.to_json(), ensure_ascii=False)
        running = [due_at(c) for c in clocks.values() if c.status == "running"]
        case.due_at = min((d for d in running if d is not None), default=None)
        session.add(CaseEvent(
            case_id=case.id, at=_utc(moment), by=self._services.actor.username, step=step,
            from_state=from_state, to_state=case.state, decision=decision or None,
            detail=detail,
            clocks=json.dumps({k: clocks[k].to_json() for k in changed}, ensure_ascii=False)
            if changed else None))
        session.flush()

    def _status(self, case: CaseFile, clock: ClockState) -> ClockStatus | None:
        if clock.due is None or clock.status == "idle":
            return None
        finished = clock.stopped if clock.status == "stopped" else None
        return clock_status(clock.due, _local_now(), self._services.calendar.calendar(),
                            finished=finished, paused=clock.status == "paused")

    def _clock_dict(self, spec: CaseSpec, case: CaseFile, clock: ClockState) -> dict[str, Any]:
        declared = spec.clock(clock.key)
        status = self._status(case, clock)
        return {**clock.to_json(), "label": _(declared.label), "basis": declared.basis,
                "due": clock.due, "status": status.status if status else None,
                "status_label": status.label if status else "",
                "status_text": status_text(status, clock.due),
                "left": status.left if status else None}

    def _as_dict(self, case: CaseFile, clocks: dict[str, ClockState]) -> dict[str, Any]:
        spec = self.spec(case.kind)
        running = sorted((c for c in clocks.values() if c.status in ("running", "paused")),
                         key=lambda c: due_at(c) or dt.datetime.max.replace(tzinfo=dt.UTC))
        stopped = sorted((c for c in clocks.values() if c.status == "stopped"),
                         key=lambda c: c.stopped or dt.datetime.min)
        main = running[0] if running else (stopped[-1] if stopped else None)
        status = self._status(case, main) if main else None
        return {
            "id": str(case.id), "code": case.code, "kind": case.kind,
            "kind_label": _(spec.label), "state": case.state,
            "title": case.title if not confidential_fields(spec)
            or self._may_read_confidential(spec, case) else CONFIDENTIAL_MASK,
            "state_label": _(spec.states.get(case.state, case.state)),
            "variant": case.variant,
            "variant_label": _(spec.variants[case.variant].label)
            if case.variant in spec.variants else "",
            "party_id": str(case.party_id) if case.party_id else None,
            "district_code": case.district_code, "opened_at": _local(case.opened_at),
            "assigned_to": case.assigned_to,
            "finished_at": _local(case.finished_at) if case.finished_at else None,
            "due": main.due if main else None, "clock": main.key if main else None,
            "status": status.status if status else None,
            "status_label": status.label if status else "",
            "status_text": status_text(status, main.due if main else None),
            "left": status.left if status else None, "version": case.version,
        }


CONFIDENTIAL_MASK = "(bảo mật)"  # in place of a confidential value the reader may not see


def confidential_fields(spec: CaseSpec) -> tuple[str, ...]:
    return tuple(f.name for f in spec.fields if f.confidential)


def _masked(spec: CaseSpec, values: dict[str, Any]) -> dict[str, Any]:
    """The values as the audit trail keeps them: a confidential value is not copied there."""
    secret = confidential_fields(spec)
    return {name: CONFIDENTIAL_MASK if name in secret and value else value
            for name, value in values.items()}


def refuse_out_of_force(spec: CaseSpec, day: dt.date) -> None:
    """A case is opened under the rules of its day: a kind not in force then is refused, naming
    the kinds of its family that are."""
    if spec.in_force(day):
        return
    others = [_(other.label) for other in kinds().values()
              if spec.family and other.family == spec.family and other.in_force(day)]
    raise ValidationError(_("“{label}” applies from {start} to {end} ({basis}); on {day} "
                            "open {others}.").format(
        label=_(spec.label), basis=spec.basis, day=format_date(day),
        start=format_date(spec.in_force_from) if spec.in_force_from else "…",
        end=format_date(spec.in_force_until) if spec.in_force_until else "…",
        others=", ".join(f"“{name}”" for name in others) or _("no kind in force (the rules of "
                                                            "that day are not declared)")))
