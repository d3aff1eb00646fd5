"""Demo antenna masts (issue #17, telecom), written through the register service so every rule
applies: the operators of the market as party records, masts in every district around its
centre (coordinates inside the province, half of them given in degrees, minutes and seconds as
operators' site lists give them), on the ground and on buildings (the not-bulky ones pass the
20 % / 3 m test), shared by other operators, with building permits or the exemption, their
inspections (some due within 30 days, some overdue) and every state."""

from __future__ import annotations

import datetime as dt
import random
from typing import TYPE_CHECKING

from sotttt_desktop.core import clock

if TYPE_CHECKING:
    from sotttt_desktop.services.facade import Services

# the mobile operators of the market, as the register of parties knows them (their Bình Dương
# branches carry the mast sites); the tax codes are the demo's own, not the real ones
OPERATORS = (
    ("Viettel Bình Dương - Chi nhánh Tập đoàn Công nghiệp - Viễn thông Quân đội", "VTL",
     "3700900101"),
    ("Viễn thông Bình Dương (VNPT Bình Dương)", "VNP", "3700900102"),
    ("Công ty Dịch vụ MobiFone Khu vực 6 - Tổng công ty Viễn thông MobiFone", "MBF",
     "3700900103"),
    ("Công ty Cổ phần Viễn thông Di động Vietnamobile", "VNM", "3700900104"),
)
# the approximate centre of each district (latitude, longitude); masts stand within ~4 km
DISTRICT_CENTRES = {718: (10.98, 106.65), 719: (11.25, 106.62), 720: (11.27, 106.42),
                    721: (11.15, 106.58), 722: (11.28, 106.80), 723: (11.06, 106.78),
                    724: (10.91, 106.77), 725: (10.92, 106.71), 726: (11.12, 106.85)}
STREETS = ("Đại lộ Bình Dương", "Quốc lộ 13", "ĐT 743", "ĐT 741", "ĐT 744", "Quốc lộ 1K",
           "đường Nguyễn Văn Tiết", "đường Mỹ Phước - Tân Vạn", "đường Huỳnh Văn Lũy",
           "đường Nguyễn An Ninh", "ĐT 746", "ĐT 747")
PERMIT_ISSUERS = ("Sở Xây dựng tỉnh Bình Dương", "UBND {district}")


def _dms(value: float, positive: str) -> str:
    degrees = int(value)
    minutes_full = (value - degrees) * 60
    minutes = int(minutes_full)
    seconds = round((minutes_full - minutes) * 60, 1)
    if seconds >= 60:
        minutes, seconds = minutes + 1, 0.0
    return f"{degrees}°{minutes:02d}'{seconds:04.1f}\"{positive}"


def add_operators(services: Services) -> list[object]:
    """The operators' party records (those missing added): their ids, in OPERATORS' order."""
    return add_market_orgs(services, OPERATORS, phone="0274 385{n} 000",
                           email="bts.{code}@example.vn",
                           address="Đại lộ Bình Dương, phường Phú Hòa, thành phố Thủ Dầu Một, "
                                   "tỉnh Bình Dương")


def add_market_orgs(services: Services, orgs: tuple[tuple[str, str, str], ...], *, phone: str,
                    email: str, address: str) -> list[object]:
    """Organisations of the market as party records — (name, code, tax code), those missing
    added, with `phone` ({n}: their place in `orgs`) and `email` ({code}) — their ids in
    order."""
    from sotttt_desktop.errors import NotFoundError

    ids = []
    for n, (name, code, tax_code) in enumerate(orgs):
        try:
            ids.append(services.parties.find(tax_code))
        except NotFoundError:
            ids.append(services.parties.add(
                kind="org", name=name, tax_code=tax_code, district_code="718",
                phone=phone.format(n=n), email=email.format(code=code.lower()),
                address=address)["id"])
    return ids


