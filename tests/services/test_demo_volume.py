"""The demo's one-stop volume (issue #14 part 3): a Department's years of dossiers in every
state with realistic shares, written in bulk exactly as the desk's services write them, and the
permits that follow, numbered in date order per series and year."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

import pytest
from sqlalchemy import event as sql_event
from sqlalchemy import func, select

from sotttt_desktop.catalog import load as load_catalogue
from sotttt_desktop.core.calendar import compute_due
from sotttt_desktop.core.models import Dossier, DossierEvent, NumberRecord, Permit
from sotttt_desktop.i18n import LOCAL_TZ
from sotttt_desktop.services import Services
from sotttt_desktop.services.backup import check_database
from sotttt_desktop.services.demo_volume import (
    DOSSIERS_PER_YEAR,
    EXTEND_AHEAD_DAYS,
    VolumePlanner,
    history_start,
)
from sotttt_desktop.services.setup import DEMO_WORKING_DATE

TEMPLATE_VOLUME = 0.5  # tests/conftest.py builds the demo templates at scale 0.5
STATES = ("received", "supplement_requested", "in_appraisal", "approved", "refused",
          "result_ready", "returned", "withdrawn")


def _local(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(LOCAL_TZ).replace(tzinfo=None)


def _dossiers(services: Services) -> list[Dossier]:
    with services.db.session() as session:
        rows = list(session.execute(select(Dossier)).scalars())
        session.expunge_all()
        return rows


def _events(services: Services) -> dict[object, list[DossierEvent]]:
    found: dict[object, list[DossierEvent]] = defaultdict(list)
    with services.db.session() as session:
        for event in session.execute(select(DossierEvent).order_by(DossierEvent.id)).scalars():
            found[event.dossier_id].append(event)
        session.expunge_all()
    return found


def test_a_year_of_volume_in_every_state(demo_services: Services) -> None:
    dossiers = _dossiers(demo_services)
    by_year = Counter(_local(d.received_at).year for d in dossiers)
    first = history_start(DEMO_WORKING_DATE).year
    assert sorted(by_year) == list(range(first, DEMO_WORKING_DATE.year + 1))
    for year, count in by_year.items():
        # scale 1 makes ≥ 1,000 a year (the working date's year is 11 months of it)
        assert count / TEMPLATE_VOLUME >= 1000, (year, count)
        assert count / TEMPLATE_VOLUME <= 1.2 * DOSSIERS_PER_YEAR, (year, count)
    states = Counter(d.state for d in dossiers)
    assert set(STATES) <= set(states), states
    procedures = {d.procedure_key for d in dossiers}
    assert len(procedures) >= 25, procedures  # across the catalogue
    # the open ones are near the working date; only a few are past their due date
    open_ones = [d for d in dossiers if d.state not in ("returned", "withdrawn")]
    assert all(_local(d.received_at).date() >= DEMO_WORKING_DATE - dt.timedelta(days=120)
               for d in open_ones)
    overdue = demo_services.dossiers.list(overdue=True, limit=1000)
    assert 0 < len(overdue) <= 0.01 * len(dossiers)


def test_the_shares_are_a_real_offices(demo_services: Services) -> None:
    dossiers = _dossiers(demo_services)
    events = _events(demo_services)
    total = len(dossiers)
    returned = [d for d in dossiers if d.state == "returned"]
    timing = Counter(demo_services.dossiers.due_status(d)[0] for d in returned)
    assert timing["on_time"] / len(returned) >= 0.45, timing
    assert 0.15 <= timing["early"] / len(returned) <= 0.45, timing
    assert 0.01 <= timing["late"] / len(returned) <= 0.10, timing
    kinds = Counter(e.kind for timeline in events.values() for e in timeline)
    assert 0.05 <= kinds["request_supplement"] / total <= 0.20, kinds
    assert 0.03 <= kinds["refuse"] / total <= 0.12, kinds
    assert 0.01 <= kinds["withdraw"] / total <= 0.08, kinds
    assert 0.01 <= kinds["apologise"] / total <= 0.08, kinds
    assert 0.6 <= kinds["approve"] / total <= 0.95, kinds


def test_supplements_and_apologies_keep_the_law(demo_services: Services) -> None:
    """ND 61/2018 Art. 19(4): a supplement within 03 working days of receipt; Art. 19(9): an
    apology at least 01 working day before the due date, once."""
    calendar = demo_services.calendar.calendar()
    # the volume's (created when received; the hand-written cases are walked by the services
    # when the demo is built)
    volume = {d.id for d in _dossiers(demo_services) if d.created_at == d.received_at}
    asked = 0
    for dossier_id, timeline in _events(demo_services).items():
        if dossier_id not in volume:
            continue
        received = _local(timeline[0].at).date()
        apologies = [e for e in timeline if e.kind == "apologise"]
        assert len(apologies) <= 1
        for event in apologies:
            day, left = _local(event.at).date(), 0
            while day < event.due_before:
                day += dt.timedelta(days=1)
                left += calendar.is_working_day(day)
            assert left >= 1, (event.at, event.due_before)
        for event in (e for e in timeline if e.kind == "request_supplement"):
            asked += 1
            day, days = received, 0
            while day < _local(event.at).date():
                day += dt.timedelta(days=1)
                days += calendar.is_working_day(day)
            assert days <= 3, (received, event.at)
    assert asked


def test_permit_numbers_follow_their_dates_without_gaps_or_repeats(
        demo_services: Services) -> None:
    with demo_services.db.session() as session:
        permits = session.execute(select(func.count()).select_from(Permit)).scalar_one()
        records = session.execute(select(NumberRecord).where(NumberRecord.kind != "dossier")
                                  ).scalars().all()
        series: dict[tuple[str, str, str], list[NumberRecord]] = defaultdict(list)
        for record in records:
            series[(record.kind, record.agency, record.period)].append(record)
        for key, numbers in series.items():
            numbers.sort(key=lambda r: r.number)
            assert [r.number for r in numbers] == list(range(1, len(numbers) + 1)), key
            days = [r.document_date for r in numbers if r.document_date]
            assert days == sorted(days), key
            assert len({r.text for r in numbers}) == len(numbers), key
    assert permits / TEMPLATE_VOLUME >= 600
    # every dossier whose result was ready has its permit
    with demo_services.db.session() as session:
        ready = session.execute(select(func.count(func.distinct(DossierEvent.dossier_id))).where(
            DossierEvent.kind == "result_ready")).scalar_one()
    assert permits == ready
    years = {key[2] for key in series}
    assert {str(y) for y in range(history_start(DEMO_WORKING_DATE).year,
                                  DEMO_WORKING_DATE.year + 1)} <= years


def test_bulk_rows_read_as_service_made_ones(demo_services: Services) -> None:
    """`check` passes; the book of form 06 and the overdue list read the volume; a bulk
    dossier shows as one walked through the services does."""
    report = check_database(demo_services, full=True)
    assert report.ok, report.checks
    year = history_start(DEMO_WORKING_DATE).year
    book = demo_services.documents.book_data(str(year))
    assert len(book["entries"]) / TEMPLATE_VOLUME >= 1000
    assert [e["seq"] for e in book["entries"]][:3] == [1, 2, 3]
    # a dossier of the volume walked receipt → result → returned
    walk = ["received", "hand_over", "start_appraisal", "approve", "result_ready",
            "return_result"]
    with demo_services.db.session() as session:
        candidates = session.execute(select(Dossier.id, Dossier.code).where(
            Dossier.state == "returned",
            Dossier.procedure_key == "publishing.photocopier.register")
            .order_by(Dossier.received_at)).all()
        events = _events(demo_services)
        code = next(c for i, c in candidates if [e.kind for e in events[i]] == walk)
        number = session.execute(select(Permit.number, Permit.number_year).join(
            Dossier, Permit.dossier_id == Dossier.id).where(Dossier.code == code)).one()
    bulk = demo_services.dossiers.show(code)
    # the same walk through the services
    party = next(p for p in demo_services.parties.list(limit=50) if p["kind"] == "org")
    received = demo_services.dossiers.receive("publishing.photocopier.register", party["id"])
    made = received["code"]
    unit = demo_services.reference.unit_for_area("publishing", DEMO_WORKING_DATE)[1]
    demo_services.dossiers.act(made, "hand_over", to_unit=unit)
    demo_services.dossiers.act(made, "start_appraisal")
    demo_services.dossiers.act(made, "approve")
    issued = demo_services.permits.issue(made, subject="", details={
        "make_model": "Canon iR-ADV C5535i", "serial_no": "SN-TEST-1", "machine_kind": "copier",
        "location": "Số 1 đường Yersin"})
    demo_services.dossiers.act(made, "return_result")
    service = demo_services.dossiers.show(made)
    assert set(bulk) == set(service)
    assert [e["kind"] for e in bulk["timeline"]] == [e["kind"] for e in service["timeline"]] \
        == walk
    for ours, theirs in zip(bulk["timeline"], service["timeline"], strict=True):
        assert set(ours) == set(theirs)
        assert (ours["from_state"], ours["to_state"]) == (theirs["from_state"],
                                                          theirs["to_state"])
        assert (ours["explanation"] is None) == (theirs["explanation"] is None), ours["kind"]
        assert type(ours["at"]) is type(theirs["at"]) and ours["at"].tzinfo is not None
    assert bulk["timeline"][1]["detail"].split()[:2] == service["timeline"][1]["detail"].split()[:2]
    assert bulk["checklist"][0].keys() == service["checklist"][0].keys()
    assert bulk["state"] == service["state"] == "returned"
    assert bulk["status"] in ("early", "on_time", "late")
    # its due date is the calendar's, explained the same way
    procedure = load_catalogue().get(bulk["procedure"], on=_local(bulk["received_at"]).date())
    due = compute_due(_local(bulk["received_at"]), procedure.time_limit, procedure.unit,
                      demo_services.calendar.calendar())
    assert bulk["timeline"][0]["explanation"] == list(due.explanation)
    assert bulk["due"] == due.due
    # the permit reads as the service's
    ours = demo_services.permits.show(f"{number[0]}@{number[1]}")
    assert set(ours) == set(issued)
    assert ours["holder"] and ours["state"] in ("valid", "superseded", "expired")


def test_the_open_dossiers_lists_skip_the_finished_years(demo_services: Services) -> None:
    """With years of finished dossiers, the overdue and due-soon lists walk the index of the
    open ones (ix_dossier_open_due), not every dossier in due order: the plan SQLite makes for
    the very statements the service runs."""
    engine = demo_services.db.engine
    if engine.dialect.name != "sqlite":
        pytest.skip("the query plan is SQLite's here")
    seen: list[tuple[str, object]] = []

    def keep(_conn, _cursor, statement, parameters, _context, _many) -> None:  # noqa: ANN001
        if statement.lstrip().upper().startswith("SELECT") and "FROM dossier" in statement \
                and "ORDER BY dossier.due_date" in statement:
            seen.append((statement, parameters))

    sql_event.listen(engine, "before_cursor_execute", keep)
    try:
        overdue = demo_services.dossiers.list(overdue=True, limit=100)
        soon = demo_services.dossiers.list(due_within=5, limit=100)
    finally:
        sql_event.remove(engine, "before_cursor_execute", keep)
    assert overdue and soon
    assert len(seen) == 2
    with engine.connect() as conn:
        for statement, parameters in seen:
            plan = " ".join(str(row[-1]) for row in conn.exec_driver_sql(
                "EXPLAIN QUERY PLAN " + statement, parameters))
            assert "ix_dossier_open_due" in plan, plan
            assert "TEMP B-TREE" not in plan, plan  # read in due order, LIMIT stops the walk



def test_licences_are_extended_near_their_end(demo_services: Services) -> None:
    """A holder asks to extend a licence in its last months, and it is extended while valid:
    the planner's extensions (two units of volume, so the first three-year licences reach
    their end), none of them long before."""
    planner = VolumePlanner(demo_services, 2.0, 7, DEMO_WORKING_DATE)
    plans = planner.plan()
    by_id = {plan.id: plan for plan in plans}
    asked = [plan for plan in plans if plan.procedure.action == "extend"]
    assert asked
    for plan in asked:
        received = plan.received.date()
        ends = [old.permit.until for old in plans if old.permit is not None
                and old.permit.until is not None and old.procedure.family == plan.procedure.family
                and old.permit.on < received]
        assert any(received >= end - dt.timedelta(days=EXTEND_AHEAD_DAYS) for end in ends)
        if plan.permit is not None:
            old = by_id[plan.permit.replaces]
            assert old.permit is not None and old.permit.until is not None
            assert plan.permit.on < old.permit.until
            assert received >= old.permit.until - dt.timedelta(days=EXTEND_AHEAD_DAYS)


def test_each_days_dossier_codes_follow_their_receipt_times(demo_services: Services) -> None:
    """The book of form 06 lists a day's dossiers by receipt time: their codes are numbered in
    that order, the demo's own cases (received after the volume) included."""
    by_day: dict[str, list[tuple[dt.datetime, int]]] = defaultdict(list)
    for dossier in _dossiers(demo_services):
        by_day[dossier.code.split("-")[1]].append((dossier.received_at,
                                                   int(dossier.code.split("-")[2])))
    for day, entries in by_day.items():
        entries.sort()
        numbers = [n for _at, n in entries]
        assert numbers == list(range(1, len(numbers) + 1)), day


def test_the_volumes_licences_fill_their_registers_with_their_terms(
        demo_services: Services) -> None:
    """The websites the volume licensed are in the register with their term, as the app's
    issue writes them (register_facts, one place)."""
    issued = {p["number"] for p in demo_services.permits.list(
        family="e_information.website", limit=10_000)}
    entries = [e for e in demo_services.registers.iter_records("websites")
               if e["licence_no"] in issued]
    assert len(entries) >= 10
    assert all(e["valid_until"] is not None for e in entries)
