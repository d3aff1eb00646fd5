"""Legal instruments as data: validated on load, cited in Decree 30 form by the document's date,
and the powers to suspend and revoke each kind of permit."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from sotttt_desktop.catalog.instruments import InstrumentError, load, parse

# Decree 30/2020 Appendix I: a law by name and date; any other text by type, "số", number,
# date, issuing body and summary.
LAW = r"Luật [A-ZĐÂĂÊÔƠƯ][^;.\d]*? ngày \d{2} tháng (?:0[12]|[3-9]|1[012]) năm \d{4}"
TEXT = (r"(?:Nghị định|Thông tư|Quyết định|Nghị quyết) số \d+/\d{4}/[A-ZĐ]+(?:-[A-ZĐ]+)+ "
        r"ngày \d{2} tháng (?:0[12]|[3-9]|1[012]) năm \d{4} của [^;]+")
CITATION = re.compile(rf"^Căn cứ (?:{LAW}|{TEXT})(?:; (?:{LAW}|{TEXT}))*$")


def test_every_instrument_cites_in_decree_30_form_on_every_date() -> None:
    instruments = load()
    for key in instruments:
        for year in range(2014, 2027):
            text = instruments.citation(key, dt.date(year, 6, 30))
            if text is not None:
                assert CITATION.match(text), text


def test_the_law_and_the_decree_as_the_issue_quotes_them() -> None:
    instruments = load()
    assert instruments.citation("luat-bao-chi-2016", dt.date(2024, 5, 10)) == \
        "Căn cứ Luật Báo chí ngày 05 tháng 4 năm 2016"
    assert instruments.citation("nd-72-2013", dt.date(2024, 12, 24)) == (
        "Căn cứ Nghị định số 72/2013/NĐ-CP ngày 15 tháng 7 năm 2013 của Chính phủ về quản lý, "
        "cung cấp, sử dụng dịch vụ Internet và thông tin trên mạng; Nghị định số 27/2018/NĐ-CP "
        "ngày 01 tháng 3 năm 2018 của Chính phủ sửa đổi, bổ sung Nghị định số 72/2013/NĐ-CP "
        "ngày 15 tháng 7 năm 2013 của Chính phủ về quản lý, cung cer, sử dụng dịch vụ Internet "
        "và thông tin trên mạng".replace("cung cer", "cung cấp"))


def test_the_instrument_in_force_on_the_date_is_cited() -> None:
    """Decree 72/2013 until 24/12/2024 (with Decree 27/2018 from 15/04/2018), Decree 147/2024
    from 25/12/2024; nothing before a text took effect."""
    instruments = load()
    before = instruments.citation("nd-72-2013", dt.date(2024, 12, 24))
    after = instruments.citation("nd-72-2013", dt.date(2024, 12, 25))
    assert "72/2013/NĐ-CP" in before and "147/2024" not in before
    assert after.startswith("Căn cứ Nghị định số 147/2024/NĐ-CP ngày 09 tháng 11 năm 2024")
    assert "72/2013" not in after
    assert "27/2018" not in instruments.citation("nd-72-2013", dt.date(2018, 4, 14))
    assert instruments.citation("nd-147-2024", dt.date(2024, 12, 24)) is None
    # two keys that lead to one instrument are cited once
    assert instruments.citations(["nd-72-2013", "nd-147-2024"], dt.date(2025, 1, 2)) == [after]


def test_a_bad_file_names_every_problem() -> None:
    data = {
        "instrument": {
            "a": {"type": "Nghị định", "number": "1/2020/NĐ-CP", "signed": dt.date(2020, 1, 1),
                  "issuer": "Chính phủ", "effective_from": dt.date(2020, 2, 1),
                  "replaced_by": "ghost", "amended_by": ["nobody"], "colour": "red"},
            "b": {"type": "Luật", "number": "2/2020/QH14", "effective_from": dt.date(2020, 1, 1)},
            "c": {"type": "Sắc lệnh", "number": "3", "signed": dt.date(2020, 1, 1),
                  "issuer": "X", "effective_from": dt.date(2020, 1, 1), "summary": "s"},
        },
        "power": [{"family": "f", "action": "suspend", "instrument": "zzz",
                   "grounds": ["g"]}],
    }
    with pytest.raises(InstrumentError) as info:
        parse(data)
    message = str(info.value)
    for expected in ("instrument a: unknown field colour", "instrument b: missing signed, issuer",
                     "a law needs its name", "instrument c: type must be one of",
                     "unknown instrument 'zzz'", "a suspension power needs max_months"):
        assert expected in message, expected
    assert "instrument a" in message and "summary" in message  # a decree without its summary


def test_powers_of_the_reference() -> None:
    """REFERENCE §1.3–1.4: a website licence is suspended up to 3 months (khoản 11 Điều 23) and
    revoked (khoản 12 Điều 23); a game point certificate and a postal licence only revoked; no
    power over the other kinds."""
    instruments = load()
    on = dt.date(2024, 11, 29)
    power, instrument = instruments.power("e_information.website", "suspend", on)
    assert (power.max_months, power.article, instrument.number) == (
        3, "khoản 11 Điều 23 và khoản 2 Điều 23i", "72/2013/NĐ-CP")
    assert "Đã bị đình chỉ 02 lần" in instruments.power("e_information.website", "revoke",
                                                        on)[0].grounds
    assert instruments.power("e_information.game_point", "suspend", on) is None
    assert instruments.power("e_information.game_point", "revoke", on)[0].article == "Điều 35đ"
    assert instruments.power("postal.licence", "revoke", on)[0].article == "Điều 24"
    assert instruments.power("publishing.printing", "suspend", on) is None
    assert instruments.power("e_information.website", "suspend",
                             dt.date(2025, 3, 1))[1].number == "147/2024/NĐ-CP"
