"""The report calendar and the reports as sent (REFERENCE-2 §11; issue #21).

The calendar is data (resources/reference/report_calendar.toml): each report's basis, recipient,
periods and their rule (calendar or cut off on the 14th), due-date rule, form, and what drafts it
— a document the application prints, a case of an area's tab, or nothing yet (the calendar then
says so: a report of an area not built is listed, never printed as a table of zeros).

A report is recorded as sent once per period: its number is taken from the register of outgoing
documents (series of BC), the data it was printed from is frozen in the record, and a later print
of the same period shows that data with that number."""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from sotttt_desktop.areas import AREAS
from sotttt_desktop.core import audit, clock, report_periods
from sotttt_desktop.core.models import NumberRecord, ReportInstance
from sotttt_desktop.core.text import clean
from sotttt_desktop.errors import NotFoundError, ValidationError
from sotttt_desktop.i18n import N_, _, format_date
from sotttt_desktop.resources import resource_path

if TYPE_CHECKING:
    from sotttt_desktop.services.facade import Services

AREA = "reports"
CHANNELS = {"e_document": N_("Electronic document system"), "reporting_system":
            N_("Reporting information system"), "post": N_("By post"),
            "hand": N_("By hand")}
REPORT_SYMBOL = "BC"
NUMBER_TEXT = re.compile(r"^(\d{1,5})/BC-(.+)$")
NOTE_MAX = 2_000
_DUE = re.compile(r"^(?:end\+(\d{1,3})|(\d{2})-(\d{2}))$")


@dataclass(frozen=True)
class ReportKind:
    key: str
    name: str
    form: str
    basis: str
    recipient: str
    area: str
    frequencies: tuple[str, ...]
    period_rule: str
    due: str
    document: str = ""
    case: str = ""
    register: str = ""  # or kept as the entries of an area's register (one per system…)
    unconfirmed: str = ""

    @property
    def drafted(self) -> bool:
        """Whether the application drafts or keeps it (a document, a case, a register)."""
        return bool(self.document or self.case or self.register)

    def period(self, frequency: str, year: int, index: int) -> report_periods.Period:
        return report_periods.period(frequency, year, index, self.period_rule)

    def due_on(self, period: report_periods.Period) -> dt.date:
        match = _DUE.match(self.due)
        assert match is not None  # checked when loaded
        if match.group(1) is not None:
            return period.end + dt.timedelta(days=int(match.group(1)))
        return dt.date(period.end.year, int(match.group(2)), int(match.group(3)))


def _checked(kind: ReportKind) -> ReportKind:
    """A calendar entry naming an area, rule, document or case that does not exist fails when
    the calendar is loaded (a test loads it), not in front of a leader."""
    from sotttt_desktop.core.cases import kinds as case_kinds
    from sotttt_desktop.documents.templates import templates

    problems = []
    if kind.area not in {a.key for a in AREAS}:
        problems.append(f"area {kind.area}")
    if kind.period_rule not in report_periods.RULES:
        problems.append(f"period_rule {kind.period_rule}")
    if not kind.frequencies or set(kind.frequencies) - set(report_periods.FREQUENCIES):
        problems.append(f"frequencies {kind.frequencies}")
    if not _DUE.match(kind.due):
        problems.append(f"due {kind.due}")
    if kind.document and kind.document not in templates():
        problems.append(f"document {kind.document}")
    if kind.case and kind.case not in case_kinds():
        problems.append(f"case {kind.case}")
    if kind.register:
        from sotttt_desktop.registers import all_registers

        if kind.register not in all_registers():
            problems.append(f"register {kind.register}")
    if problems:
        raise ValueError(f"report calendar {kind.key}: no such {', '.join(problems)}")
    return kind


@cache
def calendar() -> tuple[ReportKind, ...]:
    data = tomllib.loads(resource_path("reference", "report_calendar.toml")
                        .read_text(encoding="utf-8"))
    return tuple(_checked(ReportKind(key=key, **{**entry, "frequencies": tuple(
        entry["frequencies"])})) for key, entry in data["report"].items())


def report_kind(key: str) -> ReportKind:
    for kind in calendar():
        if kind.key == key:
            return kind
    raise NotFoundError(_("There is no report {key} in the report calendar.").format(key=key))


