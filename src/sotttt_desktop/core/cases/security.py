"""An information-security incident (issue #19; REFERENCE.md §4.4: TT 20/2017/TT-BTTTT Art. 9).

The case starts at the moment the incident was discovered (`starts_at`), whenever it is
recorded: the operator notifies it within 05 days of the discovery — to the system's owner, the
national coordinator (VNCERT/CC), the responsible response unit and the network members
concerned (Art. 9(2)(a)) —, counted at the hour (120 hours); an incident beyond the operator's
capacity has its initial report (form 03) at once, progress reports as it goes, and within 05
days after the response ends the final report (form 04), after which the coordinator closes it
(Art. 9(2)(b)). Each step asks when it happened, so a notice sent at 14:30 and recorded at 16:00
counts at 14:30; a notice after its 120 hours is late.

Incident details are confidential: read only by the security unit (who may edit in the area)
and the leaders (`confidential`).

Every six months the province's incident-response unit (the Department) reports to the national
coordinator (QĐ 05/2017/QĐ-TTg Art. 12(1)(g)): `HALF_YEAR_REPORT`, one case per half-year, its
figures drafted from the incidents, the alerts and the drills of the half (document
"security-half-year-report"), its assessment and proposals written in the case, numbered from
the register of outgoing documents when sent.
"""

from __future__ import annotations

from typing import Any

from sotttt_desktop.core.cases import unconfirmed
from sotttt_desktop.core.cases.spec import (
    LETTER,
    OPEN,
    CaseSpec,
    CaseStep,
    Clock,
    ClockUnit,
    IssuedDocument,
    Limit,
    RecordUpdate,
)
from sotttt_desktop.i18n import N_, _
from sotttt_desktop.registers.spec import FieldKind, FieldSpec

BASIS = "Thông tư 20/2017/TT-BTTTT Điều 9"
NOTIFY_HOURS = 5 * 24  # "trong vòng 05 ngày kể từ khi phát hiện", at the hour
FINAL_REPORT_HOURS = 5 * 24
RECIPIENTS = ("Chủ quản hệ thống thông tin; Cơ quan điều phối quốc gia (Trung tâm Giám sát an "
              "toàn không gian mạng quốc gia, Cục An toàn thông tin); đơn vị chuyên trách ứng cứu "
              "sự cố của tỉnh; các thành viên mạng lưới ứng cứu sự cố liên quan")
IMPACT = (("minor", N_("Minor")), ("significant", N_("Significant")),
          ("serious", N_("Serious")), ("very_serious", N_("Very serious")))
DONE = ("closed",)

INCIDENT = CaseSpec(
    kind="security_incident", version=1, label=N_("Information-security incident"),
    area="cybersecurity", code_prefix="SCATTT", basis=BASIS, starts_at="discovered_at",
    confidential=True,
    states={"discovered": N_("discovered, not yet notified"), "notified": N_("notified"),
            "response_ended": N_("response ended"), "reported": N_("final report sent"),
            "closed": N_("closed")},
    initial="discovered", final_states=DONE,
    steps={
        "notify": CaseStep(N_("record the notification sent"), ("discovered",), "notified",
                           asks_when=True),
        "initial_report": CaseStep(N_("record the initial report (form 03)"),
                                   ("discovered", "notified"), None, asks_when=True),
        "progress_report": CaseStep(N_("record a progress report"), ("notified",), None,
                                    needs_reason=True, asks_when=True),
        "end_response": CaseStep(N_("record the end of the response"),
                                 ("discovered", "notified"), "response_ended",
                                 asks_when=True),
        "final_report": CaseStep(N_("record the final report (form 04)"),
                                 ("response_ended",), "reported", asks_when=True),
        "close": CaseStep(N_("close the incident"), ("reported",), "closed",
                          permission="approve"),
    },
    fields=(
        FieldSpec("system_id", N_("System affected"), FieldKind.RECORD,
                  target="information_systems", required=True,
                  aliases=("Hệ thống bị sự cố", "Hệ thống thông tin")),
        FieldSpec("discovered_at", N_("Discovered at"), FieldKind.DATETIME, required=True,
                  aliases=("Thời điểm phát hiện", "Phát hiện lúc")),
        FieldSpec("discovered_by", N_("Discovered by"), max_length=300,
                  aliases=("Người phát hiện", "Đơn vị phát hiện")),
        FieldSpec("description", N_("What happened"), FieldKind.MULTILINE, required=True,
                  max_length=4000, aliases=("Mô tả sự cố",)),
        FieldSpec("impact", N_("Level of impact"), FieldKind.CHOICE, required=True,
                  choices=IMPACT, aliases=("Mức độ ảnh hưởng",)),
        FieldSpec("beyond_capacity", N_("Beyond the operator's capacity"), FieldKind.YES_NO,
                  aliases=("Vượt khả năng xử lý",)),
        FieldSpec("notified_to", N_("Notified to"), FieldKind.MULTILINE, max_length=1000,
                  default=RECIPIENTS, aliases=("Nơi nhận thông báo",)),
        FieldSpec("handling", N_("Handling and result"), FieldKind.MULTILINE,
                  max_length=4000, aliases=("Kết quả xử lý",)),
        FieldSpec("files", N_("Files"), FieldKind.FILES),
    ),
    clocks=(
        Clock("notification", N_("Notify the incident"),
              Limit(NOTIFY_HOURS, ClockUnit.HOURS), start_on=(OPEN,), stop_on=("notify",),
              stop_states=DONE, start_text=N_("Discovered on {when}."),
              basis=f"{BASIS} khoản 2 điểm a"),
        Clock("final_report", N_("Final report (form 04)"),
              Limit(FINAL_REPORT_HOURS, ClockUnit.HOURS), start_on=("end_response",),
              stop_on=("final_report",), stop_states=DONE,
              start_text=N_("Response ended on {when}."), basis=f"{BASIS} khoản 2 điểm b"),
    ),
)


