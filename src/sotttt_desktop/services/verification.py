"""The verification code of a permit: signed with the Department's key, checked anywhere.

The installation's Ed25519 private key is made once, kept in the database (`app_state`, shared by
every desk of that database) and never exported. Its public key is exported to a small text file
(`key export`) and imported by other installations (`key import`: district offices, other
Departments, inspectors' laptops), which then check the Department's permits offline.

A check says, in order: the code is not well formed or its signature fails → forged; it was
signed by a key this installation does not hold → unknown key; it was signed here → the register
says whether the permit is in force; it was signed by a trusted key → genuine, with the signed
facts (whether it was suspended or revoked since is known only to the agency that issued it).
Codes of version 1 (HMAC, before issue #13) still verify on the database that made them.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import datetime as dt
import json
from collections.abc import Callable
from contextlib import AbstractContextManager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from sotttt_desktop.core import audit, clock, verification
from sotttt_desktop.core.models import AppState, IssuedDocument, Party, Permit, utcnow
from sotttt_desktop.core.text import clean
from sotttt_desktop.errors import ValidationError
from sotttt_desktop.i18n import N_, _, format_date
from sotttt_desktop.resources import resource_path

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from sotttt_desktop.services.facade import Services

SIGNING_KEY = "document_signing_key"  # JSON: private key (hex), created at
LEGACY_KEY = "document_verification_key"  # version 1: the HMAC secret (hex)
TRUSTED_PREFIX = "trusted_document_key:"  # + key id (hex): JSON of an imported public key
KEY_FILE_FORMAT = "sotttt-document-public-key"
KEY_FILE_LIMIT = 64 * 1024

LABELS = {  # N_(): shown in the user's language
    "valid": N_("in force"), "expired": N_("expired"), "suspended": N_("suspended for now"),
    "revoked": N_("revoked"), "superseded": N_("replaced by another document"),
    "forged": N_("forged or altered — it does not match the register of permits"),
    "unknown_key": N_("cannot be checked here: it was signed with a key this installation does "
                      "not hold"),
    "unknown_code": N_("no document issued here has this code"),
}
FORGED_SIGNATURE = N_("forged or altered — the signature does not match")
GENUINE = N_("genuine: signed by {agency}")
GENUINE_EXPIRED = N_("genuine, signed by {agency}, but expired")
NOTES = {
    "foreign": N_("Whether it has been suspended or revoked since is known to the agency that "
                  "issued it."),
    "unknown_key": N_("Ask the administrator to import the public key of the agency that issued "
                      "it, or ask that agency."),
    "unknown_code": N_("A document of another agency is checked from its QR symbol or its PDF, "
                       "not from the short code."),
}


def _today() -> dt.date:
    return clock.local_today()


def _permit_facts(permit: Permit, holder: str) -> verification.SignedFacts:
    return verification.SignedFacts(permit.number, permit.number_year, permit.issued_on,
                                     permit.valid_from, permit.valid_until, holder)


class VerificationService:
    def __init__(self, services: Services):
        self._services = services

    # --- this installation's key -----------------------------------------------------------------

    def _private_key(self, *, create: bool) -> bytes | None:
        with self._services.db.session() as session:
            row = session.get(AppState, SIGNING_KEY)
            if row is not None:
                return bytes.fromhex(json.loads(row.value)["private_key"])
        if not create:
            return None
        private = verification.new_private_key()
        public = verification.public_key_of(private)
        try:
            with self._services.db.session(write=True) as session:
                if session.get(AppState, SIGNING_KEY) is None:
                    session.add(AppState(key=SIGNING_KEY, value=json.dumps({
                        "private_key": private.hex(), "created_at": utcnow().isoformat()})))
                    audit.append(session, username=self._services.actor.username,
                                 action="create_signing_key", entity_kind="signing_key",
                                 entity_id=verification.key_id(public).hex(),
                                 summary=_("The key that signs this installation's documents "
                                           "was created"),
                                 after={"fingerprint": verification.fingerprint(public)})
                    session.commit()
        except IntegrityError:  # another desk made it at the same moment: theirs is the key
            pass
        return self._private_key(create=False)

    def _agency(self) -> str:
        try:
            profile = self._services.reference.profile(_today())
        except Exception:  # noqa: BLE001 - no profile yet: the file says so, the importer names it
            return ""
        name = profile.get("agency_name") or ""
        parent = profile.get("parent_body_short") or profile.get("parent_body") or ""
        return f"{name} ({parent})" if name and parent else name

    def own_key(self) -> dict[str, Any] | None:
        """This installation's public key (None until a permit was signed or it was exported)."""
        private = self._private_key(create=False)
        if private is None:
            return None
        public = verification.public_key_of(private)
        return {"key_id": verification.key_id(public).hex(),
                "fingerprint": verification.fingerprint(public), "agency": self._agency(),
                "public_key": base64.b64encode(public).decode("ascii")}

    def export_public_key(self, deliver: Callable[[str], AbstractContextManager[None]] | None
                          = None) -> str:
        """The text of the public key file other installations import (administrators).
        `deliver(text)`, if given, puts it where it goes: the export is recorded only if that
        succeeds."""
        self._services.require("admin", "administer")
        public = verification.public_key_of(self._private_key(create=True) or b"")
        fingerprint = verification.fingerprint(public)
        agency = self._agency()
        text = json.dumps({
            "format": KEY_FILE_FORMAT, "version": 1, "agency": agency,
            "public_key": base64.b64encode(public).decode("ascii"),
            "fingerprint": fingerprint, "exported_on": _today().isoformat(),
        }, ensure_ascii=False, indent=2) + "\n"
        with self._services.db.session(write=True) as session:
            audit.append(session, username=self._services.actor.username,
                         action="export_public_key", entity_kind="signing_key",
                         entity_id=verification.key_id(public).hex(),
                         summary=_("Public key exported: {fingerprint}").format(
                             fingerprint=fingerprint),
                         after={"fingerprint": fingerprint, "agency": agency})
            session.flush()
            with deliver(text) if deliver else contextlib.nullcontext():
                session.commit()
        return text

    # --- keys of other installations ------------------------------------------------------------

    def import_public_key(self, text: str, agency: str | None = None) -> dict[str, Any]:
        """Trust the key in a file `export_public_key` wrote (administrators). `agency` names
        the agency when the file does not, or corrects it."""
        self._services.require("admin", "administer")
        public, named = _read_key_file(text)
        agency = clean(agency) or clean(named)
        if not agency:
            raise ValidationError(_("The key file does not name its agency: give the agency's "
                                    "name."))
        fingerprint = verification.fingerprint(public)
        own = self._private_key(create=False)
        if own is not None and verification.public_key_of(own) == public:
            raise ValidationError(_("This is this installation's own key: it needs no import."))
        key = TRUSTED_PREFIX + verification.key_id(public).hex()
        actor = self._services.actor.username
        with self._services.db.session(write=True) as session:
            row = session.get(AppState, key)
            before = json.loads(row.value) if row else None
            if before and before["public_key"] != base64.b64encode(public).decode("ascii"):
                raise ValidationError(_("Another trusted key has the same identifier: remove it "
                                        "first ({fingerprint}).").format(
                                            fingerprint=before["fingerprint"]))
            value = {"public_key": base64.b64encode(public).decode("ascii"), "agency": agency,
                     "fingerprint": fingerprint,
                     "added_on": before["added_on"] if before else _today().isoformat(),
                     "added_by": before["added_by"] if before else actor}
            if row is None:
                session.add(AppState(key=key, value=json.dumps(value, ensure_ascii=False)))
            else:
                row.value = json.dumps(value, ensure_ascii=False)
            audit.append(session, username=actor, action="import_public_key",
                         entity_kind="trusted_key", entity_id=key[len(TRUSTED_PREFIX):],
                         summary=_("Public key of {agency} trusted: {fingerprint}").format(
                             agency=agency, fingerprint=fingerprint),
                         before={k: before[k] for k in ("agency", "fingerprint")} if before
                         else None, after={"agency": agency, "fingerprint": fingerprint})
            session.commit()
        return {**value, "key_id": key[len(TRUSTED_PREFIX):], "already_trusted": before is not None}

    def trusted_keys(self) -> list[dict[str, Any]]:
        """The keys imported into this database, then those shipped with the installation."""
        with self._services.db.session() as session:
            rows = session.execute(select(AppState).where(AppState.key.like(
                f"{TRUSTED_PREFIX}%")).order_by(AppState.key)).scalars().all()
            imported = [{**json.loads(row.value), "key_id": row.key[len(TRUSTED_PREFIX):],
                         "source": "imported"} for row in rows]
        known = {key["key_id"] for key in imported}
        return imported + [key for key_id, key in bundled_keys(bundled_keys_folder()).items()
                           if key_id not in known]

    def remove_trusted_key(self, fingerprint: str) -> dict[str, Any]:
        """Stop trusting a key (administrators): its codes then say "unknown key"."""
        self._services.require("admin", "administer")
        wanted = "".join(fingerprint.split()).upper().replace("-", "")
        with self._services.db.session(write=True) as session:
            for row in session.execute(select(AppState).where(AppState.key.like(
                    f"{TRUSTED_PREFIX}%"))).scalars():
                value = json.loads(row.value)
                if wanted and value["fingerprint"].replace("-", "") == wanted:
                    session.delete(row)
                    audit.append(session, username=self._services.actor.username,
                                 action="remove_public_key", entity_kind="trusted_key",
                                 entity_id=row.key[len(TRUSTED_PREFIX):],
                                 summary=_("Public key of {agency} no longer trusted: "
                                           "{fingerprint}").format(
                                               agency=value["agency"],
                                               fingerprint=value["fingerprint"]),
                                 before={"agency": value["agency"],
                                         "fingerprint": value["fingerprint"]})
                    session.commit()
                    return value
        raise ValidationError(_("No trusted key has the fingerprint {fingerprint}.").format(
            fingerprint=fingerprint))

    def _trusted(self, key_id: bytes) -> dict[str, Any] | None:
        with self._services.db.session() as session:
            row = session.get(AppState, TRUSTED_PREFIX + key_id.hex())
            value = json.loads(row.value) if row is not None else None
        if value is None:
            value = bundled_keys(bundled_keys_folder()).get(key_id.hex())
        if value is None:
            return None
        return {**value, "public": base64.b64decode(value["public_key"])}

    # --- codes ----------------------------------------------------------------------------------

    def code_for(self, permit: Permit, holder_name: str) -> str:
        """The signed code printed as the permit's QR symbol."""
        private = self._private_key(create=True)
        assert private is not None
        return verification.sign(private, _permit_facts(permit, holder_name))

    def verify(self, text: str) -> dict[str, Any]:
        """Check a code, a short code, a PDF or a scan, offline."""
        payload = text.strip()
        if not payload:
            raise ValidationError(_("Give the code printed under the QR symbol, or a file."))
        if not payload.upper().startswith(verification.CODE_PREFIXES) and _is_file(payload):
            from sotttt_desktop.documents.scan import codes_in_file

            path = Path(payload)
            found = codes_in_file(path)
            if not found:
                raise ValidationError(_("No verification code was found in {path} (if the scan "
                                        "is blurred, type the code printed under the QR "
                                        "symbol).").format(path=path))
            payload = found[0]
        signed = verification.read_signed(payload)
        if signed is not None:
            return self._verify_signed(signed)
        if "".join(payload.split()).upper().startswith(verification.SIGNED_PREFIX):
            return _verdict("forged", payload, label=_(FORGED_SIGNATURE))
        short = verification.normalised_short_form(payload)
        if short is not None:
            return self._verify_short(short)
        return self._verify_legacy(" ".join(payload.split()))

    def _verify_signed(self, signed: verification.SignedCode) -> dict[str, Any]:
        private = self._private_key(create=False)
        own = verification.public_key_of(private) if private else None
        if own is not None and verification.key_id(own) == signed.key_id:
            if not signed.signed_by(own):
                return _verdict("forged", signed.text, label=_(FORGED_SIGNATURE))
            verdict = self._in_register(signed.text, signed.facts)
            verdict["signed_by"] = self._agency()
            verdict["fingerprint"] = verification.fingerprint(own)
            return verdict
        trusted = self._trusted(signed.key_id)
        if trusted is None:
            return _verdict("unknown_key", signed.text, note=_(NOTES["unknown_key"]))
        if not signed.signed_by(trusted["public"]):
            return _verdict("forged", signed.text, label=_(FORGED_SIGNATURE))
        facts = signed.facts
        expired = facts.valid_until is not None and facts.valid_until < _today()
        label = _(GENUINE_EXPIRED if expired else GENUINE).format(agency=trusted["agency"])
        verdict = _verdict("expired" if expired else "valid", signed.text, label=label,
                           note=_(NOTES["foreign"]), permit={
                               "number": facts.number, "year": facts.year, "title": None,
                               "holder": facts.holder, "issued_on": facts.issued_on,
                               "valid_from": facts.valid_from, "valid_until": facts.valid_until,
                               "decision_number": None, "suspended_until": None})
        verdict.update(signed_by=trusted["agency"], fingerprint=trusted["fingerprint"],
                       checked_in_register=False)
        return verdict

    def _in_register(self, payload: str, facts: verification.SignedFacts | None,
                     legacy: verification.Code | None = None) -> dict[str, Any]:
        """The register's word on a code this installation made (signed, or version 1)."""
        number = facts.number if facts else legacy.number  # type: ignore[union-attr]
        year = facts.year if facts else legacy.year  # type: ignore[union-attr]
        with self._services.db.session() as session:
            prefix = number.split("/")[0]
            candidates = session.execute(select(Permit).where(
                Permit.number_year == year, Permit.number.like(f"{prefix}/%"))).scalars().all()
            if facts is not None:
                permit = next((p for p in candidates if p.number == number), None)
            else:
                permit = next((p for p in candidates
                               if verification.number_ascii(p.number) == number), None)
            if permit is None:
                return _verdict("forged", payload)
            holder = _holder_as_issued(session, permit)
            if facts is not None:
                if not verification.same_facts(facts, _permit_facts(permit, holder)):
                    return _verdict("forged", payload)
            elif not verification.matches(legacy, verification.Code(  # type: ignore[arg-type]
                    permit.number, permit.number_year, permit.issued_on, permit.valid_until,
                    holder)):
                return _verdict("forged", payload)
            status = permit.state
            if status == "valid" and permit.valid_until and permit.valid_until < _today():
                status = "expired"
            verdict = _verdict(status, payload, permit={
                "number": permit.number, "year": permit.number_year, "title": permit.title,
                "holder": holder, "issued_on": permit.issued_on, "valid_from": permit.valid_from,
                "valid_until": permit.valid_until, "decision_number": permit.decision_number,
                "suspended_until": permit.suspended_until})
        verdict["checked_in_register"] = True
        return verdict

    def _verify_short(self, short: str) -> dict[str, Any]:
        """A short code typed off the page: found among the permits issued here."""
        with self._services.db.session() as session:
            rows = session.execute(select(IssuedDocument.data).where(
                IssuedDocument.kind == "permit",
                IssuedDocument.data.like(f"%{verification.SIGNED_PREFIX}%"))).scalars()
            for data in rows:
                code = json.loads(data).get("qr_payload") or ""
                signed = verification.read_signed(code)
                if signed is not None and verification.short_form(code) == short:
                    return self._verify_signed(signed)
        return _verdict("unknown_code", short, note=_(NOTES["unknown_code"]))

    def _verify_legacy(self, payload: str) -> dict[str, Any]:
        with self._services.db.session() as session:
            row = session.get(AppState, LEGACY_KEY)
            secret = bytes.fromhex(row.value) if row is not None else None
        code = verification.parse(payload, secret) if secret is not None else None
        if code is None:
            return _verdict("forged", payload)
        return self._in_register(payload, None, legacy=code)