def _period_of(kind: ReportKind, ref: str) -> report_periods.Period:
    """The period `ref` names under the report's rule, if it is one of the report's."""
    text = ref.strip()
    cut = text.endswith("~")
    try:
        period = None if text.count("~") > 1 or (
            cut and kind.period_rule != report_periods.CUTOFF) else \
            report_periods.parse(text.removesuffix("~"), kind.period_rule)
    except report_periods.PeriodError:
        period = None
    if period is None or not any(period in report_periods.periods_of(
            f, period.end.year, kind.period_rule) for f in kind.frequencies):
        raise ValidationError(_("{name} is reported by {periods}: give one of these periods, "
                                "e.g. {example}.").format(
            name=kind.name, periods=", ".join(_(FREQUENCY_LABELS[f]) for f in kind.frequencies),
            example=kind.period(kind.frequencies[0], clock.local_today().year - 1, 1).ref))
    return period


def _typed_number(text: str, agency: str) -> int:
    """The number of a report's typed number "12/BC-STTTT" (this agency's BC series, written
    as the register writes it: a leading zero below 10)."""
    from sotttt_desktop.core.numbering import document_number_text

    match = NUMBER_TEXT.match(text)
    number = int(match.group(1)) if match else 0
    if not match or number < 1 or document_number_text(number, REPORT_SYMBOL, agency) != text:
        raise ValidationError(_("Write the number as printed on the report, e.g. "
                                "{example}.").format(
            example=document_number_text(12, REPORT_SYMBOL, agency)))
    return number


FREQUENCY_LABELS = {"month": N_("month"), "quarter": N_("quarter"), "half": N_("half-year"),
                    "nine_months": N_("nine months"), "year": N_("year")}


