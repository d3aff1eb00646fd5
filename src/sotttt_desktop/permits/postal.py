"""Contents of the postal licence and notification confirmation (Luật Bưu chính Art. 22;
ND 47/2011 Art. 9): fields of the postal registers (registers/postal.py), which the issued
permit writes."""

from sotttt_desktop.permits.contents import PermitContents

CONTENTS = (
    # the licence states the standards it is held to (Art. 22); a notification need not
    PermitContents("postal.licence", register="postal_licences", subject="postal_services",
                   fields=("postal_services", "service_scope", "service_standards", "branches"),
                   required=("service_standards",)),
    PermitContents("postal.notification", register="postal_notifications",
                   subject="postal_services",
                   fields=("postal_services", "service_scope", "branches")),
)
