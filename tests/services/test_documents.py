"""Documents through the services: every procedure's result, the one-stop forms, reprints that
reproduce the issued file, and the verification code (valid, forged, revoked, expired)."""

from __future__ import annotations

import datetime as dt

import pytest

from sotttt_desktop.catalog import load as load_catalogue
from sotttt_desktop.catalog.loader import RESULT_KINDS
from sotttt_desktop.core.calendar import TimeUnit
from sotttt_desktop.core.models import AuditEntry, IssuedDocument
from sotttt_desktop.errors import PermissionDeniedError, ValidationError
from sotttt_desktop.services import Services
from sotttt_desktop.services.actor import Actor
from sotttt_desktop.services.permits import REPLACING_ACTIONS, TO_NEW_HOLDER
from tests.documents.helpers import pdf_fonts, pdf_text
from tests.permit_samples import SAMPLES

HOLDER = "Công ty Cổ phần Truyền thông Sông Bé"


@pytest.fixture(autouse=True)
def bundled_font(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOTTTT_DOCUMENT_FONT", "bundled")


@pytest.fixture
def holder(services: Services) -> dict:
    return services.parties.add(kind="org", name=HOLDER, tax_code="3700111222",
                                district_code="718", address="Số 1 Đại lộ Bình Dương, phường "
                                "Phú Hòa", legal_representative="Nguyễn Văn An",
                                phone="0274 3811 111")


def _approved(services: Services, holder: dict, procedure: str,
              received: dt.datetime = dt.datetime(2024, 3, 1, 9)) -> str:
    code = services.dossiers.receive(procedure, holder["id"], received_at=received)["code"]
    services.dossiers.act(code, "start_appraisal")
    services.dossiers.act(code, "approve")
    return code


def _issue(services: Services, holder: dict, procedure: str, replaces: str | None = None,
           on: dt.date = dt.date(2024, 3, 15), **kw: object) -> dict:
    code = _approved(services, holder, procedure)
    family = load_catalogue().get(procedure).family
    kw.setdefault("details", {} if replaces else SAMPLES[family])
    return services.permits.issue(code, subject=kw.pop("subject", "Bản tin Sông Bé"),
                                  replaces=replaces, on=on, **kw)


def test_every_procedure_result_prints(services: Services, holder: dict) -> None:
    """Each procedure of the catalogue (not the notices before an event) walks from receipt to
    its printed result, with the replaced document named for amend, extend and reissue, and to
    the result handed back."""
    catalogue = load_catalogue()
    procedures = [p for p in catalogue.list() if p.unit is not TimeUnit.HOURS_BEFORE]
    order = {"issue": 0, "other": 0, "amend": 1, "reissue": 2, "extend": 3, "transfer": 4}
    buyer = services.parties.add(kind="org", name=HOLDER + " Mới", tax_code="3700111333",
                                 district_code="718")
    latest: dict[str, str] = {}
    printed, walked = 0, set()
    for procedure in sorted(procedures, key=lambda p: (p.family, order[p.action])):
        replaces = latest.get(procedure.family) if procedure.action in REPLACING_ACTIONS \
            else None
        if procedure.action in REPLACING_ACTIONS and replaces is None:
            continue  # a family whose first document comes from a notice
        applicant = buyer if procedure.action in TO_NEW_HOLDER else holder
        permit = _issue(services, applicant, procedure.key, replaces=replaces,
                        valid_until=dt.date(2025, 3, 15) if procedure.validity_max_years
                        and procedure.action == "issue" else None,
                        extend_months=procedure.extension_max_months or 12
                        if procedure.action == "extend" else None)
        latest[procedure.family] = permit["reference"]
        rendered = services.documents.render("permit", permit["reference"])
        text = pdf_text(rendered.pdf)
        assert f"Số: {permit['number']}" in text
        assert HOLDER in text.replace("\n", " ")
        assert "Bình Dương, ngày 15 tháng 3 năm 2024" in text
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
        if replaces:
            old_number = replaces.split("@")[0]
            assert old_number in text.replace("\n", " ")
        flat = " ".join(text.split())
        assert permit["contents"], procedure.key  # the declared contents, printed line by line
        for label, value in permit["contents"]:
            assert f"{label}: {' '.join(value.split())}" in flat or (
                label in flat and value.split()[0] in flat), (procedure.key, label)
        assert all(f["embedded"] == "yes" for f in pdf_fonts(rendered.pdf))
        # what the Director considers: a notice is not an application; a reissue states no
        # reason the dossier does not give
        considering = procedure.document_considering
        assert f"Xét {considering} của {HOLDER}" in flat or procedure.result_kind == "approval"
        assert "bị mất" not in flat and "so với văn bản được thay thế" not in flat
        # …and the result is handed back to the applicant
        assert services.dossiers.act(permit["dossier"], "return_result")["state"] == "returned"
        walked.add(procedure.key)
        printed += 1
    # every procedure of the catalogue, the ones issue #14 added included…
    assert {"postal.notification.amend", "publishing.distribution.reregister",
            "publishing.foreign_printing.issue", "e_information.website_notice.confirm",
            "grassroots.foreign_display.approve", "grassroots.commune_radio.consent",
            "press.local_broadcast.consent"} <= walked
    assert {p.key for p in procedures} - walked == set()
    # …so every kind of result the catalogue knows renders
    assert {catalogue.get(key).result_kind for key in walked} == set(RESULT_KINDS)
    assert printed >= 32


def test_a_document_issued_before_its_form_changed_reprints_as_signed(
        services: Services, holder: dict) -> None:
    """The issued file is kept: after the form changed (another version, another drawing)
    a reprint gives the signed bytes, and is logged as a reprint."""
    permit = _issue(services, holder, "press.bulletin.issue")
    first = services.documents.render("permit", permit["number"])
    with services.db.session(write=True) as session:
        row = session.query(IssuedDocument).one()
        assert row.pdf == first.pdf
        # as if issued by an older form that drew the page otherwise
        row.template_version = "2026-11-30"
        row.data = row.data.replace(HOLDER, HOLDER + " (cũ)")
        session.commit()
    again = services.documents.render("permit", permit["number"])
    assert again.reprint and again.pdf == first.pdf and again.sha256 == first.sha256
    assert services.documents.issued("permit", permit["number"])["prints"] == 2


def test_the_desks_receipt_keeps_its_data_only(services: Services, holder: dict) -> None:
    """Form 01 (thousands a year) keeps no file: a reprint renders its data again, the same
    bytes; a permit keeps its file."""
    permit = _issue(services, holder, "press.bulletin.issue")
    services.documents.render("permit", permit["number"])
    receipt = services.documents.render("form-01", permit["dossier"])
    with services.db.session() as session:
        files = {row.kind: row.pdf for row in session.query(IssuedDocument)}
    assert files["form-01"] is None and files["permit"] is not None
    again = services.documents.render("form-01", permit["dossier"])
    assert again.reprint and again.pdf == receipt.pdf


def test_a_document_issued_before_files_were_kept_is_not_reprinted_differently(
        services: Services, holder: dict) -> None:
    """A document issued before migration 0035 (no file) and before its form changed would
    print differently from what was signed: refused, saying so (not blaming the font), and
    the refusal is logged."""
    permit = _issue(services, holder, "press.bulletin.issue")
    services.documents.render("permit", permit["number"])
    with services.db.session(write=True) as session:
        row = session.query(IssuedDocument).one()
        row.template_version, row.sha256 = "2026-11-30", "0" * 64  # as issued by the old form
        row.pdf = None
        session.commit()
    with pytest.raises(ValidationError, match="mẫu đã thay đổi") as refused:
        services.documents.render("permit", permit["number"])
    assert "2026-11-30" in str(refused.value) and "phông" not in str(refused.value)
    assert services.documents.issued("permit", permit["number"])["prints"] == 2


def test_reprint_reproduces_the_issued_file_and_is_logged(services: Services,
                                                          holder: dict) -> None:
    permit = _issue(services, holder, "press.bulletin.issue")
    first = services.documents.render("permit", permit["number"])
    assert not first.reprint
    # the holder changes address afterwards: the issued document keeps what it said
    services.parties.update(holder["id"], 1, kind="org", name=HOLDER, tax_code="3700111222",
                            address="Số 99 đường khác")
    again = services.documents.render("permit", permit["number"])
    assert again.reprint and again.pdf == first.pdf and again.sha256 == first.sha256
    assert services.documents.issued("permit", permit["number"])["prints"] == 2
    with services.db.session() as session:
        actions = [e.action for e in session.query(AuditEntry).filter(
            AuditEntry.entity_kind == "document")]
    assert actions == ["issue_document", "reprint"]


def test_verification_code_valid_forged_revoked(services: Services, holder: dict) -> None:
    from sotttt_desktop.core import verification

    permit = _issue(services, holder, "e_information.website.issue",
                    subject="https://songbe.vn", on=dt.date.today())
    payload = services.documents.permit_data(permit["number"])["qr_payload"]
    assert payload.isascii() and payload.startswith("SOTTTT2:")
    assert services.documents.verify(payload)["status"] == "valid"
    # one character changed anywhere (the key identifier, the facts, the signature): forged
    for index in (9, 20, len(payload) // 2, len(payload) - 20, len(payload) - 1):
        changed = payload[:index] + ("7" if payload[index] != "7" else "Q") + payload[index + 1:]
        assert services.documents.verify(changed)["status"] in ("forged", "unknown_key"), index
        assert services.documents.verify(changed)["status"] != "valid", index
    for index in (20, len(payload) // 2, len(payload) - 1):
        changed = payload[:index] + ("7" if payload[index] != "7" else "Q") + payload[index + 1:]
        assert services.documents.verify(changed)["status"] == "forged", index
    assert services.documents.verify("garbage")["status"] == "forged"
    with pytest.raises(ValidationError, match="mã in dưới mã QR"):
        services.documents.verify("  ")
    # broken over lines, or typed in lower case: the same code
    assert services.documents.verify(payload[:60] + "\n" + payload[60:].lower())["status"] == \
        "valid"
    # the page prints the short form, which the issuing desk also finds
    rendered = services.documents.render("permit", permit["number"])
    short = verification.short_form(payload)
    assert f"Mã xác thực: {short}" in pdf_text(rendered.pdf)
    assert services.documents.verify(short.lower().replace("-", " "))["status"] == "valid"
    services.permits.decide(permit["number"], "revoke", reason="Vi phạm nghiêm trọng")
    verdict = services.documents.verify(payload)
    assert verdict["status"] == "revoked" and verdict["permit"]["decision_number"] == \
        "01/QĐ-STTTT"


def test_verify_reads_the_code_from_a_pdf(services: Services, holder: dict, tmp_path) -> None:  # noqa: ANN001
    permit = _issue(services, holder, "press.bulletin.issue", on=dt.date.today())
    path = tmp_path / "permit.pdf"
    path.write_bytes(services.documents.render("permit", permit["number"]).pdf)
    assert services.documents.verify(str(path))["status"] == "valid"
    other = tmp_path / "other.pdf"
    other.write_bytes(services.documents.render("form-01", permit["dossier"]).pdf)
    with pytest.raises(ValidationError, match="Không tìm thấy mã xác thực"):
        services.documents.verify(str(other))


def test_verify_reads_the_qr_symbol_of_a_scan(services: Services, holder: dict,
                                              tmp_path) -> None:  # noqa: ANN001
    """A printed permit scanned at 150 dpi: the QR symbol itself is decoded, as a PNG photo and
    as a PDF of images (no metadata left); a revoked permit's scan says revoked."""
    import io

    import pypdfium2
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    permit = _issue(services, holder, "e_information.website.issue", on=dt.date.today(),
                    subject="https://songbe.vn")  # a kind the Department may revoke
    pdf = services.documents.render("permit", permit["number"]).pdf
    document = pypdfium2.PdfDocument(pdf)
    image = document[0].render(scale=150 / 72, grayscale=True).to_pil()
    document.close()
    photo = tmp_path / "scan.png"
    image.save(photo)
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    page.drawImage(ImageReader(image), 0, 0, *A4)
    page.save()
    scanned = tmp_path / "scan.pdf"
    scanned.write_bytes(buffer.getvalue())
    assert b"SOTTTT" not in scanned.read_bytes()
    assert services.documents.verify(str(photo))["status"] == "valid"
    assert services.documents.verify(str(scanned))["status"] == "valid"
    services.permits.decide(permit["number"], "revoke", reason="Ngừng hoạt động")
    assert services.documents.verify(str(scanned))["status"] == "revoked"


def test_expired_and_superseded_codes(services: Services, holder: dict) -> None:
    old = _issue(services, holder, "e_information.website.issue", subject="https://a.vn",
                 valid_until=dt.date(2025, 3, 15))
    payload = services.documents.permit_data(old["number"])["qr_payload"]
    assert services.documents.verify(payload)["status"] == "expired"
    newer = _issue(services, holder, "e_information.website.amend", replaces=old["reference"],
                   subject="https://b.vn")
    assert newer["replaces_chain"][0]["number"] == old["number"]
    assert services.documents.verify(payload)["status"] == "superseded"


def test_another_installation_key_is_forged(services: Services, holder: dict) -> None:
    from sotttt_desktop.core import verification

    permit = _issue(services, holder, "press.bulletin.issue")
    code = verification.Code(permit["number"], permit["year"], dt.date(2024, 3, 15), None,
                             HOLDER)
    foreign = verification.make(b"another installation's key", code)
    assert services.documents.verify(foreign)["status"] == "forged"
    facts = verification.SignedFacts(permit["number"], permit["year"], dt.date(2024, 3, 15),
                                     dt.date(2024, 3, 15), None, HOLDER)
    unknown = verification.sign(verification.new_private_key(), facts)
    assert services.documents.verify(unknown)["status"] == "unknown_key"


def test_suspension_and_revocation_decisions(services: Services, holder: dict) -> None:
    """A website licence: suspended within the 3 months of the law, revoked; each decision
    cites the decree in force on its date and the article that gives the power, and adds no
    duty the law does not set."""
    permit = _issue(services, holder, "e_information.website.issue", subject="https://songbe.vn")
    with pytest.raises(ValidationError, match="không bị đình chỉ|not suspended"):
        services.documents.render("permit-suspension", permit["number"])
    services.permits.decide(permit["number"], "suspend", reason="Không khắc phục vi phạm theo văn bản yêu cầu của Sở",
                            until=dt.date.today() + dt.timedelta(days=60))
    text = pdf_text(services.documents.render("permit-suspension", permit["number"]).pdf)
    flat = " ".join(text.split())
    assert "Số: 01/QĐ-STTTT" in text and "QUYẾT ĐỊNH" in text
    assert (f"Đình chỉ Giấy phép thiết lập trang thông tin điện tử tổng hợp số "
            f"{permit['number']} ngày 15/03/2024 cấp cho {HOLDER} (mã số thuế: 3700111222;") \
        in flat
    assert "Lý do: Không khắc phục vi phạm theo văn bản yêu cầu của Sở." in flat
    # decided today (after 25/12/2024): Decree 147/2024, which replaced Decree 72/2013
    assert "Căn cứ Nghị định số 147/2024/NĐ-CP ngày 09 tháng 11 năm 2024 của Chính phủ" in flat
    assert "72/2013" not in flat and "05 ngày làm việc" not in flat
    assert "Trong thời gian bị đình chỉ, " + HOLDER + " không được hoạt động" in flat
    # "Nơi nhận" (texts.toml [[recipients]]): the inspectorate that enforces it; decided after
    # the Ministry's merger of 01/03/2025, no Ministry department is named (none confirmed)
    assert "- Như Điều 3; - Thanh tra Sở; - Lưu: VT" in flat
    assert "Cục PTTH" not in flat
    # the licence itself, of 15/03/2024, was reported to the Ministry's department of the time
    licence = " ".join(pdf_text(services.documents.render("permit", permit["number"]).pdf
                                ).split())
    assert f"- {HOLDER}; - Cục PTTH&TTĐT - Bộ TT&TT (b/c); - Lưu: VT" in licence
    services.permits.decide(permit["number"], "revoke", reason="Đã bị đình chỉ 02 lần")
    flat = " ".join(pdf_text(services.documents.render("permit-revocation",
                                                       permit["number"]).pdf).split())
    assert "Số: 02/QĐ-STTTT" in flat and "Về việc thu hồi Giấy phép thiết lập trang thông " \
        "tin điện tử tổng hợp số" in flat
    assert "Việc thu hồi thực hiện theo quy định của Nghị định số 147/2024/NĐ-CP." in flat
    assert "05 ngày làm việc" not in flat


def test_decisions_refused_where_the_law_gives_no_power(services: Services, holder: dict
                                                        ) -> None:
    """A printing licence has no suspension or revocation power in the licensing law (a sanction
    decision withdraws it); a game point certificate is revoked, never suspended; nothing is
    written."""
    printing = _issue(services, holder, "publishing.printing.issue", subject="Cơ sở in Sông Bé")
    for action in ("suspend", "revoke"):
        with pytest.raises(ValidationError, match="giấy phép hoạt động in") as info:
            services.permits.decide(printing["number"], action, reason="Vi phạm",
                                    until=dt.date.today() + dt.timedelta(days=30))
        assert "xử phạt" in str(info.value) or "sanction" in str(info.value)
    assert services.permits.show(printing["number"])["state"] == "valid"
    shown = services.permits.show(printing["number"])
    assert all(services.permits.available_decisions(shown).values())  # buttons say why not
    game = _issue(services, holder, "e_information.game_point.issue",
                  subject="Điểm trò chơi Sông Bé")
    with pytest.raises(ValidationError, match="thu hồi|revoked"):
        services.permits.decide(game["number"], "suspend", reason="Vi phạm", until=dt.date.today() + dt.timedelta(days=30))
    assert services.permits.available_decisions(services.permits.show(game["number"]))[
        "revoke"] is None


def test_one_stop_forms_of_a_dossier(services: Services, holder: dict) -> None:
    received = dt.datetime(2024, 3, 4, 10, 5)
    code = services.dossiers.receive("publishing.printing.issue", holder["id"],
                                     received_at=received)["code"]
    form = pdf_text(services.documents.render("form-01", code).pdf)
    flat = " ".join(form.split())
    for expected in ("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", f"Mã hồ sơ: {code}",
                     f"Ông/bà/tổ chức: {HOLDER}", "Thời gian nhận hồ sơ: 10 giờ 05 phút, ngày "
                     "04 tháng 3 năm 2024", "Số thứ tự: 01", "NGƯỜI NỘP HỒ SƠ", "NGƯỜI TIẾP NHẬN HỒ SƠ",
                     "Mẫu số 01 — Thông tư số 01/2018/TT-VPCP"):
        assert expected in flat, expected
    with pytest.raises(ValidationError, match="Mẫu 02|02"):
        services.documents.render("form-02", code)
    services.dossiers.act(code, "request_supplement", reason="Thiếu bản sao giấy phép kinh "
                          "doanh có chứng thực", at=dt.datetime(2024, 3, 5, 9))
    flat = " ".join(pdf_text(services.documents.render("form-02", code).pdf).split())
    assert "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ" in flat
    assert "1. Thiếu bản sao giấy phép kinh doanh có chứng thực" in flat
    services.dossiers.act(code, "supplement_received", at=dt.datetime(2024, 3, 6, 9))
    services.dossiers.act(code, "start_appraisal", at=dt.datetime(2024, 3, 6, 10))
    due = services.dossiers.show(code)["due"]
    services.dossiers.act(code, "apologise", reason="Chờ ý kiến của Cục Xuất bản",
                          new_due=due + dt.timedelta(days=7), at=dt.datetime(2024, 3, 7, 9))
    flat = " ".join(pdf_text(services.documents.render("form-04", code).pdf).split())
    assert "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ" in flat
    assert f"{due:%d/%m/%Y}" in flat and f"{due + dt.timedelta(days=7):%d/%m/%Y}" in flat
    assert "Lý do: Chờ ý kiến của Cục Xuất bản." in flat
    services.dossiers.act(code, "refuse", reason="Không đủ điều kiện về thiết bị in",
                          at=dt.datetime(2024, 3, 8, 9))
    flat = " ".join(pdf_text(services.documents.render("form-03", code).pdf).split())
    assert "Không đủ điều kiện về thiết bị in" in flat
    flat = " ".join(pdf_text(services.documents.render("form-05", code).pdf).split())
    assert "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ" in flat and "Từ chối giải quyết" in flat
    book = services.documents.render("form-06", "2024-03")
    flat = " ".join(pdf_text(book.pdf).split())
    assert "SỔ THEO DÕI HỒ SƠ" in flat and code in flat
    assert "Tháng 3 năm 2024: 01 hồ sơ." in flat


def test_book_of_many_dossiers_spans_pages(services: Services, holder: dict) -> None:
    for day in range(1, 29):
        services.dossiers.receive("publishing.photocopier.register", holder["id"],
                                  received_at=dt.datetime(2024, 2, day, 9))
    from tests.documents.helpers import plumber

    pdf = services.documents.render("form-06", "2024-02").pdf
    with plumber(pdf) as doc:
        assert len(doc.pages) >= 2
        assert all("Mã hồ sơ" in (p.extract_text() or "") for p in doc.pages)
    assert "28 hồ sơ" in pdf_text(pdf)


def test_printing_needs_the_right_to_view(services: Services, holder: dict) -> None:
    permit = _issue(services, holder, "press.bulletin.issue")
    outsider = services.as_actor(Actor(username="xem", display_name="Xem", authenticated=True,
                                       grants=frozenset({("postal", "view")})))
    with pytest.raises(PermissionDeniedError):
        outsider.documents.render("permit", permit["number"])


def test_generic_decision_and_letter_from_a_file(services: Services, tmp_path) -> None:  # noqa: ANN001
    import json

    letter = tmp_path / "letter.json"
    letter.write_text(json.dumps({
        "number": "120/STTTT-VP", "date": "2024-03-05",
        "summary": "tăng cường bảo đảm an toàn thông tin", "addressees": [
            "Các sở, ban, ngành", "UBND các huyện, thị xã, thành phố"],
        "paragraphs": ["Thực hiện chỉ đạo của UBND tỉnh, Sở đề nghị các cơ quan rà soát."],
        "recipients": ["Như trên", "Lưu: VT, VP"]}, ensure_ascii=False), encoding="utf-8")
    # the Văn thư gave the number on paper and recorded it; a number is never typed alone
    services.numbering.record_outside("STTTT-VP", 120, on=dt.date(2024, 3, 5),
                                      summary="Công văn về việc tăng cường bảo đảm an toàn "
                                              "thông tin")
    text = pdf_text(services.documents.render("letter", str(letter)).pdf)
    assert "V/v tăng cường bảo đảm an toàn thông tin" in " ".join(text.split())
    assert "Kính gửi:" in text and "- Các sở, ban, ngành;" in text
    assert "Số: 120/STTTT-VP" in text
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2", encoding="utf-8")
    with pytest.raises(ValidationError, match="JSON"):
        services.documents.render("decision", str(bad))


def _issued_records(services: Services, permit: dict) -> tuple[object, int]:
    from sqlalchemy import func, select

    with services.db.session() as session:
        issued = session.execute(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.action == "issue_document")).scalar_one()
    return services.documents.issued("permit", permit["number"]), issued


def test_a_permit_is_recorded_as_issued_only_once_its_file_is_written(
        services: Services, holder: dict, tmp_path) -> None:  # noqa: ANN001
    from sqlalchemy import event
    from sqlalchemy.orm import Session as OrmSession

    from sotttt_desktop.core.safe_write import placed_file

    permit = _issue(services, holder, "press.bulletin.issue")
    nowhere = tmp_path / "missing-folder" / "permit.pdf"
    with pytest.raises(ValidationError, match="không tồn tại"):
        services.documents.render("permit", permit["number"],
                                  deliver=lambda r: placed_file(nowhere, r.pdf, force=False))
    assert _issued_records(services, permit) == (None, 0)  # nothing recorded
    assert not nowhere.parent.exists()
    # the record fails after the file was written: the file is taken away again
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "permit.pdf"

    class RecordFailed(Exception):
        pass

    seen: list[bool] = []

    def refuse_commit(_session) -> None:  # noqa: ANN001 - a commit that fails (disk, lock…)
        seen.append(target.exists())
        raise RecordFailed

    event.listen(OrmSession, "before_commit", refuse_commit)
    try:
        with pytest.raises(RecordFailed):
            services.documents.render(
                "permit", permit["number"],
                deliver=lambda r: placed_file(target, r.pdf, force=False))
    finally:
        event.remove(OrmSession, "before_commit", refuse_commit)
    assert seen == [True]  # the file was in place when the record was committed…
    assert not target.exists() and list(folder.iterdir()) == []  # …and is gone with it
    assert _issued_records(services, permit) == (None, 0)
    rendered = services.documents.render(
        "permit", permit["number"], deliver=lambda r: placed_file(target, r.pdf, force=False))
    assert target.read_bytes() == rendered.pdf and [p.name for p in folder.iterdir()] == [
        "permit.pdf"]  # no temporary file left
    stored, issued = _issued_records(services, permit)
    assert stored is not None and issued == 1


def test_the_first_issue_needs_the_right_to_issue(services: Services, holder: dict) -> None:
    permit = _issue(services, holder, "press.bulletin.issue")
    viewer = services.as_actor(Actor(username="xem", display_name="Người xem",
                                     authenticated=True, grants=frozenset({("*", "view")})))
    refusal = viewer.documents.print_refusal("permit", permit["reference"], area=permit["area"])
    assert refusal is not None and "ký ban hành" in refusal  # the interface disables the button
    with pytest.raises(PermissionDeniedError, match="ký ban hành"):
        viewer.documents.render("permit", permit["number"])
    assert services.documents.issued("permit", permit["number"]) is None
    first = services.documents.render("permit", permit["number"])
    assert viewer.documents.print_refusal("permit", permit["reference"],
                                          area=permit["area"]) is None
    again = viewer.documents.render("permit", permit["number"])  # a reprint: viewing is enough
    assert again.reprint and again.sha256 == first.sha256


def test_a_decision_from_a_file_takes_the_header_and_signer_from_the_database(
        services: Services, tmp_path) -> None:  # noqa: ANN001
    import json

    forged = tmp_path / "forged.json"
    forged.write_text(json.dumps({
        "number": "01/QĐ-GIA", "summary": "giả mạo", "articles": [{"title": "Điều 1"}],
        "profile": {"agency_name": "CƠ QUAN GIẢ", "parent_body_short": "UBND GIẢ",
                    "place_name": "Nơi giả"},
        "issuer": "GIÁM ĐỐC GIẢ", "signer": {"full_name": "Người Ký Giả"}},
        ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValidationError, match="issuer, profile, signer"):
        services.documents.render("decision", str(forged))
    honest = tmp_path / "honest.json"
    honest.write_text(json.dumps({"number": "02/QĐ-STTTT", "summary": "thật",
                                  "articles": [{"title": "Điều 1"}]}, ensure_ascii=False),
                      encoding="utf-8")
    with pytest.raises(ValidationError, match="02/QĐ-STTTT"):  # a typed number: not registered
        services.documents.render("decision", str(honest))
    services.numbering.record_outside("QĐ", 2, on=dt.date.today(), summary="Quyết định thật")
    honest.write_text(json.dumps({"number": "02/QĐ-STTTT", "summary": "thật",
                                  "articles": [{"title": "Điều 1"}]}, ensure_ascii=False),
                      encoding="utf-8")
    text = pdf_text(services.documents.render("decision", str(honest)).pdf)
    profile = services.reference.profile(dt.date.today())
    assert profile["agency_name"] in text and "GIẢ" not in text
    viewer = services.as_actor(Actor(username="xem", display_name="Người xem",
                                     authenticated=True, grants=frozenset({("*", "view")})))
    with pytest.raises(PermissionDeniedError, match="soạn thảo"):
        viewer.documents.render("decision", str(honest))


def test_multi_line_contents_print_as_lines_and_the_owner_once(services: Services,
                                                                holder: dict) -> None:
    """A printing licence: the products and equipment entered on several lines print one item a
    line under their label; the owner (the legal representative) prints once, as declared."""
    permit = _issue(services, holder, "publishing.printing.issue", subject="", details={
        "products": "Sách, báo, tạp chí\nTem chống giả",
        "equipment": "- 02 máy in offset 4 màu Heidelberg SM 74\n- 01 máy cắt giấy Polar 115"
                     " điều khiển bằng chương trình, khổ cắt tối đa 115 cm"})
    pdf = services.documents.render("permit", permit["reference"]).pdf
    # the lines of the text, read across a page break (its page number left out): the last
    # contents line goes to page 2 with the closing paragraph and the signature
    lines = [line.strip() for line in pdf_text(pdf).splitlines()
             if line.strip() and not line.strip().isdigit()]
    first = lines.index("6. Sản phẩm in:")
    assert lines[first + 1:first + 3] == ["- Sách, báo, tạp chí", "- Tem chống giả"]
    second = lines.index("7. Thiết bị in:")
    assert lines[second + 1] == "- 02 máy in offset 4 màu Heidelberg SM 74"
    assert lines[second + 2].startswith("- 01 máy cắt giấy Polar 115")
    # wrapped inside the margins, the next line under the item's text
    assert " ".join(lines[second + 2:second + 4]).endswith("khổ cắt tối đa 115 cm")
    assert lines[second + 4].startswith(HOLDER)  # the closing paragraph
    flat = " ".join(pdf_text(pdf).split())
    assert "1. Tên tổ chức: " + HOLDER in flat  # an organisation, not "Họ và tên"
    assert flat.count("Nguyễn Văn An") == 1
    assert "5. Người đứng đầu cơ sở in: Nguyễn Văn An" in flat
    # the works' address (ND 60/2014's form), started from the applicant's, beside the head office
    assert "4. Địa chỉ cơ sở in: Số 1 Đại lộ Bình Dương" in flat
    # a permit whose contents do not state the representative still prints the holder's
    website = _issue(services, holder, "e_information.website.issue",
                     valid_until=dt.date(2025, 3, 15))
    text = " ".join(pdf_text(services.documents.render("permit", website["reference"]).pdf
                             ).split())
    assert "4. Người đại diện theo pháp luật: Nguyễn Văn An" in text


def test_a_decision_is_dated_on_the_working_clock(services: Services, holder: dict) -> None:
    """A demo runs on its own date: its decisions say that date (the number's registered date),
    not the day the row was really written, and cite the law in force on it."""
    from sotttt_desktop.core import clock

    clock.set_working_date(dt.date(2024, 11, 29))
    permit = _issue(services, holder, "e_information.website.issue", subject="https://songbe.vn",
                    on=dt.date(2024, 3, 15))
    services.permits.decide(permit["number"], "suspend", reason="Không khắc phục vi phạm",
                            until=dt.date(2025, 1, 28))
    flat = " ".join(pdf_text(services.documents.render("permit-suspension", permit["number"]
                                                       ).pdf).split())
    assert "Bình Dương, ngày 29 tháng 11 năm 2024" in flat
    assert "Nghị định số 72/2013/NĐ-CP" in flat and "147/2024" not in flat
    # before the Ministry's merger: reported to its department of the time
    assert "- Như Điều 3; - Cục PTTH&TTĐT - Bộ TT&TT (b/c); - Thanh tra Sở; - Lưu: VT" in flat


def test_a_book_fair_licence_states_its_period_on_one_line(services: Services,
                                                           holder: dict) -> None:
    permit = _issue(services, holder, "publishing.fair.issue", subject="Hội sách Sông Bé 2024")
    flat = " ".join(pdf_text(services.documents.render("permit", permit["reference"]).pdf
                             ).split())
    assert "Thời gian tổ chức: từ ngày 10/05/2024 đến ngày 16/05/2024" in flat
    assert "Từ ngày" not in flat and "Đến ngày" not in flat