def _verdict(status: str, payload: str, *, label: str | None = None, note: str = "",
             permit: dict[str, Any] | None = None) -> dict[str, Any]:
    signed = verification.read_signed(payload)
    return {"status": status, "label": label or _(LABELS[status]), "payload": payload,
            "short_code": verification.short_form(signed.text) if signed else None,
            "permit": permit, "signed_by": None, "fingerprint": None,
            "checked_in_register": False, "note": note}


def _holder_as_issued(session: Session, permit: Permit) -> str:
    """The holder's name the permit was printed with (the register may have renamed the holder
    since; the paper is still genuine); never printed: the register's name."""
    for data in session.execute(select(IssuedDocument.data).where(
            IssuedDocument.subject_ref == f"{permit.number}@{permit.number_year}")).scalars():
        holder = (json.loads(data).get("holder") or {}).get("name")
        if holder is not None:
            return holder
    party = session.get(Party, permit.holder_id)
    return party.name if party else ""


def bundled_keys_folder() -> Path:
    """Public key files shipped with the installation (`resources/trusted_keys/*.pub`): a
    Department puts its own `dept.pub` there before building the installer it gives its district
    offices, which then check its permits with no import."""
    return resource_path("trusted_keys")


@cache
def bundled_keys(folder: Path) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for path in sorted(folder.glob("*.pub")) if folder.is_dir() else []:
        try:
            public, agency = _read_key_file(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValidationError):
            continue  # a damaged file trusts nothing
        key_id = verification.key_id(public).hex()
        found[key_id] = {"public_key": base64.b64encode(public).decode("ascii"),
                         "agency": agency or path.stem,
                         "fingerprint": verification.fingerprint(public), "added_on": "",
                         "added_by": _("shipped with the installation"), "key_id": key_id,
                         "source": "bundled"}
    return found


