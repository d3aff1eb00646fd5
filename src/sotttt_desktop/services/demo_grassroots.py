"""Demo commune radio stations: one for each of the province's wards and communes (the reference
divisions), most of them on IT and telecoms (TT 39/2020) and connected to the provincial source
system, the others FM wireless (a frequency of 54–68 MHz, a frequency licence, the Department's
consent) or wired; each with 3–6 loudspeaker clusters placed around its district's centre."""

from __future__ import annotations

import datetime as dt
import random
from typing import TYPE_CHECKING

from sotttt_desktop.core import clock
from sotttt_desktop.i18n import format_date

if TYPE_CHECKING:
    from sotttt_desktop.services.facade import Services

# approximate centres of the district towns (WGS 84), for placing demo loudspeaker clusters
DISTRICT_CENTRES = {718: (10.980, 106.652), 719: (11.255, 106.620), 720: (11.280, 106.370),
                    721: (11.150, 106.590), 722: (11.290, 106.790), 723: (11.060, 106.790),
                    724: (10.905, 106.770), 725: (10.930, 106.710), 726: (11.150, 106.840)}
STREETS = ("Nhà văn hóa khu phố {n}", "Ngã tư chợ {commune}", "Trụ sở Ban điều hành khu phố {n}",
           "Trường Tiểu học {commune}", "Đường số {n}, ấp {n}", "Trạm y tế {commune}")


def _lower_kind(commune: str) -> str:
    """"phường Phú Cường" from "Phường Phú Cường" (the unit's kind in lower case mid-sentence)."""
    kind, _sep, name = commune.partition(" ")
    return f"{kind.lower()} {name}"


def _license_consented(services: Services, station: dict, rng: random.Random,
                       today: dt.date) -> int:
    """A consented station on air: its frequency licence, its loudspeakers (1: updated)."""
    from sotttt_desktop.registers import get_register
    from sotttt_desktop.services.records import edit_text

    consent_date = station.get("consent_date")
    if consent_date is None or consent_date > today - dt.timedelta(days=90):
        return 0
    spec = get_register("commune_radio_stations")
    raw = {f.name: edit_text(f, station.get(f.name)) for f in spec.fields
           if station.get(f.name) is not None}
    raw.update({"state": "active", "rf_licence_no": f"{rng.randint(100, 9999)}/GP-CTS",
                "rf_licence_until": format_date(consent_date + dt.timedelta(days=rng.randint(1500, 1800))),
                "equipment": "01 máy phát FM, 01 bộ thu tín hiệu, 01 micro",
                "staff": "01 cán bộ văn hóa - thông tin kiêm nhiệm"})
    services.registers.update("commune_radio_stations", station["id"], raw, station["version"])
    return 1


def fill_demo_stations(services: Services, seed: int = 2023, limit: int | None = None) -> int:
    """A station in every ward and commune (the first `limit` only, if given); returns how
    many."""
    rng = random.Random(seed)
    today = clock.local_today()
    written = 0
    # the stations the demo's consents wrote (the one-stop volume): those consented more than
    # 90 days ago have had their frequency licence since, and their loudspeakers
    consented = {}
    for record in services.registers.iter_records("commune_radio_stations"):
        consented[record["commune_code"]] = record
    for district in services.reference.districts().values():
        centre = DISTRICT_CENTRES.get(district.code, (11.05, 106.65))
        for code, commune in district.communes:
            if code in consented:
                written += _license_consented(services, consented[code], rng, today)
                continue
            roll = rng.random()
            technology = "ict" if roll < 0.55 else "fm" if roll < 0.9 else "wired"
            latitude = centre[0] + rng.uniform(-0.03, 0.03)
            longitude = centre[1] + rng.uniform(-0.03, 0.03)
            clusters = []
            for n in range(1, rng.randint(3, 6) + 1):
                place = rng.choice(STREETS).format(n=n, commune=commune.partition(" ")[2])
                clusters.append(
                    f"{place} | {latitude + rng.uniform(-0.008, 0.008):.6f}, "
                    f"{longitude + rng.uniform(-0.008, 0.008):.6f} | {rng.choice((2, 4, 4, 6))}")
            raw = {"station_name": f"Đài truyền thanh {_lower_kind(commune)}",
                   "district_code": str(district.code), "commune_code": str(code),
                   "managed_by": f"UBND {_lower_kind(commune)}",
                   "technology": technology, "clusters": "\n".join(clusters), "state": "active",
                   "equipment": "01 bộ thu phát thanh, 01 máy tính biên tập, 01 micro",
                   "staff": "01 cán bộ văn hóa - thông tin kiêm nhiệm"}
            if technology == "fm":
                raw.update({
                    "frequency": f"{rng.choice(range(108, 136)) / 2:.1f}".replace(".", ","),
                    "rf_licence_no": f"{rng.randint(100, 9999)}/GP-CTS",
                    "rf_licence_until": format_date(today + dt.timedelta(days=rng.randint(-60, 1500))),
                    "consent_no": f"{rng.randint(10, 900)}/STTTT-TTBCXB",
                    "consent_date": format_date(today - dt.timedelta(days=rng.randint(400, 2000)))})
            if technology == "ict":
                since = today - dt.timedelta(days=rng.randint(30, 1200))
                raw.update({"source_connected_on": f"{since:%d/%m/%Y}",
                            "tt39_compliant_on": f"{since:%d/%m/%Y}"})
            services.registers.create("commune_radio_stations", raw)
            written += 1
            if limit is not None and written >= limit:
                return written
    return written
