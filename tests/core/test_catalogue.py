"""The procedure catalogue: complete per REFERENCE §1, validated, effective-dated."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sotttt_desktop.catalog import CatalogueError, load
from sotttt_desktop.catalog.loader import parse_files
from sotttt_desktop.core.calendar import TimeUnit
from sotttt_desktop.errors import NotFoundError


def test_every_procedure_of_the_reference_is_in_the_catalogue() -> None:
    keys = {p.key for p in load().list()}
    assert {"press.bulletin.issue", "press.bulletin.amend", "press.conference.domestic",
            "press.tvro.register"} <= keys
    assert len([k for k in keys if k.startswith("publishing.")]) >= 9
    assert {f"e_information.website.{a}" for a in ("issue", "amend", "extend", "reissue")} <= keys
    assert {f"e_information.game_point.{a}" for a in ("issue", "amend", "extend", "reissue")} \
        <= keys
    assert {"postal.licence.issue", "postal.notification.confirm", "postal.licence.amend",
            "postal.licence.reissue", "postal.notification.reissue"} <= keys
    assert "cybersecurity.level.appraise" in keys


def test_the_procedures_of_the_decisions_period_issue_14_names_are_catalogued() -> None:
    """Issue #14: the procedures a Department ran in 2023–2024 that the catalogue lacked."""
    catalogue = load()
    amend = catalogue.get("postal.notification.amend", on=dt.date(2023, 6, 1))
    assert (amend.code, amend.time_limit, amend.unit, amend.action) == (
        "1.010902", 10, TimeUnit.WORKING_DAYS, "amend")
    assert catalogue.get("publishing.distribution.reregister").family == \
        "publishing.distribution"
    assert catalogue.get("publishing.foreign_printing.issue").result_kind == "permit"
    notice = catalogue.get("e_information.website_notice.confirm")
    assert (notice.time_limit, notice.unit, notice.result_kind) == (
        7, TimeUnit.WORKING_DAYS, "confirmation")
    display = catalogue.get("grassroots.foreign_display.approve")
    assert (display.time_limit, display.unit, display.area) == (
        10, TimeUnit.WORKING_DAYS, "grassroots")
    assert display.legal_basis == ("nd-88-2012", "tt-04-2014-btttt")


def test_every_procedure_names_its_sources_or_what_is_unconfirmed() -> None:
    """Each version cites where its facts were read; a fact no source confirms is marked, and
    a procedure without its national code says so."""
    for procedure in load().every_version():
        assert procedure.sources or procedure.unconfirmed, procedure.key
        assert all(text.strip() for text in procedure.sources + procedure.unconfirmed)
        if not procedure.code:
            assert "national procedure code" in procedure.unconfirmed, procedure.key
        else:  # a code is read somewhere
            assert any(procedure.code in source for source in procedure.sources), procedure.key


def test_the_consents_a_frequency_licence_needs_are_catalogued() -> None:
    """REFERENCE-2 §12: the Department's written consent that a commune's wireless radio and a
    broadcaster that is not a press agency attach to their frequency-licence applications
    (Circular 05/2015 Art. 14(1)(b), 13(3)(a)); no source gives their time limit: marked."""
    catalogue = load()
    for key, area in (("grassroots.commune_radio.consent", "grassroots"),
                      ("press.local_broadcast.consent", "press")):
        consent = catalogue.get(key, on=dt.date(2023, 6, 1))
        assert (consent.area, consent.result_kind, consent.legal_basis) == (
            area, "approval", ("tt-05-2015-btttt",))
        assert any("05/2015/TT-BTTTT" in source for source in consent.sources)
        assert any(item.startswith("time limit") for item in consent.unconfirmed)
    with pytest.raises(NotFoundError):  # before Circular 05/2015 took effect
        catalogue.get("press.local_broadcast.consent", on=dt.date(2015, 5, 7))


def test_the_readme_summary_of_unconfirmed_facts_counts_the_catalogue() -> None:
    """The README's hand-kept summary names every national code the catalogue carries and counts
    the procedures without one."""
    readme = " ".join((Path(__file__).parents[2] / "README.md").read_text("utf-8").split())
    procedures = load().list()
    without = sum(1 for p in procedures if not p.code)
    assert f"national procedure codes of {without} of the {len(procedures)} procedures" in readme
    assert f"see its README): {len(procedures)} procedures" in readme
    summary = readme[readme.index("national procedure codes of"):]
    summary = summary[:summary.index("Hxx suffix")]
    assert all(p.code in summary for p in procedures if p.code)


def test_the_postal_licence_follows_decree_25_2022_from_1_june_2022() -> None:
    catalogue = load()
    before = catalogue.get("postal.licence.issue", on=dt.date(2022, 5, 31))
    after = catalogue.get("postal.licence.issue", on=dt.date(2022, 6, 1))
    assert (before.time_limit, before.unit) == (30, TimeUnit.DAYS)
    assert (after.time_limit, after.unit) == (20, TimeUnit.WORKING_DAYS)
    assert catalogue.effective_until(before) == dt.date(2022, 5, 31)
    assert catalogue.effective_until(after) is None
    assert any("1220/QĐ-UBND" in source for source in after.sources)
    with pytest.raises(NotFoundError):  # the amendment procedure did not exist before
        catalogue.get("postal.notification.amend", on=dt.date(2022, 5, 31))


