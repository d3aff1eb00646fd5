"""The lists the Department publishes from its registers (registers/public_list.py): the entries in
force on a day, in the declared columns, as a printed list (template "public-list") and as a
spreadsheet with the same columns."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sotttt_desktop.core import audit
from sotttt_desktop.core.safe_write import os_reason
from sotttt_desktop.errors import ValidationError
from sotttt_desktop.i18n import _, in_language
from sotttt_desktop.registers import get_register, public_lists
from sotttt_desktop.registers.spec import FieldKind
from sotttt_desktop.services import spreadsheet_files as files
from sotttt_desktop.services.records import display_function

if TYPE_CHECKING:
    from sotttt_desktop.registers.public_list import PublicList
    from sotttt_desktop.services.facade import Services

NUMBER_HEADING = "STT"


class PublicListService:
    def __init__(self, services: Services):
        self._services = services

    def get(self, key: str) -> PublicList:
        declared = public_lists()
        if key not in declared:
            raise ValidationError(_("There is no public list {key}. Lists: {keys}.").format(
                key=key, keys=", ".join(declared)))
        return declared[key]

    def for_register(self, register: str) -> PublicList | None:
        return next((p for p in public_lists().values() if p.register == register), None)

    def headings(self, key: str) -> list[str]:
        spec, chosen = get_register(self.get(key).register), self.get(key)
        return [NUMBER_HEADING] + [chosen.labels.get(name) or in_language(
            "vi", spec.field(name).label) for name in chosen.columns]

    def rows(self, key: str, on: dt.date, *, as_dates: bool = False) -> list[list[Any]]:
        """The entries listed on `on`, numbered, grouped (by district) then in the register's
        order; values as printed (`as_dates`: dates and numbers kept for a spreadsheet)."""
        chosen = self.get(key)
        spec = get_register(chosen.register)
        self._services.require(spec.area, "view")
        fields = [spec.field(name) for name in chosen.columns]
        reference = self._services.reference
        shown = [display_function(f, reference) for f in fields]
        records = [r for r in self._services.registers.iter_records(chosen.register)
                   if chosen.listed(r, on)]
        if chosen.group_by:
            group = display_function(spec.field(chosen.group_by), reference)
            records.sort(key=lambda r: group(r.get(chosen.group_by)) or "~")  # stable
        rows = []
        for number, record in enumerate(records, start=1):
            cells: list[Any] = [number if as_dates else str(number)]
            for field, show in zip(fields, shown, strict=True):
                value = record.get(field.name)
                keep = as_dates and value is not None and field.kind in (
                    FieldKind.DATE, FieldKind.INTEGER)
                cells.append(value if keep else (show(value) if value is not None else ""))
            rows.append(cells)
        return rows

    def document_data(self, ref: str) -> dict[str, Any]:
        """What template "public-list" prints for `key:YYYY-MM-DD`."""
        key, on = self.parse_ref(ref)
        chosen = self.get(key)
        return {"key": key, "summary": chosen.summary, "as_of": on, "basis": chosen.basis,
                "headings": self.headings(key), "widths": list(chosen.widths),
                "rows": [[str(cell) for cell in row] for row in self.rows(key, on)]}

    def area(self, key: str) -> str:
        return get_register(self.get(key).register).area

    @staticmethod
    def ref(key: str, on: dt.date) -> str:
        return f"{key}:{on.isoformat()}"

    def parse_ref(self, ref: str) -> tuple[str, dt.date]:
        key, _sep, day = ref.strip().partition(":")
        try:
            on = dt.date.fromisoformat(day)
        except ValueError:
            raise ValidationError(_("Write the list as KEY:YYYY-MM-DD, for example "
                                    "game_points:2024-11-29.")) from None
        self.get(key)
        return key, on

    def export(self, key: str, path: Path, on: dt.date) -> int:
        """The list as a spreadsheet (.xlsx or .csv), written whole or not at all; returns
        the rows."""
        chosen = self.get(key)
        spec = get_register(chosen.register)
        self._services.require(spec.area, "export")
        suffix = path.suffix.lower()
        if suffix not in files.SUFFIXES:
            raise ValidationError(_("Export to a .xlsx or .csv file."))
        headings = self.headings(key)
        rows = self.rows(key, on, as_dates=suffix == ".xlsx")
        widths = [6] + [max(12, round(w * 160)) for w in chosen.widths]
        part: Path | None = None
        try:  # beside the target under a temporary name, renamed when whole
            handle, name = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=suffix,
                                            dir=path.parent)
            os.close(handle)
            part = Path(name)
            if suffix == ".xlsx":
                files.write_xlsx(part, headings, rows, in_language("vi", spec.title), widths)
            else:
                files.write_csv(part, headings, rows)
            os.replace(part, path)
        except OSError as error:
            if part is not None:
                part.unlink(missing_ok=True)
            raise ValidationError(_("Cannot write {path}: {error}").format(
                path=path, error=os_reason(error))) from error
        services = self._services
        with services.db.session(write=True) as session:
            audit.append(session, username=services.actor.username, action="export",
                         entity_kind=spec.search_kind,
                         summary=f"{key}@{on.isoformat()}: {len(rows)} → {path.name}")
            session.commit()
        return len(rows)