# --- the appraisal of a level proposal (ND 85/2016 Art. 12, 14–17; REFERENCE.md §4.3) ---------
_LEVEL = unconfirmed()["security_level"]
LEVEL_STATES = {"checking": N_("checking the dossier"),
                "awaiting_documents": N_("awaiting documents"),
                "appraising": N_("being appraised"), "appraised": N_("appraisal opinion sent"),
                "approved": N_("approved"), "returned": N_("dossier returned")}
LEVEL_DONE = ("approved", "returned")
LEVEL_LEGAL_BASES = ("luat-attt-2015", "nd-85-2016")
# the approval, issued here or recorded from the owner, becomes the system's approved level
APPROVAL_WRITE = RecordUpdate("information_systems", "system_id", {
    "approved_level": "proposed_level", "approval_decision": "decision", "approved_on": "date"})


def check_level(values: dict[str, Any], services: Any) -> dict[str, str]:  # noqa: ANN401
    """The level proposed is the one the system's register proposes (the criteria's, or
    another with its reason written there): the register is corrected first."""
    if services is None or values.get("system_id") is None:
        return {}
    system = services.registers.record("information_systems", values["system_id"])
    if system.get("proposed_level") != values.get("proposed_level"):
        return {"proposed_level": _(
            "The register proposes level {level} for {system}: correct the register (with the "
            "reason for another level) first.").format(
            level=system.get("proposed_level") or "—", system=system["name"])}
    return {}


def _level_fields(levels: tuple[tuple[str, str], ...]) -> tuple[FieldSpec, ...]:
    return (
        FieldSpec("system_id", N_("Information system"), FieldKind.RECORD,
                  target="information_systems", required=True,
                  aliases=("Hệ thống thông tin", "Tên hệ thống")),
        FieldSpec("submitter", N_("Submitted by"), FieldKind.PARTY, required=True,
                  aliases=("Đơn vị đề nghị", "Đơn vị nộp hồ sơ")),
        FieldSpec("proposed_level", N_("Proposed level"), FieldKind.CHOICE, required=True,
                  choices=levels, aliases=("Cấp độ đề xuất",)),
        FieldSpec("conclusion", N_("Opinion of the appraisal"), FieldKind.MULTILINE,
                  max_length=4000, aliases=("Ý kiến thẩm định", "Kết luận thẩm định")),
        FieldSpec("files", N_("Files"), FieldKind.FILES),
    )


def _level_steps(final: dict[str, CaseStep]) -> dict[str, CaseStep]:
    return {
        "accept": CaseStep(N_("accept the dossier as complete"), ("checking",), "appraising"),
        "request_documents": CaseStep(N_("ask for more documents"), ("checking",),
                                      "awaiting_documents", needs_reason=True),
        "documents_received": CaseStep(N_("complete dossier received"),
                                       ("awaiting_documents",), "appraising"),
        **final,
        "return": CaseStep(N_("return the dossier"),
                           ("checking", "awaiting_documents", "appraising"), "returned",
                           permission="approve", needs_reason=True),
    }


