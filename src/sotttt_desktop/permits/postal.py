"""Contents of the postal licence and notification confirmation (Luật Bưu chính Art. 22;
ND 47/2011 Art. 9)."""

from sotttt_desktop.i18n import N_
from sotttt_desktop.permits.contents import PermitContents
from sotttt_desktop.registers.spec import FieldKind, FieldSpec

SERVICES = FieldSpec("postal_services", N_("Kinds of postal service"), FieldKind.MULTILINE,
                     required=True, max_length=2000)
SCOPE = FieldSpec("service_scope", N_("Scope of service"), required=True, max_length=400)
STANDARDS = FieldSpec("service_standards", N_("Service standards and quality"),
                      FieldKind.MULTILINE, max_length=2000)
REQUIRED_STANDARDS = FieldSpec("service_standards", N_("Service standards and quality"),
                               FieldKind.MULTILINE, required=True, max_length=2000)

CONTENTS = (
    # the licence states the standards it is held to (Art. 22); a notification need not
    PermitContents("postal.licence", subject="postal_services",
                   fields=(SERVICES, SCOPE, REQUIRED_STANDARDS)),
    PermitContents("postal.notification", subject="postal_services", fields=(SERVICES, SCOPE)),
)
