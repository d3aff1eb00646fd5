"""The one-stop statistics of TT 01/2020/TT-VPCP, Biểu số 06/VPCP/KSTT ("Tình hình, kết quả
giải quyết TTHC tại cơ quan, đơn vị trực tiếp giải quyết TTHC"), counted from the dossiers for
any period and unit, by area (lĩnh vực) and procedure, in one GROUP BY (REFERENCE-2 §11).

The rules are the desk's (`core.cases.status.clock_status`), in SQL:
- a dossier is counted in a period when it was received before the period's end and its
  processing clock had not stopped before the period began (`decided_at`: the result ready,
  the dossier refused or withdrawn; `finished_at` for a dossier recorded before it was kept);
- received: carried over from the period before (received before it began — counted once, here
  only), new online, new at the counter or by post;
- settled in the period: early (the clock stopped before the due day), on time (on it), late
  (after it — a dossier done one day late is late); a withdrawn dossier is not settled: it has a
  column of its own so that received = settled + withdrawn + pending;
- pending at the period's end: overdue when its due day is before the day of the count (the
  period's last day, or today for a period not yet over) and it is not waiting for the
  applicant's supplement (a paused clock is never overdue).

A dossier still pending at the end of a past period is judged by its due date and state of today
(a due date moved later by an apology or a supplement is not replayed from the timeline).

The official form has no "withdrawn" column; it is printed last, after the form's columns.
UNCONFIRMED: that a period of Biểu 06 is cut off on the 14th (ND 09/2019 Art. 12) — the report
calendar says which rule each report uses; any period can be asked for here."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Date, and_, case, func, or_, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

from sotttt_desktop.core import clock, report_periods
from sotttt_desktop.core.models import Dossier
from sotttt_desktop.errors import PermissionDeniedError, ValidationError
from sotttt_desktop.i18n import LOCAL_TZ, _, in_language

if TYPE_CHECKING:
    from sqlalchemy.sql.elements import ColumnElement

    from sotttt_desktop.services.facade import Services

# the form's columns, in its order, then ours
COLUMNS = ("received", "carried_over", "online", "direct", "settled", "early", "on_time", "late",
           "pending", "within", "overdue", "withdrawn")
# Vietnam keeps one offset all year (no summer time): a UTC moment's local day in SQL
_OFFSET_HOURS = int(LOCAL_TZ.utcoffset(dt.datetime(2024, 1, 1)).total_seconds() // 3600)


class local_day(FunctionElement):  # noqa: N801 - an SQL function's name
    """The local calendar day of a UTC timestamp column."""

    type = Date()
    inherit_cache = True
    name = "local_day"


@compiles(local_day, "sqlite")
def _local_day_sqlite(element: local_day, compiler: Any, **kw: Any) -> str:  # noqa: ANN401
    return f"date({compiler.process(element.clauses, **kw)}, '{_OFFSET_HOURS:+d} hours')"


@compiles(local_day, "postgresql")
def _local_day_postgresql(element: local_day, compiler: Any, **kw: Any) -> str:  # noqa: ANN401
    return (f"CAST({compiler.process(element.clauses, **kw)} + INTERVAL "
            f"'{_OFFSET_HOURS} hours' AS DATE)")


def day_start_utc(day: dt.date) -> dt.datetime:
    """The first moment of a local day, in UTC."""
    return dt.datetime(day.year, day.month, day.day, tzinfo=LOCAL_TZ).astimezone(dt.UTC)


@dataclass(frozen=True)
class Scope:
    start: dt.datetime  # UTC, inclusive
    end: dt.datetime  # UTC, exclusive
    as_of: dt.date  # the day pending dossiers are judged on


def scope_of(period: report_periods.Period, today: dt.date) -> Scope:
    return Scope(day_start_utc(period.start),
                 day_start_utc(period.end + dt.timedelta(days=1)),
                 min(period.end, today))


def counted_columns(scope: Scope) -> list[ColumnElement[int]]:
    """SUM(CASE …) of each column of `COLUMNS`, over the dossiers `in_scope` selects."""
    done = func.coalesce(Dossier.decided_at, Dossier.finished_at)
    new = Dossier.received_at >= scope.start
    settled = and_(done < scope.end, Dossier.state != "withdrawn")
    pending = or_(done.is_(None), done >= scope.end)
    overdue = and_(pending, Dossier.due_date < scope.as_of,
                   Dossier.state != "supplement_requested")
    day = local_day(done)

    def total(condition: ColumnElement[bool]) -> ColumnElement[int]:
        return func.sum(case((condition, 1), else_=0))

    return [func.count(), total(~new), total(and_(new, Dossier.channel == "online")),
            total(and_(new, Dossier.channel != "online")), total(settled),
            total(and_(settled, day < Dossier.due_date)),
            total(and_(settled, day == Dossier.due_date)),
            total(and_(settled, day > Dossier.due_date)), total(pending),
            total(and_(pending, ~overdue)), total(overdue),
            total(and_(done < scope.end, Dossier.state == "withdrawn"))]


def in_scope(scope: Scope) -> ColumnElement[bool]:
    done = func.coalesce(Dossier.decided_at, Dossier.finished_at)
    return and_(Dossier.received_at < scope.end, or_(done.is_(None), done >= scope.start))


def parse_period(ref: str) -> report_periods.Period:
    try:
        return report_periods.parse(ref)
    except report_periods.PeriodError as error:
        raise ValidationError(_(
            "Give the period as a year (2024), a month (2024-11), a quarter (2024-Q3), a half "
            "(2024-H1), nine months (2024-9M) or two dates (01/10/2024-31/12/2024); add ~ for "
            "the period cut off on the 14th (2024-Q3~).")) from error


def _require_view(services: Services) -> None:
    services.require("reports", "view")
    services.require("one_stop", "view")


def require_export(services: Services) -> None:
    if services.refusal("reports", "export") and services.refusal("one_stop", "export"):
        raise PermissionDeniedError(services.refusal("reports", "export") or "")


def _vi_area(area: str) -> str:
    from sotttt_desktop.areas import AREAS

    label = next((a.title for a in AREAS if a.key == area), area)
    return in_language("vi", label).replace(" & ", " và ")


def statistics(services: Services, ref: str, *, unit: str | None = None) -> dict[str, Any]:
    """Biểu 06 of the period `ref` (for the unit holding the dossiers, or all): rows by area
    with their procedures, the total first; each row's counts under the names of `COLUMNS`."""
    _require_view(services)
    period = parse_period(ref)
    units = services.dossiers.units()
    if unit and unit not in units:
        raise ValidationError(_("There is no unit {unit}: choose one of {choices}.").format(
            unit=unit, choices=", ".join(units)))
    today = clock.local_today()
    if period.start > today:
        raise ValidationError(_("{period} has not begun: there is nothing to count yet.").format(
            period=period.label))
    scope = scope_of(period, today)
    query = (select(Dossier.area, Dossier.procedure_key, func.max(Dossier.procedure_name),
                    *counted_columns(scope))
             .where(in_scope(scope)).group_by(Dossier.area, Dossier.procedure_key))
    if unit:
        query = query.where(Dossier.current_unit == unit)
    with services.db.reading() as conn:
        found = conn.execute(query).all()
    by_area: dict[str, list[dict[str, Any]]] = {}
    for area, key, name, *counts in found:
        row = {"area": area, "procedure": key, "name": name,
               **dict(zip(COLUMNS, (int(c or 0) for c in counts), strict=True))}
        by_area.setdefault(area, []).append(row)
    areas = []
    for area, procedures in sorted(by_area.items(), key=lambda item: _vi_area(item[0])):
        procedures.sort(key=lambda row: row["name"])
        areas.append({"area": area, "name": _vi_area(area), **_sum(procedures),
                      "procedures": procedures})
    return {"period": {"ref": period.ref, "label": period.label, "start": period.start,
                       "end": period.end},
            "as_of": scope.as_of, "unit": unit, "unit_name": units.get(unit or "", ""),
            "total": _sum(areas), "areas": areas, "printed_on": clock.local_today()}


