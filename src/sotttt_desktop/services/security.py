"""Log-in, users, roles and the permission matrix. Every change is audited; no secret is logged.

Lock-out: after MAX_FAILED_LOGINS wrong passwords in a row the account refuses every log-in for
LOCKOUT_MINUTES, the right password included.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
import tomllib
import unicodedata
import uuid
from functools import cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, delete, or_, select

from sotttt_desktop.core import audit
from sotttt_desktop.core.models import (
    AuditHead,
    RoleDefinition,
    RoleGrant,
    Unit,
    User,
    UserRole,
    utcnow,
)
from sotttt_desktop.core.passwords import (
    MIN_PASSWORD_LENGTH,
    hash_password,
    needs_rehash,
    verify_password,
)
from sotttt_desktop.core.text import clean
from sotttt_desktop.errors import (
    AuthenticationError,
    DuplicateError,
    NotFoundError,
    ValidationError,
)
from sotttt_desktop.i18n import _
from sotttt_desktop.resources import resource_path
from sotttt_desktop.services.actor import ACTIONS, Actor

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from sotttt_desktop.services.facade import Services

MAX_FAILED_LOGINS = 5
LOCKOUT_MINUTES = 15
# The last enabled administrator is never locked (no one else could unlock it, anyone could lock
# it): after MAX_FAILED_LOGINS wrong passwords each try waits 5 s, doubling up to a minute.
ADMIN_DELAY_SECONDS = 5
ADMIN_DELAY_MAX_SECONDS = 60
USERNAME_MAX = 64
USERNAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{2,63}$")
SPECIAL_AREAS = ("audit", "admin")
# The grants that reach user and role administration (Actor.can("admin", "administer")).
ADMIN_GRANTS = (("*", "*"), ("admin", "*"), ("admin", "administer"))


def login_name(raw: str | None) -> str:
    """A typed user name as it may be looked up and written to the audit trail: without control
    or format characters, trimmed, lower case, at most USERNAME_MAX characters (a longer one
    ends in "…" and so matches no account)."""
    text = "".join(ch for ch in (raw or "") if unicodedata.category(ch)[0] not in "CZ" or ch == " ")
    text = text.strip().lower()
    return text if len(text) <= USERNAME_MAX else text[:USERNAME_MAX - 1] + "…"


def wrong_login() -> str:
    """The one answer to an unknown user, a wrong password and a locked account."""
    return _("Wrong user name or password. After {count} wrong passwords in a row the account "
             "must wait before the next try.").format(count=MAX_FAILED_LOGINS)


def administrators_now(session: Session) -> set[uuid.UUID]:
    """`administrators`, with the audit head locked first (after any account row the caller
    locks): two changes that could each remove the last administrator are judged in turn."""
    session.execute(select(AuditHead.id).where(AuditHead.id == 1).with_for_update())
    return administrators(session)


def keep_an_administrator(session: Session, before: set[uuid.UUID]) -> None:
    """Refuse a change (flushed, not committed) that leaves no enabled account able to
    administer users and roles when there was one: no one could ever give that right back."""
    if before and not administrators(session):
        raise ValidationError(_("This would leave no enabled account that can administer users "
                                "and roles. Give another account that right first."))


@cache
def _dummy_hash() -> str:
    """Checked when the user name is unknown, so that the answer takes as long as for a user."""
    return hash_password(secrets.token_hex(16))


def administrators(session: Session) -> set[uuid.UUID]:
    """The enabled accounts that can administer users and roles."""
    reaches_admin = or_(*(and_(RoleGrant.area == area, RoleGrant.action == action)
                          for area, action in ADMIN_GRANTS))
    admin_roles = select(RoleGrant.role).where(reaches_admin)
    return set(session.execute(
        select(User.id).join(UserRole, UserRole.user_id == User.id)
        .where(User.active.is_(True), UserRole.role.in_(admin_roles))).scalars())


def _user_public(user: User) -> dict[str, Any]:
    """A user as plain data, without the password hash."""
    return {
        "id": str(user.id), "username": user.username, "full_name": user.full_name,
        "roles": user.role_names, "areas": user.area_list, "unit": user.unit_code,
        "district_code": user.district_code, "active": user.active,
        "must_change_password": user.must_change_password,
        "locked_until": user.locked_until.isoformat() if user.locked_until else None,
        "last_login_at": user.last_login_at.isoformat() if user.last_login_at else None,
    }


def check_password_strength(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(
            _("A password needs at least {count} characters.").format(count=MIN_PASSWORD_LENGTH),
            {"password": _("Too short.")})


class SecurityService:
    def __init__(self, services: Services):
        self._services = services

    # --- seeding -------------------------------------------------------------------------------

    def seed_roles(self, session: Session) -> bool:
        if session.execute(select(RoleDefinition.name).limit(1)).first() is not None:
            return False
        with resource_path("security", "roles.toml").open("rb") as fh:
            roles = tomllib.load(fh)["roles"]
        for name, spec in roles.items():
            session.add(RoleDefinition(name=name, district_scoped=spec.get("district_scoped", False)))
            session.flush()
            for grant in spec["grants"]:
                area, action = grant.split(":")
                session.add(RoleGrant(role=name, area=area, action=action))
        session.flush()
        return True

    def role_names(self) -> list[str]:
        with self._services.db.session() as session:
            return list(session.execute(select(RoleDefinition.name).order_by(RoleDefinition.name))
                        .scalars())

    def has_users(self) -> bool:
        with self._services.db.session() as session:
            return session.execute(select(User.id).limit(1)).first() is not None

    # --- log-in --------------------------------------------------------------------------------

    def login(self, username: str, password: str) -> Actor:
        """Sign in, or raise AuthenticationError with one line that tells an unknown, disabled
        or locked account from a wrong password only once the password is right.

        The password is checked outside the write transaction (Argon2 takes tens of
        milliseconds); the account row is then locked (FOR UPDATE; SQLite's write lock) and its
        counter and lock decided on the row as it is now, so parallel log-ins neither lose a
        count nor trip the optimistic version check.
        """
        name = login_name(username)
        with self._services.db.session() as session:
            found = session.execute(select(User.id, User.password_hash).where(
                User.username == name)).first() if USERNAME_RE.match(name) else None
        checked_hash = found.password_hash if found else _dummy_hash()
        password_ok = verify_password(checked_hash, password or "") and found is not None
        now = utcnow()
        with self._services.db.session(write=True) as session:
            user = session.execute(select(User).where(User.username == name).with_for_update()
                                   ).scalar_one_or_none() if found else None
            refusal, reason = self._refusal(session, user, password_ok, checked_hash, now)
            if refusal is not None:
                audit.append(session, username=name or "?", action="login_failed",
                             entity_kind="user", entity_id=user.id if user else "",
                             summary=reason)
                session.commit()
                raise AuthenticationError(refusal)
            assert user is not None
            if needs_rehash(user.password_hash):  # stored with older hashing parameters
                user.password_hash = hash_password(password)
            user.failed_logins = 0
            user.locked_until = None
            user.last_login_at = now
            audit.append(session, username=user.username, action="login", entity_kind="user",
                         entity_id=user.id)
            actor = self._actor_for(session, user)
            session.commit()
            return actor

    def _refusal(self, session: Session, user: User | None, password_ok: bool,
                 checked_hash: str, now: dt.datetime) -> tuple[str | None, str]:
        """(the line to show or None to let the user in, the reason for the audit trail).
        Counts a wrong password on the locked row; a locked account's password is not tried."""
        wrong = wrong_login()
        if user is None:
            return wrong, "unknown user"
        if user.locked_until is not None and user.locked_until > now:
            return wrong, f"locked until {user.locked_until.isoformat(timespec='seconds')}"
        if user.password_hash != checked_hash:  # changed while the password was checked
            return wrong, "password changed meanwhile"
        if not password_ok:
            user.failed_logins += 1
            if user.failed_logins < MAX_FAILED_LOGINS:
                return wrong, "wrong password"
            if self._is_last_administrator(session, user):
                # a delay, not a lock: no one else could lift it, and anyone could set it
                excess = user.failed_logins - MAX_FAILED_LOGINS
                delay = min(ADMIN_DELAY_SECONDS * 2 ** min(excess, 16), ADMIN_DELAY_MAX_SECONDS)
                user.locked_until = now + dt.timedelta(seconds=delay)
                return wrong, f"wrong password; last administrator: next try in {delay} s"
            user.locked_until = now + dt.timedelta(minutes=LOCKOUT_MINUTES)
            user.failed_logins = 0
            return wrong, f"wrong password; locked for {LOCKOUT_MINUTES} min"
        if not user.active:
            return _("This account is disabled. Ask the administrator."), "account disabled"
        return None, ""

    def _is_last_administrator(self, session: Session, user: User) -> bool:
        return administrators(session) == {user.id}

    def confirm_password(self, password: str) -> bool:
        """Re-check the signed-in user's password (unlocking an idle session). Wrong passwords
        count towards the same lock-out as at log-in: an unattended screen is no way around it."""
        actor = self._services.actor
        with self._services.db.session() as session:
            stored = session.execute(select(User.password_hash).where(
                User.id == actor.user_id)).scalar_one_or_none() if actor.user_id else None
        checked_hash = stored or _dummy_hash()
        password_ok = verify_password(checked_hash, password or "") and stored is not None
        with self._services.db.session(write=True) as session:
            user = session.execute(select(User).where(User.id == actor.user_id).with_for_update()
                                   ).scalar_one_or_none() if stored else None
            refusal, reason = self._refusal(session, user, password_ok, checked_hash, utcnow())
            if refusal is None and user is not None:
                user.failed_logins = 0
            audit.append(session, username=actor.username,
                         action="unlock" if refusal is None else "unlock_failed",
                         entity_kind="user", entity_id=actor.user_id or "", summary=reason)
            session.commit()
            return refusal is None

    def _actor_for(self, session: Session, user: User) -> Actor:
        roles = user.role_names
        own = user.area_list
        if not own and user.unit_code:
            unit = session.execute(select(Unit).where(Unit.code == user.unit_code)).scalar_one_or_none()
            own = [a for a in (unit.areas if unit else "").split(",") if a]
        grants: set[tuple[str, str]] = set()
        scoped = False
        for definition in session.execute(
                select(RoleDefinition).where(RoleDefinition.name.in_(roles))).scalars():
            scoped = scoped or definition.district_scoped
        for grant in session.execute(select(RoleGrant).where(RoleGrant.role.in_(roles))).scalars():
            areas = own if grant.area == "own" else [grant.area]
            grants.update((area, grant.action) for area in areas)
        return Actor(username=user.username, display_name=user.full_name, authenticated=True,
                     user_id=user.id, roles=tuple(roles), grants=frozenset(grants),
                     district_code=user.district_code if scoped else None,
                     must_change_password=user.must_change_password)

    # --- users ---------------------------------------------------------------------------------

    def _validate_user(self, session: Session, roles: list[str], areas: list[str],
                       unit: str | None, district: int | None) -> dict[str, str]:
        from sotttt_desktop.areas import AREAS

        errors: dict[str, str] = {}
        known_roles = set(session.execute(select(RoleDefinition.name)).scalars())
        if not roles:
            errors["roles"] = _("Give the user at least one role.")
        unknown = [r for r in roles if r not in known_roles]
        if unknown:
            errors["roles"] = _("Unknown role: {role}. Roles: {roles}.").format(
                role=", ".join(unknown), roles=", ".join(sorted(known_roles)))
        area_keys = {a.key for a in AREAS}
        bad_areas = [a for a in areas if a not in area_keys]
        if bad_areas:
            errors["areas"] = _("Unknown area: {area}. Areas: {areas}.").format(
                area=", ".join(bad_areas), areas=", ".join(sorted(area_keys)))
        if unit and session.execute(select(Unit.id).where(Unit.code == unit)).first() is None:
            errors["unit"] = _("Unknown unit: {unit}.").format(unit=unit)
        scoped_roles = set(session.execute(
            select(RoleDefinition.name).where(RoleDefinition.district_scoped.is_(True))).scalars())
        if scoped_roles & set(roles) and district is None:
            errors["district"] = _("A district officer needs a district.")
        if "specialist" in roles and not areas:
            errors["areas"] = _("A specialist needs at least one area.")
        if "head_of_unit" in roles and not (unit or areas):
            errors["unit"] = _("A head of unit needs a unit.")
        return errors

    def add_user(self, username: str, full_name: str, password: str, roles: list[str], *,
                 areas: list[str] | None = None, unit: str | None = None,
                 district: int | None = None, must_change: bool = True) -> dict[str, Any]:
        self._services.require("admin", "administer")
        return self._create_user(username, full_name, password, roles, areas=areas or [],
                                 unit=unit, district=district, must_change=must_change)

    def create_first_admin(self, username: str, full_name: str, password: str) -> dict[str, Any]:
        """The administrator of a database that has no user yet (first run)."""
        if self.has_users():
            raise ValidationError(_("This database already has users; ask its administrator."))
        return self._create_user(username, full_name, password, ["administrator"], areas=[],
                                 unit=None, district=None, must_change=False)

    def _create_user(self, username: str, full_name: str, password: str, roles: list[str], *,
                     areas: list[str], unit: str | None, district: int | None,
                     must_change: bool) -> dict[str, Any]:
        username = (username or "").strip().lower()
        name = clean(full_name) or ""
        errors: dict[str, str] = {}
        if not USERNAME_RE.match(username):
            errors["username"] = _("A user name has 3–64 letters a–z, digits, dots, dashes or "
                                   "underscores, without diacritics or spaces.")
        if not name:
            errors["full_name"] = _("This field is required.")
        with self._services.db.session(write=True) as session:
            errors.update(self._validate_user(session, roles, areas, unit, district))
            if errors:
                raise ValidationError(_("Please correct: {details}").format(
                    details=" ".join(errors.values())), errors)
            check_password_strength(password)
            if session.execute(select(User.id).where(User.username == username)).first():
                message = _("The user name {name} is taken.").format(name=username)
                raise DuplicateError(message, {"username": message})
            actor = self._services.actor.username
            user = User(username=username, full_name=name, unit_code=unit,
                        district_code=district, areas=",".join(areas),
                        password_hash=hash_password(password), must_change_password=must_change,
                        created_by=actor, updated_by=actor)
            user.roles = [UserRole(role=r) for r in sorted(set(roles))]
            session.add(user)
            session.flush()
            data = _user_public(user)
            audit.append(session, username=actor, action="create", entity_kind="user",
                         entity_id=user.id, summary=username, after=data)
            session.commit()
            return data

    def list_users(self) -> list[dict[str, Any]]:
        self._services.require("admin", "administer")
        with self._services.db.session() as session:
            users = session.execute(select(User).order_by(User.username)).scalars().all()
            return [_user_public(u) for u in users]

    def users_who_may(self, area: str, action: str) -> list[dict[str, Any]]:
        """The active users whose roles let them do `action` in `area` (whom a case may be
        given to), by user name; readable by anyone who works with cases, not only an
        administrator: names and full names only."""
        with self._services.db.session() as session:
            users = session.execute(select(User).where(User.active.is_(True))
                                    .order_by(User.username)).scalars().all()
            return [{"username": user.username, "full_name": user.full_name} for user in users
                    if self._actor_for(session, user).can(area, action)]

    def _change_user(self, username: str, action: str, change: Any) -> dict[str, Any]:  # noqa: ANN401
        with self._services.db.session(write=True) as session:
            user = session.execute(select(User).where(User.username == login_name(username))
                                   .with_for_update()).scalar_one_or_none()
            if user is None:
                raise NotFoundError(_("There is no user {name}.").format(name=username))
            admins = administrators_now(session)
            before = _user_public(user)
            change(user)
            user.updated_by = self._services.actor.username
            session.flush()
            keep_an_administrator(session, admins)
            after = _user_public(user)
            audit.append(session, username=self._services.actor.username, action=action,
                         entity_kind="user", entity_id=user.id, summary=user.username,
                         before=before, after=after)
            session.commit()
            return after

    def set_active(self, username: str, active: bool) -> dict[str, Any]:
        self._services.require("admin", "administer")
        if not active and username.strip().lower() == self._services.actor.username:
            raise ValidationError(_("You cannot disable your own account."))

        def change(user: User) -> None:
            user.active = active
        return self._change_user(username, "enable" if active else "disable", change)

    def reset_password(self, username: str, new_password: str) -> dict[str, Any]:
        self._services.require("admin", "administer")
        check_password_strength(new_password)

        def change(user: User) -> None:
            user.password_hash = hash_password(new_password)
            user.must_change_password = True
            user.failed_logins = 0
            user.locked_until = None
        return self._change_user(username, "reset_password", change)

    def update_user(self, username: str, *, full_name: str, roles: list[str], areas: list[str],
                    unit: str | None, district: int | None) -> dict[str, Any]:
        self._services.require("admin", "administer")
        name = clean(full_name)
        with self._services.db.session() as session:
            errors = self._validate_user(session, roles, areas, unit, district)
        if not name:
            errors["full_name"] = _("This field is required.")
        if errors:
            raise ValidationError(_("Please correct: {details}").format(
                details=" ".join(errors.values())), errors)

        def change(user: User) -> None:
            user.full_name = name
            user.roles = [UserRole(role=r) for r in sorted(set(roles))]
            user.areas = ",".join(areas)
            user.unit_code = unit
            user.district_code = district
        return self._change_user(username, "update", change)

    def change_own_password(self, old_password: str, new_password: str) -> Actor:
        actor = self._services.actor
        if not actor.authenticated or actor.user_id is None:
            raise AuthenticationError(_("Sign in first."))
        check_password_strength(new_password)
        if new_password == old_password:
            raise ValidationError(_("The new password must differ from the old one."),
                                  {"password": _("Same as before.")})
        with self._services.db.session(write=True) as session:
            # locked: a log-in may be counting on this row at the same moment
            user = session.get(User, actor.user_id, with_for_update=True)
            if user is None or not verify_password(user.password_hash, old_password):
                raise AuthenticationError(_("The current password is wrong."))
            user.password_hash = hash_password(new_password)
            user.must_change_password = False
            user.updated_by = actor.username
            audit.append(session, username=actor.username, action="change_password",
                         entity_kind="user", entity_id=user.id, summary=user.username)
            refreshed = self._actor_for(session, user)
            session.commit()
            return refreshed

    # --- the permission matrix -----------------------------------------------------------------

    def matrix(self) -> dict[str, dict[str, Any]]:
        with self._services.db.session() as session:
            result: dict[str, dict[str, Any]] = {}
            for definition in session.execute(select(RoleDefinition).order_by(RoleDefinition.name)
                                              ).scalars():
                result[definition.name] = {"district_scoped": definition.district_scoped,
                                           "grants": []}
            for grant in session.execute(select(RoleGrant).order_by(
                    RoleGrant.role, RoleGrant.area, RoleGrant.action)).scalars():
                result[grant.role]["grants"].append(f"{grant.area}:{grant.action}")
            return result

    def set_grant(self, role: str, area: str, action: str, granted: bool) -> None:
        from sotttt_desktop.areas import AREAS

        self._services.require("admin", "administer")
        areas = {a.key for a in AREAS} | set(SPECIAL_AREAS) | {"*", "own"}
        if area not in areas:
            raise ValidationError(_("Unknown area: {area}. Areas: {areas}.").format(
                area=area, areas=", ".join(sorted(areas))))
        if action not in (*ACTIONS, "*"):
            raise ValidationError(_("Unknown action: {action}. Actions: {actions}.").format(
                action=action, actions=", ".join(ACTIONS)))
        with self._services.db.session(write=True) as session:
            if session.get(RoleDefinition, role) is None:
                raise NotFoundError(_("Unknown role: {role}. Roles: {roles}.").format(
                    role=role, roles=", ".join(self.role_names())))
            admins = administrators_now(session)
            exists = session.get(RoleGrant, (role, area, action)) is not None
            if exists == granted:
                return
            if granted:
                session.add(RoleGrant(role=role, area=area, action=action))
            else:
                session.execute(delete(RoleGrant).where(
                    RoleGrant.role == role, RoleGrant.area == area, RoleGrant.action == action))
                keep_an_administrator(session, admins)
            audit.append(session, username=self._services.actor.username,
                         action="grant" if granted else "revoke_grant", entity_kind="role",
                         entity_id=role, summary=f"{role} {area}:{action}")
            session.commit()
