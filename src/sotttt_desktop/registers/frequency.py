"""Registers of the radio-frequency area (REFERENCE-2.md §5; QĐ 15/2023 Art. 3(12)): the checks
of the annual plan and their results (TT 02/2016/TT-BTTTT Art. 19), and the licence dossiers the
Department receives on behalf of the national frequency authority and hands over to it — the
licence the authority then grants, and its expiry, watched. The Department does not license
frequencies itself: the licence number and dates are the authority's, recorded here."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sotttt_desktop.i18n import N_, _
from sotttt_desktop.registers.checks import not_in_future
from sotttt_desktop.registers.licensed import (
    LICENSED_FEED,
    PERMIT_LINKS,
    STATE_CHOICES,
    holder_fields,
    tax_code_field,
)
from sotttt_desktop.registers.spec import (
    DueWatch,
    FieldKind,
    FieldSpec,
    PermitFeed,
    RegisterSpec,
)

CHECK_RESULTS = (("compliant", N_("Compliant")), ("violation", N_("Violation found")),
                 ("remedied", N_("Violation remedied")))


def check_frequency_check(values: dict[str, Any], services: Any) -> dict[str, str]:  # noqa: ANN401
    errors = not_in_future(values, ("checked_on",))
    if values.get("result") in ("violation", "remedied") and not values.get("follow_up"):
        errors["follow_up"] = _("A violation found says how it is followed up.")
    return errors


FREQUENCY_CHECKS = RegisterSpec(
    key="frequency_checks", area="frequency", title=N_("Frequency checks"),
    item_name=N_("frequency check"), table="frequency_check", search_kind="frequency_check",
    default_sort="checked_on", title_field="record_no",
    subtitle_fields=("checked_party_id", "checked_on"), holder_column="checked_party_id",
    checks=check_frequency_check,
    fields=(
        FieldSpec("record_no", N_("Record no."), required=True, max_length=64, width=120,
                  searchable=True, aliases=("Số biên bản",),
                  unique_message=N_("The check record {value} is already in the register "
                                    "({name}).")),
        FieldSpec("plan_year", N_("Plan of the year"), FieldKind.YEAR, width=80,
                  filterable=True, aliases=("Năm kế hoạch",)),
        FieldSpec("checked_party_id", N_("Organisation checked"), FieldKind.PARTY,
                  required=True, width=240, searchable=True, aliases=("Đối tượng kiểm tra",)),
        FieldSpec("station", N_("Station or equipment"), required=True, max_length=300,
                  width=200, searchable=True, aliases=("Đài, thiết bị",)),
        FieldSpec("frequency", N_("Band or frequency"), max_length=100, width=120,
                  aliases=("Tần số", "Băng tần")),
        FieldSpec("district_code", N_("District"), FieldKind.DISTRICT, required=True,
                  width=140, filterable=True, sort_column="district_code", index="district",
                  aliases=("Huyện", "Huyện/thị xã/thành phố")),
        FieldSpec("coordinates", N_("Coordinates"), FieldKind.COORDINATES, in_table=False,
                  aliases=("Tọa độ", "Toạ độ")),
        FieldSpec("decision_no", N_("Check decision no."), max_length=64, in_table=False,
                  aliases=("Số quyết định kiểm tra",)),
        FieldSpec("checked_on", N_("Checked on"), FieldKind.DATE, required=True, width=100,
                  sort_column="checked_on", aliases=("Ngày kiểm tra",)),
        FieldSpec("result", N_("Result"), FieldKind.CHOICE, required=True,
                  choices=CHECK_RESULTS, width=150, filterable=True, index="result",
                  aliases=("Kết quả",)),
        FieldSpec("follow_up", N_("Follow-up"), FieldKind.MULTILINE, max_length=2000,
                  in_table=False, aliases=("Xử lý, theo dõi",)),
        FieldSpec("files", N_("Files"), FieldKind.FILES, in_table=False),
    ),
)


LICENCE_KINDS = (("equipment", N_("Radio equipment")),
                 ("broadcasting", N_("Radio or TV broadcasting station")),
                 ("commune_radio", N_("Wireless commune radio")), ("other", N_("Other")))
DOSSIER_STATES = (("received", N_("Received, not handed over")),
                  ("handed_over", N_("Handed over")), ("licensed", N_("Licensed")),
                  ("refused", N_("Refused")))
EXPIRY_DAYS = 90


def check_dossier(values: dict[str, Any], services: Any) -> dict[str, str]:  # noqa: ANN401
    """Handed over on or after it was received; a licence has its number and the dates of the
    authority; the state follows the dates unless the dossier was refused."""
    errors = not_in_future(values, ("received_on", "handed_over_on"))
    received: dt.date | None = values.get("received_on")
    handed: dt.date | None = values.get("handed_over_on")
    if received and handed and handed < received:
        errors["handed_over_on"] = _("A dossier is handed over on or after it was received.")
    if values.get("licence_until") and not values.get("licence_no"):
        errors["licence_no"] = _("A licence's end date goes with its number.")
    if values.get("state") != "refused":
        values["state"] = ("licensed" if values.get("licence_no")
                           else "handed_over" if handed else "received")
    return errors


FREQUENCY_DOSSIERS = RegisterSpec(
    key="frequency_dossiers", area="frequency", title=N_("Frequency licence dossiers"),
    item_name=N_("frequency licence dossier"), table="frequency_dossier",
    search_kind="frequency_dossier", default_sort="received_on", title_field="dossier_no",
    subtitle_fields=("applicant_id", "received_on"), holder_column="applicant_id",
    district_field=None, checks=check_dossier,
    due_watch=DueWatch("licence_until", EXPIRY_DAYS,
                       N_("Frequency licence expiring within {days} days"),
                       ended_states=("refused",)),
    fields=(
        FieldSpec("dossier_no", N_("Dossier no."), required=True, max_length=64, width=130,
                  searchable=True, aliases=("Số hồ sơ",),
                  unique_message=N_("The dossier {value} is already in the register "
                                    "({name}).")),
        FieldSpec("applicant_id", N_("Applicant"), FieldKind.PARTY, required=True, width=240,
                  searchable=True, aliases=("Tổ chức, cá nhân đề nghị",)),
        FieldSpec("licence_kind", N_("Licence applied for"), FieldKind.CHOICE, required=True,
                  choices=LICENCE_KINDS, width=180, filterable=True,
                  aliases=("Loại giấy phép",)),
        FieldSpec("received_on", N_("Received on"), FieldKind.DATE, required=True, width=100,
                  sort_column="received_on", aliases=("Ngày nhận",)),
        FieldSpec("handed_over_on", N_("Handed over on"), FieldKind.DATE, width=100,
                  aliases=("Ngày chuyển",)),
        FieldSpec("handed_to", N_("Handed over to"), max_length=200, in_table=False,
                  default="Cục Tần số vô tuyến điện", aliases=("Nơi chuyển",)),
        FieldSpec("licence_no", N_("Licence no."), max_length=64, width=120,
                  searchable=True, aliases=("Số giấy phép",)),
        FieldSpec("licence_until", N_("Licence valid until"), FieldKind.DATE, width=100,
                  sort_column="licence_until", aliases=("Giấy phép có giá trị đến",)),
        # computed from the dates (check_dossier), but a refusal, which is typed
        FieldSpec("state", N_("State"), FieldKind.CHOICE, choices=DOSSIER_STATES,
                  default="received", width=110, filterable=True, index="state",
                  aliases=("Trạng thái",)),
        FieldSpec("note", N_("Note"), FieldKind.MULTILINE, max_length=2000, in_table=False),
    ),
)


def check_consent(values: dict[str, Any], services: Any) -> dict[str, str]:  # noqa: ANN401
    """The frequency licence the consent leads to comes after the consent, with its number."""
    errors: dict[str, str] = {}
    consented: dt.date | None = values.get("consent_date")
    until: dt.date | None = values.get("rf_licence_until")
    if until and not values.get("rf_licence_no"):
        errors["rf_licence_no"] = _("A licence's end date goes with its number.")
    if until and consented and until <= consented:
        errors["rf_licence_until"] = _("The frequency licence ends after the consent.")
    return errors


# the holder's facts every licensed register takes, with the consent's number and date
CONSENT_FEED = PermitFeed(
    {**{name: fact for name, fact in LICENSED_FEED.facts.items()
        if not name.startswith("licence_")},
     "tax_code": "holder.tax_code", "consent_no": "number", "consent_date": "issued_on"},
    LICENSED_FEED.constants)


# the Department's consent to an organisation that is not a press agency broadcasting or relaying
# radio or TV programmes (TT 05/2015 Art. 13(3)(a)), written from the consent the one-stop desk
# issues (procedure press.local_broadcast.consent); then the frequency licence it leads to
BROADCAST_CONSENTS = RegisterSpec(
    key="broadcast_consents", area="frequency", title=N_("Consents to broadcast"),
    item_name=N_("consent to broadcast"), table="broadcast_consent",
    search_kind="broadcast_consent", default_sort="holder_name", title_field="holder_name",
    sort_from="holder_name", subtitle_fields=("consent_no", "coverage"), stored=PERMIT_LINKS,
    permit_feed=CONSENT_FEED,
    checks=check_consent, due_watch=DueWatch(
        "rf_licence_until", EXPIRY_DAYS, N_("Frequency licence expiring within {days} days"),
        ended_states=("ceased",)),
    fields=(
        tax_code_field(N_("The organisation with tax code {value} already has its consent "
                          "in the register: {name}.")),
        *holder_fields(tax_code=False),
        FieldSpec("programmes", N_("Programmes broadcast or relayed"), FieldKind.MULTILINE,
                  required=True, max_length=4000, in_table=False, searchable=True,
                  aliases=("Chương trình",)),
        FieldSpec("channel", N_("Radio or TV channel"), max_length=200, width=160,
                  aliases=("Kênh",)),
        FieldSpec("coverage", N_("Area covered"), required=True, max_length=400, width=180,
                  aliases=("Khu vực phủ sóng",)),
        FieldSpec("consent_no", N_("Consent letter no."), max_length=64, width=130,
                  searchable=True, aliases=("Số văn bản đồng ý",)),
        FieldSpec("consent_date", N_("Consent letter dated"), FieldKind.DATE, width=100,
                  aliases=("Ngày văn bản đồng ý",)),
        FieldSpec("rf_licence_no", N_("Frequency licence no."), max_length=64, width=120,
                  aliases=("Số giấy phép tần số",)),
        FieldSpec("rf_licence_until", N_("Frequency licence valid until"), FieldKind.DATE,
                  width=100, sort_column="rf_licence_until",
                  aliases=("Giấy phép tần số có giá trị đến",)),
        FieldSpec("state", N_("State"), FieldKind.CHOICE, required=True, choices=STATE_CHOICES,
                  default="active", width=110, filterable=True, sort_column="state",
                  index="state"),
        FieldSpec("note", N_("Note"), FieldKind.MULTILINE, max_length=2000, in_table=False),
    ),
)
