"""Rendering official documents: collect the plain data, keep what was issued, verify codes.

The first print of a result document (permit, certificate, decision…) or of a receipt fixes its
data and its file in `issued_document` with the SHA-256 of the PDF; every later print gives that
file again (a document issued before the files were kept is rendered from its data and must give
the same bytes) and is logged as a reprint. Forms that follow the dossier
as it moves (02, 03, 05, the book) are rendered from the current state and logged as prints.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import tomllib
import uuid
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from sotttt_desktop.catalog import load as load_catalogue
from sotttt_desktop.core import audit, clock
from sotttt_desktop.core.calendar import TimeUnit
from sotttt_desktop.core.models import (
    CaseFile,
    Dossier,
    DossierEvent,
    IssuedDocument,
    NumberRecord,
    Party,
    Permit,
    Unit,
    User,
    utcnow,
)
from sotttt_desktop.core.text import fold
from sotttt_desktop.errors import PermissionDeniedError, ValidationError
from sotttt_desktop.i18n import LOCAL_TZ, N_, _
from sotttt_desktop.permits.contents import declared_states, permit_lines
from sotttt_desktop.resources import resource_path
from sotttt_desktop.services.decision_powers import decision_wording, kind_name, result_wording
from sotttt_desktop.services.dossiers import ONE_STOP_UNIT
from sotttt_desktop.services.numbering import DECISION_REFERENCE

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from sotttt_desktop.documents.templates import Template
    from sotttt_desktop.services.facade import Services

VI_STATES = {
    "received": "Đã tiếp nhận", "supplement_requested": "Chờ bổ sung",
    "in_appraisal": "Đang thẩm định", "approved": "Đã phê duyệt", "refused": "Từ chối",
    "result_ready": "Có kết quả", "returned": "Đã trả kết quả", "withdrawn": "Đã rút hồ sơ",
}
VI_EVENTS = {
    "received": "Tiếp nhận hồ sơ", "request_supplement": "Yêu cầu bổ sung hồ sơ",
    "supplement_received": "Nhận hồ sơ bổ sung", "start_appraisal": "Thẩm định hồ sơ",
    "approve": "Phê duyệt", "refuse": "Từ chối giải quyết", "result_ready": "Có kết quả",
    "return_result": "Trả kết quả", "withdraw": "Rút hồ sơ", "apologise": "Xin lỗi, hẹn lại",
    "hand_over": "Chuyển hồ sơ",
}
ONE_STOP_FORMS = ("01", "02", "03", "04", "05", "06")  # TT 01/2018
FORM_NEEDS = {  # a form that prints a step: the timeline events it may print
    "02": ("request_supplement",), "03": ("refuse", "withdraw"), "04": ("apologise",),
}
# form 05: steps the one-stop desk takes, and steps a leader takes (approval, refusal)
DESK_STEPS = frozenset({"received", "request_supplement", "supplement_received",
                        "return_result", "withdraw", "hand_over"})
LEADER_STEPS = frozenset({"approve", "refuse"})
ISSUED_FORMS = ("01", "04")  # issued once (templates/one_stop_forms.py: snapshot)
FORM_NOT_YET = N_("Form {form} does not apply: the dossier has no such step yet.")


@dataclass(frozen=True)
class Rendered:
    kind: str
    subject_ref: str
    pdf: bytes
    sha256: str
    reprint: bool
    filename: str


@cache
def _texts() -> dict[str, Any]:
    with resource_path("documents", "texts.toml").open("rb") as fh:
        return tomllib.load(fh)


def extra_recipients(family: str, on: dt.date, *, decision: bool = False) -> list[str]:
    """Who else a result document (or a decision on it) goes to, between the holder and the
    archive (texts.toml [[recipients]]): the Ministry's department of the longest matching
    family prefix, and for a decision the bodies that enforce it."""
    entry = _in_force(_texts().get("recipients", [{"effective_from": dt.date.min}]), on)
    report_to = entry.get("report_to", {})
    prefixes = [p for p in report_to if family == p or family.startswith(p + ".")]
    found = [report_to[max(prefixes, key=len)]] if prefixes else []
    found += entry.get("decision_also", []) if decision else []
    return [name for name in found if name]


def _in_force(entries: list[dict[str, Any]], on: dt.date) -> dict[str, Any]:
    chosen = [e for e in entries if e["effective_from"] <= on]
    return max(chosen, key=lambda e: e["effective_from"]) if chosen else entries[0]


def texts_in_force(section: str, on: dt.date) -> dict[str, Any]:
    """The entry of an effective-dated section of texts.toml in force on a date."""
    return _in_force(_texts()[section], on)


@cache
def _statutory_texts() -> dict[str, Any]:
    with resource_path("documents", "statutory_contents.toml").open("rb") as fh:
        return tomllib.load(fh).get("family", {})


def _statutory(family: str, on: dt.date) -> dict[str, Any] | None:
    """The fixed lines the legal form of `family` requires beyond its declared fields (rights
    and obligations…), as in force on the document's date."""
    entries = _statutory_texts().get(family)
    if not entries:
        return None
    entry = _in_force(entries, on)
    return {"label": entry["label"], "lines": list(entry["lines"])}


