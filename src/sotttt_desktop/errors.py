"""One hierarchy of errors whose messages are meant for people (already translated)."""

from __future__ import annotations


class AppError(Exception):
    """An error the user can understand and act on. `str(error)` is the translated message."""

    exit_code = 1


class DatabaseError(AppError):
    """The database cannot be opened or used safely."""

    exit_code = 3


class ValidationError(AppError):
    """Input was refused. `field_errors` maps field names to translated messages."""

    exit_code = 2

    def __init__(self, message: str, field_errors: dict[str, str] | None = None):
        super().__init__(message)
        self.field_errors = dict(field_errors or {})


class NotFoundError(AppError):
    exit_code = 4


class DuplicateError(ValidationError):
    """A record with the same identity (tax code, citizen ID, …) already exists."""

    def __init__(self, message: str, field_errors: dict[str, str] | None = None,
                 existing_id: object | None = None):
        super().__init__(message, field_errors)
        self.existing_id = existing_id


class ConflictError(AppError):
    """Somebody else changed the record since it was read (optimistic locking)."""

    exit_code = 5


class PermissionDeniedError(AppError):
    """The signed-in user may not do this (checked in the services)."""

    exit_code = 6


class AuthenticationError(AppError):
    """Log-in refused: wrong name or password, disabled or locked account."""

    exit_code = 7


class FilterTooBroadError(AppError):
    """A filter's words match so many records that listing them in order would take seconds."""

    exit_code = 2


class CancelledError(AppError):
    """The user cancelled a long operation; what it had written was taken back."""

    exit_code = 1
