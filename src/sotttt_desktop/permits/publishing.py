"""Contents of the publishing, printing and distribution permits (Luật Xuất bản 2012;
ND 60/2014 as amended by ND 25/2018 and ND 72/2022; forms of TT 23/2023)."""

from typing import Any

from sotttt_desktop.i18n import N_
from sotttt_desktop.permits.contents import PermitContents
from sotttt_desktop.registers.spec import FieldKind, FieldSpec

# a printing licence (of publications, or of newspapers, stamps and other products) and the
# confirmation of a registered printing facility describe the same facility; its owner is the
# holder's legal representative, printed once (as the owner)
# (ND 60/2014 licence form: the works' address beside the head office's, the head of the
# facility, what it prints and with what)
_PRINTING: dict[str, Any] = {
    "register": "printing_facilities", "subject": "products",
    "fields": ("address", "owner", "products", "equipment"),
    "required": ("products", "equipment"),
    "prefill": {"owner": "legal_representative", "address": "address"}, "states": ("owner",),
    "labels": {"address": N_("Address of the printing works"),
               "owner": N_("Head of the printing facility")}}

CONTENTS = (
    PermitContents(
        "publishing.non_business", register="nonbusiness_publications", subject="title",
        fields=("title", "author", "pages", "size", "print_run", "printer",
                "manuscript_copies"), required=("print_run", "printer")),
    PermitContents(
        "publishing.import", register="publication_imports", subject="titles",
        fields=("titles", "copies", "origin", "purpose"), required=("copies",)),
    PermitContents("publishing.printing", constants={"licence_kind": "permit"}, **_PRINTING),
    PermitContents("publishing.printing_products", constants={"licence_kind": "permit"},
                   **_PRINTING),
    PermitContents("publishing.printing_facility", constants={"licence_kind": "registration"},
                   **_PRINTING),
    # a colour copier confirmation (ND 60/2014 Art. 30): the machine and where it is used
    PermitContents(
        "publishing.photocopier", register="colour_copiers", subject="make_model",
        fields=("make_model", "serial_no", "machine_kind", "location"),
        required=("make_model", "location"),
        prefill={"location": "address"}),
    PermitContents(
        "publishing.fair", register="book_fairs", subject="fair_name",
        fields=("fair_name", "venue", "starts_on", "ends_on"),
        required=("venue", "starts_on", "ends_on"),
        period=("starts_on", "ends_on", N_("Period of the fair"))),
    PermitContents(
        "publishing.distribution", register="distributors", subject="outlets",
        fields=("outlets",), required=("outlets",), prefill={"outlets": "address"}),
    # printing publications for a foreign client (Luật Xuất bản Art. 34): what is printed, for
    # whom, how many, and where the copies go (they may not be circulated in Vietnam)
    PermitContents("publishing.foreign_printing", subject="publication", fields=(
        FieldSpec("publication", N_("Publication printed"), FieldKind.MULTILINE, required=True,
                  max_length=2000),
        FieldSpec("foreign_client", N_("Foreign client"), required=True, max_length=300),
        FieldSpec("print_run", N_("Print run"), required=True, max_length=100),
        FieldSpec("destination", N_("Country the copies are delivered to"), required=True,
                  max_length=200),
        FieldSpec("contract", N_("Printing contract"), max_length=200),
    )),
)
