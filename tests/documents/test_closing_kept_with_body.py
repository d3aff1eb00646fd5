"""The signer's block and "Nơi nhận" never stand alone on a page (issue #13, Decree 30 practice):
a result document long enough to need a second page carries at least its last paragraph of body
text onto the page of the signature, above "Nơi nhận:"; pages after the first are numbered at
the top (REFERENCE §3.2).

The contents grow a line at a time, so that some length puts the end of the body at the foot of
page 1 whatever the font's metrics: the case where the closing used to fall alone on page 2."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from sotttt_desktop.services import Services
from tests.documents.helpers import pdf_text
from tests.permit_samples import SAMPLES

HOLDER = "Công ty Cổ phần Bưu chính Chánh Nghĩa Bình Dương"
SERVICE = "Chuyển phát bưu gửi nhóm {n:02d} trong phạm vi nội tỉnh"  # a printed line each


@pytest.fixture(autouse=True)
def bundled_font(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOTTTT_DOCUMENT_FONT", "bundled")


@pytest.fixture
def holder(services: Services) -> dict:
    return services.parties.add(kind="org", name=HOLDER, tax_code="3700333444",
                                district_code="718", address="Số 25 đường Cách Mạng Tháng Tám, "
                                "phường Chánh Nghĩa", legal_representative="Võ Thị Hạnh",
                                phone="0274 3833 456")


def pages(pdf: bytes) -> list[str]:
    """The text of each page (pdftotext, pages separated by form feeds), spaces collapsed."""
    return [" ".join(page.split()) for page in pdf_text(pdf).split("\f") if page.strip()]


def check_closing(pdf: bytes, signer: str, end_of_body: str) -> int:
    """The page holding the signer's name holds, above "Nơi nhận:", the end of the body; a
    second page is numbered "2" at its top, the first is not numbered. The signer's page."""
    texts = pages(pdf)
    page = max(i for i, text in enumerate(texts) if signer in text)
    text = texts[page]
    assert "Nơi nhận:" in text, text
    above = text[:text.index("Nơi nhận:")]
    if page:
        assert re.match(rf"{page + 1} ", above), above[:40]  # the page number, top centre
        above = above[len(str(page + 1)):].strip()
    assert end_of_body in above, (page + 1, text[:300])
    assert len(above) > len(end_of_body), above  # more than a stray last line
    assert not texts[0].startswith("1 ")
    return page


def _issue(services: Services, holder: dict, procedure: str, *, details: dict,
           replaces: str | None = None, on: dt.date = dt.date(2024, 5, 10),
           **kw: object) -> dict:
    code = services.dossiers.receive(procedure, holder["id"],
                                     received_at=dt.datetime(2024, 4, 22, 9))["code"]
    services.dossiers.act(code, "start_appraisal", at=dt.datetime(2024, 4, 23, 9))
    services.dossiers.act(code, "approve", at=dt.datetime(2024, 4, 24, 9))
    return services.permits.issue(code, subject="", replaces=replaces, details=details, on=on,
                                  **kw)


def _signer(services: Services, kind: str, ref: str) -> str:
    return json.loads(services.documents.issued(kind, ref)["data"])["signer"]["full_name"]


def test_a_long_confirmation_keeps_its_last_paragraphs_with_the_signature(
        services: Services, holder: dict) -> None:
    """A confirmation of a postal notification listing 1 to 14 kinds of service: from two on,
    the page of the signature also holds the end of the body."""
    on_page_two = 0
    for kinds in range(1, 15):
        details = {**SAMPLES["postal.notification"],
                   "postal_services": "\n".join(SERVICE.format(n=n) for n in range(1, kinds + 1))}
        permit = _issue(services, holder, "postal.notification.confirm", details=details)
        pdf = services.documents.render("permit", permit["reference"]).pdf
        signer = _signer(services, "permit", permit["reference"])
        page = check_closing(pdf, signer, "các quy định của pháp luật có liên quan./.")
        # one kind fits one page or not by a line or two of "Nơi nhận" (texts.toml); from two
        # kinds on, the signature's page holds the end of the body
        assert page == 1 or kinds == 1, kinds
        on_page_two += page == 1
    assert on_page_two >= 3  # the break before the closing was met, not stepped over


