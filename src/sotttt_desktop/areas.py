"""The areas of work (DESIGN §6, Article 3 of Decision 15/2023/QĐ-UBND), declared once.

The main window builds one tab per area from this list, in `order`. A register names its area
(`RegisterSpec.area`; `registers.registers_of(area)`), an area does not list them again; an area
with a screen of its own declares it in `ui/area_screens.py`; an area with neither shows its remit.
"""

from __future__ import annotations

from dataclasses import dataclass

from sotttt_desktop.i18n import N_


@dataclass(frozen=True)
class Area:
    key: str
    title: str  # N_()
    order: int
    remit: str  # N_(): what the Department does in this area (from Article 3 of the Decision)
    decision_items: str = ""  # where in Article 3


AREAS: tuple[Area, ...] = (
    Area("directory", N_("Organisations & individuals"), 0,
         N_("The organisations and individuals the Department deals with: applicants, licence "
            "holders, enterprises of every area. Deduplicated by tax code and citizen ID.")),
    Area("one_stop", N_("One-stop desk"), 10,
         N_("Receiving dossiers of administrative procedures, receipts and appointments, "
            "statutory deadlines, returning results."), "Art. 3(2)(đ), 3(19)"),
    Area("press", N_("Press, radio & TV"), 20,
         N_("News bulletins, press conferences, representative offices of press agencies, "
            "foreign-satellite TV receivers, legal-deposit review of local press."), "Art. 3(4)"),
    Area("publishing", N_("Publishing, printing, distribution"), 30,
         N_("Printing facilities, colour photocopiers, publication distributors, non-business "
            "publications and their import, book fairs, legal-deposit copies."), "Art. 3(5)"),
    Area("e_information", N_("Electronic information & advertising"), 40,
         N_("General websites, online games and public game points, public internet points, "
            "advertising on media."), "Art. 3(6), 3(7)"),
    Area("grassroots", N_("External & grassroots information"), 50,
         N_("External-information programmes, district radio stations, grassroots information "
            "sources."), "Art. 3(8), 3(9)"),
    Area("postal", N_("Postal services"), 60,
         N_("Postal enterprises, postal licences and notifications, public postal service points, "
            "stamps."), "Art. 3(10)"),
    Area("telecom", N_("Telecommunications"), 70,
         N_("Telecom operators, BTS stations and towers, shared infrastructure, subscriber-data "
            "checks."), "Art. 3(11)"),
    Area("frequency", N_("Radio frequency"), 80,
         N_("Frequency licence applications forwarded, interference cases, the broadcast channel "
            "plan."), "Art. 3(12)"),
    Area("it_industry", N_("IT industry"), 90,
         N_("IT and digital-technology enterprises, products, concentrated IT parks."),
         "Art. 3(13)"),
    Area("digital", N_("Digital transformation"), 100,
         N_("Plans and programmes, IT investment projects appraised, databases, shared platforms, "
            "digital signatures, indicators."), "Art. 3(14), 3(16)"),
    Area("cybersecurity", N_("Cybersecurity"), 110,
         N_("Information systems and their security levels (1–5), level-proposal appraisals, "
            "incidents, alerts, drills."), "Art. 3(15)"),
    Area("inspection", N_("Inspection & complaints"), 120,
         N_("Inspection plans, inspections, violations, sanction decisions, complaints and "
            "denunciations."), "Art. 3(20), 3(21)"),
    Area("reports", N_("Reports"), 130,
         N_("Periodic and ad-hoc reports, statistics, dashboards."), "Art. 3(22)"),
)


def areas_in_order() -> list[Area]:
    return sorted(AREAS, key=lambda area: area.order)