def test_the_non_business_publication_licence_had_15_days_in_2023() -> None:
    """15 days in the Decision's period; 10 working days once Decree 138/2025 decentralised it."""
    catalogue = load()
    licence = catalogue.get("publishing.non_business.issue", on=dt.date(2023, 6, 1))
    assert (licence.time_limit, licence.unit, licence.code) == (15, TimeUnit.DAYS, "1.003868")
    assert catalogue.effective_until(licence) == dt.date(2025, 6, 30)
    later = catalogue.get("publishing.non_business.issue", on=dt.date(2025, 7, 1))
    assert (later.time_limit, later.unit, later.code) == (10, TimeUnit.WORKING_DAYS, "1.003868")
    assert any("138/2025" in source for source in later.sources)


def test_the_distributor_registration_asks_for_premises_and_training() -> None:
    names = " ".join(c.name for c in load().get("publishing.distribution.register").components)
    assert "trụ sở" in names and "bồi dưỡng" in names


@pytest.mark.parametrize(("key", "limit", "unit", "symbol"), [
    ("e_information.website.issue", 10, TimeUnit.WORKING_DAYS, "GP"),
    ("e_information.game_point.extend", 5, TimeUnit.WORKING_DAYS, "QĐ"),
    ("postal.licence.issue", 20, TimeUnit.WORKING_DAYS, "GP"),
    ("press.bulletin.issue", 20, TimeUnit.DAYS, "GP"),
    ("press.conference.domestic", 24, TimeUnit.HOURS_BEFORE, "STTTT-TTBCXB"),
    ("press.tvro.register", 8, TimeUnit.WORKING_DAYS, "GCN"),
    ("publishing.photocopier.register", 5, TimeUnit.WORKING_DAYS, "XN"),
    ("publishing.import.issue", 15, TimeUnit.DAYS, "GP"),
])
def test_time_limits_units_and_symbols(key: str, limit: int, unit: TimeUnit, symbol: str) -> None:
    procedure = load().get(key)
    assert (procedure.time_limit, procedure.unit, procedure.number_symbol) == (limit, unit, symbol)


def test_validity_rules_of_the_website_licence() -> None:
    website = load().get("e_information.website.issue")
    assert (website.validity_max_years, website.max_extensions, website.extension_max_months) \
        == (10, 2, 24)
    assert load().get("publishing.import.issue").fee == 50000


def test_search_without_diacritics() -> None:
    names = [p.key for p in load().find("giay phep trang thong tin dien tu")]
    assert "e_information.website.issue" in names
    assert [p.key for p in load().find("photocopy mau")][0].startswith("publishing.photocopier")


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "x.toml"
    path.write_text(text, encoding="utf-8")
    return path


ENTRY = '''
[[procedure]]
key = "press.test"
area = "press"
family = "press.test"
action = "issue"
name = "Thủ tục thử"
legal_basis = ["luat-bao-chi-2016"]
time_limit = {limit}
unit = "working_days"
result_kind = "permit"
result_name = "Giấy phép thử"
document_title = "Giấy phép thử"
number_symbol = "GP"
effective_from = {date}
[[procedure.component]]
name = "Đơn"
'''


def test_a_later_version_supersedes_from_its_date(tmp_path: Path) -> None:
    catalogue = parse_files([_write(tmp_path, ENTRY.format(limit=10, date="2020-01-01")
                                    + ENTRY.format(limit=7, date="2025-07-01"))])
    assert catalogue.get("press.test", on=dt.date(2025, 6, 30)).time_limit == 10
    assert catalogue.get("press.test", on=dt.date(2025, 7, 1)).time_limit == 7


def test_bad_entries_are_reported_together(tmp_path: Path) -> None:
    bad = (ENTRY.format(limit=0, date="2020-01-01").replace('area = "press"', 'area = "mars"')
           .replace('number_symbol = "GP"', 'number_symbol = "GP"\nsources = ["QĐ 1/QĐ-UBND", ""]'))
    with pytest.raises(CatalogueError) as info:
        parse_files([_write(tmp_path, bad)])
    message = str(info.value)
    assert "x.toml #1 (press.test)" in message
    assert "mars" in message and "time_limit" in message
    assert "sources must list non-empty texts" in message


def test_legal_bases_name_instruments_and_wording_carries_no_catalogue_note(tmp_path: Path
                                                                            ) -> None:
    """A basis is an instrument's key, never a fee circular nor free text; a decision has its
    summary and Article 1; "(Mẫu số …)" is a catalogue note, not wording — all named at once."""
    bad = (ENTRY.format(limit=10, date="2020-01-01")
           .replace('["luat-bao-chi-2016"]', '["Luật Báo chí 2016, Điều 34"]')
           .replace('result_kind = "permit"', 'result_kind = "decision"')
           .replace('document_title = "Giấy phép thử"',
                    'document_title = "Quyết định gia hạn (Mẫu số 11)"'))
    with pytest.raises(CatalogueError) as info:
        parse_files([_write(tmp_path, bad)])
    message = str(info.value)
    assert "unknown instrument 'Luật Báo chí 2016, Điều 34'" in message
    assert "Mẫu số" in message and "document_summary" in message
    assert "document_operative" in message


def test_every_procedure_cites_known_instruments_without_fee_circulars() -> None:
    from sotttt_desktop.catalog.instruments import load as load_instruments

    instruments = load_instruments()
    for procedure in load().every_version():
        assert procedure.legal_basis, procedure.key
        for key in procedure.legal_basis:
            assert not instruments.get(key).number.endswith("-BTC"), procedure.key
        for text in (procedure.document_title, procedure.document_summary,
                     procedure.result_name):
            assert "Mẫu số" not in text and not text.lower().startswith("giấy phép gia hạn"), \
                procedure.key
