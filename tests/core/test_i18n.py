"""Translations are complete, placeholders match, and formatting follows the language."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from sotttt_desktop.i18n import (
    UnknownLanguageError,
    _,
    format_date,
    format_datetime,
    format_number,
    format_vnd,
    parse_date,
    set_language,
)
from sotttt_desktop.resources import translations_dir

SOURCE = Path(__file__).resolve().parents[2] / "src"
PLACEHOLDER = re.compile(r"\{(\w*)[^{}]*\}")


def _source_messages() -> set[str | tuple[str, str]]:
    found: set[str | tuple[str, str]] = set()
    keywords = {"_": None, "N_": None, "ngettext": (1, 2)}
    for _file, _line, message, _comments, _ctx in extract_from_dir(
            str(SOURCE), method_map=[("**.py", "python")], keywords=keywords):
        found.add(message if isinstance(message, str) else tuple(message))
    return found


def _catalogue(lang: str):  # noqa: ANN202
    with (translations_dir() / lang / "LC_MESSAGES" / "messages.po").open("rb") as fh:
        return read_po(fh, locale=lang)


def test_every_message_in_the_code_has_a_vietnamese_translation() -> None:
    catalogue = _catalogue("vi")
    missing = []
    for message in _source_messages():
        key = message[0] if isinstance(message, tuple) else message
        entry = catalogue.get(key)
        translated = entry.string if entry else None
        if isinstance(translated, tuple | list):
            translated = translated[0]
        if not translated or (entry and entry.fuzzy):
            missing.append(key)
    assert missing == [], "run the extraction/update commands of the README and translate these"


def test_vietnamese_translations_keep_the_same_placeholders() -> None:
    wrong = []
    for entry in _catalogue("vi"):
        if not entry.id:
            continue
        ids = entry.id if isinstance(entry.id, tuple | list) else (entry.id,)
        strings = entry.string if isinstance(entry.string, tuple | list) else (entry.string,)
        expected = set(PLACEHOLDER.findall(ids[0]))
        for translated in strings:
            if set(PLACEHOLDER.findall(translated)) != expected:
                wrong.append((ids[0], translated))
    assert wrong == []


def test_catalogue_template_lists_every_message_of_the_code() -> None:
    with (translations_dir() / "messages.pot").open("rb") as fh:
        template = {m.id if isinstance(m.id, str) else tuple(m.id) for m in read_po(fh) if m.id}
    assert _source_messages() <= template


def test_vietnamese_is_the_default_and_english_is_available() -> None:
    assert set_language(None) == "vi"
    assert _("Save") == "Lưu"
    set_language("en")
    assert _("Save") == "Save"


def test_unknown_language_is_refused() -> None:
    with pytest.raises(UnknownLanguageError):
        set_language("fr")


def test_numbers_and_money_follow_the_language() -> None:
    assert format_number(1234567) == "1.234.567"
    assert format_vnd(1500000) == "1.500.000 đồng"
    set_language("en")
    assert format_number(1234567) == "1,234,567"
    assert format_vnd(1500000) == "1,500,000 VND"


def test_dates_are_day_month_year_in_local_time() -> None:
    assert format_date(dt.date(2024, 3, 5)) == "05/03/2024"
    # 17:30 UTC is 00:30 the next day in Asia/Ho_Chi_Minh
    assert format_datetime(dt.datetime(2024, 3, 5, 17, 30, tzinfo=dt.UTC)) == "06/03/2024 00:30"


@pytest.mark.parametrize(("text", "expected"), [
    ("05/03/2024", dt.date(2024, 3, 5)), ("5/3/2024", dt.date(2024, 3, 5)),
    ("05-03-2024", dt.date(2024, 3, 5)), ("05.03.2024", dt.date(2024, 3, 5)),
    ("2024-03-05", dt.date(2024, 3, 5)),
])
def test_parse_date_accepts_the_usual_ways_of_writing_a_date(text: str, expected: dt.date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["31/02/2024", "2024/03/05", "hôm nay", "05/03/24"])
def test_parse_date_refuses_nonsense(text: str) -> None:
    with pytest.raises(ValueError):
        parse_date(text)


def test_a_source_checkout_compiles_its_catalogue_once_again_when_damaged_or_edited(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sotttt_desktop.i18n as i18n

    original = (translations_dir() / "vi" / "LC_MESSAGES" / "messages.po").read_bytes()
    po_dir = tmp_path / "translations" / "vi" / "LC_MESSAGES"
    po_dir.mkdir(parents=True)
    (po_dir / "messages.po").write_bytes(original)
    monkeypatch.setattr(i18n, "translations_dir", lambda: tmp_path / "translations")
    monkeypatch.setenv("SOTTTT_CACHE_DIR", str(tmp_path / "cache"))
    compiled: list[str] = []
    real_compile = i18n._compile_po
    monkeypatch.setattr(i18n, "_compile_po",
                        lambda data, lang: compiled.append(lang) or real_compile(data, lang))

    assert i18n._load_catalogue("vi").gettext("Search") == "Tìm kiếm"
    assert i18n._load_catalogue("vi").gettext("Search") == "Tìm kiếm"
    assert compiled == ["vi"]
    assert len(list((tmp_path / "cache" / "translations").glob("vi-*.mo"))) == 1

    cached = next((tmp_path / "cache" / "translations").glob("vi-*.mo"))
    cached.write_bytes(b"\xde\x12\x04\x95 damaged by a crash")  # right magic, nonsense after it
    assert i18n._load_catalogue("vi").gettext("Search") == "Tìm kiếm"
    assert compiled == ["vi", "vi"]
    assert i18n._load_catalogue("vi").gettext("Search") == "Tìm kiếm"  # repaired
    assert compiled == ["vi", "vi"]

    edited = original.replace('msgstr "Tìm kiếm"'.encode(), 'msgstr "Tra cứu"'.encode(), 1)
    (po_dir / "messages.po").write_bytes(edited)
    assert i18n._load_catalogue("vi").gettext("Search") == "Tra cứu"
    assert compiled == ["vi", "vi", "vi"]


def test_a_read_only_cache_still_gives_the_translation(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sotttt_desktop.i18n as i18n

    blocker = tmp_path / "not-a-directory"
    blocker.write_text("x")
    monkeypatch.setenv("SOTTTT_CACHE_DIR", str(blocker))
    assert i18n._load_catalogue("vi").gettext("Search") == "Tìm kiếm"
