"""The register of letters received and their handling (sổ tiếp nhận, xử lý đơn: TT 05/2021/
TT-TTCP; REFERENCE-2.md §10.3 "What the software should keep").

Each letter is entered under its number in the year's book; **a letter of mixed content is split
into its parts** — one row a part, the same number and a part number, each of its own kind
(complaint, denunciation, petition, feedback), all of the same day and sender. A part the
Department is competent to settle is accepted (its case's code written) or filed; one it is
not is forwarded or guided to the competent body within 05 working days (Luật Tố cáo Art.
24(2); NĐ 20/2008 Art. 9(1)(d)), and **a letter of the same content is forwarded only once**
(TT 05/2021 Mẫu 03): a repeat is filed. Every letter is handled within 10 working days of
receipt (the handling date watched, late flagged).

A denunciation is written by its case's code, never by the denouncer's name: the book is read by
everyone who may view the area, the case keeps the denouncer confidential (as in the
citizen-reception book).
"""

from __future__ import annotations

from typing import Any

from sotttt_desktop.i18n import N_, _, format_date
from sotttt_desktop.registers.inspection import VISIT_KINDS, denunciation_by_case
from sotttt_desktop.registers.spec import DueWatch, FieldKind, FieldSpec, RegisterSpec

CHANNELS = (("post", N_("By post")), ("in_person", N_("Handed in at the reception")),
            ("electronic", N_("Email or the public-service portal")),
            ("forwarded", N_("Forwarded by another body")))
ACTIONS = (("accepted", N_("Accepted (case opened)")), ("forwarded", N_("Forwarded")),
           ("guided", N_("Sender guided to the competent body")), ("filed", N_("Filed")))
LETTER_STATES = (("waiting", N_("Being handled")), ("handled", N_("Handled")))
HANDLE_WORKING_DAYS = 10  # TT 05/2021/TT-TTCP (the letter handled); REFERENCE-2 §10.3
FORWARD_WORKING_DAYS = 5  # Luật Tố cáo 2018 Art. 24(2); NĐ 20/2008 Art. 9(1)(d)
MAX_PARTS = 20  # a letter split into more parts than this is a typing error


def _action_rules(values: dict[str, Any]) -> dict[str, str]:
    action, competent = values.get("action"), values.get("competent")
    errors: dict[str, str] = {}
    if competent and action in ("forwarded", "guided"):
        errors["action"] = _("The Department is competent to settle this part: accept it or "
                             "file it.")
    elif not competent and action == "accepted":
        errors["action"] = _("The Department is not competent to settle this part: forward it "
                             "or guide the sender to the competent body.")
    if action == "accepted" and not values.get("case_code"):
        errors["case_code"] = _("Write the code of the case opened for this part.")
    if action in ("forwarded", "guided") and not values.get("forwarded_to"):
        errors["forwarded_to"] = _("Write the body it is forwarded or guided to.")
    if action == "forwarded" and not values.get("forwarded_on"):
        errors["forwarded_on"] = _("Write when it was forwarded.")
    return errors


def _parts_differ(part: Any, number: Any, day: Any, sender: str | None) -> str:  # noqa: ANN401
    return _("Part {part} of letter {number} was received on {day} from “{sender}”: the parts "
             "of a letter share its day and sender.").format(
        part=part, number=number, day=format_date(day), sender=sender or "—")


def _forwarded_before(number: Any, part: Any, body: str | None,  # noqa: ANN401
                      day: Any) -> str:  # noqa: ANN401
    return _("A letter of the same content (no. {number}, part {part}) was forwarded to {body} "
             "on {day}: it is forwarded only once. File this one.").format(
        number=number, part=part, body=body or "—", day=format_date(day) if day else "—")


