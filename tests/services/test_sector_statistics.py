"""The sector statistics of TT 04/2022 "as of" a period's end (issue #21): a register's state on a
past day rebuilt from its history — a licence suspended later is active in the earlier report,
one entered later but licensed before is counted as first entered, one licensed later is not —
and the printed tables agree with counts made by hand from the same history."""

from __future__ import annotations

import datetime as dt

import pytest

from sotttt_desktop.core import audit, clock, report_periods
from sotttt_desktop.documents.templates import templates
from sotttt_desktop.errors import ValidationError
from sotttt_desktop.i18n import LOCAL_TZ
from sotttt_desktop.services import Services
from sotttt_desktop.services.register_history import register_as_of
from sotttt_desktop.services.reports import calendar
from sotttt_desktop.services.sector_statistics import statistics_data, tables


def _licence(services: Services, tax_code: str, licensed: str, state: str = "active") -> dict:
    return services.registers.create("postal_licences", {
        "tax_code": tax_code, "holder_name": f"Công ty Bưu chính {tax_code}",
        "postal_services": "Thư, gói nhỏ", "service_scope": "Nội tỉnh", "state": state,
        "licence_no": f"{tax_code[-2:]}/GP-STTTT", "licence_date": licensed})


@pytest.fixture
def on(monkeypatch: pytest.MonkeyPatch):  # noqa: ANN201 - sets the day writes are stamped with
    """Writes from now on are stamped (audit trail, real clock) at 10:00 local of `day`: the
    history of a year written in a test. The working clock stays the real one."""
    def stamp(day: dt.date) -> None:
        moment = dt.datetime.combine(day, dt.time(10)).replace(tzinfo=LOCAL_TZ)
        monkeypatch.setattr(audit, "utcnow", lambda: moment.astimezone(dt.UTC))
    return stamp


def _row(data: dict, label_start: str) -> str:
    [row] = [r for r in data["rows"] if r[1].startswith(label_start)]
    return row[3]


def test_every_table_loads_prints_and_is_in_the_calendar() -> None:
    declared = tables()
    assert set(declared) == {"postal-statistics", "telecom-statistics", "press-statistics",
                             "security-statistics", "inspection-report",
                             "publishing-statistics"}
    by_document = {kind.document: kind for kind in calendar()}
    for kind, table in declared.items():
        assert templates()[kind].subject == "report"
        assert by_document[kind].area == table.area and by_document[kind].drafted


@pytest.fixture
def history(services: Services, on) -> dict[str, dict]:  # noqa: ANN001
    """Licences written over 2024: A (licensed 2023) entered in January, suspended in August;
    B entered in March; C entered in October but licensed in May; D licensed and entered in
    October; E entered in January, its state changed to ceased in July."""
    on(dt.date(2024, 1, 10))
    a = _licence(services, "3700000001", "15/06/2023")
    e = _licence(services, "3700000005", "02/01/2024")
    on(dt.date(2024, 3, 5))
    b = _licence(services, "3700000002", "05/03/2024")
    on(dt.date(2024, 7, 20))
    services.registers.update("postal_licences", e["id"], {**_form(e), "state": "ceased"},
                              e["version"])
    on(dt.date(2024, 8, 12))
    services.registers.update("postal_licences", a["id"], {**_form(a), "state": "suspended"},
                              a["version"])
    on(dt.date(2024, 10, 3))
    c = _licence(services, "3700000003", "20/05/2024")
    d = _licence(services, "3700000004", "01/10/2024")
    on(dt.date(2024, 11, 29))
    return {"a": a, "b": b, "c": c, "d": d, "e": e}


def _form(record: dict) -> dict:
    return {k: (f"{v:%d/%m/%Y}" if isinstance(v, dt.date) else v) for k, v in record.items()
            if k in {"tax_code", "holder_name", "postal_services", "service_scope", "state",
                     "licence_no", "licence_date"}}


def _states(services: Services, day: dt.date) -> dict[str, str]:
    state = register_as_of(services, "postal_licences", day, since="licence_date")
    return {r["tax_code"][-1]: r["state"] for r in state.records}


