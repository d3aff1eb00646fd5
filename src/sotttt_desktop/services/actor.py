"""Who is acting, and what they may do: resolved once at log-in, checked by every service."""

from __future__ import annotations

import getpass
import uuid
from dataclasses import dataclass, field

ACTIONS = ("view", "create", "edit", "approve", "sign", "revoke", "export", "administer")
SPECIAL_AREAS = frozenset({"audit", "admin"})  # "*" does not reach these; "*:*" does


@dataclass(frozen=True)
class Actor:
    username: str
    display_name: str
    authenticated: bool = False
    user_id: uuid.UUID | None = None
    roles: tuple[str, ...] = ()
    grants: frozenset[tuple[str, str]] = field(default_factory=frozenset)
    district_code: int | None = None  # set for district-scoped users
    must_change_password: bool = False

    def can(self, area: str, action: str) -> bool:
        grants = self.grants
        if ("*", "*") in grants or (area, action) in grants or (area, "*") in grants:
            return True
        return area not in SPECIAL_AREAS and ("*", action) in grants

    @property
    def district_scoped(self) -> bool:
        return self.district_code is not None

    @classmethod
    def system(cls) -> Actor:
        """The application itself (creating a database, seeding reference data)."""
        return cls(username="system", display_name="system", grants=frozenset({("*", "*")}))

    @classmethod
    def local_reader(cls) -> Actor:
        """A command run without --user: may read, nothing else (no export, no change)."""
        try:
            name = getpass.getuser()
        except Exception:  # noqa: BLE001 - no login name on some service accounts
            name = "local"
        return cls(username=f"local:{name}", display_name=name,
                   grants=frozenset({("*", "view")}))
