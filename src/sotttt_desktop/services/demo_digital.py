"""Demo records of digital transformation and the IT industry (issue #18), written through the
services so every rule applies: officials' signature certificates of the provincial agencies
(some ending within 60 days, a device restored under ND 68/2024), the data catalogue and the
shared platforms, IT enterprises found among the demo's parties with their products (some
prioritised), a concentrated-park proposal, and IT investment appraisals on their clocks."""

from __future__ import annotations

import datetime as dt
import random
import zlib
from typing import TYPE_CHECKING

from sotttt_desktop.core import clock
from sotttt_desktop.errors import NotFoundError
from sotttt_desktop.i18n import format_date

if TYPE_CHECKING:
    from sotttt_desktop.services.facade import Services

AGENCIES = ("Văn phòng Ủy ban nhân dân tỉnh", "Sở Nội vụ", "Sở Tài chính",
            "Sở Kế hoạch và Đầu tư", "Sở Tư pháp", "Sở Y tế", "Sở Giáo dục và Đào tạo",
            "Ủy ban nhân dân thành phố Thủ Dầu Một", "Ủy ban nhân dân thành phố Dĩ An",
            "Ủy ban nhân dân thị xã Bến Cát", "Sở Tài nguyên và Môi trường",
            "Sở Lao động - Thương binh và Xã hội")
OFFICIALS = (("Nguyễn Văn Hùng", "Phó Chánh Văn phòng"), ("Trần Thị Mai", "Giám đốc"),
             ("Lê Minh Tuấn", "Phó Giám đốc"), ("Phạm Thị Lan", "Trưởng phòng"),
             ("Võ Thanh Sơn", "Chánh Văn phòng"), ("Huỳnh Ngọc Ánh", "Phó Trưởng phòng"),
             ("Đặng Quốc Bảo", "Chủ tịch"), ("Bùi Thị Hạnh", "Phó Chủ tịch"),
             ("Ngô Văn Phúc", "Văn thư"), ("Đỗ Thị Thu", "Kế toán trưởng"),
             ("Phan Văn Lợi", "Phó Giám đốc"), ("Trương Thị Kim", "Trưởng phòng"))
DATABASES = (
    ("Cơ sở dữ liệu đất đai tỉnh Bình Dương", "Sở Tài nguyên và Môi trường",
     "Luật Đất đai 2024", ("DD-001 | Tra cứu thông tin thửa đất",
                           "DD-002 | Tra cứu quy hoạch sử dụng đất")),
    ("Cơ sở dữ liệu hộ tịch điện tử", "Sở Tư pháp", "Luật Hộ tịch 2014",
     ("HT-001 | Tra cứu khai sinh", "HT-002 | Tra cứu kết hôn")),
    ("Cơ sở dữ liệu cán bộ, công chức, viên chức", "Sở Nội vụ",
     "Nghị định 47/2020/NĐ-CP", ("CB-001 | Tra cứu hồ sơ cán bộ",)),
    ("Cơ sở dữ liệu doanh nghiệp tỉnh", "Sở Kế hoạch và Đầu tư",
     "Luật Doanh nghiệp 2020", ("DN-001 | Tra cứu thông tin doanh nghiệp",)),
    ("Cơ sở dữ liệu tiêm chủng, khám chữa bệnh", "Sở Y tế", "Luật Khám bệnh, chữa bệnh 2023",
     ("YT-001 | Tra cứu lịch sử tiêm chủng",)),
)
PLATFORMS = (
    ("Nền tảng tích hợp, chia sẻ dữ liệu tỉnh Bình Dương (LGSP)", "lgsp"),
    ("Hệ thống quản lý văn bản và điều hành tỉnh Bình Dương", "e_office"),
    ("Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Bình Dương", "one_stop"),
    ("Hệ thống thư điện tử công vụ tỉnh Bình Dương", "mail"),
    ("Hệ thống hội nghị truyền hình trực tuyến tỉnh Bình Dương", "video"),
)
PRODUCTS = ("Phần mềm quản lý văn bản {name}", "Nền tảng thương mại điện tử {name}",
            "Giải pháp camera giám sát thông minh {name}", "Ứng dụng chuyển đổi số {name}",
            "Phần mềm quản lý bệnh viện {name}", "Cổng thanh toán điện tử {name}")