def _jsonable(value: Any) -> Any:  # noqa: ANN401
    if isinstance(value, dt.datetime):
        return value.astimezone(LOCAL_TZ).replace(tzinfo=None).isoformat(timespec="minutes")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value


def _local_today() -> dt.date:
    return clock.local_today()


def _permit_row(session: Session, shown: dict[str, Any]) -> Permit:
    return session.execute(select(Permit).where(Permit.number == shown["number"],
                                                Permit.number_year == shown["year"])
                           ).scalar_one()


# What a decision or letter file may give (templates/generic.py); the header, the issuing
# authority and the signature are the database's, never the file's.
FILE_FIELDS = frozenset({"number", "date", "summary", "legal_bases", "articles", "addressees",
                         "paragraphs", "recipients"})
DRAFTING = ("create", "sign")
Deliver = Callable[["Rendered"], AbstractContextManager[object]]


def _issuing_right(kind: str, area: str) -> tuple[str, str]:
    """The right the first print of a document issued once needs: signing a permit, revoking
    for a suspension or revocation decision, receiving dossiers for a one-stop receipt."""
    if kind == "permit":
        return area, "sign"
    if kind in ("permit-suspension", "permit-revocation"):
        return area, "revoke"
    return "one_stop", "create"


def _safe_name(text: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "-" for c in text).strip("-")


