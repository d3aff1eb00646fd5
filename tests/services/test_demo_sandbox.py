"""The demo is a training sandbox inside the Decision's period (issue #13): it stores its working
date and runs on it, its records end there, its numbers follow their dates and never repeat
within a year, and nothing printed carries a joke name."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict

import pytest

from sotttt_desktop.core import clock
from sotttt_desktop.i18n import LOCAL_TZ
from sotttt_desktop.registers import get_register
from sotttt_desktop.services import Services
from sotttt_desktop.services.demo import DEMO_USERS
from sotttt_desktop.services.setup import DEMO_WORKING_DATE, initialise, open_services
from sotttt_desktop.settings import sqlite_location
from tests.cli.helpers import run
from tests.conftest import TEST_ACTOR

LICENCE_REGISTERS = ("printing_facilities", "news_bulletins", "tvro_receivers", "colour_copiers",
                     "distributors", "nonbusiness_publications", "publication_imports",
                     "book_fairs")


def test_a_demo_database_runs_on_its_working_date(demo_services: Services) -> None:
    assert dt.date(2024, 11, 29) == DEMO_WORKING_DATE
    assert demo_services.db.working_date() == DEMO_WORKING_DATE
    assert clock.local_today() == DEMO_WORKING_DATE  # set when the database was opened
    assert demo_services.info()["working_date"] == "29/11/2024"
    dossiers = demo_services.dossiers.list(limit=100)
    assert dossiers and all(_local_day(d["received_at"]) <= DEMO_WORKING_DATE for d in dossiers)
    # a dossier received now is received on the working date, and its due date follows it
    party = demo_services.parties.list(limit=1)[0]
    received = demo_services.dossiers.receive("press.bulletin.issue", party["id"])
    assert _local_day(demo_services.dossiers.show(received["code"])["received_at"]) \
        == DEMO_WORKING_DATE
    assert DEMO_WORKING_DATE < received["due"] < DEMO_WORKING_DATE + dt.timedelta(days=60)


def _local_day(moment: dt.datetime) -> dt.date:
    return (moment.astimezone(LOCAL_TZ) if moment.tzinfo else moment).date()


def test_a_real_database_runs_on_the_real_clock(services: Services) -> None:
    assert services.db.working_date() is None and clock.working_date() is None
    assert abs((clock.local_today() - dt.date.today()).days) <= 1  # time zones apart


def test_the_demos_numbers_follow_their_dates_and_never_repeat_in_a_year(
        demo_services: Services) -> None:
    permits = demo_services.permits.list(limit=100_000)  # with the volume's years
    by_series: dict[tuple[str, int], list[tuple[int, dt.date]]] = defaultdict(list)
    for permit in permits:
        number, _slash, symbol = permit["number"].partition("/")
        issued = permit["issued_on"]
        by_series[(symbol, issued.year)].append((int(number), issued))
        assert issued <= DEMO_WORKING_DATE
    for entries in by_series.values():
        entries.sort()
        assert [day for _n, day in entries] == sorted(day for _n, day in entries), entries
    decisions = demo_services.numbering.register(DEMO_WORKING_DATE.year, "HC")
    days = [entry["document_date"] for entry in decisions]
    assert decisions and days == sorted(days)
    # the takedown requests' letters are the register's (numbered when the case opened)
    letters = {e["text"] for e in decisions if "đề nghị gỡ bỏ" in e["summary"]}
    requests = {c["code"]: demo_services.cases.show(c["code"])["data"]["request_no"]
                for c in demo_services.cases.list(kind="takedown_request")}
    assert requests and set(requests.values()) == letters
    # licences issued before the application: unique per kind and year, none in the demo's year
    seen: set[tuple[str, int]] = set()
    issued_by_the_app = {(p["number"], p["issued_on"].year) for p in permits}
    for key in LICENCE_REGISTERS:
        for record in demo_services.registers.iter_records(get_register(key).key):
            number, on = record.get("licence_no"), record.get("licence_date")
            if not number or not on:
                continue
            if (number, on.year) in issued_by_the_app:
                continue  # the register's row of a permit the demo issued
            assert re.fullmatch(r"\d{2,}/(GP|GCN|XN)-STTTT", number), number
            assert on.year < DEMO_WORKING_DATE.year, (key, number, on)
            assert (number, on.year) not in seen, (key, number, on)
            seen.add((number, on.year))


def test_demo_applicants_and_accounts_are_plausible(demo_services: Services) -> None:
    trades = {"postal.licence": "Bưu chính", "publishing.printing": "In",
              "publishing.fair": "Phát hành sách"}
    for permit in demo_services.permits.list(limit=100):
        trade = trades.get(permit["family"])
        if trade:
            assert f" {trade} " in f" {permit['holder']} ", (permit["family"], permit["holder"])
    names = " ".join(full_name for _user, full_name, *_rest in DEMO_USERS)
    for joke in ("Một Cửa", "Giám", "Trưởng", "Chuyên", "Xem", "Dĩ An"):
        assert joke not in names
    signers = demo_services.reference.signers()
    assert signers and not any(name in s["full_name"] for s in signers
                               for name in ("Giám", "Phó"))


def test_the_working_date_can_be_chosen_and_survives_reopening(tmp_path) -> None:  # noqa: ANN001
    location = sqlite_location(tmp_path / "training.sqlite3")
    services = initialise(location, actor=TEST_ACTOR, demo=True, scale=0.2,
                          demo_date=dt.date(2024, 3, 15))
    services.db.close()
    clock.set_working_date(None)
    reopened = open_services(location, actor=TEST_ACTOR)
    try:
        assert clock.local_today() == dt.date(2024, 3, 15)
        assert all(p["issued_on"] <= dt.date(2024, 3, 15)
                   for p in reopened.permits.list(limit=100))
    finally:
        reopened.db.close()


def test_the_cli_says_the_working_date_and_refuses_it_without_demo(
        capsys: pytest.CaptureFixture[str], tmp_path) -> None:  # noqa: ANN001
    db = str(tmp_path / "cli.sqlite3")
    code, _out, err = run(capsys, "--db", db, "init", "--demo-date", "29/11/2024")
    assert code != 0 and "--demo" in err
    with pytest.raises(SystemExit):  # argparse: a date that does not exist
        run(capsys, "--db", db, "init", "--demo", "--demo-date", "31/02/2024")
    assert "31/02/2024" in capsys.readouterr().err
    code, _out, err = run(capsys, "--db", db, "init", "--demo", "--scale", "0.1")
    assert code == 0, err
    code, out, err = run(capsys, "--db", db, "info")
    assert code == 0 and "Ngày làm việc giả định (dữ liệu mẫu): 29/11/2024" in out, out + err
