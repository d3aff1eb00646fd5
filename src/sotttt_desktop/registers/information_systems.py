"""The register of the province's information systems and their security levels (issue #19;
REFERENCE.md §4, REFERENCE-2.md §8; QĐ 15/2023 Art. 3(15)): each system with its owner and
operator (parties), its class (ND 85/2016 Art. 6(2)), hosting, users and personal data, and the
answers to the questions of Art. 7–11 — the form is the guided level check: the questions shown
are those of the system's class, and the register computes the level they lead to with the
criterion that decided it (registers/security_levels.py). The specialist proposes that level or
another with a reason; the approved level, its decision, the four-layer protection model, and
the next check and risk assessment (every 2 years, yearly for levels 3–4, 6 months for level 5)
follow."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sotttt_desktop.core import clock
from sotttt_desktop.i18n import N_, _, format_date
from sotttt_desktop.registers import security_levels
from sotttt_desktop.registers.checks import not_in_future
from sotttt_desktop.registers.spec import DueWatch, FieldKind, FieldSpec, RegisterSpec

CLASSES = (("internal", N_("Internal operation")),
           ("public_service", N_("Serving citizens and businesses")),
           ("infrastructure", N_("Shared information infrastructure")),
           ("control", N_("Industrial control")), ("other", N_("Other")))
INTERNAL, PUBLIC, INFRASTRUCTURE, CONTROL = (frozenset({"internal"}), frozenset({"public_service"}),
                                             frozenset({"infrastructure"}),
                                             frozenset({"control"}))
INFORMATION = (("public_only", N_("Public information only")),
               ("private", N_("Private or personal information, no state secrets")),
               ("state_secret", N_("State secrets")))
HARM = (("none", N_("None")), ("harm", N_("Harms national defence and security")),
        ("serious", N_("Seriously harms national defence and security")),
        ("especially", N_("Especially seriously harms national defence and security")))
SCOPES = (("one_agency", N_("One agency or organisation")),
          ("province", N_("A sector, the province or several provinces")),
          ("national", N_("The whole country, 24/7")),
          ("international", N_("National infrastructure linking Việt Nam with the world")))
WORKS = (("none", N_("No works of a grade")), ("II_IV", N_("Works of grade II, III or IV")),
         ("I", N_("Works of grade I")),
         ("special", N_("Special-grade works or works important to national security")))
LEVELS = tuple((str(n), label) for n, label in (
    (1, N_("Level 1")), (2, N_("Level 2")), (3, N_("Level 3")), (4, N_("Level 4")),
    (5, N_("Level 5"))))
STATES = (("in_use", N_("In use")), ("building", N_("Being built")),
          ("retired", N_("Retired")))
# the four-layer protection model (CV 1552/BTTTT-CATTT, 2020), a yes/no field each
LAYERS = (("layer_onsite", N_("Layer 1: on-site force")),
          ("layer_monitoring", N_("Layer 2: professional monitoring and protection (SOC)")),
          ("layer_audit", N_("Layer 3: independent periodic checks")),
          ("layer_national", N_("Layer 4: connected to the national monitoring system")))
REVIEW_DUE_DAYS = 60


def _level(value: Any) -> int | None:  # noqa: ANN401
    return int(value) if value not in (None, "") else None


def check_system(values: dict[str, Any], services: Any) -> dict[str, str]:  # noqa: ANN401
    """The level the answers lead to (computed), the proposal (that level unless a reason says
    why another), the approval (level, decision and date together) and the next review."""
    errors: dict[str, str] = {}
    online = values.get("online_service_level")
    if online is not None and not 0 <= online <= 4:
        errors["online_service_level"] = _("Online public services have levels 0 to 4.")
    if values.get("data_subjects") and values.get("personal_data") is False:
        errors["data_subjects"] = _("People whose personal data is processed: answer “yes” "
                                    "to personal data first.")
    proposal = security_levels.propose(values)
    values["suggested_level"] = str(proposal.level) if proposal else None
    values["suggested_by"] = proposal.decided_by.cited if proposal else None
    if values.get("proposed_level") is None:
        values["proposed_level"] = values["suggested_level"]
    elif proposal is not None and values["proposed_level"] != values["suggested_level"] \
            and not values.get("overrule_reason"):
        errors["overrule_reason"] = _("The proposal differs from the level of the criteria "
                                      "({level}): write why.").format(level=proposal.level)
    approval = ("approved_level", "approval_decision", "approved_on")
    given = [name for name in approval if values.get(name) is not None]
    if given and len(given) < len(approval):
        for name in approval:
            if values.get(name) is None:
                errors[name] = _("An approval has its level, its decision and its date.")
    errors.update(not_in_future(values, ("approved_on", "last_assessed_on")))
    level = _level(values.get("approved_level") or values.get("proposed_level"))
    values["next_review_due"] = security_levels.next_review(
        level, values.get("last_assessed_on") or values.get("approved_on"))
    return errors


def system_remarks(values: dict[str, Any], services: Any = None) -> list[str]:  # noqa: ANN401
    remarks: list[str] = []
    proposal = security_levels.propose(values)
    basis = security_levels.short_basis()
    if proposal is None:
        remarks.append(_("The answers do not yet lead to a level of {basis} Art. 7–11: "
                         "answer the questions of the system's class.").format(basis=basis))
    else:
        remarks.append(_("Level of the criteria: {level} — {criterion} ({basis}).").format(
            level=proposal.level, criterion=proposal.decided_by.cited, basis=basis))
        proposed = _level(values.get("proposed_level"))
        if proposed is not None and proposed != proposal.level:
            remarks.append(_("Proposed level {level}, not that of the criteria: {reason}")
                           .format(level=proposed, reason=values.get("overrule_reason") or ""))
    level = _level(values.get("approved_level") or values.get("proposed_level"))
    if level is not None and values.get("approved_level") is None:
        rules = security_levels.level_rules()[level]
        limit = (_(" within {days} days of a complete dossier").format(days=rules.appraisal_days)
                 if rules.appraisal_days else "")
        remarks.append(_("Level {level}: appraised by {appraiser}{limit}; approved by "
                         "{approver}.").format(level=level, appraiser=rules.appraised_by,
                                               limit=limit, approver=rules.approved_by))
    missing = [_(label) for name, label in LAYERS if not values.get(name)]
    if level is not None and level >= 3 and missing:
        remarks.append(_("Four-layer model: missing {layers}.").format(
            layers="; ".join(missing)))
    due: dt.date | None = values.get("next_review_due")
    if due is not None and values.get("state") != "retired":
        today = clock.local_today()
        text = (_("Check and risk assessment overdue since {due}.") if due < today else
                _("Next check and risk assessment by {due}."))
        remarks.append(text.format(due=format_date(due)))
    return remarks


INFORMATION_SYSTEMS = RegisterSpec(
    key="information_systems", area="cybersecurity", title=N_("Information systems"),
    item_name=N_("information system"), table="information_system",
    search_kind="information_system", default_sort="name", title_field="name",
    sort_from="name", subtitle_fields=("owner_id", "proposed_level"), holder_column="owner_id",
    district_field=None, variant_field="system_class", checks=check_system,
    remarks=system_remarks, count_by="approved_level",
    due_watch=DueWatch("next_review_due", REVIEW_DUE_DAYS,
                       N_("Check and risk assessment due within {days} days"),
                       ended_states=("retired",)),
    fields=(
        FieldSpec("name", N_("Information system"), required=True, max_length=300, width=280,
                  sort_column="sort_name", searchable=True,
                  aliases=("Tên hệ thống", "Hệ thống thông tin"),
                  unique_message=N_("The system {value} is already in the register "
                                    "({name}).")),
        FieldSpec("system_class", N_("Class (ND 85/2016 Art. 6)"), FieldKind.CHOICE,
                  required=True, choices=CLASSES, width=250, filterable=True,
                  aliases=("Loại hệ thống", "Phân loại")),
        FieldSpec("owner_id", N_("Owner (chủ quản)"), FieldKind.PARTY, required=True,
                  width=220, searchable=True, aliases=("Chủ quản", "Chủ quản hệ thống")),
        FieldSpec("operator_id", N_("Operating unit"), FieldKind.PARTY, in_table=False,
                  aliases=("Đơn vị vận hành",)),
        FieldSpec("hosting", N_("Hosted at"), max_length=200, in_table=False,
                  aliases=("Nơi đặt hệ thống", "Hạ tầng"),
                  placeholder=N_("e.g. Trung tâm dữ liệu tỉnh")),
        FieldSpec("users", N_("Number of users"), FieldKind.INTEGER, width=120,
                  aliases=("Số người sử dụng",)),
        FieldSpec("personal_data", N_("Processes personal data"), FieldKind.YES_NO,
                  in_table=False, aliases=("Xử lý dữ liệu cá nhân",)),
        FieldSpec("data_subjects", N_("Personal data subjects"),
                  FieldKind.INTEGER, in_table=False, aliases=("Số chủ thể dữ liệu",)),
        # the questions of ND 85/2016 Art. 7–11 (security_levels.toml names these fields)
        FieldSpec("info_kind", N_("What information does it process?"), FieldKind.CHOICE,
                  choices=INFORMATION, in_table=False, aliases=("Loại thông tin xử lý",)),
        FieldSpec("defence_harm", N_("Harm to defence and security if sabotaged"),
                  FieldKind.CHOICE, required=True,
                  choices=HARM, default="none", in_table=False,
                  aliases=("Tổn hại quốc phòng, an ninh",)),
        FieldSpec("online_service_level", N_("Highest online public service level (0–4)"),
                  FieldKind.INTEGER, variants=PUBLIC,
                  in_table=False, aliases=("Mức độ dịch vụ công trực tuyến",)),
        FieldSpec("conditional_business", N_("Services of a conditional business line?"),
                  FieldKind.YES_NO, variants=PUBLIC,
                  in_table=False, aliases=("Dịch vụ kinh doanh có điều kiện",)),
        FieldSpec("national_24x7", N_("National e-government system run 24/7?"),
                  FieldKind.YES_NO,
                  variants=INTERNAL | PUBLIC, in_table=False,
                  aliases=("Hệ thống quốc gia vận hành 24/7",)),
        FieldSpec("infrastructure_scope", N_("Whom does the infrastructure serve?"),
                  FieldKind.CHOICE, choices=SCOPES, variants=INFRASTRUCTURE, in_table=False,
                  aliases=("Phạm vi phục vụ của hạ tầng",)),
        FieldSpec("national_data", N_("Central store of especially important national data?"),
                  FieldKind.YES_NO, variants=INFRASTRUCTURE,
                  in_table=False, aliases=("Lưu trữ dữ liệu đặc biệt quan trọng",)),
        FieldSpec("works_grade", N_("Grade of the works it controls"), FieldKind.CHOICE,
                  choices=WORKS, variants=CONTROL, in_table=False,
                  aliases=("Cấp công trình",)),
        FieldSpec("pm_listed", N_("In the Prime Minister's list?"),
                  FieldKind.YES_NO, in_table=False,
                  aliases=("Thuộc danh mục Thủ tướng quyết định",)),
        # the level
        FieldSpec("suggested_level", N_("Level of the criteria"), FieldKind.CHOICE,
                  choices=LEVELS, computed=True, width=150, filterable=True,
                  aliases=("Cấp độ theo tiêu chí",)),
        FieldSpec("suggested_by", N_("Deciding criterion"), max_length=400, computed=True,
                  in_table=False, aliases=("Tiêu chí quyết định",)),
        FieldSpec("proposed_level", N_("Proposed level"), FieldKind.CHOICE, choices=LEVELS,
                  width=120, filterable=True, aliases=("Cấp độ đề xuất",)),
        FieldSpec("overrule_reason", N_("Why not the criteria's level"),
                  FieldKind.MULTILINE, max_length=2000, in_table=False,
                  aliases=("Lý do đề xuất khác",)),
        FieldSpec("approved_level", N_("Approved level"), FieldKind.CHOICE, choices=LEVELS,
                  width=160, filterable=True, aliases=("Cấp độ được phê duyệt",)),
        FieldSpec("approval_decision", N_("Approving decision"), max_length=64, width=150,
                  searchable=True, aliases=("Quyết định phê duyệt",),
                  placeholder="125/QĐ-UBND"),
        FieldSpec("approved_on", N_("Date approved"), FieldKind.DATE, width=120,
                  aliases=("Ngày phê duyệt",)),
        FieldSpec("documents", N_("Level proposal dossier"), FieldKind.FILES, in_table=False,
                  aliases=("Hồ sơ đề xuất cấp độ",)),
        *(FieldSpec(name, label, FieldKind.YES_NO, in_table=False) for name, label in LAYERS),
        FieldSpec("last_assessed_on", N_("Last check and risk assessment"), FieldKind.DATE,
                  in_table=False, aliases=("Lần kiểm tra, đánh giá gần nhất",)),
        FieldSpec("next_review_due", N_("Next check due"), FieldKind.DATE, computed=True,
                  width=150, sort_column="next_review_due", index="next_review_due",
                  aliases=("Hạn kiểm tra tiếp theo",)),
        FieldSpec("state", N_("State"), FieldKind.CHOICE, required=True, choices=STATES,
                  default="in_use", width=100, filterable=True, aliases=("Trạng thái",)),
        FieldSpec("note", N_("Note"), FieldKind.MULTILINE, max_length=2000, in_table=False),
    ),
)
