"""The register of advertising violations on the media the Department manages (REFERENCE-2.md §1;
Luật Quảng cáo 2012, ND 181/2013 as amended by ND 70/2021 Art. 13–15): what was found, where,
with which evidence, who advertised, whether it came across the border, what was done, when it
was forwarded to the Ministry and when its removal was confirmed.

The annual report on cross-border advertising (ND 181/2013 Art. 15(2)) counts this register
(services/ad_violations.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sotttt_desktop.i18n import N_, _
from sotttt_desktop.registers.checks import not_in_future
from sotttt_desktop.registers.spec import FieldKind, FieldSpec, RegisterSpec

SOURCES = (("monitoring", N_("The Department's monitoring")),
           ("feedback", N_("Feedback from the public")),
           ("ministry", N_("Request of the Ministry")),
           ("agency", N_("Another agency")), ("other", N_("Other")))
MEDIA = (("print_press", N_("Printed press")), ("online_press", N_("Online press")),
         ("website", N_("Website")), ("social_network", N_("Social network")),
         ("app", N_("Application")), ("sms_email", N_("SMS or e-mail")),
         ("publication", N_("Printed publications")),
         ("telecom_it", N_("Postal, telecom or IT product or service")))
ORIGINS = (("domestic", N_("Domestic")), ("cross_border", N_("Cross-border")))
ACTIONS = (("reminder", N_("Reminder")), ("removal_request", N_("Request to remove")),
           ("forwarded", N_("Forwarded to the Ministry")), ("inspection", N_("Inspection")),
           ("sanction", N_("Sanction")))
# the actions after which the advertisement must come down (a removal to confirm)
REMOVAL_ACTIONS = ("removal_request", "forwarded", "sanction")


def check_violation(values: dict[str, Any], services: Any) -> dict[str, str]:  # noqa: ANN401
    """Forwarded means a document to the Ministry (ND 181/2013 Art. 14: the Ministry is the single
    focal point for cross-border advertising), and nothing is confirmed removed before it was
    found."""
    errors: dict[str, str] = {}
    if values.get("action") == "forwarded" or values.get("forwarded_on"):
        if not values.get("forwarded_no"):
            errors["forwarded_no"] = _("Forwarded to the Ministry: give the number of the "
                                       "letter.")
        if not values.get("forwarded_on"):
            errors["forwarded_on"] = _("Forwarded to the Ministry: give the date of the letter.")
    found: dt.datetime | None = values.get("detected_at")
    removed: dt.datetime | None = values.get("removed_at")
    errors.update(not_in_future(values, ("detected_at", "removed_at", "forwarded_on")))
    if found and removed and removed < found:
        errors["removed_at"] = _("The removal cannot be confirmed before the violation was "
                                 "found.")
    forwarded: dt.date | None = values.get("forwarded_on")
    if found and forwarded and forwarded < found.date():
        errors["forwarded_on"] = _("The letter to the Ministry cannot be dated before the "
                                   "violation was found.")
    return errors


AD_VIOLATIONS = RegisterSpec(
    key="ad_violations", area="e_information", title=N_("Advertising violations"),
    item_name=N_("advertising violation"), table="ad_violation", search_kind="ad_violation",
    default_sort="detected_at", title_field="location",
    subtitle_fields=("entry_no", "advertiser"), district_field=None, holder_column=None,
    checks=check_violation,
    fields=(
        FieldSpec("entry_no", N_("Entry no."), required=True, max_length=32, width=90,
                  searchable=True, sort_column="entry_no", aliases=("Số TT", "Số vào sổ"),
                  unique_message=N_("Entry {value} is already in the register ({name}).")),
        FieldSpec("detected_at", N_("Found at"), FieldKind.DATETIME, required=True, width=120,
                  sort_column="detected_at", aliases=("Thời điểm phát hiện",)),
        FieldSpec("source", N_("Source"), FieldKind.CHOICE, required=True, choices=SOURCES,
                  width=150, filterable=True, aliases=("Nguồn phát hiện",)),
        FieldSpec("medium", N_("Medium"), FieldKind.CHOICE, required=True, choices=MEDIA,
                  width=140, filterable=True, index="medium", aliases=("Phương tiện",)),
        FieldSpec("location", N_("URL, account or number"), required=True, max_length=1000,
                  width=240, searchable=True,
                  aliases=("Đường dẫn", "Tài khoản", "URL", "Địa chỉ, tài khoản, số thuê bao")),
        FieldSpec("evidence", N_("Evidence files"), FieldKind.FILES, in_table=False,
                  aliases=("Chứng cứ",)),
        FieldSpec("product", N_("Product or service advertised"), max_length=400, width=180,
                  searchable=True, aliases=("Sản phẩm quảng cáo",)),
        FieldSpec("advertiser", N_("Advertiser"), max_length=300, width=180, searchable=True,
                  aliases=("Người quảng cáo",)),
        FieldSpec("ad_business", N_("Advertising service business"), max_length=300,
                  in_table=False, searchable=True,
                  aliases=("Người kinh doanh dịch vụ quảng cáo",)),
        FieldSpec("origin", N_("Domestic or cross-border"), FieldKind.CHOICE, required=True,
                  choices=ORIGINS, default="domestic", width=120, filterable=True,
                  index="origin", aliases=("Trong nước/xuyên biên giới",)),
        FieldSpec("provision", N_("Provision violated"), max_length=400, in_table=False,
                  aliases=("Quy định bị vi phạm",)),
        FieldSpec("action", N_("Action taken"), FieldKind.CHOICE, required=True, choices=ACTIONS,
                  width=150, filterable=True, aliases=("Biện pháp xử lý",)),
        FieldSpec("forwarded_no", N_("Letter to the Ministry no."), max_length=64,
                  in_table=False, aliases=("Số văn bản chuyển Bộ",)),
        FieldSpec("forwarded_on", N_("Forwarded on"), FieldKind.DATE, width=100,
                  aliases=("Ngày chuyển Bộ",)),
        FieldSpec("removed_at", N_("Removal confirmed at"), FieldKind.DATETIME, width=120,
                  aliases=("Thời điểm xác nhận đã gỡ",)),
        FieldSpec("sanction_ref", N_("Sanction file"), max_length=200, in_table=False,
                  aliases=("Hồ sơ xử phạt",)),
        FieldSpec("note", N_("Note"), FieldKind.MULTILINE, max_length=2000, in_table=False),
    ),
)
