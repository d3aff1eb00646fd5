"""Golden table for Vietnamese folding: what a clerk types must find what is stored."""

import unicodedata

import pytest

from sotttt_desktop.core.text import clean, fold, tokens

GOLDEN = [
    ("Công ty In Đức Hưng", "cong ty in duc hung"),
    ("Hà Nội", "ha noi"),
    ("đăng ký", "dang ky"),
    ("ĐĂNG KÝ KINH DOANH", "dang ky kinh doanh"),
    ("Ủy ban nhân dân tỉnh Bình Dương", "uy ban nhan dan tinh binh duong"),
    ("Thành phố Thủ Dầu Một", "thanh pho thu dau mot"),
    ("Phường Định Hoà", "phuong dinh hoa"),
    ("Phường Định Hòa", "phuong dinh hoa"),
    ("Nguyễn Thị Ngọc Ánh", "nguyen thi ngoc anh"),
    ("Trương Đình Quý", "truong dinh quy"),
    ("Sở Thông tin và Truyền thông", "so thong tin va truyen thong"),
    ("  nhiều    khoảng   trắng  ", "nhieu khoang trang"),
    ("Mã số thuế 3700123456-001", "ma so thue 3700123456-001"),
    ("ỨNG DỤNG", "ung dung"),
    ("Quảng cáo", "quang cao"),
    ("Bưu chính, viễn thông", "buu chinh, vien thong"),
    ("", ""),
]


@pytest.mark.parametrize(("text", "expected"), GOLDEN)
def test_fold_golden_table(text: str, expected: str) -> None:
    assert fold(text) == expected


@pytest.mark.parametrize(("text", "expected"), GOLDEN)
def test_decomposed_input_folds_like_composed(text: str, expected: str) -> None:
    assert fold(unicodedata.normalize("NFD", text)) == expected


def test_d_with_stroke_is_d_in_both_cases() -> None:
    assert fold("Đ") == fold("đ") == fold("d") == "d"


def test_tokens_split_on_punctuation() -> None:
    assert tokens("Công ty TNHH In-Ấn, Đức Hưng (3700123456)") == [
        "cong", "ty", "tnhh", "in", "an", "duc", "hung", "3700123456"]


def test_clean_normalises_to_nfc_and_collapses_space() -> None:
    decomposed = unicodedata.normalize("NFD", "  Đức   Hưng ")
    assert clean(decomposed) == "Đức Hưng"
    assert unicodedata.is_normalized("NFC", clean(decomposed))
    assert clean("   ") is None
