"""The register of antenna masts and BTS sites (REFERENCE-2.md §4; QĐ 15/2023 Art. 3(11)): where
each mast stands, whose it is and who shares it, how it is mounted, its category in the
passive-infrastructure plan, whether it conforms to the plan, its building permit or the basis
of its exemption, its inspection (kiểm định) and its state.

The categories (A1 not bulky, A2 bulky, and their sub-types) are data:
resources/reference/mast_categories.toml. A mast on a building is "not bulky" (TTLT
15/2016/TTLT-BTTTT-BXD) only when its height, antenna included, is at most 20 % of the
building's height and at most 3 m: the register computes the test from the two heights and
refuses an A1 category the heights contradict.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from decimal import Decimal
from functools import cache
from typing import Any

from sotttt_desktop.i18n import N_, _
from sotttt_desktop.registers.checks import not_in_future
from sotttt_desktop.registers.point_layer import PointLayer
from sotttt_desktop.registers.spec import DueWatch, FieldKind, FieldSpec, RegisterSpec
from sotttt_desktop.resources import resource_path

MOUNTINGS = (("ground", N_("On the ground")), ("building", N_("On a building")))
MAST_STATES = (("planned", N_("Planned")), ("built", N_("Built")), ("unsafe", N_("Unsafe")),
               ("removed", N_("Removed")))
INSPECTION_DUE_DAYS = 30  # "inspection due within 30 days" (issue #17)


@cache
def _categories_file() -> dict[str, Any]:
    with resource_path("reference", "mast_categories.toml").open("rb") as fh:
        return tomllib.load(fh)


def mast_categories() -> tuple[tuple[str, str], ...]:
    """(code, label) of each category of the plan, in the file's order."""
    return tuple((c["code"], c["label"]) for c in _categories_file()["category"])


def not_bulky_codes() -> frozenset[str]:
    return frozenset(c["code"] for c in _categories_file()["category"] if not c["bulky"])


def not_bulky_limits() -> tuple[Decimal, Decimal]:
    """(share of the building's height, metres): the limits of a not-bulky mast on a building."""
    rule = _categories_file()["not_bulky"]
    return Decimal(str(rule["max_share_of_building"])), Decimal(str(rule["max_height_m"]))


def not_bulky_test(mast_height: Decimal | None, building_height: Decimal | None
                   ) -> tuple[bool, str] | None:
    """Whether a mast on a building of these heights is "not bulky", and the test in words
    (Vietnamese-ready through gettext); None when a height is missing."""
    if mast_height is None or building_height is None or building_height <= 0:
        return None
    share, metres = not_bulky_limits()
    limit = min(building_height * share, metres)
    passed = mast_height <= limit
    text = _("{mast} m against at most {limit} m ({share} % of the building's {building} m, "
             "and at most {metres} m): {verdict}.").format(
        mast=_decimal(mast_height), limit=_decimal(limit), share=_decimal(share * 100),
        building=_decimal(building_height), metres=_decimal(metres),
        verdict=_("not bulky") if passed else _("bulky"))
    return passed, text


def _decimal(value: Decimal) -> str:
    return f"{value.normalize():f}".replace(".", ",")


def check_mast(values: dict[str, Any], services: Any) -> dict[str, str]:  # noqa: ANN401
    """A mast on a building gives the building's height, and a not-bulky category must pass the
    test; a built mast has a building permit or the basis of its exemption; a plan letter goes
    with conformity; the inspection's next date follows the last one."""
    errors: dict[str, str] = {}
    on_building = values.get("mounting") == "building"
    if on_building and values.get("building_height") is None:
        errors["building_height"] = _("A mast on a building needs the building's height.")
    if not on_building and values.get("building_height") is not None:
        errors["building_height"] = _("Only a mast on a building has a building height.")
    if values.get("category") in not_bulky_codes():
        test = not_bulky_test(values.get("mast_height"), values.get("building_height"))
        if not on_building:
            errors["category"] = _("A not-bulky mast (A1) stands on a building.")
        elif test is not None and not test[0]:
            errors["category"] = _("Not bulky only when the mast is low enough: {test}").format(
                test=test[1])
    if values.get("state") == "built" and not (
            values.get("building_permit_no") or values.get("exemption_basis")):
        errors["building_permit_no"] = _("A built mast has its building permit, or the basis "
                                         "on which it needs none.")
    if values.get("plan_letter_no") and not values.get("plan_conform"):
        errors["plan_conform"] = _("The Department's letter on the plan says the mast conforms: "
                                   "tick it, or remove the letter.")
    inspected: dt.date | None = values.get("inspected_on")
    due: dt.date | None = values.get("inspection_due")
    if inspected and due and due <= inspected:
        errors["inspection_due"] = _("The next inspection comes after the last one.")
    errors.update(not_in_future(values, ("inspected_on", "building_permit_date")))
    return errors


def mast_remarks(values: dict[str, Any], services: Any = None) -> list[str]:  # noqa: ANN401
    """How many operators share the mast (derived from its rows), and the not-bulky test of a
    mast on a building, shown with it."""
    remarks = []
    sharing = values.get("sharing") or []
    if sharing:
        remarks.append(_("Shared: {count} operators besides its own.").format(
            count=len(sharing)))
    if values.get("mounting") == "building":
        test = not_bulky_test(values.get("mast_height"), values.get("building_height"))
        if test:
            remarks.append(_("Not-bulky test: {test}").format(test=test[1]))
    return remarks


