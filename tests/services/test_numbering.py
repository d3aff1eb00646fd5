"""Document numbers: per kind, agency and year; atomic and gapless under many desks."""

from __future__ import annotations

import datetime as dt
import threading

from sotttt_desktop.core.numbering import document_number_text, dossier_code_text
from sotttt_desktop.services import Services


def _issue(services: Services, symbol: str, on: dt.date, reference: str) -> str:
    with services.db.session(write=True) as session:
        _n, text = services.numbering.document_number(session, symbol, reference=reference, on=on)
        session.commit()
        return text


def test_number_texts_follow_decree_30() -> None:
    assert document_number_text(5, "GP", "STTTT") == "05/GP-STTTT"
    assert document_number_text(12, "GP", "STTTT") == "12/GP-STTTT"
    assert document_number_text(3, "STTTT-TTBCXB", "STTTT") == "03/STTTT-TTBCXB"
    assert dossier_code_text(7, "STTTT", dt.date(2024, 2, 5)) == "STTTT-240205-0007"


def test_each_kind_has_its_own_series_restarting_each_year(services: Services) -> None:
    day = dt.date(2024, 12, 30)
    assert [_issue(services, "GP", day, f"a{i}") for i in range(3)] == \
        ["01/GP-STTTT", "02/GP-STTTT", "03/GP-STTTT"]
    assert _issue(services, "GCN", day, "b") == "01/GCN-STTTT"
    assert _issue(services, "GP", dt.date(2025, 1, 1), "c") == "01/GP-STTTT"
    assert _issue(services, "GP", day, "d") == "04/GP-STTTT"


def test_a_rolled_back_document_gives_its_number_back(services: Services) -> None:
    day = dt.date(2024, 6, 1)
    _issue(services, "GP", day, "kept")
    with services.db.session(write=True) as session:
        services.numbering.document_number(session, "GP", reference="abandoned", on=day)
        # no commit: the document was not saved
    assert _issue(services, "GP", day, "next") == "02/GP-STTTT"


def test_a_voided_number_is_recorded_and_never_reused(services: Services) -> None:
    day = dt.date(2024, 6, 1)
    first = _issue(services, "GP", day, "x")
    services.numbering.void(first, "Giấy phép in sai, hủy trước khi phát hành")
    assert _issue(services, "GP", day, "y") == "02/GP-STTTT"
    records = services.numbering.records("GP", 2024)
    assert [(r["text"], r["state"]) for r in records] == [("01/GP-STTTT", "void"),
                                                          ("02/GP-STTTT", "issued")]


def test_two_hundred_concurrent_issues_give_two_hundred_consecutive_numbers(
        services: Services) -> None:
    day = dt.date(2024, 3, 1)
    numbers: list[str] = []
    errors: list[BaseException] = []
    lock = threading.Lock()
    barrier = threading.Barrier(8)

    def desk(n: int) -> None:
        try:
            barrier.wait(timeout=30)
            for i in range(25):
                text = _issue(services, "GP", day, f"desk{n}-{i}")
                with lock:
                    numbers.append(text)
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=desk, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    values = sorted(int(text.split("/")[0]) for text in numbers)
    assert values == list(range(1, 201))


def test_dossier_codes_restart_every_day(services: Services) -> None:
    with services.db.session(write=True) as session:
        codes = [services.numbering.dossier_code(session, dt.date(2024, 2, 5), reference=str(i))
                 for i in range(2)]
        codes.append(services.numbering.dossier_code(session, dt.date(2024, 2, 6),
                                                     reference="x"))
        session.commit()
    assert codes == ["STTTT-240205-0001", "STTTT-240205-0002", "STTTT-240206-0001"]
