"""Paths (platformdirs) and database location resolution, with environment overrides.

Environment variables (used by tests and portable installs):
- SOTTTT_DB            path of the SQLite database file
- SOTTTT_DATABASE_URL  any SQLAlchemy URL (takes precedence over SOTTTT_DB)
- SOTTTT_DATA_DIR      data directory (database, attachments, backups)
- SOTTTT_CONFIG_DIR    configuration directory (window geometry, preferences)
- SOTTTT_CACHE_DIR     cache directory (compiled translations of a source checkout)
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


def cache_dir() -> Path:
    """Files the program can make again (removing them only costs time)."""
    override = os.environ.get("SOTTTT_CACHE_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR))


def logs_dir() -> Path:
    """Where unexpected errors are written (SOTTTT_LOG_DIR, else the platform's log folder)."""
    override = os.environ.get("SOTTTT_LOG_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))


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
        _check_server_url(url)
        return DatabaseLocation(url=url, path=None)
    path = db_path or os.environ.get("SOTTTT_DB")
    if path:
        return sqlite_location(Path(path))
    return sqlite_location(data_dir() / DB_FILE_NAME)


SERVER_DRIVERS = ("postgresql", "postgresql+psycopg")


def _check_server_url(url: str) -> None:
    """A server URL names PostgreSQL with the driver this application ships (psycopg 3)."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    from sotttt_desktop.errors import ValidationError
    from sotttt_desktop.i18n import _

    try:
        driver = make_url(url).drivername
    except (ArgumentError, ValueError):
        driver = None
    if driver not in SERVER_DRIVERS:
        raise ValidationError(_("A database address is sqlite:///FILE or "
                              "postgresql+psycopg://USER@HOST/DATABASE; this one begins {scheme}.")
                            .format(scheme=repr(url.partition(":")[0][:40])))


def attachments_dir(location: DatabaseLocation) -> Path:
    """Files of dossiers, stored by content: beside a custom database file, else in the data
    directory (a server database keeps them in the data directory of each desk's machine)."""
    if location.path is not None and location.path.parent != data_dir():
        return location.path.parent / "attachments"
    return data_dir() / "attachments"


def backups_dir(location: DatabaseLocation) -> Path:
    """Backups sit next to the data: in the data directory, or beside a custom database file."""
    if location.path is not None and location.path.parent != data_dir():
        return location.path.parent / "backups"
    return data_dir() / "backups"


@dataclass(frozen=True)
class BackupSettings:
    """Per-computer backup preferences: `[backup]` in settings.ini of the config folder.

    folder = D:\\SaoLuu          (default: backups/ beside the data; SOTTTT_BACKUP_DIR overrides)
    interval_hours = 24          automatic backup when the newest is older than this
    keep_daily = 7, keep_weekly = 4, keep_monthly = 12
    """

    folder: Path | None = None
    interval_hours: float = 24.0
    keep_daily: int = 7
    keep_weekly: int = 4
    keep_monthly: int = 12

    def folder_for(self, location: DatabaseLocation) -> Path:
        return self.folder or backups_dir(location)


def settings_file() -> Path:
    return config_dir() / "settings.ini"


def load_backup_settings() -> BackupSettings:
    import configparser

    parser = configparser.ConfigParser()
    parser.read(settings_file(), encoding="utf-8")
    section = parser["backup"] if parser.has_section("backup") else {}
    folder = os.environ.get("SOTTTT_BACKUP_DIR") or section.get("folder")

    def number(key: str, default: float) -> float:
        try:
            return float(section.get(key, default))
        except ValueError:
            return default

    return BackupSettings(
        folder=Path(folder) if folder else None,
        interval_hours=number("interval_hours", 24.0),
        keep_daily=int(number("keep_daily", 7)),
        keep_weekly=int(number("keep_weekly", 4)),
        keep_monthly=int(number("keep_monthly", 12)),
    )


def save_backup_folder(folder: Path | None) -> None:
    import configparser

    parser = configparser.ConfigParser()
    parser.read(settings_file(), encoding="utf-8")
    if not parser.has_section("backup"):
        parser.add_section("backup")
    if folder is None:
        parser.remove_option("backup", "folder")
    else:
        parser.set("backup", "folder", str(folder))
    settings_file().parent.mkdir(parents=True, exist_ok=True)
    with settings_file().open("w", encoding="utf-8") as fh:
        parser.write(fh)
