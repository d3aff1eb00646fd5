"""Contents of the security-level appraisal (ND 85/2016 Art. 12)."""

from sotttt_desktop.i18n import N_
from sotttt_desktop.permits.contents import PermitContents
from sotttt_desktop.registers.spec import FieldKind, FieldSpec

LEVELS = tuple((str(level), label) for level, label in (
    (1, N_("Level 1")), (2, N_("Level 2")), (3, N_("Level 3")), (4, N_("Level 4")),
    (5, N_("Level 5"))))

CONTENTS = (
    PermitContents("cybersecurity.level", subject="system_name", fields=(
        FieldSpec("system_name", N_("Information system"), required=True, max_length=300),
        FieldSpec("system_owner", N_("Owner of the system"), max_length=300),
        FieldSpec("proposed_level", N_("Security level"), FieldKind.CHOICE, required=True,
                  choices=LEVELS),
    ), prefill={"system_owner": "name"}),
)