def _level_clocks(days: int, basis: str, stop: str) -> tuple[Clock, ...]:
    return (
        Clock("validity", N_("Check the dossier"),
              Limit(_LEVEL["validity_working_days"], ClockUnit.WORKING_DAYS), start_on=(OPEN,),
              stop_on=("accept", "request_documents"), stop_states=LEVEL_DONE,
              start_text=N_("Dossier received on {when}."), basis=_LEVEL["validity_basis"]),
        Clock("appraisal", N_("Appraisal"), Limit(days, ClockUnit.DAYS),
              start_on=("accept", "documents_received"), stop_on=(stop,),
              stop_states=LEVEL_DONE, start_text=N_("Complete dossier on {when}."),
              basis=basis),
    )


LEVEL_12 = CaseSpec(
    kind="security_level_12", version=1,
    label=N_("Security level proposal, levels 1–2 (appraised and approved by the Department)"),
    area="cybersecurity", code_prefix="CDATTT12", basis=_LEVEL["level_12_basis"],
    states=LEVEL_STATES, initial="checking", final_states=LEVEL_DONE,
    steps=_level_steps({"approve": CaseStep(
        N_("approve the level"), ("appraising",), "approved", permission="approve",
        writes=APPROVAL_WRITE,
        issues=IssuedDocument("QĐ", kind_name="Quyết định", summary="phê duyệt hồ sơ đề xuất "
                              "cấp độ an toàn hệ thống thông tin {system_id}",
                              recipients="{submitter}"))}),
    fields=_level_fields((("1", N_("Level 1")), ("2", N_("Level 2")))),
    clocks=_level_clocks(_LEVEL["level_12_days"], _LEVEL["level_12_basis"], "approve"),
    document="security-level-approval", document_after="approve",
    legal_bases=LEVEL_LEGAL_BASES, checks=check_level)

LEVEL_3 = CaseSpec(
    kind="security_level_3", version=1,
    label=N_("Security level proposal, level 3 (appraised by the Department)"),
    area="cybersecurity", code_prefix="CDATTT3", basis=_LEVEL["level_3_basis"],
    states=LEVEL_STATES, initial="checking", final_states=LEVEL_DONE,
    steps=_level_steps({
        "send_opinion": CaseStep(
            N_("send the appraisal opinion"), ("appraising",), "appraised",
            permission="approve", requires=("conclusion",),
            issues=IssuedDocument(LETTER, summary="Công văn về việc thẩm định hồ sơ đề xuất cấp "
                                  "độ an toàn hệ thống thông tin {system_id}",
                                  recipients="{submitter}")),
        "record_approval": CaseStep(N_("record the owner's approval"), ("appraised",),
                                    "approved", needs_decision=True,
                                    decision_example="125/QĐ-UBND", writes=APPROVAL_WRITE)}),
    fields=_level_fields((("3", N_("Level 3")),)),
    clocks=_level_clocks(_LEVEL["level_3_days"], _LEVEL["level_3_basis"], "send_opinion"),
    document="security-level-opinion", document_after="send_opinion",
    legal_bases=LEVEL_LEGAL_BASES, checks=check_level)


# --- the six-monthly report of the provincial response unit (QĐ 05/2017 Art. 12(1)(g)) -------
HALF_YEAR = unconfirmed()["security_half_year_report"]
HALVES = (("first", N_("first six months")), ("second", N_("last six months")))

HALF_YEAR_REPORT = CaseSpec(
    kind="security_half_year_report", version=1,
    label=N_("Six-monthly report on incident response"), area="cybersecurity",
    code_prefix="BCSCATTT", basis=HALF_YEAR["basis"], confidential=True,
    states={"drafting": N_("drafting"), "sent": N_("report sent")},
    initial="drafting", final_states=("sent",),
    steps={"send": CaseStep(N_("send the report"), ("drafting",), "sent", permission="approve",
                            requires=("assessment", "proposals"),
                            issues=IssuedDocument(
                                "BC", kind_name="Báo cáo", summary="{summary}",
                                recipients="{coordinator}", texts="security_half_year_report"))},
    department_wide=True, one_per=("report_year", "half"),
    fields=(
        FieldSpec("report_year", N_("Year reported"), FieldKind.YEAR, required=True,
                  aliases=("Năm báo cáo",)),
        FieldSpec("half", N_("Half-year"), FieldKind.CHOICE, required=True, choices=HALVES,
                  aliases=("Kỳ báo cáo",)),
        FieldSpec("assessment", N_("General assessment"), FieldKind.MULTILINE, max_length=4000,
                  aliases=("Đánh giá chung",)),
        FieldSpec("proposals", N_("Proposals and requests"), FieldKind.MULTILINE,
                  max_length=4000, aliases=("Đề xuất, kiến nghị",)),
    ),
    document="security-half-year-report")
