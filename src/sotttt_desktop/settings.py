"""Paths (platformdirs) and database location resolution, with environment overrides.

Environment variables (used by tests and portable installs):
- SOTTTT_DB            path of the SQLite database file
- SOTTTT_DATABASE_URL  any SQLAlchemy URL (takes precedence over SOTTTT_DB)
- SOTTTT_DATA_DIR      data directory (database, attachments, backups)
- SOTTTT_CONFIG_DIR    configuration directory (window geometry, preferences)
- SOTTTT_LANG          UI language, "vi" (default) or "en"
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from sotttt_desktop import APP_NAME

DB_FILE_NAME = "sotttt.sqlite3"
APP_AUTHOR = "STTTT"


def data_dir() -> Path:
    override = os.environ.get("SOTTTT_DATA_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def config_dir() -> Path:
    override = os.environ.get("SOTTTT_CONFIG_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))


@dataclass(frozen=True)
class DatabaseLocation:
    """Where the database is: a SQLite file (`path`) or a server (`url` only)."""

    url: str
    path: Path | None  # set for SQLite files

    @property
    def is_sqlite(self) -> bool:
        return self.path is not None

    def display(self) -> str:
        if self.path is not None:
            return str(self.path)
        # hide a password in a server URL
        from sqlalchemy.engine import make_url

        return make_url(self.url).render_as_string(hide_password=True)


def sqlite_location(path: Path) -> DatabaseLocation:
    path = Path(path).expanduser().absolute()
    return DatabaseLocation(url=f"sqlite:///{path}", path=path)


def resolve_database(db_path: str | None = None, database_url: str | None = None) -> DatabaseLocation:
    """Command-line options first, then environment, then the default file in the data directory."""
    url = database_url or (None if db_path else os.environ.get("SOTTTT_DATABASE_URL"))
    if url:
        if url.startswith("sqlite:///"):
            return sqlite_location(Path(url.removeprefix("sqlite:///")))
        return DatabaseLocation(url=url, path=None)
    path = db_path or os.environ.get("SOTTTT_DB")
    if path:
        return sqlite_location(Path(path))
    return sqlite_location(data_dir() / DB_FILE_NAME)


def backups_dir(location: DatabaseLocation) -> Path:
    """Backups sit next to the data: in the data directory, or beside a custom database file."""
    if location.path is not None and location.path.parent != data_dir():
        return location.path.parent / "backups"
    return data_dir() / "backups"
