"""Reference data: organisation profile (effective-dated), units, signers, districts, communes."""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from sotttt_desktop.core import audit
from sotttt_desktop.core.models import Commune, District, OrganisationProfile, Signer, Unit
from sotttt_desktop.core.text import clean, fold
from sotttt_desktop.errors import NotFoundError, ValidationError
from sotttt_desktop.i18n import _, format_date
from sotttt_desktop.resources import resource_path

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from sotttt_desktop.services.facade import Services
    from sotttt_desktop.services.record_links import RecordLinks

PROFILE_FIELDS = (
    "parent_body", "parent_body_short", "agency_name", "abbreviation", "place_name",
    "address", "phone", "email", "website",
)
REQUIRED_PROFILE_FIELDS = ("parent_body", "parent_body_short", "agency_name", "abbreviation",
                           "place_name")


@dataclass(frozen=True)
class DistrictInfo:
    code: int
    name: str
    communes: tuple[tuple[int, str], ...]


class ReferenceService:
    def __init__(self, services: Services):
        self._services = services
        self._districts: dict[int, DistrictInfo] | None = None

    @property
    def links(self) -> RecordLinks:
        """Records of other registers and evidence files, for the field kinds that refer to
        them (every kind handler is given this service as its reference data)."""
        return self._services.links

    # --- seeding -------------------------------------------------------------------------------

    def seed_defaults(self, session: Session) -> bool:
        """Fill empty reference tables from resources/reference/. Returns True if anything was added."""
        added = False
        if session.execute(select(District.code).limit(1)).first() is None:
            data = json.loads(resource_path("reference", "divisions-binh-duong-2023.json")
                              .read_text(encoding="utf-8"))
            for district in data["districts"]:
                session.add(District(code=district["code"], name=district["name"]))
                for commune in district["communes"]:
                    session.add(Commune(code=commune["code"], name=commune["name"],
                                        district_code=district["code"]))
            session.flush()
            added = True
        org = self._organisation_defaults
        actor = self._services.actor.username
        if session.execute(select(OrganisationProfile.id).limit(1)).first() is None:
            for profile in org["profile"]:
                session.add(OrganisationProfile(**profile, created_by=actor, updated_by=actor))
            added = True
        if session.execute(select(Unit.id).limit(1)).first() is None:
            for order, unit in enumerate(org["unit"]):
                session.add(Unit(**{**unit, "areas": ",".join(unit.get("areas", []))},
                                 sort_order=order, created_by=actor, updated_by=actor))
            added = True
        if session.execute(select(Signer.id).limit(1)).first() is None:
            for signer in org["signer"]:
                session.add(Signer(**signer, created_by=actor, updated_by=actor))
            added = True
        self._districts = None
        return added

    @cached_property
    def _organisation_defaults(self) -> dict:
        with resource_path("reference", "organisation.toml").open("rb") as fh:
            return tomllib.load(fh)

    # --- organisation profile -------------------------------------------------------------------

    def profile(self, on: dt.date | None = None) -> dict:
        """The profile in force on a date (today by default) as plain data."""
        on = on or dt.date.today()
        with self._services.db.session() as session:
            row = session.execute(
                select(OrganisationProfile)
                .where(OrganisationProfile.effective_from <= on)
                .order_by(OrganisationProfile.effective_from.desc())
                .limit(1)
            ).scalar_one_or_none()
            if row is None:
                first = session.execute(select(func.min(OrganisationProfile.effective_from))
                                        ).scalar_one_or_none()
                if first is not None:  # a date before the Department's first profile
                    raise ValidationError(_("{day} is before {first}, the first day of the "
                                            "organisation profile: no document can be dated "
                                            "then.").format(day=format_date(on),
                                                           first=format_date(first)))
                raise NotFoundError(_("The organisation profile has not been set up."))
            return _profile_dict(row)

    def profile_versions(self) -> list[dict]:
        with self._services.db.session() as session:
            rows = session.execute(
                select(OrganisationProfile).order_by(OrganisationProfile.effective_from)
            ).scalars()
            return [_profile_dict(row) for row in rows]

    def save_profile(self, values: dict[str, str], effective_from: dt.date) -> dict:
        """Record the profile valid from `effective_from` (a new version, or that date's version)."""
        cleaned = {name: clean(values.get(name)) for name in PROFILE_FIELDS}
        errors = {
            name: _("This field is required.")
            for name in REQUIRED_PROFILE_FIELDS if not cleaned[name]
        }
        if errors:
            raise ValidationError(_("The organisation profile is incomplete."), errors)
        self._services.require("admin", "administer")
        actor = self._services.actor.username
        with self._services.db.session(write=True) as session:
            row = session.execute(
                select(OrganisationProfile).where(OrganisationProfile.effective_from == effective_from)
            ).scalar_one_or_none()
            before = _profile_dict(row) if row else None
            if row is None:
                row = OrganisationProfile(effective_from=effective_from, created_by=actor)
                session.add(row)
            for name, value in cleaned.items():
                setattr(row, name, value)
            row.updated_by = actor
            session.flush()
            after = _profile_dict(row)
            audit.append(session, username=actor, action="update" if before else "create",
                         entity_kind="organisation_profile", entity_id=row.id,
                         summary=after["effective_from"], before=before, after=after)
            session.commit()
            return after

    # --- units and signers -----------------------------------------------------------------------

    def units(self) -> list[dict]:
        with self._services.db.session() as session:
            rows = session.execute(select(Unit).order_by(Unit.sort_order, Unit.name)).scalars()
            return [{"code": u.code, "name": u.name, "kind": u.kind, "active": u.active}
                    for u in rows]

    def signers(self, on: dt.date | None = None) -> list[dict]:
        on = on or dt.date.today()
        with self._services.db.session() as session:
            rows = session.execute(
                select(Signer).where(Signer.active_from <= on)
                .where((Signer.active_until.is_(None)) | (Signer.active_until >= on))
                .order_by(Signer.active_from, Signer.full_name)
            ).scalars()
            return [{"id": str(s.id), "full_name": s.full_name, "position": s.position,
                     "authority": s.authority} for s in rows]

    # --- divisions -------------------------------------------------------------------------------

    def districts(self) -> dict[int, DistrictInfo]:
        if self._districts is None:
            with self._services.db.session() as session:
                communes: dict[int, list[tuple[int, str]]] = {}
                for code, name, district in session.execute(
                    select(Commune.code, Commune.name, Commune.district_code).order_by(Commune.name)
                ):
                    communes.setdefault(district, []).append((code, name))
                self._districts = {
                    code: DistrictInfo(code, name, tuple(communes.get(code, ())))
                    for code, name in session.execute(
                        select(District.code, District.name).order_by(District.name)
                    )
                }
        return self._districts

    def district_name(self, code: int | None) -> str:
        if code is None:
            return ""
        info = self.districts().get(code)
        return info.name if info else str(code)

    def commune_name(self, code: int | None) -> str:
        if code is None:
            return ""
        for info in self.districts().values():
            for commune_code, name in info.communes:
                if commune_code == code:
                    return name
        return str(code)

    def find_district(self, text: str) -> int:
        """A district by code or by name, typed with or without diacritics or its prefix."""
        text = text.strip()
        districts = self.districts()
        if text.isdigit() and int(text) in districts:
            return int(text)
        wanted = _strip_division_prefix(fold(text))
        for code, info in districts.items():
            if _strip_division_prefix(fold(info.name)) == wanted:
                return code
        names = ", ".join(info.name for info in districts.values())
        raise ValidationError(
            _("Unknown district: {value}. Known districts: {names}.").format(value=text, names=names),
            {"district_code": _("Unknown district.")},
        )


_DIVISION_PREFIXES = ("thanh pho ", "thi xa ", "huyen ", "tp. ", "tp ", "tx. ", "tx ", "h. ")


def _strip_division_prefix(folded: str) -> str:
    for prefix in _DIVISION_PREFIXES:
        if folded.startswith(prefix):
            return folded[len(prefix):]
    return folded


def _profile_dict(row: OrganisationProfile) -> dict:
    data = {name: getattr(row, name) for name in PROFILE_FIELDS}
    data["effective_from"] = row.effective_from.isoformat()
    return data