def _sum(rows: list[dict[str, Any]]) -> dict[str, int]:
    return {column: sum(row[column] for row in rows) for column in COLUMNS}


def on_time_rate(counts: dict[str, int]) -> float | None:
    """(early + on time) / settled — the "tỷ lệ đúng hạn" (UNCONFIRMED formula); None when
    nothing was settled."""
    return (counts["early"] + counts["on_time"]) / counts["settled"] if counts["settled"] \
        else None


def split_ref(ref: str) -> tuple[str, str | None]:
    """"2024-Q3~@PTTHC" → ("2024-Q3~", "PTTHC"): a period, and a unit if one is named."""
    period, _at, unit = ref.strip().partition("@")
    return period.strip(), unit.strip() or None


def document_data(services: Services, ref: str) -> dict[str, Any]:
    """The data the printed Biểu 06 is drawn from (`ref`: a period, "@unit" to count a unit's
    dossiers only)."""
    period, unit = split_ref(ref)
    data = statistics(services, period, unit=unit)
    rate = on_time_rate(data["total"])
    data["on_time_rate"] = None if rate is None else round(100 * rate, 1)
    return data


def workbook(data: dict[str, Any]) -> bytes:
    """Biểu 06 as an XLSX workbook laid out as the form: the title, the period, the two heading
    rows with their merged cells, the column numbers, then the rows (totals bold)."""
    import io

    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    from sotttt_desktop.documents.templates.one_stop_statistics import (
        FORM,
        FORM_TITLE,
        GROUPS,
        HEADER,
        report_day,
        table_rows,
    )

    book = Workbook()
    sheet = book.active
    sheet.title = "Biểu 06"
    width = len(HEADER)
    period = data["period"]
    lines = [FORM, FORM_TITLE.upper(),
             f"Kỳ báo cáo: {period['label']} (từ ngày {report_day(period['start'])} đến ngày "
             f"{report_day(period['end'])}; hồ sơ đang giải quyết tính đến ngày "
             f"{report_day(data['as_of'])})" + (f" — {data['unit_name']}" if data.get("unit_name")
                                          else ""),
             "Đơn vị tính: hồ sơ"]
    for row, text in enumerate(lines, start=1):
        sheet.cell(row, 1, text).font = Font(bold=row == 2)
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
        sheet.cell(row, 1).alignment = Alignment(horizontal="center")
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    centred = Alignment(horizontal="center", vertical="center", wrap_text=True)
    top = len(lines) + 2
    column = 1
    for text, span in GROUPS:
        sheet.cell(top, column, text)
        if span > 1:
            sheet.merge_cells(start_row=top, start_column=column, end_row=top,
                              end_column=column + span - 1)
        elif not HEADER[column - 1]:
            sheet.merge_cells(start_row=top, start_column=column, end_row=top + 1,
                              end_column=column)
        column += span
    for column, text in enumerate(HEADER, start=1):
        if text:
            sheet.cell(top + 1, column, text)
        sheet.cell(top + 2, column, f"({column})")
    for row in range(top, top + 3):
        for column in range(1, width + 1):
            cell = sheet.cell(row, column)
            cell.font, cell.alignment, cell.border = Font(bold=True), centred, box
    rows, bold = table_rows(data, numbers=False)
    for index, values in enumerate(rows):
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(top + 3 + index, column, value)
            cell.border = box
            cell.font = Font(bold=index in bold)
            if column == 2:
                cell.alignment = Alignment(wrap_text=True, vertical="center")
    sheet.column_dimensions["A"].width = 6
    sheet.column_dimensions["B"].width = 48
    for column in range(3, width + 1):
        sheet.column_dimensions[get_column_letter(column)].width = 11
    sheet.row_dimensions[top + 1].height = 45
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def export(services: Services, ref: str, path: Any, *, force: bool = False) -> dict[str, Any]:  # noqa: ANN401
    """Write Biểu 06 of `ref` (a period, "@unit") to `path` (.xlsx), all or nothing."""
    from pathlib import Path

    from sotttt_desktop.core import audit
    from sotttt_desktop.core.safe_write import check_target, placed_file

    require_export(services)
    target = Path(path)
    if target.suffix.lower() != ".xlsx":
        raise ValidationError(_("Export to a .xlsx file."))
    check_target(target, force=force)
    # the figures as printed: those a report recorded as sent was sent with, if it was
    data = services.documents.data("one-stop-statistics", ref)
    content = workbook(data)
    with services.db.session(write=True) as session:
        audit.append(session, username=services.actor.username, action="export",
                     entity_kind="statistics", entity_id=f"bieu-06:{ref.strip()}",
                     summary=f"Biểu 06/VPCP/KSTT {data['period']['label']} → {target.name}")
        session.flush()
        with placed_file(target, content, force=force):
            session.commit()
    return {"path": str(target), "total": data["total"], "period": data["period"]["ref"]}
