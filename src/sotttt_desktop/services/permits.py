"""The permit register: results issued from approved dossiers, and their lifecycle (DESIGN §5).

issue → amend / extend / reissue (each a new numbered record linked to the one it replaces,
which becomes "superseded") → suspend / revoke (by decision) → expired (derived from the dates).
The limits of the kind come from the catalogue (e.g. a general website licence: at most 10 years,
at most 2 extensions of at most 24 months each). Issued records are never edited in place.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from sotttt_desktop.catalog import load as load_catalogue
from sotttt_desktop.core import audit, clock
from sotttt_desktop.core.calendar import add_months
from sotttt_desktop.core.models import Dossier, Party, Permit
from sotttt_desktop.core.numbering import register_summary
from sotttt_desktop.core.text import clean
from sotttt_desktop.errors import NotFoundError, ValidationError
from sotttt_desktop.i18n import N_, _, format_date, language
from sotttt_desktop.permits import PermitContents, contents_for
from sotttt_desktop.permits import contents as permit_contents
from sotttt_desktop.services.decision_powers import check_decision, power_refusal
from sotttt_desktop.services.numbering import DECISION_REFERENCE
from sotttt_desktop.services.permit_register import permit_register_entry
from sotttt_desktop.services.reference import unit_in_charge

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from sotttt_desktop.services.facade import Services

REPLACING_ACTIONS = ("amend", "extend", "reissue", "transfer")
TO_NEW_HOLDER = ("transfer",)  # the applicant is the new holder of the replaced permit
PERMIT_STATE_LABELS = {
    "valid": N_("valid"), "suspended": N_("suspended"), "revoked": N_("revoked"),
    "superseded": N_("replaced by a newer permit"), "expired": N_("expired"),
}


def permit_state_label(state: str) -> str:
    return _(PERMIT_STATE_LABELS[state]) if state in PERMIT_STATE_LABELS else state


def _today() -> dt.date:
    return clock.local_today()


DECISION_SOURCES = {"suspend": ("valid",), "revoke": ("valid", "suspended")}  # by decision
VALIDITY_MAX_YEARS = 50  # a term the catalogue leaves open: still not 31/12/9999
DECISION_SYMBOL = "QĐ"  # a suspension or revocation is a Quyết định (cá biệt), ND 30 PL III
REASON_MAX = 2_000
REPLACEABLE_MAX = 500  # a transfer's choice of other holders' permits: the number is typed


class PermitService:
    def __init__(self, services: Services):
        self._services = services

    def issue(self, dossier_code: str, *, subject: str, valid_until: dt.date | None = None,
              replaces: str | None = None, extend_months: int | None = None,
              details: dict[str, object] | None = None, on: dt.date | None = None
              ) -> dict[str, Any]:
        """Issue the result of an approved dossier; the dossier becomes "result ready".

        `details` are the permit's contents by declared field name (permits/), as typed; an
        amendment, extension or reissue starts from the replaced permit's contents. The number,
        the permit, the register entry, the dossier step and the audit entries are one
        transaction, written only after every check passed."""
        services = self._services
        on = on or _today()
        agency = services.numbering.agency(on)
        profile = services.reference.profile(on)  # read before the write lock, as the agency
        services.calendar.calendar()
        with services.db.session(write=True) as session:
            # locked until the commit (PostgreSQL; SQLite's writers are serialised): a second
            # issue of the same dossier, a double click or a retry, waits and then finds it no
            # longer approved instead of issuing a second permit
            dossier = session.execute(select(Dossier).where(Dossier.code == dossier_code.strip())
                                      .with_for_update()).scalar_one_or_none()
            if dossier is None:
                raise NotFoundError(_("There is no dossier {code}.").format(code=dossier_code))
            services.require(dossier.area, "sign")
            if dossier.state != "approved":
                raise ValidationError(_("Only an approved dossier gets its result issued."))
            procedure = load_catalogue().get(dossier.procedure_key, on=dossier.procedure_version)
            subject = clean(subject) or ""
            old: Permit | None = None
            if procedure.action in REPLACING_ACTIONS:
                if not replaces:
                    raise ValidationError(_("Name the permit that this one replaces."))
                old = self._get(session, replaces, lock=True)
                if old.family != procedure.family:
                    raise ValidationError(_("{number} is not of this kind.").format(
                        number=old.number))
                if old.state != "valid":
                    raise ValidationError(_("{number} is {state}: it cannot be amended, extended "
                                            "or reissued.").format(number=old.number,
                                                                   state=permit_state_label(old.state)))
                if procedure.action in TO_NEW_HOLDER:
                    if old.holder_id == dossier.applicant_id:
                        raise ValidationError(_("{number} is already held by the applicant: a "
                                                "transfer goes to a new holder.").format(
                            number=old.number))
                elif old.holder_id != dossier.applicant_id:
                    raise ValidationError(_("The permit belongs to another holder."))
            contents = self._contents(procedure.family)
            replaced = (permit_contents.from_json(contents, json.loads(old.details or "{}"))
                        if old is not None else {})
            raw: dict[str, object] = {
                **self._starting_texts(contents, session.get(Party, dossier.applicant_id), old,
                                       new_holder=procedure.action in TO_NEW_HOLDER),
                **(details or {})}
            if subject and contents.subject and contents.subject not in (details or {}):
                raw[contents.subject] = subject  # `--subject` alone still fills its field
            values = permit_contents.parse(contents, raw, services.reference)
            subject = subject or permit_contents.subject_text(contents, values,
                                                              services.reference)
            if old is not None:
                subject = subject or old.subject
            if not subject:
                raise ValidationError(_("Write what the permit is for (website, address, …)."))
            valid_from, until, extensions = self._validity(procedure, old, on, valid_until,
                                                           extend_months)
            permit_id = uuid.uuid4()
            holder = session.get(Party, dossier.applicant_id)
            _n, number = services.numbering.document_number(
                session, procedure.number_symbol, reference=str(permit_id), on=on, agency=agency,
                register=permit_register_entry(
                    procedure, subject=subject, holder=holder.name if holder else "",
                    unit=unit_in_charge(profile, procedure.area)[1], on=on, replaced=old))
            permit = Permit(
                id=permit_id, number=number, number_year=on.year, family=procedure.family, action=procedure.action,
                result_kind=procedure.result_kind, title=procedure.result_name,
                area=procedure.area, holder_id=dossier.applicant_id,
                district_code=holder.district_code if holder else None, subject=subject,
                details=json.dumps(permit_contents.to_json(values), ensure_ascii=False),
                issued_on=on,
                valid_from=valid_from, valid_until=until, state="valid", dossier_id=dossier.id,
                replaces_id=old.id if old else None,
                root_id=(old.root_id or old.id) if old else permit_id, extensions=extensions,
                created_by=services.actor.username, updated_by=services.actor.username)
            session.add(permit)
            if old is not None:
                old.state = "superseded"
                old.updated_by = services.actor.username
            session.flush()
            audit.append(session, username=services.actor.username, action="issue",
                         entity_kind="permit", entity_id=permit.id, summary=number,
                         after=self._as_dict(session, permit))
            # the registers this permit describes are written from it, not typed twice
            services.registers.sync_from_permit(
                session, register_facts(permit, contents, values, holder, dossier.code,
                                        replaced, old),
                actor=services.actor.username)
            # the result is ready in the same transaction: a permit is never issued for a
            # dossier left "approved" (the issuing right covers this consequence of the issue)
            ready_at = (clock.local_now() if on == _today()
                        else dt.datetime.combine(on, dt.time(16, 0)))
            services.dossiers.take_step(session, dossier, "result_ready", moment=ready_at)
            session.commit()
        return self.show(number)

    @staticmethod
    def _contents(family: str) -> PermitContents:
        try:
            return contents_for(family)
        except KeyError:
            raise ValidationError(_("The contents of {family} permits are not declared.").format(
                family=family)) from None

    def contents_form(self, dossier_code: str, replaces: str | None = None
                      ) -> dict[str, Any]:
        """What the issue form shows for this dossier: the declared fields and the text each
        starts with — from the applicant (as the family declares), or from the replaced
        permit's contents."""
        dossier = self._services.dossiers.show(dossier_code)
        procedure = load_catalogue().get(dossier["procedure"])
        contents = self._contents(procedure.family)
        with self._services.db.session() as session:
            applicant = session.get(Party, uuid.UUID(dossier["applicant_id"]))
            texts = self._starting_texts(contents, applicant,
                                         self._get(session, replaces) if replaces else None,
                                         new_holder=procedure.action in TO_NEW_HOLDER)
        return {"fields": contents.specs(), "texts": texts, "subject_field": contents.subject}

    @staticmethod
    def _starting_texts(contents: PermitContents, applicant: Party | None,
                        old: Permit | None, *, new_holder: bool = False) -> dict[str, str]:
        """What each field starts with: the replaced permit's contents, else what the family
        takes from the applicant (e.g. the owner from the legal representative); for a new
        holder (a transfer), what comes from the applicant wins over the former holder's."""
        texts: dict[str, str] = {}
        if old is not None:
            texts.update(permit_contents.edit_texts(contents, permit_contents.from_json(
                contents, json.loads(old.details or "{}"))))
        for name, attributes in contents.prefill.items():
            if name in texts and not new_holder:
                continue
            for attribute in attributes.split("|"):
                value = getattr(applicant, attribute, None) if applicant else None
                if value not in (None, ""):
                    texts[name] = str(value)
                    break
        return texts

    def _validity(self, procedure: Any, old: Permit | None, on: dt.date,  # noqa: ANN401
                  valid_until: dt.date | None, extend_months: int | None
                  ) -> tuple[dt.date, dt.date | None, int]:
        if procedure.action == "extend":
            assert old is not None
            if old.valid_until is None:
                raise ValidationError(_("A permit without a term cannot be extended."))
            if procedure.max_extensions is not None and old.extensions >= procedure.max_extensions:
                raise ValidationError(_("{number} was already extended {count} times, the most "
                                        "this kind allows.").format(number=old.number,
                                                                    count=old.extensions))
            months = extend_months or procedure.extension_max_months or 0
            if months < 1 or (procedure.extension_max_months
                              and months > procedure.extension_max_months):
                raise ValidationError(_("An extension is at most {months} months.").format(
                    months=procedure.extension_max_months))
            return old.valid_from, add_months(old.valid_until, months), old.extensions + 1
        if old is not None:  # amend, reissue: the same term
            return old.valid_from, old.valid_until, old.extensions
        limit = procedure.validity_max_years
        if valid_until is not None:
            if valid_until <= on:
                raise ValidationError(_("The end of validity must be after the issue date."))
            if valid_until > add_months(on, 12 * VALIDITY_MAX_YEARS):
                raise ValidationError(_("This kind is valid for at most {years} years.").format(
                    years=VALIDITY_MAX_YEARS))
            if limit and valid_until > add_months(on, 12 * limit):
                raise ValidationError(_("This kind is valid for at most {years} years.").format(
                    years=limit))
            return on, valid_until, 0
        return on, add_months(on, 12 * limit) if limit else None, 0

    def decide(self, number: str, action: str, *, reason: str,
               until: dt.date | None = None) -> dict[str, Any]:
        """Suspend (until a date) or revoke a valid permit, by decision. The decision takes its
        number from the register of outgoing documents (the series of QĐ, this year), in the
        same transaction: no number is typed."""
        if action not in DECISION_SOURCES:
            raise ValidationError(_("Choose one of: {choices}.").format(choices="suspend, revoke"))
        services = self._services
        reason = clean(reason) or ""
        if not reason:
            raise ValidationError(_("Give the reason of the decision."))
        if len(reason) > REASON_MAX:
            raise ValidationError(_("The reason has at most {reason} characters.").format(
                reason=REASON_MAX))
        on = _today()
        agency = services.numbering.agency(on)
        with services.db.session(write=True) as session:
            permit = self._get(session, number, lock=True)
            services.require(permit.area, "revoke")
            if permit.state not in DECISION_SOURCES[action]:
                raise ValidationError(_("{number} is {state}.").format(number=permit.number,
                                                                        state=permit_state_label(permit.state)))
            if action == "suspend" and (until is None or until <= _today()):
                raise ValidationError(_("Give the date the suspension ends."))
            # only where the law in force gives the power, within its cap (decision_powers.py)
            check_decision(permit.family, action, _today(), until)
            before = self._as_dict(session, permit)
            holder = session.get(Party, permit.holder_id)
            _n, decision_number = services.numbering.document_number(
                session, DECISION_SYMBOL, reference=f"{DECISION_REFERENCE}{permit.id}", on=on,
                agency=agency, register={
                    "summary": register_summary(
                        action, title=permit.title[:1].lower() + permit.title[1:],
                        number=permit.number),
                    "recipients": holder.name if holder else None})
            self._decided(session, permit, action, until, decision_number, reason, before)
            session.commit()
        return self.show(number)

    def suspend_in(self, session: Session, number: str, *, until: dt.date, decision: str,
                   reason: str) -> dict[str, Any]:
        """Suspend a valid permit until a date by a decision taken elsewhere in the caller's
        transaction (a sanction decision withdrawing the licence: its number, not a new one)."""
        permit = self._get(session, number, lock=True)
        if permit.state not in DECISION_SOURCES["suspend"]:
            raise ValidationError(_("{number} is {state}.").format(
                number=permit.number, state=permit_state_label(permit.state)))
        before = self._as_dict(session, permit)
        self._decided(session, permit, "suspend", until, decision, reason[:REASON_MAX], before)
        return self._as_dict(session, permit)

    def _decided(self, session: Session, permit: Permit, action: str, until: dt.date | None,
                 decision_number: str, reason: str, before: dict[str, Any]) -> None:
        """The permit suspended or revoked by `decision_number`: its state, the register's
        record of it, the audit entry — in the caller's transaction."""
        services = self._services
        permit.state = "suspended" if action == "suspend" else "revoked"
        permit.suspended_until = until if action == "suspend" else None
        permit.decision_number, permit.decision_reason = decision_number, reason
        permit.updated_by = services.actor.username
        session.flush()
        services.registers.sync_permit_state(session, permit.id, permit.state,
                                             actor=services.actor.username)
        audit.append(session, username=services.actor.username, action=action,
                     entity_kind="permit", entity_id=permit.id, summary=permit.number,
                     before=before, after=self._as_dict(session, permit))

    def show(self, number: str) -> dict[str, Any]:
        with self._services.db.session() as session:
            permit = self._get(session, number)
            self._services.require(permit.area, "view")
            data = self._as_dict(session, permit)
            lineage = []
            current = permit
            while current.replaces_id is not None:
                current = session.get(Permit, current.replaces_id)
                lineage.append({"number": current.number, "action": current.action,
                                "state": current.state})
            data["replaces_chain"] = lineage
            return data

    def list(self, *, state: str | None = None, expiring_within: int | None = None,
             family: str | None = None, issued_on: dt.date | None = None,
             limit: int = 100) -> list[dict[str, Any]]:
        services = self._services
        statement = select(Permit)
        if issued_on is not None:
            statement = statement.where(Permit.issued_on == issued_on)
        if state:
            statement = statement.where(Permit.state == state)
        if family:
            families = {p.family for p in load_catalogue().every_version()}
            if family not in families:
                raise ValidationError(_("There is no kind of permit {family}. Kinds: {families}.")
                                      .format(family=family, families=", ".join(sorted(families))))
            statement = statement.where(Permit.family == family)
        if expiring_within is not None:
            today = _today()
            statement = statement.where(Permit.state == "valid", Permit.valid_until >= today,
                                        Permit.valid_until <= today
                                        + dt.timedelta(days=expiring_within))
        if services.actor.district_scoped:
            statement = statement.where(Permit.district_code == services.actor.district_code)
        statement = statement.order_by(Permit.issued_on.desc(), Permit.created_at.desc()).limit(limit)
        with services.db.session() as session:
            rows = session.execute(statement).scalars().all()
            related = _load_related(session, rows)
            return [self._as_dict(session, p, related) for p in rows
                    if services.actor.can(p.area, "view")]

    def _get(self, session: Session, number: str, *, lock: bool = False) -> Permit:
        """`05/GP-STTTT` (the newest of that number) or `05/GP-STTTT@2024` (of that year);
        `lock`: held until the commit, for a change decided on its current state."""
        text, _sep, year = number.strip().partition("@")
        statement = select(Permit).where(Permit.number == text.strip())
        if year.strip().isdigit():
            statement = statement.where(Permit.number_year == int(year))
        statement = statement.order_by(Permit.number_year.desc()).limit(1)
        permit = session.execute(statement.with_for_update() if lock else statement
                                 ).scalar_one_or_none()
        actor = self._services.actor
        if permit is None or (actor.district_scoped
                              and permit.district_code != actor.district_code):
            raise NotFoundError(_("There is no permit {number}.").format(number=number))
        return permit

    def replaceable(self, dossier_code: str) -> list[dict[str, Any]]:
        """The permits an amendment, extension or reissue of this dossier may replace: valid,
        of the procedure's kind, held by the applicant — by someone else for a transfer (what
        `issue` accepts; a transfer lists the newest `REPLACEABLE_MAX`)."""
        dossier = self._services.dossiers.show(dossier_code)
        procedure = load_catalogue().get(dossier["procedure"])
        if procedure.action not in REPLACING_ACTIONS:
            return []
        with self._services.db.session() as session:
            applicant = uuid.UUID(dossier["applicant_id"])
            statement = select(Permit).where(Permit.family == procedure.family,
                                             Permit.state == "valid")
            if procedure.action in TO_NEW_HOLDER:
                statement = statement.where(Permit.holder_id != applicant).limit(REPLACEABLE_MAX)
            else:
                statement = statement.where(Permit.holder_id == applicant)
            rows = session.execute(statement.order_by(Permit.issued_on.desc())).scalars().all()
            related = _load_related(session, rows)
            return [self._as_dict(session, p, related) for p in rows]

    def available_decisions(self, permit: dict[str, Any]) -> dict[str, str | None]:
        """Suspend and revoke for a permit (as `list`/`show` give it), each with why this actor
        may not take it now (None: they may) — the rules `decide` enforces."""
        right = self._services.refusal(permit["area"], "revoke")
        return {action: (right or power_refusal(permit["family"], action, _today()))
                if permit["state"] in sources else
                _("{number} is {state}.").format(number=permit["number"],
                                                  state=permit["state_label"])
                for action, sources in DECISION_SOURCES.items()}

    def _as_dict(self, session: Session, permit: Permit,
                 related: dict[Any, Any] | None = None) -> dict[str, Any]:
        """`related`: the holders and dossiers of a list, loaded at once (`_load_related`)."""
        related = related or {}
        holder = related.get(permit.holder_id) or session.get(Party, permit.holder_id)
        dossier = (related.get(permit.dossier_id) or session.get(Dossier, permit.dossier_id)
                   ) if permit.dossier_id else None
        status = permit.state
        if status == "valid" and permit.valid_until is not None and permit.valid_until < _today():
            status = "expired"
        return {
            "id": str(permit.id), "number": permit.number, "year": permit.number_year,
            "reference": f"{permit.number}@{permit.number_year}", "state": status,
            "state_label": permit_state_label(status),
            "title": permit.title, "family": permit.family, "action": permit.action,
            "area": permit.area,
            "procedure": dossier.procedure_key if dossier else None,
            "holder": holder.name if holder else "", "holder_id": str(permit.holder_id),
            "subject": permit.subject, "issued_on": permit.issued_on,
            "valid_from": permit.valid_from, "valid_until": permit.valid_until,
            "extensions": permit.extensions, "dossier": dossier.code if dossier else None,
            "received_at": dossier.received_at if dossier else None,
            "due": dossier.due_date if dossier else None,
            "decision_number": permit.decision_number, "decision_reason": permit.decision_reason,
            "suspended_until": permit.suspended_until,
            "validity_text": (_("valid until {day}").format(day=format_date(permit.valid_until))
                              if permit.valid_until else _("no term")),
            **self._contents_of(permit),
        }

    def _contents_of(self, permit: Permit) -> dict[str, Any]:
        """The permit's contents by field name, and as labelled lines in the user's language
        (details stored by label before the declaration are read by label)."""
        stored = json.loads(permit.details or "{}")
        try:
            contents = contents_for(permit.family)
        except KeyError:
            return {"details": stored, "contents": [(str(k), str(v)) for k, v in stored.items()]}
        values = permit_contents.from_json(contents, stored)
        return {"details": permit_contents.to_json(values),
                "contents": permit_contents.printed_lines(contents, values,
                                                          self._services.reference, language())}