def test_a_register_on_a_past_day_is_rebuilt_from_its_history(services: Services,
                                                              history: dict) -> None:
    assert _states(services, dt.date(2024, 11, 29)) == {  # today: as the register is
        "1": "suspended", "2": "active", "3": "active", "4": "active", "5": "ceased"}
    assert _states(services, dt.date(2024, 6, 30)) == {  # H1: A not suspended yet, E not
        "1": "active", "2": "active", "3": "active", "5": "active"}  # ceased; C licensed in May
    assert _states(services, dt.date(2024, 2, 29)) == {"1": "active", "5": "active"}
    assert _states(services, dt.date(2023, 12, 31)) == {"1": "active"}  # entered later
    without_since = register_as_of(services, "postal_licences", dt.date(2024, 6, 30))
    assert {r["tax_code"][-1] for r in without_since.records} == {"1", "2", "5"}
    assert without_since.undated_later == 2  # C and D: nothing says C existed in June
    assert register_as_of(services, "postal_licences", dt.date(2024, 6, 30),
                          since="licence_date").entered_later == 1  # C


def test_the_postal_table_counts_the_period_end_state(services: Services,
                                                      history: dict) -> None:
    half = statistics_data(services, "postal-statistics", report_periods.parse("2024-H1"))
    assert half["as_of"] == dt.date(2024, 6, 30) and half["entered_later"] == 1
    # active on 30/06: A, B, C, E; issued within 01/01–30/06: B (05/03), C (20/05), E (02/01)
    assert _row(half, "Số doanh nghiệp được Sở cấp giấy phép") == "4"
    assert _row(half, "Số giấy phép bưu chính Sở cấp trong kỳ") == "3"
    year = statistics_data(services, "postal-statistics", report_periods.parse("2024"))
    assert year["as_of"] == dt.date(2024, 12, 31)
    assert _row(year, "Số doanh nghiệp được Sở cấp giấy phép") == "3"  # B, C, D
    assert _row(year, "Số giấy phép bưu chính Sở cấp trong kỳ") == "4"


def test_an_expired_licence_is_not_counted_as_in_force(services: Services, on) -> None:  # noqa: ANN001
    on(dt.date(2024, 1, 10))
    services.registers.create("postal_licences", {
        "tax_code": "3700000009", "holder_name": "Công ty Bưu chính Hết Hạn",
        "postal_services": "Thư", "service_scope": "Nội tỉnh", "state": "active",
        "licence_no": "09/GP-STTTT", "licence_date": "01/01/2019", "valid_until": "31/03/2024"})
    _licence(services, "3700000008", "01/01/2019")  # no end date
    q1 = statistics_data(services, "postal-statistics", report_periods.parse("2024-Q1"))
    q2 = statistics_data(services, "postal-statistics", report_periods.parse("2024-Q2"))
    assert _row(q1, "Số doanh nghiệp được Sở cấp giấy phép") == "2"  # valid to 31/03
    assert _row(q2, "Số doanh nghiệp được Sở cấp giấy phép") == "1"


def test_a_table_of_zeros_or_of_the_future_is_refused(services: Services) -> None:
    with pytest.raises(ValidationError, match="chỉ có số 0|only zeros"):
        statistics_data(services, "postal-statistics", report_periods.parse("2024-H1"))
    with pytest.raises(ValidationError):
        statistics_data(services, "postal-statistics", report_periods.parse(str(clock.local_today().year + 1)))


def test_a_sent_report_keeps_its_figures(services: Services, history: dict) -> None:
    services.reports.record_sent("postal_statistics", "2024-H1", sent_on=clock.local_today(),
                                 channel="e_document")
    services.registers.update(  # B ceased today: the live count changes, the sent one not
        "postal_licences", history["b"]["id"], {**_form(history["b"]), "state": "ceased"},
        history["b"]["version"])
    sent = services.documents.data("postal-statistics", "2024-H1")
    assert sent["number"].endswith("/BC-STTTT")
    assert _row(sent, "Số doanh nghiệp được Sở cấp giấy phép") == "4"
    with pytest.raises(ValidationError):
        services.documents.data("postal-statistics", "2024-H1@PTTHC")  # not counted by unit