def test_an_amendment_with_a_long_list_of_changes(services: Services, holder: dict) -> None:
    """A website licence amended in several contents: the list of what changed, and the line
    naming the replaced licence, end the body; the closing keeps them company."""
    first = _issue(services, holder, "e_information.website.issue",
                   details=SAMPLES["e_information.website"], valid_until=dt.date(2034, 5, 10))
    on_page_two, previous = 0, first
    for sources in range(2, 14):
        amended = _issue(services, holder, "e_information.website.amend",
                         replaces=previous["reference"], on=dt.date(2024, 6, sources),
                         details={"sources": "\n".join(
                             f"Báo Bình Dương điện tử, chuyên mục số {n} (có thỏa thuận hợp tác "
                             "cung cấp thông tin bằng văn bản)" for n in range(1, sources + 1))})
        pdf = services.documents.render("permit", amended["reference"]).pdf
        text = " ".join(pages(pdf))
        assert "Nội dung sửa đổi, bổ sung" in text
        assert f"thay thế Giấy phép thiết lập trang thông tin điện tử tổng hợp số " \
               f"{previous['number']}" in text
        signer = _signer(services, "permit", amended["reference"])
        page = check_closing(pdf, signer, "các quy định của pháp luật có liên quan./.")
        on_page_two += page == 1
        previous = amended
    assert on_page_two >= 3


def test_a_long_decision_keeps_its_last_article_with_the_signature(
        services: Services, tmp_path) -> None:  # noqa: ANN001
    """A decision of titled articles (generic, from a file): the last article's heading and
    text stay with the signature; a heading never ends a page."""
    on_page_two = 0
    for count in range(4, 16):
        paragraphs = [f"{n}. Các cơ quan, đơn vị thực hiện nhiệm vụ thứ {n} theo kế hoạch "
                      "được giao, báo cáo kết quả về Sở trước ngày 15 hằng tháng."
                      for n in range(1, count + 1)]
        file = tmp_path / f"decision-{count}.json"
        file.write_text(json.dumps({
            "date": "2024-05-10", "summary": "Về việc ban hành Kế hoạch kiểm tra năm 2024",
            "legal_bases": ["Căn cứ Luật Báo chí ngày 05 tháng 4 năm 2016;",
                            "Theo đề nghị của Chánh Thanh tra Sở."],
            "articles": [{"title": "Nhiệm vụ", "paragraphs": paragraphs},
                         {"title": "Hiệu lực thi hành",
                          "paragraphs": ["Quyết định này có hiệu lực kể từ ngày ký."]},
                         {"title": "Tổ chức thực hiện",
                          "paragraphs": ["Chánh Văn phòng Sở, Chánh Thanh tra Sở và các cơ "
                                         "quan, đơn vị có liên quan chịu trách nhiệm thi hành "
                                         "Quyết định này./."]}],
            "recipients": ["Như Điều 3", "Lưu: VT, TTr"]}, ensure_ascii=False),
            encoding="utf-8")
        data = services.documents.file_data(str(file))
        pdf = services.documents.render("decision", str(file)).pdf
        page = check_closing(pdf, data["signer"]["full_name"], "thi hành Quyết định này./.")
        texts = pages(pdf)
        if page:  # the article's heading went with its text
            assert "Điều 3. Tổ chức thực hiện" in texts[page]
        for text in texts[:-1]:  # no page ends on a heading
            assert not re.search(r"Điều \d\. [^.]+$", text), text[-80:]
        on_page_two += page == 1
    assert on_page_two >= 2
