"""Contents of the electronic-information permits (ND 72/2013 as amended by ND 27/2018)."""

from sotttt_desktop.i18n import N_
from sotttt_desktop.permits.contents import PermitContents
from sotttt_desktop.registers.spec import FieldKind, FieldSpec

# Mẫu 24: the website licence (Art. 23): domains, content and sources, server in Vietnam,
# the person responsible for the content — fields of the register of websites
WEBSITE = ("domain", "content_scope", "sources", "server_location", "responsible")
# Mẫu 03/04: the game point certificate (Art. 35a(2)) — fields of the register of game points
GAME_POINT = ("point_name", "point_address", "business_registration", "owner_name", "owner_id",
              "owner_phone", "owner_email", "floor_area")

# the confirmation of a notified change of owner or head office (Art. 23h(5)): which licence,
# what changed and when
WEBSITE_NOTICE = (
    FieldSpec("licence", N_("Licence the notice is about"), required=True, max_length=200),
    FieldSpec("change", N_("Change notified"),
              FieldKind.MULTILINE, required=True, max_length=2000),
    FieldSpec("changed_on", N_("Date of the change"), FieldKind.DATE, required=True),
)

CONTENTS = (
    PermitContents("e_information.website_notice", subject="licence", fields=WEBSITE_NOTICE),
    PermitContents("e_information.website", register="websites", subject="domain",
                   fields=WEBSITE, required=("content_scope", "server_location", "responsible"),
                   prefill={"responsible": "legal_representative"}),
    PermitContents("e_information.game_point", register="game_points",
                   subject="point_address", fields=GAME_POINT,
                   required=("owner_name", "owner_id", "floor_area"),
                   labels={"owner_phone": N_("Phone"), "owner_email": N_("E-mail")},
                   prefill={"point_name": "name", "point_address": "address",
                            "business_registration": "registration_no",
                            "owner_name": "legal_representative|name", "owner_id": "citizen_id",
                            "owner_phone": "phone", "owner_email": "email"}),
)