def _is_file(text: str) -> bool:
    try:
        return Path(text).is_file()
    except (OSError, ValueError):  # a name too long or with a NUL is no file
        return False


def _read_key_file(text: str) -> tuple[bytes, str]:
    """(public key, agency named in it) of a key file, or one clear reason it is not one."""
    not_a_key = _("This is not a public key file of sotttt-desktop (key export writes one).")
    if len(text) > KEY_FILE_LIMIT:
        raise ValidationError(not_a_key)
    try:
        data = json.loads(text)
    except ValueError as error:
        raise ValidationError(not_a_key) from error
    if not isinstance(data, dict) or data.get("format") != KEY_FILE_FORMAT:
        raise ValidationError(not_a_key)
    if data.get("version") != 1:
        raise ValidationError(_("This key file was written by a newer version: update the app."))
    try:
        public = base64.b64decode(str(data.get("public_key", "")), validate=True)
    except (ValueError, binascii.Error) as error:
        raise ValidationError(not_a_key) from error
    if len(public) != 32:
        raise ValidationError(not_a_key)
    stated = data.get("fingerprint")
    if stated and stated != verification.fingerprint(public):
        raise ValidationError(_("The key file is damaged: its fingerprint does not match its "
                                "key."))
    agency = data.get("agency")
    return public, agency if isinstance(agency, str) else ""


