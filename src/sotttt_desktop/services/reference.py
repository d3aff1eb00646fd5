"""Reference data: the organisation profile as history (periods with their founding decision and
units), signers, districts, communes."""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from sotttt_desktop.core import audit, clock
from sotttt_desktop.core.models import Commune, District, OrganisationProfile, Signer, Unit
from sotttt_desktop.core.text import clean, fold
from sotttt_desktop.errors import NotFoundError, ValidationError
from sotttt_desktop.i18n import _, format_date
from sotttt_desktop.resources import resource_path
from sotttt_desktop.services.organisation_periods import (
    clean_founding,
    clean_signers,
    clean_units,
    read_period_file,
    units_json,
)

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
            for period in org["period"]:
                errors: dict[str, str] = {}
                founding = clean_founding(period["founding_decision"], errors)
                units = clean_units(period["unit"], errors)
                if errors:  # shipped data: a mistake in it is a bug, named
                    raise ValueError(f"organisation.toml {period['effective_from']}: {errors}")
                session.add(OrganisationProfile(
                    effective_from=period["effective_from"],
                    **{name: period.get(name) for name in PROFILE_FIELDS},
                    **_founding_columns(founding), units=units_json(units),
                    created_by=actor, updated_by=actor))
            added = True
        if session.execute(select(Unit.id).limit(1)).first() is None:
            latest: dict[str, dict] = {}  # every unit code of the history, with its last name
            for period in org["period"]:
                latest.update({unit["code"]: unit for unit in period["unit"]})
            for order, unit in enumerate(latest.values()):
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
        """The period in force on a date (today by default) as plain data: the header fields,
        `founding_decision`, `units`, `effective_from` and `effective_until` (None: open)."""
        on = on or clock.local_today()
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
            following = session.execute(
                select(func.min(OrganisationProfile.effective_from))
                .where(OrganisationProfile.effective_from > row.effective_from)
            ).scalar_one_or_none()
            return _profile_dict(row, following)

    def profile_versions(self) -> list[dict]:
        """Every period, oldest first, each with the day it ends (None: still in force)."""
        with self._services.db.session() as session:
            rows = session.execute(
                select(OrganisationProfile).order_by(OrganisationProfile.effective_from)
            ).scalars().all()
            return [_profile_dict(row, rows[i + 1].effective_from if i + 1 < len(rows) else None)
                    for i, row in enumerate(rows)]

    def agency_basis(self, on: dt.date) -> str:
        """The first legal basis of a document dated `on`: the decision that founded the agency
        of the period in force that day ("Căn cứ Quyết định số 15/2023/QĐ-UBND ngày …")."""
        from sotttt_desktop.documents.phrases import founding_citation

        founding = self.profile(on)["founding_decision"]
        if founding is None:
            raise ValidationError(_("The organisation profile in force on {day} names no "
                                    "founding decision: add it in Tools → Organisation "
                                    "profile.").format(day=format_date(on)))
        return founding_citation(founding)

    def save_profile(self, values: dict[str, str], effective_from: dt.date, *,
                     founding: dict | None = None, units: list[dict] | None = None,
                     signers: list[dict] | None = None) -> dict:
        """Record the period that starts on `effective_from` (a new one, or that day's one).

        `founding` (kind, number, date, issuer, summary) and `units` (code, name, kind, areas)
        default to those of the period it continues. `signers` (full_name, position, authority),
        if given, take office that day: the signers in office then leave the day before."""
        cleaned = {name: clean(values.get(name)) for name in PROFILE_FIELDS}
        errors = {
            name: _("This field is required.")
            for name in REQUIRED_PROFILE_FIELDS if not cleaned[name]
        }
        self._services.require("admin", "administer")
        actor = self._services.actor.username
        with self._services.db.session(write=True) as session:
            row = session.execute(
                select(OrganisationProfile).where(OrganisationProfile.effective_from == effective_from)
            ).scalar_one_or_none()
            before = _profile_dict(row) if row else None
            continued = row or session.execute(
                select(OrganisationProfile).where(OrganisationProfile.effective_from
                                                  < effective_from)
                .order_by(OrganisationProfile.effective_from.desc()).limit(1)
            ).scalar_one_or_none()
            inherited = _profile_dict(continued) if continued else {}
            founding_data = clean_founding(
                founding if founding is not None else inherited.get("founding_decision"), errors)
            unit_list = clean_units(units if units is not None else inherited.get("units"),
                                    errors)
            signer_list = clean_signers(signers, errors)
            founded = dt.date.fromisoformat(founding_data["date"]) if founding_data["date"] \
                else None
            if founded and founded > effective_from:
                errors["effective_from"] = _(
                    "A period cannot start before the decision that founds it ({day}).").format(
                    day=format_date(founded))
            if errors:
                raise ValidationError(_("The organisation profile is incomplete."), errors)
            if row is None:
                row = OrganisationProfile(effective_from=effective_from, created_by=actor)
                session.add(row)
            for name, value in cleaned.items():
                setattr(row, name, value)
            for name, value in _founding_columns(founding_data).items():
                setattr(row, name, value)
            row.units = units_json(unit_list)
            row.updated_by = actor
            self._add_missing_units(session, unit_list, actor)
            changed_signers = (self._signers_take_office(session, signer_list, effective_from,
                                                         actor)
                               if signer_list is not None else None)
            session.flush()
            after = _profile_dict(row)
            if changed_signers is not None:
                after["signers"] = changed_signers
            audit.append(session, username=actor, action="update" if before else "create",
                         entity_kind="organisation_profile", entity_id=row.id,
                         summary=after["effective_from"], before=before, after=after)
            session.commit()
            return after

    def add_period_from_file(self, path: Path) -> dict:
        """`sotttt-desktop org add-period FILE`: a period written like one [[period]] of
        resources/reference/organisation.toml."""
        period = read_period_file(path)
        return self.save_profile(period["values"], period["effective_from"],
                                 founding=period["founding"], units=period["units"],
                                 signers=period["signers"])

    @staticmethod
    def _add_missing_units(session: Session, units: list[dict], actor: str) -> None:
        """A unit new in a period joins the unit table, so users can be placed in it."""
        known = set(session.execute(select(Unit.code)).scalars())
        order = session.execute(select(func.max(Unit.sort_order))).scalar_one_or_none() or 0
        for unit in units:
            if unit["code"] not in known:
                order += 1
                session.add(Unit(code=unit["code"], name=unit["name"], kind=unit["kind"],
                                 areas=",".join(unit["areas"]), sort_order=order,
                                 created_by=actor, updated_by=actor))

    @staticmethod
    def _signers_take_office(session: Session, signers: list[dict], start: dt.date,
                             actor: str) -> list[dict]:
        """The signers of a period from its first day: one already in office with the same name,
        title and authority stays; the others in office leave the day before."""
        following = session.execute(select(func.min(OrganisationProfile.effective_from))
                                    .where(OrganisationProfile.effective_from > start)
                                    ).scalar_one_or_none()
        until = following - dt.timedelta(days=1) if following else None
        in_office = session.execute(
            select(Signer).where((Signer.active_until.is_(None)) | (Signer.active_until >= start))
        ).scalars().all()
        wanted = {(s["full_name"], s["position"], s["authority"]) for s in signers}
        staying = set()
        for signer in in_office:
            key = (signer.full_name, signer.position, signer.authority)
            if key in wanted and signer.active_from <= start:
                staying.add(key)
                continue
            signer.active_until = start - dt.timedelta(days=1)
            signer.updated_by = actor
        for signer in signers:
            key = (signer["full_name"], signer["position"], signer["authority"])
            if key not in staying:
                session.add(Signer(**signer, active_from=start, active_until=until,
                                   created_by=actor, updated_by=actor))
        return signers

    # --- units and signers -----------------------------------------------------------------------

    def units(self, on: dt.date | None = None) -> list[dict]:
        """The units of the period in force on a date (today by default), in order."""
        return [{**unit, "active": True} for unit in self.profile(on)["units"]]

    def unit_for_area(self, area: str, on: dt.date) -> tuple[str, str]:
        """(name, code) of the administrative unit in charge of an area on a date, as the
        documents of that day print it ("Theo đề nghị của Trưởng …", "Lưu: VT, CODE");
        ("", "") if no unit of that period has the area."""
        return unit_in_charge(self.profile(on), area)

    def signers(self, on: dt.date | None = None) -> list[dict]:
        on = on or clock.local_today()
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


def _founding_columns(founding: dict[str, str]) -> dict:
    return {"founding_kind": founding["kind"], "founding_number": founding["number"],
            "founding_date": dt.date.fromisoformat(founding["date"]),
            "founding_issuer": founding["issuer"], "founding_summary": founding["summary"]}


def _profile_dict(row: OrganisationProfile, following: dt.date | None = None) -> dict:
    data = {name: getattr(row, name) for name in PROFILE_FIELDS}
    data["effective_from"] = row.effective_from.isoformat()
    data["effective_until"] = ((following - dt.timedelta(days=1)).isoformat()
                               if following else None)
    data["founding_decision"] = {
        "kind": row.founding_kind, "number": row.founding_number,
        "date": row.founding_date.isoformat(), "issuer": row.founding_issuer,
        "summary": row.founding_summary} if row.founding_number and row.founding_date else None
    data["units"] = json.loads(row.units or "[]")
    return data


def unit_in_charge(profile: dict, area: str) -> tuple[str, str]:
    """(name, code) of the administrative unit of a profile period in charge of an area;
    ("", "") if none is."""
    for unit in profile["units"]:
        if unit["kind"] == "administrative" and area in unit["areas"]:
            return unit["name"], unit["code"]
    return "", ""