# (group or outline, title, investor, funding, value, days since receipt, steps)
APPRAISALS = (
    ("it_design_b", "Dự án xây dựng Trung tâm điều hành thông minh tỉnh Bình Dương",
     "Sở Thông tin và Truyền thông tỉnh Bình Dương", "public_investment", 95_000_000_000, 9, ()),
    ("it_design_c", "Dự án nâng cấp hạ tầng mạng nội bộ các sở, ngành",
     "Văn phòng Ủy ban nhân dân tỉnh Bình Dương", "public_investment", 12_500_000_000, 12,
     (("request_documents", 10), ("documents_received", 6))),
    ("it_design_c", "Dự án số hóa hồ sơ địa chính thành phố Thuận An",
     "Ủy ban nhân dân thành phố Thuận An", "public_investment", 8_700_000_000, 8,
     (("send_result", 3),)),
    ("it_outline", "Thuê phần mềm quản lý hồ sơ sức khỏe điện tử",
     "Sở Y tế tỉnh Bình Dương", "recurrent", 2_400_000_000, 17, ()),
    ("it_design_a", "Dự án đô thị thông minh tỉnh Bình Dương giai đoạn 2",
     "Ủy ban nhân dân tỉnh Bình Dương", "public_investment", 1_250_000_000_000, 4, ()),
)


CONCLUSION = (
    "Thiết kế cơ sở phù hợp với Kiến trúc Chính quyền điện tử tỉnh Bình Dương; giải pháp kỹ "
    "thuật, công nghệ đáp ứng yêu cầu kết nối, chia sẻ dữ liệu qua nền tảng LGSP của tỉnh.\n"
    "Đề nghị chủ đầu tư bổ sung phương án bảo đảm an toàn thông tin theo cấp độ trong hồ sơ "
    "trình phê duyệt.")


PLANS = (
    ("816/QĐ-UBND", "decision", "Phê duyệt Kế hoạch Chuyển đổi số tỉnh Bình Dương giai đoạn "
     "2021 – 2025, định hướng đến năm 2030", dt.date(2021, 3, 31), 2021),
    ("2071/KH-UBND", "plan", "Kế hoạch Chuyển đổi số tỉnh Bình Dương năm 2023",
     dt.date(2023, 5, 4), 2023),
    ("926/KH-UBND", "plan", "Kế hoạch Chuyển đổi số tỉnh Bình Dương năm 2024",
     dt.date(2024, 3, 4), 2024),
)
TASKS = ("Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "Cung cấp dịch vụ công trực "
         "tuyến toàn trình", "Kết nối, chia sẻ dữ liệu qua nền tảng LGSP",
         "Triển khai ký số trong xử lý văn bản", "Bồi dưỡng kỹ năng số cho cán bộ, công chức",
         "Xây dựng cơ sở dữ liệu chuyên ngành", "Bảo đảm an toàn thông tin theo cấp độ",
         "Thanh toán trực tuyến phí, lệ phí", "Triển khai nền tảng họp trực tuyến",
         "Phổ biến ứng dụng công dân số")