def fill_demo_masts(services: Services, count: int = 120, seed: int = 2017) -> int:
    """`count` masts spread over the districts; returns how many were written."""
    rng = random.Random(seed)
    today = clock.local_today()
    operators = [(party_id, name, code) for party_id, (name, code, _tax)
                 in zip(add_operators(services), OPERATORS, strict=True)]
    districts = services.reference.districts()
    written = 0
    for n in range(count):
        district = list(DISTRICT_CENTRES)[n % len(DISTRICT_CENTRES)]
        info = districts[district]
        commune_code, commune = rng.choice(info.communes)
        centre_lat, centre_lon = DISTRICT_CENTRES[district]
        lat = centre_lat + rng.uniform(-0.035, 0.035)
        lon = centre_lon + rng.uniform(-0.035, 0.035)
        coordinates = (f"{_dms(lat, 'N')}, {_dms(lon, 'E')}" if n % 2
                       else f"{lat:.6f}, {lon:.6f}")
        operator_id, _name, code = operators[rng.choices(range(4), (45, 30, 18, 7))[0]]
        on_building = rng.random() < 0.35
        if on_building:
            building = round(rng.uniform(12, 45), 1)
            small = rng.random() < 0.6
            mast = round(min(building * 0.2, 3.0) * rng.uniform(0.6, 1.0), 1) if small \
                else round(rng.uniform(6, 15), 1)
            category = rng.choice(("A1a", "A1b")) if small else "A2a"
        else:
            building, mast = None, round(rng.uniform(21, 60), 0)
            category = rng.choice(("A2b", "A2b", "A2c"))
        state = rng.choices(("built", "planned", "unsafe", "removed"), (88, 6, 3, 3))[0]
        built_on = today - dt.timedelta(days=rng.randint(200, 3000))
        inspected = built_on + dt.timedelta(days=rng.randint(10, 60))
        while inspected + dt.timedelta(days=3 * 365) < today:
            inspected += dt.timedelta(days=3 * 365)  # inspected again every three years
        due = inspected + dt.timedelta(days=3 * 365)
        if n % 9 == 4:  # a few due within the month, a few overdue
            due = today + dt.timedelta(days=rng.randint(1, 29))
        elif n % 17 == 8:
            due = today - dt.timedelta(days=rng.randint(5, 90))
        exempt = category in ("A1a", "A1b")
        sharing = [f"{other_name} | {(built_on + dt.timedelta(days=400)).strftime('%d/%m/%Y')}"
                   for other_id, other_name, _c in operators
                   if other_id != operator_id and state in ("built", "unsafe")
                   and rng.random() < 0.15]  # a mast is shared once it stands
        values: dict[str, object] = {
            "site_code": f"BDG-{code}-{district}-{n + 1:04d}",
            "operator_id": str(operator_id), "sharing": "\n".join(sharing),
            "address": f"Số {rng.randint(1, 480)} {rng.choice(STREETS)}, {commune}",
            "district_code": str(district), "commune_code": str(commune_code),
            "coordinates": coordinates,
            "mounting": "building" if on_building else "ground", "category": category,
            "mast_height": f"{mast:g}".replace(".", ","),
            "building_height": f"{building:g}".replace(".", ",") if building else "",
            "plan_conform": "có" if rng.random() < 0.9 else "không",
            "state": state, "note": ""}
        if state != "planned":
            if exempt:
                values["exemption_basis"] = ("Cột ăng ten không cồng kềnh — Thông tư liên tịch "
                                             "số 15/2016/TTLT-BTTTT-BXD")
            else:
                values["building_permit_no"] = f"{rng.randint(100, 2900)}/GPXD"
                values["building_permit_date"] = built_on.strftime("%d/%m/%Y")
                values["building_permit_issuer"] = rng.choice(PERMIT_ISSUERS).format(
                    district=info.name[0].lower() + info.name[1:])
            values["inspected_on"] = inspected.strftime("%d/%m/%Y")
            values["inspection_due"] = due.strftime("%d/%m/%Y")
        services.registers.create("antenna_masts", values)
        written += 1
    return written