class DocumentService:
    def __init__(self, services: Services):
        self._services = services

    # --- catalogue of templates ------------------------------------------------------------------

    def kinds(self) -> list[dict[str, str]]:
        from sotttt_desktop.documents.templates import templates

        return [{"kind": t.kind, "title": t.title, "form": t.form, "version": t.version,
                 "subject": t.subject, "issued_once": t.snapshot} for t in templates().values()]

    def _template(self, kind: str) -> Template:
        from sotttt_desktop.documents.templates import templates

        found = templates().get(kind)
        if found is None:
            raise ValidationError(_("Unknown document kind {kind}. Kinds: {kinds}.").format(
                kind=kind, kinds=", ".join(templates())))
        return found

    # --- rendering -------------------------------------------------------------------------------

    def render(self, kind: str, ref: str, *, signer: str | None = None,
               deliver: Deliver | None = None) -> Rendered:
        """The PDF of `kind` for `ref` (a permit number, a dossier code, a period or a JSON
        file, as the template says).

        `deliver(rendered)`, if given, is a context manager that puts the PDF where it goes (a
        file): the print is recorded only if it succeeds, and undone if the record fails.
        The first print of a document issued once needs the right to issue it."""
        from sotttt_desktop.documents.fonts import register
        from sotttt_desktop.documents.layout import render as render_pdf

        template = self._template(kind)
        ref = ref.strip()
        area, subject_ref = self._area_and_ref(template, kind, ref)
        if area != "general":
            self._services.require(area, "view")
        else:
            self._require_drafting()
        if template.snapshot:
            stored = self._stored(kind, subject_ref)
            if stored is not None:
                return self._reprint(template, stored, deliver)
            self._services.require(*_issuing_right(kind, area))
        data = self._data(template, kind, ref, signer)
        pdf = render_pdf(template.build(data))
        digest = hashlib.sha256(pdf).hexdigest()
        name = f"{kind}-{_safe_name(subject_ref)}.pdf"
        rendered = Rendered(kind, subject_ref, pdf, digest, False, name)
        services = self._services
        with services.db.session(write=True) as session:
            if template.snapshot:
                session.add(IssuedDocument(
                    kind=kind, subject_ref=subject_ref, area=area,
                    template_version=template.version, font=register().name,
                    data=json.dumps(data, ensure_ascii=False), sha256=digest,
                    pages=pdf.count(b"/Type /Page\n") or pdf.count(b"/Type /Page"),
                    issued_at=utcnow(), issued_by=services.actor.username, prints=1,
                    pdf=pdf if template.keeps_file else None))
            audit.append(session, username=services.actor.username,
                         action="issue_document" if template.snapshot else "print",
                         entity_kind="document", entity_id=f"{kind}:{subject_ref}",
                         summary=f"{template.title}: {subject_ref}", after={"sha256": digest})
            session.flush()
            with deliver(rendered) if deliver else contextlib.nullcontext():
                session.commit()
        return rendered

    def _reprint(self, template: Template, stored: dict[str, Any],
                 deliver: Deliver | None) -> Rendered:
        from sotttt_desktop.documents.layout import render as render_pdf

        pdf = self._issued_file(stored["id"])
        if pdf is None or hashlib.sha256(pdf).hexdigest() != stored["sha256"]:
            # issued before the files were kept (migration 0035): drawn again from its data
            pdf = render_pdf(template.build(json.loads(stored["data"])))
        digest = hashlib.sha256(pdf).hexdigest()
        same = digest == stored["sha256"]
        name = f"{stored['kind']}-{_safe_name(stored['subject_ref'])}.pdf"
        rendered = Rendered(stored["kind"], stored["subject_ref"], pdf, digest, True, name)
        services = self._services
        with services.db.session(write=True) as session:
            row = session.get(IssuedDocument, stored["id"])
            row.prints += 1
            audit.append(session, username=services.actor.username, action="reprint",
                         entity_kind="document", entity_id=f"{row.kind}:{row.subject_ref}",
                         summary=f"{template.title}: {row.subject_ref} (lần in thứ {row.prints})",
                         after={"sha256": digest, "same_as_issued": same})
            if not same:  # logged, but no file of a print that differs from the issued one
                session.commit()
                if stored["template_version"] != template.version:
                    raise ValidationError(_(
                        "This document was issued with the form of {issued}; the form has "
                        "changed since ({current}) and would print it differently from what was "
                        "signed. Use the copy kept when it was issued.").format(
                        issued=stored["template_version"], current=template.version))
                raise ValidationError(_(
                    "This document was issued with the font {font}; this computer prints it "
                    "differently. Print it where it was issued, or set SOTTTT_DOCUMENT_FONT="
                    "bundled on every desk.").format(font=stored["font"]))
            session.flush()
            with deliver(rendered) if deliver else contextlib.nullcontext():
                session.commit()
        return rendered

    def _decided_by_the_department(self, permit: dict[str, Any]) -> None:
        """A suspension or revocation decision is printed only when the Department's licensing
        decision took it (`permits.decide`); a licence withdrawn by a sanction decision (the
        additional penalty of a case) has that decision as its document."""
        from sotttt_desktop.services.permits import permit_state_label

        with self._services.db.session() as session:
            records = session.execute(select(NumberRecord.reference).where(
                NumberRecord.text == permit["decision_number"],
                NumberRecord.state == "issued")).scalars().all()
            if any(r == f"{DECISION_REFERENCE}{permit['id']}" for r in records):
                return
            case_ids = [r.removeprefix("case:") for r in records if r.startswith("case:")]
            code = session.execute(select(CaseFile.code).where(
                CaseFile.id.in_([uuid.UUID(c) for c in case_ids]))).scalars().first() \
                if case_ids else None
        if code:
            raise ValidationError(_(
                "{number} was {state} by decision {decision} of case {case}: that decision is "
                "the document; print it from the case.").format(
                number=permit["number"], state=permit_state_label(permit["state"]),
                decision=permit["decision_number"], case=code))
        if permit.get("decision_number"):
            raise ValidationError(_(
                "{number} was {state} by decision {decision}, which the application did not "
                "draft: it has no document to print here.").format(
                number=permit["number"], state=permit_state_label(permit["state"]),
                decision=permit["decision_number"]))

    def _issued_file(self, document_id: Any) -> bytes | None:  # noqa: ANN401
        with self._services.db.session() as session:
            return session.execute(select(IssuedDocument.pdf).where(
                IssuedDocument.id == document_id)).scalar_one_or_none()

    def _require_drafting(self) -> None:
        """A decision or letter from a file: for those who draft documents (create or sign in
        some area), not for readers."""
        from sotttt_desktop.areas import AREAS

        actor = self._services.actor
        if actor.must_change_password:
            raise PermissionDeniedError(_("Change your temporary password first."))
        if not any(actor.can(area.key, action) for area in AREAS for action in DRAFTING):
            raise PermissionDeniedError(_(
                "{user} may not draft documents: printing a decision or letter from a file needs "
                "the right to create or sign in an area.").format(user=actor.display_name))

    def _stored(self, kind: str, subject_ref: str) -> dict[str, Any] | None:
        with self._services.db.session() as session:
            row = session.execute(select(IssuedDocument).where(
                IssuedDocument.kind == kind, IssuedDocument.subject_ref == subject_ref)
            ).scalar_one_or_none()
            if row is None:
                return None
            return {"id": row.id, "kind": row.kind, "subject_ref": row.subject_ref,
                    "data": row.data, "sha256": row.sha256, "font": row.font,
                    "template_version": row.template_version,
                    "prints": row.prints, "issued_at": row.issued_at}

    def issued(self, kind: str, ref: str) -> dict[str, Any] | None:
        template = self._template(kind)
        area, subject_ref = self._area_and_ref(template, kind, ref.strip())
        if area != "general":
            self._services.require(area, "view")
        return self._stored(kind, subject_ref)

    def _area_and_ref(self, template: Template, kind: str, ref: str) -> tuple[str, str]:
        if template.subject == "permit":
            permit = self._services.permits.show(ref)
            if kind == "permit-suspension" and permit["state"] != "suspended":
                raise ValidationError(_("{number} is not suspended.").format(
                    number=permit["number"]))
            if kind == "permit-revocation" and permit["state"] != "revoked":
                raise ValidationError(_("{number} is not revoked.").format(
                    number=permit["number"]))
            if kind in ("permit-suspension", "permit-revocation"):
                self._decided_by_the_department(permit)
            return permit["area"], permit["reference"]
        if template.subject == "dossier":
            dossier = self._services.dossiers.show(ref)
            return dossier["area"], dossier["code"]
        if template.subject == "period":
            self._period(ref)
            return "one_stop", ref
        if template.subject == "register":
            series, year = self._services.numbering.register_ref(ref)
            return "register", f"{series}:{year}"
        if template.subject == "list":
            key, on = self._services.public_lists.parse_ref(ref)
            return self._services.public_lists.area(key), self._services.public_lists.ref(key, on)
        if template.subject == "case":
            return self._services.case_documents.area_and_ref(kind, ref)
        if template.subject == "year":  # the DTI summary, the statistics of a year
            area, _data, year_of = self._yearly(kind)
            return area, str(year_of(ref))
        if template.subject == "report":
            from sotttt_desktop.services import reports

            return reports.document_area_and_ref(self._services, kind, ref)
        if template.subject == "day":  # the dashboard: today's figures
            return "reports", clock.local_today().isoformat()
        if not self._services.actor.authenticated:
            raise PermissionDeniedError(_("Sign in to print documents."))
        return "general", Path(ref).name

    # --- data ------------------------------------------------------------------------------------

    def _data(self, template: Template, kind: str, ref: str, signer: str | None
              ) -> dict[str, Any]:
        if kind == "permit":
            data = self.permit_data(ref, signer)
        elif kind in ("permit-suspension", "permit-revocation"):
            data = self.decision_data(ref, signer, action="suspend"
                                      if kind == "permit-suspension" else "revoke")
        elif kind == "form-06":
            data = self.book_data(ref)
        elif kind == "outgoing-register":
            data = self._services.numbering.register_document_data(ref)
            data["profile"] = self._profile(data["profile_on"])
        elif kind == "public-list":
            data = self._services.public_lists.document_data(ref)
            data["printed_on"] = clock.local_today()
            data["profile"] = self._profile(data["printed_on"])
        elif template.subject == "year":
            data = self._yearly(kind)[1](ref)
            data["profile"] = self._profile(data["printed_on"])
        elif template.subject == "report":
            data = self._report_data(kind, ref, signer)
        elif template.subject == "day":
            from sotttt_desktop.services import dashboard

            data = dashboard.document_data(self._services, ref)
            data["profile"] = self._profile(data["printed_on"])
        elif template.subject == "case":
            data = self._services.case_documents.document_data(kind, ref)
            data["profile"] = self._profile(data["printed_on"])
            if "signer" not in data:  # a sanction decision names its own signer by period
                data["signer"] = self._signer(signer, data["printed_on"])
        elif template.subject == "dossier":
            data = self.form_data(kind[-2:], ref, signer)
        else:
            data = self.file_data(ref, signer)
        return _jsonable(data)

    def data(self, kind: str, ref: str) -> dict[str, Any]:
        """The data `kind` would be printed from for `ref` (a report frozen when sent)."""
        template = self._template(kind)
        area, _subject_ref = self._area_and_ref(template, kind, ref.strip())
        self._services.require(area, "view")
        return self._data(template, kind, ref.strip(), None)

    def _report_data(self, kind: str, ref: str, signer: str | None) -> dict[str, Any]:
        """A report of the calendar: as it was sent (its frozen data, its number), or drafted
        from today's data with the number left blank."""
        from sotttt_desktop.services import reports

        sent = reports.sent_data(self._services, kind, ref)
        if sent is not None:
            return sent
        data = reports.document_data(kind)(self._services, ref)
        data["profile"] = self._profile(data["printed_on"])
        data["signer"] = self._signer(signer, data["printed_on"])
        data["recipient"] = reports.recipient_of(kind)
        return data

    def signer(self, name: str | None, on: dt.date) -> dict[str, Any]:
        """The signer named (full name or id), or the first of those in office on `on`."""
        return self._signer(name, on)

    def _yearly(self, kind: str) -> tuple[str, Callable[[str], dict[str, Any]],
                                         Callable[[str], int]]:
        """(area, data of a year, the year a reference names) of a yearly document."""
        from sotttt_desktop.services import annual_statistics, dti_summary

        services = self._services
        if kind == "dti-summary":
            return (dti_summary.AREA, lambda ref: dti_summary.dti_summary_data(services, ref),
                    dti_summary.parse_year)
        table = annual_statistics.table(kind)
        return (table.area,
                lambda ref: annual_statistics.statistics_data(services, kind, ref),
                annual_statistics.statistics_year)

    def _profile(self, on: dt.date) -> dict[str, Any]:
        profile = self._services.reference.profile(on)
        return {k: profile.get(k) for k in ("parent_body", "parent_body_short", "agency_name",
                                            "abbreviation", "place_name", "address", "phone",
                                            "email")}

    def _refusing_signer(self, chosen: str | None, refused_by: str, on: dt.date
                         ) -> dict[str, Any]:
        """Who signs a refusal after appraisal: the one chosen, else the leader who took the
        step when he or she is among the signers of that day, else the first signer."""
        if chosen:
            return self._signer(chosen, on)
        with contextlib.suppress(ValidationError):  # not among that day's signers
            return self._signer(refused_by, on)
        return self._signer(None, on)

    def _signer(self, name: str | None, on: dt.date) -> dict[str, Any]:
        signers = self._services.reference.signers(on)
        if not signers:
            raise ValidationError(_("No signer is set up: add the leaders in Tools → "
                                    "Organisation profile."))
        if not name:
            return signers[0]
        for signer in signers:
            if fold(signer["full_name"]) == fold(name) or signer["id"] == name:
                return signer
        raise ValidationError(_("{name} is not among the signers: {names}.").format(
            name=name, names=", ".join(s["full_name"] for s in signers)))

    def _unit_for(self, area: str, on: dt.date) -> tuple[str, str]:
        """The unit in charge of `area` in the organisation period of the document's date."""
        return self._services.reference.unit_for_area(area, on)

    def _party(self, party: Party | None, states: tuple[str, ...] = ()) -> dict[str, Any]:
        """The holder as the documents print it; `states`: attributes the permit's declared
        contents print instead (not printed twice)."""
        if party is None:
            return {"name": ""}
        return {"name": party.name, "kind": party.kind, "address": party.address or "",
                "tax_code": party.tax_code or "", "citizen_id": party.citizen_id or "",
                "date_of_birth": party.date_of_birth,
                "representative": "" if "legal_representative" in states
                else party.legal_representative or "",
                "phone": party.phone or "", "email": party.email or ""}

    def permit_data(self, number: str, signer: str | None = None) -> dict[str, Any]:
        shown = self._services.permits.show(number)  # checks the right to view it
        with self._services.db.session() as session:
            permit = _permit_row(session, shown)
            holder = self._party(session.get(Party, permit.holder_id),
                                 declared_states(permit.family))
            dossier = session.get(Dossier, permit.dossier_id) if permit.dossier_id else None
            replaced = session.get(Permit, permit.replaces_id) if permit.replaces_id else None
            former = session.get(Party, replaced.holder_id) if replaced else None
            former_holder = former.name if former else ""
        procedure = (load_catalogue().get(dossier.procedure_key, on=dossier.procedure_version)
                     if dossier else None)
        on = permit.issued_on
        unit_name, unit_code = self._unit_for(permit.area, on)
        data = {
            "profile": self._profile(on),
            "agency_basis": self._services.reference.agency_basis(on),
            "number": permit.number, "issued_on": on, "title": permit.title,
            "result_kind": permit.result_kind, "action": permit.action,
            "procedure_name": procedure.name if procedure else permit.title,
            # the instruments in force on the permit's date, cited as Decree 30 wants, and the
            # catalogue's wording (decision_powers.py)
            **(result_wording(procedure, on) if procedure else {"legal_bases": []}),
            "holder": holder, "subject": permit.subject,
            "content_lines": permit_lines(permit.family, json.loads(permit.details or "{}"),
                                          self._services.reference),
            "statutory": _statutory(permit.family, on),
            "changes": self._changes(permit, replaced, (former_holder, holder["name"])),
            "valid_from": permit.valid_from, "valid_until": permit.valid_until,
            "replaces": {"number": replaced.number, "issued_on": replaced.issued_on,
                         "title": replaced.title, "document_title": kind_name(replaced.family),
                         "holder": former_holder}
            if replaced else None,
            "dossier": {"code": dossier.code, "received_on": dossier.received_at}
            if dossier else None,
            "unit_name": unit_name, "unit_abbreviation": unit_code,
            "signer": self._signer(signer, on),
            "extra_recipients": extra_recipients(permit.family, on),
            "qr_payload": self.verification_code(permit, holder["name"]),
        }
        return data

    def _changes(self, permit: Permit, replaced: Permit | None,
                 holders: tuple[str, str] = ("", "")) -> list[list[str]]:
        """What an amendment, extension or reissue changes in the permit it replaces: [label,
        before, now] of each printed line that differs, and the term when it moved."""
        if replaced is None:
            return []
        reference = self._services.reference
        before = dict(permit_lines(replaced.family, json.loads(replaced.details or "{}"),
                                   reference))
        now = permit_lines(permit.family, json.loads(permit.details or "{}"), reference)
        changes = [[label, before.get(label, ""), text] for label, text in now
                   if " ".join(before.get(label, "").split()) != " ".join(text.split())]
        if permit.holder_id != replaced.holder_id:  # a transfer: (from whom, to whom)
            changes.insert(0, ["Tổ chức, cá nhân được cấp", *holders])
        if permit.valid_until != replaced.valid_until:
            changes.append(["Thời hạn", f"đến ngày {replaced.valid_until:%d/%m/%Y}"
                            if replaced.valid_until else "",
                            f"đến ngày {permit.valid_until:%d/%m/%Y}"
                            if permit.valid_until else ""])
        return changes

    def decision_data(self, number: str, signer: str | None = None, *, action: str = "revoke"
                      ) -> dict[str, Any]:
        shown = self._services.permits.show(number)  # checks the right to view it
        with self._services.db.session() as session:
            permit = _permit_row(session, shown)
            # the decision's date as its number was registered (on the working clock), not the
            # row's stamp (real time: a demo's decisions would say the real date)
            registered = session.execute(select(NumberRecord.document_date).where(
                NumberRecord.reference == f"{DECISION_REFERENCE}{permit.id}",
                NumberRecord.text == permit.decision_number, NumberRecord.state == "issued")
            ).scalars().first()
            decided = registered or permit.updated_at.astimezone(LOCAL_TZ).date()
            holder = self._party(session.get(Party, permit.holder_id))
        unit_name, unit_code = self._unit_for(permit.area, decided)
        return {
            "profile": self._profile(decided),
            "agency_basis": self._services.reference.agency_basis(decided),
            "number": permit.decision_number, "decided_on": decided,
            "reason": permit.decision_reason or "", "until": permit.suspended_until,
            "permit": {"number": permit.number, "title": permit.title,
                       "issued_on": permit.issued_on, "holder": shown["holder"],
                       "holder_party": holder},
            # the power in force on the decision's date and the kind's name (data)
            **decision_wording(permit.family, action, decided),
            "unit_name": unit_name, "unit_abbreviation": unit_code,
            "signer": self._signer(signer, decided),
            "extra_recipients": extra_recipients(permit.family, decided, decision=True),
        }

    def form_data(self, form: str, code: str, signer: str | None = None) -> dict[str, Any]:
        """The data of one-stop form `form` (01–05) of a dossier. Each form is dated by the step
        it records (01: the receipt, 02: the supplement request, 03: the refusal, 04: the
        apology, 05: the last step so far), never by the day it is printed, and signed by the
        person who took that step."""
        shown = self._services.dossiers.show(code)
        with self._services.db.session() as session:
            dossier = session.execute(select(Dossier).where(Dossier.code == shown["code"])
                                      ).scalar_one()
            applicant = self._party(session.get(Party, dossier.applicant_id))
            people = {username: (full_name, unit) for username, full_name, unit in
                      session.execute(select(User.username, User.full_name, User.unit_code))}
            unit_names = dict(session.execute(select(Unit.code, Unit.name)).all())
            year_start = dt.datetime(dossier.received_at.astimezone(LOCAL_TZ).year, 1, 1,
                                     tzinfo=LOCAL_TZ).astimezone(dt.UTC)
            # the entry number of the year's book (form 06 numbers it the same way)
            seq = session.execute(select(func.count()).select_from(Dossier).where(
                Dossier.received_at >= year_start,
                (Dossier.received_at < dossier.received_at)
                | ((Dossier.received_at == dossier.received_at) & (Dossier.code <= dossier.code)))
            ).scalar_one()
            events = session.execute(select(DossierEvent).where(
                DossierEvent.dossier_id == dossier.id).order_by(DossierEvent.id)).scalars().all()
        names = {username: full_name for username, (full_name, _unit) in people.items()}
        procedure = load_catalogue().get(dossier.procedure_key, on=dossier.procedure_version)
        received_local = dossier.received_at.astimezone(LOCAL_TZ)
        unit_name, unit_code = self._unit_for(dossier.area, received_local.date())
        texts = _in_force(_texts()["one_stop_forms"], received_local.date())
        # the appointment given when the (complete) dossier was received, not a date moved
        # since by an apology (form 04 says that one)
        given = [e.due_after for e in events if e.kind in ("received", "supplement_received")
                 and e.due_after is not None]
        due = given[-1] if given else dossier.due_date
        data: dict[str, Any] = {
            "profile": self._profile(received_local.date()), "circular": texts["circular"],
            "desk_name": texts["desk_name"], "applicant": applicant,
            "clerk": {"full_name": names.get(dossier.received_by, dossier.received_by)},
            "unit_name": unit_name, "unit_abbreviation": unit_code,
            "printed_on": received_local.date(),
            "dossier": {
                "code": dossier.code, "procedure_name": dossier.procedure_name,
                "time_limit": procedure.time_limit,
                "unit_label": "ngày làm việc" if procedure.unit is TimeUnit.WORKING_DAYS
                else "ngày",
                "received_at": received_local, "due": due,
                # the appointment: the due day, at the hour of the day the dossier came in
                "return_at": dt.datetime.combine(due, received_local.time().replace(
                    second=0, microsecond=0), tzinfo=LOCAL_TZ),
                "checklist": json.loads(dossier.checklist),
                "book_number": texts.get("book_number", "01"), "book_seq": f"{seq:02d}",
                "book_year": received_local.year,
            },
        }

        def last(*kinds: str) -> DossierEvent:
            found = [e for e in events if e.kind in kinds]
            if not found:
                raise ValidationError(_(FORM_NOT_YET).format(form=form))
            return found[-1]

        def dated(event: DossierEvent) -> dt.date:
            return event.at.astimezone(LOCAL_TZ).date()

        if form == "02":
            event = last(*FORM_NEEDS["02"])
            data["reason"] = event.detail
            data["missing"] = [c["name"] for c in json.loads(dossier.checklist)
                               if not c.get("provided", True)]
            data["clerk"] = {"full_name": names.get(event.by, event.by)}
            data["printed_on"] = dated(event)
        elif form == "03":
            event = last(*FORM_NEEDS["03"])
            data["reason"] = event.detail
            data["clerk"] = {"full_name": names.get(event.by, event.by)}
            data["printed_on"] = dated(event)
            if event.kind == "refuse":  # after appraisal: the agency refuses, its leader signs
                data["after_appraisal"] = True
                data["signer"] = self._refusing_signer(signer, names.get(event.by, ""),
                                                       data["printed_on"])
        elif form == "04":
            event = last(*FORM_NEEDS["04"])
            data["reason"] = event.detail
            data["dossier"]["old_due"] = event.due_before
            data["dossier"]["new_due"] = event.due_after
            data["printed_on"] = dated(event)
            data["signer"] = self._signer(signer, data["printed_on"])
        elif form == "05":
            data["steps"] = self._steps(events, dossier, people, unit_names, {
                "desk": texts["desk_name"], "area": unit_name or texts["desk_name"],
                "leaders": texts.get("leaders", "Lãnh đạo Sở"), "applicant": applicant["name"]})
            data["printed_on"] = dated(events[-1]) if events else received_local.date()
        return data

    def _steps(self, events: list[DossierEvent], dossier: Dossier,
               people: dict[str, tuple[str, str | None]], unit_names: dict[str, str],
               places: dict[str, str]) -> list[dict[str, Any]]:
        """The rows of form 05: each step of the dossier's history with where it was, when,
        who handed the dossier over and who took it (the people who did the steps, from the
        history), the result against the due date and a note."""

        def name(username: str) -> str:
            return people.get(username, (username, None))[0]

        def place(event: DossierEvent) -> str:
            if event.kind in DESK_STEPS:
                return places["desk"]
            unit = people.get(event.by, ("", None))[1]
            if unit and unit in unit_names:
                return unit_names[unit]
            return places["leaders"] if event.kind in LEADER_STEPS else places["area"]

        units = self._services.dossiers.units()  # code → name, as hand-overs name them
        steps: list[dict[str, Any]] = []
        holder_place, holder_person = places["desk"], ""
        for event in events:
            local = event.at.astimezone(LOCAL_TZ)
            result = ""
            if event.kind in ("result_ready", "refuse", "return_result"):
                due = event.due_after or dossier.due_date
                result = ("Trước hạn" if local.date() < due else
                          "Đúng hạn" if local.date() == due else "Quá hạn")
            here, person = place(event), name(event.by)
            row = {"step": VI_EVENTS.get(event.kind, event.kind), "result": result,
                   "at": f"{local:%H} giờ {local:%M} phút, ngày {local:%d/%m/%Y}",
                   "note": "" if event.kind == "received" else event.detail}
            if event.kind in ("received", "supplement_received"):  # from the applicant
                row.update(giver=places["applicant"], giver_place="", taker=person,
                           taker_place=here)
            elif event.kind == "hand_over":  # to the unit the detail names last
                named = [(event.detail.rfind(unit), code) for code, unit in units.items()
                         if unit in event.detail]
                to_code = max(named)[1] if named else ""
                to_place = places["desk"] if to_code == ONE_STOP_UNIT else units.get(to_code, "")
                row.update(giver=person, giver_place=holder_place, taker="",
                           taker_place=to_place)
                here, person = to_place or holder_place, ""
            elif event.kind == "return_result":
                row.update(giver=person, giver_place=here, taker=places["applicant"],
                           taker_place=places["applicant"])
            elif here == holder_place and (not holder_person or holder_person == person):
                row.update(giver="", giver_place="", taker=person, taker_place=here)
            else:
                row.update(giver=holder_person, giver_place=holder_place, taker=person,
                           taker_place=here)
            holder_place, holder_person = here, person
            steps.append(row)
        return steps

    @staticmethod
    def _period(ref: str) -> tuple[dt.date, dt.date, str]:
        """`2026` (a year) or `2026-11` (a month)."""
        try:
            if len(ref) == 4:
                year = int(ref)
                return dt.date(year, 1, 1), dt.date(year + 1, 1, 1), f"năm {year}"
            year, month = (int(p) for p in ref.split("-"))
            start = dt.date(year, month, 1)
        except ValueError as error:
            raise ValidationError(_("Give the period as YYYY or YYYY-MM, e.g. 2026-11.")
                                  ) from error
        end = dt.date(year + (month == 12), month % 12 + 1, 1)
        return start, end, f"tháng {month:02d} năm {year}" if month <= 2 else \
            f"tháng {month} năm {year}"

    def book_data(self, period: str) -> dict[str, Any]:
        self._services.require("one_stop", "view")
        start, end, label = self._period(period)

        def utc(day: dt.date) -> dt.datetime:
            return dt.datetime(day.year, day.month, day.day, tzinfo=LOCAL_TZ).astimezone(dt.UTC)

        with self._services.db.session() as session:
            before = session.execute(select(func.count()).select_from(Dossier).where(
                Dossier.received_at >= utc(dt.date(start.year, 1, 1)),
                Dossier.received_at < utc(start))).scalar_one()
            rows = session.execute(
                select(Dossier, Party.name, Party.address, Party.phone)
                .join(Party, Party.id == Dossier.applicant_id)
                .where(Dossier.received_at >= utc(start), Dossier.received_at < utc(end))
                .order_by(Dossier.received_at, Dossier.code)).all()
        entries = []
        for index, (dossier, name, address, phone) in enumerate(rows):
            entries.append({
                "seq": before + index + 1, "code": dossier.code,
                "procedure_name": dossier.procedure_name, "applicant": name,
                "contact": ", ".join(p for p in (address, phone) if p),
                "received_at": dossier.received_at, "due": dossier.due_date,
                "finished_at": dossier.finished_at,
                "status": VI_STATES.get(dossier.state, dossier.state)})
        texts = _in_force(_texts()["one_stop_forms"], start)
        return {"profile": self._profile(start), "year": start.year, "period_label": label,
                "book_number": texts["book_number"], "printed_on": _local_today(),
                "entries": entries}

    def file_data(self, path: str, signer: str | None = None) -> dict[str, Any]:
        file = Path(path)
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
        except FileNotFoundError as error:
            raise ValidationError(_("There is no file {path}.").format(path=path)) from error
        except (ValueError, UnicodeDecodeError) as error:
            raise ValidationError(_("{path} is not a JSON file in UTF-8: {error}").format(
                path=path, error=error)) from error
        if not isinstance(data, dict):
            raise ValidationError(_("{path} must hold one JSON object.").format(path=path))
        foreign = sorted(set(data) - FILE_FIELDS)
        if foreign:
            raise ValidationError(_(
                "{path} may not set {fields}: the agency header and the signature come from the "
                "organisation profile. A file may give: {allowed}.").format(
                path=path, fields=", ".join(foreign), allowed=", ".join(sorted(FILE_FIELDS))))
        try:
            on = dt.date.fromisoformat(data["date"]) if data.get("date") else _local_today()
        except (TypeError, ValueError) as error:
            raise ValidationError(_("{path}: write the date as YYYY-MM-DD.").format(
                path=path)) from error
        if data.get("number") and not self._services.numbering.is_registered(
                str(data["number"]), on.year):
            raise ValidationError(_(
                "{number} is not in the register of outgoing documents of {year}: the Văn thư "
                "records it first (number record-outside), or leave the number out to print a "
                "draft.").format(number=data["number"], year=on.year))
        data["profile"] = self._profile(on)
        data["signer"] = self._signer(signer, on)
        return data

    # --- verification codes (services/verification.py) -----------------------------------------

    def verification_code(self, permit: Permit, holder_name: str) -> str:
        return self._services.verification.code_for(permit, holder_name)

    def verify(self, text: str) -> dict[str, Any]:
        """Check a code (or a PDF or a scan of a permit) offline."""
        return self._services.verification.verify(text)

    # --- batches ---------------------------------------------------------------------------------

    def permits_issued_on(self, day: dt.date) -> list[str]:
        """References of the permits issued on a day, for a batch print."""
        return [p["reference"] for p in self._services.permits.list(issued_on=day,
                                                                     limit=100_000)]

    def batch_of(self, day: dt.date) -> tuple[list[str], dict[str, str]]:
        """The permits issued on a day that this actor may print, and why each other may not
        be printed by them (the first print of a permit is its signing)."""
        printable: list[str] = []
        refused: dict[str, str] = {}
        for permit in self._services.permits.list(issued_on=day, limit=100_000):
            reason = self.print_refusal("permit", permit["reference"], area=permit["area"])
            if reason:
                refused[permit["number"]] = reason
            else:
                printable.append(permit["reference"])
        return printable, refused

    def forms_for(self, dossier: dict[str, Any]) -> dict[str, str | None]:
        """Forms 01–06 for a dossier (as `DossierService.show` gives it), each with why it does
        not apply yet (None: it does): 02–04 print a step the dossier must have taken."""
        kinds = {event["kind"] for event in dossier["timeline"]}
        result: dict[str, str | None] = {}
        for number in ONE_STOP_FORMS:
            if FORM_NEEDS.get(number) and not kinds.intersection(FORM_NEEDS[number]):
                result[number] = _(FORM_NOT_YET).format(form=number)
            elif number in ISSUED_FORMS:
                result[number] = self.print_refusal(f"form-{number}", dossier["code"],
                                                    area=dossier["area"])
            else:
                result[number] = None
        return result

    def print_refusal(self, kind: str, subject_ref: str, *, area: str) -> str | None:
        """Why the actor may not print this document now (None: they may): a document issued
        once needs the issuing right for its first print, viewing for a reprint."""
        if not self._template(kind).snapshot or self._stored(kind, subject_ref) is not None:
            return self._services.refusal(area, "view")
        return self._services.refusal(*_issuing_right(kind, area))

    def form(self, number: str, dossier_code: str) -> tuple[str, str]:
        """(kind, id) of one-stop form `number` of a dossier: 06 is the book of its month."""
        if number == "06":
            received = self._services.dossiers.show(dossier_code)["received_at"]
            return "form-06", f"{received.astimezone(LOCAL_TZ):%Y-%m}"
        return f"form-{number}", dossier_code
