"""The global search: diacritics optional, đ = d, NFD = NFC, best match first."""

from __future__ import annotations

import unicodedata

import pytest

from sotttt_desktop.services import Services


@pytest.fixture
def seeded(services: Services) -> Services:
    services.parties.add(kind="org", name="Công ty In Đức Hưng", tax_code="3700100001",
                         address="Số 5 đường Hùng Vương, Hà Nội")
    services.parties.add(kind="org", name="Trung tâm Đăng ký Kinh doanh Số",
                         tax_code="3700100002")
    services.parties.add(kind="org", name="Công ty Quảng cáo Hưng Thịnh", tax_code="3700100003",
                         legal_representative="Lê Đức Anh")
    services.parties.add(kind="person", name="Nguyễn Thị Hà", citizen_id="074190000001",
                         address="Phường Phú Cường")
    return services


@pytest.mark.parametrize(("query", "expected_first"), [
    ("cong ty in duc hung", "Công ty In Đức Hưng"),
    ("CÔNG TY IN ĐỨC HƯNG", "Công ty In Đức Hưng"),
    ("dang ky", "Trung tâm Đăng ký Kinh doanh Số"),
    ("ha noi", "Công ty In Đức Hưng"),
    ("3700100003", "Công ty Quảng cáo Hưng Thịnh"),
    ("074190000001", "Nguyễn Thị Hà"),
    ("nguyen thi ha", "Nguyễn Thị Hà"),
    ("quang cao", "Công ty Quảng cáo Hưng Thịnh"),
])
def test_folded_queries_find_the_record_first(seeded: Services, query: str,
                                              expected_first: str) -> None:
    hits = seeded.search.query(query)
    assert hits, query
    assert hits[0].title == expected_first
    assert hits[0].kind == "party"


def test_decomposed_query_matches_composed_text(seeded: Services) -> None:
    hits = seeded.search.query(unicodedata.normalize("NFD", "Đức Hưng"))
    assert hits[0].title == "Công ty In Đức Hưng"


def test_title_match_ranks_above_a_match_in_other_text(seeded: Services) -> None:
    # "Đức" is in one title, and in another record's legal representative
    titles = [h.title for h in seeded.search.query("duc")]
    assert titles[0] == "Công ty In Đức Hưng"
    assert "Công ty Quảng cáo Hưng Thịnh" in titles


def test_prefixes_match_while_typing(seeded: Services) -> None:
    assert seeded.search.query("cong ty in du")[0].title == "Công ty In Đức Hưng"


def test_empty_and_punctuation_queries_find_nothing(seeded: Services) -> None:
    assert seeded.search.query("") == []
    assert seeded.search.query(" ,.;!") == []
    assert seeded.search.query('"') == []


def test_fts_syntax_in_the_query_is_treated_as_plain_words(seeded: Services) -> None:
    # quotes, operators and stars are not FTS syntax here: only the words count
    assert seeded.search.query('in-duc "hung"*')[0].title == "Công ty In Đức Hưng"
    assert seeded.search.query("NOT* OR (") == []


def test_limit_is_respected(demo_services: Services) -> None:
    assert len(demo_services.search.query("cong ty", limit=7)) == 7


def test_a_word_matching_very_many_records_is_answered_from_titles_unranked(
        seeded: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ranking every match of one common word took 0.6 s on a million parties: beyond
    RANKED_MATCHES_MAX matches, titles with the word are listed as found (SQLite's FTS5)."""
    monkeypatch.setattr("sotttt_desktop.services.search.RANKED_MATCHES_MAX", 1)
    titles = {hit.title for hit in seeded.search.query("hung")}
    if seeded.db.dialect == "sqlite":  # the address "Hùng Vương" alone no longer counts
        assert titles == {"Công ty In Đức Hưng", "Công ty Quảng cáo Hưng Thịnh"}
    else:
        assert {"Công ty In Đức Hưng", "Công ty Quảng cáo Hưng Thịnh"} <= titles
    # three words are ranked as before, best first
    assert seeded.search.query("cong ty in duc hung")[0].title == "Công ty In Đức Hưng"