# (code, route, kind, km, district, state)
ROUTES = (
    ("TD-718-01", "Đại lộ Bình Dương: ngã tư Sở Sao – cầu Ông Cộ", "aerial", "6.4", 718,
     "to_underground"),
    ("TD-718-02", "Đường Yersin – Cách Mạng Tháng Tám, phường Phú Cường", "duct", "2.1", 718,
     "in_use"),
    ("TD-724-01", "Quốc lộ 1K: ngã ba 550 – cầu Hóa An", "underground", "4.8", 724, "in_use"),
    ("TD-725-01", "Đại lộ Bình Dương: cầu Vĩnh Bình – ngã tư Bình Phước", "aerial", "5.2", 725,
     "to_underground"),
    ("TD-721-01", "Quốc lộ 13: Mỹ Phước – Bàu Bàng", "aerial", "11.7", 721, "in_use"),
    ("TD-723-01", "ĐT 746: Tân Uyên – Hội Nghĩa", "aerial", "9.3", 723, "in_use"),
    ("TD-720-01", "ĐT 744: Dầu Tiếng – Thanh Tuyền", "aerial", "8.0", 720, "removed"),
)
POINTS_OF_SALE = ("Cửa hàng điện thoại di động Minh Phát", "Đại lý SIM thẻ Hoàng Long",
                  "Cửa hàng viễn thông Thành Công", "Điểm bán SIM chợ Thủ Dầu Một",
                  "Đại lý SIM thẻ Ngọc Ánh", "Cửa hàng điện thoại Hải Đăng")


def fill_demo_telecom_records(services: Services, seed: int = 2016) -> dict[str, int]:
    """The province's plan of 2016 (QĐ 2200/QĐ-UBND, REFERENCE-2 §4), cable routes of the
    operators, inspections of points of sale (one violation recorded)."""
    rng = random.Random(seed)
    today = clock.local_today()
    operators = add_operators(services)
    services.registers.create("telecom_plans", {
        "decision_no": "2200/QĐ-UBND", "decided_on": "25/08/2016",
        "issuer": "Ủy ban nhân dân tỉnh Bình Dương",
        "title": "Quy hoạch hạ tầng kỹ thuật viễn thông thụ động tỉnh Bình Dương đến năm 2020, "
                 "định hướng đến năm 2025", "period": "Đến năm 2020, định hướng đến năm 2025",
        "effective_from": "25/08/2016",
        "note": "Quy hoạch kế tiếp (tích hợp trong quy hoạch tỉnh thời kỳ 2021–2030): chưa xác "
                "nhận số, ngày."})
    for n, (code, route, kind, km, district, state) in enumerate(ROUTES):
        services.registers.create("cable_routes", {
            "route_code": code, "route": route, "owner_id": str(operators[n % 2]),
            "kind": kind, "length_km": km.replace(".", ","), "district_code": str(district),
            "underground_project": "Dự án ngầm hóa hạ tầng viễn thông các tuyến đường chính "
                                   "đô thị" if state == "to_underground" else "",
            "permits": f"Giấy phép thi công số {rng.randint(10, 400)}/GP-SGTVT" if kind != "aerial"
            else "", "state": state})
    districts = services.reference.districts()
    for n, name in enumerate(POINTS_OF_SALE):
        district = list(DISTRICT_CENTRES)[n % len(DISTRICT_CENTRES)]
        _code, commune = rng.choice(districts[district].communes)
        violation = n == 2
        services.registers.create("subscriber_inspections", {
            "point_of_sale": name, "operator_id": str(operators[n % len(operators)]),
            "address": f"Số {rng.randint(1, 300)} {rng.choice(STREETS)}, {commune}",
            "district_code": str(district),
            "inspected_on": (today - dt.timedelta(days=10 + 17 * n)).strftime("%d/%m/%Y"),
            "finding": "violation" if violation else "compliant",
            "findings": "Bán SIM đã kích hoạt sẵn thông tin thuê bao" if violation else
            "Đại lý lưu giữ đủ hợp đồng, thông tin thuê bao đúng quy định",
            "record_no": f"{n + 1:02d}/BB-KTTB"})
    return {"plans": 1, "routes": len(ROUTES), "inspections": len(POINTS_OF_SALE)}