def _other_parts(values: dict[str, Any], services: Any) -> dict[str, str]:  # noqa: ANN401
    """The parts of one letter share its day and sender (a new part is checked against those in
    the book); a letter of the same content as one forwarded already is not forwarded again."""
    from sqlalchemy import select

    from sotttt_desktop.registers import get_register

    model = get_register("letters").model
    errors: dict[str, str] = {}
    with services.db.session() as session:
        parts = session.execute(select(model).where(
            model.book_year == values["book_year"], model.letter_no == values["letter_no"],
            model.letter_key != values["letter_key"])).scalars().all()
        entered = session.execute(select(model.id).where(
            model.letter_key == values["letter_key"])).first() is not None
        # a part already in the book may be corrected alone (its day or sender: then the
        # others, one by one); a new part must agree with those in the book
        for part in () if entered else parts:
            if part.received_on != values["received_on"] or \
                    (part.sender or "") != (values.get("sender") or ""):
                errors["letter_no"] = _parts_differ(part.part, part.letter_no,
                                                    part.received_on, part.sender)
                break
        if values.get("action") == "forwarded":
            earlier = session.execute(select(model).where(
                model.content_key == values["content_key"], model.action == "forwarded",
                model.letter_key != values["letter_key"]).order_by(
                model.forwarded_on)).scalars().first()
            if earlier is not None:
                errors["action"] = _forwarded_before(earlier.letter_no, earlier.part,
                                                     earlier.forwarded_to, earlier.forwarded_on)
    return errors


def content_key(values: dict[str, Any]) -> str:
    """What makes two letters "of the same content" (TT 05/2021): their whole content, folded
    (no diacritics, đ as d, no case), punctuation and spacing ignored — whatever the kind the
    clerk gave or how the sender was written; a denunciation by its case."""
    import hashlib

    from sotttt_desktop.core.text import tokens

    words = " ".join(tokens(values.get("content")))
    if values.get("kind") == "denunciation":
        words = f"{words} {values.get('case_code') or ''}"
    return hashlib.sha256(words.encode()).hexdigest()[:40]


def check_letter(values: dict[str, Any], services: Any = None) -> dict[str, str]:  # noqa: ANN401
    """The key of a part, its dues (handled in 10, forwarded in 05 working days), the rules of
    its action, and the rules across the parts of a letter and letters forwarded before."""
    from sotttt_desktop.registers.checks import not_in_future, working_days_after

    errors = not_in_future(values, ("received_on", "forwarded_on", "handled_on"))
    errors.update(denunciation_by_case(values, services, "sender", ("sender", "representative"),
                                       ("content", "note")))
    received, handled = values.get("received_on"), values.get("handled_on")
    part = values.get("part") or 1
    if not 1 <= part <= MAX_PARTS:
        errors["part"] = _("Parts are numbered from 1 to {most}.").format(most=MAX_PARTS)
    for name in ("forwarded_on", "handled_on"):
        if received and values.get(name) and values[name] < received:
            errors[name] = _("This date comes before the letter was received.")
    if values.get("state") == "handled" and not handled:
        errors["handled_on"] = _("Write when the letter was handled.")
    elif handled and values.get("state") != "handled":
        errors["state"] = _("A letter with its handling date is handled.")
    errors.update({k: v for k, v in _action_rules(values).items() if k not in errors})
    values["part"] = part
    values["book_year"] = received.year if received else None
    values["letter_key"] = (f"{received.year}:{values.get('letter_no')}:{part}"
                            if received and values.get("letter_no") else None)
    values["content_key"] = content_key(values)
    values["handle_due"] = values["forward_due"] = None
    if received is not None and services is not None:
        values["handle_due"] = working_days_after(services, received, HANDLE_WORKING_DAYS)
        if not values.get("competent"):
            values["forward_due"] = working_days_after(services, received, FORWARD_WORKING_DAYS)
    late_handled = bool(values["handle_due"] and handled and handled > values["handle_due"])
    late_forward = bool(values["forward_due"] and values.get("forwarded_on")
                        and values["forwarded_on"] > values["forward_due"])
    values["late"] = late_handled or late_forward
    if not errors and services is not None and values["letter_key"]:
        errors.update(_other_parts(values, services))
    return errors


def check_file(rows: list[dict[str, Any]]) -> list[str | None]:
    """Within one imported book: the parts of a letter share its day and sender, and a content
    is forwarded once (the database's letters are checked row by row by `check_letter`)."""
    parts: dict[tuple[Any, Any], dict[str, Any]] = {}
    forwarded: dict[str, dict[str, Any]] = {}
    refusals: list[str | None] = []
    for values in rows:
        refusal = None
        first = parts.setdefault((values["book_year"], values["letter_no"]), values)
        if first["received_on"] != values["received_on"] or \
                (first.get("sender") or "") != (values.get("sender") or ""):
            refusal = _parts_differ(first["part"], first["letter_no"], first["received_on"],
                                    first.get("sender"))
        elif values.get("action") == "forwarded":
            earlier = forwarded.setdefault(values["content_key"], values)
            if earlier is not values:
                refusal = _forwarded_before(earlier["letter_no"], earlier["part"],
                                            earlier.get("forwarded_to"),
                                            earlier.get("forwarded_on"))
        refusals.append(refusal)
    return refusals


