"""Biểu 06/VPCP/KSTT (issue #21): counted from the dossiers with the desk's rules, checked by hand
on dossiers built for it, against a separate SQL query and the desk's own due status on the demo,
printed and exported; reports recorded as sent keep the figures they were sent with."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select, text

from sotttt_desktop.core import clock
from sotttt_desktop.core.models import Dossier
from sotttt_desktop.errors import PermissionDeniedError, ValidationError
from sotttt_desktop.services import Services
from sotttt_desktop.services import one_stop_statistics as statistics
from sotttt_desktop.services.actor import Actor
from sotttt_desktop.services.setup import open_services
from sotttt_desktop.settings import sqlite_location

WEBSITE = "e_information.website.issue"  # 10 working days


def _at(day: dt.date, hour: int = 10) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour)


def _received(services: Services, applicant: str, when: dt.datetime, channel: str = "counter"
              ) -> dict:
    return services.dossiers.receive(WEBSITE, applicant, received_at=when, channel=channel)


def _done(services: Services, code: str, when: dt.datetime) -> None:
    for action in ("start_appraisal", "approve", "result_ready"):
        services.dossiers.act(code, action, at=when)
    services.dossiers.act(code, "return_result", at=when)


@pytest.fixture
def applicant(services: Services) -> str:
    return services.parties.add(kind="org", name="Công ty TNHH Truyền thông Sông Bé",
                                tax_code="3700111222", district_code="718")["id"]


def test_a_quarter_counted_by_hand(services: Services, applicant: str) -> None:
    """Q2 2024 (calendar): one dossier carried over from Q1 and settled early in Q2 (counted
    once, as carried over), one done one day after its due date (late), one online still open
    and past due at the quarter's end (overdue), one waiting for a supplement (within the limit
    though past due: the clock is paused), one withdrawn; one settled in Q1 is not counted."""
    clock.set_working_date(dt.date(2024, 11, 29))
    settled_in_q1 = _received(services, applicant, _at(dt.date(2024, 3, 1)))
    _done(services, settled_in_q1["code"], _at(dt.date(2024, 3, 5)))
    carried = _received(services, applicant, _at(dt.date(2024, 3, 28)))
    _done(services, carried["code"], _at(dt.date(2024, 4, 2)))
    late = _received(services, applicant, _at(dt.date(2024, 4, 2)))
    late_code = late["code"]
    _done(services, late["code"], _at(late["due"] + dt.timedelta(days=1)))
    assert services.dossiers.show(late["code"])["status"] == "late"  # the desk says so too
    overdue = _received(services, applicant, _at(dt.date(2024, 6, 3)), channel="online")
    assert overdue["due"] < dt.date(2024, 6, 30)
    paused = _received(services, applicant, _at(dt.date(2024, 6, 3), 9), channel="post")
    services.dossiers.act(paused["code"], "request_supplement", reason="Thiếu đề án",
                          at=_at(dt.date(2024, 6, 4)))
    withdrawn = _received(services, applicant, _at(dt.date(2024, 5, 6)))
    services.dossiers.act(withdrawn["code"], "withdraw", reason="Tổ chức rút hồ sơ",
                          at=_at(dt.date(2024, 5, 8)))

    data = statistics.statistics(services, "2024-Q2")
    assert data["period"]["start"] == dt.date(2024, 4, 1)
    assert data["as_of"] == dt.date(2024, 6, 30)
    assert data["total"] == {"received": 5, "carried_over": 1, "online": 1, "direct": 3,
                             "settled": 2, "early": 1, "on_time": 0, "late": 1,
                             "pending": 2, "within": 1, "overdue": 1, "withdrawn": 1}
    [area] = data["areas"]
    assert area["area"] == "e_information" and area["procedures"][0]["procedure"] == WEBSITE
    q1 = statistics.statistics(services, "2024-Q1")["total"]
    assert (q1["received"], q1["settled"], q1["early"], q1["pending"]) == (2, 1, 1, 1)
    # the same quarter cut off on the 14th (15/03–14/06): the dossier settled on 05/03 is out
    cutoff = statistics.statistics(services, "2024-Q2~")
    assert cutoff["period"]["start"] == dt.date(2024, 3, 15)
    assert cutoff["total"]["carried_over"] == 0 and cutoff["total"]["received"] == 5
    # a unit's count: the dossiers each unit holds; together no more than the Department's
    by_unit = [statistics.statistics(services, "2024-Q2", unit=unit)["total"]["received"]
               for unit in services.dossiers.units()]
    assert sum(by_unit) <= 5 and any(by_unit)
    with pytest.raises(ValidationError, match="PTTHC"):
        statistics.statistics(services, "2024-Q2", unit="PTTHC")
    with pytest.raises(ValidationError, match="2024-Q3~"):
        statistics.statistics(services, "2024-Q5")
    # the dashboard counts the same dossiers by the month their clock stopped
    months = {m["month"]: m for m in services.dashboard.on_time_by_month(dt.date(2024, 6, 30))}
    assert (months["2024-03"]["settled"], months["2024-03"]["late"]) == (1, 0)
    assert (months["2024-04"]["settled"], months["2024-04"]["late"]) == (2, 1)
    assert months["2024-04"]["rate"] == 50.0 and months["2024-06"]["rate"] is None
    late = services.dashboard.late_in_month("2024-04")
    assert [row["code"] for row in late] == [late_code]


def test_the_demo_matches_a_separate_sql_query_and_the_desk(demo_db_path: Path) -> None:
    services = open_services(sqlite_location(demo_db_path), actor=Actor.system())
    try:
        data = statistics.statistics(services, "2024-Q3")
        start = dt.datetime(2024, 6, 30, 17)  # 01/07/2024 00:00 in Vietnam, in UTC
        end = dt.datetime(2024, 9, 30, 17)
        query = text("""
            SELECT COUNT(*),
              SUM(received_at < :start),
              SUM(received_at >= :start AND channel = 'online'),
              SUM(received_at >= :start AND channel <> 'online'),
              SUM(done < :end AND state <> 'withdrawn'),
              SUM(done < :end AND state <> 'withdrawn' AND date(done, '+7 hours') < due_date),
              SUM(done < :end AND state <> 'withdrawn' AND date(done, '+7 hours') = due_date),
              SUM(done < :end AND state <> 'withdrawn' AND date(done, '+7 hours') > due_date),
              SUM(done IS NULL OR done >= :end),
              SUM((done IS NULL OR done >= :end) AND due_date < '2024-09-30'
                  AND state <> 'supplement_requested'),
              SUM(done < :end AND state = 'withdrawn')
            FROM (SELECT *, COALESCE(decided_at, finished_at) AS done FROM dossier) AS d
            WHERE received_at < :end AND (done IS NULL OR done >= :start)""")
        with services.db.reading() as conn:
            row = conn.execute(query, {"start": start, "end": end}).one()
        with services.db.session() as session:
            rows = session.execute(select(Dossier)).scalars().all()
        total = data["total"]
        received, carried, online, direct, settled, early, on_time, late, pending, overdue, \
            withdrawn = (int(v or 0) for v in row)
        assert total["received"] > 100 and total["late"] > 0 and total["carried_over"] > 0
        assert (total["received"], total["carried_over"], total["online"], total["direct"],
                total["settled"], total["early"], total["on_time"], total["late"],
                total["pending"], total["overdue"], total["withdrawn"]) == (
            received, carried, online, direct, settled, early, on_time, late, pending, overdue,
            withdrawn)
        # every row balances: received = carried over + new = settled + withdrawn + pending
        for counted in [total, *data["areas"], *(p for a in data["areas"]
                                                 for p in a["procedures"])]:
            assert counted["received"] == counted["carried_over"] + counted["online"] + \
                counted["direct"]
            assert counted["received"] == counted["settled"] + counted["withdrawn"] + \
                counted["pending"]
            assert counted["settled"] == counted["early"] + counted["on_time"] + counted["late"]
            assert counted["pending"] == counted["within"] + counted["overdue"]
        # the desk's status of each dossier settled in the quarter gives the same three counts
        desk = {"early": 0, "on_time": 0, "late": 0}
        for dossier in rows:
            done = dossier.decided_at or dossier.finished_at
            if done and start.replace(tzinfo=dt.UTC) <= done < end.replace(tzinfo=dt.UTC) \
                    and dossier.state != "withdrawn":
                desk[services.dossiers.due_status(dossier)[0]] += 1
        assert desk == {k: total[k] for k in desk}
    finally:
        services.db.close()


def test_printed_exported_and_frozen_when_sent(demo_db_path: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    services = open_services(sqlite_location(demo_db_path), actor=Actor.system())
    try:
        leader = services.as_actor(services.security.login("lanhdao", "demo-2023"))
        clerk = services.as_actor(services.security.login("motcua", "demo-2023"))
        today = clock.local_today()
        rendered = leader.documents.render("one-stop-statistics", "2024-Q3~")
        assert rendered.subject_ref == "2024-Q3~" and rendered.pdf.startswith(b"%PDF")
        path = tmp_path / "bieu06.xlsx"
        result = statistics.export(leader, "2024-Q3~", path)
        sheet = load_workbook(path).active
        assert sheet["A1"].value.startswith("Biểu số 06/VPCP/KSTT")
        assert sheet["B9"].value == "Tổng cộng" and sheet["C9"].value == \
            result["total"]["received"]
        assert "C6:F6" in {str(r) for r in sheet.merged_cells.ranges}
        with pytest.raises(ValidationError, match="đã tồn tại"):
            statistics.export(leader, "2024-Q3~", path)
        # recorded as sent today: numbered from the register; its figures are frozen
        with pytest.raises(PermissionDeniedError):
            clerk.reports.record_sent("one_stop_statistics", "2024-Q3", sent_on=today,
                                      channel="e_document")
        with pytest.raises(ValidationError, match="12/BC-STTTT"):
            leader.reports.record_sent("one_stop_statistics", "2024-Q3",
                                       sent_on=today - dt.timedelta(days=3),
                                       channel="e_document")
        sent = leader.reports.record_sent("one_stop_statistics", "2024-Q3", sent_on=today,
                                          channel="e_document")
        assert sent["number"].endswith("/BC-STTTT") and sent["period"] == "2024-Q3~"
        frozen = sent["snapshot"]["total"]
        with pytest.raises(ValidationError):
            leader.reports.record_sent("one_stop_statistics", "2024-Q3~", sent_on=today,
                                       channel="post")
        with services.db.session(write=True) as session:  # a dossier of the quarter changes
            dossier = session.execute(select(Dossier).where(
                Dossier.received_at >= dt.datetime(2024, 7, 2, tzinfo=dt.UTC),
                Dossier.state == "returned").limit(1)).scalar_one()
            dossier.channel = "online" if dossier.channel != "online" else "counter"
            session.commit()
        assert statistics.statistics(leader, "2024-Q3~")["total"]["online"] != frozen["online"]
        again = leader.documents.data("one-stop-statistics", "2024-Q3~")
        assert again["total"] == frozen and again["number"] == sent["number"]
        exported = statistics.export(leader, "2024-Q3~", tmp_path / "sent.xlsx")
        assert exported["total"] == frozen  # the workbook of a sent report: its figures
        assert leader.reports.due_count(today) >= 0
        assert any(e["action"] == "report_sent" for e in leader.audit.entries(limit=5))
    finally:
        services.db.close()


def test_a_district_officer_sees_no_department_statistics(demo_db_path: Path) -> None:
    services = open_services(sqlite_location(demo_db_path), actor=Actor.system())
    try:
        officer = Actor(username="x", display_name="x", grants=frozenset(
            {("reports", "view"), ("directory", "view")}))
        with pytest.raises(PermissionDeniedError):
            statistics.statistics(services.as_actor(officer), "2024")
    finally:
        services.db.close()