class ReportService:
    def __init__(self, services: Services):
        self._services = services

    def due(self, today: dt.date | None = None, *, horizon: int = 366) -> list[dict[str, Any]]:
        """The reports due this month, and those past due in the last `horizon` days and not
        recorded as sent, most urgent first."""
        self._services.require(AREA, "view")
        today = today or clock.local_today()
        month_end = report_periods.period("month", today.year, today.month).end
        sent = self._sent_keys()
        found = []
        for kind in calendar():
            if self._services.refusal(kind.area, "view"):
                continue  # a district officer does not see the one-stop desk's reports
            for frequency in kind.frequencies:
                for year in (today.year - 1, today.year):
                    for period in report_periods.periods_of(frequency, year, kind.period_rule):
                        due = kind.due_on(period)
                        recorded = (kind.key, period.ref) in sent
                        this_month = due.year == today.year and due.month == today.month
                        late = due < today and (today - due).days <= horizon and not recorded
                        if not (this_month or late) or due > month_end:
                            continue
                        found.append(self._due_row(kind, period, due, recorded, today))
        # past due first, the latest first (the oldest are the least likely still awaited);
        # then those due later this month, the soonest first
        found.sort(key=lambda row: (row["sent"], row["state"] != "overdue",
                                    -row["due"].toordinal() if row["state"] == "overdue"
                                    else row["due"].toordinal(), row["name"]))
        return found

    @staticmethod
    def _due_row(kind: ReportKind, period: report_periods.Period, due: dt.date,
                 recorded: bool, today: dt.date) -> dict[str, Any]:
        state = "sent" if recorded else "overdue" if due < today else "due"
        return {"key": kind.key, "name": kind.name, "form": kind.form, "area": kind.area,
                "recipient": kind.recipient, "period": period.ref, "period_label": period.label,
                "start": period.start, "end": period.end, "due": due, "sent": recorded,
                "state": state, "document": kind.document, "case": kind.case,
                "register": kind.register,
                "drafted": kind.drafted, "unconfirmed": kind.unconfirmed}

    def due_count(self, today: dt.date | None = None) -> int:
        """How many reports of the calendar are due this month or past due, not yet sent —
        for those who record them (the right to sign reports); 0 for the others."""
        if self._services.refusal(AREA, "view") or self._services.refusal(AREA, "sign"):
            return 0
        return sum(not row["sent"] for row in self.due(today))

    def _sent_keys(self) -> set[tuple[str, str]]:
        with self._services.db.reading() as conn:
            return {(k, p) for k, p in conn.execute(
                select(ReportInstance.report_key, ReportInstance.period_ref))}

    def instances(self, key: str | None = None) -> list[dict[str, Any]]:
        self._services.require(AREA, "view")
        query = select(ReportInstance).order_by(ReportInstance.sent_on.desc(),
                                                ReportInstance.report_key)
        if key:
            query = query.where(ReportInstance.report_key == key)
        with self._services.db.session() as session:
            rows = [self._as_dict(row) for row in session.execute(query).scalars()]
        return [row for row in rows if row["area"] is None
                or self._services.refusal(row["area"], "view") is None]

    def instance(self, key: str, period_ref: str) -> dict[str, Any] | None:
        kind = report_kind(key)
        period = _period_of(kind, period_ref)
        with self._services.db.session() as session:
            row = session.execute(select(ReportInstance).where(
                ReportInstance.report_key == key,
                ReportInstance.period_ref == period.ref)).scalar_one_or_none()
            return self._as_dict(row) if row else None

    @staticmethod
    def _as_dict(row: ReportInstance) -> dict[str, Any]:
        kind = next((k for k in calendar() if k.key == row.report_key), None)
        return {"key": row.report_key, "name": kind.name if kind else row.report_key,
                "area": kind.area if kind else None,
                "period": row.period_ref, "start": row.period_start, "end": row.period_end,
                "period_label": report_periods.parse(row.period_ref).label,
                "number": row.number, "signer": row.signer, "sent_on": row.sent_on,
                "channel": row.channel, "note": row.note, "document": row.document_kind,
                "snapshot": json.loads(row.snapshot) if row.snapshot else None,
                "recorded_by": row.recorded_by}

    def record_sent(self, key: str, period_ref: str, *, sent_on: dt.date, channel: str,
                    signer: str = "", note: str = "", number: str = "") -> dict[str, Any]:
        """Record the report of `key` for the period as sent, with the data it was printed
        from frozen (a report the application prints). Sent today, it takes the next number of
        the register of outgoing documents; sent on an earlier day, it was numbered then: give
        `number` as printed on it (a number taken today would break the register's order). A
        report already recorded for the period is refused."""
        services = self._services
        services.require(AREA, "sign")
        kind = report_kind(key)
        services.require(kind.area, "view")
        period = _period_of(kind, period_ref)
        if channel not in CHANNELS:
            raise ValidationError(_("Choose how it was sent: {choices}.").format(
                choices=", ".join(f"{key} ({_(label)})" for key, label in CHANNELS.items())))
        today = clock.local_today()
        if sent_on is None:
            raise ValidationError(_("Give the day the report was sent."))
        if sent_on > today:
            raise ValidationError(_("A report cannot be recorded as sent in the future."))
        if sent_on < period.end:
            raise ValidationError(_("A report of {period} is sent once the period is over, on "
                                    "or after {day}.").format(period=period.label,
                                                              day=format_date(period.end)))
        agency = services.numbering.agency(sent_on)
        given = clean(number) or ""
        typed = _typed_number(given, agency) if given else None
        if sent_on < today and not given:
            raise ValidationError(_("A report sent before today was numbered then: give the "
                                    "number printed on it, e.g. 12/BC-STTTT."))
        if given and sent_on == today:
            raise ValidationError(_("A report sent today takes the next number of the register "
                                    "of outgoing documents: leave the number empty."))
        signer_row = services.documents.signer(clean(signer) or None, sent_on)
        if len(clean(note) or "") > NOTE_MAX:
            raise ValidationError(_("Too long: {fields}.").format(fields=_("Note")))
        snapshot = self._snapshot(kind, period) if kind.document else None
        summary = f"Báo cáo {kind.name[:1].lower()}{kind.name[1:]} {period.label}"
        with services.db.session(write=True) as session:
            if session.execute(select(ReportInstance.id).where(
                    ReportInstance.report_key == key,
                    ReportInstance.period_ref == period.ref)).first():
                raise ValidationError(_("{name} of {period} is already recorded as sent.").format(
                    name=kind.name, period=period.label))
            register = {"summary": summary, "signer": signer_row["full_name"],
                        "recipients": kind.recipient}
            if typed is not None:  # numbered on paper: entered in the register, checked there
                text = services.numbering.outside_number(
                    session, REPORT_SYMBOL, typed, on=sent_on, agency=agency,
                    register={**register, "document_kind": REPORT_SYMBOL,
                              "document_date": sent_on},
                    reference=f"report:{key}:{period.ref}")[0]
            else:
                text = services.numbering.document_number(
                    session, REPORT_SYMBOL, reference=f"report:{key}:{period.ref}", on=sent_on,
                    agency=agency, register=register)[1]
            if snapshot is not None:
                snapshot.update(number=text, printed_on=sent_on.isoformat(),
                                signer=signer_row, recipient=kind.recipient)
            row = ReportInstance(
                report_key=key, period_ref=period.ref, period_start=period.start,
                period_end=period.end, document_kind=kind.document or None,
                snapshot=json.dumps(snapshot, ensure_ascii=False, default=str) if snapshot
                else None,
                number=text, signer=signer_row["full_name"], sent_on=sent_on, channel=channel,
                note=clean(note) or None, recorded_at=clock.utc_now(),
                recorded_by=services.actor.username)
            session.add(row)
            audit.append(session, username=services.actor.username, action="report_sent",
                         entity_kind="report", entity_id=f"{key}:{period.ref}",
                         summary=f"{summary} ({text})",
                         after={"number": text, "sent_on": sent_on.isoformat(),
                                "channel": channel, "signer": signer_row["full_name"]})
            session.commit()
            return self._as_dict(row)

    def withdraw_sent(self, key: str, period_ref: str, reason: str) -> dict[str, Any]:
        """Take back a report recorded as sent by mistake (the wrong period, a mistyped number):
        the record goes, its number is voided in the register of outgoing documents with the
        reason (never reused), both in one transaction; the report can then be recorded again."""
        from sotttt_desktop.core.numbering import void_number

        services = self._services
        services.require(AREA, "sign")
        kind = report_kind(key)
        period = _period_of(kind, period_ref)
        reason = clean(reason) or ""
        if not reason:
            raise ValidationError(_("Give the reason (e.g. the decision that moved the day)."))
        if len(reason) > NOTE_MAX:
            raise ValidationError(_("Too long: {fields}.").format(fields=_("Reason")))
        with services.db.session(write=True) as session:
            row = session.execute(select(ReportInstance).where(
                ReportInstance.report_key == key,
                ReportInstance.period_ref == period.ref)).scalar_one_or_none()
            if row is None:
                raise NotFoundError(_("{name} of {period} is not recorded as sent.").format(
                    name=kind.name, period=period.label))
            withdrawn = self._as_dict(row)
            number = session.execute(select(NumberRecord).where(
                NumberRecord.text == row.number,
                NumberRecord.period == str(row.sent_on.year))).scalar_one_or_none()
            if number is not None and number.state != "void":
                void_number(session, number.kind, number.agency, number.period, number.number,
                            reason=reason)
            session.delete(row)
            audit.append(session, username=services.actor.username,
                         action="report_withdrawn", entity_kind="report",
                         entity_id=f"{key}:{period.ref}", summary=reason,
                         before={"number": withdrawn["number"],
                                 "sent_on": withdrawn["sent_on"].isoformat()})
            session.commit()
        return withdrawn

    def _snapshot(self, kind: ReportKind, period: report_periods.Period) -> dict[str, Any]:
        return self._services.documents.data(kind.document, period.ref)