def describe(verdict: dict[str, Any]) -> list[str]:
    """The verdict as lines a person reads (the CLI and the dialog print the same)."""
    lines = [_("Status: {label}").format(label=verdict["label"])]
    permit = verdict.get("permit")
    if permit:
        if permit.get("title"):
            lines.append(_("Document: {title} No. {number}").format(title=permit["title"],
                                                                   number=permit["number"]))
        else:
            lines.append(_("Number: {number}").format(number=permit["number"]))
        lines.append(_("Holder: {holder}").format(holder=permit["holder"]))
        until = format_date(permit["valid_until"]) if permit.get("valid_until") else _("no term")
        lines.append(_("Issued on {issued}; valid from {start} until {until}").format(
            issued=format_date(permit["issued_on"]),
            start=format_date(permit.get("valid_from") or permit["issued_on"]), until=until))
        if permit.get("decision_number"):
            lines.append(_("Decision: {number}").format(number=permit["decision_number"]))
    if verdict.get("signed_by"):
        lines.append(_("Signed by: {agency} (key {fingerprint})").format(
            agency=verdict["signed_by"], fingerprint=verdict["fingerprint"]))
    if verdict.get("short_code") and verdict["status"] != "forged":
        lines.append(_("The page must read: Mã xác thực: {short}").format(
            short=verdict["short_code"]))
    if verdict.get("note"):
        lines.append(verdict["note"])
    return lines
