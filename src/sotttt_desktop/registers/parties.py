"""The Parties register: organisations and individuals, deduplicated by tax code / citizen ID."""

from __future__ import annotations

from sotttt_desktop.core import validation
from sotttt_desktop.core.models import Party
from sotttt_desktop.i18n import N_
from sotttt_desktop.registers.spec import FieldKind, FieldSpec, RegisterSpec

ORG = frozenset({"org"})
PERSON = frozenset({"person"})

PARTY_KIND_CHOICES = (("org", N_("Organisation")), ("person", N_("Individual")))


PARTIES = RegisterSpec(
    key="parties",
    area="directory",
    title=N_("Organisations and individuals"),
    item_name=N_("organisation or individual"),
    model=Party,
    search_kind="party",
    variant_field="kind",
    default_sort="name",
    subtitle_fields=("tax_code", "citizen_id", "district_code"),
    sort_from="name",
    holder_column="id",
    fields=(
        FieldSpec("kind", N_("Type"), FieldKind.CHOICE, required=True,
                  aliases=("Loại", "Loại hình", "Tổ chức/cá nhân", "Phân loại"),
                  choice_aliases=(("Doanh nghiệp", "org"), ("Công ty", "org"), ("DN", "org"),
                                  ("Hợp tác xã", "org"), ("Cơ quan", "org"), ("Đơn vị", "org"),
                                  ("Hộ kinh doanh", "person"), ("Cá thể", "person"),
                                  ("Công dân", "person"), ("CN", "person")),
                  choices=PARTY_KIND_CHOICES, width=100, filterable=True, sort_column="kind"),
        FieldSpec("name", N_("Name"), required=True, max_length=300, width=320,
                  aliases=("Tên", "Tên tổ chức", "Tên tổ chức, cá nhân", "Tên doanh nghiệp",
                           "Tên đơn vị", "Họ tên", "Họ và tên", "Tên cơ sở"),
                  sort_column="sort_name", searchable=True,
                  placeholder=N_("e.g. Công ty TNHH In Đức Hưng")),
        FieldSpec("tax_code", N_("Tax code"), variants=ORG, max_length=14, width=120,
                  aliases=("MST", "Mã số thuế", "Mã số doanh nghiệp", "MSDN", "Mã số DN"),
                  validate=validation.tax_code, normalise=validation.normalise_tax_code,
                  searchable=True, placeholder="3700123456",
                  unique_message=N_("An organisation with tax code {value} already exists: {name}.")),
        FieldSpec("registration_no", N_("Business registration no."), variants=ORG,
                  aliases=("Số ĐKKD", "GPKD", "Số GCN ĐKDN", "Số đăng ký kinh doanh"),
                  max_length=64, in_table=False, searchable=True),
        FieldSpec("citizen_id", N_("Citizen ID"), variants=PERSON, max_length=12, width=165,
                  aliases=("CCCD", "Số CCCD", "CMND", "Số CMND", "CMND/CCCD", "Số định danh"),
                  validate=validation.citizen_id, normalise=lambda s: s.replace(" ", ""),
                  searchable=True, placeholder="074090001234",
                  unique_message=N_("A person with citizen ID {value} already exists: {name}.")),
        FieldSpec("date_of_birth", N_("Date of birth"), FieldKind.DATE, variants=PERSON,
                  aliases=("Ngày sinh", "NS"),
                  in_table=False, validate=validation.past_date, placeholder=N_("dd/mm/yyyy")),
        FieldSpec("address", N_("Address"), max_length=400, width=300, searchable=True,
                  aliases=("Địa chỉ", "Địa chỉ trụ sở", "Trụ sở", "Địa chỉ liên hệ")),
        FieldSpec("district_code", N_("District"), FieldKind.DISTRICT, width=160,
                  aliases=("Huyện", "Quận", "Quận/huyện", "Huyện/thị xã/thành phố", "Huyện/TX/TP",
                           "Địa bàn", "Đơn vị hành chính cấp huyện"),
                  filterable=True, sort_column="district_code"),
        FieldSpec("commune_code", N_("Ward / commune"), FieldKind.COMMUNE, in_table=False,
                  aliases=("Xã", "Phường", "Xã/phường", "Phường/xã", "Xã/phường/thị trấn")),
        FieldSpec("legal_representative", N_("Legal representative"), variants=ORG,
                  aliases=("Người đại diện", "Người đại diện theo pháp luật", "Đại diện"),
                  max_length=200, in_table=False, searchable=True),
        FieldSpec("phone", N_("Phone"), max_length=20, width=110,
                  aliases=("Điện thoại", "Số điện thoại", "SĐT", "ĐT", "Tel"),
                  validate=validation.phone, normalise=validation.normalise_phone),
        FieldSpec("email", N_("E-mail"), max_length=200, in_table=False,
                  aliases=("Email", "Thư điện tử"),
                  validate=validation.email),
    ),
)
