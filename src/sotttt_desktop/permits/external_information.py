"""Contents of the approval of a display outside a foreign mission's premises (Decree 88/2012
Art. 20; Circular 04/2014 Art. 9, Mẫu 06/BTTTT): what is displayed, where, how large, when; and
of the consent a commune's wireless radio station attaches to its frequency-licence application
(Circular 05/2015 Art. 14(1)(b)): which station, on what frequency and power, from where."""

from sotttt_desktop.i18n import N_
from sotttt_desktop.permits.contents import PermitContents
from sotttt_desktop.registers.spec import FieldKind, FieldSpec

CONTENTS = (
    PermitContents("grassroots.foreign_display", subject="content", fields=(
        FieldSpec("content", N_("Content"), FieldKind.MULTILINE, required=True,
                  max_length=4000),
        FieldSpec("place", N_("Place"), required=True, max_length=400),
        FieldSpec("size", N_("Size"), max_length=200),
        FieldSpec("shown_from", N_("From"), FieldKind.DATE, required=True),
        FieldSpec("shown_until", N_("Until"), FieldKind.DATE, required=True),
    )),
    # the station's fields of the register of commune radio stations (the consent writes the
    # station, registers/grassroots.py CONSENT_FEED)
    PermitContents("grassroots.commune_radio", register="commune_radio_stations",
                   subject="station_name", fields=(
                       "station_name", "frequency", "transmitter_power", "transmitter_site",
                       FieldSpec("loudspeakers", N_("Loudspeaker clusters"), FieldKind.MULTILINE,
                                 max_length=2000)),
                   required=("frequency", "transmitter_power", "transmitter_site"),
                   labels={"station_name": N_("Radio station"),
                           "transmitter_site": N_("Installation site")}),
)