# --- the reports the application prints (document subject "report") -----------------------


def _one_stop_statistics(services: Services, ref: str) -> dict[str, Any]:
    from sotttt_desktop.services import one_stop_statistics

    return one_stop_statistics.document_data(services, ref)


def _sector_statistics(kind: str) -> Callable[[Services, str], dict[str, Any]]:
    from sotttt_desktop.services import sector_statistics

    return lambda services, ref: sector_statistics.document_data(services, kind, ref)


def document_data(document: str) -> Callable[[Services, str], dict[str, Any]]:
    """How the data of a report the application prints is counted, by its document kind."""
    from sotttt_desktop.services import sector_statistics

    if document == "one-stop-statistics":
        return _one_stop_statistics
    if document in sector_statistics.tables():
        return _sector_statistics(document)
    raise KeyError(document)


def _kind_of_document(document: str) -> ReportKind:
    return next(kind for kind in calendar() if kind.document == document)


def recipient_of(document: str) -> str:
    return _kind_of_document(document).recipient


def document_area_and_ref(services: Services, document: str, ref: str) -> tuple[str, str]:
    """(area, the reference as stored) of a report's document: "2024-Q3~" or "2024-Q3@UNIT"."""
    from sotttt_desktop.services import one_stop_statistics

    period_ref, unit = one_stop_statistics.split_ref(ref)
    period = one_stop_statistics.parse_period(period_ref)
    if unit and document != "one-stop-statistics":
        raise ValidationError(_("These statistics are the Department's: they are not counted "
                                "by unit."))
    if unit and unit not in services.dossiers.units():
        raise ValidationError(_("There is no unit {unit}: choose one of {choices}.").format(
            unit=unit, choices=", ".join(services.dossiers.units())))
    return _kind_of_document(document).area, period.ref + (f"@{unit}" if unit else "")


def sent_data(services: Services, document: str, ref: str) -> dict[str, Any] | None:
    """The frozen data of the report of the calendar printed as `document` for the period
    `ref`, if it was recorded as sent (a unit's count is never a sent report)."""
    from sotttt_desktop.services import one_stop_statistics

    period_ref, unit = one_stop_statistics.split_ref(ref)
    if unit:
        return None
    kind = _kind_of_document(document)
    try:
        period = one_stop_statistics.parse_period(period_ref)
    except ValidationError:
        return None
    with services.db.reading() as conn:
        snapshot = conn.execute(select(ReportInstance.snapshot).where(
            ReportInstance.report_key == kind.key,
            ReportInstance.period_ref == period.ref)).scalar_one_or_none()
    return json.loads(snapshot) if snapshot else None
