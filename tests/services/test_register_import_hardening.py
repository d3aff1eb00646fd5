"""Register import/export against hostile and awkward files (issue #22): absent columns, formula
injection in CSV, broken and forged workbooks, people and headings, district scope."""

from __future__ import annotations

import codecs
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from sotttt_desktop.errors import ValidationError
from sotttt_desktop.services import Services
from sotttt_desktop.services.actor import Actor

PARTIES = "parties"
FACILITIES = "printing_facilities"


def _company(services: Services, **extra: str) -> dict:
    return services.parties.add(**{"kind": "org", "name": "Công ty TNHH Ánh Dương",
                                   "tax_code": "3700123999", "district_code": "Dĩ An",
                                   "address": "Số 2 đường số 1", "phone": "0274 3822 111",
                                   **extra})


def _record(services: Services, key: str, field: str, value: str) -> dict:
    return next(r for r in services.registers.iter_records(key) if r[field] == value)


# --- class 2: an update changes the file's columns only --------------------------------------


def test_an_absent_column_leaves_its_field_and_an_empty_cell_clears_it(
        services: Services, tmp_path: Path) -> None:
    _company(services, email="lienhe@anhduong.vn")
    path = tmp_path / "doi-ten.csv"
    path.write_text("Loại,Tên,Mã số thuế,Thư điện tử\n"
                    "Tổ chức,Công ty TNHH Ánh Dương Mới,3700123999,\n", encoding="utf-8")
    row = services.register_files.preview(PARTIES, path).rows[0]
    assert row.action == "update"
    assert row.changed == ["Tên", "Thư điện tử (đã xóa)"]  # the preview says what is cleared
    services.register_files.commit(PARTIES, path)
    after = _record(services, PARTIES, "tax_code", "3700123999")
    assert after["name"] == "Công ty TNHH Ánh Dương Mới"
    assert after["email"] is None  # present and empty: cleared
    # absent columns: kept as they were
    assert (after["address"], after["phone"], after["district_code"]) == (
        "Số 2 đường số 1", "02743822111", 724)
    # the search index follows the import (written in bulk, not record by record)
    assert [h.title for h in services.search.query("anh duong moi", kind="party")] == [
        "Công ty TNHH Ánh Dương Mới"]
    with services.db.session() as session:
        from sotttt_desktop.core import audit

        assert audit.verify(session).ok


# --- class 9: CSV formula injection neutralised, values round-trip exactly ---------------------

DANGEROUS = {"name": "=HYPERLINK(\"http://x\";\"A\")", "address": "@SUM(1+1)",
             "legal_representative": "-5", "registration_no": "+84909123456",
             "email": None}


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_exported_formulas_are_neutralised_and_import_back_unchanged(
        services: Services, tmp_path: Path, suffix: str) -> None:
    _company(services, name=DANGEROUS["name"], address=DANGEROUS["address"],
             legal_representative=DANGEROUS["legal_representative"],
             registration_no=DANGEROUS["registration_no"])
    services.parties.add(kind="org", name="'=already quoted", tax_code="3700123998",
                         address="'-7 apostrophes first")
    path = tmp_path / f"parties{suffix}"
    services.register_files.export(PARTIES, path)
    if suffix == ".csv":
        cells = [c for line in path.read_text(encoding="utf-8-sig").splitlines()
                 for c in line.split(",")]
        assert not [c for c in cells if c.lstrip('"')[:1] in ("=", "+", "-", "@", "\t")]
        assert "'=HYPERLINK" in path.read_text(encoding="utf-8-sig")
        assert "'+84909123456" in path.read_text(encoding="utf-8-sig")
    counts = services.register_files.preview(PARTIES, path).counts()
    assert counts == {"create": 0, "update": 0, "unchanged": 2, "reject": 0}
    row = _record(services, PARTIES, "tax_code", "3700123999")
    assert {k: row[k] for k in ("name", "address", "legal_representative",
                                "registration_no")} == {
        k: v for k, v in DANGEROUS.items() if v is not None}


# --- class 15: broken, foreign and hostile files: one clear line, nothing written -------------


def _xlsx_with(path: Path, replace: dict[str, bytes] | None = None,
               drop: tuple[str, ...] = ()) -> Path:
    """A real workbook (one heading row, one company) with some parts replaced or removed."""
    book = Workbook()
    sheet = book.active
    sheet.append(["Loại", "Tên", "Mã số thuế"])
    sheet.append(["Tổ chức", "Công ty A", "3700123997"])
    plain = path.with_suffix(".plain.xlsx")
    book.save(plain)
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w",
                                                           zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            if item.filename in drop:
                continue
            target.writestr(item.filename, (replace or {}).get(item.filename,
                                                               source.read(item.filename)))
    plain.unlink()
    return path