def _load_related(session: Session, permits: Sequence[Permit]) -> dict[Any, Any]:
    """The holders and dossiers of a list of permits by id, in a query or two each (a query
    per permit took a second for the desk's 1,000)."""
    found: dict[Any, Any] = {}
    for model, ids in ((Party, list({p.holder_id for p in permits})),
                       (Dossier, list({p.dossier_id for p in permits if p.dossier_id}))):
        for chunk in range(0, len(ids), 500):
            found.update((row.id, row) for row in session.execute(
                select(model).where(model.id.in_(ids[chunk:chunk + 500]))).scalars())
    return found


def register_facts(permit: Permit, contents: PermitContents, values: dict[str, Any],
                   holder: Party | None, dossier_code: str, replaced: dict[str, Any] | None,
                   old: Permit | None) -> dict[str, Any]:
    """What an issued permit tells the register it describes (RegisterService.sync_from_permit):
    the one place the app's issue and the demo's bulk issue take these facts from."""
    return {
        "id": permit.id, "family": permit.family, "number": permit.number,
        "issued_on": permit.issued_on, "valid_until": permit.valid_until,
        "extensions": permit.extensions, "subject": permit.subject,
        "dossier_code": dossier_code, "register": contents.register, "contents": values,
        "replaced_contents": replaced, "replaces_id": old.id if old else None,
        "constants": contents.constants, "holder_id": permit.holder_id,
        "holder_record": {name: getattr(holder, name, None) for name in (
            "name", "tax_code", "address", "district_code", "commune_code", "phone",
            "legal_representative")}}
