"""A register of sixteen fields of every kind, declared once here: its table is generated from
the declaration on SQLite and PostgreSQL and it works through the services like any other —
create, update, page, search, export and import back."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import Column, Integer, MetaData, Table, Uuid
from sqlalchemy.orm import DeclarativeBase

from sotttt_desktop.core.models.base import NAMING_CONVENTION
from sotttt_desktop.errors import ValidationError
from sotttt_desktop.i18n import _
from sotttt_desktop.registers import (
    FieldKind,
    FieldSpec,
    RegisterSpec,
    add_register,
    remove_register,
)
from sotttt_desktop.services import Services
from sotttt_desktop.services.registers import RegisterFilter


class SampleBase(DeclarativeBase):  # not the application's metadata: the schema test stays exact
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


Table("district", SampleBase.metadata, Column("code", Integer, primary_key=True))
Table("party", SampleBase.metadata, Column("id", Uuid, primary_key=True))
Table("printing_facility", SampleBase.metadata, Column("id", Uuid, primary_key=True))

RESULTS = (("open", "Open"), ("closed", "Closed"))

# ---- the whole declaration: this is what adding the register took --------------------------
SAMPLE = RegisterSpec(
    key="sample_inspections", area="inspection", title="Inspections", item_name="inspection",
    table="sample_inspection", base=SampleBase, search_kind="sample_inspection",
    default_sort="inspected_on", title_field="subject", sort_from="subject",
    subtitle_fields=("inspection_no", "district_code"),
    fields=(
        FieldSpec("inspection_no", "No.", required=True, max_length=32, searchable=True,
                  unique_message="Inspection {value} exists ({name})."),
        FieldSpec("subject", "Subject", required=True, searchable=True, sort_column="sort_name"),
        FieldSpec("inspected_on", "On", FieldKind.DATE, required=True, sort_column="inspected_on"),
        FieldSpec("start_time", "At", FieldKind.TIME),
        FieldSpec("district_code", "District", FieldKind.DISTRICT, filterable=True,
                  index="district"),
        FieldSpec("sites", "Sites", FieldKind.INTEGER),
        FieldSpec("fine", "Fine", FieldKind.MONEY),
        FieldSpec("violation", "Violation", FieldKind.YES_NO, required=True),
        FieldSpec("result", "Result", FieldKind.CHOICE, required=True, choices=RESULTS,
                  filterable=True, index="result"),
        FieldSpec("area", "Floor area", FieldKind.DECIMAL, unit="m²"),
        FieldSpec("location", "Location", FieldKind.COORDINATES),
        FieldSpec("inspector", "Inspector", searchable=True),
        FieldSpec("party_id", "Inspected party", FieldKind.PARTY, searchable=True),
        FieldSpec("facility_id", "Facility inspected", FieldKind.RECORD,
                  target="printing_facilities", searchable=True),
        FieldSpec("activities", "Activities", FieldKind.ROWS, in_table=False, searchable=True,
                  columns=(FieldSpec("on", "On the day", FieldKind.DATE, required=True),
                           FieldSpec("content", "What was done", required=True),
                           FieldSpec("unit", "Unit in charge"))),
        FieldSpec("evidence", "Evidence", FieldKind.FILES, in_table=False, searchable=True),
    ),
)
# ---------------------------------------------------------------------------------------------


@pytest.fixture
def sample(services: Services) -> Iterator[Services]:
    SampleBase.metadata.create_all(services.db.engine, tables=[SAMPLE.model.__table__])
    add_register(SAMPLE)
    yield services
    remove_register(SAMPLE.key)


RAW = {"inspection_no": "01/TTr", "subject": "Đại lý Internet Hòa Phú",
       "inspected_on": "05/03/2024", "start_time": "9h30", "district_code": "Dĩ An",
       "sites": "1.200", "fine": "7.500.000 đồng", "violation": "có", "result": "Open",
       "area": "120,5 m²", "location": "10.9804, 106.6519", "inspector": "Nguyễn Văn An"}


def test_the_table_comes_from_the_declaration() -> None:
    table = SAMPLE.model.__table__
    assert {c.name for c in table.c} >= {f.name for f in SAMPLE.fields} | {"sort_name", "id"}
    assert not table.c.violation.nullable and table.c.area.nullable
    assert len(SAMPLE.fields) == 16
    assert {i.name for i in table.indexes} == {
        "ix_sample_inspection_sort_name", "ix_sample_inspection_inspected_on",
        "ix_sample_inspection_district", "ix_sample_inspection_result"}
    assert [fk.target_fullname for fk in table.c.district_code.foreign_keys] == ["district.code"]
    assert [fk.target_fullname for fk in table.c.party_id.foreign_keys] == ["party.id"]
    assert [fk.target_fullname for fk in table.c.facility_id.foreign_keys] == \
        ["printing_facility.id"]


def test_create_update_page_search(sample: Services) -> None:
    registers = sample.registers
    created = registers.create(SAMPLE.key, RAW)
    assert (created["start_time"], created["sites"], created["fine"], created["violation"]) == \
        ("09:30", 1200, 7_500_000, True)
    assert created["inspected_on"] == dt.date(2024, 3, 5)
    assert (created["area"], created["location"]) == (Decimal("120.50"), "10.980400, 106.651900")
    shown = dict(registers.display(SAMPLE.key, created))
    assert shown[_("Fine")] == "7.500.000 đồng" and shown["Violation"] == "Có"
    assert shown["Floor area"] == "120,5 m²"
    assert shown[_("District")] == sample.reference.district_name(created["district_code"])
    assert created["district_code"] == sample.reference.find_district("Dĩ An")
    registers.create(SAMPLE.key, {**RAW, "inspection_no": "02/TTr", "subject": "Cửa hàng Bến Cát",
                                  "violation": "không", "result": "closed",
                                  "inspected_on": "01/02/2024"})
    with pytest.raises(ValidationError) as refused:
        registers.create(SAMPLE.key, {**RAW, "inspection_no": "03/TTr", "fine": "nhiều"})
    assert "fine" in refused.value.field_errors
    updated = registers.update(SAMPLE.key, created["id"], {**RAW, "fine": "8000000"},
                               created["version"])
    assert updated["fine"] == 8_000_000 and updated["version"] == 2
    history = registers.history(SAMPLE.key, created["id"])  # a register without a holder
    assert history["permits"] == [] and [e["action"] for e in history["audit"]] == [
        "update", "create"]
    rows = registers.page(SAMPLE.key, 0, 10)
    assert [r.values[0] for r in rows] == ["02/TTr", "01/TTr"]  # by date
    assert registers.count(SAMPLE.key, RegisterFilter("", {"result": "closed"})) == 1
    assert registers.count(SAMPLE.key, RegisterFilter("hoa phu")) == 1
    found = registers.page(SAMPLE.key, 0, 10, flt=RegisterFilter("nguyen van an ben cat"))
    assert [r.values[1] for r in found] == ["Cửa hàng Bến Cát"]  # the search index, folded


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_then_import_gives_the_same_records(sample: Services, tmp_path: Path,
                                                  suffix: str) -> None:
    registers = sample.registers
    created = registers.create(SAMPLE.key, RAW)
    path = tmp_path / f"sample{suffix}"
    assert sample.register_files.export(SAMPLE.key, path) == 1
    preview = sample.register_files.preview(SAMPLE.key, path)
    assert preview.counts() == {"create": 0, "update": 0, "unchanged": 1, "reject": 0}
    registers.update(SAMPLE.key, created["id"], {**RAW, "fine": "1"}, created["version"])
    sample.register_files.commit(SAMPLE.key, path)
    again = registers.record(SAMPLE.key, created["id"])
    assert {f.name: again[f.name] for f in SAMPLE.fields} == \
        {f.name: created[f.name] for f in SAMPLE.fields}


def test_generic_messages_name_each_registers_own_identity() -> None:
    from sotttt_desktop.registers import get_register
    from sotttt_desktop.services.records import duplicate_after_race

    parties = str(duplicate_after_race(get_register("parties")))
    assert f"{_('Tax code').lower()} hoặc {_('Citizen ID').lower()}" in parties
    copiers = str(duplicate_after_race(get_register("colour_copiers")))
    assert _("Serial number").lower() in copiers and _("Tax code").lower() not in copiers


def test_a_commune_must_lie_in_the_district_of_any_register(services: Services) -> None:
    from sotttt_desktop.registers import get_register

    assert get_register("colour_copiers").communes_within() == [("commune_code",
                                                                  "district_code")]
    district = services.reference.find_district("Dĩ An")
    elsewhere = next(code for d, info in services.reference.districts().items()
                     if d != district for code, _name in info.communes)
    with pytest.raises(ValidationError) as refused:
        services.registers.create("colour_copiers", {
            "serial_no": "SN-1", "machine_kind": "copier", "holder_name": "Công ty A",
            "district_code": str(district), "commune_code": str(elsewhere), "state": "active"})
    assert set(refused.value.field_errors) == {"commune_code"}


# ---- the kinds that refer to other records, hold rows or files -------------------------------

def _linked(services: Services, tmp_path: Path) -> dict[str, object]:
    """A party, a printing facility and an evidence file; the raw fields naming them."""
    party = services.registers.create("parties", {
        "kind": "org", "name": "Công ty TNHH Quảng cáo Sao Mai", "tax_code": "3700123456",
        "district_code": "Dĩ An"})
    facility = services.registers.create("printing_facilities", {
        "tax_code": "3700111222", "name": "Công ty In Đức Hưng", "district_code": "718",
        "licence_kind": "permit", "state": "active"})
    photo = tmp_path / "bien-ban.pdf"
    photo.write_bytes(b"%PDF-1.4 minutes of the inspection")
    files = services.links.store_files([photo])
    return {"party": party, "facility": facility, "files": files,
            "raw": {"party_id": "3700123456", "facility_id": "Công ty In Đức Hưng",
                    "activities": "05/03/2024 | Kiểm tra giấy phép | Phòng TTBCXB\n"
                                  "6/3/2024 | Lập biên bản vi phạm",
                    "evidence": json.dumps(files)}}


def test_party_record_rows_and_files_end_to_end(sample: Services, tmp_path: Path) -> None:
    linked = _linked(sample, tmp_path)
    registers = sample.registers
    created = registers.create(SAMPLE.key, {**RAW, **linked["raw"]})
    assert created["party_id"] == linked["party"]["id"]
    assert created["facility_id"] == linked["facility"]["id"]
    assert created["activities"] == [
        {"on": "05/03/2024", "content": "Kiểm tra giấy phép", "unit": "Phòng TTBCXB"},
        {"on": "06/03/2024", "content": "Lập biên bản vi phạm", "unit": ""}]
    assert created["evidence"] == linked["files"] and linked["files"][0]["size"] == 34
    again = registers.record(SAMPLE.key, created["id"])  # read back from the table
    assert {n: again[n] for n in ("party_id", "facility_id", "activities", "evidence")} == \
        {n: created[n] for n in ("party_id", "facility_id", "activities", "evidence")}
    shown = dict(registers.display(SAMPLE.key, again))
    assert shown["Inspected party"] == "Công ty TNHH Quảng cáo Sao Mai (3700123456)"
    assert shown["Facility inspected"] == "Công ty In Đức Hưng (3700111222)"
    assert shown[_("Activities")].splitlines() == [
        "05/03/2024 | Kiểm tra giấy phép | Phòng TTBCXB", "06/03/2024 | Lập biên bản vi phạm"]
    assert shown["Evidence"].startswith("bien-ban.pdf (1 KB), " + _("captured {when}")[:6])
    columns = [f.name for f in SAMPLE.table_fields]
    row = registers.page(SAMPLE.key, 0, 10)[0]  # the names, joined in the page query
    assert row.values[columns.index("party_id")] == "Công ty TNHH Quảng cáo Sao Mai"
    assert row.values[columns.index("facility_id")] == "Công ty In Đức Hưng"
    for number, day in (("02/TTr", "01/02/2024"), ("03/TTr", "01/01/2024")):  # earlier, none
        registers.create(SAMPLE.key, {**RAW, "inspection_no": number, "inspected_on": day})
    for descending in (False, True):  # each page read from either end of the ordering
        pages = [registers.page(SAMPLE.key, i, 1, descending=descending)[0] for i in range(3)]
        shown = [(r.values[0], r.values[columns.index("party_id")]) for r in pages]
        expected = [("03/TTr", None), ("02/TTr", None),
                    ("01/TTr", "Công ty TNHH Quảng cáo Sao Mai")]
        assert shown == (expected[::-1] if descending else expected)
    for words in ("quang cao sao mai", "duc hung", "bien ban vi pham", "bien-ban.pdf"):
        found = registers.page(SAMPLE.key, 0, 10, flt=RegisterFilter(words))
        assert [r.values[0] for r in found] == ["01/TTr"], words
    assert sample.links.file_path(created["evidence"][0]["sha256"]).read_bytes().startswith(
        b"%PDF")


def test_references_and_rows_refuse_what_they_cannot_read(sample: Services,
                                                          tmp_path: Path) -> None:
    first = _linked(sample, tmp_path)
    sample.registers.create("parties", {"kind": "org", "name": "Công ty TNHH Quảng cáo Sao Mai",
                                        "tax_code": "3700123457", "district_code": "Dĩ An"})
    bad = {"party_id": "3799999999", "facility_id": "Công ty không có",
           "activities": "32/13/2024 | Kiểm tra", "evidence": "bien-ban.pdf"}
    with pytest.raises(ValidationError) as refused:
        sample.registers.create(SAMPLE.key, {**RAW, **bad})
    errors = refused.value.field_errors
    assert set(errors) == {"party_id", "facility_id", "activities", "evidence"}
    assert "3799999999" in errors["party_id"]
    assert errors["activities"].startswith("Dòng 1, ") or errors["activities"].startswith("Row 1")
    with pytest.raises(ValidationError) as ambiguous:  # two parties of that name
        sample.registers.create(SAMPLE.key, {**RAW, "party_id": "Công ty TNHH Quảng cáo Sao Mai"})
    assert "party_id" in ambiguous.value.field_errors
    named = sample.registers.create(SAMPLE.key, {**RAW, "party_id": "Công ty TNHH Quảng cáo "
                                                 "Sao Mai (3700123457)"})
    assert named["party_id"] is not None
    bracketed = sample.registers.create("parties", {"kind": "org", "name": "Công ty In (Việt Nam)",
                                                    "district_code": "Dĩ An"})
    assert sample.links.find("parties", "Công ty In (Việt Nam)") == (bracketed["id"], None)
    assert sample.links.find("parties", "3700 123 456") == (first["party"]["id"], None)
    with pytest.raises(ValidationError):
        sample.registers.create(SAMPLE.key, {**RAW, "inspection_no": "09/TTr",
                                             "activities": "01/01/2024 | a | b | c"})


def test_a_picker_offers_only_what_the_actor_may_see(sample: Services, tmp_path: Path) -> None:
    from sotttt_desktop.services.actor import Actor

    _linked(sample, tmp_path)
    elsewhere = sample.registers.create("parties", {
        "kind": "org", "name": "Công ty Quảng cáo Bến Cát", "tax_code": "3700222333",
        "district_code": "Bến Cát"})
    assert [label for _id, label in sample.links.matches("parties", "quang cao")] == [
        "Công ty Quảng cáo Bến Cát (3700222333)",
        "Công ty TNHH Quảng cáo Sao Mai (3700123456)"]
    officer = sample.as_actor(Actor(username="dian", display_name="Dĩ An", authenticated=True,
                                    grants=frozenset({("*", "view")}),
                                    district_code=sample.reference.find_district("Dĩ An")))
    assert [label for _id, label in officer.links.matches("parties", "quang cao")] == [
        "Công ty TNHH Quảng cáo Sao Mai (3700123456)"]
    assert officer.links.find("parties", "3700222333")[0] is None  # not the officer's
    assert sample.links.find("parties", str(elsewhere["id"]))[0] == elsewhere["id"]


def test_evidence_files_have_the_attachments_size_limit(sample: Services, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    import sotttt_desktop.core.attachments as attachments

    monkeypatch.setattr(attachments, "MAX_BYTES", 10)
    big = tmp_path / "anh-chup.jpg"
    big.write_bytes(b"x" * 11)
    with pytest.raises(ValidationError):
        sample.links.store_files([big])


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_linked_kinds_export_and_import_back(sample: Services, tmp_path: Path,
                                             suffix: str) -> None:
    from sotttt_desktop.services.register_files import column_notes

    linked = _linked(sample, tmp_path)
    registers = sample.registers
    created = registers.create(SAMPLE.key, {**RAW, **linked["raw"]})
    path = tmp_path / f"sample{suffix}"
    assert sample.register_files.export(SAMPLE.key, path) == 1
    preview = sample.register_files.preview(SAMPLE.key, path)
    assert preview.counts() == {"create": 0, "update": 0, "unchanged": 1, "reject": 0}
    assert column_notes(preview) == [  # the files are not in a spreadsheet: said, not lost
        "Không nhập các cột sau (mỗi bản ghi giữ nguyên tệp của mình; đính kèm tệp trên từng "
        "bản ghi): Evidence."]
    registers.update(SAMPLE.key, created["id"], {**RAW, "party_id": "", "activities": "",
                                                 "evidence": json.dumps(linked["files"])},
                     created["version"])
    sample.register_files.commit(SAMPLE.key, path)
    again = registers.record(SAMPLE.key, created["id"])
    assert {f.name: again[f.name] for f in SAMPLE.fields} == \
        {f.name: created[f.name] for f in SAMPLE.fields}  # the files kept, the rest read back