ANTENNA_MASTS = RegisterSpec(
    key="antenna_masts", area="telecom", title=N_("Antenna masts and BTS sites"),
    item_name=N_("antenna mast"), table="antenna_mast", search_kind="antenna_mast",
    default_sort="site_code", title_field="site_code",
    subtitle_fields=("operator_id", "address"), holder_column="operator_id",
    checks=check_mast, remarks=mast_remarks,
    # a district's masts by the date their inspection is due
    indexes=(("district_due", ("district_code", "inspection_due")),),
    due_watch=DueWatch("inspection_due", INSPECTION_DUE_DAYS,
                       N_("Inspection due within {days} days"), ended_states=("removed",)),
    fields=(
        FieldSpec("site_code", N_("Site code"), required=True, max_length=40, width=150,
                  searchable=True, sort_column="site_code",
                  unique_message=N_("Site {value} is already in the register ({name})."),
                  aliases=("Mã trạm", "Mã vị trí", "Site ID")),
        FieldSpec("operator_id", N_("Operator"), FieldKind.PARTY, required=True, width=200,
                  searchable=True, aliases=("Doanh nghiệp", "Nhà mạng", "Chủ đầu tư")),
        FieldSpec("sharing", N_("Operators sharing the mast"), FieldKind.ROWS, in_table=False,
                  searchable=True, aliases=("Dùng chung",),
                  columns=(FieldSpec("operator", N_("Operator"), required=True,
                                     max_length=200),
                           FieldSpec("since", N_("Since"), FieldKind.DATE))),
        FieldSpec("address", N_("Address"), required=True, max_length=300, width=220,
                  searchable=True, aliases=("Địa chỉ",)),
        FieldSpec("district_code", N_("District"), FieldKind.DISTRICT, required=True,
                  width=140, filterable=True, sort_column="district_code",
                  aliases=("Huyện", "Huyện/thị xã/thành phố")),
        FieldSpec("commune_code", N_("Ward / commune"), FieldKind.COMMUNE, width=140,
                  aliases=("Xã/phường/thị trấn", "Xã, phường")),
        FieldSpec("coordinates", N_("Coordinates"), FieldKind.COORDINATES, required=True,
                  width=170, aliases=("Tọa độ", "Toạ độ", "GPS")),
        FieldSpec("mounting", N_("Mounting"), FieldKind.CHOICE, required=True,
                  choices=MOUNTINGS, default="ground", width=110, filterable=True,
                  aliases=("Vị trí lắp đặt",),
                  choice_aliases=(("Dưới đất", "ground"), ("Trên mặt đất", "ground"),
                                  ("Trên nhà", "building"), ("Trên công trình", "building"))),
        FieldSpec("category", N_("Category in the plan"), FieldKind.CHOICE, required=True,
                  choices=mast_categories(), width=150, filterable=True,
                  aliases=("Loại cột", "Phân loại")),
        FieldSpec("mast_height", N_("Mast height"), FieldKind.DECIMAL, unit="m", decimals=1,
                  required=True, width=80, aliases=("Chiều cao cột",)),
        FieldSpec("building_height", N_("Building height"), FieldKind.DECIMAL, unit="m",
                  decimals=1, in_table=False, aliases=("Chiều cao công trình",)),
        FieldSpec("plan_conform", N_("Conforms to the passive-infrastructure plan"),
                  FieldKind.YES_NO, in_table=False, aliases=("Phù hợp quy hoạch",)),
        FieldSpec("plan_letter_no", N_("The Department's letter on the plan"), max_length=64,
                  in_table=False, aliases=("Văn bản của Sở",)),
        FieldSpec("building_permit_no", N_("Building permit no."), max_length=64,
                  in_table=False, aliases=("Số giấy phép xây dựng",)),
        FieldSpec("building_permit_date", N_("Building permit dated"), FieldKind.DATE,
                  in_table=False, aliases=("Ngày cấp giấy phép xây dựng",)),
        FieldSpec("building_permit_issuer", N_("Building permit issued by"), max_length=200,
                  in_table=False, aliases=("Cơ quan cấp phép",)),
        FieldSpec("exemption_basis", N_("Exempt from a building permit under"),
                  max_length=300, in_table=False, aliases=("Căn cứ miễn giấy phép",)),
        FieldSpec("inspected_on", N_("Last inspection"), FieldKind.DATE, in_table=False,
                  aliases=("Ngày kiểm định",)),
        FieldSpec("inspection_due", N_("Inspection due"), FieldKind.DATE, width=110,
                  sort_column="inspection_due", index="inspection_due",
                  aliases=("Hạn kiểm định",)),
        FieldSpec("state", N_("State"), FieldKind.CHOICE, required=True, choices=MAST_STATES,
                  default="built", width=110, filterable=True, sort_column="state",
                  index="state", aliases=("Trạng thái", "Tình trạng")),
        FieldSpec("photos", N_("Photos"), FieldKind.FILES, in_table=False,
                  aliases=("Ảnh",)),
        FieldSpec("note", N_("Note"), FieldKind.MULTILINE, max_length=2000, in_table=False),
    ),
)

# every mast a point (the map of the province's masts, for QGIS)
MAST_POINTS = PointLayer(
    key="antenna_masts", register="antenna_masts", title=N_("Antenna masts"), rows=None,
    coordinates="coordinates",
    entry_fields=("site_code", "operator_id", "address", "district_code", "commune_code",
                  "mounting", "category", "mast_height", "inspection_due", "state"))
