"""Contents of the electronic-information permits (ND 72/2013 as amended by ND 27/2018)."""

from sotttt_desktop.core import validation
from sotttt_desktop.i18n import N_
from sotttt_desktop.permits.contents import PermitContents
from sotttt_desktop.registers.spec import FieldKind, FieldSpec

# Mẫu 24: the website licence (Art. 23): domains, content and sources, server in Vietnam,
# the person responsible for the content
WEBSITE = (
    FieldSpec("domain", N_("Domain name"), required=True, max_length=300),
    FieldSpec("content_scope", N_("Content and scope of information"), FieldKind.MULTILINE,
              required=True, max_length=4000),
    FieldSpec("sources", N_("Sources of information"), FieldKind.MULTILINE, max_length=4000),
    FieldSpec("server_location", N_("Server location in Vietnam"), required=True,
              max_length=400),
    FieldSpec("responsible", N_("Person responsible for the content"), required=True,
              max_length=200),
)
# Mẫu 03/04: the game point certificate (Art. 35a(2))
GAME_POINT = (
    FieldSpec("point_name", N_("Name of the game point"), max_length=300),
    FieldSpec("point_address", N_("Address of the game point"), required=True, max_length=400),
    FieldSpec("business_registration", N_("Business registration no."), max_length=64),
    FieldSpec("owner_name", N_("Owner of the game point"), required=True, max_length=200),
    FieldSpec("owner_id", N_("Owner's citizen ID or passport no."), required=True,
              max_length=20),
    FieldSpec("owner_phone", N_("Phone"), max_length=20, validate=validation.phone,
              normalise=validation.normalise_phone),
    FieldSpec("owner_email", N_("E-mail"), max_length=200, validate=validation.email),
    FieldSpec("floor_area", N_("Total floor area of the computer rooms (m²)"), required=True,
              max_length=20),
)

# the confirmation of a notified change of owner or head office (Art. 23h(5)): which licence,
# what changed and when
WEBSITE_NOTICE = (
    FieldSpec("licence", N_("Licence (number and date)"), required=True, max_length=200),
    FieldSpec("change", N_("Change notified (new owner or head office address)"),
              FieldKind.MULTILINE, required=True, max_length=2000),
    FieldSpec("changed_on", N_("Date of the change"), FieldKind.DATE, required=True),
)

CONTENTS = (
    PermitContents("e_information.website_notice", subject="licence", fields=WEBSITE_NOTICE),
    PermitContents("e_information.website", subject="domain", fields=WEBSITE,
                   prefill={"responsible": "legal_representative"}),
    PermitContents("e_information.game_point", subject="point_address", fields=GAME_POINT,
                   prefill={"point_name": "name", "point_address": "address",
                            "owner_name": "legal_representative|name", "owner_id": "citizen_id",
                            "owner_phone": "phone", "owner_email": "email"}),
)