def fill_demo_plans(services: Services, seed: int = 926) -> dict[str, int]:
    """The province's plans (QĐ 816/QĐ-UBND, KH 2071/KH-UBND, KH 926/KH-UBND — REFERENCE-2 §7),
    the 2024 plan with 40 tasks across 12 agencies: most done, some overdue, some due this
    month."""
    from sotttt_desktop.registers.digital_plans import agencies

    rng = random.Random(seed)
    today = clock.local_today()
    ids = {}
    for number, kind, title, issued, year in PLANS:
        ids[number] = services.registers.create("dx_plans", {
            "plan_no": number, "kind": kind, "title": title,
            "issuer": "Ủy ban nhân dân tỉnh Bình Dương", "issued_on": format_date(issued),
            "year": str(year)})["id"]
    leads = [code for code, _name in agencies()][:12]
    for n in range(40):
        deadline = dt.date(2024, 3 + n % 10, 28) if n % 10 != 9 else dt.date(2024, 12, 20)
        if n % 13 == 5:
            deadline = today + dt.timedelta(days=10 + n % 15)  # due this month
        state = ("done" if deadline < today and n % 6 else
                 "in_progress" if deadline >= today or n % 2 else "not_started")
        services.registers.create("dx_tasks", {
            "task_code": f"926/KH-UBND-{n + 1:02d}", "plan_id": str(ids["926/KH-UBND"]),
            "task": f"{TASKS[n % len(TASKS)]} ({n // len(TASKS) + 1})",
            "lead_agency": leads[n % len(leads)], "deadline": format_date(deadline),
            "kpi": f"Đạt {rng.choice((80, 90, 100))} %", "state": state,
            "result": "Đã hoàn thành, có báo cáo kết quả" if state == "done" else ""})
    return {"plans": len(PLANS), "tasks": 40}


def fill_demo_dti(services: Services, seed: int = 922) -> int:
    """The DTI workbook of the two last years assessed (official scores published) and this
    year's self-assessment (figures are the demo's own)."""
    from sotttt_desktop.registers.dti import dti_version

    rng = random.Random(seed)
    today = clock.local_today()
    written = 0
    for year in (today.year - 2, today.year - 1, today.year):
        for index in dti_version(year)["index"]:
            most = index["points"]
            share = 0.55 + 0.05 * (year - today.year + 2) + rng.uniform(-0.05, 0.08)
            own = round(most * min(share + 0.04, 1.0), 2)
            official = round(most * min(share, 1.0), 2)
            services.registers.create("dti_scores", {
                "year": str(year), "index_code": index["code"],
                "self_score": f"{own:.2f}".replace(".", ","),
                "official_score": f"{official:.2f}".replace(".", ",")
                if year < today.year else ""})
            written += 1
    return written


def fill_demo_digital(services: Services, seed: int = 2022) -> dict[str, int]:
    rng = random.Random(seed)
    today = clock.local_today()
    return {**fill_demo_plans(services), "dti": fill_demo_dti(services),
            "certificates": _certificates(services, today, rng),
            "databases": _databases(services, today, rng),
            "platforms": _platforms(services, today),
            **_it_industry(services, today, rng)}


def _certificates(services: Services, today: dt.date, rng: random.Random) -> int:
    from sotttt_desktop.registers.digital import regime_on

    for n, ((name, position), agency) in enumerate(zip(OFFICIALS, AGENCIES, strict=True)):
        submitted = today - dt.timedelta(days=40 + 95 * n)
        kind = ("restore_device" if n == 0 else "renew" if n % 4 == 3 else "new")
        regime = regime_on(submitted)
        if regime is not None and kind not in regime["request_types"]:
            kind = "new"  # a device restored exists from ND 68/2024 on
        issued = n != 1  # the newest but one still awaits its certificate
        valid_from = submitted + dt.timedelta(days=rng.randint(5, 15))
        valid_to = (today + dt.timedelta(days=20 + 10 * n) if n in (2, 3)
                    else valid_from + dt.timedelta(days=5 * 365))
        services.registers.create("signature_certificates", {
            "request_no": f"{rng.randint(100, 3000)}/{agency.split()[0][:2].upper()}-"
                          f"{submitted.year}-{n + 1:02d}",
            "subscriber": name, "position": position, "agency": agency, "request_type": kind,
            "device": "token" if n % 3 else "sim",
            "device_serial": f"54030101{rng.randint(10**7, 10**8 - 1)}",
            "submitted_on": format_date(submitted),
            "cert_serial": f"540101{rng.randint(10**11, 10**12 - 1)}" if issued else "",
            "valid_from": format_date(valid_from) if issued else "",
            "valid_to": format_date(valid_to) if issued else "",
            "state": "issued" if issued else "submitted"})
    return len(OFFICIALS)


