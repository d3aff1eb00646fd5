"""Register declarations: each register is declared once and drives table, form, detail and search."""

from sotttt_desktop.registers.point_layer import PointLayer
from sotttt_desktop.registers.public_list import PublicList
from sotttt_desktop.registers.spec import FieldKind, FieldSpec, RegisterSpec

__all__ = ["FieldKind", "FieldSpec", "RegisterSpec", "add_register", "all_registers",
           "find_register", "get_register", "registers_of", "remove_register"]

_ADDED: dict[str, RegisterSpec] = {}  # declared outside this package (tests, extensions)


def add_register(spec: RegisterSpec) -> None:
    _ADDED[spec.key] = spec


def remove_register(key: str) -> None:
    _ADDED.pop(key, None)


def all_registers() -> dict[str, RegisterSpec]:
    from sotttt_desktop.registers.advertising import AD_VIOLATIONS
    from sotttt_desktop.registers.digital import (
        DATA_ACCESS_LOG,
        SHARED_DATABASES,
        SHARED_PLATFORMS,
        SIGNATURE_CERTIFICATES,
    )
    from sotttt_desktop.registers.digital_plans import DX_PLANS, DX_TASKS
    from sotttt_desktop.registers.dti import DTI_SCORES
    from sotttt_desktop.registers.e_information import GAME_POINTS, WEBSITES
    from sotttt_desktop.registers.external import EXTERNAL_PLANS
    from sotttt_desktop.registers.frequency import (
        BROADCAST_CONSENTS,
        FREQUENCY_CHECKS,
        FREQUENCY_DOSSIERS,
    )
    from sotttt_desktop.registers.grassroots import (
        COMMUNE_RADIO_STATIONS,
        DISTRICT_STATIONS,
        GRASSROOTS_MEANS,
        SOURCE_BULLETINS,
    )
    from sotttt_desktop.registers.information_systems import INFORMATION_SYSTEMS
    from sotttt_desktop.registers.inspection import CITIZEN_RECEPTION, INSPECTION_PLAN
    from sotttt_desktop.registers.it_industry import IT_ENTERPRISES, IT_PARKS, IT_PRODUCTS
    from sotttt_desktop.registers.letters import LETTERS
    from sotttt_desktop.registers.parties import PARTIES
    from sotttt_desktop.registers.postal import (
        POSTAL_LICENCES,
        POSTAL_NOTIFICATIONS,
        POSTAL_POINTS,
        POSTAL_REPORTS,
    )
    from sotttt_desktop.registers.press import (
        NEWS_BULLETINS,
        PRESS_CONFERENCES,
        PRESS_DEPOSITS,
        REPRESENTATIVE_OFFICES,
        TVRO_RECEIVERS,
    )
    from sotttt_desktop.registers.publishing import (
        BOOK_FAIRS,
        COLOUR_COPIERS,
        DISTRIBUTORS,
        NON_BUSINESS,
        PRINTING_FACILITIES,
        PUBLICATION_DEPOSITS,
        PUBLICATION_IMPORTS,
        PUBLISHING_MEASURES,
    )
    from sotttt_desktop.registers.security_records import (
        SECURITY_ALERTS,
        SECURITY_DRILLS,
        SECURITY_REPORTS,
    )
    from sotttt_desktop.registers.telecom import ANTENNA_MASTS
    from sotttt_desktop.registers.telecom_infrastructure import (
        CABLE_ROUTES,
        PLAN_VERSIONS,
        SUBSCRIBER_INSPECTIONS,
    )

    return {spec.key: spec for spec in (
        PARTIES, NEWS_BULLETINS, PRESS_CONFERENCES, REPRESENTATIVE_OFFICES, TVRO_RECEIVERS,
        PRESS_DEPOSITS, PRINTING_FACILITIES, COLOUR_COPIERS, DISTRIBUTORS, NON_BUSINESS,
        PUBLICATION_IMPORTS, BOOK_FAIRS, PUBLICATION_DEPOSITS, PUBLISHING_MEASURES, WEBSITES,
        GAME_POINTS, AD_VIOLATIONS, COMMUNE_RADIO_STATIONS, DISTRICT_STATIONS, GRASSROOTS_MEANS,
        SOURCE_BULLETINS, EXTERNAL_PLANS, POSTAL_LICENCES, POSTAL_NOTIFICATIONS, POSTAL_POINTS,
        POSTAL_REPORTS, ANTENNA_MASTS, CABLE_ROUTES, SUBSCRIBER_INSPECTIONS, PLAN_VERSIONS,
        FREQUENCY_CHECKS, FREQUENCY_DOSSIERS, BROADCAST_CONSENTS, IT_ENTERPRISES, IT_PRODUCTS,
        IT_PARKS, DX_PLANS, DX_TASKS, DTI_SCORES, SIGNATURE_CERTIFICATES, SHARED_DATABASES,
        SHARED_PLATFORMS, DATA_ACCESS_LOG, INFORMATION_SYSTEMS, SECURITY_ALERTS, SECURITY_DRILLS,
        SECURITY_REPORTS, INSPECTION_PLAN, CITIZEN_RECEPTION, LETTERS)} | _ADDED


def get_register(key: str) -> RegisterSpec:
    return all_registers()[key]


def find_register(key: str) -> RegisterSpec | None:
    """The register `key`, also while the register modules are still being imported (a
    declaration naming another register as its target: that one must be declared in a module
    imported before)."""
    try:
        return all_registers().get(key)
    except ImportError:  # inside the import of a register module: the declarations so far
        import sys

        for name, module in list(sys.modules.items()):
            if name.startswith(f"{__name__}.") and module is not None:
                for value in vars(module).values():
                    if isinstance(value, RegisterSpec) and value.key == key:
                        return value
        return _ADDED.get(key)


def registers_of(area: str) -> list[str]:
    """The keys of the registers that declare `area` as theirs, in declaration order."""
    return [key for key, spec in all_registers().items() if spec.area == area]


def public_lists() -> dict[str, PublicList]:
    """The lists the Department publishes from its registers, by key."""
    from sotttt_desktop.registers.e_information import PUBLIC_GAME_POINTS

    return {found.key: found for found in (PUBLIC_GAME_POINTS,)}


def point_layers() -> dict[str, PointLayer]:
    """The map layers made from registers' child rows, by key."""
    from sotttt_desktop.registers.grassroots import LOUDSPEAKER_CLUSTERS
    from sotttt_desktop.registers.postal import POSTAL_POINT_LAYER
    from sotttt_desktop.registers.telecom import MAST_POINTS

    return {found.key: found for found in (LOUDSPEAKER_CLUSTERS, POSTAL_POINT_LAYER,
                                           MAST_POINTS)}
