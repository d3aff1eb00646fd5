"""Password hashing with Argon2id (argon2-cffi). Hashes never leave this module's callers."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argon2 import PasswordHasher

MIN_PASSWORD_LENGTH = 8


@cache
def _hasher() -> PasswordHasher:
    from argon2 import PasswordHasher

    # One of OWASP's equivalent argon2id profiles (m=7 MiB, t=5, p=1): the same strength as
    # 19 MiB × 2 passes, with less memory on the old office PCs of district offices.
    return PasswordHasher(time_cost=5, memory_cost=7 * 1024, parallelism=1)


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

    try:
        return _hasher().verify(stored_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    return _hasher().check_needs_rehash(stored_hash)


def one_time_password() -> str:
    """A random temporary password (96 bits) to hand over in person."""
    import secrets

    return "tam-" + secrets.token_urlsafe(12)