def _databases(services: Services, today: dt.date, rng: random.Random) -> int:
    for n, (name, owner, basis, shared_services) in enumerate(DATABASES):
        accounts = []
        for m, consumer in enumerate(rng.sample(AGENCIES, 2)):
            requested = today - dt.timedelta(days=30 + 20 * n + m)
            created = requested + dt.timedelta(days=3 if (n, m) != (1, 1) else 12)
            accounts.append(f"{consumer} | lgsp.{n + 1}{m + 1} | {format_date(requested)} | "
                            f"{format_date(created)}")
        database = services.registers.create("shared_databases", {
            "name": name, "owner": owner, "legal_basis": basis, "shared": "có",
            "services": "\n".join(shared_services), "accounts": "\n".join(accounts)})
        _requests(services, database, shared_services, accounts, today, rng)
    return len(DATABASES)


def _requests(services: Services, database: dict, shared_services: list[str],
              accounts: list[str], today: dt.date, rng: random.Random) -> None:
    """The last fortnight's requests to a database through the platform (ND 47/2020 Art.
    45), by the consumers that have an account: most served, one refused."""
    now = clock.local_now()
    for n in range(6):
        consumer, account = accounts[n % len(accounts)].split(" | ")[:2]
        code, _bar, service = shared_services[n % len(shared_services)].partition(" | ")
        at = (now - dt.timedelta(days=1 + 2 * n)).replace(hour=7, minute=30) + \
            dt.timedelta(minutes=rng.randint(0, 570))  # in office hours
        refused = n == 4
        services.registers.create("data_access_log", {
            "request_id": f"LGSP-{at:%Y%m%d%H%M}-{rng.randint(1000, 9999)}",
            "database_id": str(database["id"]), "service_code": code.strip(),
            "requested_at": at.strftime("%d/%m/%Y %H:%M"), "form": "service",
            "requester": f"{consumer} ({account})", "content": service.strip() or code,
            "state": "refused" if refused else "served",
            "data_shared": "" if refused else f"{rng.randint(1, 40)} bản ghi",
            "note": "Tài khoản chưa được cấp quyền dịch vụ này" if refused else ""})


def _platforms(services: Services, today: dt.date) -> int:
    for n, (name, kind) in enumerate(PLATFORMS):
        users = [f"{agency} | {format_date(today - dt.timedelta(days=700 - 30 * m))}"
                 for m, agency in enumerate(AGENCIES[n:n + 5])]
        services.registers.create("shared_platforms", {
            "name": name, "kind": kind, "operator": "Trung tâm Công nghệ thông tin và Truyền "
            "thông tỉnh Bình Dương", "users": "\n".join(users), "state": "running"})
    return len(PLATFORMS)


