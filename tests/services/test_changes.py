"""The change hub: every committed write announces what it changed — after the commit, never for
a write rolled back — with the register and area of register records; an import announces its
records, and a cancelled import takes back what it wrote."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from sotttt_desktop.errors import CancelledError, ValidationError
from sotttt_desktop.services import Services
from sotttt_desktop.services.changes import Change

REGISTER = "printing_facilities"
HEADINGS = "Mã số thuế,Tên,Huyện,Giấy phép hay đăng ký,Trạng thái\n"


def clean_csv(path: Path, rows: int, start: int = 1) -> Path:
    """`rows` valid printing facilities, as a Department's spreadsheet gives them."""
    lines = [HEADINGS] + [f"38{n:08d},Cơ sở in số {n},Dĩ An,Giấy phép hoạt động in,"
                          f"Đang hoạt động\n" for n in range(start, start + rows)]
    path.write_text("".join(lines), encoding="utf-8")
    return path


def _record(services: Services) -> dict:
    return services.registers.create(REGISTER, {
        "name": "Công ty TNHH In Bình Minh", "tax_code": "3700111222", "district_code": "725",
        "licence_kind": "permit", "state": "active"})


def test_a_write_is_announced_after_its_commit(services: Services) -> None:
    heard: list[tuple[Change, ...]] = []
    visible: list[int] = []

    def listener(changes: tuple[Change, ...]) -> None:
        heard.append(changes)
        # announced after the commit: another session already reads the record
        visible.append(services.registers.count(REGISTER))

    unsubscribe = services.changes.subscribe(listener)
    record = _record(services)
    unsubscribe()
    assert visible == [1]
    [changes] = heard
    [change] = [c for c in changes if c.register == REGISTER]
    assert change.ids == frozenset({str(record["id"])})
    assert change.area == "publishing" and change.kind == "printing_facility"


def test_the_hub_is_the_databases_whoever_acts(services: Services) -> None:
    from sotttt_desktop.services.actor import Actor

    other = services.as_actor(Actor.system())
    assert other.changes is services.changes


def test_a_refused_write_announces_nothing(services: Services) -> None:
    heard: list[tuple[Change, ...]] = []
    services.changes.subscribe(heard.append)
    _record(services)
    heard.clear()
    with pytest.raises(ValidationError):  # the same tax code again: rolled back
        _record(services)
    assert heard == []


def test_a_failing_listener_does_not_fail_the_write(services: Services) -> None:
    def broken(_changes: tuple[Change, ...]) -> None:
        raise RuntimeError("listener bug")

    services.changes.subscribe(broken)
    _record(services)
    assert services.registers.count(REGISTER) == 1


def test_an_import_is_announced_and_a_cancelled_one_leaves_nothing(
        services: Services, tmp_path: Path) -> None:
    source = clean_csv(tmp_path / "co-so-in.csv", 300)
    heard: list[Change] = []
    services.changes.subscribe(lambda changes: heard.extend(changes))
    stop = threading.Event()
    written: list[int] = []

    def progress(done: int, total: int) -> None:
        written.append(done)
        stop.set()  # cancelled once the first batch is written

    import sotttt_desktop.services.register_files as register_files

    batch, register_files.MIN_BATCH_ROWS = register_files.MIN_BATCH_ROWS, 100
    saved, register_files.BATCH_ROWS = register_files.BATCH_ROWS, 100
    try:
        with pytest.raises(CancelledError) as raised:
            services.register_files.commit(REGISTER, source, progress=progress,
                                           cancelled=stop.is_set)
    finally:
        register_files.MIN_BATCH_ROWS, register_files.BATCH_ROWS = batch, saved
    assert "hủy" in str(raised.value)
    assert written == [100]  # one batch was written, then taken back
    assert services.registers.count(REGISTER) == 0
    assert heard and all(c.register == REGISTER for c in heard)
    heard.clear()
    done = services.register_files.commit(REGISTER, source)
    assert done.counts()["create"] == 300 == services.registers.count(REGISTER)
    ids = set().union(*(c.ids for c in heard if c.register == REGISTER))
    assert len(ids) == 300
