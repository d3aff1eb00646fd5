"""Contents of the press area's permits (Luật Báo chí 2016 Art. 34, 41; ND 06/2016 Art. 30)."""

from sotttt_desktop.i18n import N_
from sotttt_desktop.permits.contents import PermitContents
from sotttt_desktop.registers.spec import FieldKind, FieldSpec

CONTENTS = (
    # Giấy phép xuất bản bản tin (Mẫu 25/26, TT 41/2020): what Luật Báo chí Art. 34 requires
    PermitContents(
        "press.bulletin", register="news_bulletins", subject="title",
        fields=("title", "responsible", "purpose", "periodicity", "format", "print_run",
                "language", "distribution"),
        required=("responsible", "purpose", "periodicity", "language"),
        prefill={"responsible": "legal_representative"}),
    # the answer to a press-conference notice names what was notified (Art. 41(3))
    PermitContents(
        "press.conference", subject="content",
        fields=(
            FieldSpec("content", N_("Content"), FieldKind.MULTILINE, required=True,
                      max_length=4000),
            FieldSpec("place", N_("Place"), required=True, max_length=400),
            FieldSpec("held_on", N_("Held on"), FieldKind.DATE, required=True),
            FieldSpec("chairperson", N_("Chairperson"), max_length=200),
        ),
        prefill={"chairperson": "legal_representative"}),
    PermitContents(
        "press.tvro", register="tvro_receivers", subject="site",
        fields=("site", "channels"), required=("channels",), prefill={"site": "address"}),
    # the consent a broadcaster that is not a press agency attaches to its frequency-licence
    # application names the programmes (Circular 05/2015 Art. 13(3)(a))
    PermitContents(
        "press.local_broadcast", register="broadcast_consents", subject="programmes",
        fields=("programmes", "channel", "coverage")),
)