LETTERS = RegisterSpec(
    key="letters", area="inspection", title=N_("Letters received and handled"),
    item_name=N_("letter"), table="letter_received", search_kind="letter_received",
    default_sort="received_on", title_field="content",
    subtitle_fields=("letter_no", "received_on", "kind"), holder_column=None,
    district_field=None, checks=check_letter, file_checks=check_file,
    due_watch=DueWatch("handle_due", 3, N_("Letters to handle within {days} days"),
                       ended_states=("handled",)),
    indexes=(("letter", ("book_year", "letter_no")), ("content", ("content_key",))),
    fields=(
        FieldSpec("letter_key", N_("Letter and part"), max_length=60, computed=True,
                  in_table=False,
                  unique_message=N_("This letter and part are already in the book: “{name}”.")),
        FieldSpec("book_year", N_("Book of the year"), FieldKind.YEAR, computed=True,
                  in_table=False),
        FieldSpec("letter_no", N_("Letter no."), required=True, max_length=20, width=80,
                  searchable=True, aliases=("Số vào sổ", "Số đơn")),
        FieldSpec("part", N_("Part"), FieldKind.INTEGER, default="1", width=50,
                  aliases=("Phần",)),
        FieldSpec("received_on", N_("Letter received on"), FieldKind.DATE, required=True, width=100,
                  sort_column="received_on", aliases=("Ngày nhận",)),
        FieldSpec("channel", N_("Channel"), FieldKind.CHOICE, required=True, choices=CHANNELS,
                  default="post", width=130, filterable=True, aliases=("Nguồn đơn",)),
        FieldSpec("sender", N_("Sender"), max_length=300, width=200, searchable=True,
                  aliases=("Người gửi", "Họ tên người gửi đơn")),
        FieldSpec("senders", N_("Number of signatories"), FieldKind.INTEGER, default="1",
                  in_table=False, aliases=("Số người đứng tên",)),
        FieldSpec("representative", N_("Representative"), max_length=200, in_table=False,
                  aliases=("Người đại diện",)),
        FieldSpec("kind", N_("Kind"), FieldKind.CHOICE, required=True, choices=VISIT_KINDS,
                  width=110, filterable=True, aliases=("Loại đơn",)),
        FieldSpec("content", N_("Content"), FieldKind.MULTILINE,
                  max_length=4000, width=280, searchable=True, aliases=("Nội dung",)),
        FieldSpec("competent", N_("Within the Department's competence"), FieldKind.YES_NO,
                  default="1", width=120, filterable=True, aliases=("Thuộc thẩm quyền",)),
        FieldSpec("action", N_("Handling of the letter"), FieldKind.CHOICE, required=True, choices=ACTIONS,
                  width=150, filterable=True, aliases=("Hướng xử lý",)),
        FieldSpec("case_code", N_("Case"), max_length=40, width=120,
                  aliases=("Mã vụ việc",)),
        FieldSpec("forwarded_to", N_("Forwarded or guided to"), max_length=300, width=180,
                  aliases=("Chuyển đến", "Cơ quan có thẩm quyền")),
        FieldSpec("forwarded_on", N_("Letter forwarded on"), FieldKind.DATE, width=100,
                  aliases=("Ngày chuyển",)),
        FieldSpec("forward_due", N_("Forward by"), FieldKind.DATE, computed=True,
                  in_table=False, aliases=("Hạn chuyển",)),
        FieldSpec("handle_due", N_("Handle by"), FieldKind.DATE, computed=True, width=100,
                  sort_column="handle_due", aliases=("Hạn xử lý",)),
        FieldSpec("handled_on", N_("Handled on"), FieldKind.DATE, width=100,
                  aliases=("Ngày xử lý",)),
        FieldSpec("late", N_("Handled late"), FieldKind.YES_NO, computed=True, width=60,
                  filterable=True, aliases=("Quá hạn",)),
        FieldSpec("state", N_("State"), FieldKind.CHOICE, required=True, choices=LETTER_STATES,
                  default="waiting", width=120, filterable=True, aliases=("Trạng thái",)),
        FieldSpec("content_key", N_("Content key"), max_length=40, computed=True,
                  in_table=False),
        FieldSpec("note", N_("Note"), FieldKind.MULTILINE, max_length=2000, in_table=False),
    ),
)