def test_in_a_demo_everything_is_written_on_its_working_date(services: Services) -> None:
    """A demo database runs on its working date (core/clock.py): its history is of that day —
    a record entered in it exists from its licence date, its later changes are undone before."""
    clock.set_working_date(dt.date(2024, 11, 29))
    a = _licence(services, "3700000001", "15/06/2023")
    services.registers.update("postal_licences", a["id"], {**_form(a), "state": "ceased"},
                              a["version"])
    assert _states(services, dt.date(2024, 11, 29)) == {"1": "ceased"}
    assert _states(services, dt.date(2024, 6, 30)) == {"1": "active"}
    assert _states(services, dt.date(2023, 6, 14)) == {}


def test_the_inspection_report_counts_the_cases_of_its_cut_off_period(
        demo_services: Services) -> None:
    """TT 02/2021's year 2024 runs 15/12/2023–14/12/2024 (the demo's today is 29/11/2024): the
    complaints and denunciations counted as a separate query of the cases counts them."""
    from sqlalchemy import select

    from sotttt_desktop.core.models import CaseFile

    period = report_periods.parse("2024~")
    data = statistics_data(demo_services, "inspection-report", period)
    assert data["as_of"] == dt.date(2024, 11, 29) and period.start == dt.date(2023, 12, 15)
    with demo_services.db.reading() as conn:
        cases = conn.execute(select(CaseFile.kind, CaseFile.opened_at, CaseFile.finished_at)
                             .where(CaseFile.kind.in_(("denunciation", "complaint_first",
                                                       "complaint_second")))).all()

    def day(at: dt.datetime) -> dt.date:
        return at.astimezone(LOCAL_TZ).date()

    def received(kinds: tuple[str, ...]) -> int:
        return sum(k in kinds and period.start <= day(o) <= data["as_of"] for k, o, _f in cases)

    def still_open(kinds: tuple[str, ...]) -> int:
        return sum(k in kinds and day(o) <= data["as_of"] and (f is None or day(f) >
                   data["as_of"]) for k, o, f in cases)

    complaints = ("complaint_first", "complaint_second")
    assert received(("denunciation",)) > 0 and received(complaints) > 0
    assert _row(data, "Số vụ việc tố cáo đã tiếp nhận") == str(received(("denunciation",)))
    assert _row(data, "Số vụ việc khiếu nại đã tiếp nhận") == str(received(complaints))
    assert _row(data, "Số vụ việc tố cáo chưa kết thúc") == str(still_open(("denunciation",)))
    assert _row(data, "Số vụ việc khiếu nại chưa kết thúc") == str(still_open(complaints))
    with pytest.raises(ValidationError):  # the demo's cases are of its last weeks
        statistics_data(demo_services, "inspection-report", report_periods.parse("2024-Q1~"))


def test_the_dashboard_prints_todays_figures_with_its_charts(demo_services: Services) -> None:
    """The dashboard as a printed report: each chart drawn in the PDF with its figures in a
    table; only today's figures exist, so another day is refused."""
    from sotttt_desktop.services.dashboard import document_data
    from tests.documents.helpers import pdf_text

    data = document_data(demo_services, "today")
    rendered = demo_services.documents.render("dashboard", "today")
    text = " ".join(pdf_text(rendered.pdf).split())
    assert "BÁO CÁO NHANH" in text and "đến ngày 29/11/2024" in text
    for heading in ("Hồ sơ thủ tục hành chính đã giải quyết theo tháng",
                    "Hồ sơ đang giải quyết theo lĩnh vực", "Hồ sơ vụ việc đang xử lý theo thời hạn",
                    "Hồ sơ vụ việc đang xử lý theo cán bộ"):
        assert heading in text
    assert "Chưa phân công" in text  # open cases nobody is assigned to are counted too
    month = data["on_time"][-1]
    assert f"11/2024 {month['settled']} {month['on_time']} {month['late']}" in text
    with pytest.raises(ValidationError):
        document_data(demo_services, "28/11/2024")


def test_a_row_the_history_cannot_tell_prints_a_dash_not_a_zero(demo_services: Services) -> None:
    """The demo's service points were all entered on its working date and have no date saying
    when they opened: on 30/06/2024 their number is not knowable — "–", not 0."""
    data = statistics_data(demo_services, "postal-statistics", report_periods.parse("2024-H1"))
    assert data["undated_later"] > 0
    assert _row(data, "Số điểm phục vụ bưu chính") == "–"
    assert _row(data, "Số doanh nghiệp được Sở cấp giấy phép") not in ("–", "0")