SHEET = "xl/worksheets/sheet1.xml"
XXE = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
       b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
       b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&e;</t></is></c></row>'
       b'</sheetData></worksheet>')
LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
          + b"".join(b'<!ENTITY lol%d "%s">' % (n, (b"&lol%d;" % (n - 1) if n > 1 else b"&lol;")
                                                   * 10) for n in range(1, 10))
          + b']><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
            b'</sheetData></worksheet>')


def _hostile_files(folder: Path) -> dict[str, Path]:
    big_cell = folder / "big-cell.csv"
    big_cell.write_text("Loại,Tên,Mã số thuế\nTổ chức," + "A" * 140_000 + ",3700123996\n",
                        encoding="utf-8")
    return {
        "malformed": _xlsx_with(folder / "malformed.xlsx", {SHEET: b"<worksheet><sheetData><row"}),
        "no sheet": _xlsx_with(folder / "no-sheet.xlsx", {"xl/workbook.xml": (
            b'<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/'
            b'spreadsheetml/2006/main"><sheets/></workbook>')}),
        "xxe": _xlsx_with(folder / "xxe.xlsx", {SHEET: XXE}),
        "laughs": _xlsx_with(folder / "laughs.xlsx", {SHEET: LAUGHS}),
        "big cell": big_cell,
    }


@pytest.mark.parametrize("case", ["malformed", "no sheet", "xxe", "laughs", "big cell"])
def test_a_hostile_file_is_refused_in_one_line(services: Services, tmp_path: Path,
                                               case: str) -> None:
    path = _hostile_files(tmp_path)[case]
    expected = {"malformed": "Excel", "no sheet": "không có trang tính", "xxe": "DTD",
                "laughs": "DTD", "big cell": "131072 ký tự"}[case]
    with pytest.raises(ValidationError, match=expected) as refused:
        services.register_files.commit(PARTIES, path)
    assert "\n" not in str(refused.value) and "passwd" not in str(refused.value)
    assert services.registers.count(PARTIES) == 0


def test_excel_unicode_text_is_read(services: Services, tmp_path: Path) -> None:
    """Excel's "Unicode Text": UTF-16LE with its BOM, tab-separated."""
    path = tmp_path / "unicode-text.csv"
    text = "Loại\tTên\tMã số thuế\tQuận/huyện\r\nTổ chức\tCông ty Đức Hưng\t3700123995\tDĩ An\r\n"
    path.write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    preview = services.register_files.preview(PARTIES, path)
    assert [(r.action, r.title, r.values["district_code"]) for r in preview.rows] == [
        ("create", "Công ty Đức Hưng", 724)]


# --- class 21: people, headings, English, columns shown ---------------------------------------


def test_people_import_by_citizen_id_and_the_parties_export_reimports(
        services: Services, tmp_path: Path) -> None:
    path = tmp_path / "nguoi.csv"
    path.write_text("Loại,Họ và tên,Số CCCD,Ngày sinh,Quận/huyện,Tên\n"
                    "Cá nhân,Nguyễn Văn Bảy,074090001234,05/03/1990,Dĩ An,x\n"
                    "Cá nhân,Trần Thị Tám,074090001235,06/03/1991,Thuận An,y\n",
                    encoding="utf-8")
    preview = services.register_files.preview(PARTIES, path)
    assert [(r.action, r.key) for r in preview.rows] == [("create", "074090001234"),
                                                         ("create", "074090001235")]
    assert preview.duplicate_columns == ["Tên"]  # "Họ và tên" came first
    services.register_files.commit(PARTIES, path)
    assert services.registers.count(PARTIES) == 2
    from sotttt_desktop.i18n import set_language

    exported = tmp_path / "parties.xlsx"
    set_language("en")  # an export made under English imports under both languages
    services.register_files.export(PARTIES, exported)
    assert services.register_files.preview(PARTIES, exported).counts()["unchanged"] == 2
    set_language("vi")
    assert services.register_files.preview(PARTIES, exported).counts()["unchanged"] == 2


def test_usual_district_headings_are_recognised_in_every_register(
        services: Services, tmp_path: Path) -> None:
    path = tmp_path / "co-so-in.csv"
    path.write_text("Tên cơ sở in,MST,Quận/huyện,Giấy phép hay đăng ký,Trạng thái,STT\n"
                    "Cơ sở in A,3700000011,Dĩ An,Giấy phép hoạt động in,Đang hoạt động,1\n",
                    encoding="utf-8")
    preview = services.register_files.preview(FACILITIES, path)
    assert preview.ignored_columns == ["STT"]
    assert preview.rows[0].values["district_code"] == 724


# --- class 6: a district officer's import stays in the district --------------------------------