def _it_industry(services: Services, today: dt.date, rng: random.Random) -> dict[str, int]:
    found: dict[object, dict] = {}
    for words in ("cong nghe thong tin", "phan mem", "giai phap so"):
        for party in services.parties.list(text=words, kind="org", limit=8):
            found.setdefault(party["id"], party)
    enterprises = list(found.values())[:15] or services.parties.list(kind="org", limit=5)
    kinds = {"phần mềm": "software", "giải pháp số": "digital_tech"}
    for n, party in enumerate(enterprises):
        name = party["name"].lower()
        kind = next((v for k, v in kinds.items() if k in name), "services")
        employees = rng.randint(12, 400)
        services.registers.create("it_enterprises", {
            "enterprise_id": str(party["id"]), "kind": kind,
            "district_code": str(party.get("district_code") or 718),
            "founded": str(rng.randint(2005, 2022)), "employees": str(employees),
            "it_staff": str(int(employees * rng.uniform(0.4, 0.9))),
            "revenue": str(rng.randint(2, 400) * 1_000_000_000),
            "exports": str(rng.randint(0, 50) * 100_000_000) if n % 3 == 0 else "",
            "figures_year": str(today.year - 1),
            "certifications": "ISO/IEC 27001:2013" if n % 4 == 0 else "",
            "source": "Báo cáo của doanh nghiệp"})
    products = 0
    named: set[str] = set()
    for n, party in enumerate(enterprises[:8]):
        words = party["name"].split()
        name = PRODUCTS[n % len(PRODUCTS)].format(name=" ".join(words[-2:]))
        if name in named:  # two enterprises' names may end alike
            name = f"{name} {n + 1}"
        named.add(name)
        services.registers.create("it_products", {
            "product_name": name,
            "owner_id": str(party["id"]),
            "category": ("software", "platform", "hardware", "software", "software",
                         "service")[n % 6],
            "priority": "có" if n % 3 == 0 else "không",
            "criteria": "Đáp ứng tiêu chí Điều 4, Điều 5 Thông tư 40/2020/TT-BTTTT"
            if n % 3 == 0 else "", "year": str(today.year - 1)})
        products += 1
    services.registers.create("it_parks", {
        "name": "Khu công nghệ thông tin tập trung Thành phố mới Bình Dương", "kind": "general",
        "investor": "Tổng Công ty Đầu tư và Phát triển Công nghiệp - CTCP (Becamex IDC)",
        "district_code": "721", "area_ha": "12,5", "workers": "2600", "it_workers": "1720",
        "zones": "Khu sản xuất phần mềm; khu đào tạo; khu dịch vụ", "in_master_plan": "có",
        "submitted_on": format_date(today - dt.timedelta(days=60)), "state": "submitted",
        "note": "Hồ sơ mẫu: đơn vị, số liệu chưa xác nhận"})
    return {"enterprises": len(enterprises), "products": products, "parks": 1}


def agency_party(services: Services, name: str) -> object:
    """The provincial agency of this name in the register of parties (an organisation,
    district Thủ Dầu Một where the province's agencies sit), added when missing."""
    found, _error = services.links.find("parties", name)  # by its exact name
    if found is not None:
        return found
    # a state budget unit has its tax code too (an import finds it again by it): one derived
    # from the name, the next free one if a generated company holds it
    number = zlib.crc32(name.encode()) % 10**8
    while True:
        tax_code = f"37{number:08d}"
        try:
            services.parties.find(tax_code)
        except NotFoundError:
            break
        number = (number + 1) % 10**8
    return services.parties.add(kind="org", name=name, tax_code=tax_code, district_code="718",
                                address="Trung tâm Hành chính tập trung tỉnh Bình Dương, "
                                "phường Hòa Phú, thành phố Thủ Dầu Một")["id"]


# the kind of the same appraisal under ND 224/2026 (from 01/07/2026)
SUCCESSORS = {"it_design_a": "it_design_224_a", "it_design_b": "it_design_224_bc",
              "it_design_c": "it_design_224_bc", "it_outline": "it_recurrent_224"}


def fill_demo_appraisals(services: Services) -> int:
    """IT investment appraisals on their clocks; a result letter takes its number days ago
    (after the licensed entries' decisions, before the takedown letters)."""
    from sotttt_desktop.core.cases import kinds

    now = clock.local_now().replace(second=0, microsecond=0)
    investors: dict[str, str] = {}
    for kind, title, investor, funding, value, days_ago, steps in APPRAISALS:
        if investor not in investors:
            investors[investor] = str(agency_party(services, investor))
        opened = (now - dt.timedelta(days=days_ago)).replace(hour=8, minute=30)
        if not kinds()[kind].in_force(opened.date()):
            kind = SUCCESSORS[kind]  # a demo run on a day of ND 224/2026
        case = services.cases.open(
            kind, f"Thẩm định {title[:1].lower()}{title[1:]}", at=opened,
            data={"project": title, "investor": investors[investor], "funding": funding,
                  "value": str(value), "conclusion": CONCLUSION
                  if any(action == "send_result" for action, _days in steps) else ""})
        for action, step_days_ago in steps:
            services.cases.step(case["code"], action, reason="Bổ sung báo cáo khảo sát hiện "
                                "trạng và dự toán chi tiết" if action == "request_documents"
                                else "", at=(now - dt.timedelta(days=step_days_ago)).replace(
                                    hour=15, minute=0))
    return len(APPRAISALS)
