"""A petition or feedback (kiến nghị, phản ánh) sent to the Department: about an administrative
regulation (NĐ 20/2008/NĐ-CP as amended by NĐ 48/2013/NĐ-CP) or about the sector's services
and management (Luật Tiếp công dân 2013; TT 05/2021/TT-TTCP). REFERENCE-2 §10.2–10.3.

One clock, in the unit of the table: the petition is classified and, if the Department is not
competent, forwarded to the body that is within **05 ngày làm việc** of receipt (NĐ 20/2008 Art.
9(1)(d)). A petition the Department settles is answered by a letter of the unit in charge,
numbered by the register of outgoing documents; the forwarding letter is numbered the same way.
The law gives the answer itself no time limit here: none is invented.
"""

from __future__ import annotations

from sotttt_desktop.core.cases.spec import (
    LETTER,
    OPEN,
    CaseSpec,
    CaseStep,
    Clock,
    ClockUnit,
    IssuedDocument,
    Limit,
)
from sotttt_desktop.i18n import N_
from sotttt_desktop.registers.spec import FieldKind, FieldSpec

CLOSED = ("forwarded", "answered", "filed")
CHANNELS = (("letter", N_("Letter")), ("reception", N_("At the citizen reception")),
            ("phone", N_("Telephone")), ("electronic", N_("Email or the public-service portal")),
            ("consultation", N_("Consultation form")))

SPEC = CaseSpec(
    kind="petition", version=1, label=N_("Petition or feedback"), area="inspection",
    code_prefix="PA", basis="NĐ 20/2008/NĐ-CP (sửa đổi bởi NĐ 48/2013/NĐ-CP); "
                            "Luật Tiếp công dân 2013",
    states={"received": N_("received"), "accepted": N_("being settled"),
            "forwarded": N_("forwarded"), "answered": N_("answered"), "filed": N_("filed")},
    initial="received", final_states=CLOSED, starts_at="received_at",
    fields=(
        FieldSpec("sender", N_("Sender"), FieldKind.PARTY, required=True,
                  aliases=("Người phản ánh, kiến nghị",)),
        FieldSpec("received_at", N_("Received at"), FieldKind.DATETIME, required=True,
                  aliases=("Thời điểm nhận",)),
        FieldSpec("channel", N_("Channel"), FieldKind.CHOICE, required=True, choices=CHANNELS,
                  aliases=("Hình thức",)),
        FieldSpec("content", N_("Content of the petition or feedback"), FieldKind.MULTILINE,
                  required=True, max_length=4000, aliases=("Nội dung phản ánh, kiến nghị",)),
        FieldSpec("answer", N_("The answer"), FieldKind.MULTILINE, max_length=4000,
                  aliases=("Nội dung trả lời",)),
        FieldSpec("files", N_("Files"), FieldKind.FILES),
    ),
    steps={
        "accept": CaseStep(N_("settle it here"), ("received",), "accepted"),
        "forward": CaseStep(
            N_("forward to the competent body"), ("received",), "forwarded", needs_reason=True,
            permission="approve",
            issues=IssuedDocument(LETTER, kind_name="Công văn",
                                  summary="chuyển phản ánh, kiến nghị của {sender}")),
        "answer": CaseStep(
            N_("answer the sender"), ("accepted",), "answered", permission="approve",
            requires=("answer",),
            issues=IssuedDocument(LETTER, kind_name="Công văn",
                                  summary="trả lời phản ánh, kiến nghị của {sender}",
                                  recipients="{sender}")),
        "file": CaseStep(N_("file without action"), ("received", "accepted"), "filed",
                         needs_reason=True),
    },
    clocks=(
        Clock("intake", N_("Classify, forward if not competent"), Limit(5, ClockUnit.WORKING_DAYS),
              start_on=(OPEN,), stop_on=("accept", "forward", "file"), stop_states=CLOSED,
              start_text=N_("Received on {when}."),
              basis="NĐ 20/2008/NĐ-CP Điều 9 khoản 1 điểm d"),
    ),
)
