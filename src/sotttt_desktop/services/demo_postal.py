"""Demo postal registers (issue #17, postal), written through the register service so every
rule applies: the licensed enterprises (their entries written by the demo's issued licences)
mostly started their service — one has not, a year on; the public postal service points of the
two networks in every district, at real wards, inside the province; the enterprises' half-yearly
and annual reports, on time and late."""

from __future__ import annotations

import datetime as dt
import random
from typing import TYPE_CHECKING

from sotttt_desktop.core import clock
from sotttt_desktop.i18n import format_date

if TYPE_CHECKING:
    from sotttt_desktop.services.facade import Services

# the postal networks of the market, as the register of parties knows them (their Bình Dương
# branches run the service points); the tax codes are the demo's own, not the real ones
POSTAL_OPERATORS = (
    ("Bưu điện tỉnh Bình Dương - Tổng công ty Bưu điện Việt Nam", "VNP", "3700900201"),
    ("Chi nhánh Bình Dương - Tổng công ty Cổ phần Bưu chính Viettel", "VTP", "3700900202"),
)
STREETS = ("30/4", "Cách Mạng Tháng Tám", "Hùng Vương", "Lê Lợi", "Trần Hưng Đạo")
HOURS = ("7 giờ 00 - 19 giờ 00, thứ Hai đến thứ Bảy", "7 giờ 30 - 17 giờ 00, các ngày trong tuần",
         "7 giờ 00 - 11 giờ 30 và 13 giờ 30 - 17 giờ 00")


def add_postal_operators(services: Services) -> list[object]:
    """The postal operators' party records (those missing added): their ids, in order."""
    from sotttt_desktop.services.demo_telecom import add_market_orgs

    return add_market_orgs(services, POSTAL_OPERATORS, phone="0274 387{n} 000",
                           email="buuchinh.{code}@example.vn",
                           address="Số 324 Đại lộ Bình Dương, phường Phú Hòa, thành phố Thủ "
                                   "Dầu Một, tỉnh Bình Dương")


def fill_demo_postal(services: Services, seed: int = 2010) -> dict[str, int]:
    """Service starts on the licences, service points, reports: how many of each."""
    rng = random.Random(seed)
    today = clock.local_today()
    started = _record_starts(services, today, rng)
    points = _service_points(services, rng)
    reports = _reports(services, today, rng)
    return {"started": started, "points": points, "reports": reports}


def _record_starts(services: Services, today: dt.date, rng: random.Random) -> int:
    """Each licence held over a year started within a few months, but the newest of those:
    it shows the warning of Luật Bưu chính Art. 24."""
    from sotttt_desktop.registers import get_register
    from sotttt_desktop.services.records import edit_text

    spec = get_register("postal_licences")
    entries = [e for e in services.registers.iter_records("postal_licences")
               if e["first_licensed_on"] and e["state"] != "ceased"]
    entries.sort(key=lambda e: e["first_licensed_on"])
    overdue = [e for e in entries if e["first_licensed_on"] < today - dt.timedelta(days=380)]
    left_unstarted = {overdue[-1]["id"]} if overdue else set()
    written = 0
    for entry in entries:
        if entry["id"] in left_unstarted or entry["started_on"] is not None:
            continue
        start = entry["first_licensed_on"] + dt.timedelta(days=rng.randint(20, 150))
        if start > today:
            continue  # a licence of these months: its year is still running
        raw = {f.name: edit_text(f, entry.get(f.name)) for f in spec.fields
               if entry.get(f.name) is not None}
        raw["started_on"] = format_date(start)
        services.registers.update("postal_licences", entry["id"], raw, entry["version"])
        written += 1
    return written


def _service_points(services: Services, rng: random.Random) -> int:
    from sotttt_desktop.services.demo_telecom import DISTRICT_CENTRES

    operators = add_postal_operators(services)
    districts = services.reference.districts()
    written = 0
    for n, district in enumerate(DISTRICT_CENTRES):
        info = districts[district]
        town = info.name.split(" ", 1)[-1] if info.name.startswith(("Thành phố", "Huyện",
                                                                    "Thị xã")) else info.name
        centre_lat, centre_lon = DISTRICT_CENTRES[district]
        communes = rng.sample(list(info.communes), k=min(3, len(info.communes)))
        for m, (commune_code, commune) in enumerate(communes):
            kind = ("post_office", "commune_post", "agent")[m]
            operator = operators[0] if kind != "agent" or m % 2 == 0 else operators[1]
            name = {"post_office": f"Bưu cục {town}",
                    "commune_post": f"Điểm Bưu điện - Văn hóa {commune}",
                    "agent": f"Đại lý bưu điện {commune}"}[kind]
            values = {
                "point_code": f"82{district % 100:02d}{m + 1:02d}",
                "name": name, "kind": kind, "operator_id": str(operator),
                "address": f"Số {rng.randint(1, 300)} đường {rng.choice(STREETS)}, {commune}",
                "district_code": str(district), "commune_code": str(commune_code),
                "coordinates": f"{centre_lat + rng.uniform(-0.02, 0.02):.6f}, "
                               f"{centre_lon + rng.uniform(-0.02, 0.02):.6f}",
                "opening_hours": HOURS[(n + m) % len(HOURS)],
                "state": "suspended" if (n, m) == (4, 2) else "open"}
            services.registers.create("postal_points", values)
            written += 1
    return written


def _reports(services: Services, today: dt.date, rng: random.Random) -> int:
    """The last periods' reports of the networks and the licensed enterprises, each under the
    enterprise's number: most on time, some late."""
    enterprises = list(add_postal_operators(services))
    enterprises += [e["party_id"] for e in _licence_holders(services)][:4]
    year = today.year
    periods = [(f"6 tháng đầu năm {year - 1}", dt.date(year - 1, 7, 15)),
               (f"Năm {year - 1}", dt.date(year, 1, 31)),
               (f"6 tháng đầu năm {year}", dt.date(year, 7, 15))]
    written = 0
    for n, party_id in enumerate(enterprises):
        for m, (period, due) in enumerate(periods):
            received = (due + dt.timedelta(days=rng.randint(3, 20)) if (n + m) % 5 == 3
                        else due - dt.timedelta(days=rng.randint(0, 10)))  # late, or on time
            if received > today:
                continue
            services.registers.create("postal_reports", {
                "report_no": f"{m + 1:02d}/BC-BC{n + 1:02d}-{due.year}",
                "enterprise_id": str(party_id), "period": period, "due_on": format_date(due),
                "received_on": format_date(received)})
            written += 1
    return written


def _licence_holders(services: Services) -> list[dict]:
    from sqlalchemy import select

    from sotttt_desktop.registers import get_register

    model = get_register("postal_licences").model
    with services.db.session() as session:
        return [{"party_id": party_id} for party_id in session.execute(
            select(model.party_id).where(model.party_id.is_not(None))
            .order_by(model.licence_date)).scalars()]