def test_a_district_officer_cannot_take_over_or_see_another_districts_record(
        services: Services, tmp_path: Path) -> None:
    _company(services, name="Công ty Bí Mật Thủ Dầu Một", district_code="Thủ Dầu Một",
             address="Số 9 đường Bí Mật")
    officer = services.as_actor(Actor(username="dian", display_name="Dĩ An", authenticated=True,
                                      grants=frozenset({("*", "*")}), district_code=724))
    path = tmp_path / "takeover.csv"
    path.write_text("Loại,Tên,Mã số thuế,Huyện\n"
                    "Tổ chức,Công ty Của Tôi,3700123999,Dĩ An\n"
                    "Tổ chức,Công ty Mới,3700123988,Dĩ An\n", encoding="utf-8")
    preview = officer.register_files.preview(PARTIES, path)
    taken, new = preview.rows
    assert taken.action == "reject" and new.action == "create"
    said = " ".join(taken.messages + taken.changed)
    assert "Bí Mật" not in said and "Thủ Dầu Một" not in said
    assert "ngoài địa bàn" in said
    officer.register_files.commit(PARTIES, path, skip_rejected=True)
    kept = _record(services, PARTIES, "tax_code", "3700123999")
    assert (kept["name"], kept["district_code"]) == ("Công ty Bí Mật Thủ Dầu Một", 718)
    assert _record(services, PARTIES, "tax_code", "3700123988")["district_code"] == 724


# --- class 25: an import writes in short batches, all or nothing -------------------------------


def _many_parties(path: Path, rows: int, *, renamed: bool = False) -> Path:
    lines = ["Loại,Tên,Mã số thuế,Huyện"] + [
        f"Tổ chức,Công ty Số {n}{' (mới)' if renamed else ''},38{n:08d},Dĩ An"
        for n in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _other_desk(services: Services) -> Services:
    """The same database through another connection (another desk)."""
    from sotttt_desktop.services.setup import open_services
    from tests.conftest import TEST_ACTOR

    return open_services(services.db.location, actor=TEST_ACTOR)


def test_a_sign_in_succeeds_while_a_large_import_commits(
        services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    from sotttt_desktop.services import register_files

    monkeypatch.setattr(register_files, "BATCH_ROWS", 100)
    from tests.conftest import TEST_PASSWORD

    desk = _other_desk(services)
    waits: list[float] = []

    def sign_in_meanwhile(written: int, total: int) -> None:
        if written < total:  # the import is under way: its later batches are still to come
            started = time.perf_counter()
            assert desk.security.login("admin", TEST_PASSWORD).username == "admin"
            waits.append(time.perf_counter() - started)

    try:
        done = services.register_files.commit(PARTIES, _many_parties(tmp_path / "a.csv", 450),
                                              progress=sign_in_meanwhile)
    finally:
        desk.db.close()
    assert done.counts()["create"] == 450 and services.registers.count(PARTIES) == 450
    assert len(waits) == 4 and max(waits) < 3.0
    assert len(services.search.query("Công ty Số 449", kind="party")) >= 1


def test_a_batch_that_fails_takes_back_the_batches_before_it(
        services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from sotttt_desktop.core import audit
    from sotttt_desktop.errors import DuplicateError
    from sotttt_desktop.services import register_files

    monkeypatch.setattr(register_files, "BATCH_ROWS", 100)
    services.register_files.commit(PARTIES, _many_parties(tmp_path / "a.csv", 150))
    before = {r["tax_code"]: (r["name"], r["version"])
              for r in services.registers.iter_records(PARTIES)}
    desk = _other_desk(services)

    def another_desk_is_quicker(written: int, total: int) -> None:
        if written == 100:  # while the import runs, a record of its last batch is saved
            desk.parties.add(kind="org", name="Công ty Nhanh Tay", tax_code="3800000290")

    renamed = _many_parties(tmp_path / "b.csv", 300, renamed=True)  # 150 updates, 150 new
    try:
        with pytest.raises(DuplicateError):
            services.register_files.commit(PARTIES, renamed, progress=another_desk_is_quicker)
    finally:
        desk.db.close()
    after = {r["tax_code"]: (r["name"], r["version"])
             for r in services.registers.iter_records(PARTIES)}
    assert after.pop("3800000290")[0] == "Công ty Nhanh Tay"
    assert {k: v[0] for k, v in after.items()} == {k: v[0] for k, v in before.items()}
    from sqlalchemy import select

    from sotttt_desktop.core.models import SearchEntry

    with services.db.session() as session:
        titles = session.execute(select(SearchEntry.title).where(
            SearchEntry.kind == "party")).scalars().all()
        assert len(titles) == 151 and not [t for t in titles if "(mới)" in t]
        assert audit.verify(session).ok
