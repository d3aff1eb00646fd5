"""What the reference kinds need from the database (registers/linked_kinds.py): a record of
another register found by what a clerk types or a spreadsheet says, the labels of records by
id (one query for many), the matches a picker offers, and the evidence files of a record kept
in the attachment store (the one dossiers use).

Every lookup obeys the actor: the permission to view the target register, and a district
officer sees only the records of the district.
"""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import false, select

from sotttt_desktop.core import clock
from sotttt_desktop.core.text import fold
from sotttt_desktop.errors import PermissionDeniedError
from sotttt_desktop.i18n import LOCAL_TZ, _
from sotttt_desktop.registers import get_register
from sotttt_desktop.registers.spec import SORT_KEY_LENGTH, RegisterSpec

if TYPE_CHECKING:
    from sotttt_desktop.services.facade import Services

MATCHES_OFFERED = 20  # rows a picker lists for the letters typed
Found = tuple["uuid.UUID | None", "str | None"]  # (id, None) or (None, translated message)


def party_register() -> RegisterSpec:
    """The register of organisations and individuals (the target of the party kind)."""
    from sotttt_desktop.registers import find_register

    found = find_register("parties")  # also while a register naming it is being declared
    if found is None:  # a register naming it is declared before it was imported
        from sotttt_desktop.registers.parties import PARTIES

        return PARTIES
    return found


def label_text(title: Any, identity: Any) -> str:  # noqa: ANN401
    """"Công ty A (3700123456)": what a reference shows and exports; read back by `find`."""
    if identity in (None, "") or str(identity) == str(title):  # a plan titled by its number
        return str(title or "")
    return f"{title} ({identity})"


class RecordLinks:
    def __init__(self, services: Services):
        self._services = services

    # --- records of another register --------------------------------------------------------

    def _visible(self, spec: RegisterSpec, statement: Any) -> Any:  # noqa: ANN401
        self._services.require(spec.area, "view")
        actor = self._services.actor
        if actor.district_scoped:
            if spec.district_field is None:
                return statement.where(false())
            statement = statement.where(
                getattr(spec.model, spec.district_field) == actor.district_code)
        return statement

    def _identity_columns(self, spec: RegisterSpec) -> list[Any]:  # noqa: ANN401
        return [getattr(spec.model, f.name) for f in spec.fields if f.unique_message]

    def labels(self, key: str, ids: list[Any]) -> dict[uuid.UUID, str]:
        """id → "title (identity)" of the records with these ids (those the actor may see)."""
        spec = get_register(key)
        wanted = list({i for i in ids if i is not None})
        if not wanted:
            return {}
        model = spec.model
        found: dict[uuid.UUID, str] = {}
        identities = self._identity_columns(spec)
        with self._services.db.reading() as conn:
            for start in range(0, len(wanted), 500):
                statement = select(model.id, getattr(model, spec.title_field), *identities
                                   ).where(model.id.in_(wanted[start:start + 500]))
                for row in conn.execute(self._visible(spec, statement)):
                    identity = next((v for v in row[2:] if v not in (None, "")), None)
                    found[_as_uuid(row[0])] = label_text(row[1], identity)
        return found

    def find(self, key: str, text: str) -> Found:
        """The record `text` names: its id, an identifying value (tax code, citizen ID, …), the
        label "title (identity)" or the exact title when only one record has it."""
        spec = get_register(key)
        model = spec.model
        try:
            self._services.require(spec.area, "view")
        except PermissionDeniedError as error:
            return None, str(error)
        text = text.strip()
        names = [text]
        if text.endswith(")") and "(" in text:  # "Công ty A (3700123456)"
            names.append(text[:text.rfind("(")].strip())
        candidates = [text[text.rfind("(") + 1:-1].strip(), text] if len(names) > 1 else [text]
        with self._services.db.reading() as conn:
            as_id = _parse_uuid(text)
            if as_id is not None:
                row = conn.execute(self._visible(spec, select(model.id).where(
                    model.id == as_id))).first()
                if row is not None:
                    return _as_uuid(row[0]), None
            for field in (f for f in spec.fields if f.unique_message):
                column = getattr(model, field.name)
                for candidate in candidates:
                    value = field.normalise(candidate) if field.normalise else candidate
                    row = conn.execute(self._visible(spec, select(model.id).where(
                        column == value).limit(1))).first()
                    if row is not None:
                        return _as_uuid(row[0]), None
            title = getattr(model, spec.title_field)
            for name in names:
                if spec.sort_from == spec.title_field:  # the folded title is indexed
                    condition = model.sort_name == fold(name)[:SORT_KEY_LENGTH]
                else:
                    condition = title == name
                rows = conn.execute(self._visible(spec, select(model.id, title).where(
                    condition).limit(50))).all()
                same = [r for r in rows if fold(str(r[1])) == fold(name)]
                if len(same) == 1:
                    return _as_uuid(same[0][0]), None
                if same:
                    return None, _("Several records of {item} are named “{name}”: give the "
                                   "identifying number instead.").format(
                        item=_(spec.item_name), name=name)
        return None, _("No {item} “{text}” is found.").format(item=_(spec.item_name), text=text)

    def matches(self, key: str, text: str, limit: int = MATCHES_OFFERED
                ) -> list[tuple[uuid.UUID, str]]:
        """(id, label) of the records whose search entry matches the words typed (the register's
        own search, with its permission and district scope), best sorted first."""
        from sotttt_desktop.services.registers import RegisterFilter

        if not text.strip():
            return []
        registers = self._services.registers
        flt = RegisterFilter(text)
        rows = registers.page(key, 0, limit, flt=flt, total=min(registers.count(key, flt), limit))
        labels = self.labels(key, [row.id for row in rows])
        return [(row.id, labels[row.id]) for row in rows if row.id in labels]

    # --- evidence files ---------------------------------------------------------------------

    def store_files(self, paths: list[Path]) -> list[dict[str, Any]]:
        """Copy files into the attachment store (as a dossier's attachments): their entries
        {sha256, name, size, captured_at}. The capture time starts as the file's last change
        (a screenshot's moment; the form corrects it). A missing or too large file is refused
        before any is copied."""
        stored = self._services.dossiers.store_files(paths)
        return [{"sha256": sha, "name": name, "size": size,
                 "captured_at": capture_time(path)}
                for path, (name, sha, size) in zip(paths, stored, strict=True)]

    def file_path(self, sha256: str) -> Path:
        return self._services.dossiers.attachment_path(sha256)


def capture_time(path: Path) -> str:
    """The file's last change, local time to the minute, as ISO text (not after now)."""
    changed = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC)
    moment = min(changed.astimezone(LOCAL_TZ).replace(tzinfo=None), clock.local_now())
    return moment.replace(second=0, microsecond=0).isoformat(timespec="minutes")


def _parse_uuid(text: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(text)
    except ValueError:
        return None


def _as_uuid(value: Any) -> uuid.UUID:  # noqa: ANN401 - hex text (SQLite) or a UUID
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


__all__ = ["RecordLinks", "label_text", "party_register"]
